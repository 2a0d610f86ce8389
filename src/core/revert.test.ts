import type { Catalog, Column, Constraint, Table } from "./catalog.js";
import { migrationTimestamp, planRevert, renderRevertMigration, revertMigrationName, unseenStatements } from "./revert.js";

const col = (name: string, type: string, over: Partial<Column> = {}): Column => ({ name, type, notNull: false, ...over });
const table = (name: string, columns: Column[]): Table => ({ schema: "public", name, columns });
const pk = (t: string): Constraint => ({ schema: "public", table: t, name: `${t}_pkey`, kind: "p", definition: "PRIMARY KEY (id)" });
const catalog = (parts: Partial<Catalog> = {}): Catalog => ({ tables: [], indexes: [], constraints: [], enums: [], ...parts });
const id = (t: string) => col("id", "integer", { notNull: true, default: `nextval('"${t}_id_seq"'::regclass)` });

const users = table("User", [id("User"), col("email", "text", { notNull: true })]);

describe("planRevert", () => {
  test("a table the migration created is dropped, with its foreign key first, and named as data loss", () => {
    const comment = table("Comment", [id("Comment"), col("userId", "integer", { notNull: true })]);
    const current = catalog({
      tables: [users, comment],
      constraints: [
        pk("User"),
        pk("Comment"),
        {
          schema: "public",
          table: "Comment",
          name: "Comment_userId_fkey",
          kind: "f",
          definition: 'FOREIGN KEY ("userId") REFERENCES "User"(id)',
        },
      ],
      indexes: [
        {
          schema: "public",
          table: "Comment",
          name: "Comment_userId_idx",
          definition: 'CREATE INDEX "Comment_userId_idx" ON public."Comment" USING btree ("userId")',
          notRepresentable: false,
        },
      ],
    });
    const plan = planRevert(current, catalog({ tables: [users], constraints: [pk("User")] }));
    expect(plan.statements).toEqual(['DROP TABLE "Comment";']);
    expect(plan.dataLoss).toEqual([{ kind: "table", schema: "public", table: "Comment", description: 'table "Comment" is dropped' }]);
    expect(plan.recreatedEmpty).toEqual([]);
  });

  test("a column the migration added is dropped; a column it dropped is re-added, with what cannot come back", () => {
    const current = catalog({ tables: [table("User", [id("User"), col("bio", "text")])], constraints: [pk("User")] });
    const target = catalog({ tables: [table("User", [id("User"), col("email", "text", { notNull: true })])], constraints: [pk("User")] });
    const plan = planRevert(current, target);
    expect(plan.statements).toEqual(['ALTER TABLE "User" DROP COLUMN "bio";', 'ALTER TABLE "User" ADD COLUMN "email" text NOT NULL;']);
    expect(plan.dataLoss.map((d) => d.description)).toEqual(['column "User"."bio" is dropped']);
    expect(plan.recreatedEmpty).toEqual(['column "User"."email" is re-added as NULL in every row: its former values are gone']);
    expect(plan.mayFail).toEqual(['re-adding NOT NULL column "User"."email" without a default fails while "User" has rows']);
  });

  test("a type change is undone and counted as possible data loss; nullability is restored", () => {
    const current = catalog({ tables: [table("User", [id("User"), col("email", "character varying(500)")])] });
    const target = catalog({ tables: [table("User", [id("User"), col("email", "character varying(255)", { notNull: true })])] });
    const plan = planRevert(current, target);
    expect(plan.statements).toEqual([
      'ALTER TABLE "User" ALTER COLUMN "email" SET DATA TYPE character varying(255);',
      'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
    ]);
    expect(plan.dataLoss.map((d) => d.kind)).toEqual(["column-type"]);
  });

  test("a table the migration dropped is re-created with its serial sequence", () => {
    const plan = planRevert(catalog(), catalog({ tables: [users], constraints: [pk("User")] }));
    expect(plan.statements[0]).toBe(`CREATE SEQUENCE IF NOT EXISTS "User_id_seq";`);
    expect(plan.statements[1]).toMatch(
      /^CREATE TABLE "User" \(\n {4}"id" integer NOT NULL DEFAULT nextval\('"User_id_seq"'::regclass\),[\s\S]*CONSTRAINT "User_pkey" PRIMARY KEY \(id\)\n\);$/,
    );
    expect(plan.statements.at(-1)).toBe(`ALTER SEQUENCE "User_id_seq" OWNED BY "User"."id";`);
    expect(plan.recreatedEmpty).toEqual(['table "User" is re-created empty: its rows from before the reverted migration are gone']);
  });

  test("an enum value the migration added cannot be removed: said, not attempted; an added enum type is dropped", () => {
    const current = catalog({
      enums: [
        { schema: "public", name: "Role", values: ["USER", "ADMIN"] },
        { schema: "public", name: "Mood", values: ["OK"] },
      ],
    });
    const plan = planRevert(current, catalog({ enums: [{ schema: "public", name: "Role", values: ["USER"] }] }));
    expect(plan.statements).toEqual(['DROP TYPE "Mood";']);
    expect(plan.notReverted).toEqual([
      expect.stringMatching(
        /^enum "Role" keeps value\(s\) 'ADMIN': PostgreSQL cannot remove a value from an enum; it needs the type rebuilt/,
      ),
    ]);
    expect(plan.dataLoss.map((d) => d.description)).toEqual(['enum "Mood" is dropped']);
  });

  test("a partial index the migration created is dropped (a reversal compares what drift only notes)", () => {
    const partial = {
      schema: "public",
      table: "User",
      name: "User_active_idx",
      definition: 'CREATE INDEX "User_active_idx" ON public."User" USING btree (email) WHERE (email IS NOT NULL)',
      notRepresentable: true,
    };
    const plan = planRevert(catalog({ tables: [users], indexes: [partial] }), catalog({ tables: [users] }));
    expect(plan.statements).toEqual(['DROP INDEX "User_active_idx";']);
  });

  test("equal catalogs need nothing", () => {
    expect(planRevert(catalog({ tables: [users] }), catalog({ tables: [users] })).statements).toEqual([]);
  });
});

describe("the migration file", () => {
  test("says what it undoes and destroys, and marks each drop for the linter", () => {
    const current = catalog({ tables: [table("User", [id("User"), col("bio", "text")])] });
    const plan = planRevert(current, catalog({ tables: [table("User", [id("User")])] }));
    const sql = renderRevertMigration({
      reverted: "20250103000000_add_bio",
      plan,
      environment: "staging",
      generatedAt: new Date("2026-01-02T03:04:05Z"),
      tool: "migrate-guard 0.1.0",
      postgresVersion: "15.18",
      measured: new Map([[plan.dataLoss[0]!, '3 non-null values in "staging" now']]),
      unseen: [],
    });
    expect(sql).toMatch(
      /^-- Reverts migration 20250103000000_add_bio\.\n-- Generated by migrate-guard 0\.1\.0 on 2026-01-02T03:04:05\.000Z for environment "staging"/,
    );
    expect(sql).toContain('--   - column "User"."bio" is dropped — 3 non-null values in "staging" now');
    expect(sql).toContain("-- Rows the reverted migration inserted, updated or deleted are not restored either.");
    expect(sql).toMatch(
      /-- migrate-guard-ignore drop-column: reverting 20250103000000_add_bio; [^\n]+\nALTER TABLE "User" DROP COLUMN "bio";\n$/,
    );
  });

  test("names statements a catalog comparison cannot see", () => {
    expect(unseenStatements("CREATE VIEW v AS SELECT 1;\nALTER TABLE t ADD CONSTRAINT c CHECK (x > 0);")).toEqual([
      "the reverted migration also touches views, check constraints: migrate-guard compares tables, columns, keys, indexes and enums only",
    ]);
    expect(unseenStatements('-- CREATE VIEW in a comment\nCREATE TABLE "t" (id int);')).toEqual([]);
  });
});

describe("revertMigrationName", () => {
  test("Prisma's UTC timestamp, later than every existing migration", () => {
    const now = new Date("2025-06-01T10:20:30Z");
    expect(migrationTimestamp(now)).toBe("20250601102030");
    expect(revertMigrationName("20250101000000_add_bio", ["20250101000000_add_bio"], now)).toBe(
      "20250601102030_revert_20250101000000_add_bio",
    );
    // A migration dated after the clock (or in the same second): one second after it.
    expect(revertMigrationName("20250101000000_add_bio", ["20250101000000_add_bio", "20251231235959_future"], now)).toBe(
      "20260101000000_revert_20250101000000_add_bio",
    );
    expect(revertMigrationName("x", ["20250601102030_same"], now)).toBe("20250601102031_revert_x");
  });
});
