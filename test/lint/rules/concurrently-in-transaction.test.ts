import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("concurrently-in-transaction", () => {
  test("CONCURRENTLY next to another statement is an error", async () => {
    const [f] = await hits("concurrently-in-transaction", `SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY "i" ON "User"("name");`, {
      base: [USERS],
    });
    expect(f).toMatchObject({ severity: "error", line: 2 });
    expect(f!.message).toMatch(/own migration file/);
  });
  test("alone in its file it is the recommended form", async () => {
    expect(
      await hits("concurrently-in-transaction", `-- CreateIndex\nCREATE INDEX CONCURRENTLY "i" ON "User"("name");`, { base: [USERS] }),
    ).toEqual([]);
    expect(await hits("concurrently-in-transaction", `DROP INDEX CONCURRENTLY "User_email_key";`, { base: [USERS] })).toEqual([]);
  });
});
