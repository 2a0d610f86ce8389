// Every path on which migrate-guard runs the project's Prisma CLI — verify (deploy + schema-to-SQL for
// drift), migrate deploy, migrate resolve --rolled-back/--applied — against the real Prisma 6.19 CLI and
// the real Prisma 7.10 CLI (through test/support/schema-engine-shim), on the same example app. Declared
// by prisma-matrix-6.test.ts and prisma-matrix-7.test.ts, one major each (one cluster per file), so that
// the two halves run on both test workers.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import type { VerifyReport } from "../../src/core/report.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, readPrismaMigrations, withDatabase } from "../../src/postgres/database.js";
import { findPrismaCli, type PrismaCli } from "../../src/prisma/cli.js";
import { locateProject } from "../../src/prisma/project.js";
import { verify } from "../../src/verify/verify.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { type PrismaVariant, useSchemaEngineShim } from "./prisma-versions.js";

const MIGRATIONS = "prisma/migrations";
const BROKEN = "20250103000000_add_comment_table";
const BROKEN_SQL = `-- CreateTable\nCREATE TABLE "Comment" (id BIGSERIAL PRIMARY KEY);\n\nALTER TABLE "Comment" ADD CONSTRAINT "Comment_post_fkey"\n  FOREIGN KEY ("postId") REFERENCES "Post"("id");\n`;
const FIXED_SQL = `-- CreateTable\nCREATE TABLE "Comment" (id BIGSERIAL PRIMARY KEY, "postId" BIGINT NOT NULL);\n`;

let cluster: Cluster;
let restoreEnv: () => void;
let databases = 0;
export async function freshDatabase(): Promise<string> {
  const name = `matrix_${++databases}`;
  await createDatabase(cluster.url, name);
  return withDatabase(cluster.url, name);
}

beforeAll(async () => {
  restoreEnv = useSchemaEngineShim();
  cluster = await startCluster({});
});
afterAll(async () => {
  restoreEnv?.();
  await cluster?.stop();
});

/** schema.prisma rendered as SQL by each variant's CLI, once its test ran. */
export const schemaSql: Record<string, string> = {};

export function describeVariant(variant: PrismaVariant): void {
  describe(variant.label, () => {
    let repo: ProjectRepo;
    let prisma: PrismaCli;
    beforeAll(async () => {
      repo = variant.exampleRepo();
      const project = await locateProject({ workingDirectory: repo.dir });
      prisma = findPrismaCli({
        workingDirectory: repo.dir,
        schemaPath: project.schemaPath,
        urlVariables: project.urlVariables,
        explicitSchema: false,
      });
    });
    afterAll(() => repo?.remove());

    /** Runs `change` on the repository, then puts every file back as committed. */
    async function withChange<T>(change: () => void, work: () => Promise<T>): Promise<T> {
      change();
      try {
        return await work();
      } finally {
        repo.git("checkout", "-q", "--", ".");
        repo.git("clean", "-q", "-fd", "--", MIGRATIONS);
      }
    }

    const run = async (): Promise<VerifyReport> =>
      verify({ workingDirectory: repo.dir, databaseUrl: await freshDatabase(), slowMigrationSeconds: 30, logger: new RecordingLogger() });

    test("the project resolves its own Prisma CLI of this major", () => {
      expect(prisma.major).toBe(variant.major);
    });

    test("verify: the unchanged example passes apply and drift", async () => {
      const report = await run();
      expect(report.checks.map((c) => [c.id, c.status])).toEqual(
        expect.arrayContaining([
          ["apply", "pass"],
          ["drift", "pass"],
        ]),
      );
      expect(report.ok).toBe(true);
      expect(report.migrations.map((m) => m.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
    });

    test("verify: a field with no migration is drift, with the SQL to fix it", async () => {
      const report = await withChange(
        () =>
          repo.write(
            "prisma/schema.prisma",
            repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  age       Int       @default(0)"),
          ),
        run,
      );
      const drift = report.checks.find((c) => c.id === "drift")!;
      expect(drift.findings.map((f) => f.message)).toEqual([`Column "User"."age" is in schema.prisma but no migration creates it`]);
      // Confirmed by Prisma's differ in the mode this major allows; its script is the fix.
      expect(report.drift?.sql).toBe(`-- AlterTable\nALTER TABLE "User" ADD COLUMN     "age" INTEGER NOT NULL DEFAULT 0;\n`);
      expect(report.drift?.judge).toMatch(variant.major === 7 ? /--from-config-datasource/ : /--from-migrations/);
    });

    test("verify: a broken migration fails apply on its line with the PostgreSQL error; drift is skipped", async () => {
      const report = await withChange(() => repo.write(`${MIGRATIONS}/${BROKEN}/migration.sql`, BROKEN_SQL), run);
      const apply = report.checks.find((c) => c.id === "apply")!;
      expect(apply.status).toBe("fail");
      expect(apply.findings[0]).toMatchObject({ rule: "migration-failed", file: `${MIGRATIONS}/${BROKEN}/migration.sql`, line: 4 });
      expect(apply.findings[0]!.message).toContain(`column "postId" referenced in foreign key constraint does not exist`);
      expect(report.checks.find((c) => c.id === "drift")?.status).toBe("skip");
    });

    test("schema.prisma rendered as SQL (the drift reference)", async () => {
      schemaSql[variant.label] = await prisma.schemaToSql(await freshDatabase());
      expect(schemaSql[variant.label]).toContain(`CREATE TABLE "Post"`);
    });

    test("deploy fails on a broken migration; resolve --rolled-back, a fixed deploy, resolve --applied", async () => {
      const url = await freshDatabase();
      await withChange(
        () => repo.write(`${MIGRATIONS}/${BROKEN}/migration.sql`, BROKEN_SQL),
        async () => {
          const failed = await prisma.deploy(url);
          expect(failed.code).not.toBe(0);
          expect(failed.stdout + failed.stderr).toMatch(/P3018|postId/);
          expect((await readPrismaMigrations(url)).find((r) => r.migration_name === BROKEN)).toMatchObject({
            finished_at: null,
            rolled_back_at: null,
          });

          const rolledBack = await prisma.resolve(url, "rolled-back", BROKEN);
          expect(rolledBack).toMatchObject({ code: 0 });
          expect((await readPrismaMigrations(url)).find((r) => r.migration_name === BROKEN)?.rolled_back_at).not.toBeNull();

          repo.write(`${MIGRATIONS}/${BROKEN}/migration.sql`, FIXED_SQL);
          const fixed = await prisma.deploy(url);
          expect(fixed.code).toBe(0);
          expect((await readPrismaMigrations(url)).filter((r) => r.finished_at !== null).map((r) => r.migration_name)).toEqual([
            "20250101000000_create_users",
            "20250102000000_add_posts",
            BROKEN,
          ]);

          // A migration applied by hand elsewhere is recorded without running it.
          const manual = "20250104000000_add_post_slug";
          repo.write(`${MIGRATIONS}/${manual}/migration.sql`, `ALTER TABLE "Post" ADD COLUMN "slug" TEXT;\n`);
          expect(await prisma.resolve(url, "applied", manual)).toMatchObject({ code: 0 });
          const row = (await readPrismaMigrations(url)).find((r) => r.migration_name === manual);
          expect(row?.finished_at).not.toBeNull();
          // Resolving it again is refused by Prisma (P3008), and nothing was run: no slug column.
          const again = await prisma.resolve(url, "applied", manual);
          expect(again.code).not.toBe(0);
          expect(again.stdout + again.stderr).toContain("P3008");
          expect((await prisma.deploy(url)).stdout).toMatch(/No pending migrations to apply/);
        },
      );
    });

    test("an engine panic is a clear failure of apply, not a hang or a pass", async () => {
      process.env.FORCE_PANIC_SCHEMA_ENGINE = "1";
      let report: VerifyReport;
      try {
        report = await run();
      } finally {
        delete process.env.FORCE_PANIC_SCHEMA_ENGINE;
      }
      expect(report.ok).toBe(false);
      const apply = report.checks.find((c) => c.id === "apply")!;
      expect(apply).toMatchObject({ status: "fail", findings: [expect.objectContaining({ rule: "deploy-failed" })] });
      // Prisma 7 carries the engine's panic message; 6.19's WASM wrapper loses it to a wasm-bindgen error.
      expect(apply.findings[0]!.message).toMatch(variant.major === 7 ? /debugPanic artificial panic/ : /Rust value|panic/i);
    });
  });
}
