// `migrate-guard lint` as a user runs it (the built bin): files and projects, the three formats,
// exit codes and usage errors.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createProjectRepo, exampleApp, repoRoot, type ProjectRepo } from "../support/project-repo.js";

let dir: string;
let repo: ProjectRepo;
let base: string;

function cli(args: string[], cwd = dir) {
  const env = { ...process.env, MIGRATE_GUARD_CACHE_DIR: path.join(dir, "cache") };
  const r = spawnSync(process.execPath, [path.join(repoRoot, "bin/migrate-guard.js"), "lint", ...args], { cwd, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-lint-cli-"));
  writeFileSync(path.join(dir, "add_plan.sql"), `-- AddColumn\nALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL;\n`);
  writeFileSync(path.join(dir, "safe.sql"), `SET lock_timeout = '5s';\nALTER TABLE "User" ADD COLUMN "plan" TEXT;\n`);
  writeFileSync(path.join(dir, "index.sql"), `CREATE INDEX "User_plan_idx" ON "User"("plan");\n`);
  writeFileSync(path.join(dir, "broken.sql"), `ALTER TABLE "User"\n  ADDD COLUMN "x" TEXT;\n`);
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
  repo.write(
    "prisma/migrations/20250103000000_drop_user_name/migration.sql",
    `SET lock_timeout = '5s';\nALTER TABLE "User" DROP COLUMN "name";\n`,
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  repo?.remove();
});

describe("migrate-guard lint FILE…", () => {
  test("an error-level finding: exit 1, text with file:line:col, rule and a summary table", () => {
    const r = cli(["add_plan.sql"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`add_plan.sql:2:1 error [add-required-column] Adding NOT NULL column "User"."plan"`);
    expect(r.stdout).toMatch(/add-required-column\s+1\s+0\s+0/);
    expect(r.stdout).toMatch(/1 file\(s\) linted — 1 error\(s\)/);
  });

  test("clean files exit 0; warnings exit 0 unless --fail-on warning; --fail-on never always 0", () => {
    expect(cli(["safe.sql"]).code).toBe(0);
    expect(cli(["index.sql"]).code).toBe(0);
    expect(cli(["index.sql", "--fail-on", "warning"]).code).toBe(1);
    expect(cli(["add_plan.sql", "--fail-on", "never"]).code).toBe(0);
  });

  test("a file that does not parse is a finding at the parser's position, not a crash", () => {
    const r = cli(["broken.sql", "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: { rule: string; line: number; column: number; file: string }[] };
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse-error", file: "broken.sql", line: 2, column: 3 })]);
  });

  test("--format sarif: one run, ruleId, level, the path as given, 1-based region, rule help", () => {
    const r = cli(["add_plan.sql", "index.sql", "--format", "sarif"]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
    expect(
      results.map((x) => [
        x.ruleId,
        x.level,
        x.locations[0]!.physicalLocation.artifactLocation.uri,
        x.locations[0]!.physicalLocation.region,
      ]),
    ).toEqual([
      ["add-required-column", "error", "add_plan.sql", { startLine: 2, startColumn: 1 }],
      ["missing-lock-timeout", "warning", "add_plan.sql", { startLine: 2, startColumn: 1 }],
      ["create-index-non-concurrently", "warning", "index.sql", { startLine: 1, startColumn: 1 }],
    ]);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === "add-required-column");
    expect(rule.help.text).toMatch(/Safe recipe: Add the column nullable/);
    expect(rule.helpUri).toMatch(/docs\/rules\/add-required-column\.md$/);
  });

  test.each([
    [["--format", "xml", "a.sql"], /Invalid --format "xml"/],
    [["--fail-on", "sometimes", "a.sql"], /Invalid --fail-on "sometimes"/],
    [["does-not-exist.sql"], /Cannot read "does-not-exist.sql" \(ENOENT\)/],
    [["add_plan.sql", "--base-ref", "main"], /FILE arguments .* are linted on their own/],
    [["--nope"], /Unknown option '--nope'/],
  ])("usage and configuration errors exit 2: %j", (args, message) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("migrate-guard lint on a Prisma project", () => {
  test("--base-ref: only the new migration is linted against the base state, with the 3-phase verdict", () => {
    const r = cli(["--working-directory", repo.dir, "--base-ref", base, "--format", "json"], repo.dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      linted: string[];
      findings: { rule: string; severity: string; file: string; line: number; message: string }[];
    };
    expect(doc.linted).toEqual(["20250103000000_drop_user_name"]);
    expect(doc.findings).toEqual([
      expect.objectContaining({
        rule: "drop-column",
        severity: "error",
        file: "prisma/migrations/20250103000000_drop_user_name/migration.sql",
        line: 2,
      }),
    ]);
    expect(doc.findings[0]!.message).toMatch(/Phase 2 missing: schema.prisma on the base branch still has the field/);
  });

  test("a second run reads the base state from the cache and says the same", () => {
    const first = cli(["--working-directory", repo.dir, "--base-ref", base, "--format", "json"], repo.dir);
    const second = cli(["--working-directory", repo.dir, "--base-ref", base, "--format", "json"], repo.dir);
    const strip = (s: string) => ({ ...JSON.parse(s), durationMs: 0 });
    expect(strip(second.stdout)).toEqual(strip(first.stdout));
  });

  test("without a base ref nothing is new; --all lints the history as one change set", () => {
    const none = cli(["--working-directory", repo.dir], repo.dir);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/no base ref: every migration is existing history, none linted/);
    const all = cli(["--working-directory", repo.dir, "--all", "--format", "json"], repo.dir);
    const doc = JSON.parse(all.stdout) as { linted: string[]; findings: { rule: string; severity: string }[] };
    expect(doc.linted).toHaveLength(3);
    expect(doc.findings.map((f) => [f.rule, f.severity])).toEqual([["drop-column", "notice"]]);
  });
});
