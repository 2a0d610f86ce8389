import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("drop-index-non-concurrently", () => {
  test("DROP INDEX of an existing table's index warns, naming the table", async () => {
    const [f] = await hits("drop-index-non-concurrently", `DROP INDEX "Post_authorId_idx";`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain(`on existing "Post"`);
  });
  test("CONCURRENTLY, or an index created in this change set, is fine", async () => {
    expect(await hits("drop-index-non-concurrently", `DROP INDEX CONCURRENTLY "Post_authorId_idx";`, { base: [USERS] })).toEqual([]);
    expect(
      await hits("drop-index-non-concurrently", [`CREATE INDEX "x" ON "User"("name");`, `DROP INDEX "x";`], { base: [USERS] }),
    ).toEqual([]);
  });
});
