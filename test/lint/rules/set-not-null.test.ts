import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("set-not-null", () => {
  test("SET NOT NULL on an existing column warns with the CHECK … NOT VALID recipe", async () => {
    const [f] = await hits("set-not-null", `ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toMatch(/NOT VALID/);
  });
  test("a column added in this change set is fine", async () => {
    expect(
      await hits(
        "set-not-null",
        `ALTER TABLE "User" ADD COLUMN "p" TEXT;\nUPDATE "User" SET "p" = 'x';\nALTER TABLE "User" ALTER COLUMN "p" SET NOT NULL;`,
        { base: [USERS] },
      ),
    ).toEqual([]);
  });
});
