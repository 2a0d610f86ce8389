import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("prefer-jsonb", () => {
  test("json columns warn, once per statement", async () => {
    const found = await hits("prefer-jsonb", `CREATE TABLE "A" ("a" JSON, "b" JSON[]);`);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`"A"."a", "A"."b"`);
    expect(await hits("prefer-jsonb", `ALTER TABLE "User" ADD COLUMN "meta" json;`, { base: [USERS] })).toHaveLength(1);
  });
  test("jsonb is fine", async () => {
    expect(await hits("prefer-jsonb", `CREATE TABLE "A" ("a" JSONB);`)).toEqual([]);
  });
});
