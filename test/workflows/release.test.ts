// The release workflow (.github/workflows/release.yml): GitHub's schema (@actions/workflow-parser), the
// order of its steps (tag = version, full CI with the dist check, publish with provenance, then the major
// tag), and its shell run for real: the version check against package.json and CHANGELOG.md, and the
// major tag moved in a scratch repository pushed to a bare "origin".
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";
import YAML from "yaml";
import { repoRoot } from "../support/project-repo.js";

const FILE = ".github/workflows/release.yml";
const content = readFileSync(path.join(repoRoot, FILE), "utf8");

type Step = { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
const workflow = YAML.parse(content) as {
  on: { push: { tags: string[]; branches?: unknown } };
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
};
const job = Object.values(workflow.jobs)[0]!;
const stepIndex = (predicate: (s: Step) => boolean) => job.steps.findIndex(predicate);
const stepNamed = (name: string) => job.steps.find((s) => s.name === name)!;

const scratch = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-release-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bash(script: string, cwd: string, env: Record<string, string>) {
  const r = spawnSync("bash", ["-eo", "pipefail", "-c", script], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

describe("release workflow", () => {
  test("is a valid workflow by GitHub's schema", async () => {
    const parsed = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, undefined, {});
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });

  test("runs on version tags only, may write tags and mint the provenance token", () => {
    expect(Object.keys(workflow.on)).toEqual(["push"]);
    expect(workflow.on.push.branches).toBeUndefined();
    expect(workflow.on.push.tags.every((t) => t.startsWith("v[0-9]+."))).toBe(true);
    expect(job.permissions).toEqual({ contents: "write", "id-token": "write" });
  });

  test("checks the tag, runs CI (with the dist check) before publishing with provenance, then moves the major tag", () => {
    const check = stepIndex((s) => s.name === "The tag is package.json's version");
    const ci = stepIndex((s) => /\bbash \.ci\/run\b/.test(s.run ?? ""));
    const publish = stepIndex((s) => /\bnpm publish\b/.test(s.run ?? ""));
    const move = stepIndex((s) => s.name === "Move the major tag");
    expect([check, ci, publish, move].every((i) => i >= 0)).toBe(true);
    expect(check).toBeLessThan(ci);
    expect(ci).toBeLessThan(publish);
    expect(publish).toBeLessThan(move);
    expect(job.steps[publish]!.run).toMatch(/npm publish --provenance/);
    expect(job.steps[publish]!.env?.NODE_AUTH_TOKEN).toBe("${{ secrets.NPM_TOKEN }}");
    // .ci/run is what fails on a stale dist/.
    expect(readFileSync(path.join(repoRoot, ".ci/run"), "utf8")).toMatch(/git status --porcelain -- dist/);
    const setup = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["registry-url"]).toBe("https://registry.npmjs.org");
  });

  test("the version check passes for package.json's version with a CHANGELOG entry, and fails otherwise", () => {
    const dir = path.join(scratch, "version");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.4.0" }));
    writeFileSync(path.join(dir, "CHANGELOG.md"), "# Changelog\n\n## [1.4.0]\n- things\n");
    const script = stepNamed("The tag is package.json's version").run!;
    expect(bash(script, dir, { TAG: "v1.4.0" }).code).toBe(0);
    const wrong = bash(script, dir, { TAG: "v1.4.1" });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("tag v1.4.1 is not package.json's version v1.4.0");
    writeFileSync(path.join(dir, "CHANGELOG.md"), "# Changelog\n\n## [1.3.0]\n");
    expect(bash(script, dir, { TAG: "v1.4.0" })).toEqual({
      code: 1,
      out: expect.stringContaining("CHANGELOG.md has no '## [1.4.0]' section"),
    });
  });

  test("the major tag follows each release to its commit; a prerelease leaves it alone", () => {
    const origin = path.join(scratch, "origin.git");
    const work = path.join(scratch, "work");
    git(scratch, "init", "-q", "--bare", origin);
    git(scratch, "init", "-q", work);
    git(work, "remote", "add", "origin", origin);
    const commit = (message: string) => {
      git(work, "commit", "-q", "--allow-empty", "-m", message);
      git(work, "push", "-q", "origin", "HEAD:refs/heads/main");
      return git(work, "rev-parse", "HEAD");
    };
    const script = stepNamed("Move the major tag").run!;
    const v1At = () => git(origin, "rev-parse", "refs/tags/v1^{commit}");

    const first = commit("1.0.0");
    expect(bash(script, work, { TAG: "v1.0.0", GITHUB_SHA: first }).code).toBe(0);
    expect(v1At()).toBe(first);

    const second = commit("1.1.0");
    expect(bash(script, work, { TAG: "v1.1.0", GITHUB_SHA: second }).code).toBe(0);
    expect(v1At()).toBe(second);

    const rc = commit("2.0.0-rc.1");
    const r = bash(script, work, { TAG: "v2.0.0-rc.1", GITHUB_SHA: rc });
    expect(r.code).toBe(0);
    expect(r.out).toContain("the major tag stays where it is");
    expect(spawnSync("git", ["rev-parse", "--verify", "-q", "refs/tags/v2"], { cwd: origin }).status).not.toBe(0);
    expect(v1At()).toBe(second);
  });
});
