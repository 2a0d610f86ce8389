// The objects a drift verdict is about, read the same way from both judges: the tables, enums and
// columns Prisma's `migrate diff` SQL touches (parsed by the real PostgreSQL parser, libpg-query) and
// the ones verify's drift findings name (quoted identifiers in their messages). Index and constraint
// names are resolved to their table through the migrated database's catalog, so that `DROP INDEX "x"`
// and `Index "x" … is not in schema.prisma` both count as table "T".
import { parse } from "libpg-query";
import type pg from "pg";

/** `"T"` (public) or `"s"."T"`; enums as `enum "E"`; extensions as `extension "x"`; columns as `"T"."c"`. */
export interface DriftObjects {
  tables: Set<string>;
  columns: Set<string>;
}

export interface NameLookup {
  tables: Set<string>;
  enums: Set<string>;
  /** index or constraint name → table key */
  owners: Map<string, string>;
}

const q = (name: string) => `"${name}"`;
const tableKey = (name: string, schema?: string) => (schema && schema !== "public" ? `${q(schema)}.${q(name)}` : q(name));
const enumKey = (names: string[]) => `enum ${q(names[names.length - 1]!)}`;

export function emptyLookup(): NameLookup {
  return { tables: new Set(), enums: new Set(), owners: new Map() };
}

/** Tables, enums, index and constraint names of a migrated database (every user schema). */
export async function catalogLookup(client: pg.Client): Promise<NameLookup> {
  const lookup = emptyLookup();
  const user = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'`;
  const tables = await client.query<{ name: string; schema: string }>(
    `SELECT c.relname AS name, n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${user}`,
  );
  for (const t of tables.rows) lookup.tables.add(tableKey(t.name, t.schema));
  const owned = await client.query<{ name: string; tbl: string; schema: string }>(
    `SELECT c.relname AS name, t.relname AS tbl, n.nspname AS schema FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE ${user}
     UNION ALL SELECT co.conname, t.relname, n.nspname FROM pg_constraint co JOIN pg_class t ON t.oid = co.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE ${user}`,
  );
  for (const o of owned.rows) lookup.owners.set(o.name, tableKey(o.tbl, o.schema));
  const enums = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND ${user}`,
  );
  for (const e of enums.rows) lookup.enums.add(enumKey([e.name]));
  return lookup;
}

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const strings = (list: Node[] | undefined): string[] =>
  (list ?? []).map((n) => n.String?.sval).filter((s): s is string => typeof s === "string");
const relKey = (rel: Node) => tableKey(rel.relname, rel.schemaname);

/** What Prisma's SQL touches. Names it creates itself (CREATE INDEX … ON "T") extend `lookup`. */
export async function objectsOfPrismaSql(sql: string, lookup: NameLookup): Promise<DriftObjects> {
  const out: DriftObjects = { tables: new Set(), columns: new Set() };
  if (sql.replace(/--.*$/gm, "").trim() === "") return out;
  const { stmts } = (await parse(sql)) as { stmts: { stmt: Node }[] };
  const byName = (name: string) => lookup.owners.get(name) ?? `index or constraint ${q(name)}`;
  for (const { stmt } of stmts) {
    const [kind, s] = Object.entries(stmt)[0] as [string, Node];
    switch (kind) {
      case "CreateStmt":
        out.tables.add(relKey(s.relation));
        break;
      case "IndexStmt":
        out.tables.add(relKey(s.relation));
        if (s.idxname) lookup.owners.set(s.idxname, relKey(s.relation));
        break;
      case "AlterTableStmt": {
        if (s.objtype === "OBJECT_INDEX") {
          out.tables.add(byName(s.relation.relname));
          break;
        }
        const table = relKey(s.relation);
        out.tables.add(table);
        for (const { AlterTableCmd: cmd } of s.cmds as Node[]) {
          const column =
            cmd.def?.ColumnDef?.colname ??
            (cmd.subtype === "AT_AddConstraint" || cmd.subtype === "AT_DropConstraint" ? undefined : cmd.name);
          if (column) out.columns.add(`${table}.${q(column)}`);
          const constraint = cmd.def?.Constraint?.conname;
          if (constraint) lookup.owners.set(constraint, table);
        }
        break;
      }
      case "RenameStmt":
        if (s.renameType === "OBJECT_INDEX") out.tables.add(byName(s.relation.relname));
        else if (s.renameType === "OBJECT_TYPE") out.tables.add(enumKey(strings(s.object?.List?.items)));
        else if (s.relation) {
          out.tables.add(relKey(s.relation));
          if (s.renameType === "OBJECT_COLUMN") out.columns.add(`${relKey(s.relation)}.${q(s.subname)}`);
        }
        break;
      case "DropStmt":
        for (const o of s.objects as Node[]) {
          const names = o.TypeName ? strings(o.TypeName.names) : strings(o.List?.items);
          if (s.removeType === "OBJECT_TABLE" || s.removeType === "OBJECT_VIEW")
            out.tables.add(tableKey(names[names.length - 1]!, names.length > 1 ? names[0] : undefined));
          else if (s.removeType === "OBJECT_INDEX") out.tables.add(byName(names[names.length - 1]!));
          else if (s.removeType === "OBJECT_TYPE") out.tables.add(enumKey(names));
          else out.tables.add(`${String(s.removeType).replace("OBJECT_", "").toLowerCase()} ${names.map(q).join(".")}`);
        }
        break;
      case "CreateEnumStmt":
      case "AlterEnumStmt":
        out.tables.add(enumKey(strings(s.typeName)));
        break;
      case "CreateExtensionStmt":
        out.tables.add(`extension ${q(s.extname)}`);
        break;
      case "TransactionStmt":
        break;
      default:
        out.tables.add(`statement ${kind}`);
    }
  }
  return out;
}

/** What verify's drift errors name: `Column "T"."c"`, `Table "T"`, `Enum "E"`, or names resolved through the catalog. */
export function objectsOfVerifyMessages(messages: readonly string[], lookup: NameLookup): DriftObjects {
  const out: DriftObjects = { tables: new Set(), columns: new Set() };
  for (const message of messages) {
    // Names outside public come schema-qualified (multiSchema): `Column "s"."T"."c"`, `Enum "s"."E"`.
    const column = /^Column (?:"((?:[^"]|"")+)"\.)?"((?:[^"]|"")+)"\."((?:[^"]|"")+)"/.exec(message);
    if (column) {
      const table = tableKey(column[2]!, column[1]);
      out.tables.add(table);
      out.columns.add(`${table}.${q(column[3]!)}`);
      continue;
    }
    const named = /^(Table|Enum) (?:"((?:[^"]|"")+)"\.)?"((?:[^"]|"")+)"/.exec(message);
    if (named) {
      out.tables.add(named[1] === "Enum" ? enumKey([named[3]!]) : tableKey(named[3]!, named[2]));
      continue;
    }
    let found = false;
    for (const [, name] of message.matchAll(/"((?:[^"]|"")+)"/g)) {
      const key = lookup.tables.has(q(name!)) ? q(name!) : lookup.owners.get(name!);
      if (key) {
        out.tables.add(key);
        found = true;
      }
    }
    if (!found) out.tables.add(`unresolved: ${message}`);
  }
  return out;
}

/** Empty when both name the same objects; otherwise one line per side that names more. */
export function compareObjects(prisma: DriftObjects, verify: DriftObjects): string[] {
  const lines: string[] = [];
  const diff = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();
  const add = (label: string, items: string[]) => {
    if (items.length) lines.push(`${label}: ${items.join(", ")}`);
  };
  add("tables/enums only Prisma's SQL touches", diff(prisma.tables, verify.tables));
  add("tables/enums only verify names", diff(verify.tables, prisma.tables));
  add("columns only Prisma's SQL touches", diff(prisma.columns, verify.columns));
  add("columns only verify names", diff(verify.columns, prisma.columns));
  return lines;
}
