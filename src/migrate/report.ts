// The report of a status/deploy/resolve run: one model that the CLI text, --json, the job summary,
// the action's outputs and the deployment statuses are all rendered from.
import type { EnvironmentStamp } from "../core/environment.js";
import type { MigrationState } from "../core/migration-state.js";
import type { LockHolder } from "../postgres/environment-database.js";
import type { MigrateCommand } from "./settings.js";
import type { DeployGateOutcome } from "../gate/deploy-gate.js";

export interface PendingMigration {
  name: string;
  checksum: string;
  /** Path relative to the repository root. */
  file: string;
  sql: string;
  /** Warnings Prisma wrote into the migration's header (data loss and the like). */
  warnings: string[];
  /** Findings of a linter, when one was given (see MigrateDependencies.lint). */
  lint?: { rule: string; severity: "error" | "warning" | "notice"; message: string }[];
}

export interface AppliedNow {
  name: string;
  durationMs: number;
  slow: boolean;
}

export interface MigrateReport {
  ok: boolean;
  command: MigrateCommand;
  environment: string;
  production: boolean;
  /** host:port/database as user — nothing secret. */
  database: string;
  /** The state read last (after the change, for deploy and resolve). */
  state?: MigrationState;
  /** Why the state could not be read (the server went away, …). */
  stateUnknown?: string;
  /** The database has no `_prisma_migrations` table yet. */
  noHistory?: boolean;
  /** deploy: what was pending before Prisma ran, with its SQL. */
  pendingBefore?: PendingMigration[];
  /** deploy: what this run applied, according to Prisma's own output. */
  appliedNow?: AppliedNow[];
  resolved?: { name: string; kind: "applied" | "rolled-back"; via: "prisma" | "migrate-guard" };
  stamp?: EnvironmentStamp;
  stampCreated?: boolean;
  lockHolder?: LockHolder;
  backup?: { file: string; bytes: number; durationMs: number; pgDump: string };
  deployment?: { id: number; url?: string };
  /** deploy to production: what the soak gate decided (or that it was switched off). */
  gate?: DeployGateOutcome;
  /** Why the run refused to change anything (nothing was changed). */
  refused: string | null;
  /** Why the run failed while it was changing something. */
  error?: string;
  warnings: string[];
  /** Steps that get the environment out of Prisma's failed-migration state. */
  recovery: string[];
  slowMigrationSeconds: number;
  startedAt: Date;
  durationMs: number;
  actor?: string;
  runUrl?: string;
  prismaVersion?: string;
  postgresVersion?: string;
}

/** The --json document and the action's `report` output. The first seven keys are the contract. */
export function toMigrateJson(report: MigrateReport): object {
  const state = report.state;
  return {
    ok: report.ok,
    environment: report.environment,
    pending: state?.pending ?? [],
    applied: (state?.applied ?? []).map((a) => ({
      name: a.name,
      checksum: a.checksum,
      finishedAt: a.finishedAt.toISOString(),
      durationMs: a.durationMs,
    })),
    failed: (state?.failed ?? []).map((f) => f.name),
    checksumMismatch: state?.checksumMismatch ?? [],
    refused: report.refused,
    command: report.command,
    production: report.production,
    database: report.database,
    rolledBack: state?.rolledBack ?? [],
    missingFromRepo: state?.missingFromRepo ?? [],
    slow: (state?.applied ?? []).filter((a) => a.slow).map((a) => a.name),
    appliedNow: report.appliedNow ?? [],
    resolved: report.resolved ?? null,
    stamp: report.stamp
      ? {
          name: report.stamp.name,
          production: report.stamp.production,
          stampedAt: report.stamp.stampedAt.toISOString(),
          created: Boolean(report.stampCreated),
        }
      : null,
    backup: report.backup ?? null,
    deployment: report.deployment ?? null,
    soakGate: report.gate
      ? report.gate.verdict
        ? {
            decision: report.gate.verdict.decision,
            remainingSeconds: report.gate.verdict.remainingSeconds,
            earliestPassAt: report.gate.verdict.earliestPassAt?.toISOString() ?? null,
            reasons: report.gate.verdict.reasons,
            override: report.gate.verdict.override ?? null,
          }
        : { skipped: report.gate.skipped ?? null }
      : null,
    stateUnknown: report.stateUnknown ?? null,
    error: report.error ?? null,
    warnings: report.warnings,
    recovery: report.recovery,
    durationMs: report.durationMs,
  };
}

/** Exit code of the CLI: 0 success, 1 refused or failed. (2 never reaches a report: it is thrown.) */
export function exitCode(report: MigrateReport): number {
  return report.ok ? 0 : 1;
}

/** One line for logs, deployment status descriptions and the summary's title. */
export function headline(report: MigrateReport): string {
  const env = `"${report.environment}"`;
  if (report.refused) return `${report.command} on ${env} refused: nothing was changed`;
  if (report.error) return `${report.command} on ${env} failed`;
  const s = report.state;
  switch (report.command) {
    case "deploy": {
      const n = report.appliedNow?.length ?? 0;
      return n === 0 ? `No pending migrations on ${env}` : `${n} migration${n === 1 ? "" : "s"} applied to ${env}`;
    }
    case "resolve":
      return report.resolved ? `${report.resolved.name} marked ${report.resolved.kind} on ${env}` : `resolve on ${env}`;
    default:
      if (!s) return `Status of ${env}`;
      if (!report.ok)
        return `${env} needs attention: ${[s.failed.length ? `${s.failed.length} failed` : "", s.checksumMismatch.length ? `${s.checksumMismatch.length} edited after apply` : ""].filter(Boolean).join(", ")}`;
      return `${env}: ${s.applied.length} applied, ${s.pending.length} pending`;
  }
}

/** Prisma's generated header: `/* Warnings: - You are about to drop … *\/`. */
export function prismaWarnings(sql: string): string[] {
  const block = /\/\*([\s\S]*?)\*\//.exec(sql);
  if (!block || !/Warnings:/i.test(block[1] ?? "")) return [];
  return (block[1] ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("- "))
    .map((l) => l.slice(2).trim());
}
