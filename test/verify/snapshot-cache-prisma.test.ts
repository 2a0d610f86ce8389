// The snapshot cache's miss path runs Prisma on a copy of the project that holds only the base
// branch's migrations (a prisma.config.ts that imports the real one): on Prisma 6.19 and Prisma 7.10
// alike, the miss makes the snapshot and the next run restores it, ending in the same `_prisma_migrations`.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import { readPrismaMigrations } from "../../src/postgres/database.js";
import { verify } from "../../src/verify/verify.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { PRISMA_VARIANTS, useSchemaEngineShim } from "../prisma7/prisma-versions.js";

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = useSchemaEngineShim();
});
afterAll(() => restoreEnv?.());

describe.each(PRISMA_VARIANTS)("$label", (variant) => {
  let repo: ProjectRepo;
  let base: string;
  let cacheDir: string;
  beforeAll(() => {
    repo = variant.exampleRepo();
    base = repo.git("rev-parse", "HEAD");
    repo.write("prisma/migrations/20250103000000_add_user_bio/migration.sql", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`);
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  bio       String?"),
    );
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "mg-cache-prisma-"));
  });
  afterAll(() => {
    repo?.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  test("miss (prefix deployed alone, then the rest) and hit agree", async () => {
    const runOnce = async () => {
      let rows: { name: string; checksum: string; steps: number }[] = [];
      const report = await verify({
        workingDirectory: repo.dir,
        baseRef: base,
        slowMigrationSeconds: 30,
        cacheDir,
        logger: new RecordingLogger(),
        onMigrated: async (url) => {
          rows = (await readPrismaMigrations(url)).map((r) => ({
            name: r.migration_name,
            checksum: r.checksum,
            steps: r.applied_steps_count,
          }));
        },
      });
      return { report, rows };
    };
    const miss = await runOnce();
    expect(miss.report.ok).toBe(true);
    expect(miss.report.cache).toMatchObject({ state: "miss", migrations: 2, saved: true });
    expect(miss.rows.map((r) => r.name)).toEqual([
      "20250101000000_create_users",
      "20250102000000_add_posts",
      "20250103000000_add_user_bio",
    ]);
    const hit = await runOnce();
    expect(hit.report.ok).toBe(true);
    expect(hit.report.cache).toMatchObject({ state: "hit", migrations: 2 });
    expect(hit.rows).toEqual(miss.rows);
  }, 120_000);
});
