// The built action (dist/verify/index.js) run as the Actions runner runs it, under Node 20 and — when
// CI provides it — Node 24: outputs, job summary, annotations, SARIF and the PR comment through a
// GitHub API double over real HTTP.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";
import { nodeBinaries, runDistAction } from "../support/run-dist.js";

let github: GitHubApiDouble;
let repo: ProjectRepo;
let base: string;

beforeAll(async () => {
  github = await startGitHubApiDouble();
  github.state.addPullRequest("acme", "shop", 7);
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
  // The pull request: a new migration with a generic name, and an edit to a base migration.
  repo.write("prisma/migrations/20250103000000_update/migration.sql", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`);
  repo.write(
    "prisma/schema.prisma",
    repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  bio       String?"),
  );
  const edited = "prisma/migrations/20250102000000_add_posts/migration.sql";
  repo.write(edited, repo.read(edited).replace(`"title" TEXT NOT NULL,`, `"title" VARCHAR(300) NOT NULL,`));
  repo.commitAll("pull request");
});

afterAll(async () => {
  await github.close();
  repo.remove();
});

function actionEnv() {
  return {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "42",
  };
}

const event = () => ({ pull_request: { number: 7, base: { sha: base, ref: "main" }, head: { sha: "0".repeat(40), ref: "feature" } } });

describe.each(nodeBinaries())("dist/verify/index.js under %s", ({ path: node }) => {
  test("a failing pull request: outputs, summary, annotations, SARIF, one PR comment", async () => {
    const run = await runDistAction("dist/verify/index.js", {
      node,
      event: event(),
      env: actionEnv(),
      inputs: {
        "working-directory": ".",
        comment: "true",
        "github-token": "ghs_test_token_123456",
        "sarif-file": "out/migrate-guard.sarif",
        "slow-migration-seconds": "30",
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.ok).toBe("false");
    // The edited base migration also changed a column type that schema.prisma does not have.
    expect(run.outputs.drift).toBe("true");
    expect(run.outputs["applied-count"]).toBe("3");
    const report = JSON.parse(run.outputs.report!) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(
      report.checks
        .filter((c) => c.status === "fail")
        .map((c) => c.id)
        .sort(),
    ).toEqual(["drift", "history", "naming"]);
    // Annotations on the SQL files, as workflow commands.
    expect(run.stdout).toContain("::error title=edited-migration,file=prisma/migrations/20250102000000_add_posts/migration.sql,line=5::");
    expect(run.stdout).toMatch(/::error title=generic-name,file=prisma\/migrations\/20250103000000_update\/migration.sql,line=1::/);
    expect(run.stdout).toContain("::error::Migration checks failed: naming, history, drift");
    // The job summary carries the checks and per-migration durations.
    expect(run.summary).toContain("history");
    expect(run.summary).toContain("20250101000000_create_users");
    // SARIF for code scanning.
    const sarifPath = path.join(repo.dir, "out/migrate-guard.sarif");
    expect(run.outputs["sarif-file"]).toBe(sarifPath);
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8")) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual([
      "drift-column",
      "edited-migration",
      "generic-name",
      "measured-lock",
      "missing-lock-timeout",
    ]);
    // The drift lands on the field's line in schema.prisma.
    expect(run.stdout).toMatch(
      /::error title=drift-column,file=prisma\/schema.prisma,line=\d+::Column "Post"."title" is character varying\(300\)/,
    );
    // Exactly one comment on the PR, whatever the number of runs; the token never printed.
    expect(github.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
    // The token is registered as a secret (the runner masks it) and printed nowhere else.
    expect(run.stdout).toContain("::add-mask::ghs_test_token_123456");
    expect(run.stdout.replace(/::add-mask::.*\n/g, "") + run.stderr).not.toContain("ghs_test_token_123456");
    // The throwaway cluster is gone: the state for the post step was cleared.
    expect(run.state.cluster ?? "").toBe("");
  });

  test("a second run updates the same comment in place", async () => {
    const before = github.state.commentsOn("acme", "shop", 7);
    await runDistAction("dist/verify/index.js", {
      node,
      event: event(),
      env: actionEnv(),
      inputs: { comment: "true", "github-token": "ghs_test_token_123456" },
    });
    const after = github.state.commentsOn("acme", "shop", 7);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id);
  });

  test("bad input fails the step with an actionable message and starts nothing", async () => {
    const run = await runDistAction("dist/verify/index.js", { node, env: actionEnv(), inputs: { "slow-migration-seconds": "soon" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::Input "slow-migration-seconds" is "soon". Expected a positive number of seconds`);
    expect(run.outputs).toEqual({});
  });

  test("a working directory that does not exist fails before the rest of the bundle is needed", async () => {
    const run = await runDistAction("dist/verify/index.js", { node, env: actionEnv(), inputs: { "working-directory": "no/such/app" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::Input "working-directory" is "no/such/app", which does not exist in the workspace.`);
    expect(run.outputs).toEqual({});
  });

  test("a database URL with tables is refused, and its password is never printed", async () => {
    const run = await runDistAction("dist/verify/index.js", {
      node,
      env: actionEnv(),
      inputs: { "database-url": "postgresql://app:s3cretPassw0rd@127.0.0.1:1/app" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::add-mask::postgresql://app:s3cretPassw0rd@127.0.0.1:1/app");
    expect(run.stdout.replace(/::add-mask::.*\n/, "") + run.stderr).not.toContain("s3cretPassw0rd");
    expect(run.stdout).toContain("Could not connect to PostgreSQL at 127.0.0.1:1/app");
  });
});

describe("cache-dir through the built action", () => {
  let app: ProjectRepo;
  let appBase: string;
  beforeAll(() => {
    app = createProjectRepo(exampleApp);
    appBase = app.git("rev-parse", "HEAD");
    app.write("prisma/migrations/20250103000000_add_user_bio/migration.sql", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`);
    app.write(
      "prisma/schema.prisma",
      app.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  bio       String?"),
    );
    app.commitAll("pull request");
  });
  afterAll(() => app.remove());

  test("the first run saves the base branch's snapshot (cache: miss), the next restores it (cache: hit)", async () => {
    const runOnce = () =>
      runDistAction("dist/verify/index.js", {
        event: { pull_request: { number: 8, base: { sha: appBase, ref: "main" }, head: { sha: "1".repeat(40), ref: "bio" } } },
        env: { ...actionEnv(), GITHUB_WORKSPACE: app.dir },
        inputs: { "cache-dir": ".cache/migrate-guard" },
      });
    const first = await runOnce();
    expect(first.code).toBe(0);
    expect(first.outputs.cache).toBe("miss");
    expect(first.outputs["applied-count"]).toBe("3");
    const snapshots = path.join(app.dir, ".cache/migrate-guard/snapshots");
    expect(readdirSync(snapshots).filter((n) => !n.startsWith("."))).toHaveLength(1);

    const second = await runOnce();
    expect(second.code).toBe(0);
    expect(second.outputs.cache).toBe("hit");
    expect(second.outputs["applied-count"]).toBe("3");
    expect(JSON.parse(second.outputs.report!)).toMatchObject({ ok: true, cache: { state: "hit", migrations: 2 } });
    expect(second.summary).toMatch(/cache: hit/);
  });

  test("with cache: false and no cache-dir the cache is off", async () => {
    const run = await runDistAction("dist/verify/index.js", {
      env: { ...actionEnv(), GITHUB_WORKSPACE: app.dir },
      inputs: { "base-ref": appBase, cache: "false" },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.cache).toBe("off");
  });
});

test("the built CLI verifies the example app on a throwaway Postgres (README quickstart)", async () => {
  const { spawnSync } = await import("node:child_process");
  // The CLI caches under the user's cache directory: a private one here.
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), "mg-xdg-"));
  const result = spawnSync(process.execPath, ["bin/migrate-guard.js", "verify", "--working-directory", "examples/app", "--json"], {
    cwd: path.resolve(exampleApp, "../.."),
    encoding: "utf8",
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  const saved = existsSync(path.join(cacheHome, "migrate-guard", "snapshots"))
    ? readdirSync(path.join(cacheHome, "migrate-guard", "snapshots"))
    : [];
  rmSync(cacheHome, { recursive: true, force: true });
  expect(result.status).toBe(0);
  const report = JSON.parse(result.stdout) as {
    ok: boolean;
    migrations: { name: string; durationMs: number }[];
    cache: { state: string; saved: boolean };
  };
  expect(report.ok).toBe(true);
  // No base ref: both migrations are history, and their snapshot lands in $XDG_CACHE_HOME/migrate-guard.
  expect(report.cache).toMatchObject({ state: "miss", saved: true });
  expect(saved).toHaveLength(1);
  expect(report.migrations.map((m) => m.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
  expect(existsSync(path.resolve(exampleApp, "../../dist/cli/libpg-query.wasm"))).toBe(true);
});
