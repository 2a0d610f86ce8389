// Production's PostgreSQL major for `postgres-version: production`/`auto`: an explicit input, a `migrate-guard
// stats` file (hostile files are configuration errors naming the file, never crashes; a file without
// "server" stops nothing that does not need production's major), and the newest
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
import { readInputs } from "../../src/actions/verify/inputs.js";
import { statsAndProductionMajor } from "../../src/actions/verify/stats-and-major.js";
import { productionMajor } from "../../src/postgres/production-major.js";
import { readSizeRisk } from "../../src/stats/stats-file.js";
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
  const document = (server: unknown) => ({ environment: "production", takenAt: "2026-12-01T00:00:00Z", server, tables: [] });
  const read = async (name: string, server: unknown) => {
    const f = file(name, JSON.stringify(document(server)));
    return { file: f, document: (await readSizeRisk({ file: f })).stats };
  };

  test("its server is production's major for postgres-version production and auto, and only then", async () => {
    const stats = await read("stats.json", "14");
    expect(stats.document).toMatchObject({ server: "14", major: 14 });
    expect(await productionMajor({ postgresVersion: "production", stats })).toBe(14);
    expect(await productionMajor({ postgresVersion: "Auto", stats })).toBe(14);
    // The explicit input wins.
    expect(await productionMajor({ postgresVersion: "production", explicit: "16", stats })).toBe(16);
    // A postgres-version that does not ask for production's major asks nothing of the file.
    expect(await productionMajor({ stats })).toBeUndefined();
    expect(await productionMajor({ postgresVersion: "16", explicit: "14", stats })).toBeUndefined();
    expect(await productionMajor({ postgresVersion: "production" })).toBeUndefined();
  });

  test.each([
    ["without server", "noserver.json", undefined, /it has none/],
    ["with a server that is no version", "latest.json", "latest", /it says "latest"/],
  ])("%s: sizes only by default; refused for production; a warning and the fallback for auto", async (_what, name, server, says) => {
    const stats = await read(name, server);
    expect(stats.document.major).toBeUndefined();
    const logger = new RecordingLogger();
    // Table sizes alone: nothing asks for the major, nothing is said.
    for (const postgresVersion of [undefined, "", "16"]) {
      expect(await productionMajor({ ...(postgresVersion !== undefined ? { postgresVersion } : {}), stats, logger })).toBeUndefined();
    }
    expect(logger.lines).toEqual([]);
    const error = await productionMajor({ postgresVersion: "production", stats, logger }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.message).toContain(`the stats file "${stats.file}" records no PostgreSQL major in "server"`);
    expect(error!.message).toMatch(says);
    expect(error!.message).toMatch(/migrate-guard stats.*production-postgres-version.*"auto"/);
    // Another source that names the major is enough.
    expect(await productionMajor({ postgresVersion: "production", explicit: "15", stats })).toBe(15);
    expect(await productionMajor({ postgresVersion: "production", stats, fromDeployments: async () => 13 })).toBe(13);
    expect(await productionMajor({ postgresVersion: "auto", stats, logger })).toBeUndefined();
    expect(logger.text()).toContain(`postgres-version "auto": the stats file "${stats.file}" records no PostgreSQL major`);
    expect(logger.text()).toMatch(/highest installed PostgreSQL is used/);
  });

  test.each([
    ["missing", path.join(tmp, "nope.json"), /Cannot read the stats file .* \(ENOENT\)/],
    ["not JSON (bad bytes)", "bad.json", /is not JSON/],
    ["a JSON array", "array.json", /is not a migrate-guard stats document: not an object/],
  ])("%s: a configuration error naming the file", async (_what, name, reason) => {
    const target = name.startsWith("/") ? name : file(name, name === "bad.json" ? Buffer.from([0xff, 0xfe, 0x7b, 0x00]) : "[1,2]");
    const error = await readSizeRisk({ file: target }).then(
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

describe("the verify action's inputs", () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), "mg-prod-major-ws-"));
  const saved = process.env.GITHUB_WORKSPACE;
  beforeAll(() => {
    process.env.GITHUB_WORKSPACE = workspace;
    writeFileSync(path.join(workspace, "sizes.json"), JSON.stringify(document(undefined)));
    writeFileSync(path.join(workspace, "broken.json"), "{ not json");
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
    else process.env.GITHUB_WORKSPACE = saved;
    rmSync(workspace, { recursive: true, force: true });
  });
  const document = (server: unknown) => ({
    environment: "production",
    takenAt: "2026-12-01T00:00:00Z",
    server,
    tables: [{ schema: "public", name: "Order", rows: 12_400_000, bytes: 3_328_599_654 }],
  });
  const settle = (inputs: Record<string, string>, logger = new RecordingLogger()) =>
    statsAndProductionMajor(
      {},
      readInputs({}, (name) => inputs[name] ?? ""),
      logger,
    ).then(
      (value) => ({ value, logger }),
      (error: unknown) => ({ error: error as Error, logger }),
    );

  test("stats-file without server: its sizes are used; postgres-version default or a major asks no major of it", async () => {
    for (const postgresVersion of ["", "16"]) {
      const r = await settle({ "stats-file": "sizes.json", "postgres-version": postgresVersion });
      expect("error" in r).toBe(false);
      const { value } = r as { value: Awaited<ReturnType<typeof statsAndProductionMajor>> };
      expect(value.production).toBeUndefined();
      expect(value.sizeRisk?.stats.tables[0]).toMatchObject({ name: "Order", rows: 12_400_000 });
      expect(r.logger.lines).toEqual([]);
    }
  });

  test("postgres-version production: refused naming the file; auto: a warning and the fallback", async () => {
    const refused = await settle({ "stats-file": "sizes.json", "postgres-version": "production" });
    expect((refused as { error: Error }).error).toBeInstanceOf(ConfigurationError);
    expect((refused as { error: Error }).error.message).toContain(`"${path.join(workspace, "sizes.json")}" records no PostgreSQL major`);
    const auto = await settle({ "stats-file": "sizes.json", "postgres-version": "auto" });
    expect((auto as { value: { production?: number } }).value.production).toBeUndefined();
    expect(auto.logger.text()).toMatch(/postgres-version "auto": the stats file .*sizes\.json" records no PostgreSQL major/);
    const explicit = await settle({ "stats-file": "sizes.json", "postgres-version": "production", "production-postgres-version": "15" });
    expect((explicit as { value: { production?: number } }).value.production).toBe(15);
  });

  test("a malformed stats-file is a configuration error naming it, whatever postgres-version says", async () => {
    for (const postgresVersion of ["", "production"]) {
      const r = await settle({ "stats-file": "broken.json", "postgres-version": postgresVersion });
      expect((r as { error: Error }).error).toBeInstanceOf(ConfigurationError);
      expect((r as { error: Error }).error.message).toMatch(/The stats file ".*broken\.json" is not JSON/);
    }
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
