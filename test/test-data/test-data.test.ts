// `migrate-guard test-data` (the built CLI) and actions/test-data (the built dist) against a real
// PostgreSQL, with the example app's real Prisma CLI stamping staging through a real deploy: the app's
// script runs only on a database stamped staging/local; production (by stamp or name), an unstamped
// database, a stamp of another environment and an unconfirmed cleanup are refused with exit 2 and
// nothing changed. The script prints the URL it was given: no output may contain the password.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { EnvironmentDatabase } from "../../src/postgres/environment-database.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { runDistAction } from "../support/run-dist.js";
import {
  appRepo,
  cli,
  expectNoPassword,
  snapshot,
  startEnvironmentCluster,
  withoutMaskCommands,
  type EnvironmentCluster,
} from "../migrate/support.js";

let env: EnvironmentCluster;
let repo: ProjectRepo;
const urls: Record<string, string> = {};

/** The app's script: inserts (create) or deletes (cleanup) a user through the datasource's variable. */
const SEED = `import pg from "pg";
const url = process.env.APP_DATABASE_URL;
const others = Object.entries(process.env).filter(([k, v]) => /^postgres/i.test(v ?? "") && !["APP_DATABASE_URL", "DATABASE_URL"].includes(k)).map(([k]) => k);
console.log("seed got " + url + " for " + process.env.MIGRATE_GUARD_ENVIRONMENT + "/" + process.env.MIGRATE_GUARD_TEST_DATA + "; other postgres variables: " + (others.join(",") || "none"));
console.error("stderr line " + url);
const client = new pg.Client({ connectionString: url });
await client.connect();
if (process.argv[2] === "cleanup") await client.query('DELETE FROM "User" WHERE email LIKE $1', ["%@test-data.example"]);
else await client.query('INSERT INTO "User" (email) VALUES ($1)', ["ada-" + Date.now() + "@test-data.example"]);
await client.end();
`;

async function stamp(db: string, name: string, production: boolean): Promise<void> {
  const handle = await EnvironmentDatabase.connect(urls[db]!);
  try {
    await handle.writeStampIfAbsent({ name, normalized: name.toLowerCase(), production });
  } finally {
    await handle.close();
  }
}

/** CREATE DATABASE … TEMPLATE, retried while the deploy's sessions are still going away. */
async function copyDatabase(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await env.query("postgres", `CREATE DATABASE "${to}" TEMPLATE "${from}" OWNER app`);
      return;
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function users(db: string): Promise<number> {
  const rows = await env.query<{ n: string }>(db, `SELECT count(*) AS n FROM "User"`);
  return Number(rows[0]!.n);
}

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const result = cli(["test-data", ...args], { cwd: repo.dir, env: { CI: "true", ...extraEnv } });
  expectNoPassword(result.stdout, result.stderr);
  return result;
}

beforeAll(async () => {
  env = await startEnvironmentCluster();
  repo = appRepo();
  repo.write("seed.mjs", SEED);
  urls.staging = await env.createDatabase("staging");
  // staging: stamped by a real first deploy (Prisma applies the example's migrations).
  const deploy = cli(["deploy", "--environment", "staging", "--database-url", urls.staging], { cwd: repo.dir });
  expect(deploy.code).toBe(0);
  // The others: copies of the migrated schema without its stamp, then stamped as the scenario needs.
  for (const db of ["prod", "unstamped", "local", "action"]) {
    await copyDatabase("staging", db);
    await env.query(db, "DROP TABLE migrate_guard.environment");
    urls[db] = env.url(db);
  }
  await stamp("prod", "production", true);
  await stamp("local", "local", false);
  await stamp("action", "production", true);
});

afterAll(async () => {
  await env?.stop();
  repo?.remove();
});

describe("test-data refusals (exit 2, nothing run or changed)", () => {
  test("a production-stamped database is refused even when the run says staging", async () => {
    const before = await snapshot(env, "prod");
    const usersBefore = await users("prod");
    const r = run(["create", "--environment", "staging", "--database-url", urls.prod!, "--command", "node seed.mjs create"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/refused.*stamped as the production environment "production".*Nothing was run/);
    expect(r.stdout).not.toContain("seed got");
    expect(await snapshot(env, "prod")).toBe(before);
    expect(await users("prod")).toBe(usersBefore);
  });

  test("a production name is refused before the database is read, even with --environments listing it", () => {
    const r = run([
      "create",
      "--environment",
      "production",
      "--environments",
      "staging,production",
      "--database-url",
      urls.staging!,
      "--command",
      "node seed.mjs create",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Test data is never written to a production environment, and "production" is one');
  });

  test("an unstamped database is refused; --stamp stamps it and runs", async () => {
    const before = await snapshot(env, "unstamped");
    const refused = run(["create", "--environment", "staging", "--database-url", urls.unstamped!, "--command", "node seed.mjs create"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("has no environment stamp");
    expect(refused.stdout).toContain("pass --stamp");
    expect(await snapshot(env, "unstamped")).toBe(before);

    const stamped = run([
      "create",
      "--environment",
      "staging",
      "--stamp",
      "--database-url",
      urls.unstamped!,
      "--command",
      "node seed.mjs create",
    ]);
    expect(stamped.code).toBe(0);
    expect(stamped.stderr).toContain("Stamped 127.0.0.1");
    const rows = await env.query<{ name: string; production: boolean }>(
      "unstamped",
      "SELECT name, production FROM migrate_guard.environment",
    );
    expect(rows).toEqual([{ name: "staging", production: false }]);
    expect(await users("unstamped")).toBe(1);
  });

  test("a database stamped as another test-data environment is refused", async () => {
    const r = run(["create", "--environment", "staging", "--database-url", urls.local!, "--command", "node seed.mjs create"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('This run is for "staging", but the database is stamped as "local"');
    expect(await users("local")).toBe(0);
  });

  test("cleanup without DELETE is refused without a terminal (no wait on stdin); a wrong word too", async () => {
    const count = await users("staging");
    const missing = run(["cleanup", "--environment", "staging", "--database-url", urls.staging!, "--command", "node seed.mjs cleanup"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("must be confirmed: pass --confirm DELETE (no terminal to ask at). Nothing was changed.");
    const wrong = run([
      "cleanup",
      "--environment",
      "staging",
      "--database-url",
      urls.staging!,
      "--command",
      "node seed.mjs cleanup",
      "--confirm",
      "delete",
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the confirmation was "delete"');
    expect(await users("staging")).toBe(count);
  });

  test("an unreachable database: exit 1, nothing run, host and port named, no password", () => {
    const r = run([
      "create",
      "--environment",
      "staging",
      "--database-url",
      "postgresql://app:Hunter2-mg-S3cret@127.0.0.1:9/staging",
      "--command",
      "node seed.mjs create",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Could not reach PostgreSQL at 127.0.0.1:9/staging");
    expect(r.stdout).toContain("Nothing was run.");
    expect(r.stdout).not.toContain("seed got");
  });

  test("usage errors: no operation, unknown operation, no command", () => {
    expect(run(["--environment", "staging", "--command", "x"]).code).toBe(2);
    expect(run(["seed", "--environment", "staging", "--command", "x", "--database-url", urls.staging!]).stderr).toContain(
      'Unknown operation "seed". Expected create or cleanup',
    );
    expect(run(["create", "--environment", "staging", "--database-url", urls.staging!]).stderr).toContain(
      'No command. Pass --command "<your script>"',
    );
  });
});

describe("test-data on a staging-stamped database", () => {
  test("create runs the app's script with the URL in its datasource variable, masked in every output; cleanup with DELETE", async () => {
    const create = run(["create", "--environment", "staging", "--database-url", urls.staging!, "--command", "node seed.mjs create"], {
      OTHER_DB: urls.prod!,
    });
    expect(create.code).toBe(0);
    expect(create.stdout).toContain("seed got *** for staging");
    expect(create.stdout).toContain("for staging/create; other postgres variables: none");
    expect(create.stderr).toContain("stderr line ***");
    expect(create.stdout).toMatch(
      /✔ test-data create on "staging" \(127\.0\.0\.1:\d+\/staging as user "app"\): `node seed.mjs create` exited 0 in \d+\.\d s\./,
    );
    expect(await users("staging")).toBe(1);

    const cleanup = run([
      "cleanup",
      "--environment",
      "staging",
      "--database-url",
      urls.staging!,
      "--command",
      "node seed.mjs cleanup",
      "--confirm",
      "DELETE",
      "--json",
    ]);
    expect(cleanup.code).toBe(0);
    const doc = JSON.parse(cleanup.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      ok: true,
      operation: "cleanup",
      environment: "staging",
      exitCode: 0,
      refused: null,
      command: "node seed.mjs cleanup",
    });
    expect(doc.durationMs).toEqual(expect.any(Number));
    expect(await users("staging")).toBe(0);
  });

  test("a failing script exits 1 and reports its exit code", () => {
    const r = run([
      "create",
      "--environment",
      "staging",
      "--database-url",
      urls.staging!,
      "--command",
      "node -e \"console.log('half done'); process.exit(3)\"",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("half done");
    expect(r.stdout).toContain("The create script failed (exit code 3).");
  });

  test("the URL comes from .env.staging when the command names staging; a flag beats it", async () => {
    writeFileSync(path.join(repo.dir, ".env.staging"), `# staging\nDATABASE_URL="${urls.staging}"\n`);
    try {
      // The shell's DATABASE_URL points at the production-stamped database: the env file wins.
      const fromFile = run(["create", "--environment", "staging", "--command", "node seed.mjs create"], { DATABASE_URL: urls.prod! });
      expect(fromFile.code).toBe(0);
      expect(fromFile.stderr).toContain("Loaded .env.staging (DATABASE_URL).");
      expect(fromFile.stderr).toContain("warning: .env.staging sets DATABASE_URL, overriding the value in the environment");
      // The flag wins over the file: the production-stamped database is named explicitly, and refused.
      const flag = run(["create", "--environment", "staging", "--database-url", urls.prod!, "--command", "node seed.mjs create"]);
      expect(flag.code).toBe(2);
      expect(flag.stdout).toContain("stamped as the production environment");
    } finally {
      writeFileSync(path.join(repo.dir, ".env.staging"), "");
    }
    await env.query("staging", `DELETE FROM "User"`);
  });
});

describe("actions/test-data (built dist)", () => {
  async function action(inputs: Record<string, string>) {
    const r = await runDistAction("dist/test-data/index.js", {
      inputs: { "working-directory": ".", ...inputs },
      env: { GITHUB_WORKSPACE: repo.dir, GITHUB_REPOSITORY: "acme/shop", GITHUB_RUN_ID: "7", GITHUB_ACTOR: "octocat" },
    });
    expectNoPassword(withoutMaskCommands(r.stdout), r.stderr, r.summary, JSON.stringify(r.outputs));
    return r;
  }

  test("refuses a production-stamped database whatever environment the inputs name", async () => {
    const before = await snapshot(env, "action");
    const r = await action({ operation: "create", environment: "staging", "database-url": urls.action!, command: "node seed.mjs create" });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ ok: "false", "exit-code": "", stamped: "false" });
    expect(r.outputs.refused).toContain("stamped as the production environment");
    expect(r.stdout).toContain("::error::");
    expect(r.summary).toContain("Refused, nothing was run");
    expect(await snapshot(env, "action")).toBe(before);
  });

  test("runs on staging: exit code, duration and the masked script output; cleanup needs confirm DELETE", async () => {
    const create = await action({
      operation: "create",
      environment: "staging",
      "database-url": urls.staging!,
      command: "node seed.mjs create",
    });
    expect(create.code).toBe(0);
    expect(create.outputs).toMatchObject({ ok: "true", "exit-code": "0", refused: "" });
    expect(Number(create.outputs["duration-ms"])).toBeGreaterThan(0);
    expect(withoutMaskCommands(create.stdout)).toContain("seed got *** for staging/create");
    expect(create.summary).toContain("| Exit code | 0 |");

    const unconfirmed = await action({
      operation: "cleanup",
      environment: "staging",
      "database-url": urls.staging!,
      command: "node seed.mjs cleanup",
    });
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stdout).toContain("must be confirmed: set confirm to DELETE");
    expect(await users("staging")).toBe(1);

    const cleanup = await action({
      operation: "cleanup",
      environment: "staging",
      "database-url": urls.staging!,
      command: "node seed.mjs cleanup",
      confirm: "DELETE",
    });
    expect(cleanup.code).toBe(0);
    expect(await users("staging")).toBe(0);
  });
});

describe("migrate-guard backup (db:backup)", () => {
  test("dumps a database stamped as the environment; refuses another environment's database", () => {
    const file = path.join(repo.dir, "staging.dump");
    const ok = cli([
      "backup",
      "--environment",
      "staging",
      "--database-url",
      urls.staging!,
      "--backup-file",
      "staging.dump",
      "--working-directory",
      repo.dir,
    ]);
    expectNoPassword(ok.stdout, ok.stderr);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/✔ backup of "staging" written: .*staging\.dump \(\d+ bytes/);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

    const refused = cli([
      "backup",
      "--environment",
      "staging",
      "--database-url",
      urls.prod!,
      "--backup-file",
      "prod.dump",
      "--working-directory",
      repo.dir,
    ]);
    expectNoPassword(refused.stdout, refused.stderr);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'backup refused: This run is for environment "staging", but the database belongs to environment "production"',
    );
    expect(existsSync(path.join(repo.dir, "prod.dump"))).toBe(false);
  });
});
