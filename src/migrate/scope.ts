// What a run has read so far and the helpers deploy and resolve share to end it: refusing, opening
// and closing the audit record, and the findings every command reports about the state it read.
import { redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import { recoverySteps } from "../core/migration-state.js";
import type { AuditRecord, AuditRequest, AuditTrail } from "./audit.js";
import type { EnvironmentDatabase } from "../postgres/environment-database.js";
import { gateLine, gatePayload } from "../gate/deploy-gate.js";
import { majorOf } from "../core/postgres-major.js";
import type { GateGitHub } from "../gate/github.js";
import { headline, type MigrateReport, type PendingMigration } from "./report.js";
import type { MigrateSettings } from "./settings.js";
import { describeLockHolder, type EnvironmentState, type LoadedProject } from "./state.js";

export interface RunContext {
  /** Who started the run (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR). */
  actor?: string;
  /** owner/repo */
  repository?: string;
  runUrl?: string;
  sha?: string;
}

export interface MigrateDependencies {
  logger: Logger;
  /** Where deploys and resolves are recorded; none for the CLI. */
  audit?: AuditTrail;
  context?: RunContext;
  /** Fills `lint` of each pending migration (src/migrate/lint-pending.ts; none in unit tests). */
  lint?: (pending: PendingMigration[], all: readonly Migration[]) => Promise<void>;
  /** What the soak gate of production deploys reads GitHub with (none: the schema soak alone decides). */
  soakGate?: { github?: GateGitHub; clock?: () => Date; actor?: string; sha?: string };
}

/** What deploy.ts and resolve.ts get: everything read so far, and the helpers that end a run. */
export interface RunScope {
  settings: MigrateSettings;
  deps: MigrateDependencies;
  loaded: LoadedProject;
  db: EnvironmentDatabase;
  env: EnvironmentState;
  report: MigrateReport;
}

/** Marks the report refused: nothing was changed. */
export function refuse(report: MigrateReport, reason: string): MigrateReport {
  report.ok = false;
  report.refused = reason;
  return report;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An override or opt-out of the soak gate, for the deployment's descriptions (a reviewer reads them later). */
function gateNote(report: MigrateReport): string {
  return report.gate && (report.gate.verdict?.override || report.gate.skipped) ? ` — ${gateLine(report.gate)}` : "";
}

export function auditRequest(
  settings: MigrateSettings,
  deps: MigrateDependencies,
  report: MigrateReport,
  migrations: { name: string; checksum: string }[],
  what: string,
): AuditRequest {
  const context = deps.context ?? {};
  const action = settings.resolve ? `resolve --${settings.resolve.kind} ${settings.resolve.name}` : "deploy";
  return {
    environment: settings.environment.name,
    production: report.production,
    task: "deploy:migrations",
    description: `migrate-guard ${action}: ${what}${settings.reason ? ` — ${settings.reason}` : ""}${gateNote(report)}`,
    payload: {
      tool: "migrate-guard",
      command: settings.command,
      ...(settings.resolve ? { resolve: settings.resolve } : {}),
      ...(settings.reason ? { reason: settings.reason } : {}),
      ...(report.gate && gatePayload(report.gate) ? { soakGate: gatePayload(report.gate) } : {}),
      migrations,
      database: report.database,
      // The server's major, so that verify can run on production's (postgres-version: production).
      ...(report.postgresVersion ? { postgres: { major: majorOf(report.postgresVersion) ?? null, version: report.postgresVersion } } : {}),
      actor: context.actor ?? null,
      runUrl: context.runUrl ?? null,
      sha: context.sha ?? null,
    },
  };
}

/**
 * Opens the audit record, or refuses the run when it cannot be opened: a change to an environment is
 * never made without its record. Undefined when the caller keeps no audit trail (the CLI).
 */
export async function openAudit(deps: MigrateDependencies, report: MigrateReport, request: AuditRequest): Promise<AuditRecord | undefined> {
  if (!deps.audit) return undefined;
  try {
    const record = await deps.audit.start(request);
    report.deployment = { id: record.id, ...(record.url ? { url: record.url } : {}) };
    deps.logger.info(`Recorded as GitHub deployment ${record.id} (environment "${request.environment}", in progress).`);
    return record;
  } catch (error) {
    refuse(report, `The ${report.command} could not be recorded as a GitHub deployment, so nothing was changed. ${errorMessage(error)}`);
    return undefined;
  }
}

export async function closeAudit(record: AuditRecord | undefined, report: MigrateReport, logger: Logger): Promise<void> {
  if (!record) return;
  const firstProblem = (report.error ?? report.refused ?? "").split("\n")[0] ?? "";
  const description = report.ok ? `${headline(report)}${gateNote(report)}` : `${headline(report)}: ${firstProblem}`;
  try {
    await record.finish(report.ok ? "success" : "failure", redact(description));
  } catch (error) {
    const message = `Could not set the final status of GitHub deployment ${record.id}: ${errorMessage(error)}`;
    report.warnings.push(message);
    logger.warning(message);
  }
}

/** Findings every command reports about the state it read. */
export function describeState(scope: RunScope): void {
  const { env, report, settings } = scope;
  const state = env.state;
  for (const name of state.checksumMismatch) {
    const file = scope.loaded.dir.migrations.find((m) => m.name === name)?.file ?? name;
    report.warnings.push(
      `Migration "${name}" was edited after it was applied to "${settings.environment.name}": ${file} no longer matches the checksum recorded when it ran. ` +
        `Restore the file as it was applied (\`git log -p -- ${file}\`) and put the change into a new migration.`,
    );
  }
  if (state.missingFromRepo.length > 0) {
    report.warnings.push(
      `The database has ${state.missingFromRepo.length} migration(s) this repository does not: ${state.missingFromRepo.join(", ")}. They were deployed from another branch or commit, or their folders were deleted.`,
    );
  }
  for (const a of state.applied.filter((m) => m.slow)) {
    report.warnings.push(
      `🚩 Migration "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (slow-migration-seconds ${settings.slowMigrationSeconds}).`,
    );
  }
  if (env.noHistory && env.userTables > 0) {
    report.warnings.push(
      `The database has ${env.userTables} table(s) but no _prisma_migrations history: Prisma refuses to deploy to it (P3005). Baseline it first: ` +
        `record the migrations its schema already contains with resolve --applied NAME (one run per migration), then deploy.`,
    );
  }
  if (env.lockHolder) {
    const running = state.failed.map((f) => f.name);
    report.warnings.push(
      `A deploy is running right now (Prisma's migration lock is held by ${describeLockHolder(env.lockHolder)})${running.length ? `; being applied: ${running.join(", ")}` : ""}.`,
    );
  } else if (state.failed.length > 0) {
    report.recovery.push(...recoverySteps(state.failed, settings.environment.name));
  }
}
