import { describe, expect, test } from "@jest/globals";
import { hits } from "../support.js";

describe("prefer-bigint-key", () => {
  test("SERIAL / integer primary keys warn (inline or as a table constraint)", async () => {
    expect(
      await hits("prefer-bigint-key", `CREATE TABLE "A" ("id" SERIAL NOT NULL, CONSTRAINT "A_pkey" PRIMARY KEY ("id"));`),
    ).toHaveLength(1);
    expect(await hits("prefer-bigint-key", `CREATE TABLE "B" (id integer PRIMARY KEY);`)).toHaveLength(1);
  });
  test("bigint, text ids and composite keys are fine", async () => {
    expect(await hits("prefer-bigint-key", `CREATE TABLE "A" ("id" BIGSERIAL PRIMARY KEY);`)).toEqual([]);
    expect(await hits("prefer-bigint-key", `CREATE TABLE "A" ("id" TEXT PRIMARY KEY);`)).toEqual([]);
    expect(await hits("prefer-bigint-key", `CREATE TABLE "A" ("a" int, "b" int, PRIMARY KEY ("a", "b"));`)).toEqual([]);
  });
});
