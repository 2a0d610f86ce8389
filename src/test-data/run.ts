// A test-data run: read the database's stamp (read-only), decide, confirm, stamp if the user asked
// to, then run the app's own script and report what ran, its exit code and how long it took. Every
// refusal happens before the first change and leaves the database as it was. No @actions imports.
import path from "node:path";
import type { EnvironmentStamp } from "../core/environment.js";
import { redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { DatabaseConnectionError, EnvironmentDatabase, urlSecrets } from "../postgres/environment-database.js";
import { describeUrl } from "../postgres/database.js";
import { locateProject } from "../prisma/project.js";
import { decideTestData } from "./policy.js";
import { runScript, scriptEnv } from "./script.js";
import type { TestDataSettings } from "./settings.js";

export interface TestDataReport {
  ok: boolean;
  operation: TestDataSettings["operation"];
  environment: string;
  /** host:port/database as user — never the password. */
  database: string;
  /** The script, credentials masked. */
  command: string;
  workingDirectory: string;
  stamp?: EnvironmentStamp;
  /** This run wrote the stamp (--stamp on an unstamped database). */
  stampCreated?: boolean;
  /** Why nothing was run (exit 2). */
  refused: string | null;
  /** Why the run failed (exit 1): the script failed, or the database could not be reached. */
  error?: string;
  /** The script's exit code; null when it was killed by a signal or never started. */
  exitCode?: number | null;
  signal?: string;
  /** How long the script ran. */
  durationMs?: number;
  startedAt: Date;
}

export interface TestDataDependencies {
  logger: Logger;
  /** Script output, one redacted line at a time. */
  onOutput: (line: string, stream: "stdout" | "stderr") => void;
  /**
   * Confirms a cleanup; throws (a ConfigurationError) unless confirmed. The CLI asks at a terminal, the
   * action compares its `confirm` input. Called after the stamp allowed the run and before any change.
   */
  confirmCleanup: (action: string, given: string | undefined) => Promise<void>;
  /** Who ran it, for the stamp. */
  actor?: string;
  repository?: string;
  runUrl?: string;
  env?: NodeJS.ProcessEnv;
}

/** 0 the script ran and succeeded, 1 it failed (or could not be run), 2 refused. */
export function testDataExitCode(report: TestDataReport): number {
  if (report.refused) return 2;
  return report.ok ? 0 : 1;
}

/** The variables the app's datasource reads (schema.prisma / prisma.config.ts), and DATABASE_URL. */
async function urlVariables(workingDirectory: string, logger: Logger): Promise<string[]> {
  try {
    const project = await locateProject({ workingDirectory });
    return [...new Set([...project.urlVariables, "DATABASE_URL"])];
  } catch (error) {
    logger.debug(`No Prisma project found in ${workingDirectory} (${(error as Error).message}); the script gets the URL as DATABASE_URL.`);
    return ["DATABASE_URL"];
  }
}

/**
 * The checks before any change, on the open connection: the stamp decides, a cleanup is confirmed, and
 * an unstamped database is stamped when the user asked to. False (and report.refused) when refused.
 */
async function guard(
  db: EnvironmentDatabase,
  settings: TestDataSettings,
  deps: TestDataDependencies,
  report: TestDataReport,
): Promise<boolean> {
  const stamp = await db.readStamp();
  if (stamp) report.stamp = stamp;
  const decision = decideTestData(settings.environment, stamp, settings.policy, settings.stamp);
  if (decision.kind === "refuse") {
    report.refused = decision.reason;
    return false;
  }
  if (settings.operation === "cleanup") {
    await deps.confirmCleanup(
      `Deleting the test data of "${settings.environment.name}" (${report.database}) with \`${report.command}\``,
      settings.confirm,
    );
  }
  if (decision.kind === "stamp-then-run") {
    const written = await db.writeStampIfAbsent({
      name: settings.environment.name,
      normalized: settings.environment.normalized,
      production: false,
      ...(deps.actor ? { stampedBy: deps.actor } : {}),
      ...(deps.repository ? { repository: deps.repository } : {}),
      ...(deps.runUrl ? { runUrl: deps.runUrl } : {}),
    });
    report.stamp = written.stamp;
    report.stampCreated = written.created;
    // Another run stamped it a moment earlier, for another environment.
    const after = decideTestData(settings.environment, written.stamp, settings.policy, false);
    if (after.kind === "refuse") {
      report.refused = after.reason;
      return false;
    }
    if (written.created) deps.logger.info(`Stamped ${report.database} as environment "${written.stamp.name}".`);
  }
  return true;
}

export async function runTestData(settings: TestDataSettings, deps: TestDataDependencies): Promise<TestDataReport> {
  const secrets = urlSecrets(settings.databaseUrl);
  const report: TestDataReport = {
    ok: false,
    operation: settings.operation,
    environment: settings.environment.name,
    database: describeUrl(settings.databaseUrl),
    command: redact(settings.command, secrets),
    workingDirectory: path.resolve(settings.workingDirectory),
    refused: null,
    startedAt: new Date(),
  };
  let db: EnvironmentDatabase;
  try {
    db = await EnvironmentDatabase.connect(settings.databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseConnectionError)) throw error;
    report.error = `${error.message} Nothing was run.`;
    return report;
  }
  try {
    if (!(await guard(db, settings, deps, report))) return report;
  } finally {
    await db.close();
  }

  const variables = await urlVariables(report.workingDirectory, deps.logger);
  deps.logger.info(
    `Running the ${settings.operation} script for "${settings.environment.name}" in ${report.workingDirectory}: ${report.command} (database URL in ${variables.join(", ")}).`,
  );
  const env = scriptEnv(deps.env ?? process.env, settings.databaseUrl, variables, {
    MIGRATE_GUARD_ENVIRONMENT: settings.environment.name,
    MIGRATE_GUARD_TEST_DATA: settings.operation,
  });
  try {
    const result = await runScript(settings.command, { cwd: report.workingDirectory, env, secrets, onLine: deps.onOutput });
    report.exitCode = result.exitCode;
    if (result.signal) report.signal = result.signal;
    report.durationMs = result.durationMs;
  } catch (error) {
    report.exitCode = null;
    report.error = `The script could not be started: ${redact((error as Error).message, secrets)}`;
    return report;
  }
  report.ok = report.exitCode === 0;
  if (!report.ok)
    report.error = `The ${settings.operation} script failed (${report.signal ? `killed by ${report.signal}` : `exit code ${report.exitCode}`}).`;
  return report;
}

/** One line for the end of the output. */
export function headline(report: TestDataReport): string {
  if (report.refused) return `✘ test-data ${report.operation} refused on "${report.environment}" (${report.database}): ${report.refused}`;
  const took = report.durationMs !== undefined ? ` in ${(report.durationMs / 1000).toFixed(1)} s` : "";
  if (report.ok)
    return `✔ test-data ${report.operation} on "${report.environment}" (${report.database}): \`${report.command}\` exited 0${took}.`;
  return `✘ test-data ${report.operation} on "${report.environment}" (${report.database}): ${report.error}${report.exitCode !== undefined ? ` \`${report.command}\`${took}.` : ""}`;
}

export function toTestDataJson(report: TestDataReport): Record<string, unknown> {
  return {
    ok: report.ok,
    operation: report.operation,
    environment: report.environment,
    database: report.database,
    command: report.command,
    refused: report.refused,
    error: report.error ?? null,
    exitCode: report.exitCode ?? null,
    signal: report.signal ?? null,
    durationMs: report.durationMs ?? null,
    stamp: report.stamp
      ? {
          name: report.stamp.name,
          production: report.stamp.production,
          stampedAt: report.stamp.stampedAt.toISOString(),
          createdByThisRun: report.stampCreated === true,
        }
      : null,
  };
}
