// The verified prefix: the leading migrations (in Prisma's order) that the branch shares, name and
// bytes, with its base ref. Their migrated state is what the snapshot cache keeps. To build it on a
// miss without replaying anything twice, Prisma first deploys a copy of the project that holds only
// the prefix (same schema, same config, a migrations folder with the prefix's files copied byte for
// byte, so its `_prisma_migrations` checksums are the real ones), then the real project.
import { copyFile, cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BaseMigration } from "../core/history.js";
import { compareMigrationNames, LOCK_FILE, type Migration } from "../core/migrations.js";
import type { PrismaProject } from "../prisma/project.js";

/** Without a base ref every migration is existing history: the whole list is the prefix. */
export function verifiedPrefix(current: readonly Migration[], base: readonly BaseMigration[] | undefined): Migration[] {
  if (!base) return [...current];
  const byName = new Map(base.map((b) => [b.name, b.sql]));
  const prefix: Migration[] = [];
  for (const m of current) {
    if (byName.get(m.name) !== m.sql) break;
    prefix.push(m);
  }
  // A base migration missing from the branch (deleted, renamed) ends the shared history: what
  // follows it in the base's order is not the base's state any more.
  const baseSorted = base.map((b) => b.name).sort(compareMigrationNames);
  const shared = prefix.findIndex((m, i) => baseSorted[i] !== m.name);
  return shared === -1 ? prefix : prefix.slice(0, shared);
}

export interface PrefixProject {
  /** What to pass to PrismaCli.deploy's `from`. */
  from: { configFile?: string; schemaPath?: string };
  remove(): Promise<void>;
}

/**
 * A temporary project whose migrations folder holds only `prefix`. With a prisma.config file the copy
 * is a config that imports the real one and overrides the schema and migrations paths (Prisma 7 needs
 * its config for the URL; the adapter, engine and env come along); without one, the schema is copied
 * next to the migrations folder, where Prisma 5/6 look for it.
 */
export async function writePrefixProject(
  project: PrismaProject,
  migrationsDir: string,
  prefix: readonly Pick<Migration, "name">[],
  options: { texts?: ReadonlyMap<string, string> } = {},
): Promise<PrefixProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-prefix-"));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    // Prisma 5/6 without a config look for migrations beside the schema file, or inside a schema folder.
    const schemaCopy = path.join(root, path.basename(project.schemaPath));
    const schemaIsFolder = !project.configFile && (await stat(project.schemaPath)).isDirectory();
    const migrations = schemaIsFolder ? path.join(schemaCopy, "migrations") : path.join(root, "migrations");
    if (!project.configFile) await copyTree(project.schemaPath, schemaCopy);
    await mkdir(migrations, { recursive: true });
    await copyFile(path.join(migrationsDir, LOCK_FILE), path.join(migrations, LOCK_FILE)).catch(() => {});
    await Promise.all(
      prefix.map(async (m) => {
        await mkdir(path.join(migrations, m.name));
        // `texts`: another commit's migrations (the base ref's), written from their text.
        const text = options.texts?.get(m.name);
        if (text !== undefined) await writeFile(path.join(migrations, m.name, "migration.sql"), text);
        else await copyFile(path.join(migrationsDir, m.name, "migration.sql"), path.join(migrations, m.name, "migration.sql"));
      }),
    );
    if (project.configFile) {
      const configFile = path.join(root, "prisma.config.ts");
      const source = [
        `import base from ${JSON.stringify(project.configFile)};`,
        `const config = { ...base, schema: ${JSON.stringify(project.schemaPath)}, migrations: { ...(base.migrations ?? {}), path: ${JSON.stringify(migrations)} } };`,
        "export default config;",
        "",
      ].join("\n");
      await writeFile(configFile, source);
      return { from: { configFile }, remove };
    }
    return { from: { schemaPath: schemaCopy }, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function copyTree(from: string, to: string): Promise<void> {
  // A schema folder (prismaSchemaFolder) keeps its .prisma files; its own migrations folder is not copied.
  await cp(from, to, { recursive: true, filter: (src) => path.basename(src) !== "migrations" });
}
