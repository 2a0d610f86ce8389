import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("prisma-rename-pattern", () => {
  test("DROP COLUMN + ADD COLUMN of the same type is a rename that loses data", async () => {
    const [f] = await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name",\nADD COLUMN "fullName" TEXT;`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error", line: 2 });
    expect(f!.message).toMatch(/rename of "User"."name" to "fullName"/);
    expect(f!.message).toContain(`@map("name")`);
  });
  test("across statements of the same migration too", async () => {
    expect(await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name";\nALTER TABLE "User" ADD COLUMN "fullName" TEXT;`, { base: [USERS] })).toHaveLength(1);
  });
  test("another type, the same name (a type change), or a new table are not renames", async () => {
    expect(await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "nick" INTEGER;`, { base: [USERS] })).toEqual([]);
    expect(await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "name" INTEGER;`, { base: [USERS] })).toEqual([]);
    expect(await hits("prisma-rename-pattern", [`CREATE TABLE "T" ("a" TEXT);`, `ALTER TABLE "T" DROP COLUMN "a", ADD COLUMN "b" TEXT;`])).toEqual([]);
  });
});
