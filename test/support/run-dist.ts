// Runs a built dist entry the way the Actions runner does: inputs as INPUT_* variables, outputs and
// the job summary through the files named by GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./project-repo.js";

export interface DistRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/** Parses the `name<<DELIMITER\nvalue\nDELIMITER` records @actions/core writes to GITHUB_OUTPUT. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return out;
}

/** The node binary to run dist with: MIGRATE_GUARD_NODE24 when set (CI installs Node 24 there). */
export function nodeBinaries(): { name: string; path: string }[] {
  const list = [{ name: `node ${process.versions.node}`, path: process.execPath }];
  if (process.env.MIGRATE_GUARD_NODE24) list.push({ name: "node 24", path: process.env.MIGRATE_GUARD_NODE24 });
  return list;
}

export async function runDistAction(
  entry: string,
  options: {
    inputs: Record<string, string>;
    env?: Record<string, string>;
    event?: object;
    node?: string;
    state?: Record<string, string>;
    /** RUNNER_TEMP, kept after the run (a job's main and post step share it). Default: a fresh one, removed. */
    runnerTemp?: string;
  },
): Promise<DistRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-runner-"));
  try {
    const files = {
      GITHUB_OUTPUT: "output",
      GITHUB_STEP_SUMMARY: "summary",
      GITHUB_STATE: "state",
      GITHUB_ENV: "env",
      GITHUB_PATH: "path",
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      RUNNER_TEMP: options.runnerTemp ?? dir,
    };
    for (const [name, file] of Object.entries(files)) {
      writeFileSync(path.join(dir, file), "");
      env[name] = path.join(dir, file);
    }
    if (options.event) {
      writeFileSync(path.join(dir, "event.json"), JSON.stringify(options.event));
      env.GITHUB_EVENT_PATH = path.join(dir, "event.json");
    }
    for (const [k, v] of Object.entries(options.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    for (const [k, v] of Object.entries(options.state ?? {})) env[`STATE_${k}`] = v;
    Object.assign(env, options.env);
    const child = spawn(options.node ?? process.execPath, [path.join(repoRoot, entry)], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
    return {
      code,
      stdout,
      stderr,
      outputs: parseCommandFile(readFileSync(env.GITHUB_OUTPUT!, "utf8")),
      state: parseCommandFile(readFileSync(env.GITHUB_STATE!, "utf8")),
      summary: readFileSync(env.GITHUB_STEP_SUMMARY!, "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
