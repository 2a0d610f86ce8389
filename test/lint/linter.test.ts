// The linter's context: which tables count as existing (the change set), findings' shape, the
// cached base state, and files that do not parse.
import { describe, expect, test } from "@jest/globals";
import { lint } from "../../src/lint/linter.js";
import { USERS } from "./support.js";

const base = { name: "20200101000000_init", file: "m/20200101000000_init/migration.sql", sql: USERS };
const a = { name: "20300101000000_add_table", file: "m/a.sql", sql: `CREATE TABLE "Tag" ("id" TEXT NOT NULL, "label" TEXT);` };
const b = {
  name: "20300102000000_index_tag",
  file: "m/b.sql",
  sql: `-- CreateIndex\nCREATE INDEX "Tag_label_idx" ON "Tag"("label");\nCREATE INDEX "User_name_idx" ON "User"("name");`,
};
const migrations = [base, a, b];
const fresh = new Set([a.name, b.name]);

describe("lint", () => {
  test("a table created by another new migration of the change set is not existing; a base table is", async () => {
    const result = await lint({
      migrations,
      shouldLint: (n) => fresh.has(n),
      groupOf: (n) => (fresh.has(n) ? "new" : "base"),
      completeHistory: true,
    });
    expect(result.linted).toEqual([a.name, b.name]);
    expect(result.findings.map((f) => [f.rule, f.file, f.line, f.column])).toEqual([["create-index-non-concurrently", "m/b.sql", 3, 1]]);
    expect(result.findings[0]).toMatchObject({
      migration: b.name,
      class: "locking",
      severity: "warning",
      statement: `CREATE INDEX "User_name_idx" ON "User"("name")`,
    });
  });

  test("judged one by one (each migration its own group), the earlier migration's table exists", async () => {
    const result = await lint({ migrations, shouldLint: (n) => fresh.has(n), groupOf: (n) => n, completeHistory: true });
    expect(result.findings.map((f) => f.line)).toEqual([2, 3]);
  });

  test("a cached base state gives the same findings without replaying the base", async () => {
    const options = {
      migrations,
      shouldLint: (n: string) => fresh.has(n),
      groupOf: (n: string) => (fresh.has(n) ? "new" : "base"),
      completeHistory: true,
    };
    const first = await lint({ ...options, wantBaseState: true });
    expect(first.baseState?.covers).toBe(1);
    const cached = await lint({
      ...options,
      migrations: [{ ...base, sql: "this is not SQL and is not parsed" }, a, b],
      initialState: JSON.parse(JSON.stringify(first.baseState)),
    });
    expect(cached.findings).toEqual(first.findings);
  });

  test("a new file that does not parse is a finding; a base file that does not parse is skipped", async () => {
    const broken = { name: "20100101000000_broken", file: "x.sql", sql: "CREATE TABLE (" };
    const result = await lint({
      migrations: [broken, base, { ...b, sql: "ALTER TABLE;" }],
      shouldLint: (n) => n === b.name,
      groupOf: (n) => n,
    });
    expect(result.findings.map((f) => [f.rule, f.file])).toEqual([["parse-error", "m/b.sql"]]);
  });
});
