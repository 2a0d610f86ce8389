// (wa) What a user's pull request job sees with the built-in cache: the built action's main step
// (restore from the cache service, then verify) and its post step (save, when there is anything new),
// against the cache service double over HTTP (test/support/cache-service-double.ts). A first job on
// the default branch's scope seeds the cache; every measured job starts with an empty RUNNER_TEMP, as
// a fresh runner does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCacheServiceDouble } from "../test/support/cache-service-double.js";
import { parseCommandFile } from "../test/support/run-dist.js";
import { firstErrorLine, run } from "./proc.js";

export interface ActionJob {
  /** Main step (restore + verify) plus post step (save), spawn to exit each. */
  ms: number;
  mainMs: number;
  postMs: number;
  ok: boolean;
  /** The action's `cache` output. */
  cache?: string;
  /** Which entry was restored ("exact" key or "restore-key"), if any. */
  restored?: "exact" | "restore-key";
  saved: boolean;
  detail: string;
}

export interface ActionWarm {
  seed: ActionJob;
  runs: ActionJob[];
}

export async function actionWarm(repoRoot: string, prDir: string, baseRef: string, runs = 3): Promise<ActionWarm> {
  const service = await startCacheServiceDouble();
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-bench-runner-"));
  const files = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-bench-files-"));
  try {
    const eventFile = path.join(files, "event.json");
    writeFileSync(
      eventFile,
      JSON.stringify({ pull_request: { number: 1, base: { sha: baseRef, ref: "main" }, head: { sha: "1".repeat(40), ref: "bench" } } }),
    );
    const job = async (ref: string, readAlso: string[]): Promise<ActionJob> => {
      rmSync(runnerTemp, { recursive: true, force: true });
      await mkdir(runnerTemp);
      const commandFiles = Object.fromEntries(
        ["GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH"].map((name) => {
          const file = path.join(files, name.toLowerCase());
          writeFileSync(file, "");
          return [name, file];
        }),
      );
      // Nothing of a surrounding workflow: only what a runner gives this job.
      const env: NodeJS.ProcessEnv = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k)),
      );
      Object.assign(env, commandFiles, service.env(service.token(ref, readAlso)), {
        GITHUB_WORKSPACE: prDir,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: "bench/app",
        RUNNER_TEMP: runnerTemp,
        "INPUT_WORKING-DIRECTORY": ".",
        INPUT_CACHE: "true",
        INPUT_COMMENT: "false",
        "INPUT_SLOW-MIGRATION-SECONDS": "30",
      });
      const main = await run(process.execPath, [path.join(repoRoot, "dist/verify/index.js")], { cwd: prDir, env });
      const state = parseCommandFile(readFileSync(commandFiles.GITHUB_STATE!, "utf8"));
      const outputs = parseCommandFile(readFileSync(commandFiles.GITHUB_OUTPUT!, "utf8"));
      for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
      const post = await run(process.execPath, [path.join(repoRoot, "dist/verify-post/index.js")], { cwd: prDir, env });
      // Exit 1 with outputs is a verdict (a check failed; trigger.dev's history has drift), not a failed job.
      const ok = (main.code === 0 || (main.code === 1 && outputs.ok !== undefined)) && post.code === 0;
      const restored = /Cache hit for restore-key:/.test(main.stdout)
        ? "restore-key"
        : /Cache hit for:/.test(main.stdout)
          ? "exact"
          : undefined;
      return {
        ms: main.ms + post.ms,
        mainMs: main.ms,
        postMs: post.ms,
        ok,
        ...(outputs.cache ? { cache: outputs.cache } : {}),
        ...(restored ? { restored } : {}),
        saved: /Snapshot cache: saved the cache entry/.test(post.stdout),
        detail: ok ? "ok" : `failed (${firstErrorLine(main.code === 0 ? post : main)})`,
      };
    };
    // The default branch's job: same migrations as the pull request's base, so it saves their snapshot.
    const seed = await job("refs/heads/main", []);
    const measured: ActionJob[] = [];
    for (let i = 0; i < runs; i++) measured.push(await job("refs/pull/1/merge", ["refs/heads/main"]));
    return { seed, runs: measured };
  } finally {
    await service.close();
    rmSync(runnerTemp, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
}
