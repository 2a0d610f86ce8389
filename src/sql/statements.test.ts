import { describe, expect, test } from "@jest/globals";
import { lineAndColumn } from "../core/migrations.js";
import { splitStatements } from "./statements.js";

describe("splitStatements", () => {
  test("statement starts are character offsets of the first token, after comments, with non-ASCII text before", async () => {
    const sql = "-- é ü\nSELECT 'ü';\n/* ö */ CREATE TABLE t (id int);\n";
    const result = await splitStatements(sql);
    if (!result.ok) throw new Error(result.message);
    expect(result.statements.map((s) => s.text)).toEqual(["SELECT 'ü'", "CREATE TABLE t (id int)"]);
    expect(result.statements.map((s) => sql.slice(s.start, s.start + 6))).toEqual(["SELECT", "CREATE"]);
  });

  test("regression: a syntax error's position is in characters, also after non-ASCII text", async () => {
    const sql = "-- é ü\nSELECT 'ü';\nCREATE TABL x;";
    const result = await splitStatements(sql);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('syntax error at or near "TABL"');
    expect(sql.slice(result.position, result.position! + 4)).toBe("TABL");
    expect(lineAndColumn(sql, result.position!)).toEqual({ line: 3, column: 8 });
  });
});
