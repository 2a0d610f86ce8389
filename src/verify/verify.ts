// PR verification: every check, in the order that lets the cheap ones report even when the expensive
// ones cannot run. Pure wiring of core checks and adapters; no @actions imports.
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import { readMigrationsDirectory, toPosix } from "../core/migrations.js";
import type { CacheOutcome, CheckId, CheckResult, DriftResult, VerifyReport } from "../core/report.js";
import { repositoryRoot, resolveCommit } from "../git/git.js";
import { pruneCompileCache } from "../cache/snapshot-cache.js";
import { findDumpTools } from "../postgres/binaries.js";
import { serverReport, startCluster, type Cluster } from "../postgres/cluster.js";
import { assertDisposableDatabase, serverVersion, withDatabase } from "../postgres/database.js";
import { findPrismaCli } from "../prisma/cli.js";
import { locateProject } from "../prisma/project.js";
import { timingCheck } from "./apply.js";
import { applyPhase, prefixState, restoreFromStore, sumOfDurations } from "./apply-phase.js";
import { expectedCatalog } from "./drift.js";
import { runDriftCheck } from "./drift-run.js";
import { completeChecks, guarded, internalError } from "./guard.js";
import { startGuardedLintCheck } from "./lint-check.js";
import { verifiedPrefix } from "./prefix.js";
import { readBase, runRepositoryChecks, skipped } from "./repository-checks.js";
import { collectSchemaChange } from "./schema-change.js";
import type { VerifySettings } from "./settings.js";
import { VERIFY_DATABASE, type SnapshotRun } from "./snapshot.js";

export type { SnapshotKeyParts, SnapshotStore } from "./apply-phase.js";
export type { VerifySettings } from "./settings.js";

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

    const { base, baseError } = await readBase({
      ...(settings.baseRef ? { baseRef: settings.baseRef } : {}),
      ...(baseCommit ? { baseCommit } : {}),
      repoRoot,
      migrationsDir: project.migrationsDir,
      dir,
      logger,
      phase: (name) => phase(name, started),
    });
    const prefix = verifiedPrefix(dir.migrations, base);
    // The store restores while the server starts; the lookup below waits for it.
    const restoring =
      cacheDir && clusterPromise && settings.snapshotStore && prefix.length > 0
        ? restoreFromStore({
            store: settings.snapshotStore,
            postgresMajor,
            cluster: clusterPromise,
            prisma,
            prefix,
            ...(compileCacheDir ? { compileCacheDir } : {}),
            logger,
            phase,
          })
        : undefined;
    const baseNames = new Set((base ?? dir.migrations).map((m) => m.name));
    const newNames = new Set(dir.migrations.map((m) => m.name).filter((n) => !baseNames.has(n)));
    await runRepositoryChecks(guard, {
      project,
      dir,
      rel,
      ...(base ? { base } : {}),
      ...(baseError ? { baseError } : {}),
      baseNames,
      newNames,
      ...(settings.genericNames ? { genericNames: settings.genericNames } : {}),
    });
    // Lint needs no database: it runs while the cluster starts and Prisma applies; its check goes here.
    // The picture of the change reads the base state wherever the lock measurement has it.
    const schemaChange = collectSchemaChange({ schemas: project.schemas, hasBase: Boolean(base), newMigrations: newNames.size });
    const { lint, check: lintCheck } = startGuardedLintCheck(
      {
        current: dir.migrations,
        ...(base ? { base } : {}),
        repoRoot,
        ...(baseCommit ? { baseCommit } : {}),
        schemaPath: project.schemaPath,
        ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
        logger,
        onBaseState: (client) => schemaChange.onBaseState(client),
      },
      secrets,
    );
    const lintAt = checks.length;

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
    const {
      apply: applied,
      failure,
      saved,
    } = await applyPhase({
      ...(cacheDir ? { cacheDir } : {}),
      ...(cluster ? { cluster } : {}),
      url: url!,
      adminUrl,
      prisma,
      project,
      migrations: dir.migrations,
      prefix,
      ...(base ? { base } : {}),
      ...(lint ? { lint } : {}),
      ...(restoring ? { restoring } : {}),
      logger,
      started,
      phase,
      ...(settings.onMigrated ? { onMigrated: settings.onMigrated } : {}),
      onSnapshot: (run) => {
        snapshot = run;
      },
      secrets,
    });
    if (failure) checks.push(failure);
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
          // pg_dump for the migrated state: the server's own, or an installed client for a fetched major.
          bindir: cluster ? (await findDumpTools(cluster.bindir, cluster.major))?.bindir : undefined,
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
                  state: () => prefixState(snapshot, prefix, base, adminUrl),
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

    await saved;
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
