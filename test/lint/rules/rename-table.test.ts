import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("rename-table", () => {
  test("renaming an existing table is an error with the @@map recipe", async () => {
    const [f] = await hits("rename-table", `ALTER TABLE "Post" RENAME TO "Article";`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toContain(`@@map("Post")`);
  });
  test("a table new in this change set is a notice; renaming an index is not a table rename", async () => {
    expect((await hits("rename-table", [`CREATE TABLE "T" ("a" int);`, `ALTER TABLE "T" RENAME TO "U";`]))[0]!.severity).toBe("notice");
    expect(await hits("rename-table", `ALTER INDEX "Post_authorId_idx" RENAME TO "Post_author_idx";`, { base: [USERS] })).toEqual([]);
  });
});
