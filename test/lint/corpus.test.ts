// The linter on real histories next to squawk 2.66 (the baseline the issue names): every DROP TABLE,
// DROP COLUMN, rename and in-place type change squawk reports must be reported too (recall 100%),
// with at most 10% of squawk's default finding count on trigger.dev.
import { describe, expect, test } from "@jest/globals";
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { silentLogger } from "../../src/core/logger.js";
import { runLint } from "../../src/verify/lint.js";
import { corpus, repoRoot } from "../support/project-repo.js";

const DESTRUCTIVE_SQUAWK = new Set(["ban-drop-column", "ban-drop-table", "renaming-column", "renaming-table", "changing-column-type"]);
const DESTRUCTIVE_OURS = new Set(["drop-column", "drop-table", "rename-column", "rename-table", "change-column-type"]);

interface SquawkFinding { file: string; line: number; rule_name: string }

async function squawk(dir: string): Promise<SquawkFinding[]> {
  const files = readdirSync(path.join(dir, "prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, "prisma/migrations", e.name, "migration.sql"));
  // squawk exits 1 when it has findings; its JSON is on stdout either way.
  const out = await promisify(execFile)(path.join(repoRoot, "node_modules/.bin/squawk"), ["--reporter", "json", ...files], { maxBuffer: 64 << 20 }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  return JSON.parse(out.stdout) as SquawkFinding[];
}

async function compare(name: string) {
  const dir = corpus(name);
  const [ours, theirs] = await Promise.all([runLint({ workingDirectory: dir, all: true, pathBase: repoRoot, cacheDir: false, logger: silentLogger }), squawk(dir)]);
  // squawk points at the command (its lines are 0-based), we at the statement, or at the command in
  // a multi-command ALTER TABLE: each squawk finding is matched one to one with a finding of ours
  // whose statement span holds its line, the nearest one above it first.
  const mine = ours.result.findings.filter((f) => DESTRUCTIVE_OURS.has(f.rule)).map((f) => ({ file: path.resolve(repoRoot, f.file), line: f.line, endLine: f.endLine, used: false }));
  const wanted = theirs.filter((f) => DESTRUCTIVE_SQUAWK.has(f.rule_name)).map((f) => ({ file: path.resolve(f.file), line: f.line + 1 })).sort((a, b) => a.line - b.line);
  const missed = wanted.filter((w) => {
    const candidates = mine.filter((m) => !m.used && m.file === w.file && m.line <= w.line && w.line <= m.endLine).sort((a, b) => b.line - a.line);
    if (candidates[0]) candidates[0].used = true;
    return !candidates[0];
  }).map((w) => `${w.file}:${w.line}`);
  return { ours: ours.result.findings, theirs, wanted, missed };
}

describe("lint vs squawk on the corpus", () => {
  test("trigger.dev: 100% recall on the destructive class, at most 10% of squawk's finding count", async () => {
    const { ours, theirs, wanted, missed } = await compare("trigger.dev");
    expect(theirs.length).toBe(6050);
    expect(wanted.length).toBe(291);
    expect(missed).toEqual([]);
    expect(ours.length).toBeLessThanOrEqual(theirs.length * 0.1);
    expect(ours.filter((f) => f.rule === "parse-error")).toEqual([]);
  });

  test.each(["umami", "hoppscotch"])("%s: every destructive change squawk reports is reported", async (name) => {
    const { ours, missed } = await compare(name);
    expect(missed).toEqual([]);
    expect(ours.filter((f) => f.rule === "parse-error")).toEqual([]);
  });
});
