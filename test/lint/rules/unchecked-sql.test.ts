// DO blocks and called plpgsql functions: their statements are linted at their own line; EXECUTE of
// constants is read; what cannot be read is reported as not checked; hostile bodies never throw.
import { describe, expect, test } from "@jest/globals";
import { hits, lintSql, USERS } from "../support.js";

describe("statements inside DO blocks and plpgsql bodies", () => {
  test("DDL inside a DO block is linted at its own line and column", async () => {
    const sql = `-- hand-written\nDO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM pg_tables) THEN\n    ALTER TABLE "Invoice" DROP COLUMN "legacyNumber";\n  END IF;\nEND $$;\n`;
    const [f] = await hits("drop-column", sql);
    expect(f).toMatchObject({ severity: "error", line: 5, column: 5 });
    expect(f!.message).toMatch(/Dropping "Invoice"."legacyNumber"/);
  });

  test("a one-line DO block: the statement's column inside the line", async () => {
    const [f] = await hits("drop-column", `DO $$ BEGIN ALTER TABLE "Invoice" DROP COLUMN "legacyNumber"; END $$;`);
    expect(f).toMatchObject({ line: 1, column: 13 });
  });

  test("EXECUTE of a constant string is parsed and linted, pointing into the string", async () => {
    const [f] = await hits("drop-table", `DO $$\nBEGIN\n  EXECUTE 'DROP TABLE "LegacyImport"';\nEND $$;`);
    expect(f).toMatchObject({ severity: "error", line: 3, column: 12 });
  });

  test("EXECUTE format() with a constant format string and constant arguments, and constants joined with ||", async () => {
    const sql = `DO $$\nBEGIN\n  EXECUTE format('ALTER TABLE %I DROP COLUMN %I', 'User', 'name');\n  EXECUTE 'DROP ' || 'TABLE "Post"';\nEND $$;`;
    const found = await lintSql(sql, { base: [USERS] });
    expect(found.filter((f) => f.rule === "drop-column").map((f) => [f.line, f.message.slice(0, 30)])).toEqual([
      [3, `Dropping "User"."name" deletes`],
    ]);
    expect(found.filter((f) => f.rule === "drop-table").map((f) => f.line)).toEqual([4]);
  });

  test("an EXECUTE that cannot be read is a notice saying it was not checked", async () => {
    const sql = `DO $$\nDECLARE t text;\nBEGIN\n  FOR t IN SELECT tablename FROM pg_tables LOOP\n    EXECUTE 'DROP TABLE ' || quote_ident(t);\n  END LOOP;\nEND $$;`;
    const found = await lintSql(sql);
    expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([["unchecked-sql", "notice", 5]]);
    expect(found[0]!.message).toMatch(
      /EXECUTE 'DROP TABLE ' \|\| quote_ident\(t\) inside a DO block builds its SQL at run time.*not checked/,
    );
  });

  test("format() with a variable argument is not readable either", async () => {
    const [f] = await hits("unchecked-sql", `DO $$ DECLARE n text := 'x'; BEGIN EXECUTE format('DROP TABLE %I', n); END $$;`);
    expect(f).toMatchObject({ severity: "notice", line: 1 });
  });

  test("a plpgsql function body is linted when the migration calls it, not when it only defines it (a trigger function)", async () => {
    const fn = `CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $f$\nBEGIN\n  DROP TABLE "Post";\nEND\n$f$;\n`;
    expect((await hits("drop-table", fn + `SELECT cleanup();\nDROP FUNCTION cleanup();`, { base: [USERS] })).map((f) => f.line)).toEqual([
      3,
    ]);
    expect(await hits("drop-table", fn, { base: [USERS] })).toEqual([]);
  });

  test("statements inside a DO block build the state: a table it creates is new in this change set", async () => {
    const sql = `DO $$ BEGIN CREATE TABLE "Tmp" ("a" text); END $$;\nDROP TABLE "Tmp";`;
    expect((await hits("drop-table", sql, { base: [USERS] })).map((f) => f.severity)).toEqual(["notice"]);
  });

  test("an ignore directive before the DO block covers the statements inside it", async () => {
    const sql = `SET lock_timeout = '1s';\n-- migrate-guard-ignore drop-table: the import table was never used\nDO $$ BEGIN EXECUTE 'DROP TABLE "Post"'; END $$;`;
    expect(await lintSql(sql, { base: [USERS] })).toEqual([]);
  });

  test("an ignore directive covers an unreadable EXECUTE of a later DO block (statement numbers stay right after expansion)", async () => {
    const sql =
      `SET lock_timeout = '1s';\nDO $$ BEGIN ALTER TABLE "Post" ADD COLUMN "a" TEXT; ALTER TABLE "Post" ADD COLUMN "b" TEXT; END $$;\n` +
      `-- migrate-guard-ignore unchecked-sql: only renames temporary tables\nDO $$ DECLARE t text; BEGIN EXECUTE 'ALTER TABLE ' || t || ' RENAME TO x'; END $$;`;
    expect(await lintSql(sql, { base: [USERS] })).toEqual([]);
  });

  test("a body PostgreSQL rejects is a warning, not a crash; other languages are left alone", async () => {
    const [f] = await hits("unchecked-sql", `DO $$ BEGIN IF THEN END; END $$;`);
    expect(f).toMatchObject({ severity: "warning", line: 1 });
    expect(await lintSql(`DO LANGUAGE plpython3u $$ import os $$;`)).toEqual([]);
  });

  test("hostile mutations of a DO body never throw (each yields findings or none)", async () => {
    const seed = `DO $$\nDECLARE n text := 'x';\nBEGIN\n  IF EXISTS (SELECT 1) THEN\n    ALTER TABLE "Invoice" DROP COLUMN "legacyNumber";\n  END IF;\n  EXECUTE format('DROP TABLE %I', 'LegacyImport');\n  EXECUTE 'ALTER TABLE "A" ' || n;\nEND $$;\n`;
    const junk = ["$$", "'", "%", "%I", "END", "EXECUTE", "\u0000", "é", "$f$", ";", "\n", "format(", "||", "DO $$", "BEGIN"];
    let state = 0x2545f491;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    for (let i = 0; i < 150; i++) {
      let text = seed;
      for (let k = 0; k <= rand(3); k++) {
        const at = rand(text.length);
        const op = rand(3);
        if (op === 0) text = text.slice(0, at) + junk[rand(junk.length)] + text.slice(at);
        else if (op === 1) text = text.slice(0, at) + text.slice(at + rand(8));
        else text = text.slice(0, at) + text.slice(at, at + rand(20)).repeat(2) + text.slice(at + rand(20));
      }
      const found = await lintSql(text);
      for (const f of found) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.line).toBeLessThanOrEqual(text.split("\n").length);
      }
    }
  });
});
