// verify's lint check through the real pipeline: a real cluster, the real Prisma CLI, a git base.
// The measured locks run on a scratch database and must leave Prisma's apply untouched.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import type { CheckId, VerifyReport } from "../../src/core/report.js";
import { verify } from "../../src/verify/verify.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";

let repo: ProjectRepo;
let base: string;
beforeEach(() => {
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
});
afterEach(() => repo.remove());

const run = (): Promise<VerifyReport> =>
  verify({ workingDirectory: repo.dir, slowMigrationSeconds: 30, logger: new RecordingLogger(), baseRef: base });
const check = (r: VerifyReport, id: CheckId) => r.checks.find((c) => c.id === id)!;

describe("verify: lint check", () => {
  test("a destructive migration fails lint, with measured locks; apply and drift are untouched", async () => {
    repo.write(
      "prisma/migrations/20250103000000_drop_user_name/migration.sql",
      `ALTER TABLE "User" DROP COLUMN "name";\nCREATE INDEX "Post_title_idx" ON "Post"("title");\n`,
    );
    repo.write(
      "prisma/schema.prisma",
      repo
        .read("prisma/schema.prisma")
        .replace("  name      String?\n", "")
        .replace("  @@index([authorId])", "  @@index([authorId])\n  @@index([title])"),
    );
    const report = await run();
    expect(report.checks.map((c) => c.id)).toEqual(["lock-file", "naming", "order", "history", "lint", "apply", "timing", "drift"]);
    const lint = check(report, "lint");
    expect(lint.status).toBe("fail");
    expect(lint.summary).toMatch(/^1 new migration\(s\) linted against the base branch's 2: 1 error, 2 warnings/);
    const file = "prisma/migrations/20250103000000_drop_user_name/migration.sql";
    expect(lint.findings.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
      ["drop-column", "error", file, 1],
      ["create-index-non-concurrently", "warning", file, 2],
      ["missing-lock-timeout", "warning", file, 1],
      ["measured-lock", "notice", file, 1],
      ["measured-lock", "notice", file, 2],
    ]);
    expect(lint.findings.filter((f) => f.rule === "measured-lock").map((f) => f.message)).toEqual([
      `Measured: ACCESS EXCLUSIVE on "User" — blocks reads and writes; held until the migration commits.`,
      `Measured: SHARE on "Post" — blocks writes (INSERT, UPDATE, DELETE); reads continue; held until the migration commits.`,
    ]);
    expect(check(report, "apply").status).toBe("pass");
    expect(report.migrations.map((m) => m.name)).toEqual([
      "20250101000000_create_users",
      "20250102000000_add_posts",
      "20250103000000_drop_user_name",
    ]);
    expect(check(report, "drift").status).toBe("pass");
  });

  test("with table sizes (verify --stats): the lock hazard on a 20 M-row table is an error that names rows and size, next to the measured lock", async () => {
    repo.write(
      "prisma/migrations/20250103000000_index_post_title/migration.sql",
      `SET lock_timeout = '5s';\nCREATE INDEX "Post_title_idx" ON "Post"("title");\n`,
    );
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  @@index([authorId])", "  @@index([authorId])\n  @@index([title])"),
    );
    const stats = {
      environment: "production",
      takenAt: "2026-12-01T00:00:00Z",
      server: "16",
      tables: [{ schema: "public", name: "Post", rows: 20_000_000, bytes: 5 * 2 ** 30 }],
    };
    const report = await verify({
      workingDirectory: repo.dir,
      slowMigrationSeconds: 30,
      logger: new RecordingLogger(),
      baseRef: base,
      sizeRisk: { stats, raiseRows: 1_000_000, hugeRows: 10_000_000 },
    });
    const lint = check(report, "lint");
    expect(lint.status).toBe("fail");
    const [index] = lint.findings.filter((f) => f.rule === "create-index-non-concurrently");
    expect(index!.severity).toBe("error");
    expect(index!.message).toMatch(
      /\(SHARE on "Post" — 20 M rows, 5 GB on production; raised to error: at least 1 M rows; over 10 M rows: expect the lock or rewrite to last minutes/,
    );
    expect(lint.findings.filter((f) => f.rule === "measured-lock").map((f) => f.message)).toEqual([
      expect.stringMatching(/^Measured: SHARE on "Post"/),
    ]);
  });

  test("CONCURRENTLY next to another statement: lint says why Prisma will fail, and apply does fail", async () => {
    repo.write(
      "prisma/migrations/20250103000000_index_post_title/migration.sql",
      `SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY "Post_title_idx" ON "Post"("title");\n`,
    );
    const report = await run();
    expect(check(report, "lint").findings.map((f) => f.rule)).toContain("concurrently-in-transaction");
    expect(check(report, "apply").status).toBe("fail");
    expect(check(report, "apply").findings[0]!.message).toMatch(/cannot run inside a transaction block/);
  });

  test("CONCURRENTLY alone in its file applies, and its locks are reported as not measured", async () => {
    repo.write(
      "prisma/migrations/20250103000000_index_post_title/migration.sql",
      `CREATE INDEX CONCURRENTLY "Post_title_idx" ON "Post"("title");\n`,
    );
    repo.write(
      "prisma/schema.prisma",
      repo.read("prisma/schema.prisma").replace("  @@index([authorId])", "  @@index([authorId])\n  @@index([title])"),
    );
    const report = await run();
    expect(check(report, "apply").status).toBe("pass");
    expect(check(report, "lint").status).toBe("pass");
    expect(check(report, "lint").findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^Locks not measured: CREATE INDEX CONCURRENTLY .* cannot run inside a transaction/),
    ]);
    expect(check(report, "drift").status).toBe("pass");
  });
});
