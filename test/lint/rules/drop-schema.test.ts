import { describe, expect, test } from "@jest/globals";
import { hits } from "../support.js";

describe("drop-schema", () => {
  test("DROP SCHEMA … CASCADE is an error that says what goes with it", async () => {
    const [f] = await hits("drop-schema", `DROP SCHEMA "audit" CASCADE;`);
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toMatch(/CASCADE drops every table/);
  });
  test("CREATE SCHEMA is fine", async () => {
    expect(await hits("drop-schema", `CREATE SCHEMA "audit";`)).toEqual([]);
  });
});
