import { describe, expect, test } from "@jest/globals";
import type { PrismaMigrationRow } from "../postgres/database.js";
import { timingCheck } from "./apply.js";

const row = (name: string, ms: number | null, rolledBack = false): PrismaMigrationRow => ({
  migration_name: name,
  checksum: "x",
  started_at: new Date(1_000_000),
  finished_at: ms === null ? null : new Date(1_000_000 + ms),
  rolled_back_at: rolledBack ? new Date(2_000_000) : null,
  logs: null,
  applied_steps_count: 1,
});

describe("timing", () => {
  test("durations come from started_at/finished_at; above the limit is a warning on the file", () => {
    const { check, timings } = timingCheck(
      [row("01_init", 120), row("02_backfill", 31_000)],
      30,
      (n) => `prisma/migrations/${n}/migration.sql`,
    );
    expect(timings).toEqual([
      { name: "01_init", durationMs: 120 },
      { name: "02_backfill", durationMs: 31_000, slow: true },
    ]);
    expect(check.status).toBe("warn");
    expect(check.findings).toEqual([
      expect.objectContaining({
        rule: "slow-migration",
        severity: "warning",
        file: "prisma/migrations/02_backfill/migration.sql",
        line: 1,
      }),
    ]);
    expect(check.findings[0]!.message).toContain("31.0 s");
  });

  test("exactly at the limit is not slow; unfinished migrations have no duration", () => {
    const { check, timings } = timingCheck([row("01_init", 30_000), row("02_failed", null)], 30, () => undefined);
    expect(timings).toEqual([{ name: "01_init", durationMs: 30_000 }]);
    expect(check.status).toBe("pass");
  });
});
