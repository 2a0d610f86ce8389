// The migrate-guard CLI as a user runs it (the built bin): exit codes, --json, an explicit empty
// database, refusals that change nothing, and secrets that never reach the output.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, withDatabase } from "../../src/postgres/database.js";
import { exampleApp, repoRoot } from "../support/project-repo.js";

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "bin/migrate-guard.js"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({});
  await createDatabase(cluster.url, "service");
  await createDatabase(cluster.url, "busy");
  const client = new pg.Client({ connectionString: withDatabase(cluster.url, "busy") });
  await client.connect();
  await client.query(`CREATE TABLE customers (id int); INSERT INTO customers VALUES (1)`);
  await client.end();
});
afterAll(async () => cluster?.stop());

async function tables(db: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(cluster.url, db) });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    return rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

describe("migrate-guard verify", () => {
  test("--database-url: verifies into an empty database (a service container) and prints JSON", async () => {
    const run = cli([
      "verify",
      "--working-directory",
      path.relative(repoRoot, exampleApp),
      "--database-url",
      withDatabase(cluster.url, "service"),
      "--json",
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      checks: { id: string; status: string }[];
      migrations: { name: string; durationMs: number }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(["lock-file", "naming", "order", "history", "lint", "apply", "timing", "drift"]);
    expect(report.migrations.every((m) => typeof m.durationMs === "number")).toBe(true);
    expect(await tables("service")).toEqual(["Post", "User", "_prisma_migrations"]);
  });

  test("a database that has tables is refused with exit 2 and is left unchanged", async () => {
    const run = cli(["verify", "--working-directory", "examples/app", "--database-url", withDatabase(cluster.url, "busy")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/customers/);
    expect(run.stderr).toMatch(/must never run against a database/i);
    expect(await tables("busy")).toEqual(["customers"]);
  });

  test("a password in --database-url or MIGRATE_GUARD_DATABASE_URL never appears in any output", () => {
    for (const run of [
      cli(["verify", "--working-directory", "examples/app", "--database-url", "postgresql://app:Hunter2Secret@127.0.0.1:1/app"]),
      cli(["verify", "--working-directory", "examples/app"], {
        MIGRATE_GUARD_DATABASE_URL: "postgres://app:Hunter2Secret@127.0.0.1:1/app",
      }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).not.toContain("Hunter2Secret");
      expect(run.stderr).toContain("127.0.0.1:1/app");
    }
  });

  test.each([
    [["verify", "--no-such-flag"], /Unknown option '--no-such-flag'/],
    [["verify", "--slow-migration-seconds", "soon"], /Invalid --slow-migration-seconds "soon". Expected a positive number/],
    [["verify", "--working-directory", "does/not/exist"], /Working directory "does\/not\/exist" does not exist/],
    [["verify", "--working-directory", "src"], /No Prisma schema found/],
    [["verify", "--working-directory", "examples/app", "--base-ref", "no-such-branch"], /Base ref "no-such-branch" is not a commit/],
    [["rollout"], /Unknown command "rollout"/],
  ])("usage and configuration errors exit 2: %j", (args, message) => {
    const run = cli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe(run.stdout.includes("Usage") ? run.stdout : "");
  });

  test("--help prints the options and exits 0", () => {
    const run = cli(["verify", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--base-ref REF");
  });
});
