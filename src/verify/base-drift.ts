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
  const hash = createHash("sha256").update(
    `migrate-guard-base-drift-${FORMAT}\0${VERSION}\0prisma ${k.prismaMajor}\0postgres ${k.postgresMajor}\0${k.schemas.join(",")}\0${k.baseSchemaText}`,
  );
  for (const m of k.base) hash.update(`\0${m.name}\0${createHash("sha256").update(m.sql).digest("hex")}`);
  return hash.digest("hex").slice(0, 40);
}

const entryFile = (cacheDir: string, key: string) => path.join(cacheDir, "base-drift", `${key}.json`);

export async function readBaseDrift(cacheDir: string, key: string): Promise<string[] | undefined> {
  try {
    const entry = JSON.parse(await readFile(entryFile(cacheDir, key), "utf8")) as { format?: number; key?: string; differences?: unknown };
    if (
      entry.format !== FORMAT ||
      entry.key !== key ||
      !Array.isArray(entry.differences) ||
      !entry.differences.every((d) => typeof d === "string")
    )
      return undefined;
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
  /** A database that already holds the base's migrated state (the snapshot's prefix), if this run has one. */
  baseState?: () => Promise<BaseState | undefined>;
}

export interface BaseState {
  url: string;
  release(): Promise<void>;
}

function sameHistory(base: readonly BaseMigration[], current: readonly Migration[]): boolean {
  const byName = new Map(current.map((m) => [m.name, m.sql]));
  return base.length === current.length && base.every((b) => byName.get(b.name) === b.sql);
}

/**
 * The base's differences (messages of the catalog comparison, raw-SQL indexes included). The base's
 * migrated state is the verify database itself when the branch has the base's migrations unchanged,
 * else the snapshot's prefix state when this run has it, else the project's Prisma deploys the base's
 * migrations on a scratch database.
 */
export async function measureBaseDrift(p: MeasureBaseDrift): Promise<string[]> {
  const started = Date.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-base-schema-"));
  let state: BaseState | undefined;
  let how = "the branch's migrations are the base's";
  try {
    if (sameHistory(p.base, p.current)) state = { url: p.url, release: async () => {} };
    else {
      state = await p.baseState?.().catch(() => undefined);
      how = "the snapshot's prefix state";
    }
    if (!state) {
      how = "the base's migrations deployed on a scratch database";
      state = await deployBase(p);
    }
    const schemaFile = path.join(tmp, "schema.prisma");
    await writeFile(schemaFile, p.baseSchemaText);
    const sql = await p.prisma.schemaToSql(state.url, schemaFile);
    const expected = await expectedCatalog({
      adminUrl: p.adminUrl,
      schemaSql: sql,
      schemas: p.project.schemas,
      extensions: await readExtensions(state.url),
    });
    const items = await catalogDifferences(state.url, expected, p.project.schemas);
    p.logger.debug(`timing: base drift measured on ${how} ${Date.now() - started} ms`);
    // Indexes schema.prisma cannot express too: on the base already, they need no judging either.
    return items.map((i) => i.message);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await state?.release().catch(() => {});
  }
}

/** The project's Prisma deploys the base's migrations (their text from git) on a new scratch database. */
async function deployBase(p: MeasureBaseDrift): Promise<BaseState> {
  const scratch = `migrate_guard_base_${randomBytes(4).toString("hex")}`;
  await createDatabase(p.adminUrl, scratch);
  const release = () => dropDatabase(p.adminUrl, scratch);
  try {
    const url = withDatabase(p.adminUrl, scratch);
    const project = await writePrefixProject(p.project, p.project.migrationsDir, p.base, {
      texts: new Map(p.base.map((m) => [m.name, m.sql])),
    });
    try {
      const deployed = await p.prisma.deploy(url, undefined, { from: project.from });
      if (deployed.code !== 0)
        throw new Error(
          `prisma migrate deploy of the base's ${p.base.length} migrations failed: ${(deployed.stderr || deployed.stdout).trim().split("\n").slice(-3).join(" ")}`,
        );
    } finally {
      await project.remove();
    }
    return { url, release };
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
}
