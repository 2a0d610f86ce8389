// On a snapshot hit, verify holds Prisma's advisory lock while it restores the snapshot beside
// Prisma's start, and measures the new migrations' locks on the restored state before Prisma may
// touch it. Real clusters, the real Prisma CLI, the example app (two base migrations). The faults of
// that path (a snapshot that does not restore, Prisma giving up on the lock) are in
// snapshot-overlap-faults.test.ts.
import { describe, expect, test } from "@jest/globals";
import { rmSync } from "node:fs";
import path from "node:path";
import { connectClient } from "../../src/postgres/database.js";
import { lint, useExampleRepo, withCache } from "./support/overlap.js";

const { repo, run } = useExampleRepo();

describe("snapshot hit: restore beside Prisma's start", () => {
  test("measuring the new migration on the restored state leaves nothing behind: its sequence use is undone", async () => {
    // Prisma's insert must get id 1 again: the measurement's nextval, which no rollback undoes, is put back.
    const file = "prisma/migrations/20250103000000_seed_first_user/migration.sql";
    repo().write(
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
      rmSync(path.join(repo().dir, path.dirname(file)), { recursive: true, force: true });
    }
  }, 120_000);

  test("several new migrations are measured on a copy restored from the snapshot: the same findings as without the cache", async () => {
    const a = "prisma/migrations/20250103000000_comment_users/migration.sql";
    const b = "prisma/migrations/20250104000000_index_titles/migration.sql";
    repo().write(a, `COMMENT ON TABLE "User" IS 'people';\n`);
    repo().write(b, `CREATE INDEX "Post_title_idx" ON "Post"("title");\n`);
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
      rmSync(path.join(repo().dir, path.dirname(a)), { recursive: true, force: true });
      rmSync(path.join(repo().dir, path.dirname(b)), { recursive: true, force: true });
    }
  }, 120_000);
});
