// Drift: the database the migrations build ("actual") against the one schema.prisma describes
// ("expected", built from Prisma's own SQL for the schema). Each difference is said in words and as
// the SQL statement a new migration would need to bring the migrations in line with schema.prisma.
import type { Catalog, Column, Constraint, Index, Table } from "./catalog.js";

export interface DriftItem {
  kind: "table" | "column" | "index" | "constraint" | "enum";
  /** The table (and column) the difference is about, to point at schema.prisma. */
  table?: string;
  column?: string;
  /** What differs, e.g. `Column "User"."age" is in schema.prisma but no migration creates it`. */
  message: string;
  sql: string;
  /** Differences schema.prisma cannot express (partial/expression indexes made in raw SQL). */
  informational?: boolean;
  /**
   * How to recognise this difference in Prisma's own diff script: a statement that names every
   * identifier of one of these lists (quoted as Prisma quotes them) is about the same object.
   */
  mentions: string[][];
}

export interface CompareOptions {
  /**
   * Default expressions PostgreSQL found equal as values (keys from `defaultKey`), e.g. `'{}'::text[]`
   * and `ARRAY[]::text[]`: not a difference.
   */
  equalDefaults?: ReadonlySet<string>;
}

/** The key of a (migrations, schema.prisma) pair of default expressions in CompareOptions.equalDefaults. */
export const defaultKey = (actual: string, expected: string) => `${actual}\u0000${expected}`;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => (schema === "public" ? q(name) : `${q(schema)}.${q(name)}`);
const label = (schema: string, name: string) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);

/** Spellings Postgres keeps as written but that mean the same default. */
export function normaliseDefault(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.replace(/^now\(\)$/i, "CURRENT_TIMESTAMP").replace(/^\((.*)\)$/, "$1");
}

function columnSql(c: Column): string {
  return `${q(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default !== undefined ? ` DEFAULT ${c.default}` : ""}`;
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((i) => [key(i), i]));
}

function diffEnums(actual: Catalog, expected: Catalog, out: DriftItem[]) {
  const have = byKey(actual.enums, (e) => `${e.schema}.${e.name}`);
  for (const want of expected.enums) {
    const name = qualified(want.schema, want.name);
    const got = have.get(`${want.schema}.${want.name}`);
    if (!got) {
      out.push({
        kind: "enum",
        mentions: [[q(want.name)]],
        message: `Enum ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`,
        sql: `CREATE TYPE ${name} AS ENUM (${want.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")});`,
      });
      continue;
    }
    const missing = want.values.filter((v) => !got.values.includes(v));
    const extra = got.values.filter((v) => !want.values.includes(v));
    for (const v of missing) {
      out.push({
        kind: "enum",
        mentions: [[q(want.name)]],
        message: `Enum ${label(want.schema, want.name)} lacks value '${v}' that schema.prisma has`,
        sql: `ALTER TYPE ${name} ADD VALUE '${v.replace(/'/g, "''")}';`,
      });
    }
    if (extra.length > 0) {
      out.push({
        kind: "enum",
        mentions: [[q(want.name)]],
        message: `Enum ${label(want.schema, want.name)} has value(s) ${extra.map((v) => `'${v}'`).join(", ")} that schema.prisma does not`,
        sql: `-- Removing enum values needs the type recreated; \`prisma migrate dev\` generates that.`,
      });
    }
  }
  const want = new Set(expected.enums.map((e) => `${e.schema}.${e.name}`));
  for (const got of actual.enums) {
    if (!want.has(`${got.schema}.${got.name}`)) {
      out.push({
        kind: "enum",
        mentions: [[q(got.name)]],
        message: `Enum ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`,
        sql: `DROP TYPE ${qualified(got.schema, got.name)};`,
      });
    }
  }
}

function diffColumns(got: Table, want: Table, out: DriftItem[], options: CompareOptions) {
  const table = qualified(want.schema, want.name);
  const mentions = (column: string) => [[q(want.name), q(column)]];
  const have = byKey(got.columns, (c) => c.name);
  for (const c of want.columns) {
    const g = have.get(c.name);
    const where = `Column ${label(want.schema, want.name)}.${q(c.name)}`;
    if (!g) {
      out.push({
        kind: "column",
        table: want.name,
        column: c.name,
        mentions: mentions(c.name),
        message: `${where} is in schema.prisma but no migration creates it`,
        sql: `ALTER TABLE ${table} ADD COLUMN ${columnSql(c)};`,
      });
      continue;
    }
    if (g.type !== c.type) {
      out.push({
        kind: "column",
        table: want.name,
        column: c.name,
        mentions: mentions(c.name),
        message: `${where} is ${g.type} in the migrations but ${c.type} in schema.prisma`,
        sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DATA TYPE ${c.type};`,
      });
    }
    // Prisma lists (`String[]`) have no optional form: it does not compare their nullability.
    if (g.notNull !== c.notNull && !c.type.endsWith("[]")) {
      out.push({
        kind: "column",
        table: want.name,
        column: c.name,
        mentions: mentions(c.name),
        message: `${where} is ${g.notNull ? "NOT NULL" : "nullable"} in the migrations but ${c.notNull ? "required" : "optional"} in schema.prisma`,
        sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} ${c.notNull ? "SET" : "DROP"} NOT NULL;`,
      });
    }
    if (
      normaliseDefault(g.default) !== normaliseDefault(c.default) &&
      !(g.default !== undefined && c.default !== undefined && options.equalDefaults?.has(defaultKey(g.default, c.default)))
    ) {
      out.push({
        kind: "column",
        table: want.name,
        column: c.name,
        mentions: mentions(c.name),
        message: `${where} has default ${g.default ?? "(none)"} in the migrations but ${c.default ?? "(none)"} in schema.prisma`,
        sql:
          c.default === undefined
            ? `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} DROP DEFAULT;`
            : `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DEFAULT ${c.default};`,
      });
    }
  }
  const want2 = new Set(want.columns.map((c) => c.name));
  for (const g of got.columns) {
    if (!want2.has(g.name)) {
      out.push({
        kind: "column",
        table: got.name,
        column: g.name,
        mentions: mentions(g.name),
        message: `Column ${label(got.schema, got.name)}.${q(g.name)} is created by the migrations but is not in schema.prisma`,
        sql: `ALTER TABLE ${table} DROP COLUMN ${q(g.name)};`,
      });
    }
  }
}

function diffTables(actual: Catalog, expected: Catalog, out: DriftItem[], options: CompareOptions) {
  const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
  const wantKeys = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
  const pk = byKey(
    expected.constraints.filter((c) => c.kind === "p"),
    (c) => `${c.schema}.${c.table}`,
  );
  for (const want of expected.tables) {
    const got = have.get(`${want.schema}.${want.name}`);
    if (got) {
      diffColumns(got, want, out, options);
      continue;
    }
    const key = pk.get(`${want.schema}.${want.name}`);
    const body = [...want.columns.map((c) => `    ${columnSql(c)}`), ...(key ? [`    CONSTRAINT ${q(key.name)} ${key.definition}`] : [])];
    out.push({
      kind: "table",
      table: want.name,
      mentions: [[q(want.name)]],
      message: `Table ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`,
      sql: `CREATE TABLE ${qualified(want.schema, want.name)} (\n${body.join(",\n")}\n);`,
    });
  }
  for (const got of actual.tables) {
    if (!wantKeys.has(`${got.schema}.${got.name}`)) {
      out.push({
        kind: "table",
        mentions: [[q(got.name)]],
        message: `Table ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`,
        sql: `DROP TABLE ${qualified(got.schema, got.name)};`,
      });
    }
  }
}

/** pg_get_indexdef spelling that does not change meaning for Prisma (ON ONLY on partitioned tables). */
function canonicalIndex(def: string): string {
  return def.replace(/ ON ONLY /, " ON ");
}

/** What schema.prisma can say about an index: no WHERE, INCLUDE, storage parameters or tablespace. */
function prismaViewOfIndex(def: string): string {
  return canonicalIndex(def)
    .replace(/ WHERE .*$/, "")
    .replace(/ TABLESPACE \S+/, "")
    .replace(/ WITH \([^)]*\)/, "")
    .replace(/ INCLUDE \([^)]*\)/, "");
}

function withoutIndexName(def: string): string {
  return def.replace(/INDEX (?:"(?:[^"]|"")+"|\S+) ON /, "INDEX ON ");
}

function diffIndexes(actual: Catalog, expected: Catalog, out: DriftItem[]) {
  const have = byKey(actual.indexes, (i) => `${i.schema}.${i.name}`);
  const want = byKey(expected.indexes, (i) => `${i.schema}.${i.name}`);
  const renamed = new Set<string>();
  for (const [key, w] of want) {
    const g = have.get(key);
    if (g) {
      if (canonicalIndex(g.definition) === canonicalIndex(w.definition)) continue;
      if (prismaViewOfIndex(g.definition) === prismaViewOfIndex(w.definition)) {
        out.push({
          kind: "index",
          table: w.table,
          informational: true,
          mentions: [[q(w.name)]],
          message: `Index ${label(w.schema, w.name)} has a WHERE, INCLUDE or storage clause that schema.prisma cannot express (\`${g.definition}\`)`,
          sql: `-- keep: ${g.definition};`,
        });
        continue;
      }
      out.push({
        kind: "index",
        table: w.table,
        mentions: [[q(w.name)]],
        message: `Index ${label(w.schema, w.name)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``,
        sql: `DROP INDEX ${qualified(w.schema, w.name)};\n${w.definition};`,
      });
      continue;
    }
    const shape = withoutIndexName(prismaViewOfIndex(w.definition));
    const twin = [...have.values()].find(
      (i) =>
        !want.has(`${i.schema}.${i.name}`) &&
        !renamed.has(`${i.schema}.${i.name}`) &&
        withoutIndexName(prismaViewOfIndex(i.definition)) === shape,
    );
    if (twin) {
      renamed.add(`${twin.schema}.${twin.name}`);
      out.push({
        kind: "index",
        table: w.table,
        mentions: [[q(twin.name)], [q(w.name)]],
        message: `Index ${label(twin.schema, twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`,
        sql: `ALTER INDEX ${qualified(twin.schema, twin.name)} RENAME TO ${q(w.name)};`,
      });
      continue;
    }
    out.push({
      kind: "index",
      table: w.table,
      mentions: [[q(w.name)]],
      message: `Index ${label(w.schema, w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`,
      sql: `${w.definition};`,
    });
  }
  const expectedTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
  for (const [key, g] of have) {
    // An index on a table that is itself extra goes with that table's DROP TABLE.
    if (want.has(key) || renamed.has(key) || !expectedTables.has(`${g.schema}.${g.table}`)) continue;
    out.push(describeExtraIndex(g));
  }
}

function describeExtraIndex(g: Index): DriftItem {
  if (g.notRepresentable) {
    return {
      kind: "index",
      table: g.table,
      informational: true,
      mentions: [[q(g.name)]],
      message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} (partial or on expressions) is created by a migration and cannot be described in schema.prisma; \`prisma migrate dev\` may propose dropping it — keep it out of generated migrations`,
      sql: `-- keep: ${g.definition};`,
    };
  }
  // The index behind a UNIQUE constraint goes with the constraint; DROP INDEX is refused for it.
  const sql = g.uniqueConstraint
    ? `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};`
    : `DROP INDEX ${qualified(g.schema, g.name)};`;
  return {
    kind: "index",
    table: g.table,
    mentions: [[q(g.name)]],
    message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`,
    sql,
  };
}

function diffConstraints(actual: Catalog, expected: Catalog, missingTables: Set<string>, out: DriftItem[]) {
  const key = (c: Constraint) => `${c.schema}.${c.table}.${c.name}`;
  const have = byKey(actual.constraints, key);
  const want = byKey(expected.constraints, key);
  const kindName = { p: "Primary key", f: "Foreign key" } as const;
  const renamed = new Set<string>();
  for (const [k, w] of want) {
    if (w.kind === "p" && missingTables.has(`${w.schema}.${w.table}`)) continue; // part of CREATE TABLE
    const g = have.get(k);
    const table = qualified(w.schema, w.table);
    if (g && g.definition === w.definition) continue;
    const twin = g
      ? undefined
      : [...have.values()].find(
          (c) =>
            c.schema === w.schema &&
            c.table === w.table &&
            c.kind === w.kind &&
            c.definition === w.definition &&
            !want.has(key(c)) &&
            !renamed.has(key(c)),
        );
    if (twin) {
      renamed.add(key(twin));
      out.push({
        kind: "constraint",
        table: w.table,
        mentions: [[q(twin.name)], [q(w.name)]],
        message: `${kindName[w.kind]} ${q(twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`,
        sql: `ALTER TABLE ${table} RENAME CONSTRAINT ${q(twin.name)} TO ${q(w.name)};`,
      });
      continue;
    }
    out.push({
      kind: "constraint",
      table: w.table,
      mentions: [[q(w.name)]],
      message: g
        ? `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``
        : `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`,
      sql: `${g ? `ALTER TABLE ${table} DROP CONSTRAINT ${q(w.name)};\n` : ""}ALTER TABLE ${table} ADD CONSTRAINT ${q(w.name)} ${w.definition};`,
    });
  }
  for (const [k, g] of have) {
    if (want.has(k) || renamed.has(k)) continue;
    if (!expected.tables.some((t) => t.schema === g.schema && t.name === g.table)) continue; // table itself is extra
    out.push({
      kind: "constraint",
      table: g.table,
      mentions: [[q(g.name)]],
      message: `${kindName[g.kind]} ${q(g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`,
      sql: `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};`,
    });
  }
}

/**
 * Where a statement goes in a migration, the way Prisma orders its own: foreign keys and indexes are
 * dropped before the tables and columns they depend on, types are created first and dropped last.
 * Classified from the statement this module itself generated.
 */
function phase(item: DriftItem): number {
  const sql = item.sql;
  if (/^ALTER TABLE \S+ DROP CONSTRAINT/.test(sql)) return 0;
  if (/^DROP INDEX/.test(sql)) return 1;
  if (/^DROP TABLE|^ALTER TABLE \S+ DROP COLUMN/.test(sql)) return 2;
  if (/^CREATE TYPE|^ALTER TYPE|^-- Removing enum/.test(sql)) return 3;
  if (/^CREATE TABLE|^ALTER TABLE \S+ (ADD|ALTER) COLUMN/.test(sql)) return 4;
  if (/^CREATE (UNIQUE )?INDEX|^ALTER INDEX|^-- keep/.test(sql)) return 5;
  if (/^ALTER TABLE \S+ (ADD|RENAME) CONSTRAINT/.test(sql)) return 6;
  if (/^DROP TYPE/.test(sql)) return 7;
  return 4;
}

/** Differences in the order a migration would apply them (see `phase`). */
export function compareCatalogs(actual: Catalog, expected: Catalog, options: CompareOptions = {}): DriftItem[] {
  const out: DriftItem[] = [];
  diffEnums(actual, expected, out);
  diffTables(actual, expected, out, options);
  const actualTables = new Set(actual.tables.map((t) => `${t.schema}.${t.name}`));
  const missingTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`).filter((k) => !actualTables.has(k)));
  diffIndexes(actual, expected, out);
  diffConstraints(actual, expected, missingTables, out);
  return out
    .map((item, i) => ({ item, i }))
    .sort((a, b) => phase(a.item) - phase(b.item) || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * Column defaults written differently on the two sides (after the spellings normaliseDefault knows):
 * the pairs to ask PostgreSQL about (see CompareOptions.equalDefaults).
 */
export function differentlyWrittenDefaults(actual: Catalog, expected: Catalog): { actual: string; expected: string }[] {
  const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
  const pairs = new Map<string, { actual: string; expected: string }>();
  for (const want of expected.tables) {
    const got = have.get(`${want.schema}.${want.name}`);
    if (!got) continue;
    const columns = byKey(got.columns, (c) => c.name);
    for (const c of want.columns) {
      const g = columns.get(c.name);
      if (g?.default === undefined || c.default === undefined || normaliseDefault(g.default) === normaliseDefault(c.default)) continue;
      pairs.set(defaultKey(g.default, c.default), { actual: g.default, expected: c.default });
    }
  }
  return [...pairs.values()];
}
