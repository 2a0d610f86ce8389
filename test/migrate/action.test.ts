// The built migrate action (dist/migrate) run as the Actions runner runs it, against real PostgreSQL,
// the real Prisma CLI and the GitHub API double: a deploy with its deployment record, summary and
// outputs; a status that records nothing; the post step closing an abandoned deployment; and more than
// twenty kinds of bad input, each refused with a clear error while nothing changes — no database write,
// no deployment record. Every output is searched for the database password.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { deploymentsOf, startGitHubApiDouble, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { nodeBinaries, runDistAction, type DistRun } from "../support/run-dist.js";
import { appRepo, expectNoPassword, snapshot, startEnvironmentCluster, withoutMaskCommands, type EnvironmentCluster } from "./support.js";

const SHA = "fedcba9876543210fedcba9876543210fedcba98";
const TOKEN = "ghs_migrate_token_0123456789";
let env: EnvironmentCluster;
let github: GitHubApiDouble;
let repo: ProjectRepo;
/** Stamped staging, two migrations applied; the repository has a third, pending one. */
let guarded: string;

beforeAll(async () => {
  [env, github] = await Promise.all([startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
  repo = appRepo();
  guarded = await env.createDatabase("guarded");
  const first = await action({ command: "deploy", environment: "staging", "database-url": guarded });
  expect(first.code).toBe(0);
  repo.write("prisma/migrations/20250103000000_add_bio/migration.sql", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`);
  repo.commitAll("pending migration");
});

afterAll(async () => {
  await Promise.all([env?.stop(), github?.close()]);
  repo?.remove();
});

function runnerEnv(): Record<string, string> {
  return {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_SHA: SHA,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    GITHUB_ACTOR: "octocat",
    GITHUB_TRIGGERING_ACTOR: "hubot",
  };
}

async function action(
  inputs: Record<string, string>,
  options: { node?: string; env?: Record<string, string>; entry?: string; state?: Record<string, string> } = {},
): Promise<DistRun> {
  const run = await runDistAction(options.entry ?? "dist/migrate/index.js", {
    ...(options.node ? { node: options.node } : {}),
    ...(options.state ? { state: options.state } : {}),
    env: { ...runnerEnv(), ...options.env },
    inputs: { "working-directory": ".", "github-token": TOKEN, ...inputs },
  });
  // The runner masks what ::add-mask:: registers; everything else must be clean by itself.
  expectNoPassword(withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs));
  expect(withoutMaskCommands(run.stdout) + run.stderr).not.toContain(TOKEN);
  return run;
}

const deployments = () => deploymentsOf(github.state).deployments;

describe.each(nodeBinaries())("dist/migrate under %s", ({ path: node }) => {
  test("deploy: applies, records a deployment in_progress → success, writes the summary and outputs", async () => {
    const url = await env.createDatabase(`deploy_${deployments().length}`);
    const before = deployments().length;
    const run = await action({ command: "deploy", environment: "staging", "database-url": url, "slow-migration-seconds": "30" }, { node });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      ok: "true",
      "applied-count": "3",
      "pending-count": "0",
      failed: "",
      refused: "",
      "backup-file": "",
    });
    const report = JSON.parse(run.outputs.report!) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 7)).toEqual(["ok", "environment", "pending", "applied", "failed", "checksumMismatch", "refused"]);
    expect(report).toMatchObject({ ok: true, environment: "staging", pending: [], failed: [], checksumMismatch: [], refused: null });
    expect(
      (report.applied as { name: string; checksum: string; finishedAt: string; durationMs: number }[]).map((a) => Object.keys(a)),
    ).toEqual([
      ["name", "checksum", "finishedAt", "durationMs"],
      ["name", "checksum", "finishedAt", "durationMs"],
      ["name", "checksum", "finishedAt", "durationMs"],
    ]);

    expect(deployments()).toHaveLength(before + 1);
    const deployment = deployments().at(-1)!;
    expect(run.outputs["deployment-id"]).toBe(String(deployment.id));
    expect(deployment).toMatchObject({
      ref: SHA,
      task: "deploy:migrations",
      environment: "staging",
      creator: { login: "github-actions[bot]" },
    });
    expect(deployment.payload).toMatchObject({
      actor: "hubot",
      runUrl: "https://github.com/acme/shop/actions/runs/4242",
      migrations: expect.arrayContaining([expect.objectContaining({ name: "20250103000000_add_bio" })]),
    });
    expect(statusesOf(github.state, deployment.id).map((s) => [s.state, s.logUrl])).toEqual([
      ["in_progress", "https://github.com/acme/shop/actions/runs/4242"],
      ["success", "https://github.com/acme/shop/actions/runs/4242"],
    ]);
    // The job summary: who, what, when, how long, and the SQL that was pending.
    expect(run.summary).toMatch(/\| Who \| hubot \|/);
    expect(run.summary).toMatch(/\| When \| \d{4}-\d\d-\d\dT/);
    expect(run.summary).toMatch(/\| How long \| [\d.]+ (ms|s) \|/);
    expect(run.summary).toContain(`[#${deployment.id}](https://github.com/acme/shop/deployments/staging)`);
    expect(run.summary).toContain(`ALTER TABLE "User" ADD COLUMN "bio" TEXT;`);
    // The linter ran in the bundle (its SQL parser is a WASM file next to it).
    expect(run.summary).toMatch(/<code>20250103000000_add_bio<\/code> — (lint: no findings|\d+ findings?)<\/summary>/);
    expect(run.stdout).not.toContain("linter failed");
    expect(run.summary).toMatch(/Applied by this run \(3\)/);
    // The password was registered for masking before anything else was printed.
    expect(run.stdout.split("\n")[0]).toMatch(/^::add-mask::/);
    expect(run.state.deployment).toBe("");
  });
});

describe("dist/migrate", () => {
  test("status records no deployment and reports the pending migration", async () => {
    const before = deployments().length;
    const mark = github.requests.length;
    const run = await action({ command: "status", environment: "staging", "database-url": guarded, "stats-file": "out/not-written.json" });
    expect(run.code).toBe(0);
    // stats-file is for production deploys only.
    expect(run.outputs).toMatchObject({ ok: "true", "pending-count": "1", "deployment-id": "", "stats-file": "" });
    expect(deployments()).toHaveLength(before);
    expect(github.requests.slice(mark)).toEqual([]);
  });

  test("a production deploy is marked as production on GitHub and in the stamp", async () => {
    const url = await env.createDatabase("prod");
    const run = await action({
      command: "deploy",
      environment: "Production",
      confirm: "production",
      "soak-gate": "off",
      "database-url": url,
      "stats-file": "out/stats.json",
    });
    expect(run.code).toBe(0);
    expect(deployments().at(-1)).toMatchObject({ environment: "Production", production: true });
    // stats-file: the table sizes right after the production deploy, for lint and verify --stats.
    expect(run.outputs["stats-file"]).toBe(`${repo.dir}/out/stats.json`);
    const stats = JSON.parse(readFileSync(run.outputs["stats-file"]!, "utf8"));
    expect(stats).toMatchObject({ environment: "Production", server: expect.stringMatching(/^\d+$/) });
    expect(stats.tables.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["User", "Post", "_prisma_migrations"]));
    expect(await env.query("prod", "SELECT name, production FROM migrate_guard.environment")).toEqual([
      { name: "Production", production: true },
    ]);
  });

  test("the post step closes a deployment the main step left in progress, and does nothing otherwise", async () => {
    const created = await fetch(`${github.url}/repos/acme/shop/deployments`, {
      method: "POST",
      headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ref: SHA, required_contexts: [], environment: "staging", task: "deploy:migrations" }),
    });
    const { id } = (await created.json()) as { id: number };
    const post = await action(
      {},
      { entry: "dist/migrate/post.js", state: { deployment: JSON.stringify({ id, owner: "acme", repo: "shop", environment: "staging" }) } },
    );
    expect(post.code).toBe(0);
    expect(statusesOf(github.state, id).map((s) => s.state)).toEqual(["error"]);
    expect(statusesOf(github.state, id)[0]!.description).toMatch(/ended without reporting/);
    const idle = await action({}, { entry: "dist/migrate/post.js", state: { deployment: "" } });
    expect(idle.code).toBe(0);
    expect(statusesOf(github.state, id)).toHaveLength(1);
  });

  test("a final status GitHub could not take keeps the deployment for the post step, which closes it", async () => {
    const url = await env.createDatabase("unclosed");
    // The in_progress status goes through; the final one fails every retry.
    github.state.faults.push({
      method: "POST",
      path: /^\/repos\/acme\/shop\/deployments\/\d+\/statuses$/,
      status: 500,
      message: "Server Error",
      after: 1,
      times: Infinity,
    });
    let run: DistRun;
    try {
      run = await action({ command: "deploy", environment: "staging", "database-url": url });
    } finally {
      github.state.faults.length = 0;
    }
    expect(run.code).toBe(0); // the migrations were applied; only the record is incomplete
    expect(run.stdout).toMatch(/::warning::Could not set the final status of GitHub deployment \d+/);
    const id = deployments().at(-1)!.id;
    expect(statusesOf(github.state, id).map((s) => s.state)).toEqual(["in_progress"]);
    expect(JSON.parse(run.state.deployment!)).toMatchObject({ id, owner: "acme", repo: "shop", environment: "staging" });
    const post = await action({}, { entry: "dist/migrate/post.js", state: { deployment: run.state.deployment! } });
    expect(post.code).toBe(0);
    expect(statusesOf(github.state, id).map((s) => s.state)).toEqual(["in_progress", "error"]);
  });
});

const PENDING = "20250103000000_add_bio";
const APPLIED = "20250101000000_create_users";
/** [name, inputs, expected error] — each must leave the database and the deployments untouched. */
const BAD_INPUTS: [string, Record<string, string>, RegExp][] = [
  ["no command", { command: "" }, /Unknown command ""/],
  ["an unknown command", { command: "migrate" }, /Unknown command "migrate". Expected one of: status, deploy, resolve/],
  ["migrate reset", { command: "migrate reset" }, /"migrate reset" is refused: `prisma migrate reset` drops the database's schema/],
  ["db push", { command: "db push" }, /"db push" is refused: `prisma db push` changes the schema without a migration/],
  ["migrate dev", { command: "dev" }, /"dev" is refused: `prisma migrate dev`/],
  ["no environment", { environment: "" }, /No environment/],
  ["an unknown environment", { environment: "prod" }, /Unknown environment "prod". Expected one of: staging, production/],
  [
    "an environment outside the configured list",
    { environments: "qa, uat", "production-environments": "live" },
    /Unknown environment "staging". Expected one of: qa, uat, live/,
  ],
  ["a control character in the environment", { environment: "staging\r\n::error::forged" }, /not a valid environment name/],
  ["no database URL", { "database-url": "" }, /No database URL/],
  [
    "a database URL that is not a URL",
    { "database-url": "app:Hunter2-mg-S3cret@localhost/app" },
    /The database URL is not a valid URL \(it is not shown/,
  ],
  [
    "a MySQL URL",
    { "database-url": "mysql://app:Hunter2-mg-S3cret@localhost/app" },
    /scheme "mysql:", but migrate-guard works with PostgreSQL only/,
  ],
  ["a URL without a database", { "database-url": "postgresql://app:Hunter2-mg-S3cret@127.0.0.1:5432" }, /names no database/],
  [
    "production without confirm",
    { environment: "production" },
    /production environment "production" must be confirmed: set confirm \(--confirm\) to "production"; no confirmation was given/,
  ],
  ["production with the wrong confirm", { environment: "production", confirm: "yes" }, /the confirmation was "yes"/],
  [
    "a production job without the staging URL for the soak gate",
    { environment: "production", confirm: "production" },
    /A production deploy runs the soak gate first, and it needs the staging database URL/,
  ],
  [
    "a production job holding the staging URL",
    { environment: "production", confirm: "production", "soak-gate": "off" },
    /run is for environment "production", but the database belongs to environment "staging"/,
  ],
  ["resolve without --rolled-back or --applied", { command: "resolve" }, /resolve needs --rolled-back NAME/],
  ["resolve with both", { command: "resolve", "rolled-back": PENDING, applied: PENDING, confirm: PENDING }, /not both/],
  [
    "path traversal in the migration name",
    { command: "resolve", "rolled-back": "../../../etc/passwd", confirm: "../../../etc/passwd" },
    /--rolled-back "..\/..\/..\/etc\/passwd" is not a migration name/,
  ],
  [
    "a path as migration name",
    { command: "resolve", applied: "prisma/migrations", confirm: "prisma/migrations" },
    /--applied "prisma\/migrations" is not a migration name/,
  ],
  [
    "resolve unconfirmed",
    { command: "resolve", "rolled-back": PENDING },
    /confirm \(--confirm\) to the migration's name, "20250103000000_add_bio"; no confirmation was given/,
  ],
  [
    "resolve with the wrong confirmation",
    { command: "resolve", applied: PENDING, confirm: "20250103000000_add_bi" },
    /the confirmation was "20250103000000_add_bi"/,
  ],
  [
    "--rolled-back of an applied migration",
    { command: "resolve", "rolled-back": APPLIED, confirm: APPLIED },
    /--rolled-back is only for a migration in the failed state, and "20250101000000_create_users" is not: it is applied/,
  ],
  [
    "--rolled-back of a pending migration",
    { command: "resolve", "rolled-back": PENDING, confirm: PENDING },
    /"20250103000000_add_bio" is not: it is pending \(never started on this database\).*"staging" has no failed migration/,
  ],
  [
    "--applied of a migration the repository does not have",
    { command: "resolve", applied: "20990101000000_nope", confirm: "20990101000000_nope" },
    /--applied 20990101000000_nope: there is no migration of that name/,
  ],
  [
    "--applied of an applied migration",
    { command: "resolve", applied: APPLIED, confirm: APPLIED },
    /"20250101000000_create_users" is already applied on "staging"/,
  ],
  ["--rolled-back on deploy", { "rolled-back": PENDING }, /belong to the resolve command, not to deploy/],
  ["an invalid slow-migration-seconds", { "slow-migration-seconds": "-1" }, /slow-migration-seconds is "-1". Expected a positive number/],
  ["an invalid lock-timeout-seconds", { "lock-timeout-seconds": "soon" }, /lock-timeout-seconds is "soon"/],
  ["an invalid backup flag", { backup: "yes" }, /Input "backup" is "yes". Expected true or false/],
  ["an invalid deployment flag", { deployment: "maybe" }, /Input "deployment" is "maybe"/],
  [
    "no GitHub token for the deployment record",
    { "github-token": "" },
    /Input "github-token" is empty, but deploy and resolve are recorded as GitHub deployments/,
  ],
  [
    "a token that may not create deployments",
    { "github-token": "ghs_read_only_token" },
    /could not be recorded as a GitHub deployment, so nothing was changed. GitHub refused .*403.*deployments: write/,
  ],
  ["a missing working directory", { "working-directory": "apps/missing" }, /Working directory ".*apps\/missing" does not exist/],
];

describe("bad input: a clear error, a failed step, nothing changed", () => {
  beforeAll(() => {
    github.state.tokens.set("ghs_read_only_token", {
      actor: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      permission: "read",
    });
  });

  test.each(BAD_INPUTS)("%s", async (_name, overrides, message) => {
    const before = await snapshot(env, "guarded");
    const count = deployments().length;
    const mark = github.requests.length;
    const run: DistRun = await action({ command: "deploy", environment: "staging", "database-url": guarded, ...overrides });
    expect(run.code).toBe(1);
    const error = /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? "";
    expect(error.replace(/%0A/g, "\n")).toMatch(message);
    expect(await snapshot(env, "guarded")).toBe(before);
    expect(deployments()).toHaveLength(count);
    expect(github.requests.slice(mark).filter((r) => r.method !== "GET" && r.status < 400)).toEqual([]);
  });

  test("there are more than twenty of them", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(20);
  });
});
