// The built gate action (dist/gate) and CLI (dist/cli) as users run them — the runner's INPUT_*
// variables and command files, `migrate-guard gate` with its exit codes and `--json` — against real
// staging and production clusters and the GitHub API double; and the built migrate action refusing a
// production deploy while the soak is not over. Every output is searched for the database password.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { commitStatusesOf, deploymentsOf, startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { runDistAction, type DistRun } from "../support/run-dist.js";
import {
  appRepo,
  cli,
  expectNoPassword,
  snapshot,
  startEnvironmentCluster,
  TEST_PASSWORD,
  withoutMaskCommands,
  type EnvironmentCluster,
} from "../migrate/support.js";
import { ADD_BIO, deploy, finishedHoursAgo, head, stagingRepo, statusTimes } from "./support.js";

const TOKEN = "ghs_gate_token_0123456789";
let staging: EnvironmentCluster;
let production: EnvironmentCluster;
let github: GitHubApiDouble;
let stagingUrl: string;
let productionUrl: string;
let target: ProjectRepo;
let base: ProjectRepo;
let stagingDeployment: number;

beforeAll(async () => {
  [staging, production, github] = await Promise.all([startEnvironmentCluster(), startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
  base = appRepo();
  target = stagingRepo();
  [stagingUrl, productionUrl] = await Promise.all([staging.createDatabase("staging"), production.createDatabase("production")]);
  const [p, s] = await Promise.all([deploy(base, "production", productionUrl), deploy(target, "staging", stagingUrl, github)]);
  expect([p.ok, s.ok]).toEqual([true, true]);
  stagingDeployment = deploymentsOf(github.state).deployments.at(-1)!.id;
  statusTimes(github, stagingDeployment, [30, 29.9]);
});

afterAll(async () => {
  await Promise.all([staging?.stop(), production?.stop(), github?.close()]);
  target?.remove();
  base?.remove();
});

const runner = (): Record<string, string> => ({
  GITHUB_WORKSPACE: target.dir,
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_SHA: head(target),
  GITHUB_API_URL: github.url,
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_RUN_ID: "77",
  GITHUB_ACTOR: "octocat",
});

async function action(inputs: Record<string, string>, entry = "dist/gate/index.js", env: Record<string, string> = {}): Promise<DistRun> {
  const run = await runDistAction(entry, {
    env: { ...runner(), ...env },
    inputs: { "working-directory": ".", "github-token": TOKEN, ...inputs },
  });
  expectNoPassword(withoutMaskCommands(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs));
  expect(withoutMaskCommands(run.stdout) + run.stderr).not.toContain(TOKEN);
  return run;
}

const error = (run: DistRun) => (/^::error::(.*)$/m.exec(run.stdout)?.[1] ?? "").replace(/%0A/g, "\n");

describe("dist/gate", () => {
  test("wait: outputs, summary table, pending commit status; the step does not fail on wait", async () => {
    await finishedHoursAgo(staging, "staging", ADD_BIO, 23);
    const started = Date.now();
    const run = await action({ "from-database-url": stagingUrl, "to-database-url": productionUrl });
    const ms = Date.now() - started;
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe("wait");
    const remaining = Number(run.outputs["remaining-seconds"]);
    expect(remaining).toBeGreaterThan(3500);
    expect(remaining).toBeLessThanOrEqual(3600);
    expect(run.outputs["earliest-pass-at"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(JSON.parse(run.outputs.report!) as object)).toEqual([
      "decision",
      "remainingSeconds",
      "earliestPassAt",
      "reasons",
      "migrations",
    ]);
    expect(run.summary).toMatch(new RegExp(`\\| \`${ADD_BIO}\` \\| \\d{4}-[^|]+ \\| 23\\.0 \\| 1\\.0 \\| soaking \\|`));
    expect(commitStatusesOf(github.state).at(-1)).toMatchObject({
      sha: head(target),
      state: "pending",
      context: "migrate-guard/soak",
      description: "1h00m left on staging",
      targetUrl: "https://github.com/acme/shop/actions/runs/77",
    });
    expect(run.stdout.split("\n")[0]).toMatch(/^::add-mask::/);
    console.log(`dist/gate against real clusters: ${ms} ms`);
  });

  test("pass after 24h; fail-on wait fails the step while waiting", async () => {
    await finishedHoursAgo(staging, "staging", ADD_BIO, 24);
    const run = await action({ "from-database-url": stagingUrl, "to-database-url": productionUrl });
    expect([run.code, run.outputs.decision, run.outputs["remaining-seconds"]]).toEqual([0, "pass", "0"]);
    expect(commitStatusesOf(github.state).at(-1)).toMatchObject({ state: "success" });
    await finishedHoursAgo(staging, "staging", ADD_BIO, 1);
    const strict = await action({ "from-database-url": stagingUrl, "to-database-url": productionUrl, "fail-on": "wait" });
    expect(strict.code).toBe(1);
    expect(error(strict)).toMatch(/^wait: 23h00m left on staging/);
  });

  test("block: an unreachable staging database fails the step, and the URLs come from the environment too", async () => {
    const run = await action({}, "dist/gate/index.js", {
      STAGING_DATABASE_URL: `postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/staging`,
      PRODUCTION_DATABASE_URL: productionUrl,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.decision).toBe("block");
    expect(run.outputs["remaining-seconds"]).toBe("");
    expect(error(run)).toMatch(/^block for staging → production\. The staging database could not be read/);
    expect(commitStatusesOf(github.state).at(-1)).toMatchObject({ state: "failure" });
  });

  test.each([
    ["soak-hours that is not a number", { "soak-hours": "a day" }, /soak-hours is "a day". Expected a number of hours/],
    ["no staging URL", { "from-database-url": "" }, /No "staging" database URL. Pass --from-database-url URL or set STAGING_DATABASE_URL/],
    [
      "a MySQL URL",
      { "from-database-url": "mysql://app:Hunter2-mg-S3cret@db/app" },
      /--from-database-url: The database URL uses the scheme "mysql:"/,
    ],
    ["a short sha", { sha: "abc123" }, /sha is "abc123". Expected a full commit SHA/],
    [
      "an override by someone not allowed",
      { "override-reason": "hotfix", "override-actors": "alice" },
      /The override is refused, so nothing was evaluated: octocat may not override/,
    ],
    ["an override reason of only spaces", { "override-reason": "   ", "override-actors": "octocat" }, /override reason is empty/],
    ["an unknown fail-on", { "fail-on": "sometimes" }, /Input "fail-on" is "sometimes"/],
  ])("bad input, %s: a clear error and nothing read or written", async (_name, inputs, message) => {
    const mark = github.requests.length;
    const run = await action({ "from-database-url": stagingUrl, "to-database-url": productionUrl, ...inputs });
    expect(run.code).toBe(1);
    expect(error(run)).toMatch(message);
    expect(run.outputs.decision).toBeUndefined();
    expect(github.requests.slice(mark)).toEqual([]);
  });
});

describe("migrate-guard gate (dist/cli)", () => {
  const env = () => ({ STAGING_DATABASE_URL: stagingUrl, PRODUCTION_DATABASE_URL: productionUrl, GITHUB_TOKEN: "", GITHUB_SHA: "" });

  test("exit 0 on pass, 1 on wait, with the --json contract; without GitHub the schema soak alone decides", async () => {
    await finishedHoursAgo(staging, "staging", ADD_BIO, 30);
    const pass = cli(["gate", "--working-directory", target.dir, "--json"], { env: env() });
    expect(pass.code).toBe(0);
    const doc = JSON.parse(pass.stdout) as { decision: string; reasons: string[] };
    expect(Object.keys(doc)).toEqual(["decision", "remainingSeconds", "earliestPassAt", "reasons", "migrations"]);
    expect(doc.decision).toBe("pass");
    expect(doc.reasons.join("\n")).toMatch(/Code soak not checked: no GitHub token/);

    const wait = cli(["gate", "--working-directory", target.dir, "--soak-hours", "48"], { env: env() });
    expect(wait.code).toBe(1);
    expect(wait.stdout).toMatch(/^⏳ wait: 18h00m left on staging/);
    expectNoPassword(pass.stdout, pass.stderr, wait.stdout, wait.stderr);
  });

  test("exit 2 on usage errors, without reading anything", () => {
    const unknown = cli(["gate", "--soak", "1"], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--soak'/);
    const missing = cli(["gate", "--working-directory", target.dir], { env: { ...env(), PRODUCTION_DATABASE_URL: "" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No "production" database URL. Pass --to-database-url URL or set PRODUCTION_DATABASE_URL/);
    const help = cli(["gate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 pass, 1 wait or block, 2 usage or configuration error/);
  });
});

describe("dist/migrate: a production deploy runs the gate first", () => {
  test("stops on wait: refused, the production database and GitHub's deployments unchanged", async () => {
    await finishedHoursAgo(staging, "staging", ADD_BIO, 23);
    const before = await snapshot(production, "production");
    const count = deploymentsOf(github.state).deployments.length;
    const run = await action(
      {
        command: "deploy",
        environment: "production",
        confirm: "production",
        "database-url": productionUrl,
        "staging-database-url": stagingUrl,
      },
      "dist/migrate/index.js",
    );
    expect(run.code).toBe(1);
    expect(run.outputs.refused).toMatch(/^The soak gate says wait: 1h00m left on staging/);
    expect(await snapshot(production, "production")).toBe(before);
    expect(deploymentsOf(github.state).deployments).toHaveLength(count);
  });
});
