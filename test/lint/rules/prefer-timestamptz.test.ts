import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("prefer-timestamptz", () => {
  test("Prisma's default TIMESTAMP(3) warns, one finding per statement", async () => {
    const found = await hits("prefer-timestamptz", `CREATE TABLE "A" ("createdAt" TIMESTAMP(3) NOT NULL, "updatedAt" TIMESTAMP(3));`);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`"createdAt", "updatedAt"`);
    expect(
      await hits("prefer-timestamptz", `ALTER TABLE "User" ADD COLUMN "seenAt" timestamp without time zone;`, { base: [USERS] }),
    ).toHaveLength(1);
  });
  test("timestamptz and date are fine", async () => {
    expect(await hits("prefer-timestamptz", `CREATE TABLE "A" ("a" TIMESTAMPTZ(3), "b" timestamp with time zone, "c" DATE);`)).toEqual([]);
  });
});
