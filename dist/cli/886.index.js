import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 886;
export const ids = [886];
export const modules = {

/***/ 5452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ differentlyWrittenDefaults),
/* harmony export */   ds: () => (/* binding */ defaultKey),
/* harmony export */   m6: () => (/* binding */ compareCatalogs)
/* harmony export */ });
/* unused harmony export normaliseDefault */
/** The key of a (migrations, schema.prisma) pair of default expressions in CompareOptions.equalDefaults. */
const defaultKey = (actual, expected) => `${actual}\u0000${expected}`;
const q = (name) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema, name) => (schema === "public" ? q(name) : `${q(schema)}.${q(name)}`);
const label = (schema, name) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
/** Spellings Postgres keeps as written but that mean the same default. */
function normaliseDefault(value) {
    if (value === undefined)
        return undefined;
    return value.replace(/^now\(\)$/i, "CURRENT_TIMESTAMP").replace(/^\((.*)\)$/, "$1");
}
function columnSql(c) {
    return `${q(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default !== undefined ? ` DEFAULT ${c.default}` : ""}`;
}
function byKey(items, key) {
    return new Map(items.map((i) => [key(i), i]));
}
function diffEnums(actual, expected, out) {
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
function diffColumns(got, want, out, options) {
    const table = qualified(want.schema, want.name);
    const mentions = (column) => [[q(want.name), q(column)]];
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
        if (normaliseDefault(g.default) !== normaliseDefault(c.default) &&
            !(g.default !== undefined && c.default !== undefined && options.equalDefaults?.has(defaultKey(g.default, c.default)))) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                mentions: mentions(c.name),
                message: `${where} has default ${g.default ?? "(none)"} in the migrations but ${c.default ?? "(none)"} in schema.prisma`,
                sql: c.default === undefined
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
function diffTables(actual, expected, out, options) {
    const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
    const wantKeys = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
    const pk = byKey(expected.constraints.filter((c) => c.kind === "p"), (c) => `${c.schema}.${c.table}`);
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
function canonicalIndex(def) {
    return def.replace(/ ON ONLY /, " ON ");
}
/** What schema.prisma can say about an index: no WHERE, INCLUDE, storage parameters or tablespace. */
function prismaViewOfIndex(def) {
    return canonicalIndex(def)
        .replace(/ WHERE .*$/, "")
        .replace(/ TABLESPACE \S+/, "")
        .replace(/ WITH \([^)]*\)/, "")
        .replace(/ INCLUDE \([^)]*\)/, "");
}
function withoutIndexName(def) {
    return def.replace(/INDEX (?:"(?:[^"]|"")+"|\S+) ON /, "INDEX ON ");
}
function diffIndexes(actual, expected, out) {
    const have = byKey(actual.indexes, (i) => `${i.schema}.${i.name}`);
    const want = byKey(expected.indexes, (i) => `${i.schema}.${i.name}`);
    const renamed = new Set();
    for (const [key, w] of want) {
        const g = have.get(key);
        if (g) {
            if (canonicalIndex(g.definition) === canonicalIndex(w.definition))
                continue;
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
        const twin = [...have.values()].find((i) => !want.has(`${i.schema}.${i.name}`) &&
            !renamed.has(`${i.schema}.${i.name}`) &&
            withoutIndexName(prismaViewOfIndex(i.definition)) === shape);
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
        if (want.has(key) || renamed.has(key) || !expectedTables.has(`${g.schema}.${g.table}`))
            continue;
        out.push(describeExtraIndex(g));
    }
}
function describeExtraIndex(g) {
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
function diffConstraints(actual, expected, missingTables, out) {
    const key = (c) => `${c.schema}.${c.table}.${c.name}`;
    const have = byKey(actual.constraints, key);
    const want = byKey(expected.constraints, key);
    const kindName = { p: "Primary key", f: "Foreign key" };
    const renamed = new Set();
    for (const [k, w] of want) {
        if (w.kind === "p" && missingTables.has(`${w.schema}.${w.table}`))
            continue; // part of CREATE TABLE
        const g = have.get(k);
        const table = qualified(w.schema, w.table);
        if (g && g.definition === w.definition)
            continue;
        const twin = g
            ? undefined
            : [...have.values()].find((c) => c.schema === w.schema &&
                c.table === w.table &&
                c.kind === w.kind &&
                c.definition === w.definition &&
                !want.has(key(c)) &&
                !renamed.has(key(c)));
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
        if (want.has(k) || renamed.has(k))
            continue;
        if (!expected.tables.some((t) => t.schema === g.schema && t.name === g.table))
            continue; // table itself is extra
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
function phase(item) {
    const sql = item.sql;
    if (/^ALTER TABLE \S+ DROP CONSTRAINT/.test(sql))
        return 0;
    if (/^DROP INDEX/.test(sql))
        return 1;
    if (/^DROP TABLE|^ALTER TABLE \S+ DROP COLUMN/.test(sql))
        return 2;
    if (/^CREATE TYPE|^ALTER TYPE|^-- Removing enum/.test(sql))
        return 3;
    if (/^CREATE TABLE|^ALTER TABLE \S+ (ADD|ALTER) COLUMN/.test(sql))
        return 4;
    if (/^CREATE (UNIQUE )?INDEX|^ALTER INDEX|^-- keep/.test(sql))
        return 5;
    if (/^ALTER TABLE \S+ (ADD|RENAME) CONSTRAINT/.test(sql))
        return 6;
    if (/^DROP TYPE/.test(sql))
        return 7;
    return 4;
}
/** Differences in the order a migration would apply them (see `phase`). */
function compareCatalogs(actual, expected, options = {}) {
    const out = [];
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
function differentlyWrittenDefaults(actual, expected) {
    const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
    const pairs = new Map();
    for (const want of expected.tables) {
        const got = have.get(`${want.schema}.${want.name}`);
        if (!got)
            continue;
        const columns = byKey(got.columns, (c) => c.name);
        for (const c of want.columns) {
            const g = columns.get(c.name);
            if (g?.default === undefined || c.default === undefined || normaliseDefault(g.default) === normaliseDefault(c.default))
                continue;
            pairs.set(defaultKey(g.default, c.default), { actual: g.default, expected: c.default });
        }
    }
    return [...pairs.values()];
}


/***/ }),

/***/ 6762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ extensionsSql),
/* harmony export */   Cg: () => (/* binding */ readCatalogWith),
/* harmony export */   HW: () => (/* binding */ readExtensions),
/* harmony export */   KD: () => (/* binding */ equalExpressions),
/* harmony export */   uM: () => (/* binding */ readCatalog)
/* harmony export */ });
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2514);

const EXCLUDED_TABLES = ["_prisma_migrations"];
async function readCatalog(url, schemas) {
    const client = await (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .connectClient */ .mh)(url);
    try {
        return await readCatalogWith(client, schemas);
    }
    finally {
        await client.end();
    }
}
/** The same, on a connection the caller holds (e.g. a scratch database in a known state). */
async function readCatalogWith(client, schemas) {
    const params = [schemas, EXCLUDED_TABLES];
    // One connection answers one query at a time; they are issued in sequence.
    const columns = await client.query(`SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT (c.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum`, params);
    const indexes = await client.query(`SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
              (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) AS not_representable,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u') AS unique_constraint
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        ORDER BY 1, 2, 3`, params);
    const constraints = await client.query(`SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition,
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
        ORDER BY 1, 2, 3`, params);
    const enums = await client.query(`SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
         JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        GROUP BY 1, 2 ORDER BY 1, 2`, [schemas]);
    const tables = new Map();
    for (const row of columns.rows) {
        const key = `${row.schema}.${row.table}`;
        let table = tables.get(key);
        if (!table)
            tables.set(key, (table = { schema: row.schema, name: row.table, columns: [] }));
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
/** The extensions a database has (plpgsql, which every database has, left out). */
async function readExtensions(url) {
    const client = await (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .connectClient */ .mh)(url);
    try {
        const rows = await client.query(`SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' ORDER BY e.oid`);
        return rows.rows;
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * SQL that gives an empty database `extensions` (same versions, same schemas), in the order they were
 * created in the source (one may need another).
 */
function extensionsSql(extensions) {
    const q = (name) => `"${name.replace(/"/g, '""')}"`;
    const lit = (value) => `'${value.replace(/'/g, "''")}'`;
    return extensions
        .map((e) => `CREATE SCHEMA IF NOT EXISTS ${q(e.schema)};\nCREATE EXTENSION IF NOT EXISTS ${q(e.name)} WITH SCHEMA ${q(e.schema)} VERSION ${lit(e.version)};`)
        .join("\n");
}
/**
 * Which pairs of constant expressions PostgreSQL itself finds equal as values (`'{}'::text[]` and
 * `ARRAY[]::text[]`). Evaluated in a read-only transaction that is rolled back, so an expression with
 * a side effect (nextval) fails instead of acting; a pair that fails to evaluate is not equal.
 */
async function equalExpressions(url, pairs) {
    if (pairs.length === 0)
        return [];
    const client = await (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .connectClient */ .mh)(url);
    try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        await client.query("SET LOCAL statement_timeout = '2s'");
        const out = [];
        for (const pair of pairs) {
            await client.query("SAVEPOINT pair");
            try {
                // Defaults are expressions PostgreSQL printed (pg_get_expr) from both sides: they are SQL as-is.
                const row = await client.query(`SELECT ((${pair.actual}) IS NOT DISTINCT FROM (${pair.expected})) AS same`);
                out.push(row.rows[0]?.same === true);
                await client.query("RELEASE SAVEPOINT pair");
            }
            catch {
                out.push(false);
                await client.query("ROLLBACK TO SAVEPOINT pair");
            }
        }
        await client.query("ROLLBACK");
        return out;
    }
    finally {
        await client.end().catch(() => { });
    }
}


/***/ }),

/***/ 2771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ restoreDatabase),
/* harmony export */   bY: () => (/* binding */ cloneDatabase),
/* harmony export */   m3: () => (/* binding */ dumpDatabase),
/* harmony export */   uu: () => (/* binding */ dumpSchemaSql)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2514);
// Database-level copies for the snapshot cache. Measured on trigger.dev's 820 migrations (2 cores,
// PostgreSQL 15; see bench/ and docs/verify.md "Caching"): pg_dump -Fc 0.3 s → 460 KB; pg_restore into an
// empty database 0.7–0.9 s. A cluster-level copy (tar of the stopped data directory) is 58 MB / 1,864
// files and extracts in 0.84 s, only ~0.6 s net of the template copy it replaces, but it cannot start
// before the cache key is known, is 130× larger to move through actions/cache and ties the entry to
// one server binary; the dump restores about as fast and is what we keep. Within one run a database
// is copied with CREATE DATABASE … TEMPLATE (0.13–0.19 s).





function run(file, args, secrets) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 600_000, env: { ...process.env, PGCONNECT_TIMEOUT: "15" } }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E)(`${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)} failed: ${String(stderr).trim() || error.message}`, secrets)));
            else
                resolve();
        });
    });
}
/** `pg_dump -Fc` of the database at `url` with the server's own client (`bindir`): same major, so it always reads it. */
function dumpDatabase(bindir, url, file) {
    // -Z0: the dump is small and moved compressed by actions/cache anyway; compressing costs 0.1 s.
    // Owners and privileges are kept: verify saves no snapshot whose migrations created roles (see
    // src/verify/snapshot.ts), so every owner and grantee is the bootstrap superuser or PUBLIC.
    return run(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, "pg_dump"), ["-Fc", "-Z0", "-f", file, "-d", url], (0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .urlSecrets */ .Fn)(url));
}
/**
 * The database's schema as one SQL script (`pg_dump --schema-only`, no owners or grants, tables named
 * `excludeTable` left out), written to `file`; search_path is not emptied, so the script runs in any
 * session that replays it.
 */
async function dumpSchemaSql(bindir, url, file, excludeTable) {
    await run(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, "pg_dump"), ["--schema-only", "--no-owner", "--no-privileges", "--no-comments", "-T", `*.${excludeTable}`, "-f", file, "-d", url], (0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .urlSecrets */ .Fn)(url));
    const sql = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, "utf8");
    // pg_dump ≥ 15.14 brackets its script with psql meta-commands (\restrict KEY … \unrestrict KEY): not SQL.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, sql.replace(/^SELECT pg_catalog\.set_config\('search_path', '', false\);$/m, "").replace(/^\\(un)?restrict .*$/gm, ""));
}
/** Restores a dump made by dumpDatabase into the empty database at `url`; throws when anything fails. */
function restoreDatabase(bindir, url, file) {
    // One session, one transaction: alone pg_restore -j2 is 0.2 s faster, but beside Prisma's start on a
    // 2-core runner it measured 1.3–2.0 s against 0.6–1.1 s for one session. A failed restore leaves nothing.
    return run(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, "pg_restore"), ["--exit-on-error", "--single-transaction", "-d", url, file], (0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .urlSecrets */ .Fn)(url));
}
/**
 * CREATE DATABASE target TEMPLATE source. PostgreSQL refuses while another session is connected to
 * the source (55006): a progress poll or a scratch-database helper holds one for milliseconds, so
 * this retries for up to `waitMs`.
 */
async function cloneDatabase(adminUrl, source, target, waitMs = 10_000) {
    const deadline = Date.now() + waitMs;
    const client = await (0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .connectClient */ .mh)(adminUrl);
    try {
        for (;;) {
            try {
                await client.query(`CREATE DATABASE ${(0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdentifier */ .Cm)(target)} TEMPLATE ${(0,_database_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdentifier */ .Cm)(source)}`);
                return;
            }
            catch (error) {
                if (error.code !== "55006" || Date.now() > deadline)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, 25));
            }
        }
    }
    finally {
        await client.end().catch(() => { });
    }
}


/***/ }),

/***/ 4886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M5: () => (/* binding */ SchemaSqlError),
  sH: () => (/* binding */ catalogDifferences),
  o4: () => (/* binding */ checkDrift),
  KC: () => (/* binding */ expectedCatalog)
});

// UNUSED EXPORTS: FIX_COMMAND

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/drift.ts
var drift = __webpack_require__(5452);
;// CONCATENATED MODULE: ./src/core/schema-locate.ts
// Where a database object is declared in schema.prisma, so a drift annotation lands on the model or
// field line. Tables map to `model X` or `@@map("x")`, columns to the field or its `@map("x")`.
function modelBlocks(lines) {
    const blocks = [];
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(?:model|view)\s+(\w+)\s*\{/.exec(lines[i]);
        if (!m)
            continue;
        let end = i + 1;
        while (end < lines.length && !/^\s*\}/.test(lines[end]))
            end++;
        blocks.push({ name: m[1], start: i, end });
    }
    return blocks;
}
function tableName(block, lines) {
    for (let i = block.start + 1; i < block.end; i++) {
        const m = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(lines[i]);
        if (m)
            return m[1];
    }
    return block.name;
}
/** 1-based line of the model (and field, when `column` is given) for `table`; undefined when unknown. */
function locateInSchema(schemaText, table, column) {
    const lines = schemaText.split("\n");
    const block = modelBlocks(lines).find((b) => tableName(b, lines) === table);
    if (!block)
        return undefined;
    if (column) {
        for (let i = block.start + 1; i < block.end; i++) {
            const line = lines[i];
            const field = /^\s*(\w+)\s/.exec(line)?.[1];
            const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(line)?.[1];
            if ((mapped ?? field) === column && !line.trimStart().startsWith("@@"))
                return i + 1;
        }
    }
    return block.start + 1;
}

// EXTERNAL MODULE: ./src/postgres/catalog-reader.ts
var catalog_reader = __webpack_require__(6762);
// EXTERNAL MODULE: ./src/postgres/database.ts
var database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/verify/prisma-judge.ts
var prisma_judge = __webpack_require__(1435);
;// CONCATENATED MODULE: ./src/verify/drift.ts
// The `drift` check without a second replay: the verify database already holds the migrated state.
// Prisma turns schema.prisma into SQL (no database needed); that SQL builds a scratch database on the
// same server (given the migrated database's extensions first); the two catalogs are compared. The
// comparison explains each difference; Prisma's own differ decides which fail (prisma-judge.ts), and
// with a base ref only differences the base does not already have count (base-drift.ts). docs/drift.md.






const FIX_COMMAND = "npx prisma migrate dev --name <describe_the_change>";
/** schema.prisma's SQL (or the extensions it needs) does not run on an empty database. */
class SchemaSqlError extends Error {
}
async function runScript(url, sql) {
    const client = await (0,database/* connectClient */.mh)(url);
    try {
        await client.query(sql);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * The catalog schema.prisma describes: Prisma's SQL run on a scratch database of the verify server,
 * read, and the scratch database dropped. Needs no migrated state, so it runs while Prisma deploys;
 * `extensions` (the migrated database's) are created first when given.
 */
async function expectedCatalog(params) {
    const scratch = `migrate_guard_expected_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    await (0,database/* createDatabase */.cD)(params.adminUrl, scratch);
    try {
        const scratchUrl = (0,database/* withDatabase */.kR)(params.adminUrl, scratch);
        if (params.extensions?.length) {
            await runScript(scratchUrl, (0,catalog_reader/* extensionsSql */.BM)(params.extensions)).catch((error) => {
                throw new SchemaSqlError(`the migrated database's extensions (${params.extensions.map((e) => `${e.name} ${e.version}`).join(", ")}) could not be created on a scratch database: ${error.message}`);
            });
        }
        await runScript(scratchUrl, params.schemaSql).catch((error) => {
            const given = params.extensions?.length
                ? ` (after creating the extensions ${params.extensions.map((e) => e.name).join(", ")})`
                : " (an empty database with no extensions)";
            throw new SchemaSqlError(`the SQL Prisma generates for schema.prisma fails on a scratch database${given}: ${error.message}`);
        });
        return await (0,catalog_reader/* readCatalog */.uM)(scratchUrl, params.schemas);
    }
    finally {
        await (0,database/* dropDatabase */.Zi)(params.adminUrl, scratch).catch(() => { });
    }
}
/**
 * The catalog comparison of the database at `url` with `expected`. Defaults written differently are
 * compared as values by PostgreSQL itself (`'{}'::text[]` is `ARRAY[]::text[]`).
 */
async function catalogDifferences(url, expected, schemas) {
    const actual = await (0,catalog_reader/* readCatalog */.uM)(url, schemas);
    const pairs = (0,drift/* differentlyWrittenDefaults */.Gp)(actual, expected);
    const same = await (0,catalog_reader/* equalExpressions */.KD)(url, pairs);
    const equalDefaults = new Set(pairs.filter((_, i) => same[i]).map((p) => (0,drift/* defaultKey */.ds)(p.actual, p.expected)));
    return (0,drift/* compareCatalogs */.m6)(actual, expected, { equalDefaults });
}
const first = (error) => (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 6).join(" ").slice(0, 600);
const oneLine = (statement) => statement
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
async function checkDrift(params) {
    const at = (i) => {
        const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
        return { file: params.schemaFile, ...(line ? { line } : {}) };
    };
    const note = (i) => ({ rule: "unrepresentable-index", severity: "notice", ...at(i), message: i.message });
    const error = (i, message = i.message) => ({ rule: `drift-${i.kind}`, severity: "error", ...at(i), message });
    const notes = params.items.filter((i) => i.informational);
    const extra = notes.length ? `; ${notes.length} raw-SQL index(es) schema.prisma cannot describe` : "";
    if (params.items.length === 0) {
        return { check: { id: "drift", status: "pass", summary: "schema.prisma matches the migrated database", findings: [] } };
    }
    const findings = [];
    let existingMessages = new Set();
    if (params.base) {
        try {
            existingMessages = await params.base.existing();
        }
        catch (failure) {
            findings.push({
                rule: "base-drift-unknown",
                severity: "warning",
                message: `The drift already on ${params.base.ref} could not be measured (${first(failure)}); every difference counts as new.`,
            });
        }
    }
    const baseRef = params.base?.ref;
    const existing = params.items.filter((i) => existingMessages.has(i.message));
    const existingReal = existing.filter((i) => !i.informational);
    const fresh = params.items.filter((i) => !existingMessages.has(i.message));
    findings.push(...existingReal.map((i) => ({ rule: "drift-existing", severity: "warning", ...at(i), message: `already on ${baseRef}: ${i.message}` })));
    findings.push(...existing.filter((i) => i.informational).map(note));
    const existingPart = existingReal.length ? `already on ${baseRef}: ${existingReal.length} difference(s) (warned, not failed)` : "";
    const result = (summary, failing, sql, judge) => {
        const all = [...findings];
        const status = all.some((f) => f.severity === "error") ? "fail" : all.some((f) => f.severity === "warning") ? "warn" : "pass";
        return {
            check: {
                id: "drift",
                status,
                summary: [summary, existingPart].filter(Boolean).join("; ") + extra,
                findings: all,
            },
            // Only when there is drift to show, new or already on the base (JSON `drift: null` otherwise).
            ...(failing.length || existingReal.length
                ? {
                    drift: {
                        differences: [...failing],
                        ...(params.base ? { existing: existingReal.map((i) => i.message), baseRef: params.base.ref } : {}),
                        sql,
                        fixCommand: FIX_COMMAND,
                        ...(judge ? { judge } : {}),
                    },
                }
                : {}),
        };
    };
    if (fresh.length === 0)
        return result(existingReal.length ? "this change adds no drift" : "schema.prisma matches the migrated database", [], "");
    let judgement;
    try {
        judgement = await params.judge();
    }
    catch (failure) {
        // Unknown is not safe: without Prisma's verdict the catalog comparison's stands.
        const real = fresh.filter((i) => !i.informational);
        findings.push({
            rule: "prisma-differ-unavailable",
            severity: "warning",
            message: `Prisma's differ could not run, so the catalog comparison's verdict stands: ${first(failure)}`,
        });
        findings.push(...real.map((i) => error(i)), ...fresh.filter((i) => i.informational).map(note));
        const summary = real.length
            ? `${real.length} difference(s) between schema.prisma and the migrations (Prisma's differ could not run to confirm them) — create a migration with \`${FIX_COMMAND}\``
            : "no difference schema.prisma can express (Prisma's differ could not run)";
        return result(summary, real.map((i) => i.message), real.length ? real.map((i) => i.sql).join("\n\n") + "\n" : "", "the catalog comparison alone (Prisma's differ could not run)");
    }
    const label = judgement.mode.label;
    const about = (i) => (judgement.drift ? (0,prisma_judge/* statementsAbout */.mm)(i, judgement.statements) : []);
    const failing = [];
    const fix = new Set();
    for (const i of fresh) {
        const statements = about(i);
        if (statements.length > 0) {
            // Prisma's differ sees it: drift, even an index schema.prisma cannot express (Prisma would change it).
            const message = i.informational
                ? `${i.message}; Prisma's differ would change it: \`${statements.map(oneLine).join(" ")}\``
                : i.message;
            findings.push(error(i, message));
            failing.push(message);
            statements.forEach((s) => fix.add(s));
        }
        else if (i.informational) {
            findings.push(note(i));
        }
        else {
            findings.push({
                rule: "drift-not-confirmed",
                severity: "notice",
                ...at(i),
                message: `${i.message} — Prisma's differ does not see this difference, so it does not fail the check`,
            });
        }
    }
    // Statements of Prisma's script no difference of the comparison is about: drift Prisma sees and the
    // comparison does not. Without a base ref they fail; with one they may be the base's own.
    const explained = new Set(params.items.flatMap(about));
    for (const statement of judgement.drift ? judgement.statements.filter((s) => !explained.has(s)) : []) {
        const message = `Prisma's differ wants \`${oneLine(statement)}\``;
        findings.push({
            rule: "prisma-drift",
            severity: params.base ? "warning" : "error",
            file: params.schemaFile,
            message: params.base ? `${message} (maybe drift ${params.base.ref} already has: Prisma's differ is not run on the base)` : message,
        });
        if (!params.base) {
            failing.push(message);
            fix.add(statement);
        }
    }
    if (failing.length === 0)
        return result(`the ${fresh.length} difference(s) the catalog comparison found are not drift for Prisma's differ (${label})`, [], "", label);
    const sql = judgement.statements.filter((s) => fix.has(s)).join("\n\n") + "\n";
    return result(`${failing.length} difference(s) between schema.prisma and the migrations, confirmed by Prisma's differ — create a migration with \`${FIX_COMMAND}\``, failing, sql, label);
}


/***/ }),

/***/ 1435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rw: () => (/* binding */ runJudge),
/* harmony export */   mm: () => (/* binding */ statementsAbout)
/* harmony export */ });
/* unused harmony exports judgeMode, prismaStatements */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_migrations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3294);
/* harmony import */ var _postgres_snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2771);
/* harmony import */ var _postgres_database_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2514);
// Prisma's own differ as the judge of drift (docs/drift.md): the catalog comparison explains each
// difference, and a difference fails only when `prisma migrate diff` also sees it. The mode is the one
// the project's Prisma set-up allows; a driver adapter (`engine: "js"`) replays the migrations on an
// empty scratch database, where its shadow database lives.







/** The differ mode this project's Prisma can run (see DiffSource). */
function judgeMode(prisma, project) {
    if (prisma.major >= 7)
        return { source: { kind: "config-datasource" }, label: "prisma migrate diff --from-config-datasource (Prisma 7)" };
    if (project.configHints?.usesAdapter) {
        return {
            source: { kind: "migrations", dir: project.migrationsDir },
            label: 'prisma migrate diff --from-migrations on a shadow database (driver adapter, engine "js")',
        };
    }
    return {
        source: { kind: "url" },
        label: `prisma migrate diff --from-url on the migrated database (Prisma ${prisma.major}, native schema engine)`,
    };
}
/**
 * Runs Prisma's differ. `url` is the migrated database; with `--from-migrations` Prisma gets a new
 * empty database of the same server instead (dropped afterwards).
 */
async function runJudge(params) {
    const mode = judgeMode(params.prisma, params.project);
    if (mode.source.kind !== "migrations") {
        const outcome = await params.prisma.diff(mode.source, params.url);
        return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
    }
    const scratch = `migrate_guard_differ_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString("hex")}`;
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), "migrate-guard-differ-"));
    await (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .createDatabase */ .cD)(params.adminUrl, scratch);
    try {
        // Prisma replays one migration, the migrated database's own schema, instead of the whole history
        // (trigger.dev: 820 migrations ~11 s): what it compares is the migrated database, as --from-url
        // does. Without pg_dump, the project's migrations folder itself.
        const state = params.bindir
            ? await migratedStateFolder(params.bindir, params.url, params.project.migrationsDir, dir).catch(() => undefined)
            : undefined;
        if (state) {
            const fed = {
                source: { kind: "migrations", dir: state },
                label: mode.label.replace(" (driver adapter", ", fed the migrated database's schema (pg_dump --schema-only) (driver adapter"),
            };
            try {
                const outcome = await params.prisma.diff(fed.source, (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .withDatabase */ .kR)(params.adminUrl, scratch));
                return { mode: fed, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
            }
            catch {
                // The dump did not replay through the adapter: the migrations themselves, on a fresh database.
                await (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .dropDatabase */ .Zi)(params.adminUrl, scratch);
                await (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .createDatabase */ .cD)(params.adminUrl, scratch);
            }
        }
        const outcome = await params.prisma.diff(mode.source, (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .withDatabase */ .kR)(params.adminUrl, scratch));
        return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
    }
    finally {
        await (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_6__/* .dropDatabase */ .Zi)(params.adminUrl, scratch).catch(() => { });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    }
}
/** A migrations folder whose one migration is the migrated database's schema (see runJudge). */
async function migratedStateFolder(bindir, url, migrationsDir, dir) {
    const migrations = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, "migrations");
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(migrations, "00000000000000_migrated_state"), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(migrationsDir, _core_migrations_js__WEBPACK_IMPORTED_MODULE_4__/* .LOCK_FILE */ .FI), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(migrations, _core_migrations_js__WEBPACK_IMPORTED_MODULE_4__/* .LOCK_FILE */ .FI)).catch(() => { });
    await (0,_postgres_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .dumpSchemaSql */ .uu)(bindir, url, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(migrations, "00000000000000_migrated_state", "migration.sql"), "_prisma_migrations");
    return migrations;
}
/**
 * Prisma's script, one block per `-- Kind` comment (a CREATE TABLE has blank lines inside; a
 * recreated enum is several statements under one comment).
 */
function prismaStatements(sql) {
    return sql
        .replace(/\r\n?/g, "\n")
        .split(/\n\s*\n(?=--)/)
        .map((block) => block.trim())
        .filter((block) => block.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--")));
}
/** The statements of Prisma's script that are about the same object as `item`. */
function statementsAbout(item, statements) {
    return statements.filter((s) => item.mentions.some((names) => names.length > 0 && names.every((n) => s.includes(n))));
}


/***/ })

};
