// The `apply` and `timing` checks: the project's own `prisma migrate deploy` on the verify database.
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import type { CheckResult, Finding, MigrationTiming } from "../core/report.js";
import { readPrismaMigrations, type PrismaMigrationRow } from "../postgres/database.js";
import { explainFailure } from "../postgres/explain-failure.js";
import type { PrismaCli, PrismaRunResult } from "../prisma/cli.js";
import { countFinished } from "../postgres/progress.js";

export interface ApplyOutcome {
  check: CheckResult;
  rows: PrismaMigrationRow[];
  succeeded: boolean;
}

/** Reports progress from the database itself while Prisma works: 800 migrations must not look hung. */
function watchProgress(url: string, total: number, logger: Logger): () => void {
  let last = -1;
  const timer = setInterval(() => {
    countFinished(url).then(
      (n) => {
        if (n !== last && n > 0) logger.info(`  applied ${n}/${total} migrations…`);
        last = n;
      },
      () => {},
    );
  }, 2000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function applyMigrations(params: {
  prisma: PrismaCli;
  url: string;
  migrations: readonly Migration[];
  logger: Logger;
  /** How to run `prisma migrate deploy` (the snapshot cache may split it); default: once. */
  deploy?: (onLine: (line: string) => void) => Promise<PrismaRunResult>;
  /** Migrations in the database from the snapshot cache (known once deploy has returned). */
  restored?: () => number;
}): Promise<ApplyOutcome> {
  const { prisma, url, migrations, logger } = params;
  logger.info(
    `Applying ${migrations.length - (params.restored?.() ?? 0)} migrations with prisma migrate deploy (Prisma ${prisma.version})…`,
  );
  const stop = watchProgress(url, migrations.length, logger);
  let result;
  try {
    const onLine = (line: string) => logger.debug(`prisma: ${line}`);
    result = await (params.deploy ? params.deploy(onLine) : prisma.deploy(url, onLine));
  } finally {
    stop();
  }
  const rows = await readPrismaMigrations(url).catch(() => []);
  const restored = params.restored?.() ?? 0;
  if (result.code === 0) {
    // The database, not the exit status, says what was applied: Prisma 7's CLI can exit 0 having
    // applied nothing when its schema engine process dies mid-command (measured with an engine that
    // exits 101 on a panic, as the native one does; see test/prisma7).
    const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
    const missing = migrations.filter((m) => !applied.has(m.name));
    if (missing.length === 0) {
      const from = restored > 0 ? ` (${restored} of them restored from the snapshot cache, where Prisma applied them)` : "";
      return {
        succeeded: true,
        rows,
        check: {
          id: "apply",
          status: "pass",
          summary: `${rows.length} migrations applied with prisma migrate deploy${from}`,
          findings: [],
        },
      };
    }
    return {
      succeeded: false,
      rows,
      check: {
        id: "apply",
        status: "fail",
        summary: `prisma migrate deploy exited 0 but ${missing.length} of ${migrations.length} migrations are not applied`,
        findings: [
          {
            rule: "deploy-failed",
            severity: "error",
            message: `prisma migrate deploy reported success, but ${missing.length} migration(s) are not applied in the database (first: ${missing[0]!.name}); Prisma's schema engine probably stopped early:\n${tail(result.stderr || result.stdout)}`,
          },
        ],
      },
    };
  }

  const applied = rows.filter((r) => r.finished_at !== null).length;
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  const migration = failed ? migrations.find((m) => m.name === failed.migration_name) : undefined;
  const findings: Finding[] = [];
  if (migration) {
    const failure = await explainFailure(url, migration.sql).catch(() => undefined);
    const pgText = failure
      ? `${failure.code ? `[${failure.code}] ` : ""}${failure.message}${failure.detail ? ` (${failure.detail})` : ""}`
      : firstErrorLine(result.stderr || result.stdout);
    findings.push({
      rule: "migration-failed",
      severity: "error",
      file: migration.file,
      line: failure?.line ?? 1,
      ...(failure?.column ? { column: failure.column } : {}),
      message: `Migration "${migration.name}" failed: ${pgText}${failure?.hint ? ` Hint: ${failure.hint}` : ""}`,
    });
  } else {
    findings.push({
      rule: "deploy-failed",
      severity: "error",
      // No migration failed: Prisma stopped on something else (a folder without migration.sql, the lock file, the config).
      message: `prisma migrate deploy failed ${applied > 0 ? `after applying ${applied} migration(s), ` : "before applying any migration, "}on no migration of its own:\n${tail(result.stderr || result.stdout)}`,
    });
  }
  return {
    succeeded: false,
    rows,
    check: {
      id: "apply",
      status: "fail",
      summary: `prisma migrate deploy failed after ${applied} of ${migrations.length} migrations`,
      findings,
    },
  };
}

function firstErrorLine(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const index = lines.findIndex((l) => /^Error/.test(l));
  return (index >= 0 ? lines.slice(index, index + 3) : lines.slice(-3)).join(" ");
}

function tail(output: string): string {
  return output.trim().split("\n").slice(-15).join("\n");
}

export function timingCheck(
  rows: readonly PrismaMigrationRow[],
  slowSeconds: number,
  fileOf: (name: string) => string | undefined,
): { check: CheckResult; timings: MigrationTiming[] } {
  const timings: MigrationTiming[] = rows
    .filter((r) => r.finished_at !== null)
    .map((r) => {
      const durationMs = Math.max(0, r.finished_at!.getTime() - r.started_at.getTime());
      return { name: r.migration_name, durationMs, ...(durationMs > slowSeconds * 1000 ? { slow: true } : {}) };
    });
  const findings: Finding[] = timings
    .filter((t) => t.slow)
    .map((t) => {
      const file = fileOf(t.name);
      return {
        rule: "slow-migration",
        severity: "warning" as const,
        ...(file ? { file, line: 1 } : {}),
        message: `Migration "${t.name}" took ${(t.durationMs / 1000).toFixed(1)} s on an empty database (limit ${slowSeconds} s). On production data it will take longer and may hold locks.`,
      };
    });
  const total = timings.reduce((s, t) => s + t.durationMs, 0);
  return {
    timings,
    check: {
      id: "timing",
      status: findings.length ? "warn" : "pass",
      summary: `${timings.length} migrations took ${(total / 1000).toFixed(1)} s in total; slowest ${slowest(timings)}`,
      findings,
    },
  };
}

function slowest(timings: readonly MigrationTiming[]): string {
  const top = [...timings].sort((a, b) => b.durationMs - a.durationMs)[0];
  return top ? `${top.name} (${top.durationMs} ms)` : "none";
}
