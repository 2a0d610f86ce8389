// Each mistake an app team makes in a pull request fails the right check, with the right file and
// line — through the real pipeline: a real cluster, the real Prisma CLI, a real git base.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import type { CheckId, VerifyReport } from "../../src/core/report.js";
import { verify } from "../../src/verify/verify.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";

const MIGRATIONS = "prisma/migrations";
let repo: ProjectRepo;
let base: string;

beforeEach(() => {
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
});
afterEach(() => repo.remove());

function run(extra: { baseRef?: string } = { baseRef: "main" }): Promise<VerifyReport> {
  return verify({
    workingDirectory: repo.dir,
    slowMigrationSeconds: 30,
    logger: new RecordingLogger(),
    ...(extra.baseRef ? { baseRef: base } : {}),
  });
}

function check(report: VerifyReport, id: CheckId) {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

function failedChecks(report: VerifyReport): CheckId[] {
  return report.checks.filter((c) => c.status === "fail").map((c) => c.id);
}

const addMigration = (name: string, sql: string) => repo.write(`${MIGRATIONS}/${name}/migration.sql`, sql);

describe("verify on the example app", () => {
  test("an unchanged project passes every check", async () => {
    const report = await run();
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["lock-file", "pass"],
      ["naming", "pass"],
      ["order", "pass"],
      ["history", "pass"],
      ["lint", "skip"],
      ["apply", "pass"],
      ["timing", "pass"],
      ["drift", "pass"],
    ]);
    expect(report.migrations.map((m) => m.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
  });

  test("a field added to schema.prisma without a migration is drift, with the SQL to fix it", async () => {
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  age       Int       @default(0)"),
    );
    const report = await run();
    expect(failedChecks(report)).toEqual(["drift"]);
    expect(check(report, "drift").findings.map((f) => f.message)).toEqual([
      `Column "User"."age" is in schema.prisma but no migration creates it`,
    ]);
    // Prisma's differ confirmed it: its own script is the fix.
    expect(report.drift?.sql).toBe(`-- AlterTable\nALTER TABLE "User" ADD COLUMN     "age" INTEGER NOT NULL DEFAULT 0;\n`);
    expect(report.drift?.judge).toMatch(/--from-migrations/);
    expect(report.drift?.fixCommand).toMatch(/prisma migrate dev/);
  });

  test("a migration that adds what schema.prisma has passes drift", async () => {
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  age       Int       @default(0)"),
    );
    addMigration("20250103000000_add_user_age", `ALTER TABLE "User" ADD COLUMN "age" INTEGER NOT NULL DEFAULT 0;\n`);
    const report = await run();
    expect(report.ok).toBe(true);
    expect(report.migrations).toHaveLength(3);
  });

  test("editing a migration that is on the base branch fails history on that file and line", async () => {
    const file = `${MIGRATIONS}/20250101000000_create_users/migration.sql`;
    repo.write(file, repo.read(file).replace(`"name" TEXT,`, `"name" VARCHAR(200),`));
    const report = await run();
    expect(failedChecks(report)).toContain("history");
    const finding = check(report, "history").findings[0]!;
    expect(finding).toMatchObject({ rule: "edited-migration", file, line: 5, severity: "error" });
  });

  test("deleting and renaming base migrations fail history", async () => {
    repo.git("mv", `${MIGRATIONS}/20250102000000_add_posts`, `${MIGRATIONS}/20250102000001_add_posts_table`);
    const renamed = await run();
    expect(check(renamed, "history").findings.map((f) => f.rule)).toEqual(["renamed-migration"]);
  });

  test("a generic migration name fails naming", async () => {
    addMigration("20250103000000_fix", `CREATE INDEX "User_name_idx" ON "User"("name");\n`);
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  posts     Post[]\n}", "  posts     Post[]\n\n  @@index([name])\n}"),
    );
    const report = await run();
    expect(failedChecks(report)).toEqual(["naming"]);
    expect(check(report, "naming").findings[0]).toMatchObject({
      rule: "generic-name",
      file: `${MIGRATIONS}/20250103000000_fix/migration.sql`,
    });
  });

  test("a new migration that sorts before a base migration fails order", async () => {
    addMigration("20250101120000_add_user_bio", `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`);
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  name      String?", "  name      String?\n  bio       String?"),
    );
    const report = await run();
    expect(failedChecks(report)).toEqual(["order"]);
    expect(check(report, "order").findings[0]).toMatchObject({
      rule: "out-of-order",
      file: `${MIGRATIONS}/20250101120000_add_user_bio/migration.sql`,
    });
  });

  test("a broken migration fails apply with the Postgres error on its line; drift is skipped", async () => {
    addMigration(
      "20250103000000_add_comment_table",
      `-- CreateTable\nCREATE TABLE "Comment" (id BIGSERIAL PRIMARY KEY);\n\nALTER TABLE "Comment" ADD CONSTRAINT "Comment_post_fkey"\n  FOREIGN KEY ("postId") REFERENCES "Post"("id");\n`,
    );
    const report = await run();
    expect(failedChecks(report)).toEqual(["apply"]);
    const finding = check(report, "apply").findings[0]!;
    expect(finding).toMatchObject({
      rule: "migration-failed",
      file: `${MIGRATIONS}/20250103000000_add_comment_table/migration.sql`,
      line: 4,
    });
    expect(finding.message).toContain(`column "postId" referenced in foreign key constraint does not exist`);
    expect(finding.message).toContain("42703");
    expect(check(report, "drift").status).toBe("skip");
    expect(report.migrations.map((m) => m.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);
  });

  test("a missing migration_lock.toml fails lock-file; a folder without migration.sql fails naming", async () => {
    repo.git("rm", "-q", `${MIGRATIONS}/migration_lock.toml`);
    repo.write(`${MIGRATIONS}/20250103000000_add_tags/README.md`, "forgot the SQL\n");
    const report = await run({});
    expect(check(report, "lock-file").findings[0]).toMatchObject({ rule: "missing-lock-file" });
    expect(check(report, "naming").findings[0]).toMatchObject({
      rule: "missing-migration-sql",
      file: `${MIGRATIONS}/20250103000000_add_tags`,
    });
    // Prisma stops on the folder (P3015) after the two migrations before it, on none of its own.
    expect(check(report, "apply").findings[0]!.message).toMatch(
      /^prisma migrate deploy failed after applying 2 migration\(s\), on no migration of its own:\n[\s\S]*P3015/,
    );
  });
});
