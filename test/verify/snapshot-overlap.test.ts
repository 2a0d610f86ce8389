// On a snapshot hit, verify holds Prisma's advisory lock while it restores the snapshot beside
// Prisma's start, and measures the new migrations' locks on the restored state before Prisma may
// touch it. Real clusters, the real Prisma CLI, the example app (two base migrations).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import type { VerifyReport } from "../../src/core/report.js";
import { connectClient, readPrismaMigrations } from "../../src/postgres/database.js";
import { verify } from "../../src/verify/verify.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";

let repo: ProjectRepo;
let base: string;

beforeAll(() => {
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
});
afterAll(() => repo.remove());

async function run(
  cacheDir: string | false,
  onMigrated?: (url: string) => Promise<void>,
): Promise<{ report: VerifyReport; logger: RecordingLogger }> {
  const logger = new RecordingLogger();
  const report = await verify({
    workingDirectory: repo.dir,
    baseRef: base,
    slowMigrationSeconds: 30,
    cacheDir,
    logger,
    ...(onMigrated ? { onMigrated } : {}),
  });
  return { report, logger };
}

const lint = (r: VerifyReport) => r.checks.find((c) => c.id === "lint")!.findings;

function withCache<T>(work: (cacheDir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mg-overlap-cache-"));
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe("snapshot hit: restore beside Prisma's start", () => {
  test("measuring the new migration on the restored state leaves nothing behind: its sequence use is undone", async () => {
    // Prisma's insert must get id 1 again: the measurement's nextval, which no rollback undoes, is put back.
    const file = "prisma/migrations/20250103000000_seed_first_user/migration.sql";
    repo.write(
      file,
      `INSERT INTO "User" ("email") VALUES ('first@example.com');\nINSERT INTO "Post" ("authorId", "title") VALUES (1, 'hello');\n`,
    );
    try {
      await withCache(async (cacheDir) => {
        const miss = await run(cacheDir);
        expect(miss.report.cache).toMatchObject({ state: "miss", saved: true });
        let ids: string[] = [];
        const warm = await run(cacheDir, async (url) => {
          const client = await connectClient(url);
          try {
            ids = (await client.query<{ id: string }>(`SELECT id::text FROM "User"`)).rows.map((r) => r.id);
          } finally {
            await client.end();
          }
        });
        expect(warm.report.cache).toMatchObject({ state: "hit", migrations: 2 });
        expect(warm.report.checks.find((c) => c.id === "apply")).toMatchObject({ status: "pass" });
        expect(ids).toEqual(["1"]);
        expect(
          lint(warm.report)
            .filter((f) => f.rule === "measured-lock")
            .map((f) => f.message),
        ).toEqual(
          [expect.stringMatching(/^Measured: ROW EXCLUSIVE on "Post"/), expect.stringMatching(/^Measured: ROW EXCLUSIVE on "User"/)].sort(),
        );
        expect(lint(warm.report)).toEqual(lint(miss.report));
      });
    } finally {
      rmSync(path.join(repo.dir, path.dirname(file)), { recursive: true, force: true });
    }
  }, 120_000);

  test("several new migrations are measured on a copy restored from the snapshot: the same findings as without the cache", async () => {
    const a = "prisma/migrations/20250103000000_comment_users/migration.sql";
    const b = "prisma/migrations/20250104000000_index_titles/migration.sql";
    repo.write(a, `COMMENT ON TABLE "User" IS 'people';\n`);
    repo.write(b, `CREATE INDEX "Post_title_idx" ON "Post"("title");\n`);
    try {
      await withCache(async (cacheDir) => {
        const off = await run(false);
        await run(cacheDir);
        const warm = await run(cacheDir);
        expect(warm.report.cache).toMatchObject({ state: "hit", migrations: 2 });
        expect(lint(off.report).filter((f) => f.rule === "measured-lock")).toHaveLength(2);
        expect(lint(warm.report)).toEqual(lint(off.report));
      });
    } finally {
      rmSync(path.join(repo.dir, path.dirname(a)), { recursive: true, force: true });
      rmSync(path.join(repo.dir, path.dirname(b)), { recursive: true, force: true });
    }
  }, 120_000);

  test("a snapshot that passes its checksum but does not restore: Prisma (waiting on the lock) is stopped, the run is a miss from scratch", async () => {
    const file = "prisma/migrations/20250103000000_comment_users/migration.sql";
    repo.write(file, `COMMENT ON TABLE "User" IS 'people';\n`);
    try {
      await withCache(async (cacheDir) => {
        const off = await run(false);
        let coldRows: unknown[] = [];
        let rows: unknown[] = [];
        const shape = async (url: string) =>
          (await readPrismaMigrations(url)).map((r) => [r.migration_name, r.checksum, r.finished_at !== null, r.applied_steps_count]);
        await run(false, async (url) => {
          coldRows = await shape(url);
        });
        await run(cacheDir);
        // A dump pg_restore rejects, with a manifest that vouches for it.
        const [key] = readdirSync(path.join(cacheDir, "snapshots")).filter((n) => !n.startsWith("."));
        const entry = path.join(cacheDir, "snapshots", key!);
        const garbage = Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(4096, 7)]);
        writeFileSync(path.join(entry, "snapshot.dump"), garbage);
        const manifest = JSON.parse(readFileSync(path.join(entry, "manifest.json"), "utf8"));
        manifest.files["snapshot.dump"] = { bytes: garbage.length, sha256: createHash("sha256").update(garbage).digest("hex") };
        writeFileSync(path.join(entry, "manifest.json"), JSON.stringify(manifest));

        const broken = await run(cacheDir, async (url) => {
          rows = await shape(url);
        });
        expect(broken.report.ok).toBe(off.report.ok);
        expect(broken.report.cache).toMatchObject({ state: "corrupt", saved: true });
        expect(broken.report.cache?.detail).toMatch(/did not restore/);
        expect(rows).toEqual(coldRows);
        expect(lint(broken.report)).toEqual(lint(off.report));
        // The new snapshot it saved restores.
        expect((await run(cacheDir)).report.cache).toMatchObject({ state: "hit" });
      });
    } finally {
      rmSync(path.join(repo.dir, path.dirname(file)), { recursive: true, force: true });
    }
  }, 180_000);
});

describe("snapshot hit: Prisma gives up while the lock is held", () => {
  test("a deploy that ended before the lock was released is run again on the restored state", async () => {
    // What Prisma's 10 s advisory-lock timeout behind a slow restore looks like from outside: the
    // first deploy exits non-zero while verify still holds the lock. Real cluster, dump and Prisma.
    const { startCluster } = await import("../../src/postgres/cluster.js");
    const { findPrismaCli } = await import("../../src/prisma/cli.js");
    const { locateProject } = await import("../../src/prisma/project.js");
    const { readMigrationsDirectory } = await import("../../src/core/migrations.js");
    const { openSnapshot, VERIFY_DATABASE } = await import("../../src/verify/snapshot.js");
    const file = "prisma/migrations/20250103000000_comment_users/migration.sql";
    repo.write(file, `COMMENT ON TABLE "User" IS 'people';\n`);
    try {
      await withCache(async (cacheDir) => {
        expect((await run(cacheDir)).report.cache).toMatchObject({ state: "miss", saved: true });
        const project = await locateProject({ workingDirectory: repo.dir });
        const real = findPrismaCli({
          workingDirectory: project.workingDirectory,
          schemaPath: project.schemaPath,
          urlVariables: project.urlVariables,
          explicitSchema: false,
          throwaway: {},
        });
        const calls: string[] = [];
        const prisma = {
          ...real,
          version: real.version,
          major: real.major,
          entry: real.entry,
          schemaToSql: real.schemaToSql.bind(real),
          resolve: real.resolve.bind(real),
          deploy: async (url: string, onLine?: (line: string) => void, options?: Parameters<typeof real.deploy>[2]) => {
            calls.push(calls.length === 0 ? "gave up" : "deploy");
            if (calls.length === 1)
              return { code: 1, stdout: "", stderr: "Error: P1002 Timed out trying to acquire a postgres advisory lock" };
            return real.deploy(url, onLine, options);
          },
        };
        const cluster = await startCluster({ database: VERIFY_DATABASE });
        try {
          const dir = await readMigrationsDirectory(project.migrationsDir, repo.dir);
          const snapshot = await openSnapshot({
            cacheDir,
            cluster,
            url: cluster.url,
            prisma,
            project,
            migrationsDir: project.migrationsDir,
            current: dir.migrations,
            prefix: dir.migrations.slice(0, 2),
            logger: new RecordingLogger(),
          });
          const result = await snapshot.deploy(() => {});
          expect(calls).toEqual(["gave up", "deploy"]);
          expect(result.code).toBe(0);
          expect(snapshot.outcome()).toMatchObject({ state: "hit", migrations: 2 });
          const rows = await readPrismaMigrations(cluster.url);
          expect(rows.map((r) => [r.migration_name, r.finished_at !== null])).toEqual(dir.migrations.map((m) => [m.name, true]));
        } finally {
          await cluster.stop();
        }
      });
    } finally {
      rmSync(path.join(repo.dir, path.dirname(file)), { recursive: true, force: true });
    }
  }, 120_000);
});
