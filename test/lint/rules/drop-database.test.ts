import { describe, expect, test } from "@jest/globals";
import { hits } from "../support.js";

describe("drop-database", () => {
  test("DROP DATABASE is always an error", async () => {
    const [f] = await hits("drop-database", `DROP DATABASE "prod";`);
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toContain(`"prod"`);
  });
  test("other drops are not its business", async () => {
    expect(await hits("drop-database", `DROP TABLE IF EXISTS "x";`)).toEqual([]);
  });
});
