import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("volatile-default", () => {
  test("a volatile default or an identity/serial column rewrites an existing table", async () => {
    const [f] = await hits("volatile-default", `ALTER TABLE "User" ADD COLUMN "token" UUID NOT NULL DEFAULT gen_random_uuid();`, {
      base: [USERS],
    });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toContain("gen_random_uuid()");
    expect(await hits("volatile-default", `ALTER TABLE "User" ADD COLUMN "n" BIGSERIAL;`, { base: [USERS] })).toHaveLength(1);
    expect(
      await hits("volatile-default", `ALTER TABLE "User" ADD COLUMN "n" INT GENERATED ALWAYS AS IDENTITY;`, { base: [USERS] }),
    ).toHaveLength(1);
  });
  test("constants and now() are evaluated once: no rewrite", async () => {
    expect(
      await hits("volatile-default", `ALTER TABLE "User" ADD COLUMN "at" TIMESTAMPTZ NOT NULL DEFAULT now();`, { base: [USERS] }),
    ).toEqual([]);
    expect(await hits("volatile-default", `ALTER TABLE "User" ADD COLUMN "f" BOOLEAN NOT NULL DEFAULT false;`, { base: [USERS] })).toEqual(
      [],
    );
  });
});
