import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("truncate", () => {
  test("TRUNCATE of an existing table is an error", async () => {
    const [f] = await hits("truncate", `TRUNCATE "Post" CASCADE;`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toMatch(/CASCADE also empties/);
  });
  test("TRUNCATE of a table created in this change set is fine", async () => {
    expect(await hits("truncate", `CREATE TABLE "T" ("a" int);\nTRUNCATE "T";`)).toEqual([]);
  });
});
