// (f) `migrate-guard lint` against squawk 2.66 on the same files in the same run: wall times and
// their ratio, finding counts per class, recall on the destructive class, and the incremental case (a
// pull request with one new migration on top of the whole history: the CLI's wall time with a cold
// and a warm base-state cache, next to `node -e 0`).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, run } from "./proc.js";
import { migrationFiles } from "./steps.js";

const SQUAWK_CLASS: Record<string, string> = {
  "ban-drop-column": "destructive",
  "ban-drop-table": "destructive",
  "ban-drop-database": "destructive",
  "ban-truncate-cascade": "destructive",
  "renaming-column": "breaking",
  "renaming-table": "breaking",
  "changing-column-type": "breaking",
  "ban-drop-not-null": "breaking",
  "adding-required-field": "data",
  "adding-not-nullable-field": "data",
  "disallowed-unique-constraint": "data",
  "require-concurrent-index-creation": "locking",
  "require-concurrent-index-deletion": "locking",
  "constraint-missing-not-valid": "locking",
  "adding-foreign-key-constraint": "locking",
  "require-lock-timeout": "locking",
  "require-statement-timeout": "locking",
  "adding-field-with-default": "locking",
  "ban-concurrent-index-creation-in-transaction": "locking",
  "adding-serial-primary-key-field": "locking",
  "prefer-timestamp-tz": "hygiene",
  "prefer-bigint-over-int": "hygiene",
  "prefer-bigint-over-smallint": "hygiene",
  "prefer-identity": "hygiene",
  "identifier-too-long": "hygiene",
  "require-enum-value-ordering": "hygiene",
  "prefer-text-field": "hygiene",
  "ban-char-field": "hygiene",
  "prefer-robust-stmts": "robustness",
};
const DESTRUCTIVE_SQUAWK = new Set(["ban-drop-column", "ban-drop-table", "renaming-column", "renaming-table", "changing-column-type"]);
const DESTRUCTIVE_OURS = new Set(["drop-column", "drop-table", "rename-column", "rename-table", "change-column-type"]);

interface OurFinding {
  rule: string;
  class: string;
  file: string;
  line: number;
  severity: string;
}
interface LintDoc {
  findings: OurFinding[];
  durationMs: number;
  linted: string[];
}

export interface LintBench {
  files: number;
  oursMs: number;
  oursInProcessMs: number;
  /** Undefined when squawk-cli is not installed (then its findings are the recorded ones). */
  squawkMs?: number;
  ratio?: number;
  ours: { total: number; byClass: Record<string, number>; bySeverity: Record<string, number> };
  squawk: { total: number; byClass: Record<string, number> };
  /** Findings of ours / squawk's. */
  share: number;
  /** Squawk's destructive findings (drop table/column, rename, type change) matched by ours. */
  recall: { matched: number; of: number };
  /**
   * `--each-migration` (each migration judged against the ones before it) against squawk on the same
   * files, best of 3 each, alternated; `baselineTotal` is the finding count measured before issue 14
   * (the done-when bound is ± 5 % of it) and recall is against squawk's destructive findings.
   */
  eachMigration: {
    total: number;
    share: number;
    ms: number;
    squawkMs?: number;
    ratio?: number;
    baselineTotal: number;
    recall: { matched: number; of: number };
    /**
     * The floor of any Node + libpg-query linter on the same files (bench/parse-floor.mjs: start node,
     * load the WASM parser, read and parse every migration, nothing else), best of 3 in the same
     * alternation, and its ratio to squawk: what no per-migration work of ours can go below.
     */
    parseFloorMs: number;
    floorRatio?: number;
  };
  /**
   * `migrate-guard lint FILE` of one migration next to `node -e 0` and to the parse floor of that one
   * file (bench/parse-floor.mjs FILE: node + libpg-query + parsing it, nothing else): medians of 7,
   * the three alternated. Target ≤ 2 × node; proposed instead: ≤ 1.25 × the floor.
   */
  oneFile: {
    ms: number;
    nodeBaselineMs: number;
    ratio: number;
    parseFloorMs: number;
    /** The floor over node -e 0: what loading and first use of the WASM parser alone costs. */
    floorNodeRatio: number;
    /** lint FILE over its floor: our own work on top of any Node + libpg-query linter. */
    floorRatio: number;
    runs: number[];
    nodeRuns: number[];
    floorRuns: number[];
  };
  incremental: { coldMs: number; warmMs: number[]; warmMedianMs: number; nodeBaselineMs: number; findings: number };
}

/** squawk's findings as recorded for the tests (test/lint/squawk/<corpus>.json): totals by rule, destructive ones located. */
function recordedSquawk(repoRoot: string, fixtureRel: string): { file: string; line: number; rule_name: string }[] {
  const rec = JSON.parse(readFileSync(path.join(repoRoot, "test/lint/squawk", `${path.basename(fixtureRel)}.json`), "utf8")) as {
    byRule: Record<string, number>;
    destructive: { file: string; line: number; rule: string }[];
  };
  const located = rec.destructive.map((d) => ({ file: path.join(fixtureRel, d.file), line: d.line - 1, rule_name: d.rule }));
  const rest = Object.entries(rec.byRule).flatMap(([rule, n]) =>
    Array.from({ length: DESTRUCTIVE_SQUAWK.has(rule) ? 0 : n }, () => ({ file: "", line: -1, rule_name: rule })),
  );
  return [...located, ...rest];
}

const count = (values: string[]) => {
  const acc: Record<string, number> = {};
  for (const v of values) acc[v] = (acc[v] ?? 0) + 1;
  return acc;
};

export async function lintBench(repoRoot: string, fixtureRel: string): Promise<LintBench> {
  const cli = path.join(repoRoot, "bin/migrate-guard.js");
  const files = await migrationFiles(path.join(repoRoot, fixtureRel, "prisma/migrations"));
  const rel = files.map((f) => path.relative(repoRoot, f));

  // squawk-cli is not a dependency (its lock entries cannot be complete); without it installed
  // (`npm install --no-save squawk-cli@2.66`, or MIGRATE_GUARD_SQUAWK=path/to/squawk) its findings
  // come from the recording the tests use.
  const squawkBin = process.env.MIGRATE_GUARD_SQUAWK || path.join(repoRoot, "node_modules/.bin/squawk");
  const live = existsSync(squawkBin);
  // Alternated, best of three each: the machine's other load hits both alike.
  const oursRuns: { ms: number; stdout: string }[] = [];
  const squawkRuns: { ms: number; stdout: string }[] = [];
  for (let i = 0; i < 3; i++) {
    oursRuns.push(
      await run(process.execPath, [cli, "lint", "--working-directory", fixtureRel, "--all", "--format", "json", "--fail-on", "never"], {
        cwd: repoRoot,
      }),
    );
    if (live) squawkRuns.push(await run(squawkBin, ["--reporter", "json", ...rel], { cwd: repoRoot }));
  }
  const best = (runs: { ms: number }[]) => Math.min(...runs.map((r) => r.ms));
  const doc = JSON.parse(oursRuns[0]!.stdout) as LintDoc;
  const theirs = live
    ? (JSON.parse(squawkRuns[0]!.stdout) as { file: string; line: number; rule_name: string }[])
    : recordedSquawk(repoRoot, fixtureRel);

  // One to one: a squawk finding (0-based line, on the command) matches a finding of ours in the
  // same file whose statement starts at or above it, the nearest first.
  const wanted = theirs.filter((f) => DESTRUCTIVE_SQUAWK.has(f.rule_name)).sort((a, b) => a.line - b.line);
  const { matched } = recallOf(doc.findings, wanted, repoRoot);

  // --each-migration against squawk on the same files, alternated, best of 3 each.
  const eachRuns: { ms: number; stdout: string }[] = [];
  const squawkEachRuns: { ms: number }[] = [];
  const floorRuns: { ms: number }[] = [];
  const floor = path.join(repoRoot, "bench/parse-floor.mjs");
  for (let i = 0; i < 3; i++) {
    eachRuns.push(
      await run(
        process.execPath,
        [cli, "lint", "--working-directory", fixtureRel, "--each-migration", "--format", "json", "--fail-on", "never"],
        { cwd: repoRoot },
      ),
    );
    if (live) squawkEachRuns.push(await run(squawkBin, ["--reporter", "json", ...rel], { cwd: repoRoot }));
    floorRuns.push(await run(process.execPath, [floor, path.join(fixtureRel, "prisma/migrations")], { cwd: repoRoot }));
  }
  const eachDoc = JSON.parse(eachRuns[0]!.stdout) as LintDoc;
  const eachTotal = eachDoc.findings.length;
  const eachMs = best(eachRuns);
  const squawkEachMs = live ? best(squawkEachRuns) : undefined;
  const eachRecall = recallOf(eachDoc.findings, wanted, repoRoot);
  const parseFloorMs = best(floorRuns);

  const oursMs = best(oursRuns);
  const squawkMs = live ? best(squawkRuns) : undefined;
  return {
    files: files.length,
    oursMs,
    oursInProcessMs: doc.durationMs,
    ...(squawkMs !== undefined ? { squawkMs, ratio: oursMs / squawkMs } : {}),
    ours: {
      total: doc.findings.length,
      byClass: count(doc.findings.map((f) => f.class)),
      bySeverity: count(doc.findings.map((f) => f.severity)),
    },
    squawk: { total: theirs.length, byClass: count(theirs.map((f) => SQUAWK_CLASS[f.rule_name] ?? "other")) },
    share: doc.findings.length / theirs.length,
    recall: { matched, of: wanted.length },
    eachMigration: {
      total: eachTotal,
      share: eachTotal / theirs.length,
      ms: eachMs,
      ...(squawkEachMs !== undefined ? { squawkMs: squawkEachMs, ratio: eachMs / squawkEachMs } : {}),
      baselineTotal: EACH_MIGRATION_BASELINE,
      recall: eachRecall,
      parseFloorMs,
      ...(squawkEachMs !== undefined ? { floorRatio: parseFloorMs / squawkEachMs } : {}),
    },
    oneFile: await oneFile(cli, floor, files[files.length - 1]!, repoRoot),
    incremental: await incremental(cli, path.join(repoRoot, fixtureRel)),
  };
}

/** `--each-migration` findings on trigger.dev at commit 4d173fe, before issue 14's changes. */
const EACH_MIGRATION_BASELINE = 1656;

/** One to one: a squawk finding (0-based line, on the command) matches a finding of ours in the same file whose statement starts at or above it, the nearest first. */
function recallOf(findings: OurFinding[], wanted: { file: string; line: number }[], repoRoot: string): { matched: number; of: number } {
  const mine = findings.filter((f) => DESTRUCTIVE_OURS.has(f.rule)).map((f) => ({ ...f, used: false }));
  let matched = 0;
  for (const w of wanted) {
    const c = mine
      .filter((m) => !m.used && path.resolve(repoRoot, m.file) === path.resolve(repoRoot, w.file) && m.line <= w.line + 1)
      .sort((a, b) => b.line - a.line)[0];
    if (c) {
      c.used = true;
      matched++;
    }
  }
  return { matched, of: wanted.length };
}

/** Linting one migration file (the CLI's fixed cost) next to node's own start-up and to that file's parse floor, alternated. */
async function oneFile(cli: string, floor: string, file: string, repoRoot: string): Promise<LintBench["oneFile"]> {
  const rel = path.relative(repoRoot, file);
  const runs: number[] = [];
  const nodeRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    runs.push((await run(process.execPath, [cli, "lint", rel, "--fail-on", "never"], { cwd: repoRoot })).ms);
    nodeRuns.push((await run(process.execPath, ["-e", "0"], { cwd: repoRoot })).ms);
    floorRuns.push((await run(process.execPath, [floor, rel], { cwd: repoRoot })).ms);
  }
  const ms = median(runs);
  const nodeBaselineMs = median(nodeRuns);
  const parseFloorMs = median(floorRuns);
  return {
    ms,
    nodeBaselineMs,
    ratio: ms / nodeBaselineMs,
    parseFloorMs,
    floorNodeRatio: parseFloorMs / nodeBaselineMs,
    floorRatio: ms / parseFloorMs,
    runs,
    nodeRuns,
    floorRuns,
  };
}

/** The issue's targets, and the ones proposed against the parse floor (what any Node + libpg-query linter pays). */
export const LINT_SPEED_TARGETS = {
  oneFileVsNode: 2,
  eachVsSquawk: 1.5,
  proposedOneFileVsFloor: 1.25,
  proposedEachVsFloor: 3,
} as const;

/** The fixture as a git repository (packed, as a clone is) whose pull request adds one migration. */
async function incremental(cli: string, fixtureDir: string): Promise<LintBench["incremental"]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-bench-lint-"));
  try {
    const project = path.join(dir, "app");
    cpSync(fixtureDir, project, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: project,
        stdio: "ignore",
      });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("gc", "-q");
    mkdirSync(path.join(project, "prisma/migrations/29990101000000_add_user_flag"));
    writeFileSync(
      path.join(project, "prisma/migrations/29990101000000_add_user_flag/migration.sql"),
      `-- AlterTable\nALTER TABLE "User" ADD COLUMN "flag" BOOLEAN NOT NULL DEFAULT false;\n`,
    );
    const env = { ...process.env, MIGRATE_GUARD_CACHE_DIR: path.join(dir, "cache") };
    const lint = () => run(process.execPath, [cli, "lint", "--base-ref", "main", "--format", "json"], { cwd: project, env });
    const cold = await lint();
    const findings = (JSON.parse(cold.stdout) as LintDoc).findings.length;
    const warmMs: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      warmMs.push((await lint()).ms);
      baseline.push((await run(process.execPath, ["-e", "0"], { cwd: project })).ms);
    }
    return { coldMs: cold.ms, warmMs, warmMedianMs: median(warmMs), nodeBaselineMs: median(baseline), findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderLintBench(b: LintBench): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const classes = [...new Set([...Object.keys(b.ours.byClass), ...Object.keys(b.squawk.byClass)])].sort();
  const ms = (x: number) => `${Math.round(x)} ms`;
  const T = LINT_SPEED_TARGETS;
  const passFail = (ratio: number, target: number) => (ratio <= target ? "PASS" : "FAIL");
  const eachVsFloor = b.eachMigration.ms / b.eachMigration.parseFloorMs;
  return [
    `(f) lint: ${b.files} migrations, --all, vs squawk 2.66 on the same files (best of 3 each)`,
    b.squawkMs !== undefined && b.ratio !== undefined
      ? `  wall time      migrate-guard lint ${ms(b.oursMs)} (in-process ${ms(b.oursInProcessMs)}), squawk ${ms(b.squawkMs)}, ratio ${b.ratio.toFixed(2)} (target ≤ 1.50: ${b.ratio <= 1.5 ? "PASS" : "FAIL"})`
      : `  wall time      migrate-guard lint ${ms(b.oursMs)} (in-process ${ms(b.oursInProcessMs)}); squawk not installed (npm install --no-save squawk-cli@2.66): ratio not measured, findings from test/lint/squawk/`,
    `  findings       migrate-guard ${b.ours.total} (${Object.entries(b.ours.bySeverity)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}), squawk ${b.squawk.total}: ${pct(b.share)} (target ≤ 10%: ${b.share <= 0.1 ? "PASS" : "FAIL"})`,
    `  per class      ${classes.map((c) => `${c} ${b.ours.byClass[c] ?? 0}/${b.squawk.byClass[c] ?? 0}`).join(", ")}   (ours/squawk)`,
    `  recall         ${b.recall.matched}/${b.recall.of} of squawk's DROP TABLE/DROP COLUMN/rename/type-change findings (target 100%: ${b.recall.matched === b.recall.of ? "PASS" : "FAIL"})`,
    `  --each-migration (each judged against the ones before it): ${b.eachMigration.total} findings, ${pct(b.eachMigration.share)} of squawk's; ` +
      `${((b.eachMigration.total / b.eachMigration.baselineTotal - 1) * 100).toFixed(1)}% vs ${b.eachMigration.baselineTotal} before issue 14 (target ±5%: ${Math.abs(b.eachMigration.total / b.eachMigration.baselineTotal - 1) <= 0.05 ? "PASS" : "FAIL"}); ` +
      `recall ${b.eachMigration.recall.matched}/${b.eachMigration.recall.of} (target 100%: ${b.eachMigration.recall.matched === b.eachMigration.recall.of ? "PASS" : "FAIL"})`,
    b.eachMigration.ratio !== undefined
      ? `  --each-migration wall time ${ms(b.eachMigration.ms)}, squawk ${ms(b.eachMigration.squawkMs!)} on the same ${b.files} files: ratio ${b.eachMigration.ratio.toFixed(2)} (target ≤ ${T.eachVsSquawk.toFixed(2)}: ${passFail(b.eachMigration.ratio, T.eachVsSquawk)})`
      : `  --each-migration wall time ${ms(b.eachMigration.ms)}; squawk not installed: ratio not measured`,
    `  parse floor    node + libpg-query reading and parsing the same ${b.files} files, nothing else (bench/parse-floor.mjs): ${ms(b.eachMigration.parseFloorMs)}` +
      (b.eachMigration.floorRatio !== undefined ? `, ${b.eachMigration.floorRatio.toFixed(2)} × squawk` : "") +
      `; --each-migration is ${eachVsFloor.toFixed(2)} × the floor (proposed target ≤ ${T.proposedEachVsFloor.toFixed(2)}: ${passFail(eachVsFloor, T.proposedEachVsFloor)})`,
    `  one file       migrate-guard lint FILE ${ms(b.oneFile.ms)} (runs ${b.oneFile.runs.map(Math.round).join("/")}), node -e 0 ${ms(b.oneFile.nodeBaselineMs)}: ratio ${b.oneFile.ratio.toFixed(2)} (target ≤ ${T.oneFileVsNode.toFixed(2)}: ${passFail(b.oneFile.ratio, T.oneFileVsNode)})`,
    `  one-file floor node + libpg-query parsing that file, nothing else: ${ms(b.oneFile.parseFloorMs)} (runs ${b.oneFile.floorRuns.map(Math.round).join("/")}), ${b.oneFile.floorNodeRatio.toFixed(2)} × node -e 0; ` +
      `lint FILE is ${b.oneFile.floorRatio.toFixed(2)} × the floor (proposed target ≤ ${T.proposedOneFileVsFloor.toFixed(2)}: ${passFail(b.oneFile.floorRatio, T.proposedOneFileVsFloor)})`,
    `  incremental    one new migration on ${b.files}: cold cache ${ms(b.incremental.coldMs)}, warm median ${ms(b.incremental.warmMedianMs)} (runs ${b.incremental.warmMs.map(Math.round).join("/")}), node -e 0 ${ms(b.incremental.nodeBaselineMs)}; target ≤ 150 ms: ${b.incremental.warmMedianMs <= 150 ? "PASS" : "FAIL"}`,
  ].join("\n");
}
