// PR verification: every check, in the order that lets the cheap ones report even when the expensive
// ones cannot run. Pure wiring of core checks and adapters; no @actions imports.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import { ConfigurationError } from "../core/errors.js";
import { checkHistory, type BaseMigration } from "../core/history.js";
import { checkLockFile } from "../core/lock-file.js";
import type { Logger } from "../core/logger.js";
import { LOCK_FILE, readMigrationsDirectory, toPosix } from "../core/migrations.js";
import { checkNaming } from "../core/naming.js";
import { checkOrder } from "../core/order.js";
import {
  statusFromFindings,
  type CacheOutcome,
  type CheckId,
  type CheckResult,
  type DriftResult,
  type VerifyReport,
} from "../core/report.js";
import { migrationsAtCommit, repositoryRoot, resolveCommit } from "../git/git.js";
import { pruneCompileCache, snapshotKey } from "../cache/snapshot-cache.js";
import type { SizeRisk } from "../lint/stats.js";
import { serverReport, startCluster, type Cluster } from "../postgres/cluster.js";
import { assertDisposableDatabase, dropDatabase, serverVersion, withDatabase } from "../postgres/database.js";
import { findPrismaCli } from "../prisma/cli.js";
import { locateProject } from "../prisma/project.js";
import { applyMigrations, timingCheck } from "./apply.js";
import { expectedCatalog } from "./drift.js";
import { runDriftCheck } from "./drift-run.js";
import { completeChecks, guarded, internalError } from "./guard.js";
import { startLintCheck } from "./lint-check.js";
import { verifiedPrefix } from "./prefix.js";
import { collectSchemaChange } from "./schema-change.js";
import { openSnapshot, VERIFY_DATABASE, type DeployHooks, type SnapshotRun } from "./snapshot.js";
import { VERSION } from "../version.js";

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

export interface VerifySettings {
  workingDirectory: string;
  schema?: string;
  /** Git ref or SHA of the base branch; without it every migration counts as existing. */
  baseRef?: string;
  /** An empty database to use instead of a throwaway cluster. */
  databaseUrl?: string;
  postgresVersion?: string;
  /** Production's PostgreSQL major when known (stats file, input): what postgresVersion "production"/"auto" means. */
  productionPostgresMajor?: number;
  slowMigrationSeconds: number;
  genericNames?: string[];
  /**
   * Snapshot cache directory (see src/verify/snapshot.ts); undefined or false: no cache. Used only
   * with the throwaway cluster (a given database-url is applied from scratch).
   */
  cacheDir?: string | false;
  /** Where `cacheDir` comes from between machines; only used with `cacheDir`. */
  snapshotStore?: SnapshotStore;
  logger: Logger;
  /** Called after the apply with the migrated database's URL, before anything is dropped (tests compare states). */
  onMigrated?: (url: string) => Promise<void>;
  /** Table sizes of an environment (a stats file): the lint check raises and sizes hazards on large tables. */
  sizeRisk?: SizeRisk;
  /** Called with the cluster as soon as it runs (the action saves its state for the post step). */
  onCluster?: (cluster: Cluster) => void;
}

function result(id: CheckId, summary: string, findings: CheckResult["findings"]): CheckResult {
  return { id, status: statusFromFindings(findings), summary, findings };
}

function skipped(id: CheckId, summary: string): CheckResult {
  return { id, status: "skip", summary, findings: [] };
}

export async function verify(settings: VerifySettings): Promise<VerifyReport> {
  const started = Date.now();
  const { logger } = settings;
  logger.debug(`timing: verify starts (process ${Math.round(performance.now())} ms)`);
  // Where the time goes, at debug level (MIGRATE_GUARD_DEBUG=1 / ACTIONS_STEP_DEBUG).
  const phase = (name: string, since: number) =>
    logger.debug(`timing: ${name} ${Date.now() - since} ms (at ${Date.now() - started} ms; process ${Math.round(performance.now())} ms)`);
  const project = await locateProject({
    workingDirectory: settings.workingDirectory,
    ...(settings.schema ? { schema: settings.schema } : {}),
  });
  // Node's compile cache (Node ≥ 22.1) lives beside the snapshots: Prisma's CLI starts faster when
  // the cache directory comes back (actions/cache).
  const compileCacheDir = settings.cacheDir && !settings.databaseUrl ? path.join(settings.cacheDir, "node-compile-cache") : undefined;
  if (compileCacheDir) void pruneCompileCache(compileCacheDir);
  const prisma = findPrismaCli({
    workingDirectory: project.workingDirectory,
    schemaPath: project.schemaPath,
    urlVariables: project.urlVariables,
    explicitSchema: Boolean(settings.schema),
    throwaway: compileCacheDir ? { compileCacheDir } : {},
  });
  if (settings.databaseUrl) await assertDisposableDatabase(settings.databaseUrl);
  // Bad input fails before anything starts: the base ref is resolved first (milliseconds).
  const gitRoot = await repositoryRoot(project.workingDirectory);
  if (settings.baseRef && !gitRoot) {
    throw new ConfigurationError(
      `--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`,
    );
  }
  const repoRoot = gitRoot ?? project.workingDirectory;
  const baseCommit = settings.baseRef ? await resolveCommit(repoRoot, settings.baseRef) : undefined;

  // The cluster boots while the repository is read and the cheap checks run.
  const cacheDir = settings.cacheDir && !settings.databaseUrl ? settings.cacheDir : undefined;
  // With the cache, Prisma's database is not `postgres`, so that the server can copy it (a template
  // must have no sessions; scratch-database helpers connect to `postgres`).
  // The store's restore needs the server's major, known before the server runs.
  let installed: (major: number) => void = () => {};
  const postgresMajor = new Promise<number>((resolve) => {
    installed = resolve;
  });
  const clusterPromise = settings.databaseUrl
    ? undefined
    : startCluster({
        ...(settings.postgresVersion ? { version: settings.postgresVersion } : {}),
        ...(settings.productionPostgresMajor !== undefined ? { productionMajor: settings.productionPostgresMajor } : {}),
        ...(cacheDir ? { database: VERIFY_DATABASE } : {}),
        logger,
        onInstallation: (install) => installed(install.major),
      });
  clusterPromise?.then(
    (c) => {
      phase("cluster ready", started);
      settings.onCluster?.(c);
    },
    () => {},
  );

  let cluster: Cluster | undefined;
  let snapshot: SnapshotRun | undefined;
  const checks: CheckResult[] = [];
  const secrets = settings.databaseUrl ? [settings.databaseUrl] : [];
  const guard = async (id: CheckId, what: string, run: () => CheckResult | Promise<CheckResult>) => {
    checks.push(await guarded(id, what, run, secrets));
  };
  let migrations: VerifyReport["migrations"] = [];
  let drift: DriftResult | undefined;
  let cacheOutcome: CacheOutcome | undefined;
  let pgVersion: string | undefined;
  let changeOutcome: VerifyReport["schemaChange"];
  try {
    const dir = await readMigrationsDirectory(project.migrationsDir, repoRoot);
    phase(`${dir.migrations.length} migrations read`, started);
    const rel = (p: string) => toPosix(path.relative(repoRoot, p));

    await guard("lock-file", "the lock-file check", () =>
      result(
        "lock-file",
        `${rel(path.join(dir.dir, LOCK_FILE))} checked against ${rel(project.schemaPath)}`,
        checkLockFile({
          ...(dir.lockFile !== undefined ? { lockFile: dir.lockFile } : {}),
          lockPath: rel(path.join(dir.dir, LOCK_FILE)),
          ...(project.datasource.provider ? { schemaProvider: project.datasource.provider } : {}),
          schemaPath: rel(project.schemaPath),
        }),
      ),
    );

    let base: BaseMigration[] | undefined;
    let baseError: unknown;
    if (baseCommit) {
      try {
        base = await migrationsAtCommit(repoRoot, baseCommit, project.migrationsDir, dir.migrations);
        phase(`base ref's ${base.length} migrations read`, started);
        logger.info(
          `Base ${settings.baseRef} (${baseCommit.slice(0, 12)}) has ${base.length} migrations; this branch has ${dir.migrations.length}.`,
        );
      } catch (error) {
        if (error instanceof ConfigurationError) throw error;
        baseError = new Error(`the base ref's migrations could not be read from git: ${(error as Error).message}`);
      }
    }
    const prefix = verifiedPrefix(dir.migrations, base);
    // The store restores while the server starts; the lookup below waits for it.
    let restoring: Promise<void> | undefined;
    if (cacheDir && clusterPromise && settings.snapshotStore && prefix.length > 0) {
      const store = settings.snapshotStore;
      const restoreStarted = Date.now();
      restoring = Promise.race([postgresMajor, clusterPromise.then((c) => c.major)])
        .then((major) =>
          store.restore({
            snapshotKey: snapshotKey({ productVersion: VERSION, prismaMajor: prisma.major, postgresMajor: major, migrations: prefix }),
            postgresMajor: major,
            prismaMajor: prisma.major,
          }),
        )
        .then(
          () => phase("snapshot store restore", restoreStarted),
          (error: Error) => logger.debug(`Snapshot cache: the store's restore failed: ${error.message}`),
        )
        // What the store brought may hold compile caches of other Node versions: not saved again.
        .then(() => (compileCacheDir ? pruneCompileCache(compileCacheDir) : undefined));
    }
    const baseNames = new Set((base ?? dir.migrations).map((m) => m.name));
    const newNames = new Set(dir.migrations.map((m) => m.name).filter((n) => !baseNames.has(n)));
    const baseNeeded = (id: CheckId, what: string, run: () => CheckResult) =>
      guard(id, what, () => {
        if (baseError) throw baseError;
        return base ? run() : skipped(id, "no base ref given");
      });
    await guard("naming", "the naming check", () => {
      if (baseError) throw baseError;
      return result(
        "naming",
        base
          ? `${newNames.size} new migration(s) checked for descriptive names`
          : "folders checked for migration.sql (no base ref: names of existing migrations are not judged)",
        checkNaming({
          migrations: dir.migrations,
          newNames,
          foldersWithoutSql: dir.foldersWithoutSql,
          migrationsDirRel: rel(dir.dir),
          ...(settings.genericNames ? { genericNames: settings.genericNames } : {}),
        }),
      );
    });
    await baseNeeded("order", "the order check", () =>
      result(
        "order",
        `${newNames.size} new migration(s) sort after the base branch's ${baseNames.size}`,
        checkOrder({ migrations: dir.migrations, baseNames }),
      ),
    );
    await baseNeeded("history", "the history check", () =>
      result(
        "history",
        `${base!.length} migration(s) of the base branch compared byte for byte`,
        checkHistory({ base: base!, current: dir.migrations }),
      ),
    );
    // Lint needs no database: it runs while the cluster starts and Prisma applies; its check goes here.
    // The picture of the change reads the base state wherever the lock measurement has it.
    const schemaChange = collectSchemaChange({ schemas: project.schemas, hasBase: Boolean(base), newMigrations: newNames.size });
    let lint: ReturnType<typeof startLintCheck> | undefined;
    let lintError: unknown;
    try {
      lint = startLintCheck({
        current: dir.migrations,
        ...(base ? { base } : {}),
        repoRoot,
        ...(baseCommit ? { baseCommit } : {}),
        schemaPath: project.schemaPath,
        ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
        logger,
        onBaseState: (client) => schemaChange.onBaseState(client),
      });
    } catch (error) {
      lintError = error;
    }
    const lintAt = checks.length;
    const lintCheck = () =>
      guarded(
        "lint",
        "the lint check",
        async () => {
          if (!lint) throw lintError;
          return lint.check();
        },
        secrets,
      );

    let url = settings.databaseUrl;
    try {
      if (clusterPromise) {
        cluster = await clusterPromise;
        url = cluster.url;
        logger.info(`Throwaway PostgreSQL ${cluster.version} ready on port ${cluster.port}.`);
        if (cluster.installation.note) logger.warning(cluster.installation.note);
      }
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      checks.splice(lintAt, 0, await lintCheck());
      const failure = new Error(`the throwaway PostgreSQL server did not start: ${(error as Error).message}`);
      checks.push(
        internalError("apply", "applying the migrations", failure),
        skipped("timing", "skipped: the migrations did not apply"),
        skipped("drift", "skipped: the migrations did not apply"),
      );
      return finish();
    }
    // Scratch databases are made from here; with the cache that is not Prisma's database.
    const adminUrl = cacheDir ? withDatabase(url!, "postgres") : url!;
    secrets.push(url!, adminUrl);
    const versionPromise = serverVersion(url!);
    versionPromise.catch(() => {});
    // Rendering schema.prisma as SQL needs no database state: it runs while a snapshot is restored and
    // Prisma deploys, and so does building the catalog it describes (drift's expected side). Measured
    // on trigger.dev, starting it only after the restore made warm runs ~1 s slower.
    // After the store's restore: Prisma's Node reads and writes the compile cache the restore brings.
    const schemaSqlPromise = restoring ? restoring.then(() => prisma.schemaToSql(url!)) : prisma.schemaToSql(url!);
    schemaSqlPromise.catch(() => {});
    const expectedPromise = schemaSqlPromise.then((sql) => expectedCatalog({ adminUrl, schemaSql: sql, schemas: project.schemas }));
    expectedPromise.catch(() => {});
    // The base's migrated state, when the snapshot run holds it (for the base's own drift): the copy a
    // miss made, or a restore of the snapshot on a hit. Only a prefix that is the whole base history.
    const prefixState = async (baseMigrations: readonly BaseMigration[]) => {
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
    };
    let apply: Awaited<ReturnType<typeof applyMigrations>> | undefined;
    let savePromise: Promise<void> = Promise.resolve();
    try {
      if (cacheDir && cluster) {
        await restoring;
        const snapStarted = Date.now();
        snapshot = await openSnapshot({
          cacheDir,
          cluster,
          url: url!,
          prisma,
          project,
          migrationsDir: project.migrationsDir,
          current: dir.migrations,
          prefix,
          logger,
        });
        phase(`snapshot cache ${snapshot.outcome().state}`, snapStarted);
      }
      phase("ready to apply", started);
      const applyStarted = Date.now();
      // The new migrations' locks: on a hit, measured on the restored state itself before Prisma may
      // touch it; on a miss whose prefix is the base branch's history, on a copy of the prefix state the
      // snapshot run makes anyway; otherwise (or when neither happened) on a replay of the base migrations.
      // Only a prefix that is the whole base history is the base state (an edited base migration ends it early).
      const prefixIsBase = Boolean(snapshot && base && prefix.length === base.length && prefix.length < dir.migrations.length);
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
                await lint!.measureLocksOnRestored(client, adminUrl, (name) => hit.restoreCopy!(name));
              },
            }
          : {}),
        ...(prefixIsBase && !hit && lint
          ? {
              onPrefixState: (copy: (database: string) => Promise<void>) => {
                measuring = true;
                lint!.measureLocksOnCopy(adminUrl, copy);
              },
            }
          : {}),
      };
      if (!prefixIsBase) replayLocks();
      apply = await applyMigrations({
        prisma,
        url: url!,
        migrations: dir.migrations,
        logger,
        ...(snapshot
          ? { deploy: (onLine: (line: string) => void) => snapshot!.deploy(onLine, hooks), restored: () => snapshot!.restored }
          : {}),
      });
      replayLocks(); // the snapshot run did not get as far as the base state: measured from a replay
      phase("apply", applyStarted);
      await settings.onMigrated?.(url!);
      // The prefix's snapshot is written while drift runs.
      if (apply.succeeded && snapshot) savePromise = snapshot.save().catch(() => {});
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      checks.push(internalError("apply", "applying the migrations", error, secrets));
    }
    const applied = apply;
    if (applied) {
      checks.push(applied.check);
      const files = new Map(dir.migrations.map((m) => [m.name, m.file]));
      await guard("timing", "the timing check", () => {
        const timing = timingCheck(applied.rows, settings.slowMigrationSeconds, (name) => files.get(name));
        migrations = timing.timings;
        return timing.check;
      });
    } else {
      checks.push(skipped("timing", "skipped: the migrations did not apply"));
    }
    checks.splice(lintAt, 0, await lintCheck());

    const changePromise = schemaChange.outcome({ url: url!, applied: Boolean(applied?.succeeded) }).catch(() => undefined);
    if (applied?.succeeded) {
      await guard("drift", "the drift check", async () => {
        const outcome = await runDriftCheck({
          prisma,
          project,
          url: url!,
          adminUrl,
          schemaSqlPromise,
          expectedPromise,
          schemaFile: rel(project.schemaPath),
          logger,
          phase,
          bindir: cluster?.bindir,
          ...(base && baseCommit
            ? {
                base: {
                  ref: settings.baseRef!,
                  commit: baseCommit,
                  migrations: base,
                  repoRoot,
                  current: dir.migrations,
                  cacheDir,
                  postgresMajor: cluster?.major ?? (await versionPromise).major,
                  state: () => prefixState(base),
                },
              }
            : {}),
        });
        drift = outcome.drift;
        return outcome.check;
      });
    } else {
      checks.push(skipped("drift", "skipped: the migrations did not apply"));
    }

    await savePromise;
    changeOutcome = await changePromise;
    pgVersion = await versionPromise.then(
      (v) => v.text,
      () => undefined,
    );
    cacheOutcome = snapshot ? snapshot.outcome(applied ? sumOfDurations(applied.rows.slice(snapshot.restored)) : 0) : undefined;
    return finish();
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // Whatever failed outside a check: the checks that ran report, the others fail saying so.
    const all = completeChecks(checks, error, secrets);
    checks.splice(0, checks.length, ...all);
    return finish();
  } finally {
    await snapshot?.dispose().catch(() => {});
    const stopping = Date.now();
    if (cluster) {
      await cluster.stop().catch(() => {});
      phase("cluster stopped", stopping);
    } else if (clusterPromise)
      await clusterPromise.then(
        (c) => c.stop(),
        () => {},
      );
  }

  function finish(): VerifyReport {
    return {
      ok: checks.every((c) => c.status !== "fail"),
      checks,
      migrations,
      ...(drift ? { drift } : {}),
      ...(changeOutcome ? { schemaChange: changeOutcome } : {}),
      durationMs: Date.now() - started,
      prismaVersion: prisma.version,
      ...(pgVersion ? { postgresVersion: pgVersion } : {}),
      ...(cluster ? { postgresServer: serverReport(cluster) } : {}),
      cache: cacheOutcome ?? {
        state: "off",
        migrations: 0,
        detail:
          settings.databaseUrl && settings.cacheDir
            ? "not used with database-url (the given database is applied from scratch)"
            : "no cache directory",
      },
    };
  }
}

function sumOfDurations(rows: readonly { started_at: Date; finished_at: Date | null }[]): number {
  return rows.reduce((sum, r) => sum + (r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : 0), 0);
}
