// The snapshot cache through verify, with real clusters and the real Prisma CLI on umami's history
// (19 migrations on the base branch, one new): a warm run (prefix restored) leaves the same catalog
// and the same `_prisma_migrations` as a run without the cache and as the run that made the
// snapshot; an edited prefix file misses; a corrupt snapshot is reported and verify passes from scratch.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Catalog } from "../../src/core/catalog.js";
import { RecordingLogger } from "../../src/core/logger.js";
import type { VerifyReport } from "../../src/core/report.js";
import { readCatalog } from "../../src/postgres/catalog-reader.js";
import { readPrismaMigrations } from "../../src/postgres/database.js";
import { verify } from "../../src/verify/verify.js";
import { corpus, createProjectRepo, type ProjectRepo } from "../support/project-repo.js";

const NEW_MIGRATION = "prisma/migrations/20_add_session_replay_visit_index/migration.sql";

let repo: ProjectRepo;
let base: string;
let cacheDir: string;

beforeAll(() => {
  repo = createProjectRepo(corpus("umami"));
  base = repo.git("rev-parse", "HEAD");
  repo.write(NEW_MIGRATION, `CREATE INDEX "session_replay_visit_id_idx" ON "session_replay"("visit_id");\n`);
  cacheDir = mkdtempSync(path.join(os.tmpdir(), "mg-verify-cache-"));
});
afterAll(() => {
  repo.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

interface State {
  catalog: Catalog;
  /**
   * `_prisma_migrations` without what differs by nature between two applies: `id` (a random UUID),
   * `started_at` and `finished_at` (wall-clock times). Compared: migration_name, checksum,
   * finished (finished_at set), rolled_back_at, logs, applied_steps_count — in order.
   */
  rows: {
    migration_name: string;
    checksum: string;
    finished: boolean;
    rolled_back_at: Date | null;
    logs: string | null;
    applied_steps_count: number;
  }[];
}

async function run(cache: string | false): Promise<{ report: VerifyReport; state: State; logger: RecordingLogger }> {
  let state: State | undefined;
  const logger = new RecordingLogger();
  const report = await verify({
    workingDirectory: repo.dir,
    baseRef: base,
    slowMigrationSeconds: 30,
    cacheDir: cache,
    logger,
    onMigrated: async (url) => {
      const rows = await readPrismaMigrations(url);
      state = {
        catalog: await readCatalog(url, ["public"]),
        rows: rows.map((r) => ({
          migration_name: r.migration_name,
          checksum: r.checksum,
          finished: r.finished_at !== null,
          rolled_back_at: r.rolled_back_at,
          logs: r.logs,
          applied_steps_count: r.applied_steps_count,
        })),
      };
    },
  });
  return { report, state: state!, logger };
}

const dumpFile = () => {
  const [key] = readdirSync(path.join(cacheDir, "snapshots")).filter((n) => !n.startsWith("."));
  return path.join(cacheDir, "snapshots", key!, "snapshot.dump");
};

describe("snapshot cache in verify (umami: 19 base migrations + 1 new)", () => {
  let cold: State;

  test("cold (no cache), miss (makes the snapshot) and warm (restores it) end in the same catalog and the same _prisma_migrations", async () => {
    const off = await run(false);
    expect(off.report.ok).toBe(true);
    expect(off.report.cache).toMatchObject({ state: "off" });
    cold = off.state;
    expect(cold.rows).toHaveLength(20);
    expect(cold.rows.every((r) => r.finished && r.rolled_back_at === null)).toBe(true);

    const miss = await run(cacheDir);
    expect(miss.report.ok).toBe(true);
    expect(miss.report.cache).toMatchObject({ state: "miss", migrations: 19, saved: true });
    expect(miss.state).toEqual(cold);

    const warm = await run(cacheDir);
    expect(warm.report.ok).toBe(true);
    expect(warm.report.cache).toMatchObject({ state: "hit", migrations: 19 });
    expect(warm.report.cache?.savedMs).toEqual(expect.any(Number));
    expect(warm.report.checks.find((c) => c.id === "apply")?.summary).toBe(
      "20 migrations applied with prisma migrate deploy (19 of them restored from the snapshot cache, where Prisma applied them)",
    );
    // Prisma itself applied the new one: its row is there with Prisma's checksum, as in the cold run.
    expect(warm.state).toEqual(cold);
    // The new migration's locks are measured on the restored base state (rolled back): the same
    // findings as from the replay of the base migrations.
    const lint = (r: VerifyReport) => r.checks.find((c) => c.id === "lint")!.findings;
    expect(lint(off.report).some((f) => f.rule === "measured-lock" && /^Measured: SHARE on "session_replay"/.test(f.message))).toBe(true);
    expect(lint(warm.report)).toEqual(lint(off.report));
    // The run that made the snapshot measured them on a copy of the prefix state it made anyway.
    expect(lint(miss.report)).toEqual(lint(off.report));
    expect(miss.logger.lines.some((l) => /on a copy of the base state/.test(l.message))).toBe(true);
  }, 120_000);

  test("an edited prefix file misses the cache (and history fails)", async () => {
    const old = "prisma/migrations/05_add_visit_id/migration.sql";
    const original = repo.read(old);
    repo.write(old, original + "\n-- tidied up\n");
    try {
      const edited = await run(cacheDir);
      expect(edited.report.cache).toMatchObject({ state: "miss", migrations: 4 });
      expect(edited.report.checks.find((c) => c.id === "history")?.status).toBe("fail");
      expect(edited.report.checks.find((c) => c.id === "apply")?.status).toBe("pass");
    } finally {
      repo.write(old, original);
    }
  }, 60_000);

  test("a corrupt snapshot is reported as corrupt, never restored, and verify passes from scratch", async () => {
    const file = dumpFile();
    writeFileSync(file, Buffer.concat([Buffer.from("not a dump"), Buffer.alloc(100)]));
    const corrupt = await run(cacheDir);
    expect(corrupt.report.ok).toBe(true);
    expect(corrupt.report.cache).toMatchObject({ state: "corrupt", migrations: 19, saved: true });
    expect(corrupt.report.cache?.detail).toMatch(
      /corrupt \(snapshot\.dump has 110 bytes, the manifest says \d+\) and was ignored; a new one was saved/,
    );
    expect(corrupt.logger.lines.some((l) => l.level === "warning" && /corrupt/.test(l.message))).toBe(true);
    expect(corrupt.state).toEqual(cold);
  }, 60_000);
});

describe("a prefix that changed the cluster, not only the database, is never cached", () => {
  let roleRepo: ProjectRepo;
  let roleCache: string;
  beforeAll(() => {
    roleRepo = createProjectRepo(corpus("umami"));
    // A role and a grant live in the cluster: a database dump would restore the grant's table but not
    // the role, and a later migration that creates or drops the role would pass warm and fail cold.
    roleRepo.write(
      "prisma/migrations/20_analytics_reader/migration.sql",
      `CREATE ROLE analytics_reader NOLOGIN;\nGRANT SELECT ON "website" TO analytics_reader;\n`,
    );
    roleRepo.commitAll("role");
    roleRepo.write(
      "prisma/migrations/21_add_session_replay_visit_index/migration.sql",
      `CREATE INDEX "session_replay_visit_id_idx" ON "session_replay"("visit_id");\n`,
    );
    roleCache = mkdtempSync(path.join(os.tmpdir(), "mg-verify-cache-roles-"));
  });
  afterAll(() => {
    roleRepo.remove();
    rmSync(roleCache, { recursive: true, force: true });
  });

  test("without the cache, verify applies a history that creates a role (locks are not measured beside the apply, which would collide on the role)", async () => {
    const baseRef = roleRepo.git("rev-parse", "HEAD");
    const report = await verify({
      workingDirectory: roleRepo.dir,
      baseRef,
      slowMigrationSeconds: 30,
      cacheDir: false,
      logger: new RecordingLogger(),
    });
    expect(report.checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(JSON.stringify(report)).toContain("Locks not measured: migration 20_analytics_reader creates or changes a role or tablespace");
  });

  test("the run says why it saved nothing, and the next run misses again", async () => {
    const baseRef = roleRepo.git("rev-parse", "HEAD");
    for (let i = 0; i < 2; i++) {
      const logger = new RecordingLogger();
      const report = await verify({ workingDirectory: roleRepo.dir, baseRef, slowMigrationSeconds: 30, cacheDir: roleCache, logger });
      expect(report.ok).toBe(true);
      expect(report.cache).toMatchObject({ state: "miss", migrations: 20, saved: false });
      expect(logger.text()).toContain(
        "not saved this run — the migrations created role(s) analytics_reader, which a database dump cannot carry",
      );
    }
  });
});
