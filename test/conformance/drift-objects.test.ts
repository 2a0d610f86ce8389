// The conformance suite's reading of both judges: Prisma's SQL and verify's messages reduce to the
// same tables, enums and columns when they describe the same drift, and differ when they do not.
import { describe, expect, test } from "@jest/globals";
import { compareObjects, emptyLookup, objectsOfPrismaSql, objectsOfVerifyMessages, type NameLookup } from "./drift-objects.js";

function lookup(): NameLookup {
  const l = emptyLookup();
  for (const t of ['"User"', '"Post"', '"session_replay"']) l.tables.add(t);
  l.owners.set("Post_authorId_fkey", '"Post"');
  l.owners.set("Post_title_trgm_idx", '"Post"');
  l.enums.add('enum "Role"');
  return l;
}

const sorted = (o: { tables: Set<string>; columns: Set<string> }) => ({ tables: [...o.tables].sort(), columns: [...o.columns].sort() });

describe("objects of Prisma's migrate diff SQL", () => {
  test("tables, enums and columns; index and constraint names resolved to their table", async () => {
    const sql = `-- DropForeignKey
ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
-- DropIndex
DROP INDEX "Post_title_trgm_idx";
-- AlterTable
ALTER TABLE "User" ADD COLUMN "age" INTEGER, ALTER COLUMN "tags" SET DEFAULT ARRAY[]::TEXT[];
-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'OWNER';
-- CreateIndex
CREATE INDEX "session_replay_visit_id_idx" ON "session_replay"("visit_id");
`;
    expect(sorted(await objectsOfPrismaSql(sql, lookup()))).toEqual({
      tables: ['"Post"', '"User"', '"session_replay"', 'enum "Role"'],
      columns: ['"User"."age"', '"User"."tags"'],
    });
  });

  test("an empty migration touches nothing", async () => {
    expect(sorted(await objectsOfPrismaSql("-- This is an empty migration.\n", lookup()))).toEqual({ tables: [], columns: [] });
  });
});

describe("objects of verify's drift messages", () => {
  test("column, table, enum, index and constraint messages", () => {
    const objects = objectsOfVerifyMessages(
      [
        `Column "User"."tags" has default '{}'::text[] in the migrations but ARRAY[]::text[] in schema.prisma`,
        `Index "Post_title_trgm_idx" on "Post" is created by the migrations but is not in schema.prisma`,
        `Foreign key "Post_authorId_fkey" on "Post" is in schema.prisma but no migration creates it`,
        `Enum "Role" lacks value 'OWNER' that schema.prisma has`,
        `Table "Audit" is in schema.prisma but no migration creates it`,
      ],
      lookup(),
    );
    expect(sorted(objects)).toEqual({ tables: ['"Audit"', '"Post"', '"User"', 'enum "Role"'], columns: ['"User"."tags"'] });
  });

  test("schema-qualified names (multiSchema) keep their schema", () => {
    const objects = objectsOfVerifyMessages(
      [
        `Column "billing"."Invoice"."note" is in schema.prisma but no migration creates it`,
        `Enum "billing"."Plan" lacks value 'team' that schema.prisma has`,
        `Table "billing"."Refund" is in schema.prisma but no migration creates it`,
      ],
      lookup(),
    );
    expect(sorted(objects)).toEqual({
      tables: ['"billing"."Invoice"', '"billing"."Refund"', 'enum "Plan"'],
      columns: ['"billing"."Invoice"."note"'],
    });
  });

  test("a message naming nothing known is kept as unresolved, so it cannot match silently", () => {
    expect([...objectsOfVerifyMessages([`Index "mystery" differs`], lookup()).tables]).toEqual([`unresolved: Index "mystery" differs`]);
  });
});

describe("comparison", () => {
  test("equal objects: no lines; different objects: one line per side and kind", async () => {
    const l = lookup();
    const prisma = await objectsOfPrismaSql(`ALTER TABLE "User" ADD COLUMN "age" INTEGER;`, l);
    expect(
      compareObjects(prisma, objectsOfVerifyMessages([`Column "User"."age" is in schema.prisma but no migration creates it`], l)),
    ).toEqual([]);
    expect(
      compareObjects(
        prisma,
        objectsOfVerifyMessages([`Index "Post_title_trgm_idx" on "Post" is created by the migrations but is not in schema.prisma`], l),
      ),
    ).toEqual([
      `tables/enums only Prisma's SQL touches: "User"`,
      `tables/enums only verify names: "Post"`,
      `columns only Prisma's SQL touches: "User"."age"`,
    ]);
  });
});
