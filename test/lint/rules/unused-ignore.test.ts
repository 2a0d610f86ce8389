import { describe, expect, test } from "@jest/globals";
import { hits, lintSql, USERS } from "../support.js";

describe("unused-ignore", () => {
  test("an ignore that suppresses nothing is reported", async () => {
    const [f] = await hits(
      "unused-ignore",
      `-- migrate-guard-ignore drop-column: old habit\nALTER TABLE "User" ADD COLUMN "a" TEXT DEFAULT 'x';`,
      { base: [USERS] },
    );
    expect(f).toMatchObject({ severity: "warning", line: 1 });
    expect(f!.message).toMatch(/suppresses nothing/);
  });
  test("an unknown rule id is reported", async () => {
    const [f] = await hits("unused-ignore", `-- migrate-guard-ignore-file no-such-rule: because\nSELECT 1;`);
    expect(f!.message).toMatch(/not a migrate-guard rule/);
  });
  test("a used ignore suppresses its finding and is not reported", async () => {
    const found = await lintSql(
      `SET lock_timeout = '5s';\n-- migrate-guard-ignore drop-column: phase 2 shipped in v2.3\nALTER TABLE "User" DROP COLUMN "name";`,
      { base: [USERS] },
    );
    expect(found.map((f) => f.rule)).toEqual([]);
  });
});
