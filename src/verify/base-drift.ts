// The drift a base ref already has: schema.prisma at the base against the base's migrations, by the
// same catalog comparison as the pull request's (so a difference reads the same on both). Only what
// the pull request adds fails (docs/drift.md). The list is cached beside the verified-prefix snapshots,
// under a key of everything that decides it, so a warm run reads a small file instead of measuring.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BaseMigration } from "../core/history.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import { readExtensions } from "../postgres/catalog-reader.js";
import { createDatabase, dropDatabase, withDatabase } from "../postgres/database.js";
import type { PrismaCli } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";
import { VERSION } from "../version.js";
import { catalogDifferences, expectedCatalog } from "./drift.js";
import { writePrefixProject } from "./prefix.js";

const FORMAT = 1;
/** Entries kept; each is a few kilobytes. */
const MAX_ENTRIES = 20;

export interface BaseDriftKey {
  prismaMajor: number;
  postgresMajor: number;
  schemas: readonly string[];
  baseSchemaText: string;
  base: readonly BaseMigration[];
}

export function baseDriftKey(k: BaseDriftKey): string {
  const hash = createHash("sha256").update(`migrate-guard-base-drift-${FORMAT}\0${VERSION}\0prisma ${k.prismaMajor}\0postgres ${k.postgresMajor}\0${k.schemas.join(",")}\0${k.baseSchemaText}`);
  for (const m of k.base) hash.update(`\0${m.name}\0${createHash("sha256").update(m.sql).digest("hex")}`);
  return hash.digest("hex").slice(0, 40);
}

const entryFile = (cacheDir: string, key: string) => path.join(cacheDir, "base-drift", `${key}.json`);

export async function readBaseDrift(cacheDir: string, key: string): Promise<string[] | undefined> {
  try {
    const entry = JSON.parse(await readFile(entryFile(cacheDir, key), "utf8")) as { format?: number; key?: string; differences?: unknown };
    if (entry.format !== FORMAT || entry.key !== key || !Array.isArray(entry.differences) || !entry.differences.every((d) => typeof d === "string")) return undefined;
    return entry.differences as string[];
  } catch {
    return undefined;
  }
}

/** Written aside and renamed into place; an unwritable cache only costs the next run its speed. */
export async function writeBaseDrift(cacheDir: string, key: string, differences: readonly string[]): Promise<void> {
  const dir = path.dirname(entryFile(cacheDir, key));
  try {
    await mkdir(dir, { recursive: true });
    const staging = path.join(dir, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
    await writeFile(staging, JSON.stringify({ format: FORMAT, key, createdAt: new Date().toISOString(), differences }));
    await rename(staging, entryFile(cacheDir, key));
    const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
    if (files.length > MAX_ENTRIES) {
      const aged = await Promise.all(files.map(async (f) => ({ f, t: (await stat(path.join(dir, f))).mtimeMs })));
      aged.sort((a, b) => a.t - b.t);
      await Promise.all(aged.slice(0, files.length - MAX_ENTRIES).map(({ f }) => rm(path.join(dir, f), { force: true })));
    }
  } catch {
    // not cached
  }
}

export interface MeasureBaseDrift {
  prisma: PrismaCli;
  project: PrismaProject;
  /** The verify database (migrated) and an admin URL of the same server for scratch databases. */
  url: string;
  adminUrl: string;
  base: readonly BaseMigration[];
  current: readonly Migration[];
  baseSchemaText: string;
  logger: Logger;
}

function sameHistory(base: readonly BaseMigration[], current: readonly Migration[]): boolean {
  const byName = new Map(current.map((m) => [m.name, m.sql]));
  return base.length === current.length && base.every((b) => byName.get(b.name) === b.sql);
}

/**
 * The base's differences (messages of the catalog comparison). The base's migrated state is the
 * verify database itself when the branch has the base's migrations unchanged; otherwise the project's
 * Prisma deploys the base's migrations on a scratch database.
 */
export async function measureBaseDrift(p: MeasureBaseDrift): Promise<string[]> {
  const started = Date.now();
  const scratch = sameHistory(p.base, p.current) ? undefined : `migrate_guard_base_${randomBytes(4).toString("hex")}`;
  const tmp = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-base-schema-"));
  try {
    let baseUrl = p.url;
    if (scratch) {
      await createDatabase(p.adminUrl, scratch);
      baseUrl = withDatabase(p.adminUrl, scratch);
      const project = await writePrefixProject(p.project, p.project.migrationsDir, p.base, { texts: new Map(p.base.map((m) => [m.name, m.sql])) });
      try {
        const deployed = await p.prisma.deploy(baseUrl, undefined, { from: project.from });
        if (deployed.code !== 0) throw new Error(`prisma migrate deploy of the base's ${p.base.length} migrations failed: ${(deployed.stderr || deployed.stdout).trim().split("\n").slice(-3).join(" ")}`);
      } finally {
        await project.remove();
      }
    }
    const schemaFile = path.join(tmp, "schema.prisma");
    await writeFile(schemaFile, p.baseSchemaText);
    const sql = await p.prisma.schemaToSql(baseUrl, schemaFile);
    const expected = await expectedCatalog({ adminUrl: p.adminUrl, schemaSql: sql, schemas: p.project.schemas, extensions: await readExtensions(baseUrl) });
    const items = await catalogDifferences(baseUrl, expected, p.project.schemas);
    p.logger.debug(`timing: base drift measured (${scratch ? "base migrations deployed on a scratch database" : "the branch's migrations are the base's"}) ${Date.now() - started} ms`);
    return items.filter((i) => !i.informational).map((i) => i.message);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    if (scratch) await dropDatabase(p.adminUrl, scratch).catch(() => {});
  }
}
