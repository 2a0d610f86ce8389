import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("several-access-exclusive", () => {
  test("ACCESS EXCLUSIVE on two existing tables in one migration warns at the second", async () => {
    const found = await hits(
      "several-access-exclusive",
      `ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "Post" ADD COLUMN "b" TEXT;`,
      { base: [USERS] },
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(2);
  });
  test("several statements on one table, or a new table, do not", async () => {
    expect(
      await hits("several-access-exclusive", `ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "User" ADD COLUMN "b" TEXT;`, {
        base: [USERS],
      }),
    ).toEqual([]);
    expect(
      await hits(
        "several-access-exclusive",
        `ALTER TABLE "User" ADD COLUMN "a" TEXT;\nCREATE TABLE "T" ("a" int);\nALTER TABLE "T" ADD COLUMN "b" int;`,
        { base: [USERS] },
      ),
    ).toEqual([]);
  });
});
