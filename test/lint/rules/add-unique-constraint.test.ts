import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("add-unique-constraint", () => {
  test("a unique index on existing columns warns about duplicates and the lock", async () => {
    const [f] = await hits("add-unique-constraint", `CREATE UNIQUE INDEX "User_name_key" ON "User"("name");`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning", line: 1 });
    expect(f!.message).toMatch(/duplicate/);
    expect(f!.message).toMatch(/SHARE lock/);
  });
  test("CONCURRENTLY drops the lock warning; a UNIQUE constraint explains USING INDEX", async () => {
    const [c] = await hits("add-unique-constraint", `CREATE UNIQUE INDEX CONCURRENTLY "u" ON "User"("name");`, { base: [USERS] });
    expect(c!.message).not.toMatch(/SHARE lock/);
    const [k] = await hits("add-unique-constraint", `ALTER TABLE "User" ADD CONSTRAINT "u" UNIQUE ("name");`, { base: [USERS] });
    expect(k!.message).toMatch(/USING INDEX/);
  });
  test("new columns or tables have nothing to be duplicate", async () => {
    expect(
      await hits("add-unique-constraint", `ALTER TABLE "User" ADD COLUMN "slug" TEXT;\nCREATE UNIQUE INDEX "s" ON "User"("slug");`, {
        base: [USERS],
      }),
    ).toEqual([]);
    expect(await hits("add-unique-constraint", `CREATE TABLE "T" ("a" TEXT);\nCREATE UNIQUE INDEX "t" ON "T"("a");`)).toEqual([]);
  });
});
