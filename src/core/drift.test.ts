import type { Catalog, Column, Constraint, EnumType, Index, Table } from "./catalog.js";
import { compareCatalogs, type DriftItem } from "./drift.js";

// ---- builders: catalogs as readCatalog() returns them (format_type, pg_get_indexdef, pg_get_constraintdef spellings)

const col = (name: string, type: string, over: Partial<Column> = {}): Column => ({ name, type, notNull: false, ...over });
const table = (name: string, columns: Column[], schema = "public"): Table => ({ schema, name, columns });

function index(
  tableName: string,
  name: string,
  columns: string,
  opts: { unique?: boolean; schema?: string; only?: boolean; suffix?: string; notRepresentable?: boolean; quoteName?: boolean } = {},
): Index {
  const schema = opts.schema ?? "public";
  const indexName = opts.quoteName === false ? name : `"${name}"`;
  return {
    schema,
    table: tableName,
    name,
    definition: `CREATE ${opts.unique ? "UNIQUE " : ""}INDEX ${indexName} ON ${opts.only ? "ONLY " : ""}${schema}."${tableName}" USING btree (${columns})${opts.suffix ?? ""}`,
    notRepresentable: opts.notRepresentable ?? false,
  };
}

const pk = (tableName: string, columns = "id", name = `${tableName}_pkey`, schema = "public"): Constraint => ({
  schema,
  table: tableName,
  name,
  kind: "p",
  definition: `PRIMARY KEY (${columns})`,
});

const fk = (tableName: string, name: string, column: string, references: string, onDelete = "RESTRICT"): Constraint => ({
  schema: "public",
  table: tableName,
  name,
  kind: "f",
  definition: `FOREIGN KEY ("${column}") REFERENCES "${references}"(id) ON UPDATE CASCADE ON DELETE ${onDelete}`,
});

const enumType = (name: string, values: string[], schema = "public"): EnumType => ({ schema, name, values });

const catalog = (parts: Partial<Catalog> = {}): Catalog => ({ tables: [], indexes: [], constraints: [], enums: [], ...parts });

const idColumn = (tableName: string) => col("id", "integer", { notNull: true, default: `nextval('"${tableName}_id_seq"'::regclass)` });

function userTable(extra: Column[] = []): Table {
  return table("User", [
    idColumn("User"),
    col("email", "text", { notNull: true }),
    col("createdAt", "timestamp(3) without time zone", { notNull: true, default: "CURRENT_TIMESTAMP" }),
    ...extra,
  ]);
}

/** A migrated database with one `User` table; every call returns a fresh copy. */
function users(over: Partial<Catalog> = {}): Catalog {
  return catalog({
    tables: [userTable()],
    indexes: [index("User", "User_email_key", "email", { unique: true })],
    constraints: [pk("User")],
    ...over,
  });
}

/** The stable part of an item: other fields (e.g. the table/column hints) are not compared here. */
const view = (items: DriftItem[]) =>
  items.map(({ kind, message, sql, informational }) => ({ kind, message, sql, ...(informational !== undefined ? { informational } : {}) }));
const sqlOf = (items: DriftItem[]) => items.map((i) => i.sql);
const kinds = (items: DriftItem[]) => items.map((i) => i.kind);

describe("compareCatalogs: no drift", () => {
  test("identical catalogs → nothing", () => {
    expect(view(compareCatalogs(users(), users()))).toEqual([]);
  });

  test("empty catalogs → nothing", () => {
    expect(view(compareCatalogs(catalog(), catalog()))).toEqual([]);
  });
});

describe("compareCatalogs: tables", () => {
  test("regression: a missing table becomes CREATE TABLE with its primary key", () => {
    const post = table("Post", [idColumn("Post"), col("title", "text", { notNull: true }), col("authorId", "integer")]);
    const items = compareCatalogs(users(), users({ tables: [userTable(), post], constraints: [pk("User"), pk("Post")] }));
    expect(view(items)).toEqual([
      {
        kind: "table",
        message: 'Table "Post" is in schema.prisma but no migration creates it',
        sql:
          'CREATE TABLE "Post" (\n' +
          '    "id" integer NOT NULL DEFAULT nextval(\'"Post_id_seq"\'::regclass),\n' +
          '    "title" text NOT NULL,\n' +
          '    "authorId" integer,\n' +
          '    CONSTRAINT "Post_pkey" PRIMARY KEY (id)\n' +
          ");",
      },
    ]);
  });

  test("a missing table's indexes and foreign keys follow its CREATE TABLE; its primary key is not repeated", () => {
    const post = table("Post", [idColumn("Post"), col("authorId", "integer", { notNull: true })]);
    const expected = users({
      tables: [userTable(), post],
      indexes: [index("User", "User_email_key", "email", { unique: true }), index("Post", "Post_authorId_idx", '"authorId"')],
      constraints: [pk("User"), pk("Post"), fk("Post", "Post_authorId_fkey", "authorId", "User")],
    });
    const items = compareCatalogs(users(), expected);
    expect(kinds(items)).toEqual(["table", "index", "constraint"]);
    expect(items[1]?.sql).toBe('CREATE INDEX "Post_authorId_idx" ON public."Post" USING btree ("authorId");');
    expect(items[2]?.sql).toBe(
      'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT;',
    );
    expect(items.some((i) => i.sql.includes("Post_pkey") && i.kind === "constraint")).toBe(false);
  });

  test("a missing table without primary key has no CONSTRAINT line", () => {
    const items = compareCatalogs(catalog(), catalog({ tables: [table("Log", [col("line", "text")])] }));
    expect(sqlOf(items)).toEqual(['CREATE TABLE "Log" (\n    "line" text\n);']);
  });

  test("tables outside public are schema-qualified", () => {
    const session = table("Session", [col("id", "text", { notNull: true })], "auth");
    const items = compareCatalogs(catalog(), catalog({ tables: [session], constraints: [pk("Session", "id", "Session_pkey", "auth")] }));
    expect(items[0]?.message).toBe('Table "auth"."Session" is in schema.prisma but no migration creates it');
    expect(items[0]?.sql).toBe(
      'CREATE TABLE "auth"."Session" (\n    "id" text NOT NULL,\n    CONSTRAINT "Session_pkey" PRIMARY KEY (id)\n);',
    );
  });

  test("the same table name in another schema is another table", () => {
    const items = compareCatalogs(
      catalog({ tables: [table("User", [col("id", "integer")], "auth")] }),
      catalog({ tables: [table("User", [col("id", "integer")])] }),
    );
    expect(sqlOf(items)).toEqual(['DROP TABLE "auth"."User";', 'CREATE TABLE "User" (\n    "id" integer\n);']);
  });

  test("regression: an extra table becomes one DROP TABLE; its indexes and keys are not reported separately", () => {
    const legacy = table("Legacy", [idColumn("Legacy"), col("code", "text"), col("userId", "integer")]);
    const actual = users({
      tables: [userTable(), legacy],
      indexes: [
        index("User", "User_email_key", "email", { unique: true }),
        index("Legacy", "Legacy_code_key", "code", { unique: true }),
        index("Legacy", "legacy_expr", "lower(code)", { notRepresentable: true }),
      ],
      constraints: [pk("User"), pk("Legacy"), fk("Legacy", "Legacy_userId_fkey", "userId", "User")],
    });
    expect(view(compareCatalogs(actual, users()))).toEqual([
      { kind: "table", message: 'Table "Legacy" is created by the migrations but is not in schema.prisma', sql: 'DROP TABLE "Legacy";' },
    ]);
  });

  test("table names with double quotes are escaped in SQL", () => {
    const items = compareCatalogs(catalog(), catalog({ tables: [table('we"ird', [col('c"ol', "text")])] }));
    expect(items[0]?.sql).toBe('CREATE TABLE "we""ird" (\n    "c""ol" text\n);');
  });
});

describe("compareCatalogs: columns", () => {
  test("a missing column becomes ADD COLUMN with type, NOT NULL and default", () => {
    const items = compareCatalogs(users(), users({ tables: [userTable([col("age", "integer", { notNull: true, default: "0" })])] }));
    expect(view(items)).toEqual([
      {
        kind: "column",
        message: 'Column "User"."age" is in schema.prisma but no migration creates it',
        sql: 'ALTER TABLE "User" ADD COLUMN "age" integer NOT NULL DEFAULT 0;',
      },
    ]);
  });

  test("an extra column becomes DROP COLUMN", () => {
    const items = compareCatalogs(users({ tables: [userTable([col("nickname", "text")])] }), users());
    expect(view(items)).toEqual([
      {
        kind: "column",
        message: 'Column "User"."nickname" is created by the migrations but is not in schema.prisma',
        sql: 'ALTER TABLE "User" DROP COLUMN "nickname";',
      },
    ]);
  });

  test("a type difference becomes SET DATA TYPE to the schema.prisma type", () => {
    const actual = users({ tables: [table("User", [idColumn("User"), col("email", "text", { notNull: true }), userTable().columns[2]!])] });
    const expected = users({
      tables: [table("User", [idColumn("User"), col("email", "character varying(255)", { notNull: true }), userTable().columns[2]!])],
    });
    expect(view(compareCatalogs(actual, expected))).toEqual([
      {
        kind: "column",
        message: 'Column "User"."email" is text in the migrations but character varying(255) in schema.prisma',
        sql: 'ALTER TABLE "User" ALTER COLUMN "email" SET DATA TYPE character varying(255);',
      },
    ]);
  });

  test("nullability: required in schema.prisma → SET NOT NULL; optional → DROP NOT NULL", () => {
    const nullable = catalog({ tables: [table("T", [col("c", "text")])] });
    const required = catalog({ tables: [table("T", [col("c", "text", { notNull: true })])] });
    expect(view(compareCatalogs(nullable, required))).toEqual([
      {
        kind: "column",
        message: 'Column "T"."c" is nullable in the migrations but required in schema.prisma',
        sql: 'ALTER TABLE "T" ALTER COLUMN "c" SET NOT NULL;',
      },
    ]);
    expect(view(compareCatalogs(required, nullable))).toEqual([
      {
        kind: "column",
        message: 'Column "T"."c" is NOT NULL in the migrations but optional in schema.prisma',
        sql: 'ALTER TABLE "T" ALTER COLUMN "c" DROP NOT NULL;',
      },
    ]);
  });

  test("regression: array columns' nullability is ignored (Prisma lists have no optional form)", () => {
    const a = catalog({ tables: [table("T", [col("tags", "text[]")])] });
    const b = catalog({ tables: [table("T", [col("tags", "text[]", { notNull: true })])] });
    expect(view(compareCatalogs(a, b))).toEqual([]);
    expect(view(compareCatalogs(b, a))).toEqual([]);
  });

  test("array columns' type is still compared", () => {
    const items = compareCatalogs(
      catalog({ tables: [table("T", [col("tags", "text[]")])] }),
      catalog({ tables: [table("T", [col("tags", "integer[]")])] }),
    );
    expect(sqlOf(items)).toEqual(['ALTER TABLE "T" ALTER COLUMN "tags" SET DATA TYPE integer[];']);
  });

  test("defaults: added, removed and changed", () => {
    const t = (d?: string) => catalog({ tables: [table("T", [col("n", "integer", d === undefined ? {} : { default: d })])] });
    expect(view(compareCatalogs(t(), t("0")))).toEqual([
      {
        kind: "column",
        message: 'Column "T"."n" has default (none) in the migrations but 0 in schema.prisma',
        sql: 'ALTER TABLE "T" ALTER COLUMN "n" SET DEFAULT 0;',
      },
    ]);
    expect(view(compareCatalogs(t("0"), t()))).toEqual([
      {
        kind: "column",
        message: 'Column "T"."n" has default 0 in the migrations but (none) in schema.prisma',
        sql: 'ALTER TABLE "T" ALTER COLUMN "n" DROP DEFAULT;',
      },
    ]);
    expect(sqlOf(compareCatalogs(t("0"), t("1")))).toEqual(['ALTER TABLE "T" ALTER COLUMN "n" SET DEFAULT 1;']);
  });

  test("regression: now() and CURRENT_TIMESTAMP are the same default", () => {
    const t = (d: string) =>
      catalog({ tables: [table("T", [col("at", "timestamp(3) without time zone", { notNull: true, default: d })])] });
    expect(view(compareCatalogs(t("now()"), t("CURRENT_TIMESTAMP")))).toEqual([]);
    expect(view(compareCatalogs(t("CURRENT_TIMESTAMP"), t("now()")))).toEqual([]);
    expect(view(compareCatalogs(t("NOW()"), t("CURRENT_TIMESTAMP")))).toEqual([]);
    // ...but other timestamp defaults are not.
    expect(view(compareCatalogs(t("clock_timestamp()"), t("CURRENT_TIMESTAMP")))).toHaveLength(1);
  });

  test("a default wrapped in parentheses equals the bare one", () => {
    const t = (d: string) => catalog({ tables: [table("T", [col("n", "integer", { default: d })])] });
    expect(view(compareCatalogs(t("(0)"), t("0")))).toEqual([]);
  });

  test("one column can differ in type, nullability and default at once, in that order", () => {
    const items = compareCatalogs(
      catalog({ tables: [table("T", [col("c", "text")])] }),
      catalog({ tables: [table("T", [col("c", "character varying(10)", { notNull: true, default: "'x'::character varying" })])] }),
    );
    expect(sqlOf(items)).toEqual([
      'ALTER TABLE "T" ALTER COLUMN "c" SET DATA TYPE character varying(10);',
      'ALTER TABLE "T" ALTER COLUMN "c" SET NOT NULL;',
      `ALTER TABLE "T" ALTER COLUMN "c" SET DEFAULT 'x'::character varying;`,
    ]);
  });

  test("columns in a non-public schema are qualified", () => {
    const items = compareCatalogs(
      catalog({ tables: [table("S", [], "auth")] }),
      catalog({ tables: [table("S", [col("token", "text")], "auth")] }),
    );
    expect(view(items)[0]).toEqual({
      kind: "column",
      message: 'Column "auth"."S"."token" is in schema.prisma but no migration creates it',
      sql: 'ALTER TABLE "auth"."S" ADD COLUMN "token" text;',
    });
  });
});

describe("compareCatalogs: indexes", () => {
  const withIndexes = (...extra: Index[]) => users({ indexes: [index("User", "User_email_key", "email", { unique: true }), ...extra] });

  test("a missing index becomes its CREATE INDEX", () => {
    const items = compareCatalogs(users(), withIndexes(index("User", "User_createdAt_idx", '"createdAt"')));
    expect(view(items)).toEqual([
      {
        kind: "index",
        message: 'Index "User_createdAt_idx" on "User" is in schema.prisma but no migration creates it',
        sql: 'CREATE INDEX "User_createdAt_idx" ON public."User" USING btree ("createdAt");',
      },
    ]);
  });

  test("an extra index becomes DROP INDEX", () => {
    const items = compareCatalogs(withIndexes(index("User", "User_createdAt_idx", '"createdAt"')), users());
    expect(view(items)).toEqual([
      {
        kind: "index",
        message: 'Index "User_createdAt_idx" on "User" is created by the migrations but is not in schema.prisma',
        sql: 'DROP INDEX "User_createdAt_idx";',
      },
    ]);
  });

  test("an extra index outside public is dropped schema-qualified", () => {
    const s = table("S", [col("a", "text")], "auth");
    const items = compareCatalogs(
      catalog({ tables: [s], indexes: [index("S", "S_a_idx", "a", { schema: "auth" })] }),
      catalog({ tables: [s] }),
    );
    expect(sqlOf(items)).toEqual(['DROP INDEX "auth"."S_a_idx";']);
  });

  test("an index with the same name but another definition is dropped and recreated", () => {
    const items = compareCatalogs(
      withIndexes(index("User", "User_createdAt_idx", '"createdAt"')),
      withIndexes(index("User", "User_createdAt_idx", '"createdAt" DESC')),
    );
    expect(view(items)).toEqual([
      {
        kind: "index",
        message:
          'Index "User_createdAt_idx" differs: migrations have `CREATE INDEX "User_createdAt_idx" ON public."User" USING btree ("createdAt")`, schema.prisma wants `CREATE INDEX "User_createdAt_idx" ON public."User" USING btree ("createdAt" DESC)`',
        sql: 'DROP INDEX "User_createdAt_idx";\nCREATE INDEX "User_createdAt_idx" ON public."User" USING btree ("createdAt" DESC);',
      },
    ]);
  });

  test("unique vs non-unique with the same name differs", () => {
    const items = compareCatalogs(users({ indexes: [index("User", "User_email_key", "email")] }), users());
    expect(items).toHaveLength(1);
    expect(items[0]?.sql).toContain('CREATE UNIQUE INDEX "User_email_key"');
    expect(items[0]?.informational).toBeUndefined();
  });

  test("regression: ON ONLY (partitioned tables) is ignored", () => {
    expect(
      view(compareCatalogs(users({ indexes: [index("User", "User_email_key", "email", { unique: true, only: true })] }), users())),
    ).toEqual([]);
    expect(
      view(compareCatalogs(users(), users({ indexes: [index("User", "User_email_key", "email", { unique: true, only: true })] }))),
    ).toEqual([]);
  });

  test.each([
    ["partial (WHERE)", ' WHERE ("deletedAt" IS NULL)'],
    ["INCLUDE", ' INCLUDE ("createdAt")'],
    ["storage parameters (WITH)", " WITH (fillfactor='70')"],
    ["INCLUDE + WITH + WHERE", " INCLUDE (\"createdAt\") WITH (fillfactor='70') WHERE (email IS NOT NULL)"],
  ])("regression: a %s difference on the same index is informational", (_what, suffix) => {
    const actual = users({
      indexes: [index("User", "User_email_key", "email", { unique: true, suffix, notRepresentable: suffix.includes("WHERE") })],
    });
    const items = compareCatalogs(actual, users());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "index", informational: true });
    expect(items[0]?.sql).toBe(`-- keep: ${actual.indexes[0]?.definition};`);
    expect(items[0]?.message).toContain('Index "User_email_key" has a WHERE, INCLUDE or storage clause');
  });

  test("a column difference next to a WHERE clause is a real difference", () => {
    const actual = users({
      indexes: [
        index("User", "User_email_key", 'email, "createdAt"', {
          unique: true,
          suffix: " WHERE (email IS NOT NULL)",
          notRepresentable: true,
        }),
      ],
    });
    const items = compareCatalogs(actual, users());
    expect(items).toHaveLength(1);
    expect(items[0]?.informational).toBeUndefined();
    expect(items[0]?.sql.startsWith('DROP INDEX "User_email_key";')).toBe(true);
  });

  test("an extra partial/expression index is informational, with a keep note", () => {
    const raw = index("User", "User_lower_email_idx", "lower(email)", { notRepresentable: true });
    const items = compareCatalogs(withIndexes(raw), users());
    expect(view(items)).toEqual([
      {
        kind: "index",
        informational: true,
        message: expect.stringContaining(
          'Index "User_lower_email_idx" on "User" (partial or on expressions) is created by a migration and cannot be described in schema.prisma',
        ),
        sql: `-- keep: ${raw.definition};`,
      },
    ]);
  });

  test("regression: a renamed index (same definition, other name) is one ALTER INDEX … RENAME", () => {
    const items = compareCatalogs(
      withIndexes(index("User", "User_created_idx", '"createdAt"')),
      withIndexes(index("User", "User_createdAt_idx", '"createdAt"')),
    );
    expect(view(items)).toEqual([
      {
        kind: "index",
        message: 'Index "User_created_idx" on "User" is named "User_createdAt_idx" in schema.prisma',
        sql: 'ALTER INDEX "User_created_idx" RENAME TO "User_createdAt_idx";',
      },
    ]);
  });

  test("rename detection reads unquoted index names from pg_get_indexdef", () => {
    const items = compareCatalogs(users({ indexes: [index("User", "user_email", "email", { unique: true, quoteName: false })] }), users());
    expect(sqlOf(items)).toEqual(['ALTER INDEX "user_email" RENAME TO "User_email_key";']);
  });

  test("a renamed index outside public is renamed schema-qualified", () => {
    const s = table("S", [col("a", "text")], "auth");
    const items = compareCatalogs(
      catalog({ tables: [s], indexes: [index("S", "old_a", "a", { schema: "auth" })] }),
      catalog({ tables: [s], indexes: [index("S", "S_a_idx", "a", { schema: "auth" })] }),
    );
    expect(sqlOf(items)).toEqual(['ALTER INDEX "auth"."old_a" RENAME TO "S_a_idx";']);
  });

  test("not a rename: same columns on another table, or unique vs non-unique", () => {
    const other = table("Other", [col("email", "text")]);
    const items = compareCatalogs(
      users({
        tables: [userTable(), other],
        indexes: [index("Other", "Other_email_key", "email", { unique: true }), index("User", "User_email_idx", "email")],
      }),
      users({ tables: [userTable(), other] }),
    );
    expect(sqlOf(items)).toEqual([
      'DROP INDEX "Other_email_key";',
      'DROP INDEX "User_email_idx";',
      'CREATE UNIQUE INDEX "User_email_key" ON public."User" USING btree (email);',
    ]);
  });

  test("two renames on one table each find their own twin", () => {
    const items = compareCatalogs(
      withIndexes(index("User", "idx_b", '"createdAt"'), index("User", "idx_a", 'email, "createdAt"')),
      withIndexes(index("User", "User_email_createdAt_idx", 'email, "createdAt"'), index("User", "User_createdAt_idx", '"createdAt"')),
    );
    expect(sqlOf(items)).toEqual([
      'ALTER INDEX "idx_a" RENAME TO "User_email_createdAt_idx";',
      'ALTER INDEX "idx_b" RENAME TO "User_createdAt_idx";',
    ]);
  });

  test("one old index is renamed at most once", () => {
    const items = compareCatalogs(
      withIndexes(index("User", "old_idx", '"createdAt"')),
      withIndexes(index("User", "User_createdAt_idx", '"createdAt"'), index("User", "User_createdAt_idx2", '"createdAt"')),
    );
    expect(sqlOf(items)).toEqual([
      'ALTER INDEX "old_idx" RENAME TO "User_createdAt_idx";',
      'CREATE INDEX "User_createdAt_idx2" ON public."User" USING btree ("createdAt");',
    ]);
  });

  test("an index still wanted under its own name is not taken as a rename twin", () => {
    const items = compareCatalogs(users(), withIndexes(index("User", "User_email_key2", "email", { unique: true })));
    expect(sqlOf(items)).toEqual(['CREATE UNIQUE INDEX "User_email_key2" ON public."User" USING btree (email);']);
  });
});

describe("compareCatalogs: constraints", () => {
  const post = table("Post", [idColumn("Post"), col("authorId", "integer", { notNull: true })]);
  const blog = (...constraints: Constraint[]) =>
    users({ tables: [userTable(), post], constraints: [pk("User"), pk("Post"), ...constraints] });

  test("regression: a renamed foreign key is one RENAME CONSTRAINT", () => {
    const items = compareCatalogs(
      blog(fk("Post", "Post_author_fkey", "authorId", "User")),
      blog(fk("Post", "Post_authorId_fkey", "authorId", "User")),
    );
    expect(view(items)).toEqual([
      {
        kind: "constraint",
        message: 'Foreign key "Post_author_fkey" on "Post" is named "Post_authorId_fkey" in schema.prisma',
        sql: 'ALTER TABLE "Post" RENAME CONSTRAINT "Post_author_fkey" TO "Post_authorId_fkey";',
      },
    ]);
  });

  test("a renamed primary key is a RENAME CONSTRAINT too", () => {
    const items = compareCatalogs(users({ constraints: [pk("User", "id", "users_pk")] }), users());
    expect(view(items)).toEqual([
      {
        kind: "constraint",
        message: 'Primary key "users_pk" on "User" is named "User_pkey" in schema.prisma',
        sql: 'ALTER TABLE "User" RENAME CONSTRAINT "users_pk" TO "User_pkey";',
      },
    ]);
  });

  test("a missing foreign key becomes ADD CONSTRAINT", () => {
    const items = compareCatalogs(blog(), blog(fk("Post", "Post_authorId_fkey", "authorId", "User")));
    expect(view(items)).toEqual([
      {
        kind: "constraint",
        message: 'Foreign key "Post_authorId_fkey" on "Post" is in schema.prisma but no migration creates it',
        sql: 'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT;',
      },
    ]);
  });

  test("an extra foreign key becomes DROP CONSTRAINT", () => {
    const items = compareCatalogs(blog(fk("Post", "Post_authorId_fkey", "authorId", "User")), blog());
    expect(view(items)).toEqual([
      {
        kind: "constraint",
        message: 'Foreign key "Post_authorId_fkey" on "Post" is created by the migrations but is not in schema.prisma',
        sql: 'ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";',
      },
    ]);
  });

  test("a foreign key with another definition is dropped and added again", () => {
    const items = compareCatalogs(
      blog(fk("Post", "Post_authorId_fkey", "authorId", "User", "RESTRICT")),
      blog(fk("Post", "Post_authorId_fkey", "authorId", "User", "CASCADE")),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.message).toContain('Foreign key "Post_authorId_fkey" on "Post" differs');
    expect(items[0]?.sql).toBe(
      'ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\n' +
        'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE CASCADE;',
    );
  });

  test("a primary key missing on an existing table is added", () => {
    const items = compareCatalogs(users({ constraints: [] }), users());
    expect(view(items)).toEqual([
      {
        kind: "constraint",
        message: 'Primary key "User_pkey" on "User" is in schema.prisma but no migration creates it',
        sql: 'ALTER TABLE "User" ADD CONSTRAINT "User_pkey" PRIMARY KEY (id);',
      },
    ]);
  });

  test("not a rename: a foreign key of another kind/definition or on another table", () => {
    const items = compareCatalogs(
      blog(fk("Post", "Post_x_fkey", "authorId", "User", "CASCADE")),
      blog(fk("Post", "Post_authorId_fkey", "authorId", "User", "RESTRICT")),
    );
    expect(sqlOf(items)).toEqual([
      'ALTER TABLE "Post" DROP CONSTRAINT "Post_x_fkey";',
      'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT;',
    ]);
  });
});

describe("compareCatalogs: enums", () => {
  test("a missing enum becomes CREATE TYPE with its values quoted", () => {
    const items = compareCatalogs(catalog(), catalog({ enums: [enumType("Role", ["USER", "ADMIN", "it's"])] }));
    expect(view(items)).toEqual([
      {
        kind: "enum",
        message: 'Enum "Role" is in schema.prisma but no migration creates it',
        sql: "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'it''s');",
      },
    ]);
  });

  test("an enum missing values gets one ADD VALUE per value", () => {
    const items = compareCatalogs(
      catalog({ enums: [enumType("Role", ["USER"])] }),
      catalog({ enums: [enumType("Role", ["USER", "ADMIN", "OWNER"])] }),
    );
    expect(view(items)).toEqual([
      { kind: "enum", message: "Enum \"Role\" lacks value 'ADMIN' that schema.prisma has", sql: "ALTER TYPE \"Role\" ADD VALUE 'ADMIN';" },
      { kind: "enum", message: "Enum \"Role\" lacks value 'OWNER' that schema.prisma has", sql: "ALTER TYPE \"Role\" ADD VALUE 'OWNER';" },
    ]);
  });

  test("extra enum values are one item naming them all", () => {
    const items = compareCatalogs(
      catalog({ enums: [enumType("Role", ["USER", "ADMIN", "GUEST"])] }),
      catalog({ enums: [enumType("Role", ["USER"])] }),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "enum", message: "Enum \"Role\" has value(s) 'ADMIN', 'GUEST' that schema.prisma does not" });
    expect(items[0]?.sql.startsWith("--")).toBe(true);
  });

  test("missing values come before the extra-values item", () => {
    const items = compareCatalogs(
      catalog({ enums: [enumType("Role", ["USER", "GUEST"])] }),
      catalog({ enums: [enumType("Role", ["USER", "ADMIN"])] }),
    );
    expect(items.map((i) => i.message)).toEqual([
      "Enum \"Role\" lacks value 'ADMIN' that schema.prisma has",
      "Enum \"Role\" has value(s) 'GUEST' that schema.prisma does not",
    ]);
  });

  test("an extra enum becomes DROP TYPE", () => {
    expect(view(compareCatalogs(catalog({ enums: [enumType("Mood", ["HAPPY"], "app")] }), catalog()))).toEqual([
      {
        kind: "enum",
        message: 'Enum "app"."Mood" is created by the migrations but is not in schema.prisma',
        sql: 'DROP TYPE "app"."Mood";',
      },
    ]);
  });

  test("the same values in the same enum → nothing", () => {
    expect(
      view(compareCatalogs(catalog({ enums: [enumType("Role", ["A", "B"])] }), catalog({ enums: [enumType("Role", ["A", "B"])] }))),
    ).toEqual([]);
  });
});

describe("compareCatalogs: order of items", () => {
  test("regression: drops of keys, indexes, columns and tables first; then types, tables and columns, indexes, keys; type drops last", () => {
    const actual = catalog({
      enums: [enumType("Old", ["X"])],
      tables: [userTable([col("legacy", "text")]), table("Gone", [col("id", "integer")])],
      indexes: [index("User", "User_legacy_idx", "legacy")],
      constraints: [pk("User"), fk("User", "User_gone_fkey", "id", "Gone")],
    });
    const expected = catalog({
      enums: [enumType("Role", ["USER"])],
      tables: [userTable([col("role", '"Role"')]), table("Post", [idColumn("Post")])],
      indexes: [index("User", "User_email_key", "email", { unique: true })],
      constraints: [pk("User"), pk("Post")],
    });
    const items = compareCatalogs(actual, expected);
    expect(items.map((i) => `${i.kind}: ${i.sql.split("\n")[0]}`)).toEqual([
      'constraint: ALTER TABLE "User" DROP CONSTRAINT "User_gone_fkey";',
      'index: DROP INDEX "User_legacy_idx";',
      'column: ALTER TABLE "User" DROP COLUMN "legacy";',
      'table: DROP TABLE "Gone";',
      "enum: CREATE TYPE \"Role\" AS ENUM ('USER');",
      'column: ALTER TABLE "User" ADD COLUMN "role" "Role";',
      'table: CREATE TABLE "Post" (',
      'index: CREATE UNIQUE INDEX "User_email_key" ON public."User" USING btree (email);',
      'enum: DROP TYPE "Old";',
    ]);
  });

  test("tables follow schema.prisma's order; columns follow the table's order; drops come first", () => {
    const expected = catalog({ tables: [table("B", [col("y", "text"), col("x", "text")]), table("A", [col("z", "text")])] });
    const actual = catalog({ tables: [table("A", [col("old", "text")]), table("B", [col("extra", "text")])] });
    expect(sqlOf(compareCatalogs(actual, expected))).toEqual([
      'ALTER TABLE "B" DROP COLUMN "extra";',
      'ALTER TABLE "A" DROP COLUMN "old";',
      'ALTER TABLE "B" ADD COLUMN "y" text;',
      'ALTER TABLE "B" ADD COLUMN "x" text;',
      'ALTER TABLE "A" ADD COLUMN "z" text;',
    ]);
  });

  test("what is created comes before what uses it: type → column, table → foreign key, column → index", () => {
    const post = table("Post", [idColumn("Post"), col("authorId", "integer")]);
    const items = compareCatalogs(
      users(),
      users({
        enums: [enumType("Role", ["USER"])],
        tables: [userTable([col("role", '"Role"'), col("name", "text")]), post],
        indexes: [index("User", "User_email_key", "email", { unique: true }), index("User", "User_name_idx", "name")],
        constraints: [pk("User"), pk("Post"), fk("Post", "Post_authorId_fkey", "authorId", "User")],
      }),
    );
    const at = (fragment: string) => items.findIndex((i) => i.sql.includes(fragment));
    expect(at('CREATE TYPE "Role"')).toBeLessThan(at('ADD COLUMN "role"'));
    expect(at('CREATE TABLE "Post"')).toBeLessThan(at('ADD CONSTRAINT "Post_authorId_fkey"'));
    expect(at('ADD COLUMN "name"')).toBeLessThan(at('CREATE INDEX "User_name_idx"'));
  });

  // Bug (all three below): drops are emitted in creation order (types, tables/columns, indexes, keys),
  // so objects are dropped after what they depend on was already dropped. Applied as one migration the
  // SQL fails: DROP TABLE is refused while another table's foreign key references it; DROP COLUMN
  // silently takes its index and foreign key along, so the later DROP INDEX / DROP CONSTRAINT fail with
  // "does not exist"; DROP TYPE is refused while a column still uses the type. Prisma's own migrations
  // drop foreign keys and indexes first and enums last.
  test("regression: a foreign key to a dropped table is dropped before the table", () => {
    const legacy = table("Legacy", [idColumn("Legacy")]);
    const items = compareCatalogs(
      users({
        tables: [userTable([col("legacyId", "integer")]), legacy],
        constraints: [pk("User"), pk("Legacy"), fk("User", "User_legacyId_fkey", "legacyId", "Legacy")],
      }),
      users({ tables: [userTable([col("legacyId", "integer")])] }),
    );
    const at = (fragment: string) => items.findIndex((i) => i.sql.includes(fragment));
    expect(at('DROP CONSTRAINT "User_legacyId_fkey"')).toBeGreaterThanOrEqual(0);
    expect(at('DROP CONSTRAINT "User_legacyId_fkey"')).toBeLessThan(at('DROP TABLE "Legacy"'));
  });

  test("regression: an extra column's index and foreign key are not dropped after the column", () => {
    const post = (extra: Column[]) => table("Post", [idColumn("Post"), ...extra]);
    const items = compareCatalogs(
      users({
        tables: [userTable(), post([col("authorId", "integer")])],
        indexes: [index("User", "User_email_key", "email", { unique: true }), index("Post", "Post_authorId_idx", '"authorId"')],
        constraints: [pk("User"), pk("Post"), fk("Post", "Post_authorId_fkey", "authorId", "User")],
      }),
      users({ tables: [userTable(), post([])], constraints: [pk("User"), pk("Post")] }),
    );
    const sqls = sqlOf(items);
    const dropColumn = sqls.findIndex((s) => s.includes('DROP COLUMN "authorId"'));
    expect(dropColumn).toBeGreaterThanOrEqual(0);
    const dependents = sqls
      .map((s, i) => (/DROP INDEX "Post_authorId_idx"|DROP CONSTRAINT "Post_authorId_fkey"/.test(s) ? i : -1))
      .filter((i) => i >= 0);
    // Either left to the DROP COLUMN (like an extra table's indexes) or dropped before it.
    expect(dependents.every((i) => i < dropColumn)).toBe(true);
  });

  test("regression: an extra enum is dropped after the extra column that uses it", () => {
    const items = compareCatalogs(users({ enums: [enumType("Mood", ["HAPPY"])], tables: [userTable([col("mood", '"Mood"')])] }), users());
    const at = (fragment: string) => items.findIndex((i) => i.sql.includes(fragment));
    expect(at('DROP COLUMN "mood"')).toBeGreaterThanOrEqual(0);
    expect(at('DROP TYPE "Mood"')).toBeGreaterThan(at('DROP COLUMN "mood"'));
  });
});

describe("compareCatalogs: unique constraints", () => {
  test("regression: an extra UNIQUE constraint is dropped as a constraint (DROP INDEX is refused for it)", () => {
    const items = compareCatalogs(
      users({
        indexes: [
          index("User", "User_email_key", "email", { unique: true }),
          { ...index("User", "User_name_key", "name", { unique: true }), uniqueConstraint: true },
        ],
      }),
      users({ indexes: [index("User", "User_email_key", "email", { unique: true })] }),
    );
    expect(sqlOf(items)).toEqual(['ALTER TABLE "User" DROP CONSTRAINT "User_name_key";']);
  });
});
