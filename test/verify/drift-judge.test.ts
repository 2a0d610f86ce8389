// The drift check on real PostgreSQL with the real Prisma CLI (6.19 offline, `engine: "js"`, so its
// differ runs `--from-migrations` on a shadow database): extensions the schema needs, defaults equal
// as values, Prisma's differ as the judge, and drift already on the base ref warned, not failed.
import { afterEach, describe, expect, test } from "@jest/globals";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { RecordingLogger } from "../../src/core/logger.js";
import type { CheckResult, VerifyReport } from "../../src/core/report.js";
import { verify } from "../../src/verify/verify.js";
import { createProjectRepo, repoRoot, type ProjectRepo } from "../support/project-repo.js";

const app = path.join(repoRoot, "test/fixtures/drift/extensions-app");
const SCHEMA = "prisma/schema.prisma";
let repo: ProjectRepo | undefined;
let cacheDir: string | undefined;
afterEach(() => {
  repo?.remove();
  repo = undefined;
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
});

function run(dir: string, options: { baseRef?: string; cacheDir?: string; logger?: RecordingLogger } = {}): Promise<VerifyReport> {
  return verify({
    workingDirectory: dir,
    slowMigrationSeconds: 30,
    logger: options.logger ?? new RecordingLogger(),
    cacheDir: options.cacheDir ?? false,
    ...(options.baseRef ? { baseRef: options.baseRef } : {}),
  });
}

const driftOf = (report: VerifyReport): CheckResult => report.checks.find((c) => c.id === "drift")!;
const byRule = (check: CheckResult, rule: string) => check.findings.filter((f) => f.rule === rule).map((f) => f.message);

describe("drift judged with Prisma's differ", () => {
  test("citext column, pg_trgm GIN index, DEFAULT '{}' for @default([]): no crash, no drift; a sequence Prisma ignores is only a notice", async () => {
    const report = await run(app);
    expect(report.checks.filter((c) => c.status === "fail")).toEqual([]);
    const drift = driftOf(report);
    expect(drift.status).toBe("pass");
    // The one difference the catalog sees: the migration's own sequence behind @default(autoincrement()).
    // Prisma's differ does not see it, so it is a notice that says so.
    expect(drift.findings).toEqual([
      expect.objectContaining({
        rule: "drift-not-confirmed",
        severity: "notice",
        message: `Column "Ticket"."id" has default nextval('ticket_numbers'::regclass) in the migrations but nextval('"Ticket_id_seq"'::regclass) in schema.prisma — Prisma's differ does not see this difference, so it does not fail the check`,
      }),
    ]);
    expect(drift.summary).toMatch(/--from-migrations/);
    expect(report.drift).toBeUndefined();
  });

  test("a field added without a migration fails, with Prisma's SQL as the fix", async () => {
    repo = createProjectRepo(app);
    repo.write(SCHEMA, repo.read(SCHEMA).replace("  title String\n", "  title String\n  owner String @db.Citext\n"));
    const report = await run(repo.dir);
    expect(report.ok).toBe(false);
    const drift = driftOf(report);
    expect(drift.status).toBe("fail");
    expect(byRule(drift, "drift-column")).toEqual([`Column "Ticket"."owner" is in schema.prisma but no migration creates it`]);
    expect(report.drift?.differences).toEqual([`Column "Ticket"."owner" is in schema.prisma but no migration creates it`]);
    expect(report.drift?.sql).toBe(`-- AlterTable\nALTER TABLE "Ticket" ADD COLUMN     "owner" CITEXT NOT NULL;\n`);
    expect(report.drift?.judge).toMatch(/--from-migrations/);
  });

  test("drift already on the base ref is a warning; only drift the pull request adds fails, naming it", async () => {
    repo = createProjectRepo(app);
    // The base branch already has drift: an index schema.prisma declares that no migration creates.
    repo.write(SCHEMA, repo.read(SCHEMA).replace("  title String\n", "  title String\n\n  @@index([title])\n"));
    const base = repo.commitAll("base with drift");
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-drift-cache-"));
    // The base's differences as the catalog comparison sees them (the warm path runs no Prisma: the
    // sequence Prisma ignores is listed too).
    const existing = [
      `Column "Ticket"."id" has default nextval('ticket_numbers'::regclass) in the migrations but nextval('"Ticket_id_seq"'::regclass) in schema.prisma`,
      `Index "Ticket_title_idx" on "Ticket" is in schema.prisma but no migration creates it`,
    ];

    // A pull request that adds a migration but no drift: passes, the base's drift warned.
    repo.write("prisma/migrations/20250102000000_comment_tickets/migration.sql", `COMMENT ON TABLE "Ticket" IS 'support tickets';\n`);
    const clean = await run(repo.dir, { baseRef: base, cacheDir });
    expect(clean.ok).toBe(true);
    expect(driftOf(clean).status).toBe("warn");
    expect(driftOf(clean).summary).toContain(`already on ${base}: 2 difference(s)`);
    expect(byRule(driftOf(clean), "drift-existing")).toEqual(existing.map((e) => `already on ${base}: ${e}`));
    expect(clean.drift).toMatchObject({ differences: [], existing, baseRef: base });

    // The next run reads the base's drift from the cache; a field added without a migration fails.
    repo.write(SCHEMA, repo.read(SCHEMA).replace("  title String\n", "  title String\n  priority Int @default(0)\n"));
    const logger = new RecordingLogger();
    const added = await run(repo.dir, { baseRef: base, cacheDir, logger });
    expect(logger.lines.map((l) => l.message)).toContain(`Drift on ${base}: 2 difference(s), from the cache.`);
    expect(added.ok).toBe(false);
    const drift = driftOf(added);
    expect(drift.status).toBe("fail");
    expect(byRule(drift, "drift-column")).toEqual([`Column "Ticket"."priority" is in schema.prisma but no migration creates it`]);
    expect(added.drift).toMatchObject({
      differences: [`Column "Ticket"."priority" is in schema.prisma but no migration creates it`],
      existing,
    });
    // Prisma's script also holds the base's index; the fix shown is the part this pull request needs.
    expect(added.drift?.sql).toBe(`-- AlterTable\nALTER TABLE "Ticket" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0;\n`);
  });

  test("without a base ref the same drift fails as before", async () => {
    repo = createProjectRepo(app);
    repo.write(SCHEMA, repo.read(SCHEMA).replace("  title String\n", "  title String\n\n  @@index([title])\n"));
    const report = await run(repo.dir);
    expect(driftOf(report).status).toBe("fail");
    expect(report.drift?.differences).toEqual([`Index "Ticket_title_idx" on "Ticket" is in schema.prisma but no migration creates it`]);
    expect(report.drift?.sql).toBe(`-- CreateIndex\nCREATE INDEX "Ticket_title_idx" ON "Ticket"("title");\n`);
  });
});
