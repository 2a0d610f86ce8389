import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("create-index-non-concurrently", () => {
  test("CREATE INDEX on an existing table warns", async () => {
    const [f] = await hits("create-index-non-concurrently", `CREATE INDEX "User_name_idx" ON "User"("name");`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning", line: 1, column: 1 });
    expect(f!.message).toMatch(/CONCURRENTLY/);
  });
  test("CONCURRENTLY, a new table, or a unique index (add-unique-constraint's) do not", async () => {
    expect(await hits("create-index-non-concurrently", `CREATE INDEX CONCURRENTLY "i" ON "User"("name");`, { base: [USERS] })).toEqual([]);
    expect(
      await hits("create-index-non-concurrently", `CREATE TABLE "T" ("a" TEXT);\nCREATE INDEX "i" ON "T"("a");`, { base: [USERS] }),
    ).toEqual([]);
    expect(await hits("create-index-non-concurrently", `CREATE UNIQUE INDEX "i" ON "User"("name");`, { base: [USERS] })).toEqual([]);
  });
});
