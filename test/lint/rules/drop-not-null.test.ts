import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("drop-not-null", () => {
  test("DROP NOT NULL on an existing column warns", async () => {
    const [f] = await hits("drop-not-null", `ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toMatch(/phase 1/);
  });
  test("a column added in this change set is fine", async () => {
    expect(
      await hits(
        "drop-not-null",
        [`ALTER TABLE "User" ADD COLUMN "x" TEXT NOT NULL DEFAULT '';`, `ALTER TABLE "User" ALTER COLUMN "x" DROP NOT NULL;`],
        { base: [USERS] },
      ),
    ).toEqual([]);
  });
});
