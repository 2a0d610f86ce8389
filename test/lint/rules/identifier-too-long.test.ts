import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("identifier-too-long", () => {
  test("an index name over 63 bytes warns (bytes, not characters)", async () => {
    const long = "BackgroundWorkerTask_runtimeEnvironmentId_slug_triggerSource_idx";
    const [f] = await hits("identifier-too-long", `CREATE INDEX "${long}" ON "User"("name");`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("64 bytes");
    expect(await hits("identifier-too-long", `ALTER TABLE "User" ADD COLUMN "${"é".repeat(32)}" TEXT;`, { base: [USERS] })).toHaveLength(1);
  });
  test("63 bytes is fine", async () => {
    expect(await hits("identifier-too-long", `CREATE TABLE "${"t".repeat(63)}" ("a" int);`)).toEqual([]);
  });
});
