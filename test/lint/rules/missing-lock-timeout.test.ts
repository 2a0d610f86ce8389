import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("missing-lock-timeout", () => {
  test("ACCESS EXCLUSIVE on an existing table without lock_timeout warns once per migration", async () => {
    const found = await hits("missing-lock-timeout", `ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "Post" ADD COLUMN "b" TEXT;`, {
      base: [USERS],
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`"User", "Post"`);
  });
  test("SET lock_timeout (or set_config) first satisfies it; SET after does not; 0 means none", async () => {
    expect(
      await hits("missing-lock-timeout", `SET lock_timeout = '5s';\nALTER TABLE "User" ADD COLUMN "a" TEXT;`, { base: [USERS] }),
    ).toEqual([]);
    expect(
      await hits("missing-lock-timeout", `SELECT set_config('lock_timeout', '5s', true);\nALTER TABLE "User" ADD COLUMN "a" TEXT;`, {
        base: [USERS],
      }),
    ).toEqual([]);
    expect(
      await hits("missing-lock-timeout", `ALTER TABLE "User" ADD COLUMN "a" TEXT;\nSET lock_timeout = '5s';`, { base: [USERS] }),
    ).toHaveLength(1);
    expect(
      await hits("missing-lock-timeout", `SET lock_timeout = 0;\nALTER TABLE "User" ADD COLUMN "a" TEXT;`, { base: [USERS] }),
    ).toHaveLength(1);
  });
  test("new tables and weaker locks need none", async () => {
    expect(await hits("missing-lock-timeout", `CREATE TABLE "T" ("a" int);\nALTER TABLE "T" ADD COLUMN "b" int;`)).toEqual([]);
    expect(await hits("missing-lock-timeout", `CREATE INDEX CONCURRENTLY "i" ON "User"("name");`, { base: [USERS] })).toEqual([]);
  });
});
