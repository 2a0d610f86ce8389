// The faults of the snapshot-hit path (see snapshot-overlap.test.ts): a snapshot that passes its
// checksum but does not restore, and Prisma giving up on the advisory lock verify holds while it
// restores. Real clusters, the real Prisma CLI, the example app (two base migrations).
import { describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import { readPrismaMigrations } from "../../src/postgres/database.js";
import { lint, useExampleRepo, withCache } from "./support/overlap.js";

const { repo, run } = useExampleRepo();

describe("snapshot hit: a snapshot that does not restore", () => {
  test("a snapshot that passes its checksum but does not restore: Prisma (waiting on the lock) is stopped, the run is a miss from scratch", async () => {
    const file = "prisma/migrations/20250103000000_comment_users/migration.sql";
    repo().write(file, `COMMENT ON TABLE "User" IS 'people';\n`);
    try {
      await withCache(async (cacheDir) => {
        let coldRows: unknown[] = [];
        let rows: unknown[] = [];
        const shape = async (url: string) =>
          (await readPrismaMigrations(url)).map((r) => [r.migration_name, r.checksum, r.finished_at !== null, r.applied_steps_count]);
        // One run without the cache gives both the report and the migrated rows to compare with.
        const off = await run(false, async (url) => {
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
      rmSync(path.join(repo().dir, path.dirname(file)), { recursive: true, force: true });
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
    repo().write(file, `COMMENT ON TABLE "User" IS 'people';\n`);
    try {
      await withCache(async (cacheDir) => {
        expect((await run(cacheDir)).report.cache).toMatchObject({ state: "miss", saved: true });
        const project = await locateProject({ workingDirectory: repo().dir });
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
          const dir = await readMigrationsDirectory(project.migrationsDir, repo().dir);
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
      rmSync(path.join(repo().dir, path.dirname(file)), { recursive: true, force: true });
    }
  }, 120_000);
});
