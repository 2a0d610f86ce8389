import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("update-without-where", () => {
  test("UPDATE or DELETE of a whole existing table warns", async () => {
    expect(await hits("update-without-where", `UPDATE "User" SET "age" = 1;`, { base: [USERS] })).toHaveLength(1);
    expect((await hits("update-without-where", `DELETE FROM "Post";`, { base: [USERS] }))[0]!.message).toMatch(/^DELETE without WHERE/);
  });
  test("a WHERE, or a table new in this change set, is fine", async () => {
    expect(await hits("update-without-where", `UPDATE "User" SET "age" = 1 WHERE "age" IS NULL;`, { base: [USERS] })).toEqual([]);
    expect(await hits("update-without-where", `CREATE TABLE "T" ("a" int);\nUPDATE "T" SET "a" = 1;`)).toEqual([]);
  });
});
