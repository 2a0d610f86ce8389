import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("add-required-column", () => {
  test("NOT NULL without default on an existing table is an error at the command's line", async () => {
    const found = await hits("add-required-column", `ALTER TABLE "User" ADD COLUMN "nick" TEXT,\nADD COLUMN "plan" TEXT NOT NULL;`, {
      base: [USERS],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", line: 2, column: 1 });
    expect(found[0]!.message).toContain(`"User"."plan"`);
  });
  test("a default, a nullable column or a table new in this change set is fine", async () => {
    expect(
      await hits("add-required-column", `ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT 'free';`, { base: [USERS] }),
    ).toEqual([]);
    expect(await hits("add-required-column", `ALTER TABLE "User" ADD COLUMN "plan" TEXT;`, { base: [USERS] })).toEqual([]);
    expect(await hits("add-required-column", [`CREATE TABLE "T" ("id" TEXT);`, `ALTER TABLE "T" ADD COLUMN "x" TEXT NOT NULL;`])).toEqual(
      [],
    );
  });
});
