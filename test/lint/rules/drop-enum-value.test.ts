import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

// What `prisma migrate dev` generates when a value is removed from an enum.
const RECREATE = `/*
  Warnings:

  - The values [GUEST] on the enum \`Role\` will be removed. If these variants are still used in the database, this will fail.

*/
-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "Post" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
COMMIT;
`;

describe("drop-enum-value", () => {
  test("Prisma's enum recreation that drops a value is an error at the RENAME", async () => {
    const found = await hits("drop-enum-value", RECREATE, { base: [USERS] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", line: 12 });
    expect(found[0]!.message).toContain(`'GUEST'`);
  });
  test("the header alone is enough when the SQL is not modelled", async () => {
    const header = RECREATE.split("*/")[0] + "*/\nSELECT 1;\n";
    const found = await hits("drop-enum-value", header, { base: [USERS] });
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(4);
  });
  test("an enum created in this change set, or one that only gains values, is fine", async () => {
    expect(
      await hits("drop-enum-value", [
        `CREATE TYPE "E" AS ENUM ('a', 'b');`,
        `CREATE TYPE "E_new" AS ENUM ('a');\nALTER TYPE "E" RENAME TO "E_old";\nALTER TYPE "E_new" RENAME TO "E";\nDROP TYPE "E_old";`,
      ]),
    ).toEqual([]);
    expect(await hits("drop-enum-value", `ALTER TYPE "Role" ADD VALUE 'OWNER';`, { base: [USERS] })).toEqual([]);
  });
});
