// Clusters outliving (or not) the process that started them: signal and exit hooks, and the
// postgres action's detached main step with its post step.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { stopClusterFromState, type ClusterState } from "../../src/postgres/cluster.js";
import { childrenOf, isRunning, runTs, waitFor } from "./support/processes.js";

const CHILD = "test/postgres/support/cluster-child.ts";
const leftovers: ClusterState[] = [];

afterAll(async () => {
  // Only does anything when an assertion failed half-way.
  for (const state of leftovers) await stopClusterFromState(state).catch(() => {});
});

async function expectNothingLeft(state: ClusterState, backends: number[]): Promise<void> {
  expect(await waitFor(() => !isRunning(state.pid) && !backends.some(isRunning))).toBe(true);
  expect(existsSync(state.rootDir)).toBe(false);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

it("SIGTERM to the owning process leaves no server and no directory", async () => {
  let state: ClusterState | undefined;
  let backends: number[] = [];
  const { finished } = runTs(CHILD, ["wait"], {}, (line, child) => {
    state = JSON.parse(line) as ClusterState;
    leftovers.push(state);
    backends = childrenOf(state.pid);
    child.kill("SIGTERM");
  });
  const result = await finished;
  expect(state).toBeDefined();
  expect(result.code).toBe(143);
  await expectNothingLeft(state!, backends);
});

it("an exception that escapes the caller leaves no server and no directory", async () => {
  let state: ClusterState | undefined;
  let backends: number[] = [];
  const { finished } = runTs(CHILD, ["throw"], {}, (line) => {
    state = JSON.parse(line) as ClusterState;
    leftovers.push(state);
    backends = childrenOf(state.pid);
  });
  const result = await finished;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("caller failed without stopping its cluster");
  await expectNothingLeft(state!, backends);
});

it("the postgres action's main step leaves a server running that its post step stops", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-action-test-"));
  try {
    const outputFile = path.join(dir, "output");
    const stateFile = path.join(dir, "state");
    writeFileSync(outputFile, "");
    writeFileSync(stateFile, "");
    const env = { GITHUB_OUTPUT: outputFile, GITHUB_STATE: stateFile, "INPUT_POSTGRES-VERSION": "15", INPUT_DATABASE: "ci" };

    const main = await runTs("src/actions/postgres/main.ts", [], env).finished;
    const outputs = parseFileCommands(readFileSync(outputFile, "utf8"));
    const saved = parseFileCommands(readFileSync(stateFile, "utf8")).cluster;
    if (saved) leftovers.push(JSON.parse(saved) as ClusterState);
    expect(main.stdout).not.toContain("::error::");
    expect(main.code).toBe(0);
    expect(outputs["postgres-version"]).toMatch(/^15\./);
    expect(outputs["database-url"]).toBe(`postgresql://postgres@127.0.0.1:${outputs.port}/ci`);

    // The main step's process has exited; the server keeps serving later steps.
    expect(await canConnect(outputs["database-url"]!)).toBe(true);
    const state = JSON.parse(saved!) as ClusterState;
    const backends = childrenOf(state.pid);
    expect(backends.length).toBeGreaterThan(0);

    const post = await runTs("src/actions/postgres/post.ts", [], { STATE_cluster: saved }).finished;
    expect(post.stdout).not.toContain("::error::");
    expect(post.code).toBe(0);
    await expectNothingLeft(state, backends);
    expect(await canConnect(outputs["database-url"]!)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The `name<<DELIMITER … DELIMITER` records @actions/core writes to GITHUB_OUTPUT / GITHUB_STATE. */
function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[match[1]!] = match[3]!;
  return out;
}
