// Other PostgreSQL majors than the machine's (15), fetched from npm: the oldest and the newest that
// migrate-guard supports, on the paths that differ per major — the throwaway cluster, verify (apply,
// drift, measured locks, the snapshot cache's key) and deploy. A migration using NULLS NOT DISTINCT
// (PostgreSQL 15+) fails verify on 13 with PostgreSQL's error on its line and passes on 15 and 18.
// Each major is downloaded once per machine (global-setup: MIGRATE_GUARD_POSTGRES_DIR).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { RecordingLogger } from "../../src/core/logger.js";
import { startLocal, stopLocal } from "../../src/init/local-postgres.js";
import type { CheckId, VerifyReport } from "../../src/core/report.js";
import type { AuditRequest } from "../../src/migrate/audit.js";
import { renderMigrateMarkdown } from "../../src/migrate/render.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest } from "../../src/migrate/settings.js";
import { startCluster } from "../../src/postgres/cluster.js";
import { npmPackageName } from "../../src/postgres/npm-postgres.js";
import { buildScratchStates } from "../../src/rollback/scratch.js";
import { verify } from "../../src/verify/verify.js";
import { appRepo, startEnvironmentCluster } from "../migrate/support.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";
import { isRunning } from "./support/processes.js";

const OLDEST = 13;
const NEWEST = 18;
const INDEX_FILE = "prisma/migrations/20250103000000_add_post_title_index/migration.sql";
const GUARD_FILE = "prisma/migrations/20250104000000_check_unique_titles/migration.sql";
// A guard that refuses duplicate titles per author (a NULL author counting as one value), then goes.
const GUARD_SQL = `-- Fails on duplicate titles per author; NULL authors count as equal.\nCREATE UNIQUE INDEX "Post_title_guard" ON "Post"("authorId", "title") NULLS NOT DISTINCT;\nDROP INDEX "Post_title_guard";\n`;

const check = (r: VerifyReport, id: CheckId) => r.checks.find((c) => c.id === id)!;
const measured = (r: VerifyReport) =>
  check(r, "lint")
    .findings.filter((f) => f.rule === "measured-lock")
    .map((f) => [f.file, f.message]);

describe.each([OLDEST, NEWEST])("a throwaway cluster on PostgreSQL %i, fetched from npm", (major) => {
  test("starts from the fetched build, serves queries, and stop() removes it", async () => {
    const cluster = await startCluster({ version: String(major), database: "app db" });
    try {
      expect(cluster).toMatchObject({
        major,
        installation: { source: "npm", npmPackage: expect.stringMatching(new RegExp(`^${npmPackageName()}@${major}\\.`)) },
      });
      expect(cluster.readyMs).toBeGreaterThan(0);
      const client = new pg.Client(cluster.url);
      await client.connect();
      const { rows } = await client.query<{ num: string; db: string; fsync: string }>(
        "SELECT current_setting('server_version_num') AS num, current_database() AS db, current_setting('fsync') AS fsync",
      );
      await client.end();
      expect(rows[0]).toEqual({ num: expect.stringMatching(new RegExp(`^${major}0\\d{3}$`)), db: "app db", fsync: "off" });
    } finally {
      await cluster.stop();
    }
    expect(isRunning(cluster.pid)).toBe(false);
    expect(existsSync(cluster.rootDir)).toBe(false);
  });
});

describe("verify on the oldest, the machine's and the newest major", () => {
  let repo: ProjectRepo;
  let base: string;
  let cacheDir: string;
  beforeAll(() => {
    repo = createProjectRepo(exampleApp);
    base = repo.git("rev-parse", "HEAD");
    repo.write(INDEX_FILE, `CREATE INDEX "Post_title_idx" ON "Post"("title");\n`);
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  @@index([authorId])", "  @@index([authorId])\n  @@index([title])"),
    );
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "mg-majors-cache-"));
  });
  afterAll(() => {
    repo.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const run = (major: number) =>
    verify({
      workingDirectory: repo.dir,
      baseRef: base,
      postgresVersion: String(major),
      slowMigrationSeconds: 30,
      cacheDir,
      logger: new RecordingLogger(),
    });

  test(`PostgreSQL ${OLDEST}: apply, drift and measured locks; then NULLS NOT DISTINCT fails with PostgreSQL's error on its line`, async () => {
    const report = await run(OLDEST);
    expect(report.postgresServer).toMatchObject({ major: OLDEST, source: "npm" });
    expect(report.postgresVersion).toMatch(new RegExp(`^${OLDEST}\\.`));
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["lock-file", "pass"],
      ["naming", "pass"],
      ["order", "pass"],
      ["history", "pass"],
      ["lint", "warn"],
      ["apply", "pass"],
      ["timing", "pass"],
      ["drift", "pass"],
    ]);
    expect(measured(report)).toEqual([
      [INDEX_FILE, `Measured: SHARE on "Post" — blocks writes (INSERT, UPDATE, DELETE); reads continue; held until the migration commits.`],
    ]);
    // The npm builds hold the server only: the machine's pg_dump/pg_restore 15 make the snapshot of 13.
    expect(report.cache).toMatchObject({ state: "miss", detail: expect.stringContaining("snapshot was saved") });

    repo.write(GUARD_FILE, GUARD_SQL);
    const failed = await run(OLDEST);
    expect(failed.ok).toBe(false);
    // … and restore it into the 13 server (pg_restore 15) on the next run.
    expect(failed.cache).toMatchObject({ state: "hit", migrations: 2 });
    const apply = check(failed, "apply");
    expect(apply.status).toBe("fail");
    expect(apply.findings).toEqual([
      expect.objectContaining({
        file: GUARD_FILE,
        line: 2,
        severity: "error",
        message: expect.stringContaining('syntax error at or near "NULLS"'),
      }),
    ]);
    expect(check(failed, "drift").status).toBe("skip");
  });

  test(`drift on PostgreSQL ${OLDEST}: Prisma's differ is fed the migrated state by the machine's pg_dump 15`, async () => {
    const schema = repo.read("prisma/schema.prisma");
    repo.write("prisma/schema.prisma", schema.replace("model Post {", "model Post {\n  subtitle String?"));
    // The NULLS NOT DISTINCT guard of the test before does not apply on 13: set it aside meanwhile.
    const guard = existsSync(path.join(repo.dir, GUARD_FILE)) ? repo.read(GUARD_FILE) : undefined;
    rmSync(path.join(repo.dir, path.dirname(GUARD_FILE)), { recursive: true, force: true });
    try {
      const report = await run(OLDEST);
      expect(check(report, "drift").status).toBe("fail");
      expect(report.drift?.judge).toContain("pg_dump --schema-only");
      expect(
        check(report, "drift")
          .findings.map((f) => f.message)
          .join("\n"),
      ).toContain('"Post"."subtitle"');
    } finally {
      repo.write("prisma/schema.prisma", schema);
      if (guard !== undefined) repo.write(GUARD_FILE, guard);
    }
  });

  test(`PostgreSQL ${NEWEST} and the machine's 15 apply the same migrations, drift and measured locks included`, async () => {
    for (const [major, source, cache] of [
      [NEWEST, "npm", "off"],
      [15, "installed", "miss"],
    ] as const) {
      const report = await run(major);
      expect(report.postgresServer).toMatchObject({ major, source });
      expect(report.ok).toBe(true);
      expect(report.checks.filter((c) => c.status === "fail")).toEqual([]);
      expect(check(report, "drift").status).toBe("pass");
      expect(measured(report)).toEqual([
        [INDEX_FILE, expect.stringMatching(/^Measured: SHARE on "Post"/)],
        [GUARD_FILE, expect.stringMatching(/^Measured: ACCESS EXCLUSIVE on "Post"/)],
      ]);
      expect(report.cache?.state).toBe(cache);
      // No client of major 18 or newer on this machine (only 15): no snapshot, and the report says why.
      if (cache === "off") expect(report.cache?.detail).toContain("no installed client of major 18 or newer was found");
    }
  });
});

describe.each([OLDEST, NEWEST])("deploy to a PostgreSQL %i server", (major) => {
  test("applies, and records the server's major in the deployment payload and the summary", async () => {
    const env = await startEnvironmentCluster(String(major));
    const repo = appRepo();
    try {
      const url = await env.createDatabase("shop");
      const requests: AuditRequest[] = [];
      const audit = {
        start: async (request: AuditRequest) => {
          requests.push(request);
          return { id: 7, finish: async () => {} };
        },
      };
      const settings = validateRequest({ command: "deploy", environment: "staging", databaseUrl: url, workingDirectory: repo.dir });
      const report = await runMigrate(settings, { logger: new RecordingLogger(), audit });
      expect(report).toMatchObject({ ok: true, refused: null, postgresVersion: expect.stringMatching(new RegExp(`^${major}\\.`)) });
      expect(report.appliedNow?.map((a) => a.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
      expect(requests[0]!.payload).toMatchObject({ command: "deploy", postgres: { major, version: report.postgresVersion } });
      expect(renderMigrateMarkdown(report)).toContain(
        `| PostgreSQL major | ${major} — verify runs on it with \`postgres-version: ${major}\` |`,
      );
    } finally {
      repo.remove();
      await env.stop();
    }
  });
});

describe(`rollback --revert's scratch states and \`local\` on PostgreSQL ${OLDEST}`, () => {
  const migration = (name: string, sql: string) => ({
    name,
    file: `prisma/migrations/${name}/migration.sql`,
    sql,
    checksum: "0".repeat(64),
  });
  const migrations = [
    migration("01_users", `CREATE TABLE "User" ("id" BIGSERIAL PRIMARY KEY, "email" TEXT NOT NULL);\n`),
    migration("02_bio", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`),
  ];

  test("the revert computes on the environment's major; a major that cannot be had falls back with a warning", async () => {
    const states = await buildScratchStates({
      migrations,
      reverted: "02_bio",
      schemas: ["public"],
      postgresMajor: OLDEST,
      logger: new RecordingLogger(),
    });
    try {
      expect(states.postgresVersion).toMatch(new RegExp(`^${OLDEST}\\.`));
      expect(states.warning).toBeUndefined();
      expect(states.current.tables.find((t) => t.name === "User")?.columns.map((c) => c.name)).toEqual(["id", "email", "bio"]);
    } finally {
      await states.stop();
    }
    // 12 is neither installed nor fetched (migrate-guard fetches 13–18).
    const fallback = await buildScratchStates({
      migrations,
      reverted: "02_bio",
      schemas: ["public"],
      postgresMajor: 12,
      logger: new RecordingLogger(),
    });
    try {
      expect(fallback.postgresVersion).toMatch(/^15\./);
      expect(fallback.warning).toMatch(
        /^The environment runs PostgreSQL 12, which is neither installed here nor could be fetched .* computed and checked on PostgreSQL 15\./,
      );
    } finally {
      await fallback.stop();
    }
  });

  test("local start creates the development database on the requested major (pg_ctl from the fetched build); stop and start again keep it", async () => {
    const wd = mkdtempSync(path.join(os.tmpdir(), "mg-local-major-"));
    chmodSync(wd, 0o755); // run as root, the server user must reach its data directory
    try {
      const local = await startLocal(wd, { postgresVersion: String(OLDEST) });
      const version = async () => {
        const client = new pg.Client(local.url);
        await client.connect();
        try {
          return (await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v;
        } finally {
          await client.end();
        }
      };
      expect(local.created).toBe(true);
      expect(await version()).toMatch(new RegExp(`^${OLDEST}0\\d{3}$`));
      expect(await stopLocal(wd)).toBe(true);
      // No version given: the data directory's own major, found among the fetched builds.
      const again = await startLocal(wd);
      expect(again).toMatchObject({ created: false, started: true, url: local.url });
      expect(await version()).toMatch(new RegExp(`^${OLDEST}0\\d{3}$`));
    } finally {
      await stopLocal(wd).catch(() => false);
      rmSync(wd, { recursive: true, force: true });
    }
  });
});
