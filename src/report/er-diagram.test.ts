// Every diagram here goes through Mermaid's own parser (test/support/mermaid-parse.ts).
import type { SchemaChange, TableChange } from "../core/schema-change.js";
import { erModel, mermaidBlocks, parseMermaid } from "../../test/support/mermaid-parse.js";
import { mermaidType, mermaidWord, renderErDiagram } from "./er-diagram.js";

const column = (name: string, status: TableChange["status"] = "unchanged", extra: Partial<TableChange["columns"][number]> = {}) => ({
  name,
  type: "integer",
  status,
  primaryKey: false,
  foreignKey: false,
  unique: false,
  ...extra,
});
const tableOf = (name: string, status: TableChange["status"], columns: TableChange["columns"], schema = "public"): TableChange => ({
  schema,
  name,
  status,
  touched: status !== "unchanged",
  columns,
  notes: [],
});

const postAndUser: SchemaChange = {
  tables: [
    tableOf("Post", "added", [
      column("id", "added", { primaryKey: true }),
      column("authorId", "added", { foreignKey: true }),
      column("createdAt", "added", { type: "timestamp(3) without time zone" }),
    ]),
    tableOf("User", "unchanged", [column("id", "unchanged", { primaryKey: true }), column("email", "unchanged", { type: "text" })]),
  ],
  relations: [
    {
      name: "Post_authorId_fkey",
      from: { schema: "public", table: "Post", columns: ["authorId"] },
      to: { schema: "public", table: "User", columns: ["id"] },
      status: "added",
      optional: false,
      oneToOne: false,
    },
  ],
};

async function diagram(change: SchemaChange, options = {}): Promise<{ markdown: string; block: string }> {
  const markdown = renderErDiagram(change, options).join("\n");
  const blocks = mermaidBlocks(markdown);
  expect(blocks).toHaveLength(1);
  await expect(parseMermaid(blocks[0]!)).resolves.toBe("er");
  return { markdown, block: blocks[0]! };
}

test("an added table with a foreign key: both tables, the relation marked added, the neighbour shows only its keys", async () => {
  const { markdown, block } = await diagram(postAndUser);
  expect(block.split("\n")).toEqual([
    "erDiagram",
    "  Post {",
    '    integer id PK "+"',
    '    integer authorId FK "+"',
    '    timestamp_3 createdAt "+"',
    "  }",
    "  User {",
    "    integer id PK",
    '    more columns "1 not shown"',
    "  }",
    '  User ||--o{ Post : "+ authorId"',
  ]);
  expect(markdown).toContain("- **added**: `Post`");
  const model = await erModel(block);
  expect(model.relationships).toEqual([
    { a: "User", b: "Post", label: "+ authorId", cardA: "ZERO_OR_MORE", cardB: "ONLY_ONE", relType: "IDENTIFYING" },
  ]);
});

test("hostile names: spaces, quotes, schemas, reserved words and duplicates become distinct Mermaid words, real names listed", async () => {
  const change: SchemaChange = {
    tables: [
      tableOf('my "odd" table', "added", [
        column("end", "added", { type: 'auth."Role"[]' }),
        column("PK", "added"),
        column("1st col", "added", { type: "character varying(255)" }),
      ]),
      tableOf("class", "changed", [column("x", "changed", { detail: 'was "a" ~ b ~ c\nnew line %% #' })], "auth"),
      tableOf("my_odd_table", "dropped", [column("y", "dropped")]),
    ],
    relations: [
      {
        name: "f",
        from: { schema: "public", table: "my_odd_table", columns: ["direction LR"] },
        to: { schema: "auth", table: "class", columns: ["x"] },
        status: "dropped",
        optional: true,
        oneToOne: true,
      },
    ],
  };
  const { markdown, block } = await diagram(change);
  expect(block).toContain("public_my_odd_table {");
  expect(block).toContain("public_my_odd_table_2 {");
  expect(block).toContain("auth_class {");
  expect(block).toContain("Role_array end_");
  expect(block).toContain("integer PK_");
  expect(block).toContain('varchar_255 _1st_col "+ column 1st col"');
  expect(block).toContain("auth_class |o..o| public_my_odd_table_2");
  expect(block).toContain(`integer x "~ was 'a' - b - c'new line % no."`);
  expect(markdown).toContain('`public_my_odd_table` is `public.my "odd" table`');
  // Mermaid reads three distinct tables and a dropped (dashed), one-to-one, optional relation.
  const model = await erModel(block);
  expect(Object.keys(model.entities).sort()).toEqual(["auth_class", "public_my_odd_table", "public_my_odd_table_2"]);
  expect(model.entities.public_my_odd_table!.map((a) => a.name)).toEqual(["end_", "PK_", "_1st_col"]);
  expect(model.relationships).toEqual([
    {
      a: "auth_class",
      b: "public_my_odd_table_2",
      label: "- direction_LR",
      cardA: "ZERO_OR_ONE",
      cardB: "ZERO_OR_ONE",
      relType: "NON_IDENTIFYING",
    },
  ]);
});

test("long types become single Mermaid words", () => {
  expect(mermaidType("timestamp(3) with time zone")).toBe("timestamptz_3");
  expect(mermaidType("numeric(65,30)")).toBe("numeric_65_30");
  expect(mermaidType("double precision[]")).toBe("float8_array");
  expect(mermaidType('"Order Status"')).toBe("Order_Status");
  expect(mermaidWord("Ünïcödé")).toBe("Unicode");
  expect(mermaidWord("日本")).toBe("x");
});

test("a large change is capped: the first tables drawn, the rest named under the diagram", async () => {
  const many: SchemaChange = {
    tables: Array.from({ length: 30 }, (_, i) =>
      tableOf(
        `t${i}`,
        "added",
        Array.from({ length: 40 }, (_, j) => column(`c${j}`, "added")),
      ),
    ),
    relations: [
      {
        name: "f",
        from: { schema: "public", table: "t29", columns: ["c1"] },
        to: { schema: "public", table: "t0", columns: ["c0"] },
        status: "added",
        optional: false,
        oneToOne: false,
      },
    ],
  };
  const { markdown, block } = await diagram(many, { maxTables: 12, maxColumns: 5 });
  expect(block.match(/ \{$/gm)).toHaveLength(12);
  expect(block).not.toContain("t29");
  expect(block).toContain('more columns "35 unchanged not shown"');
  expect(markdown).toContain("_… and 18 more tables not drawn: `t12` (added)");
});

test("the parser is Mermaid's own: what it refuses, the renderer must never write", async () => {
  await expect(parseMermaid('erDiagram\n  t {\n    int4 a"b\n  }\n')).rejects.toThrow(/Parse error/);
  await expect(parseMermaid("erDiagram\n  end {\n    int4 id\n  }\n")).rejects.toThrow();
});
