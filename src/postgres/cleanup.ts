// Making sure no throwaway server outlives the process that started it. Callers stop clusters in
// try/finally; the hooks here are the safety net for exceptions that escape, process.exit() and
// SIGINT/SIGTERM. A SIGKILL of this process cannot be caught: the server would then keep running.
import { readFileSync, rmSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

export interface LiveCluster {
  rootDir: string;
  dataDir: string;
  /** Postmaster pid. */
  pid?: number;
}

/** Prefix of every cluster's root dir; stopClusterFromState refuses to delete anything else. */
export const ROOT_DIR_PREFIX = "migrate-guard-pg-";

const live = new Set<LiveCluster>();

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the postmaster still runs. The pid file is checked too because an exited child of this
 * process stays a zombie (kill(pid, 0) succeeds) until the event loop reaps it; the postmaster
 * removes postmaster.pid on every exit except SIGKILL.
 */
export function isPostmasterRunning(pid: number, dataDir: string): boolean {
  if (!signal(pid, 0)) return false;
  try {
    return readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim() === String(pid);
  } catch {
    return false;
  }
}

/**
 * Synchronous, for exit and signal hooks: immediate shutdown (SIGQUIT), in which the postmaster stops
 * its backends and releases its shared memory; a short wait; SIGKILL; then the directory. Backends
 * run in their own process groups, so they cannot be killed as a group; after a SIGKILL of the
 * postmaster they notice its death and exit by themselves.
 */
export function killClusterSync(cluster: LiveCluster): void {
  const { pid } = cluster;
  if (pid !== undefined) {
    if (signal(pid, "SIGQUIT")) {
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline && isPostmasterRunning(pid, cluster.dataDir)) sleepSync(5);
    }
    signal(pid, "SIGKILL");
  }
  try {
    rmSync(cluster.rootDir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Nothing more can be done while the process exits.
  }
}

function killAll(): void {
  for (const cluster of live) killClusterSync(cluster);
  live.clear();
  uninstall();
}

const onExit = () => killAll();
const onSigint = () => {
  killAll();
  process.exit(130);
};
const onSigterm = () => {
  killAll();
  process.exit(143);
};

function install(): void {
  process.on("exit", onExit);
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigterm);
}

function uninstall(): void {
  process.off("exit", onExit);
  process.off("SIGINT", onSigint);
  process.off("SIGTERM", onSigterm);
}

/** Hooks are installed only while a cluster is alive, so an idle process keeps its default signal behaviour. */
export function register(cluster: LiveCluster): void {
  if (live.size === 0) install();
  live.add(cluster);
}

export function unregister(cluster: LiveCluster): void {
  if (!live.delete(cluster)) return;
  if (live.size === 0) uninstall();
}

async function waitUntilStopped(pid: number, dataDir: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isPostmasterRunning(pid, dataDir)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** The timer stays referenced so that the process cannot exit halfway through a stop. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}

/**
 * Fast shutdown (SIGINT), escalating to immediate shutdown (SIGQUIT) and then SIGKILL. `exited`
 * resolves when the process is known to be gone, when we own it.
 */
export async function shutdownPostmaster(pid: number, dataDir: string, exited?: Promise<unknown>): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ["SIGINT", 5000],
    ["SIGQUIT", 2000],
  ];
  for (const [sig, ms] of steps) {
    // Both shutdown modes wait for every backend before the postmaster exits.
    if (!isPostmasterRunning(pid, dataDir) || !signal(pid, sig)) return;
    const stopped = exited ? await settlesWithin(exited, ms) : await waitUntilStopped(pid, dataDir, ms);
    if (stopped) return;
  }
  signal(pid, "SIGKILL");
}

export interface ClusterState {
  pid: number;
  dataDir: string;
  rootDir: string;
}

/**
 * Stops a cluster started with `detached: true` by another process (an action's `post:` step) and
 * deletes its directory. Harmless when the server already stopped or the directory is gone.
 */
export async function stopClusterFromState(state: ClusterState): Promise<void> {
  const rootDir = path.resolve(state.rootDir);
  const dataDir = path.resolve(state.dataDir);
  // The state comes from outside this process: never signal or delete something that is not ours.
  if (!path.basename(rootDir).startsWith(ROOT_DIR_PREFIX) || path.dirname(dataDir) !== rootDir) {
    throw new Error(`Refusing to stop a cluster from unexpected state: rootDir=${state.rootDir}, dataDir=${state.dataDir}`);
  }
  if (Number.isInteger(state.pid) && state.pid > 0) {
    const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
    if (pidFile.split("\n")[0]?.trim() === String(state.pid)) await shutdownPostmaster(state.pid, dataDir);
  }
  await rm(rootDir, { recursive: true, force: true, maxRetries: 3 });
}
