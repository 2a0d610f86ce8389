import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("prisma-rename-pattern", () => {
  test("DROP COLUMN + ADD COLUMN of the same type is a rename that loses data", async () => {
    const [f] = await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name",\nADD COLUMN "fullName" TEXT;`, {
      base: [USERS],
    });
    expect(f).toMatchObject({ severity: "error", line: 2 });
    expect(f!.message).toMatch(/rename of "User"."name" to "fullName"/);
    expect(f!.message).toContain(`@map("name")`);
  });
  test("across statements of the same migration too", async () => {
    expect(
      await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name";\nALTER TABLE "User" ADD COLUMN "fullName" TEXT;`, {
        base: [USERS],
      }),
    ).toHaveLength(1);
  });
  test("file mode: the same-statement pattern on a table without history is reported, saying the types are unknown", async () => {
    const [f] = await hits("prisma-rename-pattern", `ALTER TABLE "Customer" DROP COLUMN "fullName", ADD COLUMN "displayName" TEXT;`);
    expect(f).toMatchObject({ severity: "error", line: 1, column: 48 });
    expect(f!.message).toMatch(/rename of "Customer"."fullName" to "displayName" \(types unknown/);
  });
  test("file mode across statements of one migration too; a known type is still compared", async () => {
    const [f] = await hits(
      "prisma-rename-pattern",
      `ALTER TABLE "Customer" DROP COLUMN "fullName";\nALTER TABLE "Customer" ADD COLUMN "displayName" TEXT;`,
    );
    expect(f).toMatchObject({ line: 2 });
    expect(f!.message).toMatch(/types unknown/);
    const [known] = await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "fullName" TEXT;`, {
      base: [USERS],
    });
    expect(known!.message).toMatch(/to "fullName" \(text\)/);
  });
  test("another type, the same name (a type change), or a new table are not renames", async () => {
    expect(
      await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "nick" INTEGER;`, { base: [USERS] }),
    ).toEqual([]);
    expect(
      await hits("prisma-rename-pattern", `ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "name" INTEGER;`, { base: [USERS] }),
    ).toEqual([]);
    expect(
      await hits("prisma-rename-pattern", [`CREATE TABLE "T" ("a" TEXT);`, `ALTER TABLE "T" DROP COLUMN "a", ADD COLUMN "b" TEXT;`]),
    ).toEqual([]);
  });
});
