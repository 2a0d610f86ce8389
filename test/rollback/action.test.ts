// The built rollback action (dist/rollback) as the runner runs it, against real PostgreSQL, the real
// Prisma CLI, a local bare git repository as `origin` and the GitHub API double: a revert pushed to a new
// branch and opened as a pull request (request and response held to GitHub's OpenAPI description), a
// data-loss refusal that pushes and opens nothing, and a failed migration marked rolled back with its
// deployment record and the failed deploy marked inactive with the reason. No output holds a secret.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { getOctokit } from "@actions/github";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import { GitHubDeployments } from "../../src/github/deployments.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest } from "../../src/migrate/settings.js";
import { deploymentsOf, pullsOf, startGitHubApiDouble, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { runDistAction, type DistRun } from "../support/run-dist.js";
import {
  appRepo,
  expectNoPassword,
  snapshot,
  startEnvironmentCluster,
  withoutMaskCommands,
  type EnvironmentCluster,
} from "../migrate/support.js";
import { operationSchema, shapeProblems } from "../migrate/openapi-shape.js";
import { C_NAME, C_SQL, deploy, repoWithSchemaHistory, SCHEMA_FILE } from "./support.js";

const SHA = "fedcba9876543210fedcba9876543210fedcba98";
const TOKEN = "ghs_rollback_token_0123456789";
let env: EnvironmentCluster;
let github: GitHubApiDouble;
let repo: ProjectRepo;
let origin: string;
let staging: string;

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

beforeAll(async () => {
  [env, github] = await Promise.all([startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
  // C was added in its own commit with its schema change, as `prisma migrate dev` leaves it.
  repo = repoWithSchemaHistory().repo;
  origin = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-origin-"));
  git(origin, "clone", "--quiet", "--bare", repo.dir, ".");
  git(origin, "branch", "staging", "main");
  repo.git("remote", "add", "origin", origin);
  pullsOf(github.state).gitDirs.set("acme/shop", origin);
  staging = await env.createDatabase("staging");
  await deploy(repo.dir, staging);
});
afterAll(async () => {
  await Promise.all([env?.stop(), github?.close()]);
  repo?.remove();
  if (origin) rmSync(origin, { recursive: true, force: true });
});

async function action(inputs: Record<string, string>, workspace = repo.dir): Promise<DistRun> {
  const run = await runDistAction("dist/rollback/index.js", {
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_SHA: SHA,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "77",
      GITHUB_ACTOR: "octocat",
    },
    inputs: { "working-directory": ".", "github-token": TOKEN, environment: "staging", ...inputs },
  });
  expectNoPassword(withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs));
  expect(withoutMaskCommands(run.stdout) + run.stderr + run.summary + JSON.stringify(run.outputs)).not.toContain(TOKEN);
  return run;
}

describe("dist/rollback revert", () => {
  test("refuses a reversal that drops data without allow-data-loss: nothing written, pushed or opened", async () => {
    const head = repo.git("rev-parse", "HEAD");
    const run = await action({ revert: C_NAME, confirm: C_NAME, "database-url": staging, "base-branch": "staging" });
    expect(run.code).toBe(1);
    expect(run.outputs.ok).toBe("false");
    expect(run.outputs.refused).toContain('table "Comment" is dropped (0 rows in "staging" now)');
    expect(run.outputs["pull-request-number"]).toBe("");
    expect(pullsOf(github.state).pulls).toHaveLength(0);
    expect(git(origin, "branch", "--list", "migrate-guard/*")).toBe("");
    expect(repo.git("status", "--porcelain")).toBe("");
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
  });

  test("writes the revert, pushes it to a new branch and opens a pull request against base-branch", async () => {
    const head = repo.git("rev-parse", "HEAD");
    const before = await snapshot(env, "staging");
    const run = await action({
      revert: C_NAME,
      confirm: C_NAME,
      "database-url": staging,
      "allow-data-loss": "true",
      "base-branch": "staging",
      reason: "comments leak drafts",
    });
    expect(run.code).toBe(0);
    const name = run.outputs.migration!;
    expect(name).toMatch(new RegExp(`^\\d{14}_revert_${C_NAME}$`));
    expect(run.outputs).toMatchObject({
      ok: "true",
      refused: "",
      branch: `migrate-guard/revert-${C_NAME}`,
      file: `prisma/migrations/${name}/migration.sql`,
      "pull-request-number": "1",
    });

    // The branch on origin: one commit on top of the checked-out one, adding the new folder and taking
    // C's change out of schema.prisma (back to the parent of C's commit).
    const branchHead = git(origin, "rev-parse", `refs/heads/migrate-guard/revert-${C_NAME}`);
    expect(git(origin, "rev-parse", `${branchHead}^`)).toBe(head);
    expect(git(origin, "diff", "--name-status", head, branchHead)).toBe(`A\tprisma/migrations/${name}/migration.sql\nM\t${SCHEMA_FILE}`);
    expect(git(origin, "show", `${branchHead}:prisma/migrations/${name}/migration.sql`)).toContain('DROP TABLE "Comment";');
    expect(git(origin, "diff", `${head}^`, branchHead, "--", SCHEMA_FILE)).toBe("");
    expect(JSON.parse(run.outputs.report!)).toMatchObject({ schema: { status: "reverted", files: [SCHEMA_FILE] } });
    // The checkout itself: HEAD and index untouched; the new folder and the schema edit are in the working tree.
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(repo.git("diff", "--cached", "--name-only")).toBe("");
    expect(
      repo
        .git("status", "--porcelain")
        .split("\n")
        .map((l) => l.trim()),
    ).toEqual([`M ${SCHEMA_FILE}`, `?? prisma/migrations/${name}/`]);
    expect(await snapshot(env, "staging")).toBe(before);

    const [pull] = pullsOf(github.state).pulls;
    expect(pull).toMatchObject({
      head: `migrate-guard/revert-${C_NAME}`,
      base: "staging",
      title: `Revert migration ${C_NAME}`,
      headSha: branchHead,
    });
    expect(pull!.body).toContain("Reason: comments leak drafts");
    expect(pull!.body).toContain(`\`${SCHEMA_FILE}\` reverted with it (checked against the migrations)`);
    expect(pull!.body).toContain("**Schema:** reverted");
    expect(run.outputs["pull-request-url"]).toBe("https://github.com/acme/shop/pull/1");
    const request = github.requests.find((r) => r.method === "POST" && r.path === "/repos/acme/shop/pulls")!;
    expect(shapeProblems(request.body, operationSchema("/repos/{owner}/{repo}/pulls", "post", "request"), "$", true)).toEqual([]);
    expect(run.summary).toContain("[#1](https://github.com/acme/shop/pull/1)");
  });

  test("the double answers pull request creation in GitHub's documented shape, and refuses what GitHub refuses", async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: github.url });
    git(origin, "branch", "feature", "main");
    git(origin, "update-ref", "refs/heads/feature", git(origin, "rev-parse", `refs/heads/migrate-guard/revert-${C_NAME}`));
    const { status, data } = await octokit.rest.pulls.create({
      owner: "acme",
      repo: "shop",
      head: "feature",
      base: "main",
      title: "t",
      body: "b",
    });
    expect(status).toBe(201);
    expect(shapeProblems(data, operationSchema("/repos/{owner}/{repo}/pulls", "post", "201"))).toEqual([]);
    await expect(
      octokit.rest.pulls.create({ owner: "acme", repo: "shop", head: "feature", base: "main", title: "t" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.pulls.create({ owner: "acme", repo: "shop", head: "nope", base: "main", title: "t" })).rejects.toMatchObject({
      status: 422,
    });
  });

  test("an existing branch of that name is refused before anything is written", async () => {
    const r = appRepo({ [C_NAME]: C_SQL });
    try {
      r.git("remote", "add", "origin", origin);
      const run = await action(
        { revert: C_NAME, confirm: C_NAME, "database-url": staging, "allow-data-loss": "true", "base-branch": "staging" },
        r.dir,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/Branch "migrate-guard\/revert-20250103000000_add_comments" already exists on origin/);
      expect(r.git("status", "--porcelain")).toBe("");
    } finally {
      r.remove();
    }
  });

  test("bad input fails the step before anything is read: confirmation, both modes, no base branch", async () => {
    for (const [inputs, message] of [
      [{ revert: C_NAME, confirm: "nope" }, /Reverting a migration must be confirmed/],
      [{ revert: C_NAME, "rolled-back": C_NAME, confirm: C_NAME }, /not both/],
      [{ revert: C_NAME, confirm: C_NAME }, /No base branch for the pull request: set the `base-branch` input/],
      [{ revert: C_NAME, confirm: C_NAME, "allow-data-loss": "yes" }, /Input "allow-data-loss" is "yes". Expected true or false/],
    ] as const) {
      const requests = github.requests.length;
      const run = await action({ "database-url": staging, ...inputs });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(github.requests.length).toBe(requests);
    }
  });
});

describe("dist/rollback rolled-back", () => {
  test("marks the failed migration rolled back, records it, and marks the failed deploy inactive with the reason", async () => {
    const broken = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n`;
    const r = appRepo({ "20250104000000_broken": broken });
    try {
      const db = await env.createDatabase("failed");
      const audit = new GitHubDeployments(getOctokit(TOKEN, { baseUrl: github.url }), { owner: "acme", repo: "shop", ref: SHA });
      const failed = await runMigrate(
        validateRequest({ command: "deploy", environment: "staging", databaseUrl: db, workingDirectory: r.dir }),
        { logger: new RecordingLogger(), audit },
      );
      expect(failed.ok).toBe(false);
      const failedDeploy = deploymentsOf(github.state).deployments.at(-1)!;
      expect(statusesOf(github.state, failedDeploy.id).map((s) => s.state)).toEqual(["in_progress", "failure"]);

      const run = await action(
        { "rolled-back": "20250104000000_broken", confirm: "20250104000000_broken", "database-url": db, reason: "typo in table name" },
        r.dir,
      );
      expect(run.code).toBe(0);
      expect(run.outputs.ok).toBe("true");
      const record = deploymentsOf(github.state).deployments.at(-1)!;
      expect(run.outputs["deployment-id"]).toBe(String(record.id));
      expect(record.description).toContain("typo in table name");
      expect(record.payload).toMatchObject({
        command: "resolve",
        reason: "typo in table name",
        resolve: { kind: "rolled-back", name: "20250104000000_broken" },
      });
      expect(statusesOf(github.state, record.id).map((s) => s.state)).toEqual(["in_progress", "success"]);
      expect(statusesOf(github.state, failedDeploy.id).map((s) => [s.state, s.description])).toEqual([
        ["in_progress", expect.any(String)],
        ["failure", expect.any(String)],
        ["inactive", "20250104000000_broken rolled back by octocat: typo in table name"],
      ]);
      expect(run.state.deployment).toBe("");
      // Had the step been killed mid-way, its post step would close the record as `error`.
      const post = await runDistAction("dist/rollback/post.js", {
        env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/shop", GITHUB_RUN_ID: "77" },
        inputs: { "github-token": TOKEN },
        state: { deployment: JSON.stringify({ id: record.id, owner: "acme", repo: "shop", environment: "staging" }) },
      });
      expect(post.code).toBe(0);
      expect(statusesOf(github.state, record.id).map((s) => s.state)).toEqual(["in_progress", "success", "error"]);
      const rows = await env.query<{ rolled_back: boolean }>(
        "failed",
        "SELECT rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = '20250104000000_broken'",
      );
      expect(rows).toEqual([{ rolled_back: true }]);
    } finally {
      r.remove();
    }
  });

  test("a migration that is not in the failed state: refused, nothing recorded", async () => {
    const count = deploymentsOf(github.state).deployments.length;
    const before = await snapshot(env, "staging");
    const run = await action({ "rolled-back": C_NAME, confirm: C_NAME, "database-url": staging });
    expect(run.code).toBe(1);
    expect(run.outputs.refused).toMatch(/--rolled-back is only for a migration in the failed state/);
    expect(deploymentsOf(github.state).deployments).toHaveLength(count);
    expect(await snapshot(env, "staging")).toBe(before);
  });
});
