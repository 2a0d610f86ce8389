import { describe, expect, test } from "@jest/globals";
import { metadataOnly } from "../../../src/lint/rules/change-column-type.js";
import { hits, USERS } from "../support.js";

describe("change-column-type", () => {
  test("a rewriting change on an existing column is an error naming both types", async () => {
    const [f] = await hits("change-column-type", `ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE BIGINT;`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toContain("from integer to bigint");
    expect(f!.message).toMatch(/rewrites "User"/);
  });
  test("a binary-compatible widening is a warning; a new table a notice", async () => {
    const base = [`CREATE TABLE "T" ("v" VARCHAR(10));`];
    expect((await hits("change-column-type", `ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(20);`, { base }))[0]!.severity).toBe("warning");
    expect((await hits("change-column-type", `ALTER TABLE "T" ALTER COLUMN "v" TYPE TEXT;`, { base }))[0]!.severity).toBe("warning");
    expect((await hits("change-column-type", `ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(5);`, { base }))[0]!.severity).toBe("error");
    expect(
      (
        await hits("change-column-type", [`CREATE TABLE "N" ("v" TEXT);`, `ALTER TABLE "N" ALTER COLUMN "v" TYPE INTEGER USING "v"::int;`])
      )[0]!.severity,
    ).toBe("notice");
  });
  test("metadataOnly knows the no-rewrite casts", () => {
    expect(metadataOnly("varchar(10)", "varchar(20)")).toBe(true);
    expect(metadataOnly("numeric(10,2)", "numeric(12,2)")).toBe(true);
    expect(metadataOnly("numeric(10,2)", "numeric(12,3)")).toBe(false);
    expect(metadataOnly("integer", "bigint")).toBe(false);
    expect(metadataOnly("text[]", "text")).toBe(false);
  });
});
