import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("rename-enum-value", () => {
  test("renaming a value of an existing enum is an error", async () => {
    const [f] = await hits("rename-enum-value", `ALTER TYPE "Role" RENAME VALUE 'GUEST' TO 'VISITOR';`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toContain(`'GUEST'`);
  });
  test("an enum created in this change set, or ADD VALUE, is fine", async () => {
    expect(await hits("rename-enum-value", [`CREATE TYPE "E" AS ENUM ('a');`, `ALTER TYPE "E" RENAME VALUE 'a' TO 'b';`])).toEqual([]);
    expect(await hits("rename-enum-value", `ALTER TYPE "Role" ADD VALUE 'OWNER';`, { base: [USERS] })).toEqual([]);
  });
});
