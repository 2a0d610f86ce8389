// Reads the Prisma-managed part of a database's catalog (see src/core/catalog.ts) in four queries.
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
  const columns = await client.query<{ schema: string; table: string; name: string; type: string; not_null: boolean; default: string | null; identity: string; generated: string }>(
      `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT (c.relname = ANY($2))
        ORDER BY n.nspname, c.relname, a.attnum`, params);
  const indexes = await client.query<{ schema: string; table: string; name: string; definition: string; not_representable: boolean; unique_constraint: boolean }>(
      `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
              (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) AS not_representable,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u') AS unique_constraint
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'x'))
        ORDER BY 1, 2, 3`, params);
  const constraints = await client.query<{ schema: string; table: string; name: string; kind: Constraint["kind"]; definition: string; columns: string[]; ref_schema: string | null; ref_table: string | null; ref_columns: string[] }>(
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
        ORDER BY 1, 2, 3`, params);
  const enums = await client.query<{ schema: string; name: string; values: string[] }>(
      `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
         JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY($1)
        GROUP BY 1, 2 ORDER BY 1, 2`, [schemas as string[]]);
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
      schema: r.schema, table: r.table, name: r.name, definition: r.definition, notRepresentable: r.not_representable,
      ...(r.unique_constraint ? { uniqueConstraint: true } : {}),
    })),
    constraints: constraints.rows.map((r) => ({
      schema: r.schema, table: r.table, name: r.name, kind: r.kind, definition: r.definition, columns: r.columns,
      ...(r.ref_schema !== null && r.ref_table !== null ? { references: { schema: r.ref_schema, table: r.ref_table, columns: r.ref_columns } } : {}),
    })),
    enums: enums.rows.map((r) => ({ ...r })),
  };
}
