// What a pull request does to the schema, as data for a picture: two catalogs (the base state, before
// the PR's new migrations, and the migrated state) compared table by table. The tables that differ are
// "touched"; the tables one foreign key away from them (in either state) are their neighbours, shown
// for context. Pure.
import type { Catalog, Column, Constraint, Index, Table } from "./catalog.js";

export type ChangeMark = "added" | "changed" | "dropped" | "unchanged";

export interface ColumnChange {
  name: string;
  /** format_type() in the migrated state (the base state's for a dropped column). */
  type: string;
  status: ChangeMark;
  /** What changed in a changed column, in words, e.g. "integer → bigint", "now NOT NULL". */
  detail?: string;
  primaryKey: boolean;
  foreignKey: boolean;
  unique: boolean;
}

export interface TableChange {
  schema: string;
  name: string;
  status: ChangeMark;
  /** Differs between the two states; false for a neighbour shown for context. */
  touched: boolean;
  columns: ColumnChange[];
  /** Changes that are not a column's: indexes and keys, e.g. "index users_email_key added". */
  notes: string[];
}

export interface RelationChange {
  name: string;
  /** The referencing table (the foreign key's) and its columns. */
  from: { schema: string; table: string; columns: string[] };
  to: { schema: string; table: string; columns: string[] };
  status: ChangeMark;
  /** Some referencing column may be NULL: a row need not point anywhere. */
  optional: boolean;
  /** The referencing columns are unique: at most one row points at each target row. */
  oneToOne: boolean;
}

export interface SchemaChange {
  /** Touched tables first (added, changed, dropped), then neighbours; each group by schema and name. */
  tables: TableChange[];
  /** Foreign keys between shown tables, from either state. */
  relations: RelationChange[];
}

const tableKey = (schema: string, name: string) => `${schema}.${name}`;

/** The key columns of a unique index, when its definition is a plain column list (not expressions). */
export function uniqueIndexColumns(index: Index): string[] | undefined {
  if (index.notRepresentable) return undefined;
  const match = /^CREATE UNIQUE INDEX .* USING \w+ \((.*)\)$/s.exec(index.definition);
  if (!match) return undefined;
  const columns: string[] = [];
  for (const part of splitList(match[1]!)) {
    const name = /^(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))(?:\s+(?:ASC|DESC|NULLS (?:FIRST|LAST)|[a-z_][a-z0-9_.]*_ops))*$/.exec(
      part.trim(),
    );
    if (!name) return undefined;
    columns.push(name[1] !== undefined ? name[1].replace(/""/g, '"') : name[2]!);
  }
  return columns;
}

/** Splits "a, \"b, c\", d" at the commas outside double quotes. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

interface Side {
  tables: Map<string, Table>;
  primaryKeys: Map<string, Constraint>;
  foreignKeys: Constraint[];
  indexes: Map<string, Index[]>;
  enums: Map<string, string>;
}

function side(catalog: Catalog): Side {
  const indexes = new Map<string, Index[]>();
  for (const index of catalog.indexes) {
    const k = tableKey(index.schema, index.table);
    indexes.set(k, [...(indexes.get(k) ?? []), index]);
  }
  return {
    tables: new Map(catalog.tables.map((t) => [tableKey(t.schema, t.name), t])),
    primaryKeys: new Map(catalog.constraints.filter((c) => c.kind === "p").map((c) => [tableKey(c.schema, c.table), c])),
    foreignKeys: catalog.constraints.filter((c) => c.kind === "f" && c.references && c.columns),
    indexes,
    enums: new Map(catalog.enums.map((e) => [e.name, e.values.join(",")])),
  };
}

/** Enum names whose values differ between the states (or that appear or go). */
function changedEnums(before: Side, after: Side): Set<string> {
  const names = new Set([...before.enums.keys(), ...after.enums.keys()]);
  return new Set([...names].filter((n) => before.enums.get(n) !== after.enums.get(n)));
}

/** format_type() of an enum column: the type's name, quoted and schema-qualified when needed. */
function typeName(type: string): string {
  const last = type.replace(/\[\]$/, "").split(".").pop() ?? type;
  return last.replace(/^"|"$/g, "").replace(/""/g, '"');
}

function columnDetail(was: Column, now: Column, enums: Set<string>): string | undefined {
  const parts: string[] = [];
  if (was.type !== now.type) parts.push(`${was.type} → ${now.type}`);
  else if (enums.has(typeName(now.type))) parts.push("enum values changed");
  if (was.notNull !== now.notNull) parts.push(now.notNull ? "now NOT NULL" : "now nullable");
  if ((was.default ?? "") !== (now.default ?? "") || (was.identity ?? "") !== (now.identity ?? "")) parts.push("default changed");
  if ((was.generated ?? "") !== (now.generated ?? "")) parts.push("generation changed");
  return parts.length ? parts.join(", ") : undefined;
}

function keyColumns(state: Side, k: string): { primary: Set<string>; foreign: Set<string>; unique: Set<string>; uniqueSets: string[][] } {
  const uniqueSets = (state.indexes.get(k) ?? []).map(uniqueIndexColumns).filter((c): c is string[] => Boolean(c));
  const pk = state.primaryKeys.get(k)?.columns ?? [];
  return {
    primary: new Set(pk),
    foreign: new Set(state.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).flatMap((f) => f.columns!)),
    unique: new Set(uniqueSets.filter((s) => s.length === 1).map((s) => s[0]!)),
    uniqueSets: pk.length ? [...uniqueSets, pk] : uniqueSets,
  };
}

function compareTable(k: string, before: Side, after: Side, enums: Set<string>): TableChange {
  const was = before.tables.get(k);
  const now = after.tables.get(k);
  const table = (now ?? was)!;
  const state = now ? after : before;
  const keys = keyColumns(state, k);
  const mark = (c: Column, status: ChangeMark, detail?: string): ColumnChange => ({
    name: c.name,
    type: c.type,
    status,
    ...(detail ? { detail } : {}),
    primaryKey: keys.primary.has(c.name),
    foreignKey: keys.foreign.has(c.name),
    unique: keys.unique.has(c.name),
  });
  if (!was || !now) {
    const status = now ? "added" : "dropped";
    return { schema: table.schema, name: table.name, status, touched: true, columns: table.columns.map((c) => mark(c, status)), notes: [] };
  }
  const old = new Map(was.columns.map((c) => [c.name, c]));
  const columns: ColumnChange[] = now.columns.map((c) => {
    const previous = old.get(c.name);
    if (!previous) return mark(c, "added");
    const detail = columnDetail(previous, c, enums);
    return mark(c, detail ? "changed" : "unchanged", detail);
  });
  const current = new Set(now.columns.map((c) => c.name));
  const dropKeys = keyColumns(before, k);
  for (const c of was.columns) {
    if (!current.has(c.name))
      columns.push({
        name: c.name,
        type: c.type,
        status: "dropped",
        primaryKey: dropKeys.primary.has(c.name),
        foreignKey: dropKeys.foreign.has(c.name),
        unique: dropKeys.unique.has(c.name),
      });
  }
  const notes = [...indexNotes(before.indexes.get(k) ?? [], after.indexes.get(k) ?? []), ...keyNotes(before, after, k)];
  const touched = notes.length > 0 || columns.some((c) => c.status !== "unchanged");
  return { schema: table.schema, name: table.name, status: touched ? "changed" : "unchanged", touched, columns, notes };
}

function indexNotes(was: Index[], now: Index[]): string[] {
  const old = new Map(was.map((i) => [i.name, i.definition]));
  const current = new Map(now.map((i) => [i.name, i.definition]));
  const notes: string[] = [];
  for (const [name, definition] of current) {
    if (!old.has(name)) notes.push(`index ${name} added`);
    else if (old.get(name) !== definition) notes.push(`index ${name} changed`);
  }
  for (const name of old.keys()) if (!current.has(name)) notes.push(`index ${name} dropped`);
  return notes;
}

function keyNotes(before: Side, after: Side, k: string): string[] {
  const notes: string[] = [];
  const was = before.primaryKeys.get(k);
  const now = after.primaryKeys.get(k);
  if (was?.definition !== now?.definition) notes.push(now ? (was ? "primary key changed" : "primary key added") : "primary key dropped");
  const fks = (s: Side) => new Map(s.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).map((f) => [f.name, f.definition]));
  const old = fks(before);
  const current = fks(after);
  for (const [name, definition] of current) {
    if (!old.has(name)) notes.push(`foreign key ${name} added`);
    else if (old.get(name) !== definition) notes.push(`foreign key ${name} changed`);
  }
  for (const name of old.keys()) if (!current.has(name)) notes.push(`foreign key ${name} dropped`);
  return notes;
}

function relation(fk: Constraint, state: Side, status: ChangeMark): RelationChange {
  const k = tableKey(fk.schema, fk.table);
  const columns = fk.columns!;
  const table = state.tables.get(k);
  const optional = columns.some((name) => !table?.columns.find((c) => c.name === name)?.notNull);
  const sameSet = (set: string[]) => set.length === columns.length && set.every((c) => columns.includes(c));
  return {
    name: fk.name,
    from: { schema: fk.schema, table: fk.table, columns },
    to: fk.references!,
    status,
    optional,
    oneToOne: keyColumns(state, k).uniqueSets.some(sameSet),
  };
}

const ORDER: Record<ChangeMark, number> = { added: 0, changed: 1, dropped: 2, unchanged: 3 };

/** The tables that differ between `before` and `after`, their direct neighbours, and the foreign keys among them. */
export function diffSchemas(before: Catalog, after: Catalog): SchemaChange {
  const was = side(before);
  const now = side(after);
  const enums = changedEnums(was, now);
  const keys = new Set([...was.tables.keys(), ...now.tables.keys()]);
  const all = new Map([...keys].map((k) => [k, compareTable(k, was, now, enums)]));
  const touched = new Set([...all].filter(([, t]) => t.touched).map(([k]) => k));

  const relations = new Map<string, RelationChange>();
  const fkKey = (fk: Constraint) => `${tableKey(fk.schema, fk.table)}.${fk.name}`;
  const oldFks = new Map(was.foreignKeys.map((f) => [fkKey(f), f]));
  for (const fk of now.foreignKeys) {
    const previous = oldFks.get(fkKey(fk));
    relations.set(fkKey(fk), relation(fk, now, !previous ? "added" : previous.definition !== fk.definition ? "changed" : "unchanged"));
  }
  for (const [k, fk] of oldFks) if (!relations.has(k)) relations.set(k, relation(fk, was, "dropped"));

  const shown = new Set(touched);
  for (const r of relations.values()) {
    const from = tableKey(r.from.schema, r.from.table);
    const to = tableKey(r.to.schema, r.to.table);
    if (touched.has(from) && all.has(to)) shown.add(to);
    if (touched.has(to) && all.has(from)) shown.add(from);
  }
  const tables = [...shown]
    .map((k) => all.get(k)!)
    .sort(
      (a, b) =>
        Number(b.touched) - Number(a.touched) ||
        ORDER[a.status] - ORDER[b.status] ||
        a.schema.localeCompare(b.schema) ||
        a.name.localeCompare(b.name),
    );
  return {
    tables,
    // A foreign key between two neighbours is context nobody asked for: only those of touched tables.
    relations: [...relations.values()].filter((r) => {
      const from = tableKey(r.from.schema, r.from.table);
      const to = tableKey(r.to.schema, r.to.table);
      return shown.has(from) && shown.has(to) && (touched.has(from) || touched.has(to));
    }),
  };
}
