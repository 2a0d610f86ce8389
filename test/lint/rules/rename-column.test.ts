import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("rename-column", () => {
  test("renaming an existing column is an error with the @map recipe", async () => {
    const [f] = await hits("rename-column", `ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toContain(`@map("name")`);
  });
  test("a column new in this change set is a notice", async () => {
    const [f] = await hits("rename-column", [`ALTER TABLE "User" ADD COLUMN "x" TEXT;`, `ALTER TABLE "User" RENAME COLUMN "x" TO "y";`], {
      base: [USERS],
    });
    expect(f!.severity).toBe("notice");
  });
});
