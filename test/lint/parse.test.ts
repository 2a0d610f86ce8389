import { describe, expect, test } from "@jest/globals";
import { LineIndex, parseScript } from "../../src/lint/parse.js";

describe("parseScript", () => {
  test("statements start at their first token (not at the comments before them), with 1-based line and column", async () => {
    const script = await parseScript(`-- CreateTable\nCREATE TABLE "a" (id int);\n\n  /* x */ DROP TABLE "a";`);
    if (!script.ok) throw new Error(script.message);
    expect(script.statements.map((s) => [s.kind, s.line, s.column])).toEqual([
      ["CreateStmt", 2, 1],
      ["DropStmt", 4, 11],
    ]);
    expect(script.statements[1]!.text).toBe(`DROP TABLE "a"`);
  });

  test("ALTER TABLE commands are located one by one, commas inside parentheses and comments ignored", async () => {
    const sql = `ALTER TABLE "W" DROP COLUMN "a", -- why, really\n  ADD COLUMN "n" NUMERIC(10, 2),\nADD CONSTRAINT "c" CHECK (f(1, 2) > 0);`;
    const script = await parseScript(sql);
    if (!script.ok) throw new Error(script.message);
    const lines = new LineIndex(sql);
    expect(script.statements[0]!.parts.map((o) => lines.at(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
    ]);
  });

  test("locations are characters even when the script has multi-byte characters", async () => {
    const sql = `COMMENT ON TABLE "x" IS 'ünïcödé';\nALTER TABLE "x" ADD COLUMN "ä" TEXT,\nDROP COLUMN "b";`;
    const script = await parseScript(sql);
    if (!script.ok) throw new Error(script.message);
    const lines = new LineIndex(sql);
    expect(script.statements[1]).toMatchObject({ line: 2, column: 1 });
    expect(lines.at(script.statements[1]!.parts[1]!)).toEqual({ line: 3, column: 1 });
  });

  test("comments are kept only when the file has an ignore directive", async () => {
    const plain = await parseScript(`-- hello\nSELECT 1;`);
    const directive = await parseScript(`-- migrate-guard-ignore truncate: x\nSELECT '-- migrate-guard-ignore not a comment';`);
    expect(plain.ok && plain.comments).toEqual([]);
    expect(directive.ok && directive.comments.map((c) => c.text)).toEqual(["-- migrate-guard-ignore truncate: x"]);
  });

  test("an empty file is an empty migration (Prisma applies it), not a parse error", async () => {
    expect(await parseScript("")).toMatchObject({ ok: true, statements: [] });
  });
});
