// The soak gate end to end, in process: two real PostgreSQL clusters as staging and production whose
// `_prisma_migrations` the real Prisma CLI wrote (migrate-guard deploy), staging's deploy recorded as a
// GitHub deployment in the API double and read back through the real octokit. Time moves on the servers'
// records (finished_at on staging, created_at of deployment statuses); the gate's clock is injected.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "@jest/globals";
import { getOctokit } from "@actions/github";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { toSoakJson } from "../../src/core/soak.js";
import { GateGitHub } from "../../src/gate/github.js";
import { renderGateMarkdown, renderGateText } from "../../src/gate/render.js";
import { addRetries } from "../../src/gate/retry.js";
import { runGate, type GateReport } from "../../src/gate/run.js";
import { validateGateRequest, type GateRequest } from "../../src/gate/settings.js";
import { renderMigrateMarkdown } from "../../src/migrate/render.js";
import { validateRequest } from "../../src/migrate/settings.js";
import {
  commitStatusesOf,
  DEPLOYMENT_ROUTES,
  deploymentsOf,
  startGitHubApiDouble,
  statusesOf,
  type GitHubApiDouble,
} from "../support/github-api-double.js";
import { mermaidBlocks, parseMermaid } from "../support/mermaid-parse.js";
import type { ProjectRepo } from "../support/project-repo.js";
import {
  appRepo,
  expectNoPassword,
  snapshot,
  startEnvironmentCluster,
  TEST_PASSWORD,
  type EnvironmentCluster,
} from "../migrate/support.js";
import {
  ADD_BIO,
  ADD_BIO_SQL,
  ADD_TAGS,
  ADD_TAGS_SQL,
  addStatus,
  BROKEN_SQL,
  deploy,
  finishedHoursAgo,
  stagingRepo,
  statusTimes,
  head,
} from "./support.js";

const CLOCK = new Date("2031-06-01T08:00:00Z");
let staging: EnvironmentCluster;
let production: EnvironmentCluster;
let github: GitHubApiDouble;
let stagingUrl: string;
let productionUrl: string;
let target: ProjectRepo;
let base: ProjectRepo;
let stagingDeployment: number;
const repos: ProjectRepo[] = [];
let statusCount = 0;
const sleeps: number[] = [];

beforeAll(async () => {
  [staging, production, github] = await Promise.all([startEnvironmentCluster(), startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
  github.state.tokens.set("ghs_read_only", { actor: { login: "github-actions[bot]", id: 41898282, type: "Bot" }, permission: "read" });
  base = appRepo();
  target = stagingRepo();
  repos.push(base, target);
  [stagingUrl, productionUrl] = await Promise.all([staging.createDatabase("shop_staging"), production.createDatabase("shop_production")]);
  const [p, s] = await Promise.all([deploy(base, "production", productionUrl), deploy(target, "staging", stagingUrl, github)]);
  expect([p.ok, s.ok]).toEqual([true, true]);
  stagingDeployment = deploymentsOf(github.state).deployments.at(-1)!.id;
  statusCount = deploymentsOf(github.state).statuses.length;
});

afterEach(() => {
  // Statuses a test added go; the faults it left unused too.
  deploymentsOf(github.state).statuses.splice(statusCount);
  github.state.faults.splice(0);
});

afterAll(async () => {
  await Promise.all([staging?.stop(), production?.stop(), github?.close()]);
  for (const r of repos) r.remove();
});

function gateGitHub(token = "ghs_gate", api = github): GateGitHub {
  return new GateGitHub(addRetries(getOctokit(token, { baseUrl: api.url }), { sleep: async (ms) => void sleeps.push(ms) }), {
    owner: "acme",
    repo: "shop",
  });
}

async function gate(
  request: GateRequest = {},
  options: { repo?: ProjectRepo; token?: string; actor?: string; api?: GitHubApiDouble; github?: false } = {},
): Promise<GateReport> {
  const repo = options.repo ?? target;
  const settings = validateGateRequest({
    fromDatabaseUrl: stagingUrl,
    toDatabaseUrl: productionUrl,
    sha: head(repo),
    workingDirectory: repo.dir,
    ...request,
  });
  const logger = new RecordingLogger();
  const report = await runGate(settings, {
    logger,
    clock: () => CLOCK,
    ...(options.github === false ? {} : { github: gateGitHub(options.token, options.api) }),
    ...(options.actor ? { actor: options.actor } : {}),
    runUrl: "https://github.com/acme/shop/actions/runs/9",
  });
  expectNoPassword(logger.text(), renderGateText(report), renderGateMarkdown(report), JSON.stringify(toSoakJson(report.verdict)));
  return report;
}

const lastStatus = () => commitStatusesOf(github.state).at(-1);

function repoWith(migrations: Record<string, string>): ProjectRepo {
  const r = appRepo(migrations);
  repos.push(r);
  return r;
}

describe("schema and code soak", () => {
  test("pass after 24h on staging: JSON contract, summary table, success commit status", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 24);
    statusTimes(github, stagingDeployment, [24.2, 24.1]);
    const report = await gate();
    expect(report.verdict.decision).toBe("pass");
    const json = toSoakJson(report.verdict) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["decision", "remainingSeconds", "earliestPassAt", "reasons", "migrations"]);
    expect(json).toMatchObject({ decision: "pass", remainingSeconds: 0, earliestPassAt: CLOCK.toISOString() });
    expect(json.migrations).toEqual([
      { name: ADD_BIO, appliedOnSourceAt: expect.stringMatching(/^\d{4}-/), soakedHours: expect.any(Number), status: "soaked" },
    ]);
    expect((json.migrations as { soakedHours: number }[])[0]!.soakedHours).toBeGreaterThanOrEqual(24);
    expect(renderGateMarkdown(report)).toMatch(
      new RegExp(`\\| \`${ADD_BIO}\` \\| \\d{4}-\\d\\d-\\d\\dT[^|]+ \\| 24\\.0 \\| 0\\.0 \\| soaked \\|`),
    );
    expect(lastStatus()).toMatchObject({
      sha: head(target),
      context: "migrate-guard/soak",
      state: "success",
      targetUrl: "https://github.com/acme/shop/actions/runs/9",
    });
  });

  test("wait at 23h: about an hour left by the staging server's clock, earliest pass on the gate's clock, pending status", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 23);
    statusTimes(github, stagingDeployment, [24.2, 24.1]);
    const report = await gate();
    const v = report.verdict;
    expect(v.decision).toBe("wait");
    expect(v.remainingSeconds).toBeGreaterThan(3500);
    expect(v.remainingSeconds).toBeLessThanOrEqual(3600);
    expect(v.earliestPassAt).toEqual(new Date(CLOCK.getTime() + v.remainingSeconds! * 1000));
    expect(lastStatus()).toMatchObject({ state: "pending", description: "1h00m left on staging" });
    expect(renderGateMarkdown(report)).toMatch(/\| 23\.0 \| 1\.0 \| soaking \|/);
    // The summary's gantt: 23 h soaked (done) and the hour left (active), parsed by Mermaid.
    const [chart] = mermaidBlocks(renderGateMarkdown(report));
    await expect(parseMermaid(chart!)).resolves.toBe("gantt");
    expect(chart).toContain(`  section ${ADD_BIO}\n    soaked 23h00m :done,`);
    expect(chart).toMatch(/\n {4}1h00m left :active, m0l, \d+, \d+$/);
  });

  test("the code soak counts from the staging deployment's success, and restarts after a failure status", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    statusTimes(github, stagingDeployment, [48.1, 48]);
    expect((await gate()).verdict.decision).toBe("pass");

    addStatus(github, stagingDeployment, "failure", 10);
    const blocked = (await gate()).verdict;
    expect(blocked.decision).toBe("block");
    expect(blocked.reasons.join("\n")).toMatch(/got `failure` at .*restarts at the next `success`/);
    expect(lastStatus()).toMatchObject({ state: "failure" });

    addStatus(github, stagingDeployment, "success", 2);
    const restarted = (await gate()).verdict;
    expect(restarted.decision).toBe("wait");
    expect(restarted.remainingSeconds).toBeGreaterThan(21.9 * 3600);
    expect(restarted.remainingSeconds).toBeLessThanOrEqual(22 * 3600);
    expect(restarted.reasons.join("\n")).toMatch(/restarted after deployment \d+ got `failure`/);
  });

  test("the app's own deploy to staging (another task) makes GitHub mark the migrations deployment inactive: superseded, the soak goes on", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    statusTimes(github, stagingDeployment, [48.1, 48]);
    const store = deploymentsOf(github.state);
    const deployments = store.deployments.length;
    try {
      const octokit = getOctokit("ghs_gate", { baseUrl: github.url });
      const app = await octokit.rest.repos.createDeployment({
        owner: "acme",
        repo: "shop",
        ref: head(target),
        task: "deploy",
        environment: "staging",
        auto_merge: false,
        required_contexts: [],
      });
      await octokit.rest.repos.createDeploymentStatus({
        owner: "acme",
        repo: "shop",
        deployment_id: (app.data as { id: number }).id,
        state: "success",
      });
      const inactive = statusesOf(github.state, stagingDeployment).at(-1)!;
      expect(inactive).toMatchObject({ state: "inactive" });
      inactive.createdAt = new Date(Date.now() - 3600_000); // the double's own clock is in 2024: an hour ago, after the success
      const report = await gate();
      expect(report.verdict.decision).toBe("pass");
      expect(report.verdict.reasons.join("\n")).toMatch(
        /superseded since .*\(`inactive`: a newer deployment to staging succeeded\), which does not end the soak/,
      );
    } finally {
      store.deployments.splice(deployments);
    }
  });

  test("the target's migrations are read from git when another commit is checked out; an unknown target is refused", async () => {
    const parent = target.git("rev-parse", "HEAD~1"); // before add_bio was committed
    const report = await gate({ sha: parent }, { github: false });
    expect(report.verdict).toMatchObject({ decision: "pass", migrations: [] });
    await expect(gate({ sha: "f".repeat(40) }, { github: false })).rejects.toThrow(
      /The target f{40} is neither checked out in .* nor in its git history/,
    );
  });

  test("nothing pending on production passes with that reason", async () => {
    const report = await gate({}, { repo: base });
    expect(report.verdict).toMatchObject({ decision: "pass", migrations: [] });
    expect(report.verdict.reasons[0]).toMatch(/Nothing to promote/);
  });
});

describe("blocks", () => {
  test("a pending migration that never ran on staging: never skip staging", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    statusTimes(github, stagingDeployment, [48.1, 48]);
    const report = await gate({}, { repo: repoWith({ [ADD_BIO]: ADD_BIO_SQL, [ADD_TAGS]: ADD_TAGS_SQL }) });
    expect(report.verdict.decision).toBe("block");
    expect(report.verdict.migrations.map((m) => [m.name, m.status])).toEqual([
      [ADD_BIO, "soaked"],
      [ADD_TAGS, "missing"],
    ]);
    expect(report.verdict.reasons.join("\n")).toMatch(/20250104000000_add_tags was never applied on staging: never skip staging/);
    expect(lastStatus()).toMatchObject({ state: "failure", description: expect.stringMatching(/^Blocked: /) });
  });

  test("a migration file that differs from what staging ran (checksum)", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    const report = await gate({}, { repo: repoWith({ [ADD_BIO]: `-- edited after staging\n${ADD_BIO_SQL}` }) });
    expect(report.verdict.decision).toBe("block");
    expect(report.verdict.migrations[0]).toMatchObject({ status: "checksum-mismatch" });
    expect(report.verdict.reasons.join("\n")).toMatch(/applied from a different file/);
  });

  test("a migration that failed on staging (written by Prisma)", async () => {
    const broken = repoWith({ [ADD_BIO]: BROKEN_SQL });
    const url = await staging.createDatabase("broken_staging");
    const deployed = await deploy(broken, "staging", url);
    expect(deployed.ok).toBe(false);
    const report = await gate({ fromDatabaseUrl: url }, { repo: broken, github: false });
    expect(report.verdict.decision).toBe("block");
    expect(report.verdict.migrations[0]).toMatchObject({ name: ADD_BIO, status: "failed" });
    expect(report.verdict.reasons.join("\n")).toMatch(/failed on staging .*never finished/);
    expect(report.verdict.reasons.join("\n")).toMatch(/Code soak not checked: no GitHub token/);
  });

  test("an unreachable staging database blocks, never passes, and shows no password", async () => {
    const report = await gate({ fromDatabaseUrl: `postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/shop_staging` });
    expect(report.verdict.decision).toBe("block");
    expect(report.verdict.reasons[0]).toMatch(
      /staging database could not be read.*Could not reach PostgreSQL at 127\.0\.0\.1:1\/shop_staging/,
    );
    const nothing = await gate(
      { fromDatabaseUrl: `postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/shop_staging` },
      { repo: base },
    );
    expect(nothing.verdict.decision).toBe("block");
  });

  test("URLs swapped: the staging URL points at the production database (its stamp says so)", async () => {
    const report = await gate({ fromDatabaseUrl: productionUrl, toDatabaseUrl: stagingUrl }, { repo: base, github: false });
    expect(report.verdict.decision).toBe("block");
    expect(report.verdict.reasons.join("\n")).toMatch(/belongs to environment "production" \(its migrate-guard stamp\), not "staging"/);
  });
});

describe("override", () => {
  test("accepted from an allowed actor: pass, recorded in the commit status and the summary", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 3);
    statusTimes(github, stagingDeployment, [3.1, 3]);
    const report = await gate({ overrideReason: "  hotfix for INC-42 ", overrideActors: "bob, @Alice" }, { actor: "alice" });
    expect(report.verdict).toMatchObject({
      decision: "pass",
      decisionWithoutOverride: "wait",
      override: { actor: "alice", reason: "hotfix for INC-42" },
    });
    expect(lastStatus()).toMatchObject({ state: "success", description: "Override by alice: hotfix for INC-42" });
    expect(renderGateMarkdown(report)).toMatch(/\| Override \| by \*\*alice\*\* \(the gate said wait\): hotfix for INC-42 \|/);
  });

  test("accepted, but it cannot cover an unreachable staging or production database: block, failure status, and the report says why", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 3);
    statusTimes(github, stagingDeployment, [3.1, 3]);
    const unreachable = (name: string) => `postgresql://app:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:1/${name}`;
    const override = { overrideReason: "hotfix for INC-42", overrideActors: "alice" };
    for (const [request, first] of [
      [
        { fromDatabaseUrl: unreachable("shop_staging") },
        /^The staging database could not be read.*Could not reach PostgreSQL at 127\.0\.0\.1:1\/shop_staging/,
      ],
      [
        { toDatabaseUrl: unreachable("shop_production") },
        /^The production database could not be read, so what is pending there is unknown/,
      ],
    ] as const) {
      const report = await gate({ ...override, ...request }, { actor: "alice" });
      expect(report.verdict).toMatchObject({ decision: "block", decisionWithoutOverride: "block", remainingSeconds: null });
      expect(report.verdict.override).toBeUndefined();
      expect(report.verdict.reasons[0]).toMatch(first);
      expect(report.verdict.reasons.at(-1)).toMatch(
        /^The override by alice \("hotfix for INC-42"\) is not applied: it cannot cover the block above, so the gate still blocks\./,
      );
      expect(lastStatus()).toMatchObject({
        state: "failure",
        description: expect.stringMatching(/^Blocked: The (staging|production) database could not be read/),
      });
      expect(renderGateMarkdown(report)).not.toMatch(/\| Override \|/);
    }
  });

  test.each([
    [
      "an actor not on the list",
      { overrideReason: "hotfix", overrideActors: "bob" },
      "mallory",
      /mallory may not override the soak gate: only bob may/,
    ],
    ["a reason of only spaces", { overrideReason: "   ", overrideActors: "alice" }, "alice", /override reason is empty/],
    ["no allowlist", { overrideReason: "hotfix" }, "alice", /override-actors is empty/],
  ])("refused for %s: a configuration error, nothing read, no status", async (_name, request, actor, message) => {
    const before = commitStatusesOf(github.state).length;
    const mark = github.requests.length;
    await expect(gate(request, { actor })).rejects.toThrow(ConfigurationError);
    await expect(gate(request, { actor })).rejects.toThrow(message);
    expect(commitStatusesOf(github.state)).toHaveLength(before);
    expect(github.requests.slice(mark)).toEqual([]);
  });
});

describe("GitHub faults", () => {
  test("403 on the commit status names `statuses: write`; 403 on the deployments names `deployments: read` and blocks", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    statusTimes(github, stagingDeployment, [48.1, 48]);
    const readOnly = await gate({}, { token: "ghs_read_only" });
    expect(readOnly.verdict.decision).toBe("pass");
    expect(readOnly.statusError).toMatch(
      /GitHub refused to set the commit status migrate-guard\/soak .*403.*`permissions: statuses: write`/,
    );

    github.state.faults.push({
      method: "GET",
      path: "/repos/acme/shop/deployments",
      status: 403,
      message: "Resource not accessible by integration",
      times: Infinity,
    });
    const forbidden = await gate();
    expect(forbidden.verdict.decision).toBe("block");
    expect(forbidden.verdict.reasons.join("\n")).toMatch(
      /could not be read from GitHub .*403: Resource not accessible by integration.*`permissions: deployments: read`/,
    );
  });

  test("a 502 and a rate limit are retried (bounded, honouring Retry-After) and then succeed", async () => {
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
    statusTimes(github, stagingDeployment, [48.1, 48]);
    sleeps.splice(0);
    github.state.faults.push({ method: "GET", path: "/repos/acme/shop/deployments", status: 502, message: "Server Error" });
    // The first statuses request meets GitHub's rate limit (Retry-After: 7); later ones get the real answer.
    const real = DEPLOYMENT_ROUTES.find((r) => r.method === "GET" && r.path.endsWith("/statuses"))!;
    let limited = 0;
    github.route({
      method: "GET",
      path: real.path,
      handler: (ctx) =>
        limited++ === 0
          ? {
              status: 403,
              body: { message: "API rate limit exceeded for installation.", documentation_url: "https://docs.github.com/rest" },
              headers: { "retry-after": "7", "x-ratelimit-remaining": "0" },
            }
          : real.handler(ctx),
    });
    const mark = github.requests.length;
    const report = await gate();
    expect(report.verdict.decision).toBe("pass");
    const calls = github.requests.slice(mark).map((r) => `${r.method} ${r.path.replace(/\d+/g, "N")} ${r.status}`);
    expect(calls.slice(0, 2)).toEqual(["GET /repos/acme/shop/deployments 502", "GET /repos/acme/shop/deployments 200"]);
    expect(calls).toContain("GET /repos/acme/shop/deployments/N/statuses 403");
    expect(sleeps).toEqual([1000, 7000]);
  });

  test("more than 100 deployments: every page is read", async () => {
    const api = await startGitHubApiDouble();
    try {
      api.state.addRepository("acme", "shop");
      await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 48);
      const covering = deploymentsOf(github.state).deployments.find((d) => d.id === stagingDeployment)!;
      const store = deploymentsOf(api.state);
      const push = (payload: unknown, hoursAgo: number) => {
        const id = api.state.newId();
        const createdAt = new Date(Date.now() - hoursAgo * 3600_000);
        store.deployments.push({ ...covering, id, payload, createdAt, updatedAt: createdAt, sha: "0".repeat(40) });
        store.statuses.push({
          ...statusesOf(github.state, stagingDeployment).at(-1)!,
          id: api.state.newId(),
          deploymentId: id,
          state: "success",
          createdAt,
        });
      };
      push(covering.payload, 40); // the one that carried add_bio: oldest, so on the last page
      for (let i = 0; i < 150; i++) push({ ...(covering.payload as object), migrations: [] }, 30 - i / 10);
      const report = await gate({}, { api });
      expect(report.verdict.decision).toBe("pass");
      const pages = api.requests.filter((r) => r.path === "/repos/acme/shop/deployments").map((r) => r.query.page ?? "1");
      expect(pages).toEqual(["1", "2"]);
      expect(api.requests.filter((r) => r.path.endsWith("/statuses") && r.method === "GET")).toHaveLength(151);
    } finally {
      await api.close();
    }
  });
});

describe("deploy to production runs the gate first", () => {
  // Production databases holding the base migrations: copies of one that Prisma deployed (a template).
  beforeAll(async () => {
    expect((await deploy(base, "production", await production.createDatabase("prod_template"))).ok).toBe(true);
  });
  async function productionWithBase(name: string): Promise<string> {
    await production.query("postgres", `CREATE DATABASE ${name} TEMPLATE prod_template OWNER app`);
    return production.url(name);
  }

  test("without a staging URL it is refused before anything is read; soak-gate off is the explicit opt-out", () => {
    expect(() =>
      validateRequest({
        command: "deploy",
        environment: "production",
        confirm: "production",
        databaseUrl: productionUrl,
        workingDirectory: target.dir,
      }),
    ).toThrow(
      /A production deploy runs the soak gate first, and it needs the staging database URL: set `staging-database-url`.*`soak-gate: off`/,
    );
    expect(() =>
      validateRequest({
        command: "deploy",
        environment: "production",
        confirm: "production",
        databaseUrl: productionUrl,
        gate: { soakGate: "maybe" },
      }),
    ).toThrow(/soak-gate is "maybe"/);
    expect(validateRequest({ command: "deploy", environment: "staging", databaseUrl: stagingUrl }).gate).toBeUndefined();
  });

  test("stops on wait: refused, nothing changed, no deployment record; deploys once soaked, the gate in its record", async () => {
    const url = await productionWithBase("prod_wait");
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 23);
    statusTimes(github, stagingDeployment, [24.2, 24.1]);
    const before = await snapshot(production, "prod_wait");
    const count = deploymentsOf(github.state).deployments.length;
    const gateSettings = { stagingDatabaseUrl: stagingUrl, soakHours: "24" };

    const waiting = await deploy(target, "production", url, github, { gate: gateSettings });
    expect(waiting).toMatchObject({
      ok: false,
      refused: expect.stringMatching(/^The soak gate says wait: 1h00m left on staging \(earliest /),
    });
    expect(await snapshot(production, "prod_wait")).toBe(before);
    expect(deploymentsOf(github.state).deployments).toHaveLength(count);
    expectNoPassword(JSON.stringify(waiting));

    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 25);
    const passed = await deploy(target, "production", url, github, { gate: gateSettings });
    expect(passed).toMatchObject({ ok: true, appliedNow: [{ name: ADD_BIO }] });
    const record = deploymentsOf(github.state).deployments.at(-1)!;
    expect(record).toMatchObject({ environment: "production", task: "deploy:migrations" });
    expect(record.payload).toMatchObject({ soakGate: { decision: "pass", soakHours: 24, from: "staging" } });
  });

  test("an accepted override deploys and is recorded in the payload, the status description and the summary", async () => {
    const url = await productionWithBase("prod_override");
    await finishedHoursAgo(staging, "shop_staging", ADD_BIO, 2);
    const report = await deploy(target, "production", url, github, {
      gate: { stagingDatabaseUrl: stagingUrl, overrideReason: "INC-7 hotfix, approved by @lead", overrideActors: "deployer" },
    });
    expect(report.ok).toBe(true);
    const record = deploymentsOf(github.state).deployments.at(-1)!;
    expect(record.payload).toMatchObject({
      soakGate: { decision: "pass", override: { actor: "deployer", reason: "INC-7 hotfix, approved by @lead", gateSaid: "wait" } },
    });
    expect(statusesOf(github.state, record.id).at(-1)!.description).toMatch(
      /soak gate overridden by deployer \(it said wait\): INC-7 hotfix/,
    );
    expect(renderMigrateMarkdown(report)).toMatch(
      /\| Soak gate \| soak gate overridden by deployer \(it said wait\): INC-7 hotfix, approved by @lead \|/,
    );

    const refused = await deploy(target, "production", await productionWithBase("prod_refused"), github, {
      gate: { stagingDatabaseUrl: stagingUrl, overrideReason: "because", overrideActors: "someone-else" },
    });
    expect(refused.refused).toMatch(/override is refused: deployer may not override/);
  });

  test("soak-gate off deploys production and says so in the record", async () => {
    const url = await productionWithBase("prod_off");
    const report = await deploy(target, "production", url, github, { gate: { soakGate: "off" } });
    expect(report.ok).toBe(true);
    expect(deploymentsOf(github.state).deployments.at(-1)!.payload).toMatchObject({ soakGate: { skipped: "soak-gate: off" } });
  });
});
