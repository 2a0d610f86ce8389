// verify's apply phase: the snapshot cache (the store's restore, the lookup, the prefix's state for the
// base's own drift) around the project's own `prisma migrate deploy`, with the new migrations' locks
// measured wherever the base state turns up.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { ConfigurationError } from "../core/errors.js";
import type { BaseMigration } from "../core/history.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import type { CheckResult } from "../core/report.js";
import { pruneCompileCache, snapshotKey } from "../cache/snapshot-cache.js";
import type { Cluster } from "../postgres/cluster.js";
import { dropDatabase, withDatabase } from "../postgres/database.js";
import type { PrismaCli } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";
import { VERSION } from "../version.js";
import { applyMigrations, type ApplyOutcome } from "./apply.js";
import { internalError } from "./guard.js";
import type { LintInVerify } from "./lint-check.js";
import { openSnapshot, type DeployHooks, type SnapshotRun } from "./snapshot.js";

/** What the key of the verified prefix's snapshot is made of (see snapshotKey). */
export interface SnapshotKeyParts {
  snapshotKey: string;
  postgresMajor: number;
  prismaMajor: number;
}

export interface SnapshotStore {
  /**
   * Fills the cache directory from elsewhere before the prefix is looked up there (the verify action:
   * GitHub's cache service). Called at most once, while the server starts; must not throw: a store
   * that fails only costs this run its speed.
   */
  restore(parts: SnapshotKeyParts): Promise<void>;
}

type Phase = (name: string, since: number) => void;

/** The store's restore, started as soon as the server's major is known; never rejects. */
export function restoreFromStore(params: {
  store: SnapshotStore;
  /** Resolves with the server's major as soon as the installation is chosen. */
  postgresMajor: Promise<number>;
  cluster: Promise<Cluster>;
  prisma: PrismaCli;
  prefix: readonly Migration[];
  compileCacheDir?: string;
  logger: Logger;
  phase: Phase;
}): Promise<void> {
  const { store, prisma, prefix, compileCacheDir } = params;
  const restoreStarted = Date.now();
  return (
    Promise.race([params.postgresMajor, params.cluster.then((c) => c.major)])
      .then((major) =>
        store.restore({
          snapshotKey: snapshotKey({ productVersion: VERSION, prismaMajor: prisma.major, postgresMajor: major, migrations: prefix }),
          postgresMajor: major,
          prismaMajor: prisma.major,
        }),
      )
      .then(
        () => params.phase("snapshot store restore", restoreStarted),
        (error: Error) => params.logger.debug(`Snapshot cache: the store's restore failed: ${error.message}`),
      )
      // What the store brought may hold compile caches of other Node versions: not saved again.
      .then(() => (compileCacheDir ? pruneCompileCache(compileCacheDir) : undefined))
  );
}

/**
 * The base's migrated state, when the snapshot run holds it (for the base's own drift): the copy a
 * miss made, or a restore of the snapshot on a hit. Only a prefix that is the whole base history.
 */
export async function prefixState(
  snapshot: SnapshotRun | undefined,
  prefix: readonly Migration[],
  baseMigrations: readonly BaseMigration[],
  adminUrl: string,
): Promise<{ url: string; release: () => Promise<void> } | undefined> {
  if (!snapshot || prefix.length !== baseMigrations.length) return undefined;
  const live = snapshot.prefixStateUrl?.();
  if (live) return { url: live, release: async () => {} };
  if (!snapshot.restoreCopy) return undefined;
  const name = `migrate_guard_base_${randomBytes(4).toString("hex")}`;
  const release = () => dropDatabase(adminUrl, name);
  await snapshot.restoreCopy(name).catch(async (error: unknown) => {
    await release().catch(() => {});
    throw error;
  });
  return { url: withDatabase(adminUrl, name), release };
}

export interface ApplyPhase {
  /** Undefined when the apply failed inside migrate-guard before Prisma's deploy returned (`failure` says why). */
  apply?: ApplyOutcome;
  failure?: CheckResult;
  /** The prefix's snapshot being written (after a successful apply); never rejects. */
  saved: Promise<void>;
}

/**
 * Looks the prefix up in the snapshot cache (with `cacheDir` and a cluster), applies every migration
 * with the project's Prisma CLI, and writes the prefix's snapshot in the background. Any failure but
 * bad input is the apply check's internal error. `onSnapshot` gets the snapshot run as soon as it is
 * open (the caller disposes of it).
 */
export async function applyPhase(params: {
  cacheDir?: string;
  cluster?: Cluster;
  url: string;
  adminUrl: string;
  prisma: PrismaCli;
  project: PrismaProject;
  migrations: readonly Migration[];
  prefix: readonly Migration[];
  base?: readonly BaseMigration[];
  lint?: LintInVerify;
  restoring?: Promise<void>;
  logger: Logger;
  started: number;
  phase: Phase;
  onMigrated?: (url: string) => Promise<void>;
  onSnapshot: (snapshot: SnapshotRun) => void;
  secrets: readonly string[];
}): Promise<ApplyPhase> {
  const { cacheDir, cluster, url, adminUrl, prisma, project, migrations, prefix, base, lint, logger, phase } = params;
  let snapshot: SnapshotRun | undefined;
  let apply: ApplyOutcome | undefined;
  try {
    if (cacheDir && cluster) {
      await params.restoring;
      const snapStarted = Date.now();
      snapshot = await openSnapshot({
        cacheDir,
        cluster,
        url,
        prisma,
        project,
        migrationsDir: project.migrationsDir,
        current: migrations,
        prefix,
        logger,
      });
      params.onSnapshot(snapshot);
      phase(`snapshot cache ${snapshot.outcome().state}`, snapStarted);
    }
    phase("ready to apply", params.started);
    const applyStarted = Date.now();
    // The new migrations' locks: on a hit, measured on the restored state itself before Prisma may
    // touch it; on a miss whose prefix is the base branch's history, on a copy of the prefix state the
    // snapshot run makes anyway; otherwise (or when neither happened) on a replay of the base migrations.
    // Only a prefix that is the whole base history is the base state (an edited base migration ends it early).
    const prefixIsBase = Boolean(snapshot && base && prefix.length === base.length && prefix.length < migrations.length);
    const hit = prefixIsBase && snapshot?.restoreCopy ? snapshot : undefined;
    let measuring = false;
    const replayLocks = () => {
      if (measuring || !lint) return;
      measuring = true;
      lint.measureLocks(adminUrl);
    };
    const hooks: DeployHooks = {
      ...(hit && lint
        ? {
            whileLocked: async (client: pg.Client) => {
              measuring = true;
              await lint.measureLocksOnRestored(client, adminUrl, (name) => hit.restoreCopy!(name));
            },
          }
        : {}),
      ...(prefixIsBase && !hit && lint
        ? {
            onPrefixState: (copy: (database: string) => Promise<void>) => {
              measuring = true;
              lint.measureLocksOnCopy(adminUrl, copy);
            },
          }
        : {}),
    };
    if (!prefixIsBase) replayLocks();
    const run = snapshot;
    apply = await applyMigrations({
      prisma,
      url,
      migrations,
      logger,
      ...(run ? { deploy: (onLine: (line: string) => void) => run.deploy(onLine, hooks), restored: () => run.restored } : {}),
    });
    replayLocks(); // the snapshot run did not get as far as the base state: measured from a replay
    phase("apply", applyStarted);
    await params.onMigrated?.(url);
    // The prefix's snapshot is written while drift runs.
    return { apply, saved: apply.succeeded && run ? run.save().catch(() => {}) : Promise.resolve() };
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // (A failure after Prisma's deploy, e.g. in onMigrated, keeps the apply's outcome too.)
    return {
      ...(apply ? { apply } : {}),
      failure: internalError("apply", "applying the migrations", error, params.secrets),
      saved: Promise.resolve(),
    };
  }
}

/** The applied migrations' own durations (from `_prisma_migrations`). */
export function sumOfDurations(rows: readonly { started_at: Date; finished_at: Date | null }[]): number {
  return rows.reduce((sum, r) => sum + (r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : 0), 0);
}
