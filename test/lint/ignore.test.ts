import { describe, expect, test } from "@jest/globals";
import { ignoreProblems, parseIgnores, suppressing } from "../../src/lint/ignore.js";
import { parseScript } from "../../src/lint/parse.js";

async function directives(sql: string) {
  const script = await parseScript(sql);
  if (!script.ok) throw new Error(script.message);
  return parseIgnores(script.comments, script.statements);
}

describe("ignore directives", () => {
  test("statement form binds to the next statement; rules are comma separated; block comments work", async () => {
    const [d, b] = await directives(
      `SELECT 1;\n-- migrate-guard-ignore drop-column, drop-table: phases done in #42\n\nDROP TABLE "x";\n/* migrate-guard-ignore truncate: staging only */ TRUNCATE "y";`,
    );
    expect(d).toMatchObject({ rules: ["drop-column", "drop-table"], reason: "phases done in #42", fileLevel: false, statement: 1 });
    expect(b).toMatchObject({ rules: ["truncate"], reason: "staging only", statement: 2 });
    expect(suppressing([d!, b!], "drop-table", 1)).toBe(d);
    expect(suppressing([d!, b!], "drop-table", 2)).toBeUndefined();
  });

  test("file form applies everywhere; no reason means no suppression", async () => {
    const [file, bare] = await directives(
      `-- migrate-guard-ignore-file missing-lock-timeout: maintenance window\n-- migrate-guard-ignore truncate\nTRUNCATE "y";`,
    );
    expect(suppressing([file!], "missing-lock-timeout", undefined)).toBe(file);
    expect(suppressing([bare!], "truncate", 0)).toBeUndefined();
    expect(ignoreProblems([bare!], new Set(["truncate"])).map((p) => p.rule)).toEqual(["ignore-without-reason"]);
  });

  test("problems: unknown rule, unused, none named", async () => {
    const ds = await directives(
      `-- migrate-guard-ignore nope: x\n-- migrate-guard-ignore truncate: y\n-- migrate-guard-ignore : z\nSELECT 1;`,
    );
    expect(ignoreProblems(ds, new Set(["truncate"])).map((p) => p.message)).toEqual([
      expect.stringContaining(`"nope", which is not a migrate-guard rule`),
      expect.stringContaining("suppresses nothing"),
      expect.stringContaining("names no rule"),
    ]);
  });
});
