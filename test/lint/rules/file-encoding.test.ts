import { describe, expect, test } from "@jest/globals";
import { checkEncoding } from "../../../src/lint/encoding.js";
import { lintSql } from "../support.js";

describe("file-encoding", () => {
  test("a byte order mark is one error at 1:1, and the rest of the file is still linted (no parse-error)", async () => {
    const found = await lintSql(`\uFEFFCREATE TABLE "A" ("id" INT);\nDROP TABLE "User";\n`, { base: [`CREATE TABLE "User" ("id" INT);`] });
    expect(found.filter((f) => f.rule === "file-encoding")).toEqual([
      expect.objectContaining({ severity: "error", line: 1, column: 1, message: expect.stringContaining("byte order mark") }),
    ]);
    expect(found.map((f) => f.rule)).not.toContain("parse-error");
    expect(found.map((f) => f.rule)).toContain("drop-table");
  });

  test("a NUL byte is an error at its position, and what follows it is linted (libpg-query alone would stop there)", async () => {
    const found = await lintSql(`CREATE TABLE "A" ("id" INT);\0\nDROP TABLE "User";\n`, { base: [`CREATE TABLE "User" ("id" INT);`] });
    expect(found.find((f) => f.rule === "file-encoding")).toMatchObject({ severity: "error", line: 1, column: 29 });
    expect(found.find((f) => f.rule === "file-encoding")!.message).toMatch(/NUL byte\. PostgreSQL refuses the whole script/);
    expect(found.find((f) => f.rule === "drop-table")).toMatchObject({ line: 2 });
  });

  test("text that was not UTF-8 (decoded to U+FFFD) is an error at the first place, counting the others", async () => {
    const latin1 = Buffer.from(
      `CREATE TYPE "Status" AS ENUM ('brouillon', 'valid\xe9');\nCOMMENT ON TYPE "Status" IS 'r\xe9vis\xe9';\n`,
      "latin1",
    );
    const found = await lintSql(latin1.toString("utf8"));
    expect(found).toEqual([
      expect.objectContaining({
        rule: "file-encoding",
        severity: "error",
        line: 1,
        column: 50,
        message: expect.stringContaining("not valid UTF-8 here and 2 more places"),
      }),
    ]);
  });

  test("a clean file is passed through as is, and a literal U+FEFF later in the file is not a BOM", () => {
    const sql = `CREATE TABLE "A" ("note" TEXT DEFAULT 'x\uFEFFy');\n`;
    const checked = checkEncoding(sql);
    expect(checked).toEqual({ text: sql, problems: [] });
    expect(checked.text).toBe(sql);
  });
});
