// Size-aware risk in the linter: which findings a stats document raises and sizes, and how the
// document itself is checked. (The real `migrate-guard stats` on a cluster: test/stats/stats.test.ts.)
import { describe, expect, test } from "@jest/globals";
import { lint } from "../../src/lint/linter.js";
import {
  DEFAULT_HUGE_ROWS,
  DEFAULT_RAISE_ROWS,
  formatBytes,
  formatRows,
  parseStatsDocument,
  type StatsDocument,
} from "../../src/lint/stats.js";
import { USERS } from "./support.js";

const stats: StatsDocument = {
  environment: "production",
  takenAt: "2026-01-01T00:00:00.000Z",
  server: "16",
  tables: [
    { schema: "public", name: "User", rows: 12_400_000, bytes: 3.1 * 2 ** 30 },
    { schema: "public", name: "Post", rows: 100, bytes: 16_384 },
    { schema: "public", name: "Stale", rows: null, bytes: 8192 },
  ],
};

async function run(sql: string, doc: StatsDocument | null = stats, raiseRows = DEFAULT_RAISE_ROWS, hugeRows = DEFAULT_HUGE_ROWS) {
  const result = await lint({
    migrations: [
      { name: "1_base", file: "base.sql", sql: USERS + `CREATE TABLE "Stale" ("id" int);` },
      { name: "2_new", file: "new.sql", sql },
    ],
    shouldLint: (n) => n === "2_new",
    groupOf: (n) => (n === "2_new" ? "new" : "base"),
    completeHistory: true,
    ...(doc ? { sizeRisk: { stats: doc, raiseRows, hugeRows } } : {}),
  });
  return result.findings;
}

describe("size-aware risk", () => {
  test("ACCESS EXCLUSIVE on a 12.4 M-row table: raised to error, sized, and called out as huge", async () => {
    const found = await run(`SET lock_timeout = '5s';\nALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;`);
    const [f] = found.filter((x) => x.rule === "set-not-null");
    expect(f!.severity).toBe("error");
    expect(f!.message).toContain(
      `(ACCESS EXCLUSIVE on "User" — 12.4 M rows, 3.1 GB on production; raised to error: at least 1 M rows; over 10 M rows: expect the lock or rewrite to last minutes`,
    );
  });

  test("the same hazard on 100 rows keeps its level and names the size; without stats nothing changes", async () => {
    const sql = `SET lock_timeout = '5s';\nALTER TABLE "Post" ALTER COLUMN "title" SET NOT NULL;`;
    const [f] = (await run(sql)).filter((x) => x.rule === "set-not-null");
    expect(f!.severity).toBe("warning");
    expect(f!.message).toMatch(/\(ACCESS EXCLUSIVE on "Post" — 100 rows, 16 kB on production\.\)$/);
    const [plain] = (await run(sql, null)).filter((x) => x.rule === "set-not-null");
    expect(plain!.message).not.toMatch(/on production/);
  });

  test("migration-wide lock rules take the largest table the migration locks; non-hazard rules are left alone", async () => {
    const found = await run(
      `ALTER TABLE "Post" ADD COLUMN "a" TEXT;\nALTER TABLE "User" ADD COLUMN "b" TEXT;\nALTER TABLE "User" DROP COLUMN "name";`,
    );
    const timeout = found.find((x) => x.rule === "missing-lock-timeout")!;
    expect(timeout.severity).toBe("error");
    expect(timeout.message).toMatch(/ACCESS EXCLUSIVE on "User" — 12.4 M rows/);
    const drop = found.find((x) => x.rule === "drop-column")!;
    expect(drop.message).not.toMatch(/M rows/);
  });

  test("a table never analyzed: sized by bytes, row count said unknown, not raised", async () => {
    const [f] = (await run(`CREATE INDEX "s" ON "Stale"("id");`)).filter((x) => x.rule === "create-index-non-concurrently");
    expect(f!.severity).toBe("warning");
    expect(f!.message).toMatch(/SHARE on "Stale" — 8 kB on production; row count unknown/);
  });

  test("tables new in the change set are not sized (they hold no rows yet)", async () => {
    const [f] = (
      await run(`CREATE TABLE "User2" ("id" int);\nCREATE INDEX "u" ON "User2"("id");`, {
        ...stats,
        tables: [...stats.tables, { schema: "public", name: "User2", rows: 5e7, bytes: 1 }],
      })
    ).filter((x) => x.rule === "create-index-non-concurrently");
    expect(f).toBeUndefined();
  });

  test("formatting and document checks", () => {
    expect([formatRows(1), formatRows(100), formatRows(12_400), formatRows(12_400_000), formatRows(2e9)]).toEqual([
      "1 row",
      "100 rows",
      "12.4 k rows",
      "12.4 M rows",
      "2 G rows",
    ]);
    expect([formatBytes(512), formatBytes(16_384), formatBytes(3.1 * 2 ** 30)]).toEqual(["512 bytes", "16 kB", "3.1 GB"]);
    expect(() => parseStatsDocument("{", "s.json")).toThrow(/s.json is not JSON/);
    expect(() =>
      parseStatsDocument(`{"environment":"p","takenAt":"x","tables":[{"schema":"public","name":"A","rows":-1,"bytes":0}]}`, "s.json"),
    ).toThrow(/tables\[0\] \("A"\) needs "rows"/);
    expect(
      parseStatsDocument(`\uFEFF{"environment":"prod\\u001b[31m","takenAt":"x","server":"16","tables":[]}`, "s.json").environment,
    ).toBe("prod?[31m");
  });
});
