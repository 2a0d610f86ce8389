import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("blocking-maintenance-command", () => {
  test("VACUUM FULL, CLUSTER and plain REINDEX on existing tables warn", async () => {
    for (const sql of [`VACUUM FULL "User";`, `CLUSTER "User" USING "User_pkey";`, `REINDEX TABLE "User";`]) {
      const found = await hits("blocking-maintenance-command", sql, { base: [USERS] });
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe("warning");
    }
  });
  test("plain VACUUM and REINDEX CONCURRENTLY do not", async () => {
    expect(await hits("blocking-maintenance-command", `VACUUM "User";`, { base: [USERS] })).toEqual([]);
    expect(await hits("blocking-maintenance-command", `REINDEX TABLE CONCURRENTLY "User";`, { base: [USERS] })).toEqual([]);
  });
});
