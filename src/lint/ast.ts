// Reading libpg-query's JSON AST: qualified names, type names, column constraints, default
// expressions. Identifiers in the AST are already case-folded by the parser (unquoted → lower case).
import type { Node } from "./parse.js";

export const DEFAULT_SCHEMA = "public";

/** "schema.name": how the state model keys relations and types. */
export function key(schema: string | undefined, name: string): string {
  return `${schema ?? DEFAULT_SCHEMA}.${name}`;
}

export function rangeVarKey(rv: Node): string {
  return key(rv?.schemaname, rv?.relname ?? "?");
}

/** `"User"` (or `"s"."User"` outside public) for messages. */
export function display(k: string): string {
  const dot = k.indexOf(".");
  const schema = k.slice(0, dot);
  const name = k.slice(dot + 1);
  return schema === DEFAULT_SCHEMA ? `"${name}"` : `"${schema}"."${name}"`;
}

export function columnDisplay(tableKey: string, column: string): string {
  return `${display(tableKey)}."${column}"`;
}

export function strings(list: Node[] | undefined): string[] {
  const out: string[] = [];
  if (list) {
    for (const n of list) {
      const s = n?.String?.sval;
      if (s) out.push(s);
    }
  }
  return out;
}

/** A qualified name given as a String list (types, DROP objects): ["s", "E"] → "s.E". */
export function listKey(items: Node[] | undefined): string {
  const parts = strings(items);
  return parts.length > 1 ? key(parts[parts.length - 2], parts[parts.length - 1]!) : key(undefined, parts[0] ?? "?");
}

/** DROP statement objects: String lists for tables/indexes/schemas, TypeName for types. */
export function dropObjectKey(obj: Node): string {
  if (obj?.List) return listKey(obj.List.items);
  if (obj?.TypeName) return listKey(obj.TypeName.names);
  if (obj?.String) return obj.String.sval;
  return "?";
}

const TYPE_ALIASES: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar",
  timestamptz: "timestamptz",
  timestamp: "timestamp",
  timetz: "timetz",
  serial4: "serial",
  serial8: "bigserial",
  smallserial: "smallserial",
  serial2: "smallserial",
};

/** Normalized type: "integer", "varchar(255)", "timestamp(3)", "text[]", "public.Role" for user types. */
export function typeString(typeName: Node): string {
  // The one name besides pg_catalog, if there is exactly one (every BUILTIN name is [a-z0-9_ ]).
  let only: string | undefined;
  let count = 0;
  for (const n of typeName?.names ?? []) {
    const s = n?.String?.sval;
    if (s && s !== "pg_catalog") {
      only = s;
      count++;
    }
  }
  let base: string;
  if (count === 1 && Object.hasOwn(TYPE_ALIASES, only!)) base = TYPE_ALIASES[only!]!;
  else if (count === 1 && BUILTIN.has(only!)) base = only!;
  else base = listKey(typeName?.names);
  const typmods: Node[] | undefined = typeName?.typmods;
  if (typmods?.length) {
    const mods = typmods.map((m: Node) => {
      const v = m?.A_Const?.ival?.ival ?? m?.A_Const?.ival ?? 0;
      return typeof v === "number" ? v : 0;
    });
    base = `${base}(${mods.join(",")})`;
  }
  const arrays = typeName?.arrayBounds?.length ?? 0;
  return arrays ? base + "[]".repeat(arrays) : base;
}

const BUILTIN = new Set([
  "text",
  "json",
  "jsonb",
  "uuid",
  "numeric",
  "decimal",
  "date",
  "time",
  "interval",
  "bytea",
  "inet",
  "cidr",
  "macaddr",
  "citext",
  "money",
  "xml",
  "tsvector",
  "tsquery",
  "bit",
  "varbit",
  "point",
  "serial",
  "bigserial",
  "smallserial",
  "oid",
  "smallint",
  "integer",
  "bigint",
  "real",
  "double precision",
  "boolean",
  "char",
  "varchar",
  "timestamp",
  "timestamptz",
  "timetz",
]);

/** The type without modifiers and array marks: "varchar(255)[]" → "varchar". */
export function baseType(type: string): string {
  return type.replace(/\[\]/g, "").replace(/\(.*\)$/, "");
}

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  /** The DEFAULT expression node, if any. */
  defaultExpr?: Node;
  /** Identity, serial or GENERATED … STORED: filled for every existing row when added. */
  generated: boolean;
  primaryKey: boolean;
  unique: boolean;
  /** Inline REFERENCES. */
  references?: { table: string; notValid: boolean };
  location: number;
}

const SERIALS = new Set(["serial", "bigserial", "smallserial"]);

/** Read once per ColumnDef node: the state model and a dozen rules ask about the same column. Shared: read only. */
const columnInfos = new WeakMap<object, ColumnInfo>();

export function columnInfo(def: Node): ColumnInfo {
  let info = columnInfos.get(def);
  if (!info) {
    info = readColumnInfo(def);
    columnInfos.set(def, info);
  }
  return info;
}

function readColumnInfo(def: Node): ColumnInfo {
  const type = typeString(def.typeName);
  const info: ColumnInfo = {
    name: def.colname,
    type,
    notNull: SERIALS.has(type),
    generated: SERIALS.has(type),
    primaryKey: false,
    unique: false,
    location: def.location ?? 0,
  };
  for (const c of def.constraints ?? []) {
    const con = c.Constraint;
    switch (con?.contype) {
      case "CONSTR_NOTNULL":
        info.notNull = true;
        break;
      case "CONSTR_DEFAULT":
        info.defaultExpr = con.raw_expr;
        break;
      case "CONSTR_IDENTITY":
        info.generated = true;
        info.notNull = true;
        break;
      case "CONSTR_GENERATED":
        info.generated = true;
        break;
      case "CONSTR_PRIMARY":
        info.primaryKey = true;
        info.notNull = true;
        break;
      case "CONSTR_UNIQUE":
        info.unique = true;
        break;
      case "CONSTR_FOREIGN":
        info.references = { table: rangeVarKey(con.pktable), notValid: Boolean(con.skip_validation) };
        break;
    }
  }
  return info;
}

/** Functions whose default is evaluated per row (so ADD COLUMN must rewrite the table). */
const VOLATILE_FUNCTIONS = new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "txid_current",
  "random_normal",
  "gen_random_bytes",
]);

/** The volatile function called in an expression, if any ("now()" is stable: evaluated once). */
export function volatileCall(expr: Node): string | undefined {
  let found: string | undefined;
  walk(expr, (n) => {
    if (found) return;
    const fc = n?.FuncCall;
    if (fc) {
      const name = strings(fc.funcname).at(-1)?.toLowerCase();
      if (name && VOLATILE_FUNCTIONS.has(name)) found = `${name}()`;
    }
  });
  return found;
}

export function walk(node: Node, visit: (n: Node) => void): void {
  if (node === null || typeof node !== "object") return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) walk(v, visit);
    else if (value && typeof value === "object") walk(value, visit);
  }
}

/** Index column names (expressions count as "(expression)"). */
export function indexColumns(params: Node[] | undefined): string[] {
  return (params ?? []).map((p) => p?.IndexElem?.name ?? "(expression)");
}

/** First line of a statement, shortened, for reports. */
export function firstLine(text: string): string {
  const nl = text.indexOf("\n");
  const line = (nl < 0 ? text : text.slice(0, nl)).trim();
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
