// Production's PostgreSQL major for `postgres-version: production`: an explicit input, a `migrate-guard
// stats` file (hostile files are configuration errors naming the file, never crashes), and the newest
// migrate-guard deploy's GitHub deployment (read through the real octokit from the GitHub API double).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { getOctokit } from "@actions/github";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { majorFromProductionDeploys } from "../../src/actions/verify/production-deploy.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { majorFromDeployPayloads, majorOf } from "../../src/core/postgres-major.js";
import { majorFromStatsFile, productionMajor } from "../../src/postgres/production-major.js";
import { startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "mg-prod-major-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const f = path.join(tmp, name);
  writeFileSync(f, content);
  return f;
};

test("majorOf reads the ways a version is written", () => {
  expect(["16", "16.4", 16, " 14 ", "15.18 (Debian 15.18-0+deb12u1)", "PostgreSQL 17.5 on x86_64", "18beta1"].map(majorOf)).toEqual([
    16, 16, 16, 14, 15, 17, 18,
  ]);
  expect(["", "latest", "16;rm", "1", "1000", null, {}, "x16"].map(majorOf)).toEqual(Array(8).fill(undefined));
});

describe("a stats file", () => {
  test("its server is production's major", async () => {
    const stats = file(
      "stats.json",
      JSON.stringify({ environment: "production", takenAt: "2026-12-01T00:00:00Z", server: "14", tables: [] }),
    );
    expect(await majorFromStatsFile(stats)).toEqual({ major: 14, environment: "production" });
    expect(await productionMajor({ statsFile: stats })).toBe(14);
    // The explicit input wins.
    expect(await productionMajor({ explicit: "16", statsFile: stats })).toBe(16);
    expect(await productionMajor({})).toBeUndefined();
  });

  test.each([
    ["missing", path.join(tmp, "nope.json"), /cannot be read \(ENOENT\)/],
    ["not JSON (bad bytes)", "bad.json", /is not JSON/],
    ["without server", "noserver.json", /records no PostgreSQL major in "server"/],
    ["a JSON array", "array.json", /records no PostgreSQL major/],
  ])("%s: a configuration error naming the file", async (_what, name, reason) => {
    const target = name.startsWith("/")
      ? name
      : file(
          name,
          name === "bad.json"
            ? Buffer.from([0xff, 0xfe, 0x7b, 0x00])
            : name === "array.json"
              ? "[1,2]"
              : JSON.stringify({ server: "latest" }),
        );
    const error = await majorFromStatsFile(target).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.message).toContain(target);
    expect(error!.message).toMatch(reason);
  });

  test("a production-postgres-version that is not a version is a configuration error", async () => {
    await expect(productionMajor({ explicit: "newest" })).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe("the newest migrate-guard deploy's deployment", () => {
  test("payloads: the newest deploy that recorded a major; other tools, resolves and old records are skipped", () => {
    expect(
      majorFromDeployPayloads([
        { payload: { tool: "other", command: "deploy", postgres: { major: 11 } } },
        { payload: { tool: "migrate-guard", command: "resolve", postgres: { major: 12 } } },
        { payload: { tool: "migrate-guard", command: "deploy" } },
        { payload: JSON.stringify({ tool: "migrate-guard", command: "deploy", postgres: { major: 14, version: "14.9" } }) },
        { payload: { tool: "migrate-guard", command: "deploy", postgres: { major: 13 } } },
      ]),
    ).toBe(14);
    expect(majorFromDeployPayloads([{ payload: "{not json" }, { payload: null }])).toBeUndefined();
  });

  let github: GitHubApiDouble;
  beforeAll(async () => {
    github = await startGitHubApiDouble();
    github.state.addRepository("acme", "shop");
  });
  afterAll(() => github?.close());

  test("read from GitHub with the job's token; an unreadable repository leaves the major unknown with a warning", async () => {
    const octokit = getOctokit("ghs_deployer", { baseUrl: github.url });
    const deploy = (environment: string, major: number) =>
      octokit.rest.repos.createDeployment({
        owner: "acme",
        repo: "shop",
        ref: "a".repeat(40),
        task: "deploy:migrations",
        environment,
        auto_merge: false,
        required_contexts: [],
        payload: { tool: "migrate-guard", command: "deploy", postgres: { major, version: `${major}.2` } },
      });
    await deploy("production", 13);
    await deploy("staging", 17);
    await deploy("production", 14);
    const context = { repository: { owner: "acme", repo: "shop", fullName: "acme/shop" }, apiUrl: github.url };
    const logger = new RecordingLogger();
    expect(await majorFromProductionDeploys({ token: "ghs_reader", context, environment: "production", logger })).toBe(14);
    expect(await majorFromProductionDeploys({ token: "ghs_reader", context, environment: "staging", logger })).toBe(17);
    expect(await majorFromProductionDeploys({ token: "ghs_reader", context, environment: "qa", logger })).toBeUndefined();
    expect(logger.text()).toContain('the newest deploy to "production" ran on PostgreSQL 14');

    const missing = new RecordingLogger();
    const other = { repository: { owner: "acme", repo: "nope", fullName: "acme/nope" }, apiUrl: github.url };
    expect(
      await majorFromProductionDeploys({ token: "ghs_reader", context: other, environment: "production", logger: missing }),
    ).toBeUndefined();
    expect(missing.text()).toMatch(/could not read the deployments of "production" \(404 .*deployments: read/);
  });
});
