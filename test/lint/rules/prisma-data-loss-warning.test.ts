import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

const header = (items: string[]) => `/*\n  Warnings:\n\n${items.map((i) => `  - ${i}`).join("\n")}\n\n*/\n`;

describe("prisma-data-loss-warning", () => {
  test("a Prisma warning about a drop the statements do not show (dynamic SQL) is reported at its line", async () => {
    const sql =
      header(["You are about to drop the column `name` on the `User` table. All the data in the column will be lost."]) +
      `DO $$ DECLARE c text := 'name'; BEGIN EXECUTE 'ALTER TABLE "User" DROP COLUMN ' || quote_ident(c); END $$;\n`;
    const [f] = await hits("prisma-data-loss-warning", sql, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning", line: 4 });
    expect(f!.message).toMatch(/^Prisma warns: You are about to drop the column `name`/);
  });
  test("items covered by a rule, or made stale by an edited statement, are not repeated", async () => {
    const dropped =
      header(["You are about to drop the column `name` on the `User` table. All the data in the column will be lost."]) +
      `ALTER TABLE "User" DROP COLUMN "name";\n`;
    expect(await hits("prisma-data-loss-warning", dropped, { base: [USERS] })).toEqual([]);
    const edited =
      header([
        "Added the required column `plan` to the `User` table without a default value. This is not possible if the table is not empty.",
      ]) +
      `ALTER TABLE "User" ADD COLUMN "plan" TEXT;\nUPDATE "User" SET "plan" = 'free';\nALTER TABLE "User" ALTER COLUMN "plan" SET NOT NULL;\n`;
    expect(await hits("prisma-data-loss-warning", edited, { base: [USERS] })).toEqual([]);
  });
  test("unknown kinds of warning are passed on", async () => {
    expect(await hits("prisma-data-loss-warning", header(["Something new Prisma says."]) + "SELECT 1;", { base: [USERS] })).toHaveLength(1);
  });
});
