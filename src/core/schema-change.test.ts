import type { Catalog, Constraint, Table } from "./catalog.js";
import { diffSchemas, uniqueIndexColumns } from "./schema-change.js";

const col = (name: string, type = "integer", notNull = true) => ({ name, type, notNull });
const table = (name: string, columns: Table["columns"], schema = "public"): Table => ({ schema, name, columns });
const pk = (t: string, columns = ["id"]): Constraint => ({
  schema: "public",
  table: t,
  name: `${t}_pkey`,
  kind: "p",
  definition: `PRIMARY KEY (${columns.join(", ")})`,
  columns,
});
const fk = (t: string, columns: string[], target: string, name = `${t}_${columns.join("_")}_fkey`): Constraint => ({
  schema: "public",
  table: t,
  name,
  kind: "f",
  definition: `FOREIGN KEY (${columns.join(", ")}) REFERENCES ${target}(id)`,
  columns,
  references: { schema: "public", table: target, columns: ["id"] },
});
const catalog = (tables: Table[], constraints: Constraint[] = [], extra: Partial<Catalog> = {}): Catalog => ({
  tables,
  constraints,
  indexes: [],
  enums: [],
  ...extra,
});

const users = table("User", [col("id"), col("email", "text")]);
const teams = table("Team", [col("id")]);
const base = catalog([users, teams, table("Audit", [col("id")])], [pk("User"), pk("Team"), pk("Audit")]);

test("a new table with a foreign key to an existing one: both shown, the relation added, unrelated tables left out", () => {
  const after = catalog(
    [...base.tables, table("Post", [col("id"), col("authorId"), col("title", "text")])],
    [...base.constraints, pk("Post"), fk("Post", ["authorId"], "User")],
  );
  const change = diffSchemas(base, after);
  expect(change.tables.map((t) => [t.name, t.status, t.touched])).toEqual([
    ["Post", "added", true],
    ["User", "unchanged", false],
  ]);
  expect(change.tables[0]!.columns.map((c) => [c.name, c.status, c.primaryKey, c.foreignKey])).toEqual([
    ["id", "added", true, false],
    ["authorId", "added", false, true],
    ["title", "added", false, false],
  ]);
  expect(change.relations).toEqual([
    expect.objectContaining({
      status: "added",
      from: expect.objectContaining({ table: "Post", columns: ["authorId"] }),
      to: expect.objectContaining({ table: "User" }),
      optional: false,
      oneToOne: false,
    }),
  ]);
});

test("changed, added and dropped columns; a dropped table keeps its columns and its dropped relation", () => {
  const before = catalog(
    [...base.tables, table("Old", [col("id"), col("userId", "integer", false)])],
    [...base.constraints, pk("Old"), fk("Old", ["userId"], "User")],
  );
  const after = catalog(
    [table("User", [col("id", "bigint"), col("name", "text")]), teams, base.tables[2]!],
    [pk("User"), pk("Team"), pk("Audit")],
  );
  const change = diffSchemas(before, after);
  const user = change.tables.find((t) => t.name === "User")!;
  expect(user.status).toBe("changed");
  expect(user.columns.map((c) => [c.name, c.status, c.detail])).toEqual([
    ["id", "changed", "integer → bigint"],
    ["name", "added", undefined],
    ["email", "dropped", undefined],
  ]);
  const old = change.tables.find((t) => t.name === "Old")!;
  expect(old.status).toBe("dropped");
  expect(old.columns.every((c) => c.status === "dropped")).toBe(true);
  expect(change.relations).toEqual([expect.objectContaining({ name: "Old_userId_fkey", status: "dropped", optional: true })]);
  expect(change.tables.map((t) => t.name)).not.toContain("Team");
});

test("index, nullability and enum changes mark the table changed with a note or a column detail", () => {
  const before = catalog([table("User", [col("id"), col("role", '"Role"', false)])], [pk("User")], {
    enums: [{ schema: "public", name: "Role", values: ["A"] }],
  });
  const after = catalog([table("User", [col("id"), col("role", '"Role"', true)])], [pk("User")], {
    enums: [{ schema: "public", name: "Role", values: ["A", "B"] }],
    indexes: [
      {
        schema: "public",
        table: "User",
        name: "User_role_key",
        definition: 'CREATE UNIQUE INDEX "User_role_key" ON public."User" USING btree (role)',
        notRepresentable: false,
      },
    ],
  });
  const [user] = diffSchemas(before, after).tables;
  expect(user!.notes).toEqual(["index User_role_key added"]);
  expect(user!.columns[1]).toMatchObject({ status: "changed", detail: "enum values changed, now NOT NULL", unique: true });
});

test("no difference: nothing touched, nothing shown", () => {
  expect(diffSchemas(base, base)).toEqual({ tables: [], relations: [] });
});

test("a foreign key whose columns are unique is one-to-one", () => {
  const after = catalog(
    [...base.tables, table("Profile", [col("id"), col("userId")])],
    [...base.constraints, pk("Profile"), fk("Profile", ["userId"], "User")],
    {
      indexes: [
        {
          schema: "public",
          table: "Profile",
          name: "Profile_userId_key",
          definition: 'CREATE UNIQUE INDEX "Profile_userId_key" ON public."Profile" USING btree ("userId")',
          notRepresentable: false,
        },
      ],
    },
  );
  expect(diffSchemas(base, after).relations[0]).toMatchObject({ oneToOne: true });
});

test("unique index columns: quoted names, operator classes, expressions refused", () => {
  const index = (definition: string) => ({ schema: "public", table: "t", name: "i", definition, notRepresentable: false });
  expect(
    uniqueIndexColumns(index('CREATE UNIQUE INDEX i ON public.t USING btree ("a, b", c DESC NULLS LAST, d text_pattern_ops)')),
  ).toEqual(["a, b", "c", "d"]);
  expect(uniqueIndexColumns(index("CREATE UNIQUE INDEX i ON public.t USING btree (lower(email))"))).toBeUndefined();
  expect(uniqueIndexColumns(index("CREATE INDEX i ON public.t USING btree (a)"))).toBeUndefined();
});
