// Child processes with a wall clock and a deadline: every step of the bench is bounded, and a hung
// step is reported instead of hanging the run.
import { spawn } from "node:child_process";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From spawn to the child's exit (not to stdio close: that is our own bookkeeping). */
  ms: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export const STEP_TIMEOUT_MS = 300_000;
// SIGTERM first: the verify CLI's signal hooks stop its own cluster; SIGKILL would orphan it.
const KILL_GRACE_MS = 10_000;

export function run(file: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let exitedAt = 0;
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => {}); // a child that exits before reading all input is not our error
    child.stdin.end(options.input ?? "");
    let killTimer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    }, options.timeoutMs ?? STEP_TIMEOUT_MS);
    child.on("exit", () => (exitedAt = performance.now()));
    child.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(deadline);
      clearTimeout(killTimer);
      resolve({ code, signal, ms: (exitedAt || performance.now()) - started, stdout, stderr, timedOut });
    });
  });
}

/** Rejects after `ms`; for in-process steps, which cannot be killed (the cluster hooks clean up at exit). */
export async function withTimeout<T>(what: string, promise: Promise<T>, ms = STEP_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The line of a failed child's output that says what went wrong, skipping Prisma's banner and stack frames. */
export function firstErrorLine(result: RunResult): string {
  if (result.timedOut) return "timed out";
  // Also skipped: Node's excerpt of the throwing source line (a minified bundle line mentions "Error").
  const noise =
    /^(Loaded Prisma config|Prisma schema loaded|Datasource |Environment variables loaded|wasm:\/\/|file:\/\/|at |Node\.js v|\^+$)/;
  const lines = `${result.stderr}\n${result.stdout}`
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && l.length < 400 && !noise.test(l));
  const index = lines.findIndex((l) => /error|panic|unreachable|fatal/i.test(l));
  const line = lines[Math.max(index, 0)] ?? `exit ${result.code ?? result.signal}`;
  // Prisma prints "Error:" alone on a line and the message on the next.
  const full = /^Error:?$/i.test(line) && lines[index + 1] ? `${line} ${lines[index + 1]}` : line;
  return full.length > 160 ? `${full.slice(0, 157)}...` : full;
}
