// verify on real migration histories (test/fixtures/corpus, see its README): every migration applies
// with the real Prisma CLI, and the drift each upstream schema really has is reported exactly.
import { describe, expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import type { VerifyReport } from "../../src/core/report.js";
import { verify } from "../../src/verify/verify.js";
import { corpus, createProjectRepo } from "../support/project-repo.js";

function run(workingDirectory: string, baseRef?: string): Promise<VerifyReport> {
  return verify({ workingDirectory, slowMigrationSeconds: 30, logger: new RecordingLogger(), ...(baseRef ? { baseRef } : {}) });
}

function drift(report: VerifyReport) {
  const check = report.checks.find((c) => c.id === "drift")!;
  return {
    status: check.status,
    errors: check.findings.filter((f) => f.severity === "error").map((f) => f.message),
    notes: check.findings.filter((f) => f.severity === "notice").map((f) => f.message),
  };
}

describe("real migration histories", () => {
  test("umami: 19 migrations apply; one index of schema.prisma was never migrated", async () => {
    const report = await run(corpus("umami"));
    expect(report.checks.find((c) => c.id === "apply")?.status).toBe("pass");
    expect(report.migrations).toHaveLength(19);
    // Upstream declares @@index([visitId]) on SessionReplay but no migration creates it.
    expect(drift(report)).toEqual({
      status: "fail",
      errors: [`Index "session_replay_visit_id_idx" on "session_replay" is in schema.prisma but no migration creates it`],
      notes: [],
    });
    // Prisma's differ confirms it; its script is the fix.
    expect(report.drift?.sql).toBe(`-- CreateIndex\nCREATE INDEX "session_replay_visit_id_idx" ON "session_replay"("visit_id");\n`);
  });

  test("hoppscotch: 21 migrations apply; four raw-SQL GIN/trigram indexes are not in schema.prisma", async () => {
    const report = await run(corpus("hoppscotch"));
    expect(report.migrations).toHaveLength(21);
    // Created by raw SQL in migrations for search; schema.prisma does not declare them, so
    // `prisma migrate dev` would generate DROP INDEX for each.
    expect(drift(report).errors).toEqual([
      `Index "TeamCollection_title_trgm_idx" on "TeamCollection" is created by the migrations but is not in schema.prisma`,
      `Index "TeamRequest_title_trgm_idx" on "TeamRequest" is created by the migrations but is not in schema.prisma`,
      `Index "idx_mock_examples_team_requests_gin" on "TeamRequest" is created by the migrations but is not in schema.prisma`,
      `Index "idx_mock_examples_user_requests_gin" on "UserRequest" is created by the migrations but is not in schema.prisma`,
    ]);
  });

  test("trigger.dev: 820 migrations apply; the drift upstream really has is reported, explained and confirmed by Prisma's differ", async () => {
    const report = await run(corpus("trigger.dev"));
    expect(report.checks.find((c) => c.id === "apply")?.status).toBe("pass");
    expect(report.migrations).toHaveLength(820);
    const check = report.checks.find((c) => c.id === "drift")!;
    const errors = (rule: RegExp) => check.findings.filter((f) => f.severity === "error" && rule.test(f.rule)).map((f) => f.message);
    const catalog = errors(/^drift-/);
    const count = (pattern: RegExp) => catalog.filter((m) => pattern.test(m)).length;
    // 20260401000000_drop_taskrun_foreign_keys and others drop foreign keys that schema.prisma's
    // relations still declare: Prisma would recreate them.
    expect(count(/^Foreign key ".*" is in schema.prisma but no migration creates it$/)).toBe(30);
    // Implicit many-to-many tables still use the pre-Prisma-6 unique index instead of a primary key.
    expect(count(/^Primary key "_\w+_AB_pkey" .* is in schema.prisma but no migration creates it$/)).toBe(4);
    expect(count(/^Index "_\w+_AB_unique" .* is created by the migrations but is not in schema.prisma$/)).toBe(4);
    // @updatedAt columns created with DEFAULT CURRENT_TIMESTAMP by hand-written SQL.
    expect(catalog).toContain(
      `Column "FeatureFlag"."updatedAt" has default CURRENT_TIMESTAMP in the migrations but (none) in schema.prisma`,
    );
    expect(catalog).toContain(
      `Column "IntegrationDeployment"."updatedAt" has default CURRENT_TIMESTAMP in the migrations but (none) in schema.prisma`,
    );
    // An index name PostgreSQL truncated at 63 bytes, while Prisma shortens names its own way.
    expect(catalog).toContain(
      `Index "BackgroundWorkerTask_runtimeEnvironmentId_slug_triggerSource_id" on "BackgroundWorkerTask" is named "BackgroundWorkerTask_runtimeEnvironmentId_slug_triggerSourc_idx" in schema.prisma`,
    );
    // Two raw-SQL indexes (INCLUDE, WHERE) Prisma's differ would recreate: drift for Prisma too.
    expect(catalog.filter((m) => m.includes("Prisma's differ would change it"))).toHaveLength(2);
    expect(catalog).toHaveLength(43);
    // Prisma's differ also drops and recreates an index the catalogs agree on (an operator class it
    // does not read back): named, not explained.
    expect(errors(/^prisma-drift$/)).toEqual([
      'Prisma\'s differ wants `DROP INDEX "SecretStore_key_idx";`',
      'Prisma\'s differ wants `CREATE INDEX "SecretStore_key_idx" ON "SecretStore"("key" text_pattern_ops);`',
    ]);
    // Partial indexes made in raw SQL that Prisma's differ leaves alone: noted, not failed.
    expect(check.findings.filter((f) => f.severity === "notice").map((f) => f.rule)).toEqual([
      "unrepresentable-index",
      "unrepresentable-index",
      "unrepresentable-index",
    ]);
    expect(report.drift?.judge).toMatch(/--from-migrations/);
    expect(report.drift?.sql).toContain(`ALTER TABLE "TaskRun" ADD CONSTRAINT "TaskRun_runtimeEnvironmentId_fkey" FOREIGN KEY`);
  }, 400_000);

  test("trigger.dev with a base ref: a pull request that adds no drift passes; the 41 differences already there are warnings", async () => {
    const repo = createProjectRepo(corpus("trigger.dev"));
    try {
      const base = repo.git("rev-parse", "HEAD");
      repo.write("prisma/migrations/99990101000000_comment_user/migration.sql", `COMMENT ON TABLE "User" IS 'one new migration';\n`);
      const report = await run(repo.dir, base);
      expect(report.ok).toBe(true);
      const check = report.checks.find((c) => c.id === "drift")!;
      expect(check.status).toBe("warn");
      expect(check.summary).toContain(`already on ${base}: 41 difference(s)`);
      expect(report.drift?.differences).toEqual([]);
      expect(report.drift?.existing).toHaveLength(41);
      // Nothing new: Prisma's differ did not run.
      expect(report.drift?.judge).toBeUndefined();
    } finally {
      repo.remove();
    }
  }, 400_000);

  test("umami: editing a migration of the base branch and adding a generic one fail history and naming", async () => {
    const repo = createProjectRepo(corpus("umami"));
    try {
      const base = repo.git("rev-parse", "HEAD");
      const old = "prisma/migrations/05_add_visit_id/migration.sql";
      repo.write(old, repo.read(old) + "\n-- tidied up\n");
      repo.write(
        "prisma/migrations/20_changes/migration.sql",
        `CREATE INDEX "session_replay_visit_id_idx" ON "session_replay"("visit_id");\n`,
      );
      const report = await run(repo.dir, base);
      expect(report.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["naming", "history"]);
      expect(report.checks.find((c) => c.id === "history")?.findings).toEqual([
        expect.objectContaining({ rule: "edited-migration", file: old, severity: "error" }),
      ]);
      expect(report.checks.find((c) => c.id === "naming")?.findings).toEqual([
        expect.objectContaining({ rule: "generic-name", file: "prisma/migrations/20_changes/migration.sql" }),
      ]);
      // The new migration fixes the index drift upstream has.
      expect(report.checks.find((c) => c.id === "drift")?.status).toBe("pass");
    } finally {
      repo.remove();
    }
  });
});
