import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("drop-table: 3-phase enforcement", () => {
  test("foreign keys from existing tables still point at it: phase 1 missing, even when dropped in this migration", async () => {
    const sql = `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\nDROP TABLE "User";`;
    const [f] = await hits("drop-table", sql, { base: [USERS], baseSchema: `model Post {\n id String @id\n}\n` });
    expect(f).toMatchObject({ severity: "error", line: 2 });
    expect(f!.message).toMatch(/Phase 1 missing: "Post" \(Post_authorId_fkey\)/);
  });
  test("no foreign keys into it and the model gone from the base schema: notice", async () => {
    const [f] = await hits("drop-table", `DROP TABLE "Post";`, { base: [USERS], baseSchema: `model User {\n id String @id\n}\n` });
    expect(f!.severity).toBe("notice");
  });
  test("the model is still in the base schema: phase 2 missing", async () => {
    const [f] = await hits("drop-table", `DROP TABLE "Post";`, { base: [USERS], baseSchema: `model Post {\n id String @id\n}\n` });
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 2 missing/);
  });
  test("@@ignore counts as phase 2; tables dropped together do not keep each other", async () => {
    const [f] = await hits("drop-table", `DROP TABLE "Post";\nDROP TABLE "User";`, {
      base: [USERS],
      baseSchema: `model Post {\n id String @id\n @@ignore\n}\nmodel User {\n id String @id\n @@ignore\n}\n`,
    });
    expect(f!.severity).toBe("notice");
  });
  test("file mode: DROP TABLE of a table no migration shows is an error naming the missing evidence", async () => {
    const [f] = await hits("drop-table", `DROP TABLE "LegacyImport";`);
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 1 unknown: no migration the linter saw creates "LegacyImport"/);
    expect(f!.message).toMatch(/Phase 2 unknown/);
    expect(f!.message).toMatch(/--working-directory DIR --base-ref REF/);
  });
  test("no foreign keys into it, but no base schema: phase 2 unknown keeps the error", async () => {
    const [f] = await hits("drop-table", `DROP TABLE "Post";`, { base: [USERS] });
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 2 unknown/);
    expect(f!.message).not.toMatch(/Phase 1/);
  });
  test("a table created in the same change set is a notice; IF EXISTS of an unknown table too", async () => {
    expect((await hits("drop-table", [`CREATE TABLE "T" ("a" int);`, `DROP TABLE "T";`]))[0]!.severity).toBe("notice");
    expect((await hits("drop-table", `DROP TABLE IF EXISTS "Nope";`, { base: [USERS] }))[0]!.message).toMatch(/no-op/);
  });
});
