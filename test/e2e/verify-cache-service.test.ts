// The verify action's built-in cache end to end: dist/verify/index.js (main step) and
// dist/verify-post/index.js (post step) run as the runner runs them, with the real @actions/cache
// talking to the cache service double over HTTP. Every job starts with an empty RUNNER_TEMP (a fresh
// runner) at the same path (as on GitHub's runners: the path is part of an entry's version).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startCacheServiceDouble, type CacheServiceDouble } from "../support/cache-service-double.js";
import { createProjectRepo, exampleApp, repoRoot, type ProjectRepo } from "../support/project-repo.js";
import { runDistAction, type DistRun } from "../support/run-dist.js";

let service: CacheServiceDouble;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  service = await startCacheServiceDouble();
});
afterAll(async () => {
  await service.close();
  for (const c of cleanups) c();
});

/** Environment of a dist entry that shortens the cache toolkit's waits between retries (see fast-cache-retries.mjs). */
const FAST_CACHE_RETRIES = { NODE_OPTIONS: `--import=${path.join(repoRoot, "test/support/fast-cache-retries-preload.mjs")}` };

const KEY = /^migrate-guard-snapshots-linux-x64-pg\d+-prisma\d+-v[\d.]+-[0-9a-f]{8}-[0-9a-f]{40}$/;

/** One repository, its runner's temp folder, and jobs run against it. */
function project() {
  const repo = createProjectRepo(exampleApp);
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), "mg-runner-temp-"));
  cleanups.push(() => {
    repo.remove();
    rmSync(runnerTemp, { recursive: true, force: true });
  });
  /** A job: main step, then post step with the state the main step saved. */
  async function job(
    kind: { push: string } | { pullRequest: number; base: string },
    options: { inputs?: Record<string, string>; env?: Record<string, string>; beforePost?: () => void } = {},
  ): Promise<{ main: DistRun; post: DistRun }> {
    rmSync(runnerTemp, { recursive: true, force: true });
    mkdirSync(runnerTemp);
    const pr = "pullRequest" in kind;
    const ref = pr ? `refs/pull/${kind.pullRequest}/merge` : "refs/heads/main";
    const env = {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_EVENT_NAME: pr ? "pull_request" : "push",
      GITHUB_REF: ref,
      GITHUB_RUN_ID: "42",
      ...service.env(service.token(ref, pr ? ["refs/heads/main"] : [])),
      ...options.env,
    };
    const event = pr
      ? { pull_request: { number: kind.pullRequest, base: { sha: kind.base, ref: "main" }, head: { sha: "1".repeat(40), ref: "feature" } } }
      : { ref, after: kind.push };
    const main = await runDistAction("dist/verify/index.js", { event, env, inputs: options.inputs ?? {}, runnerTemp });
    options.beforePost?.();
    const post = await runDistAction("dist/verify-post/index.js", {
      event,
      env,
      inputs: options.inputs ?? {},
      runnerTemp,
      state: main.state,
    });
    return { main, post };
  }
  return { repo, job };
}

/** Annotations without a file: the action's own (the checks' findings carry a file and title). */
const annotations = (run: DistRun, kind: "error" | "warning") => run.stdout.split("\n").filter((l) => l.startsWith(`::${kind}::`));

function addMigration(repo: ProjectRepo, name: string, column: string) {
  repo.write(`prisma/migrations/${name}/migration.sql`, `ALTER TABLE "User" ADD COLUMN "${column}" TEXT;\n`);
  repo.write(
    "prisma/schema.prisma",
    repo.read("prisma/schema.prisma").replace("  name      String?", `  name      String?\n  ${column} String?`),
  );
  return repo.commitAll(name);
}

describe("the built-in cache (cache: true, the default)", () => {
  test("one default-branch run saves; a pull request's first run then reports cache: hit and saves nothing", async () => {
    const { repo, job } = project();
    const main1 = repo.git("rev-parse", "HEAD");
    const before = service.entries().length;

    const push = await job({ push: main1 });
    expect(push.main.code).toBe(0);
    expect(push.main.outputs.cache).toBe("miss");
    expect(JSON.parse(push.main.state["snapshot-cache"]!)).toMatchObject({ key: expect.stringMatching(KEY) });
    expect(push.post.code).toBe(0);
    expect(push.post.stdout).toContain("Snapshot cache: saved the cache entry");
    const saved = service.entries().slice(before);
    expect(saved).toEqual([expect.objectContaining({ key: expect.stringMatching(KEY), scope: "refs/heads/main" })]);

    addMigration(repo, "20250103000000_add_user_bio", "bio");
    const calls = service.calls.length;
    const pr = await job({ pullRequest: 8, base: main1 });
    expect(pr.main.code).toBe(0);
    expect(pr.main.outputs.cache).toBe("hit");
    expect(JSON.parse(pr.main.outputs.report!)).toMatchObject({ ok: true, cache: { state: "hit", migrations: 2 } });
    expect(pr.main.outputs["applied-count"]).toBe("3");
    // The pull request shares the default branch's migrations: the same key, from the base branch's scope.
    expect(pr.main.stdout).toContain(`Cache hit for: ${saved[0]!.key}`);
    // Nothing new to save: no entry reserved.
    expect(pr.main.state["snapshot-cache"]).toBeUndefined();
    expect(pr.post.code).toBe(0);
    expect(service.calls.slice(calls)).toEqual(["GetCacheEntryDownloadURL"]);
    expect([...annotations(pr.main, "warning"), ...annotations(pr.main, "error")]).toEqual([]);
  });

  test("a pull request whose exact entry is gone restores the base branch's latest entry by restore key: cache: hit", async () => {
    const { repo, job } = project();
    const main1 = repo.git("rev-parse", "HEAD");
    await job({ push: main1 });
    const first = service.entries().at(-1)!;
    // The default branch moves on: its next run starts from the first entry (restore key) and saves a
    // new one holding both snapshots.
    const main2 = addMigration(repo, "20250103000000_add_user_age", "age");
    const second = await job({ push: main2 });
    expect(second.main.stdout).toContain(`Cache hit for restore-key: ${first.key}`);
    expect(second.main.outputs.cache).toBe("miss");
    expect(second.post.stdout).toContain("Snapshot cache: saved the cache entry");
    const latest = service.entries().at(-1)!;
    expect(latest.key).not.toBe(first.key);
    service.evict(first.key);

    // A pull request opened from the first commit, its base still there.
    repo.git("checkout", "-q", "-b", "feature", main1);
    addMigration(repo, "20250104000000_add_user_bio", "bio");
    const pr = await job({ pullRequest: 9, base: main1 });
    expect(pr.main.code).toBe(0);
    expect(pr.main.stdout).toContain(`Cache hit for restore-key: ${latest.key}`);
    expect(pr.main.outputs.cache).toBe("hit");
    expect(JSON.parse(pr.main.outputs.report!)).toMatchObject({ ok: true, cache: { state: "hit", migrations: 2 } });
  });

  test("a failing cache service (429 on restore, 500 on save) is a warning; the check passes", async () => {
    const { repo, job } = project();
    service.fail("429");
    let run: { main: DistRun; post: DistRun };
    try {
      // The toolkit's back-off between its five attempts at the failing save (~25 s) is shortened to 1 ms
      // a wait (test/support/fast-cache-retries.mjs); the attempts and the outcome are the toolkit's own.
      run = await job({ push: repo.git("rev-parse", "HEAD") }, { beforePost: () => service.fail("5xx"), env: FAST_CACHE_RETRIES });
    } finally {
      service.fail(undefined);
    }
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.ok).toBe("true");
    expect(run.main.outputs.cache).toBe("miss");
    expect(annotations(run.main, "warning").join("\n")).toMatch(/rate limit/i);
    expect(annotations(run.main, "error")).toEqual([]);
    expect(run.post.code).toBe(0);
    expect(annotations(run.post, "warning").join("\n")).toMatch(/not saved, the cache service failed: .*\(500\)/);
    expect(annotations(run.post, "error")).toEqual([]);
  }, 120_000);

  test("no cache service (GitHub Enterprise Server without it): a warning, the snapshot cache still works within the job", async () => {
    const { repo, job } = project();
    const { main, post } = await job({ push: repo.git("rev-parse", "HEAD") }, { env: { ACTIONS_RESULTS_URL: "", ACTIONS_CACHE_URL: "" } });
    expect(main.code).toBe(0);
    expect(main.outputs.cache).toBe("miss");
    expect(annotations(main, "warning")).toEqual([expect.stringContaining("GitHub's cache service is not available to this job")]);
    expect(post.code).toBe(0);
    expect(annotations(post, "warning")).toEqual([]);
  });

  test("cache: false turns it off; cache-dir leaves the directory to the team (no service calls)", async () => {
    const { repo, job } = project();
    const calls = service.calls.length;
    const off = await job({ push: repo.git("rev-parse", "HEAD") }, { inputs: { cache: "false" } });
    expect(off.main.outputs.cache).toBe("off");
    const own = await job({ push: repo.git("rev-parse", "HEAD") }, { inputs: { "cache-dir": ".cache/migrate-guard" } });
    expect(own.main.outputs.cache).toBe("miss");
    expect(own.main.state["snapshot-cache"]).toBeUndefined();
    expect(service.calls.length).toBe(calls);
    const bad = await job({ push: repo.git("rev-parse", "HEAD") }, { inputs: { cache: "yes" } });
    expect(bad.main.code).toBe(1);
    expect(bad.main.stdout).toContain(`::error::Input "cache" is "yes". Expected true or false.`);
  });
});
