// verify's use of the snapshot cache (src/cache/snapshot-cache.ts): look the verified prefix up,
// restore it on a hit, and on a miss make Prisma deploy the prefix first so that its state can be
// copied inside the server (CREATE DATABASE … TEMPLATE) before the new migrations are applied; the
// copy is dumped into the cache once the migrations applied. Every migration is still applied by the
// project's own `prisma migrate deploy`: on a hit the `_prisma_migrations` rows come with the snapshot
// (written by Prisma when the snapshot was made), so Prisma applies only the new migrations.
import { randomBytes } from "node:crypto";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import type { CacheOutcome } from "../core/report.js";
import { lookupSnapshot, saveSnapshot, snapshotKey, type SnapshotManifest } from "../cache/snapshot-cache.js";
import type { Cluster } from "../postgres/cluster.js";
import { connectClient, createDatabase, dropDatabase, readPrismaMigrations, withDatabase } from "../postgres/database.js";
import { cloneDatabase, dumpDatabase, restoreDatabase } from "../postgres/snapshot.js";
import type { PrismaCli, PrismaRunResult } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";
import { VERSION } from "../version.js";
import { writePrefixProject } from "./prefix.js";

export const VERIFY_DATABASE = "migrate_guard_verify";

export interface SnapshotRun {
  /** `newMigrationsMs`: the applied migrations' own durations (from `_prisma_migrations`), for the time saved. */
  outcome(newMigrationsMs?: number): CacheOutcome;
  /** Migrations that came from the snapshot (0 unless hit). */
  restored: number;
  /** Runs `prisma migrate deploy` the way this cache state needs (one run, or prefix then the rest). */
  deploy(onLine: (line: string) => void): Promise<PrismaRunResult>;
  /** After a successful apply: writes the prefix's snapshot when this run made one. Never throws. */
  save(): Promise<void>;
  /** Drops the prefix copy if one was made. */
  dispose(): Promise<void>;
}

interface Params {
  cacheDir: string;
  cluster: Cluster;
  /** The verify database (VERIFY_DATABASE on `cluster`). */
  url: string;
  prisma: PrismaCli;
  project: PrismaProject;
  migrationsDir: string;
  current: readonly Migration[];
  prefix: readonly Migration[];
  logger: Logger;
}

/** Looks the prefix up and, on a hit, restores it into the verify database. */
export async function openSnapshot(params: Params): Promise<SnapshotRun> {
  const { cluster, url, prisma, prefix, logger } = params;
  const adminUrl = withDatabase(url, "postgres");
  const key = snapshotKey({ productVersion: VERSION, prismaMajor: prisma.major, postgresMajor: cluster.major, migrations: prefix });

  if (prefix.length === 0) {
    return fixed({ state: "miss", migrations: 0, detail: "no migration is shared with the base branch: nothing to cache" }, 0, (onLine) => prisma.deploy(url, onLine));
  }
  const found = await lookupSnapshot(params.cacheDir, key);
  let state: CacheOutcome["state"] = found.state === "hit" ? "hit" : found.state;
  let corruptReason = found.state === "corrupt" ? found.reason : undefined;
  if (found.state === "corrupt") logger.warning(`Snapshot cache: the cached snapshot of the ${prefix.length} base migration(s) is corrupt (${found.reason}); ignored and removed, applying from scratch.`);

  if (found.state === "hit") {
    const started = Date.now();
    try {
      await restoreDatabase(cluster.bindir, url, found.dumpFile);
      const restoreMs = Date.now() - started;
      logger.info(`Snapshot cache: hit — ${prefix.length} migration(s) restored in ${(restoreMs / 1000).toFixed(1)} s; Prisma applies the other ${params.current.length - prefix.length}.`);
      let deployMs = 0;
      return {
        restored: prefix.length,
        // Saved: Prisma's time for the prefix when it was cached, less this run's restore and the part
        // of this run's deploy that is not the new migrations' own time (Prisma's start, its reading
        // of the history), which a run without the cache pays as well.
        outcome: (newMigrationsMs = 0) => ({
          state: "hit", migrations: prefix.length, savedMs: Math.max(0, found.manifest.applyMs - restoreMs - Math.max(0, deployMs - newMigrationsMs)),
          detail: `${prefix.length} already-verified migration(s) restored from the snapshot in ${(restoreMs / 1000).toFixed(1)} s`,
        }),
        async deploy(onLine) {
          const deployStarted = Date.now();
          try {
            return await prisma.deploy(url, onLine);
          } finally {
            deployMs = Date.now() - deployStarted;
          }
        },
        save: async () => {},
        dispose: async () => {},
      };
    } catch (error) {
      // A dump that passed its checksum but does not restore is as untrusted as a corrupt one.
      state = "corrupt";
      corruptReason = `it did not restore: ${(error as Error).message.split("\n")[0]}`;
      logger.warning(`Snapshot cache: the cached snapshot did not restore (${corruptReason}); applying from scratch.`);
      await dropDatabase(adminUrl, VERIFY_DATABASE);
      await createDatabase(adminUrl, VERIFY_DATABASE);
    }
  }

  // Miss (or corrupt): this run makes the snapshot. With new migrations, Prisma deploys the prefix on
  // its own first (one extra Prisma start) and the server copies that state.
  const copy = `migrate_guard_prefix_${randomBytes(4).toString("hex")}`;
  const whole = prefix.length === params.current.length;
  let prefixMs = 0;
  let copied = false;
  let saved = false;
  const detail = () =>
    state === "corrupt"
      ? `the cached snapshot was corrupt (${corruptReason}) and was ignored${saved ? "; a new one was saved" : ""}`
      : `${prefix.length} already-verified migration(s) were not cached${saved ? "; their snapshot was saved for the next run" : ""}`;
  return {
    restored: 0,
    outcome: () => ({ state, migrations: prefix.length, saved, detail: detail() }),
    async deploy(onLine) {
      if (whole) {
        const started = Date.now();
        const result = await prisma.deploy(url, onLine);
        prefixMs = Date.now() - started;
        return result;
      }
      const project = await writePrefixProject(params.project, params.migrationsDir, prefix);
      let first: PrismaRunResult;
      const started = Date.now();
      try {
        first = await prisma.deploy(url, onLine, project.from);
      } finally {
        await project.remove();
      }
      prefixMs = Date.now() - started;
      if (first.code !== 0) {
        // Whatever stopped the prefix-only deploy (a migration that fails, or the copied project
        // itself), the real project's deploy decides: it reports a failed migration as Prisma does
        // (P3009 names it) or applies everything. No snapshot from this run.
        logger.debug(`Snapshot cache: the prefix-only deploy failed (exit ${first.code}); deploying the project as it is, no snapshot this run.`);
        return prisma.deploy(url, onLine);
      }
      try {
        // Prisma 7 can exit 0 having applied nothing when its engine dies: copy only a complete prefix.
        const problem = await unsnapshotable(url, prefix);
        if (problem) logger.info(`Snapshot cache: not saved this run — ${problem}.`);
        else {
          await cloneDatabase(adminUrl, VERIFY_DATABASE, copy);
          copied = true;
        }
      } catch (error) {
        logger.debug(`Snapshot cache: the prefix could not be copied (${(error as Error).message}); no snapshot this run.`);
      }
      const rest = await prisma.deploy(url, onLine);
      return { code: rest.code, stdout: `${first.stdout}\n${rest.stdout}`, stderr: `${first.stderr}\n${rest.stderr}` };
    },
    async save() {
      if (!whole && !copied) return;
      const source = whole ? url : withDatabase(url, copy);
      const problem = await unsnapshotable(source, prefix).catch((error: Error) => `its state could not be checked (${error.message.split("\n")[0]})`);
      if (problem) {
        logger.info(`Snapshot cache: not saved — ${problem}.`);
        return;
      }
      const meta: Omit<SnapshotManifest, "format" | "key" | "createdAt" | "files"> = {
        productVersion: VERSION, prismaVersion: prisma.version, postgresVersion: cluster.version, migrations: prefix.map((m) => m.name), applyMs: prefixMs,
      };
      const started = Date.now();
      saved = await saveSnapshot(params.cacheDir, key, meta, (file) => dumpDatabase(cluster.bindir, source, file));
      logger.debug(`Snapshot cache: ${saved ? "saved" : "not saved"} (${Date.now() - started} ms).`);
    },
    async dispose() {
      if (copied) await dropDatabase(adminUrl, copy).catch(() => {});
    },
  };
}

function fixed(outcome: CacheOutcome, restored: number, deploy: SnapshotRun["deploy"]): SnapshotRun {
  return { restored, outcome: () => outcome, deploy, save: async () => {}, dispose: async () => {} };
}

/**
 * Why the state at `url` must not become the prefix's snapshot, or undefined when it may. A dump holds
 * one database: roles (`CREATE ROLE`) and role or database settings (`ALTER ROLE/DATABASE … SET`) live
 * in the cluster and would be missing after a restore, so a warm run could pass a migration a cold run
 * fails (or the reverse). And `_prisma_migrations` must hold exactly the prefix, finished.
 */
async function unsnapshotable(url: string, prefix: readonly Migration[]): Promise<string | undefined> {
  const client = await connectClient(url);
  try {
    const roles = await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE oid <> 10 AND rolname !~ '^pg_' ORDER BY rolname");
    if (roles.rows.length > 0) return `the migrations created role(s) ${roles.rows.map((r) => r.rolname).join(", ")}, which a database dump cannot carry`;
    const settings = await client.query("SELECT 1 FROM pg_db_role_setting LIMIT 1");
    if (settings.rows.length > 0) return "the migrations set role or database settings (ALTER ROLE/DATABASE … SET), which a database dump cannot carry";
    const names = (await readPrismaMigrations(url)).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name).sort();
    const expected = prefix.map((m) => m.name).sort();
    if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
      return `_prisma_migrations holds ${names.length} finished migration(s), not exactly the ${expected.length} of the prefix`;
    }
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
