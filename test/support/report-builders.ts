// Small builders for VerifyReport values in tests: defaults for everything, overrides for what a
// test is about.
import type { CheckId, CheckResult, DriftResult, Finding, MigrationTiming, VerifyReport } from "../../src/core/report.js";
import { statusFromFindings } from "../../src/core/report.js";

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: "generic-name",
    message: "Migration name `20240101000000_migration` says nothing about the change",
    file: "prisma/migrations/20240101000000_migration/migration.sql",
    line: 1,
    severity: "error",
    ...overrides,
  };
}

export function aCheck(id: CheckId, findings: Finding[] = [], overrides: Partial<CheckResult> = {}): CheckResult {
  return { id, status: statusFromFindings(findings), summary: `${id} looked at 3 migrations`, findings, ...overrides };
}

export function aMigration(name: string, durationMs = 40, slow?: boolean): MigrationTiming {
  return slow === undefined ? { name, durationMs } : { name, durationMs, slow };
}

export function aDrift(overrides: Partial<DriftResult> = {}): DriftResult {
  return {
    differences: ['Added column "email" on table "User"'],
    sql: 'ALTER TABLE "User" ADD COLUMN "email" TEXT;',
    fixCommand: "npx prisma migrate dev --name add-user-email",
    ...overrides,
  };
}

export function aReport(overrides: Partial<VerifyReport> = {}): VerifyReport {
  const checks = overrides.checks ?? [aCheck("lock-file"), aCheck("naming"), aCheck("apply")];
  return {
    ok: checks.every((c) => c.status !== "fail") && !overrides.drift,
    checks,
    migrations: [aMigration("20240101000000_init", 120), aMigration("20240201000000_add_posts", 35)],
    durationMs: 4_200,
    prismaVersion: "6.1.0",
    postgresVersion: "16.4 (Debian 16.4-1.pgdg120+2)",
    ...overrides,
  };
}

/**
 * The worst case the size limit must survive: 1,000 migrations, 2,000 findings spread over three
 * checks, 200 KB of drift SQL and a few hundred differences.
 */
export function aHugeReport(): VerifyReport {
  const migrations = Array.from({ length: 1_000 }, (_, i) =>
    aMigration(`2024${String(i).padStart(6, "0")}_change_number_${i}`, (i * 7919) % 5_000, (i * 7919) % 5_000 > 4_900),
  );
  const finding = (i: number): Finding =>
    aFinding({
      rule: i % 3 === 0 ? "edited-migration" : "generic-name",
      message: `Finding ${i}: migration ${migrations[i % 1_000]!.name} has a | pipe and <b>html</b> in it`,
      file: `prisma/migrations/${migrations[i % 1_000]!.name}/migration.sql`,
      line: (i % 40) + 1,
      severity: i % 4 === 0 ? "warning" : "error",
    });
  const findings = Array.from({ length: 2_000 }, (_, i) => finding(i));
  const sqlLine = (i: number) => `ALTER TABLE "Table${i}" ADD COLUMN "column_${i}" TEXT NOT NULL DEFAULT 'x';`;
  const sqlLines: string[] = [];
  for (let i = 0, size = 0; size < 200_000; i++) {
    sqlLines.push(sqlLine(i));
    size += sqlLine(i).length + 1;
  }
  return aReport({
    ok: false,
    checks: [
      aCheck("naming", findings.slice(0, 900)),
      aCheck("history", findings.slice(900, 1_500)),
      aCheck("lint", findings.slice(1_500)),
      aCheck("apply"),
      aCheck("drift", [aFinding({ rule: "drift", file: undefined, line: undefined, message: "Schema drift" })]),
    ],
    migrations,
    drift: aDrift({
      differences: Array.from({ length: 300 }, (_, i) => `Added column "column_${i}" on table "Table${i}"`),
      sql: sqlLines.join("\n"),
    }),
  });
}
