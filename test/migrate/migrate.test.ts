// status, deploy and resolve end to end on real PostgreSQL databases with the real Prisma CLI, the audit
// trail recorded through the real octokit into the GitHub API double: the lifecycle of an environment,
// a failed migration and its recovery, an edited migration, baselining, slow migrations, backups.
import { getOctokit } from "@actions/github";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import { GitHubDeployments } from "../../src/github/deployments.js";
import { lintPending } from "../../src/migrate/lint-pending.js";
import { choosePgDump } from "../../src/migrate/pg-dump.js";
import { renderMigrateMarkdown, renderMigrateText } from "../../src/migrate/render.js";
import { toMigrateJson, type MigrateReport } from "../../src/migrate/report.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest, type MigrateRequest } from "../../src/migrate/settings.js";
import { deploymentsOf, startGitHubApiDouble, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, expectNoPassword, snapshot, startEnvironmentCluster, type EnvironmentCluster } from "./support.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const RUN_URL = "https://github.com/acme/shop/actions/runs/42";
let env: EnvironmentCluster;
let github: GitHubApiDouble;
const repos: ProjectRepo[] = [];

beforeAll(async () => {
  [env, github] = await Promise.all([startEnvironmentCluster(), startGitHubApiDouble()]);
  github.state.addRepository("acme", "shop");
});
afterAll(async () => {
  await Promise.all([env?.stop(), github?.close()]);
  for (const r of repos) r.remove();
});

function repo(migrations: Record<string, string> = {}): ProjectRepo {
  const r = appRepo(migrations);
  repos.push(r);
  return r;
}

async function run(
  request: Omit<MigrateRequest, "workingDirectory"> & { repo: ProjectRepo },
): Promise<{ report: MigrateReport; log: string }> {
  const logger = new RecordingLogger();
  const { repo: r, ...rest } = request;
  const settings = validateRequest({ ...rest, workingDirectory: r.dir });
  const audit = new GitHubDeployments(getOctokit("ghs_test_token", { baseUrl: github.url }), {
    owner: "acme",
    repo: "shop",
    ref: SHA,
    logUrl: RUN_URL,
    serverUrl: "https://github.com",
  });
  const report = await runMigrate(settings, {
    logger,
    audit,
    lint: lintPending,
    context: { actor: "octocat", repository: "acme/shop", runUrl: RUN_URL, sha: SHA },
  });
  const log = logger.text();
  expectNoPassword(log, JSON.stringify(toMigrateJson(report)), renderMigrateText(report), renderMigrateMarkdown(report));
  return { report, log };
}

const deployments = () => deploymentsOf(github.state).deployments;
const states = (id: number) => statusesOf(github.state, id).map((s) => s.state);

const BROKEN = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n`;
const FIXED = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`;

describe("an environment's lifecycle", () => {
  test("status reads, deploy applies and stamps, a second deploy has nothing to do; each change is one deployment", async () => {
    const url = await env.createDatabase("lifecycle");
    const r = repo();
    const before = deployments().length;

    const status = await run({ command: "status", environment: "staging", databaseUrl: url, repo: r });
    expect(status.report).toMatchObject({ ok: true, refused: null });
    expect(status.report.state?.pending).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
    expect(status.report.stamp).toBeUndefined();
    expect(deployments()).toHaveLength(before);

    const deploy = await run({ command: "deploy", environment: "Staging ", databaseUrl: url, repo: r });
    expect(deploy.report).toMatchObject({ ok: true, refused: null, stampCreated: true });
    expect(deploy.report.appliedNow?.map((a) => a.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
    expect(deploy.report.appliedNow?.every((a) => a.durationMs >= 0 && !a.slow)).toBe(true);
    expect(deploy.report.state).toMatchObject({ pending: [], failed: [], checksumMismatch: [] });
    expect(await env.query("lifecycle", "SELECT name, normalized_name, production, stamped_by FROM migrate_guard.environment")).toEqual([
      { name: "Staging", normalized_name: "staging", production: false, stamped_by: "octocat" },
    ]);

    const [deployment] = deployments().slice(before);
    expect(deployment).toMatchObject({
      ref: SHA,
      sha: SHA,
      task: "deploy:migrations",
      environment: "Staging",
      production: false,
      transient: false,
    });
    expect(deployment!.payload).toMatchObject({
      command: "deploy",
      postgres: { major: 15, version: expect.stringMatching(/^15\./) },
      actor: "octocat",
      runUrl: RUN_URL,
      migrations: [
        { name: "20250101000000_create_users", checksum: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { name: "20250102000000_add_posts", checksum: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ],
    });
    expect(states(deployment!.id)).toEqual(["in_progress", "success"]);
    expect(statusesOf(github.state, deployment!.id).every((s) => s.logUrl === RUN_URL)).toBe(true);
    // The request carried what GitHub needs to not merge or wait for checks.
    const created = github.requests.filter((q) => q.method === "POST" && q.path === "/repos/acme/shop/deployments").at(-1)!;
    expect(created.body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
      environment: "Staging",
      task: "deploy:migrations",
      ref: SHA,
    });

    const again = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(again.report).toMatchObject({ ok: true, appliedNow: [] });
    expect(again.report.stampCreated).toBeFalsy();
    expect(deployments()).toHaveLength(before + 2);
    expect(states(deployments().at(-1)!.id)).toEqual(["in_progress", "success"]);

    const markdown = renderMigrateMarkdown(deploy.report);
    expect(markdown).toMatch(/\| Who \| octocat \|/);
    expect(markdown).toMatch(/\| How long \| \d/);
    expect(markdown).toContain('CREATE TABLE "Post"');
  });

  test("a database stamped for one environment refuses runs for another, changing nothing", async () => {
    const url = await env.createDatabase("stamped_production");
    const r = repo();
    const first = await run({
      command: "deploy",
      environment: "production",
      confirm: "production",
      gate: { soakGate: "off" },
      databaseUrl: url,
      repo: r,
    });
    expect(first.report).toMatchObject({ ok: true, production: true });
    expect(deployments().at(-1)).toMatchObject({ environment: "production", production: true });
    r.write("prisma/migrations/20250103000000_add_bio/migration.sql", FIXED);
    const before = await snapshot(env, "stamped_production");
    const count = deployments().length;

    for (const command of ["status", "deploy"]) {
      const { report } = await run({ command, environment: "staging", databaseUrl: url, repo: r });
      expect(report.ok).toBe(false);
      expect(report.refused).toMatch(
        /run is for environment "staging", but the database belongs to environment "production" \(production\)/,
      );
      expect(report.state).toBeUndefined();
    }
    expect(await snapshot(env, "stamped_production")).toBe(before);
    expect(deployments()).toHaveLength(count);
  });

  test("a database stamped as production stays production: its deploys need the confirmation", async () => {
    const url = await env.createDatabase("renamed_production");
    const r = repo();
    await run({
      command: "deploy",
      environment: "live",
      environments: "live",
      productionEnvironments: "live",
      confirm: "LIVE",
      gate: { soakGate: "off" },
      databaseUrl: url,
      repo: r,
    });
    r.write("prisma/migrations/20250103000000_add_bio/migration.sql", FIXED);
    const before = await snapshot(env, "renamed_production");
    const { report } = await run({
      command: "deploy",
      environment: "live",
      environments: "live",
      productionEnvironments: "production",
      databaseUrl: url,
      repo: r,
    });
    expect(report.refused).toMatch(/stamped as production. Deploying to the production environment "live" must be confirmed/);
    expect(await snapshot(env, "renamed_production")).toBe(before);
  });
});

describe("a failed migration (Prisma's P3009 state)", () => {
  test("fails with the database error, blocks later deploys with the recovery steps, and is resolved rolled back, fixed and deployed", async () => {
    const url = await env.createDatabase("failed");
    const r = repo({ "20250103000000_add_bio": BROKEN });
    const failed = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(failed.report.ok).toBe(false);
    // The error as Prisma recorded it (the native engine says `relation "Nope" does not exist`, the
    // JavaScript engine `No such table: Nope`), without the engine's backtrace.
    expect(failed.report.error).toMatch(
      /Migration "20250103000000_add_bio" failed on "staging": [\s\S]*(relation "Nope" does not exist|No such table: Nope)/,
    );
    expect(failed.report.error).not.toMatch(/apply_migration\.rs/);
    expect(failed.report.state?.failed.map((f) => f.name)).toEqual(["20250103000000_add_bio"]);
    expect(failed.report.appliedNow?.map((a) => a.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
    expect(states(deployments().at(-1)!.id)).toEqual(["in_progress", "failure"]);
    expect(statusesOf(github.state, deployments().at(-1)!.id).at(-1)!.description.length).toBeLessThanOrEqual(140);
    // PostgreSQL rolled the whole script back: the first statement did not stay.
    expect(
      await env.query("failed", `SELECT column_name FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'bio'`),
    ).toEqual([]);

    const before = await snapshot(env, "failed");
    const count = deployments().length;
    const blocked = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(blocked.report.refused).toMatch(
      /"20250103000000_add_bio" failed earlier on "staging" and is still in the failed state \(Prisma P3009\)/,
    );
    expect(blocked.report.recovery.join("\n")).toContain(
      "migrate-guard resolve --environment staging --rolled-back 20250103000000_add_bio --confirm 20250103000000_add_bio",
    );
    const status = await run({ command: "status", environment: "staging", databaseUrl: url, repo: r });
    expect(status.report.ok).toBe(false);
    expect(toMigrateJson(status.report)).toMatchObject({ failed: ["20250103000000_add_bio"], pending: [] });
    const notFailed = await run({
      command: "resolve",
      environment: "staging",
      rolledBack: "20250101000000_create_users",
      confirm: "20250101000000_create_users",
      databaseUrl: url,
      repo: r,
    });
    expect(notFailed.report.refused).toMatch(
      /--rolled-back is only for a migration in the failed state, and "20250101000000_create_users" is not: it is applied .* Failed migration\(s\) there: 20250103000000_add_bio/,
    );
    expect(await snapshot(env, "failed")).toBe(before);
    expect(deployments()).toHaveLength(count);

    r.write("prisma/migrations/20250103000000_add_bio/migration.sql", FIXED);
    const resolved = await run({
      command: "resolve",
      environment: "staging",
      rolledBack: "20250103000000_add_bio",
      confirm: "20250103000000_add_bio",
      databaseUrl: url,
      repo: r,
    });
    expect(resolved.report).toMatchObject({ ok: true, resolved: { name: "20250103000000_add_bio", kind: "rolled-back" } });
    expect(resolved.report.state).toMatchObject({
      failed: [],
      pending: ["20250103000000_add_bio"],
      rolledBack: ["20250103000000_add_bio"],
    });
    expect(deployments().at(-1)!.payload).toMatchObject({
      command: "resolve",
      resolve: { kind: "rolled-back", name: "20250103000000_add_bio" },
    });
    expect(states(deployments().at(-1)!.id)).toEqual(["in_progress", "success"]);

    const deployed = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(deployed.report.ok).toBe(true);
    expect(deployed.report.appliedNow?.map((a) => a.name)).toEqual(["20250103000000_add_bio"]);
    const rows = await env.query<{ n: string }>(
      "failed",
      "SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '20250103000000_add_bio'",
    );
    expect(rows[0]!.n).toBe("2"); // the rolled-back attempt and the applied one
  });
});

describe("an edited migration", () => {
  test("is an error in status and stops deploy; line-ending conversions are not edits", async () => {
    const url = await env.createDatabase("edited");
    const r = repo();
    await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    const file = "prisma/migrations/20250101000000_create_users/migration.sql";
    const original = r.read(file);
    r.write(file, original.replace(/\n/g, "\r\n"));
    expect((await run({ command: "status", environment: "staging", databaseUrl: url, repo: r })).report).toMatchObject({ ok: true });

    r.write(file, original.replace(`"name" TEXT,`, `"name" VARCHAR(100),`));
    r.write("prisma/migrations/20250103000000_add_bio/migration.sql", FIXED);
    const status = await run({ command: "status", environment: "staging", databaseUrl: url, repo: r });
    expect(status.report.ok).toBe(false);
    expect(toMigrateJson(status.report)).toMatchObject({
      checksumMismatch: ["20250101000000_create_users"],
      pending: ["20250103000000_add_bio"],
    });
    expect(status.report.warnings.join("\n")).toMatch(
      /was edited after it was applied to "staging".*git log -p -- prisma\/migrations\/20250101000000_create_users\/migration.sql/,
    );
    const before = await snapshot(env, "edited");
    const count = deployments().length;
    const deploy = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(deploy.report.refused).toMatch(
      /1 applied migration\(s\) were edited after they ran on "staging" \(20250101000000_create_users\)/,
    );
    expect(await snapshot(env, "edited")).toBe(before);
    expect(deployments()).toHaveLength(count);
  });
});

describe("baselining an existing database", () => {
  test("a database with tables and no history is refused; resolve --applied records the baseline, deploy applies the rest", async () => {
    const url = await env.createDatabase("baseline");
    const r = repo();
    // The first migration's schema, made by hand before the app adopted Prisma Migrate.
    await env.query("baseline", `SET ROLE ${"app"}; ${r.read("prisma/migrations/20250101000000_create_users/migration.sql")}`);
    const status = await run({ command: "status", environment: "staging", databaseUrl: url, repo: r });
    expect(status.report.warnings.join("\n")).toMatch(/1 table\(s\) but no _prisma_migrations history.*P3005/);
    const refused = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(refused.report.refused).toMatch(/no _prisma_migrations history/);

    const baseline = await run({
      command: "resolve",
      environment: "staging",
      applied: "20250101000000_create_users",
      confirm: "20250101000000_create_users",
      databaseUrl: url,
      repo: r,
    });
    expect(baseline.report).toMatchObject({ ok: true, resolved: { kind: "applied", via: "prisma" } });
    expect(baseline.report.state?.pending).toEqual(["20250102000000_add_posts"]);
    const already = await run({
      command: "resolve",
      environment: "staging",
      applied: "20250101000000_create_users",
      confirm: "20250101000000_create_users",
      databaseUrl: url,
      repo: r,
    });
    expect(already.report.refused).toMatch(/already applied/);
    const deploy = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(deploy.report.appliedNow?.map((a) => a.name)).toEqual(["20250102000000_add_posts"]);
  });
});

describe("the deploy summary", () => {
  test("lists each pending migration with its SQL and the linter's findings, before anything is applied", async () => {
    const url = await env.createDatabase("linted");
    const r = repo();
    await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    const drop = `/*\n  Warnings:\n\n  - You are about to drop the column \`name\` on the \`User\` table. All the data in the column will be lost.\n\n*/\n-- AlterTable\nALTER TABLE "User" DROP COLUMN "name";\n`;
    r.write("prisma/migrations/20250103000000_drop_user_name/migration.sql", drop);
    r.write(
      "prisma/migrations/20250104000000_create_tags/migration.sql",
      `CREATE TABLE "Tag" ("id" BIGSERIAL PRIMARY KEY);\nCREATE INDEX "Tag_id_idx" ON "Tag"("id");\n`,
    );
    const { report } = await run({ command: "deploy", environment: "staging", databaseUrl: url, repo: r });
    expect(report.ok).toBe(true);
    const [dropped, tags] = report.pendingBefore!;
    expect(dropped!.warnings).toEqual([
      "You are about to drop the column `name` on the `User` table. All the data in the column will be lost.",
    ]);
    expect(dropped!.lint?.map((f) => f.rule)).toContain("drop-column");
    // An index on a table created in the same deploy locks nobody out: not a finding.
    expect(tags!.lint?.map((f) => f.rule) ?? []).not.toContain("create-index-non-concurrently");
    const markdown = renderMigrateMarkdown(report);
    expect(markdown).toMatch(/<details open><summary><code>20250103000000_drop_user_name<\/code> — \d+ findings?<\/summary>/);
    expect(markdown).toMatch(/`drop-column`: line 8: /);
    expect(markdown).toContain('ALTER TABLE "User" DROP COLUMN "name";');
  });
});

describe("slow migrations and backups", () => {
  test("a migration above slow-migration-seconds is flagged in the report, the summary and status", async () => {
    const url = await env.createDatabase("slow");
    const r = repo({ "20250103000000_backfill": "SELECT pg_sleep(0.4);\n" });
    const { report, log } = await run({
      command: "deploy",
      environment: "staging",
      slowMigrationSeconds: "0.3",
      databaseUrl: url,
      repo: r,
    });
    expect(report.appliedNow?.find((a) => a.name === "20250103000000_backfill")).toMatchObject({
      slow: true,
      durationMs: expect.any(Number),
    });
    expect(report.appliedNow?.filter((a) => a.slow)).toHaveLength(1);
    expect(report.warnings.join("\n")).toMatch(/🚩 Slow migration: "20250103000000_backfill" took 0\.\d s on "staging" \(limit 0.3 s\)/);
    expect(renderMigrateMarkdown(report)).toMatch(/20250103000000_backfill`? \| \d+ ms \| 🚩 slower than 0.3 s/);
    expect(log).toContain("Running prisma migrate deploy");
    const status = await run({ command: "status", environment: "staging", slowMigrationSeconds: "0.3", databaseUrl: url, repo: r });
    expect(toMigrateJson(status.report)).toMatchObject({ ok: true, slow: ["20250103000000_backfill"] });
    expect(renderMigrateText(status.report)).toContain("🚩 slow: 20250103000000_backfill");
  });

  test("backup: true writes a pg_dump custom-format file first; a failed backup stops the deploy before any change", async () => {
    const url = await env.createDatabase("backup");
    const r = repo();
    // Data outside the migrated schema (a table in public without a history would need a baseline).
    await env.query(
      "backup",
      `CREATE SCHEMA archive AUTHORIZATION app; CREATE TABLE archive.keep (id int); INSERT INTO archive.keep VALUES (1); ALTER TABLE archive.keep OWNER TO app`,
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), "mg-backup-"));
    try {
      // A backup file under a regular file cannot be written.
      writeFileSync(path.join(dir, "file"), "");
      const bad = await run({
        command: "deploy",
        environment: "staging",
        backup: true,
        backupFile: path.join(dir, "file", "x.dump"),
        databaseUrl: url,
        repo: r,
      });
      expect(bad.report.ok).toBe(false);
      expect(bad.report.error).toMatch(/^backup: cannot create the folder for .*x\.dump \((EEXIST|ENOTDIR)\), so the deploy did not start/);
      expect(states(deployments().at(-1)!.id)).toEqual(["in_progress", "failure"]);
      expect(
        await env.query("backup", "SELECT to_regclass('migrate_guard.environment') AS t, to_regclass('public._prisma_migrations') AS p"),
      ).toEqual([{ t: null, p: null }]);

      const file = path.join(dir, "staging.dump");
      const { report } = await run({
        command: "deploy",
        environment: "staging",
        backup: true,
        backupFile: file,
        databaseUrl: url,
        repo: r,
      });
      expect(report).toMatchObject({ ok: true, backup: { file, bytes: expect.any(Number) } });
      expect(report.backup!.pgDump).toMatch(/^\d+/);
      expect(existsSync(file)).toBe(true);
      // Taken before the deploy: it holds the old table, not the migrated ones.
      const listing = execFileSync("pg_restore", ["--list", file], { encoding: "utf8" });
      expect(listing).toMatch(/TABLE archive keep/);
      expect(listing).not.toMatch(/TABLE public User/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pg_dump older than the server is refused with what to install", async () => {
    await expect(choosePgDump(99)).rejects.toThrow(
      /the server runs PostgreSQL 99, and pg_dump cannot dump a server newer than itself; this machine has only pg_dump 1\d[.\d]* .*postgresql-client-99/,
    );
  });
});
