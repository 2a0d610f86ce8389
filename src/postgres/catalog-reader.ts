// Reads the Prisma-managed part of a database's catalog (see src/core/catalog.ts) in four queries.
// Objects an extension owns (postgis' spatial_ref_sys, its types) are the extension's, not the
// migrations' or schema.prisma's: they are left out, as Prisma's own differ leaves them out.
import type pg from "pg";
import type { Catalog, Constraint } from "../core/catalog.js";
import { connectClient } from "./database.js";

const EXCLUDED_TABLES = ["_prisma_migrations"];

export async function readCatalog(url: string, schemas: readonly string[]): Promise<Catalog> {
  const client = await connectClient(url);
  try {
    return await readCatalogWith(client, schemas);
  } finally {
    await client.end();
  }
}

/** The same, on a connection the caller holds (e.g. a scratch database in a known state). */
export async function readCatalogWith(client: pg.Client, schemas: readonly string[]): Promise<Catalog> {
  const params = [schemas as string[], EXCLUDED_TABLES];
  // One connection answers one query at a time; they are issued in sequence.
  const columns = await client.query<{
    schema: string;
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    default: string | null;
    identity: string;
    generated: string;
  }>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT (c.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum`,
    params,
  );
  const indexes = await client.query<{
    schema: string;
    table: string;
    name: string;
    definition: string;
    not_representable: boolean;
    unique_constraint: boolean;
  }>(
    `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
              (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) AS not_representable,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u') AS unique_constraint
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        ORDER BY 1, 2, 3`,
    params,
  );
  const constraints = await client.query<{
    schema: string;
    table: string;
    name: string;
    kind: Constraint["kind"];
    definition: string;
    columns: string[];
    ref_schema: string | null;
    ref_table: string | null;
    ref_columns: string[];
  }>(
    `SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition,
              ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(num, i)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.i) AS columns,
              rn.nspname AS ref_schema, r.relname AS ref_table,
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(num, i)
                      JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.i) AS ref_columns
         FROM pg_constraint k
         JOIN pg_class t ON t.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         LEFT JOIN pg_class r ON r.oid = k.confrelid
         LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE k.contype IN ('p', 'f') AND n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        ORDER BY 1, 2, 3`,
    params,
  );
  const enums = await client.query<{ schema: string; name: string; values: string[] }>(
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
         JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        GROUP BY 1, 2 ORDER BY 1, 2`,
    [schemas as string[]],
  );
  const tables = new Map<string, Catalog["tables"][number]>();
  for (const row of columns.rows) {
    const key = `${row.schema}.${row.table}`;
    let table = tables.get(key);
    if (!table) tables.set(key, (table = { schema: row.schema, name: row.table, columns: [] }));
    table.columns.push({
      name: row.name,
      type: row.type,
      notNull: row.not_null,
      ...(row.default !== null ? { default: row.default } : {}),
      ...(row.identity ? { identity: row.identity } : {}),
      ...(row.generated ? { generated: row.generated } : {}),
    });
  }
  return {
    tables: [...tables.values()],
    indexes: indexes.rows.map((r) => ({
      schema: r.schema,
      table: r.table,
      name: r.name,
      definition: r.definition,
      notRepresentable: r.not_representable,
      ...(r.unique_constraint ? { uniqueConstraint: true } : {}),
    })),
    constraints: constraints.rows.map((r) => ({
      schema: r.schema,
      table: r.table,
      name: r.name,
      kind: r.kind,
      definition: r.definition,
      columns: r.columns,
      ...(r.ref_schema !== null && r.ref_table !== null
        ? { references: { schema: r.ref_schema, table: r.ref_table, columns: r.ref_columns } }
        : {}),
    })),
    enums: enums.rows.map((r) => ({ ...r })),
  };
}

export interface Extension {
  name: string;
  version: string;
  schema: string;
}

/** The extensions a database has (plpgsql, which every database has, left out). */
export async function readExtensions(url: string): Promise<Extension[]> {
  const client = await connectClient(url);
  try {
    const rows = await client.query<Extension>(
      `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' ORDER BY e.oid`,
    );
    return rows.rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * SQL that gives an empty database `extensions` (same versions, same schemas), in the order they were
 * created in the source (one may need another).
 */
export function extensionsSql(extensions: readonly Extension[]): string {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
  return extensions
    .map(
      (e) =>
        `CREATE SCHEMA IF NOT EXISTS ${q(e.schema)};\nCREATE EXTENSION IF NOT EXISTS ${q(e.name)} WITH SCHEMA ${q(e.schema)} VERSION ${lit(e.version)};`,
    )
    .join("\n");
}

/**
 * Which pairs of constant expressions PostgreSQL itself finds equal as values (`'{}'::text[]` and
 * `ARRAY[]::text[]`). Evaluated in a read-only transaction that is rolled back, so an expression with
 * a side effect (nextval) fails instead of acting; a pair that fails to evaluate is not equal.
 */
export async function equalExpressions(url: string, pairs: readonly { actual: string; expected: string }[]): Promise<boolean[]> {
  if (pairs.length === 0) return [];
  const client = await connectClient(url);
  try {
    await client.query("BEGIN TRANSACTION READ ONLY");
    await client.query("SET LOCAL statement_timeout = '2s'");
    const out: boolean[] = [];
    for (const pair of pairs) {
      await client.query("SAVEPOINT pair");
      try {
        // Defaults are expressions PostgreSQL printed (pg_get_expr) from both sides: they are SQL as-is.
        const row = await client.query<{ same: boolean }>(`SELECT ((${pair.actual}) IS NOT DISTINCT FROM (${pair.expected})) AS same`);
        out.push(row.rows[0]?.same === true);
        await client.query("RELEASE SAVEPOINT pair");
      } catch {
        out.push(false);
        await client.query("ROLLBACK TO SAVEPOINT pair");
      }
    }
    await client.query("ROLLBACK");
    return out;
  } finally {
    await client.end().catch(() => {});
  }
}
