import { describe, expect, test } from "@jest/globals";
import { lintSql } from "../support.js";

describe("parse-error", () => {
  test("a file that does not parse is one finding at the parser's position, not a crash", async () => {
    const found = await lintSql(`-- AlterTable\nALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "User" ADDD COLUMN "b" TEXT;\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "parse-error", severity: "error", line: 3, column: 20 });
    expect(found[0]!.message).toMatch(/syntax error at or near "ADDD"/);
  });
  test("positions count characters, not UTF-8 bytes", async () => {
    const [f] = await lintSql(`COMMENT ON TABLE "x" IS 'héllo wörld';\nSELEC 1;`);
    expect(f).toMatchObject({ rule: "parse-error", line: 2, column: 1 });
  });
});
