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
import type pg from "pg";
import { discardSnapshot, lookupSnapshot, saveSnapshot, snapshotKey, type SnapshotManifest } from "../cache/snapshot-cache.js";
import { findDumpTools } from "../postgres/binaries.js";
import type { Cluster } from "../postgres/cluster.js";
import { connectClient, createDatabase, dropDatabase, readPrismaMigrations, withDatabase } from "../postgres/database.js";
import { cloneDatabase, dumpDatabase, restoreDatabase } from "../postgres/snapshot.js";
import { PRISMA_ADVISORY_LOCK_KEY, type PrismaCli, type PrismaRunResult } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";
import { VERSION } from "../version.js";
import { writePrefixProject } from "./prefix.js";

export const VERIFY_DATABASE = "migrate_guard_verify";

export interface SnapshotRun {
  /** `newMigrationsMs`: the applied migrations' own durations (from `_prisma_migrations`), for the time saved. */
  outcome(newMigrationsMs?: number): CacheOutcome;
  /** Migrations that came from the snapshot (0 unless hit); final once deploy() has returned. */
  readonly restored: number;
  /**
   * Runs `prisma migrate deploy` the way this cache state needs (one run, or prefix then the rest). On
   * a hit, `whileLocked` runs on the restored database before Prisma may touch it, in a session that
   * holds Prisma's advisory lock (it must leave the database as it found it); it is not called when
   * the restore failed.
   */
  deploy(onLine: (line: string) => void, hooks?: DeployHooks): Promise<PrismaRunResult>;
  /** On a hit: restores the snapshot into another (new) database of the cluster, e.g. for measuring locks. */
  restoreCopy?(database: string): Promise<void>;
  /**
   * A database holding the prefix's migrated state until dispose() (on a miss, the copy the snapshot
   * is dumped from; read it, never change it), or undefined when this run has none.
   */
  prefixStateUrl?(): string | undefined;
  /** After a successful apply: writes the prefix's snapshot when this run made one. Never throws. */
  save(): Promise<void>;
  /** Drops the prefix copy if one was made. */
  dispose(): Promise<void>;
}

export interface DeployHooks {
  /**
   * On a hit: runs on the restored database before Prisma may touch it, in a session that holds
   * Prisma's advisory lock (it must leave the database as it found it). Not called when the restore failed.
   */
  whileLocked?: (client: pg.Client) => Promise<void>;
  /**
   * On a miss with new migrations: the prefix's state was copied aside (for the snapshot); `copy(name)`
   * makes another copy of it as a new database. Not called when no copy was made.
   */
  onPrefixState?: (copy: (database: string) => Promise<void>) => void;
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

/** Params once the dump tools are known: pg_dump/pg_restore for the cluster's major (findDumpTools). */
interface RunParams extends Params {
  dumpBindir: string;
}

/**
 * A deploy with at most this many pending migrations starts Prisma without Node's optimising
 * compilers (see SHORT_LIVED_NODE_FLAGS): on a hit Prisma's own start-up is most of its work.
 */
const SHORT_DEPLOY_MAX_PENDING = 25;

/** Looks the prefix up. Nothing is restored yet: on a hit the restore overlaps Prisma's start (see deploy). */
export async function openSnapshot(params: Params): Promise<SnapshotRun> {
  const { cluster, url, prisma, prefix, logger } = params;
  const key = snapshotKey({ productVersion: VERSION, prismaMajor: prisma.major, postgresMajor: cluster.major, migrations: prefix });

  if (prefix.length === 0) {
    return fixed({ state: "miss", migrations: 0, detail: "no migration is shared with the base branch: nothing to cache" }, 0, (onLine) =>
      prisma.deploy(url, onLine),
    );
  }
  // Builds fetched from npm (provision.ts) hold the server only: an installed client of the same or a
  // newer major makes and restores the snapshots then; without one there is no snapshot.
  const tools = await findDumpTools(cluster.bindir, cluster.major);
  if (!tools) {
    return fixed(
      {
        state: "off",
        migrations: 0,
        detail:
          `PostgreSQL ${cluster.version} ${cluster.installation?.source === "npm" ? "fetched from npm" : `in ${cluster.bindir}`} has no pg_dump/pg_restore to make snapshots with, ` +
          `and no installed client of major ${cluster.major} or newer was found (e.g. apt-get install postgresql-client-${cluster.major}): every migration was applied`,
      },
      0,
      (onLine) => prisma.deploy(url, onLine),
    );
  }
  if (tools.bindir !== cluster.bindir) logger.debug(`Snapshot cache: pg_dump/pg_restore ${tools.major} from ${tools.bindir}.`);
  const run: RunParams = { ...params, dumpBindir: tools.bindir };
  const found = await lookupSnapshot(params.cacheDir, key);
  if (found.state === "hit") {
    return restoring(run, found.dumpFile, found.manifest, async (reason) => {
      await discardSnapshot(params.cacheDir, key);
      return making(run, key, "corrupt", reason);
    });
  }
  if (found.state === "corrupt")
    logger.warning(
      `Snapshot cache: the cached snapshot of the ${prefix.length} base migration(s) is corrupt (${found.reason}); ignored and removed, applying from scratch.`,
    );
  return making(run, key, found.state, found.state === "corrupt" ? found.reason : undefined);
}

/**
 * A hit. Prisma's CLI spends ~2 s starting (loading, reading every migration file) before it takes
 * its advisory lock (PRISMA_ADVISORY_LOCK_KEY) and reads `_prisma_migrations`; verify takes that lock
 * first, starts Prisma, restores the snapshot in one transaction meanwhile, and releases the lock:
 * Prisma then finds the restored history, exactly as if it had been started afterwards. It is
 * Prisma's own mechanism against two concurrent `migrate` commands; verify's throwaway Prisma always
 * has it on (PrismaCliOptions.throwaway).
 */
function restoring(
  params: RunParams,
  dumpFile: string,
  manifest: SnapshotManifest,
  asMiss: (reason: string) => Promise<SnapshotRun>,
): SnapshotRun {
  const { url, prisma, prefix, logger } = params;
  const adminUrl = withDatabase(url, "postgres");
  const shortLived = params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING;
  let restoreMs = 0;
  let wallMs = 0;
  let fallback: SnapshotRun | undefined;
  const restored = (ms: number) =>
    `${prefix.length} already-verified migration(s) restored from the snapshot in ${(ms / 1000).toFixed(1)} s`;

  /**
   * The overlapped restore failed. Prisma never got its lock, so it changed nothing; but whatever
   * made the restore fail may have been the overlap, so the snapshot is tried once more alone, on a
   * new empty database, before it is called corrupt (then the run continues as a miss).
   */
  async function retryAlone(
    onLine: (line: string) => void,
    whileLocked: ((client: pg.Client) => Promise<void>) | undefined,
    first: Error,
  ): Promise<PrismaRunResult> {
    logger.debug(`Snapshot cache: the restore beside Prisma failed (${first.message.split("\n")[0]}); restoring again on its own.`);
    await dropDatabase(adminUrl, VERIFY_DATABASE);
    await createDatabase(adminUrl, VERIFY_DATABASE);
    const started = Date.now();
    try {
      await restoreDatabase(params.dumpBindir, url, dumpFile);
    } catch (error) {
      const reason = `it did not restore: ${(error as Error).message.split("\n")[0]}`;
      logger.warning(`Snapshot cache: the cached snapshot did not restore (${reason}); applying from scratch.`);
      await dropDatabase(adminUrl, VERIFY_DATABASE);
      await createDatabase(adminUrl, VERIFY_DATABASE);
      fallback = await asMiss(reason);
      return fallback.deploy(onLine);
    }
    restoreMs = Date.now() - started;
    if (whileLocked) {
      const client = await connectClient(url);
      try {
        await whileLocked(client).catch(() => {});
      } finally {
        await client.end().catch(() => {});
      }
    }
    return prisma.deploy(url, onLine, { shortLived });
  }
  return {
    get restored() {
      return fallback ? fallback.restored : prefix.length;
    },
    // Saved: what Prisma took for the prefix when the snapshot was made (its start included) plus the
    // new migrations, less what this run took from taking the lock to Prisma's exit.
    outcome: (newMigrationsMs = 0) =>
      fallback
        ? fallback.outcome(newMigrationsMs)
        : {
            state: "hit",
            migrations: prefix.length,
            savedMs: Math.max(0, manifest.applyMs + newMigrationsMs - wallMs),
            detail: restored(restoreMs),
          },
    async deploy(onLine, hooks = {}) {
      const { whileLocked } = hooks;
      const started = Date.now();
      const lock = await connectClient(url, { applicationName: "migrate-guard snapshot restore" });
      let locked = true;
      const unlock = async () => {
        if (!locked) return;
        locked = false;
        await lock.end().catch(() => {}); // the session's end releases the lock
      };
      try {
        await lock.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
        const abort = new AbortController();
        let endedWhileLocked = false;
        const run = prisma.deploy(url, onLine, { shortLived, signal: abort.signal }).then((result) => {
          endedWhileLocked = locked;
          return result;
        });
        try {
          await restoreDatabase(params.dumpBindir, url, dumpFile);
        } catch (error) {
          abort.abort();
          await run;
          await unlock();
          return await retryAlone(onLine, whileLocked, error as Error);
        }
        restoreMs = Date.now() - started;
        logger.info(
          `Snapshot cache: hit — ${prefix.length} migration(s) restored in ${(restoreMs / 1000).toFixed(1)} s while Prisma started; it applies the other ${params.current.length - prefix.length}.`,
        );
        if (whileLocked)
          await whileLocked(lock).catch((error: Error) =>
            logger.debug(`Snapshot cache: work on the restored state failed: ${error.message}`),
          );
        await unlock();
        let result = await run;
        if (result.code !== 0 && endedWhileLocked) {
          // Prisma gave up before it could have read anything (e.g. its advisory-lock timeout, 10 s,
          // behind a slow restore): run it again on the restored state.
          logger.debug(`Snapshot cache: Prisma exited (${result.code}) while the snapshot was being restored; running it again.`);
          result = await prisma.deploy(url, onLine, { shortLived });
        }
        return result;
      } finally {
        await unlock();
        wallMs = Date.now() - started;
      }
    },
    restoreCopy: async (database) => {
      await createDatabase(adminUrl, database);
      await restoreDatabase(params.dumpBindir, withDatabase(adminUrl, database), dumpFile);
    },
    save: async () => fallback?.save(),
    dispose: async () => fallback?.dispose(),
  };
}

/**
 * Miss (or corrupt): this run makes the snapshot. With new migrations, Prisma deploys the prefix on
 * its own first (one extra Prisma start) and the server copies that state.
 */
function making(params: RunParams, key: string, state: "miss" | "corrupt", corruptReason: string | undefined): SnapshotRun {
  const { cluster, url, prisma, prefix, logger } = params;
  const adminUrl = withDatabase(url, "postgres");
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
    prefixStateUrl: () => (copied ? withDatabase(url, copy) : undefined),
    async deploy(onLine, hooks = {}) {
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
        first = await prisma.deploy(url, onLine, { from: project.from });
      } finally {
        await project.remove();
      }
      prefixMs = Date.now() - started;
      if (first.code !== 0) {
        // Whatever stopped the prefix-only deploy (a migration that fails, or the copied project
        // itself), the real project's deploy decides: it reports a failed migration as Prisma does
        // (P3009 names it) or applies everything. No snapshot from this run.
        logger.debug(
          `Snapshot cache: the prefix-only deploy failed (exit ${first.code}); deploying the project as it is, no snapshot this run.`,
        );
        return prisma.deploy(url, onLine);
      }
      try {
        // Prisma 7 can exit 0 having applied nothing when its engine dies: copy only a complete prefix.
        const problem = await unsnapshotable(url, prefix);
        if (problem) logger.info(`Snapshot cache: not saved this run — ${problem}.`);
        else {
          await cloneDatabase(adminUrl, VERIFY_DATABASE, copy);
          copied = true;
          hooks.onPrefixState?.((database) => cloneDatabase(adminUrl, copy, database));
        }
      } catch (error) {
        logger.debug(`Snapshot cache: the prefix could not be copied (${(error as Error).message}); no snapshot this run.`);
      }
      const rest = await prisma.deploy(url, onLine, { shortLived: params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING });
      return { code: rest.code, stdout: `${first.stdout}\n${rest.stdout}`, stderr: `${first.stderr}\n${rest.stderr}` };
    },
    async save() {
      if (!whole && !copied) return;
      const source = whole ? url : withDatabase(url, copy);
      const problem = await unsnapshotable(source, prefix).catch(
        (error: Error) => `its state could not be checked (${error.message.split("\n")[0]})`,
      );
      if (problem) {
        logger.info(`Snapshot cache: not saved — ${problem}.`);
        return;
      }
      const meta: Omit<SnapshotManifest, "format" | "key" | "createdAt" | "files"> = {
        productVersion: VERSION,
        prismaVersion: prisma.version,
        postgresVersion: cluster.version,
        migrations: prefix.map((m) => m.name),
        applyMs: prefixMs,
      };
      const started = Date.now();
      saved = await saveSnapshot(params.cacheDir, key, meta, (file) => dumpDatabase(params.dumpBindir, source, file));
      logger.debug(`Snapshot cache: ${saved ? "saved" : "not saved"} (${Date.now() - started} ms).`);
    },
    async dispose() {
      if (copied) await dropDatabase(adminUrl, copy).catch(() => {});
    },
  };
}

function fixed(outcome: CacheOutcome, restored: number, deploy: (onLine: (line: string) => void) => Promise<PrismaRunResult>): SnapshotRun {
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
    const roles = await client.query<{ rolname: string }>(
      "SELECT rolname FROM pg_roles WHERE oid <> 10 AND rolname !~ '^pg_' ORDER BY rolname",
    );
    if (roles.rows.length > 0)
      return `the migrations created role(s) ${roles.rows.map((r) => r.rolname).join(", ")}, which a database dump cannot carry`;
    const settings = await client.query("SELECT 1 FROM pg_db_role_setting LIMIT 1");
    if (settings.rows.length > 0)
      return "the migrations set role or database settings (ALTER ROLE/DATABASE … SET), which a database dump cannot carry";
    const names = (await readPrismaMigrations(url))
      .filter((r) => r.finished_at && !r.rolled_back_at)
      .map((r) => r.migration_name)
      .sort();
    const expected = prefix.map((m) => m.name).sort();
    if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
      return `_prisma_migrations holds ${names.length} finished migration(s), not exactly the ${expected.length} of the prefix`;
    }
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
