// A status, deploy or resolve run against one environment's database. The order is what makes refusals
// safe: settings were validated before (settings.ts), then the repository and the database are only
// read; every refusal happens there and changes nothing (no database write, no deployment record). A
// deployment record is opened only right before the first change. No @actions imports.
import { compareStamp, isProductionRun } from "../core/environment.js";
import { ConfigurationError, redact } from "../core/errors.js";
import { describeUrl } from "../postgres/database.js";
import { DatabaseConnectionError, EnvironmentDatabase, urlSecrets } from "../postgres/environment-database.js";
import { runDeploy } from "./deploy.js";
import { lockTimeoutMessage, waitForMigrationLock } from "./lock.js";
import type { MigrateReport } from "./report.js";
import { runResolve } from "./resolve.js";
import { auditRequest, closeAudit, describeState, openAudit, refuse, type MigrateDependencies, type RunScope } from "./scope.js";
import type { MigrateSettings } from "./settings.js";
import { loadProject, projectPrisma, readEnvironmentState, type EnvironmentState } from "./state.js";

export type { MigrateDependencies, RunContext } from "./scope.js";

export async function runMigrate(settings: MigrateSettings, deps: MigrateDependencies): Promise<MigrateReport> {
  const startedAt = new Date();
  const context = deps.context ?? {};
  const report: MigrateReport = {
    ok: false,
    command: settings.command,
    environment: settings.environment.name,
    production: settings.environment.production,
    database: describeUrl(settings.databaseUrl),
    refused: null,
    warnings: [],
    recovery: [],
    slowMigrationSeconds: settings.slowMigrationSeconds,
    startedAt,
    durationMs: 0,
    ...(context.actor ? { actor: context.actor } : {}),
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  };
  const loaded = await loadProject(settings.workingDirectory, settings.schema);
  const prisma = settings.command === "status" ? undefined : projectPrisma(loaded, Boolean(settings.schema));
  if (prisma) report.prismaVersion = prisma.version;
  if (settings.resolve?.kind === "applied" && !loaded.dir.migrations.some((m) => m.name === settings.resolve!.name)) {
    throw new ConfigurationError(
      `--applied ${settings.resolve.name}: there is no migration of that name in ${loaded.dir.dir} (with a migration.sql). Expected one of the folder names, e.g. ${loaded.dir.migrations.at(-1)?.name ?? "20240101120000_init"}.`,
    );
  }
  deps.logger.info(
    `${settings.command} for environment "${settings.environment.name}" at ${report.database}: ${loaded.dir.migrations.length} migrations in ${loaded.dir.dir}.`,
  );

  let db: EnvironmentDatabase;
  try {
    db = await EnvironmentDatabase.connect(settings.databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseConnectionError)) throw error;
    return failWithRecord(settings, deps, report, error.message, "could not reach the database");
  }
  try {
    let env: EnvironmentState;
    try {
      env = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
    } catch (error) {
      return failWithRecord(
        settings,
        deps,
        report,
        `Could not read the migration state of ${report.database}: ${redact(errorMessage(error), urlSecrets(settings.databaseUrl))}`,
        "could not read the database",
      );
    }
    if (settings.command !== "status" && env.lockHolder) {
      // A deploy is running: its unfinished migration is not a failed one. Wait for it, then decide on
      // the state it leaves behind.
      const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
      if (holder) {
        report.lockHolder = holder;
        return failWithRecord(
          settings,
          deps,
          report,
          lockTimeoutMessage(holder, settings.lockTimeoutSeconds),
          "another deploy holds the migration lock",
        );
      }
      env = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
    }
    report.state = env.state;
    report.postgresVersion = env.postgresVersion;
    if (env.noHistory) report.noHistory = true;
    if (env.stamp) report.stamp = env.stamp;
    if (env.lockHolder) report.lockHolder = env.lockHolder;

    const decision = compareStamp(settings.environment, env.stamp);
    if (decision.kind === "mismatch") {
      // The state belongs to another environment's database: it is not this environment's to show.
      delete report.state;
      return finish(refuse(report, decision.reason));
    }
    report.production = isProductionRun(settings.environment, env.stamp);
    const scope: RunScope = { settings, deps, loaded, db, env, report };
    if (settings.command === "status") return finish(statusOutcome(scope));
    if (settings.command === "deploy") return finish(await runDeploy(scope, prisma!));
    return finish(await runResolve(scope, prisma!));
  } finally {
    await db.close();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function finish(report: MigrateReport): MigrateReport {
  report.durationMs = Date.now() - report.startedAt.getTime();
  return report;
}

/**
 * The database could not be reached or read, or a running deploy never let go of its lock. A change that
 * was asked for is recorded as a failed deployment (the environment's history shows the attempt); status
 * records nothing.
 */
async function failWithRecord(
  settings: MigrateSettings,
  deps: MigrateDependencies,
  report: MigrateReport,
  message: string,
  what: string,
): Promise<MigrateReport> {
  report.error = message;
  deps.logger.error(message);
  if (settings.command !== "status") {
    const record = await openAudit(deps, report, auditRequest(settings, deps, report, [], what));
    if (record) await closeAudit(record, report, deps.logger);
    // A failure to create the record must not hide the real problem: the connection error stays the error.
    if (report.refused) {
      report.warnings.push(report.refused);
      report.refused = null;
    }
  }
  return finish(report);
}

function statusOutcome(scope: RunScope): MigrateReport {
  const { report, env } = scope;
  describeState(scope);
  // While a deploy holds the lock, an unfinished migration is being applied, not failed.
  const failed = env.lockHolder ? 0 : env.state.failed.length;
  const problems = [
    ...(failed ? [`${failed} failed migration(s)`] : []),
    ...(env.state.checksumMismatch.length ? [`${env.state.checksumMismatch.length} migration(s) edited after apply`] : []),
  ];
  report.ok = problems.length === 0;
  if (!report.ok) report.error = `The environment needs attention: ${problems.join(", ")}.`;
  return report;
}
