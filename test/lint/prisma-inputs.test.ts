// What the linter reads besides SQL: Prisma's Warnings header and the base branch's schema.prisma.
import { describe, expect, test } from "@jest/globals";
import { modelOf, parsePrismaModels } from "../../src/lint/prisma-models.js";
import { parsePrismaWarnings } from "../../src/lint/prisma-warnings.js";

describe("parsePrismaWarnings", () => {
  test("reads each item of the header with its kind, subject and position", () => {
    const sql = `/*\n  Warnings:\n\n  - You are about to drop the column \`token\` on the \`PersonalAccessToken\` table. All the data in the column will be lost.\n  - You are about to drop the \`JobAlias\` table. If the table is not empty, all the data it contains will be lost.\n  - The values [READY_TO_TEST,READY_TO_RUN] on the enum \`RunStatus\` will be removed. If these variants are still used in the database, this will fail.\n  - A unique constraint covering the columns \`[slug]\` on the table \`Project\` will be added. If there are existing duplicate values, this will fail.\n\n*/\nSELECT 1;`;
    const items = parsePrismaWarnings(sql);
    expect(items.map((w) => [w.kind, w.table ?? w.enumName, w.column ?? w.values])).toEqual([
      ["drop-column", "PersonalAccessToken", "token"],
      ["drop-table", "JobAlias", undefined],
      ["drop-enum-values", "RunStatus", ["READY_TO_TEST", "READY_TO_RUN"]],
      ["add-unique", "Project", ["slug"]],
    ]);
    expect(sql.slice(items[0]!.offset).startsWith("- You are about")).toBe(true);
  });
  test("no header, no items; a comment that is not Prisma's header is ignored", () => {
    expect(parsePrismaWarnings(`-- CreateTable\nCREATE TABLE "a" (id int);`)).toEqual([]);
    expect(parsePrismaWarnings(`/* Notes:\n  - not a warning\n*/`)).toEqual([]);
  });
});

describe("parsePrismaModels", () => {
  test("tables from @@map, columns from @map, @ignore and @@ignore, relation fields skipped", () => {
    const models = parsePrismaModels(`
enum Role { USER ADMIN }
model User {
  id       String  @id // comment
  fullName String? @map("name")
  role     Role
  legacy   Int?    @ignore
  posts    Post[]
  @@map("users")
}
model Post {
  id String @id
  @@ignore
}`);
    const user = modelOf(models, "public.users")!;
    expect([...user.fields.keys()]).toEqual(["id", "name", "role", "legacy"]);
    expect(user.fields.get("legacy")?.ignored).toBe(true);
    expect(modelOf(models, "public.Post")?.ignored).toBe(true);
    expect(modelOf(models, "public.User")).toBeUndefined();
  });
});
