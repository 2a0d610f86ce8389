// Faults while changing an environment, through the built action and the GitHub API double: an
// unreachable host, bad credentials, a server that requires TLS, a migration lock that is never
// released, and PostgreSQL stopped in the middle of a deploy. Each gives a clear error and a `failure`
// deployment status, and `status` afterwards tells the truth about the database.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { execFileSync, spawn } from "node:child_process";
import { chownSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { serverUser } from "../../src/postgres/server-user.js";
import { deploymentsOf, startGitHubApiDouble, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { runDistAction, type DistRun } from "../support/run-dist.js";
import {
  addHbaLines,
  adminQuery,
  appRepo,
  cli,
  expectNoPassword,
  startEnvironmentCluster,
  TEST_PASSWORD,
  withoutMaskCommands,
  type EnvironmentCluster,
} from "./support.js";

const SHA = "00112233445566778899aabbccddeeff00112233";
let env: EnvironmentCluster;
let github: GitHubApiDouble;
let repo: ProjectRepo;

beforeAll(async () => {
  [env, github] = await Promise.all([startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
  repo = appRepo({ "20250103000000_backfill_slowly": `SELECT pg_sleep(3);\nCREATE TABLE "Backfill" ("id" INTEGER);\n` });
});
afterAll(async () => {
  await Promise.all([env?.stop(), github?.close()]);
  repo?.remove();
});

async function deploy(url: string, inputs: Record<string, string> = {}): Promise<DistRun> {
  const run = await runDistAction("dist/migrate/index.js", {
    env: {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_SHA: SHA,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "9",
      GITHUB_ACTOR: "octocat",
    },
    inputs: {
      command: "deploy",
      environment: "staging",
      "database-url": url,
      "working-directory": ".",
      "github-token": "ghs_faults",
      ...inputs,
    },
  });
  expectNoPassword(withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs));
  return run;
}

function status(url: string) {
  const result = cli(["status", "--environment", "staging", "--database-url", url, "--json"], { cwd: repo.dir });
  expectNoPassword(result.stdout, result.stderr);
  return {
    code: result.code,
    doc: JSON.parse(result.stdout) as {
      ok: boolean;
      failed: string[];
      pending: string[];
      warnings: string[];
      recovery: string[];
      error: string | null;
      stateUnknown: string | null;
    },
  };
}

/** The last deployment: its states, and the description of its final status. */
function lastDeployment() {
  const d = deploymentsOf(github.state).deployments.at(-1)!;
  const statuses = statusesOf(github.state, d.id);
  return { states: statuses.map((s) => s.state), description: statuses.at(-1)!.description };
}

/** The step's failure message (the last error command: setFailed's). */
const error = (run: DistRun) => ([...run.stdout.matchAll(/^::error::(.*)$/gm)].at(-1)?.[1] ?? "").replace(/%0A/g, "\n");

describe("faults while deploying", () => {
  test("an unreachable host", async () => {
    const run = await deploy(`postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/app`);
    expect(run.code).toBe(1);
    expect(error(run)).toMatch(/Could not reach PostgreSQL at 127.0.0.1:1\/app as user "app" \(ECONNREFUSED\)\. Check the host and port/);
    expect(lastDeployment()).toEqual({
      states: ["in_progress", "failure"],
      description: expect.stringMatching(/deploy on "staging" failed: Could not reach PostgreSQL/),
    });
  });

  test("bad credentials", async () => {
    await env.createDatabase("creds");
    const run = await deploy(env.url("creds").replace(encodeURIComponent(TEST_PASSWORD), "not-the-password"));
    expect(run.code).toBe(1);
    expect(error(run)).toMatch(/rejected the credentials \(password authentication failed for user "app"\)/);
    expect(lastDeployment().states).toEqual(["in_progress", "failure"]);
    expect(status(env.url("creds")).doc).toMatchObject({ ok: true, pending: expect.arrayContaining(["20250101000000_create_users"]) });
  });

  test("a server that requires TLS: the plain connection is refused with what to add to the URL; with it, it works", async () => {
    const dir = env.cluster.rootDir;
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        path.join(dir, "server.key"),
        "-out",
        path.join(dir, "server.crt"),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
      ],
      { stdio: "ignore" },
    );
    const user = serverUser();
    if (user) for (const f of ["server.key", "server.crt"]) chownSync(path.join(dir, f), user.uid, user.gid);
    await adminQuery(env.admin(), `ALTER SYSTEM SET ssl_cert_file = '${path.join(dir, "server.crt")}'`);
    await adminQuery(env.admin(), `ALTER SYSTEM SET ssl_key_file = '${path.join(dir, "server.key")}'`);
    await adminQuery(env.admin(), "ALTER SYSTEM SET ssl = on");
    await adminQuery(env.admin(), `CREATE ROLE tls LOGIN PASSWORD '${TEST_PASSWORD}'`);
    await adminQuery(env.admin(), "CREATE DATABASE tls OWNER tls");
    await addHbaLines(env.cluster, ["hostssl all tls 127.0.0.1/32 scram-sha-256", "hostnossl all tls 127.0.0.1/32 reject"]);
    const url = `postgresql://tls:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:${env.cluster.port}/tls`;

    const run = await deploy(url);
    expect(run.code).toBe(1);
    expect(error(run)).toMatch(/requires an encrypted connection \(TLS\) and refused a plain one .*Add `sslmode=require`/);
    expect(lastDeployment().states).toEqual(["in_progress", "failure"]);
    // sslmode=require means what it means for libpq: encrypted, certificate not verified.
    expect(status(`${url}?sslmode=require`).doc).toMatchObject({ ok: true, pending: expect.arrayContaining(["20250102000000_add_posts"]) });
  });

  test("a migration lock that is never released: a bounded wait, then failure; status names the holder", async () => {
    const url = await env.createDatabase("locked");
    const holder = new pg.Client({ connectionString: env.admin("locked"), application_name: "stuck-deploy" });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707369)");
      const started = Date.now();
      const run = await deploy(url, { "lock-timeout-seconds": "1" });
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(20_000); // bounded by the 1 s asked for, not the 60 s default
      expect(error(run)).toMatch(
        /Another deploy still holds Prisma's migration lock after 1 s \(pid \d+, application "stuck-deploy".*\)\. Nothing was changed by this run/,
      );
      expect(lastDeployment().states).toEqual(["in_progress", "failure"]);
      const s = status(url);
      expect(s.doc.warnings.join("\n")).toMatch(
        /A deploy is running right now \(Prisma's migration lock is held by pid \d+, application "stuck-deploy"/,
      );
      expect(await env.query("locked", "SELECT to_regclass('public._prisma_migrations') AS t")).toEqual([{ t: null }]);
    } finally {
      await holder.end();
    }
    expect((await deploy(url)).code).toBe(0);
  });

  test("PostgreSQL stopped mid-deploy: the deploy fails saying the state is unknown; after a restart status shows the failed migration and the way out", async () => {
    const url = await env.createDatabase("stopped");
    const opts = readFileSync(path.join(env.cluster.dataDir, "postmaster.opts"), "utf8");
    const pending = deploy(url);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await env.query("stopped", "SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'").catch(() => []);
      const running = rows.length
        ? await env.query(
            "stopped",
            "SELECT 1 FROM _prisma_migrations WHERE migration_name = '20250103000000_backfill_slowly' AND finished_at IS NULL",
          )
        : [];
      if (running.length > 0) break;
      if (Date.now() > deadline) throw new Error("the slow migration never started");
      await new Promise((r) => setTimeout(r, 50));
    }
    // Fast shutdown: sessions are ended, the running migration's transaction rolls back.
    process.kill(env.cluster.pid, "SIGINT");
    const run = await pending;
    expect(run.code).toBe(1);
    const message = error(run);
    // Which error Prisma reports depends on timing: the terminated session, the closed connection
    // (P1017; seen once the server's files moved to tmpfs and its shutdown got faster), or (when its
    // engine reconnected first) the server that no longer answers.
    expect(message).toMatch(
      /deploy on "staging" failed\. prisma migrate deploy failed \(exit 1\): Error: .*(shutting down|terminat|P1017 Server has closed the connection|P1001 Can't reach database server)/,
    );
    expect(message).not.toMatch(/\.rs:\d+/);
    expect(run.summary).toMatch(/State of the environment[\s\S]*Unknown: .*Run status once the database is reachable/);
    expect(lastDeployment().states).toEqual(["in_progress", "failure"]);

    const restarted = restart(opts);
    try {
      await waitForServer(url);
      const s = status(url);
      expect(s.code).toBe(1);
      expect(s.doc.failed).toEqual(["20250103000000_backfill_slowly"]);
      expect(s.doc.recovery.join("\n")).toContain("--rolled-back 20250103000000_backfill_slowly --confirm 20250103000000_backfill_slowly");
      expect(await env.query("stopped", "SELECT to_regclass('public.\"Backfill\"') AS t")).toEqual([{ t: null }]);
    } finally {
      await restarted.stop();
    }
  });
});

/** Starts the cluster's server again with the command line it ran with (postmaster.opts). */
function restart(opts: string): { stop(): Promise<void> } {
  const words = [...opts.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  const user = serverUser();
  const child = spawn(words[0]!, words.slice(1), {
    detached: true,
    stdio: "ignore",
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_ALL: "C" },
  });
  child.unref();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async stop() {
      child.kill("SIGINT");
      await exited;
    },
  };
}

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
