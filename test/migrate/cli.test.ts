// `migrate-guard status|deploy|resolve` as a user runs them (the built bin): the exit-code contract
// (0 success, 1 refused or failed, 2 usage or configuration), --json, DATABASE_URL, refusals of the
// commands migrate-guard never runs, and a password that appears in no output.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, cli, expectNoPassword, snapshot, startEnvironmentCluster, TEST_PASSWORD, type EnvironmentCluster } from "./support.js";

let env: EnvironmentCluster;
let repo: ProjectRepo;
let url: string;

beforeAll(async () => {
  env = await startEnvironmentCluster();
  repo = appRepo();
  url = await env.createDatabase("cli");
});
afterAll(async () => {
  await env?.stop();
  repo?.remove();
});

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const result = cli(args, { cwd: repo.dir, env: extraEnv });
  expectNoPassword(result.stdout, result.stderr);
  return result;
}

describe("migrate-guard status | deploy | resolve", () => {
  test("status, deploy and status again with DATABASE_URL; --json is the documented document", () => {
    const before = run(["status", "--environment", "staging", "--json"], { DATABASE_URL: url });
    expect(before.code).toBe(0);
    const doc = JSON.parse(before.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).slice(0, 7)).toEqual(["ok", "environment", "pending", "applied", "failed", "checksumMismatch", "refused"]);
    expect(doc).toMatchObject({
      ok: true,
      environment: "staging",
      pending: ["20250101000000_create_users", "20250102000000_add_posts"],
      applied: [],
      failed: [],
      checksumMismatch: [],
      refused: null,
    });

    const deploy = run(["deploy", "--environment", "staging", "--database-url", url]);
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/^✔ 2 migrations applied to "staging"/);
    expect(deploy.stdout).toMatch(/identity\s+"staging", stamped .* by this run/);
    expect(deploy.stderr).toContain("prisma: All migrations have been successfully applied.");

    const after = JSON.parse(run(["status", "--environment", "staging", "--json", "--database-url", url]).stdout) as {
      pending: string[];
      applied: { name: string; checksum: string; finishedAt: string; durationMs: number }[];
    };
    expect(after.pending).toEqual([]);
    expect(after.applied.map((a) => a.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
    expect(after.applied[0]).toEqual({
      name: "20250101000000_create_users",
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      finishedAt: expect.stringMatching(/Z$/),
      durationMs: expect.any(Number),
    });
  });

  test("a refusal exits 1 and says why; --json carries the reason", async () => {
    const before = await snapshot(env, "cli");
    const refused = run([
      "deploy",
      "--environment",
      "production",
      "--confirm",
      "production",
      "--database-url",
      url,
      "--staging-database-url",
      url,
      "--json",
    ]);
    expect(refused.code).toBe(1);
    const doc = JSON.parse(refused.stdout) as { ok: boolean; refused: string };
    expect(doc.ok).toBe(false);
    expect(doc.refused).toMatch(/belongs to environment "staging"/);
    const resolve = run([
      "resolve",
      "--environment",
      "staging",
      "--rolled-back",
      "20250101000000_create_users",
      "--confirm",
      "20250101000000_create_users",
      "--database-url",
      url,
    ]);
    expect(resolve.code).toBe(1);
    expect(resolve.stdout).toMatch(/refused: --rolled-back is only for a migration in the failed state/);
    expect(await snapshot(env, "cli")).toBe(before);
  });

  test.each([
    [["deploy", "--environment", "qa", "--database-url", "postgresql://app:x@127.0.0.1:1/app"], /Unknown environment "qa"/],
    [["deploy", "--environment", "staging"], /No database URL. Pass --database-url or set DATABASE_URL/],
    [["deploy", "--environment", "production", "--database-url", "postgresql://app:x@127.0.0.1:1/app"], /must be confirmed/],
    [["status", "--environment", "staging", "--confirm", "staging"], /Unknown option '--confirm'/],
    [["status", "--environment", "staging", "--rolled-back", "x"], /Unknown option '--rolled-back'/],
    [
      [
        "resolve",
        "--environment",
        "staging",
        "--applied",
        "../x",
        "--confirm",
        "../x",
        "--database-url",
        "postgresql://app:x@127.0.0.1:1/app",
      ],
      /not a migration name/,
    ],
    [["reset"], /"reset" is refused: `prisma migrate reset` drops the database's schema and every row in it/],
    [["db-push"], /"db-push" is refused/],
    [["dev"], /"dev" is refused: `prisma migrate dev`/],
  ])("usage and configuration errors exit 2: %j", (args, message) => {
    const result = run(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test("a wrong password, a closed port and an unknown database exit 1 with what to fix, never the password", () => {
    const cases: [string, RegExp][] = [
      [
        env.url("cli").replace(encodeURIComponent(TEST_PASSWORD), encodeURIComponent(`${TEST_PASSWORD}-wrong`)),
        /rejected the credentials .*password authentication failed for user "app".*Check the user and password/,
      ],
      [
        `postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/cli`,
        /Could not reach PostgreSQL at 127.0.0.1:1\/cli as user "app" \(ECONNREFUSED\)/,
      ],
      [env.url("no_such_db"), /has no such database .*never creates an environment's database/],
    ];
    for (const [target, message] of cases) {
      const result = run(["status", "--environment", "staging", "--database-url", target]);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(message);
    }
  });

  test("--help prints the command's options and exits 0", () => {
    const help = run(["resolve", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--rolled-back NAME");
    expect(run(["--help"]).stdout).toMatch(/deploy\s+apply an environment's pending migrations/);
  });
});
