import { describe, expect, test } from "@jest/globals";
import { lintSql, USERS } from "../support.js";

describe("ignore-without-reason", () => {
  test("a directive without a reason suppresses nothing and is an error", async () => {
    const found = await lintSql(`SET lock_timeout = '5s';\n-- migrate-guard-ignore drop-column\nALTER TABLE "User" DROP COLUMN "name";`, {
      base: [USERS],
    });
    expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ["drop-column", "error", 3],
      ["ignore-without-reason", "error", 2],
    ]);
  });
  test("a file-level directive with a reason covers the whole file", async () => {
    const sql = `-- migrate-guard-ignore-file missing-lock-timeout,several-access-exclusive: runs in the maintenance window\nALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "Post" ADD COLUMN "b" TEXT;`;
    expect(await lintSql(sql, { base: [USERS] })).toEqual([]);
  });
});
