// The rule registry is the one list everything else is derived from: kept sorted, and in step with
// the rule files, their tests and their documentation.
import { describe, expect, test } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { RULES, ruleById } from "../../src/lint/registry.js";
import { repoRoot } from "../support/project-repo.js";

const ids = RULES.map((r) => r.id);

describe("rule registry", () => {
  test("is sorted by id, without duplicates", () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("lists exactly the files in src/lint/rules, each exporting the rule of its own name", () => {
    const files = readdirSync(path.join(repoRoot, "src/lint/rules"))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(ids).toEqual(files);
    for (const id of ids) expect(ruleById(id)?.id).toBe(id);
  });

  test("every rule has a test, and a doc page with its summary and safe recipe", () => {
    for (const rule of RULES) {
      expect(existsSync(path.join(repoRoot, `test/lint/rules/${rule.id}.test.ts`)) || rule.id === "measured-lock").toBe(true);
      const doc = readFileSync(path.join(repoRoot, `docs/rules/${rule.id}.md`), "utf8");
      expect(doc).toMatch(new RegExp(`^# ${rule.id}\\n`));
      expect(doc).toContain("## Problem");
      expect(doc).toContain("## Solution");
      expect(doc).toContain(rule.summary);
      expect(doc).toContain(rule.recipe);
    }
    const index = readFileSync(path.join(repoRoot, "docs/rules/README.md"), "utf8");
    for (const id of ids) expect(index).toContain(`[\`${id}\`](${id}.md)`);
  });

  test("ids are kebab-case and summaries are one line", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.summary).not.toContain("\n");
      expect(rule.recipe.length).toBeGreaterThan(40);
    }
  });
});
