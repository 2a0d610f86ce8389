import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 613;
export const ids = [613];
export const modules = {

/***/ 1613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lint: () => (/* binding */ lint)
});

;// CONCATENATED MODULE: ./src/lint/ast.ts
const DEFAULT_SCHEMA = "public";
/** "schema.name": how the state model keys relations and types. */
function key(schema, name) {
    return `${schema ?? DEFAULT_SCHEMA}.${name}`;
}
function rangeVarKey(rv) {
    return key(rv?.schemaname, rv?.relname ?? "?");
}
/** `"User"` (or `"s"."User"` outside public) for messages. */
function display(k) {
    const dot = k.indexOf(".");
    const schema = k.slice(0, dot);
    const name = k.slice(dot + 1);
    return schema === DEFAULT_SCHEMA ? `"${name}"` : `"${schema}"."${name}"`;
}
function columnDisplay(tableKey, column) {
    return `${display(tableKey)}."${column}"`;
}
function strings(list) {
    const out = [];
    if (list) {
        for (const n of list) {
            const s = n?.String?.sval;
            if (s)
                out.push(s);
        }
    }
    return out;
}
/** A qualified name given as a String list (types, DROP objects): ["s", "E"] → "s.E". */
function listKey(items) {
    const parts = strings(items);
    return parts.length > 1 ? key(parts[parts.length - 2], parts[parts.length - 1]) : key(undefined, parts[0] ?? "?");
}
/** DROP statement objects: String lists for tables/indexes/schemas, TypeName for types. */
function dropObjectKey(obj) {
    if (obj?.List)
        return listKey(obj.List.items);
    if (obj?.TypeName)
        return listKey(obj.TypeName.names);
    if (obj?.String)
        return obj.String.sval;
    return "?";
}
const TYPE_ALIASES = {
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
function typeString(typeName) {
    // The one name besides pg_catalog, if there is exactly one (every BUILTIN name is [a-z0-9_ ]).
    let only;
    let count = 0;
    for (const n of typeName?.names ?? []) {
        const s = n?.String?.sval;
        if (s && s !== "pg_catalog") {
            only = s;
            count++;
        }
    }
    let base;
    if (count === 1 && Object.hasOwn(TYPE_ALIASES, only))
        base = TYPE_ALIASES[only];
    else if (count === 1 && BUILTIN.has(only))
        base = only;
    else
        base = listKey(typeName?.names);
    const typmods = typeName?.typmods;
    if (typmods?.length) {
        const mods = typmods.map((m) => {
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
function baseType(type) {
    return type.replace(/\[\]/g, "").replace(/\(.*\)$/, "");
}
const SERIALS = new Set(["serial", "bigserial", "smallserial"]);
/** Read once per ColumnDef node: the state model and a dozen rules ask about the same column. Shared: read only. */
const columnInfos = new WeakMap();
function columnInfo(def) {
    let info = columnInfos.get(def);
    if (!info) {
        info = readColumnInfo(def);
        columnInfos.set(def, info);
    }
    return info;
}
function readColumnInfo(def) {
    const type = typeString(def.typeName);
    const info = {
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
function volatileCall(expr) {
    let found;
    walk(expr, (n) => {
        if (found)
            return;
        const fc = n?.FuncCall;
        if (fc) {
            const name = strings(fc.funcname).at(-1)?.toLowerCase();
            if (name && VOLATILE_FUNCTIONS.has(name))
                found = `${name}()`;
        }
    });
    return found;
}
function walk(node, visit) {
    if (node === null || typeof node !== "object")
        return;
    visit(node);
    for (const value of Object.values(node)) {
        if (Array.isArray(value))
            for (const v of value)
                walk(v, visit);
        else if (value && typeof value === "object")
            walk(value, visit);
    }
}
/** Index column names (expressions count as "(expression)"). */
function indexColumns(params) {
    return (params ?? []).map((p) => p?.IndexElem?.name ?? "(expression)");
}
/** First line of a statement, shortened, for reports. */
function firstLine(text) {
    const nl = text.indexOf("\n");
    const line = (nl < 0 ? text : text.slice(0, nl)).trim();
    return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

;// CONCATENATED MODULE: ./src/lint/encoding.ts
// Bytes in a migration file that PostgreSQL or Prisma cannot take as they are, found on the text as
// read (UTF-8, invalid sequences decoded to U+FFFD): a byte order mark, NUL bytes, and text that was
// not UTF-8. The linter reports them (rule file-encoding) and lints the rest of the file.
const BOM = "\uFEFF";
const REPLACEMENT = "\uFFFD";
function occurrences(text, char) {
    const at = [];
    for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1))
        at.push(i);
    return at;
}
const more = (n, what) => (n > 1 ? ` and ${n - 1} more ${what}` : "");
function checkEncoding(sql) {
    // Nearly every migration: one scan for each character, nothing allocated.
    if (!sql.startsWith(BOM) && !sql.includes("\0") && !sql.includes(REPLACEMENT))
        return { text: sql, problems: [] };
    const problems = [];
    let text = sql;
    if (text.startsWith(BOM)) {
        problems.push({
            offset: 0,
            message: "The file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF). PostgreSQL reads it as part of the first statement and rejects the migration (syntax error at its first word). " +
                'Save the file as UTF-8 without BOM (in most editors "UTF-8", not "UTF-8 with BOM"). The rest of the file was checked without it.',
        });
        text = ` ${text.slice(1)}`;
    }
    const nul = occurrences(text, "\0");
    if (nul.length > 0) {
        problems.push({
            offset: nul[0],
            message: `The file contains a NUL byte${more(nul.length, "of them")}. PostgreSQL refuses the whole script ("invalid message format"), so Prisma cannot apply the migration. ` +
                "Remove the byte (it usually comes from a file saved as UTF-16 or pasted from a binary). The rest of the file was checked as if it were a space.",
        });
        text = text.replaceAll("\0", " ");
    }
    const bad = occurrences(text, REPLACEMENT);
    if (bad.length > 0) {
        problems.push({
            offset: bad[0],
            message: `The file is not valid UTF-8 here${more(bad.length, "places")} (read as U+FFFD, the replacement character: typically a file saved as Latin-1 or Windows-1252). ` +
                "The bytes meant are lost: depending on its engine, Prisma refuses the file or applies the replacement character instead of the text written (a wrong enum value, default or row). Save the file as UTF-8.",
        });
    }
    return { text, problems };
}

;// CONCATENATED MODULE: ./src/lint/ignore.ts
const DIRECTIVE = /^(?:--|\/\*)\s*migrate-guard-ignore(-file)?\b([^:]*?)(?::\s*([\s\S]*?))?\s*(?:\*\/)?\s*$/;
function parseIgnores(comments, statements) {
    const result = [];
    for (const c of comments) {
        const m = DIRECTIVE.exec(c.text.trim());
        if (!m)
            continue;
        const rules = m[2]
            .split(",")
            .map((r) => r.trim())
            .filter(Boolean);
        const directive = { rules, reason: (m[3] ?? "").trim(), fileLevel: Boolean(m[1]), offset: c.start, used: new Set() };
        if (!directive.fileLevel) {
            const next = statements.find((s) => s.start >= c.end);
            if (next)
                directive.statement = next.index;
        }
        result.push(directive);
    }
    return result;
}
/** The directive that suppresses `rule` on `statement` (undefined: not suppressed). Valid directives only. */
function suppressing(directives, rule, statement) {
    return directives.find((d) => d.reason !== "" && d.rules.includes(rule) && (d.fileLevel || (statement !== undefined && d.statement === statement)));
}
/** Problems with the directives themselves, after every finding went through `suppressing`. */
function ignoreProblems(directives, knownRules) {
    const problems = [];
    for (const d of directives) {
        const form = d.fileLevel ? "migrate-guard-ignore-file" : "migrate-guard-ignore";
        if (d.rules.length === 0) {
            problems.push({
                rule: "unused-ignore",
                offset: d.offset,
                message: `\`${form}\` names no rule. Write \`-- ${form} <rule>[,<rule>]: <reason>\`.`,
            });
            continue;
        }
        if (d.reason === "") {
            problems.push({
                rule: "ignore-without-reason",
                offset: d.offset,
                message: `\`${form} ${d.rules.join(",")}\` has no reason, so it suppresses nothing. Add one after a colon: \`-- ${form} ${d.rules.join(",")}: <why this is safe>\`.`,
            });
            continue;
        }
        for (const rule of d.rules) {
            if (!knownRules.has(rule))
                problems.push({
                    rule: "unused-ignore",
                    offset: d.offset,
                    message: `\`${form}\` names "${rule}", which is not a migrate-guard rule.`,
                });
            else if (!d.used.has(rule)) {
                const where = d.fileLevel ? "this file" : d.statement === undefined ? "any statement (none follows it)" : "the statement after it";
                problems.push({
                    rule: "unused-ignore",
                    offset: d.offset,
                    message: `\`${form} ${rule}\` suppresses nothing: "${rule}" reports nothing on ${where}. Remove the directive.`,
                });
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/lint/locks.ts
// The table locks a statement takes, as PostgreSQL documents them ("Explicit Locking", and each
// command's reference page). The static model behind the locking rules; verify also measures the real
// locks on a scratch database (src/verify/measured-locks.ts) and describes them with LOCK_EFFECT.

/** Weakest first. */
const LOCK_MODES = [
    "ACCESS SHARE",
    "ROW SHARE",
    "ROW EXCLUSIVE",
    "SHARE UPDATE EXCLUSIVE",
    "SHARE",
    "SHARE ROW EXCLUSIVE",
    "EXCLUSIVE",
    "ACCESS EXCLUSIVE",
];
/** What other sessions can no longer do while the lock is held. */
const LOCK_EFFECT = {
    "ACCESS SHARE": "blocks only ACCESS EXCLUSIVE (DDL); reads and writes continue",
    "ROW SHARE": "blocks EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes continue",
    "ROW EXCLUSIVE": "blocks SHARE and stronger (CREATE INDEX, most DDL); reads and writes continue",
    "SHARE UPDATE EXCLUSIVE": "blocks other schema changes and VACUUM; reads and writes continue",
    SHARE: "blocks writes (INSERT, UPDATE, DELETE); reads continue",
    "SHARE ROW EXCLUSIVE": "blocks writes and other SHARE ROW EXCLUSIVE locks; reads continue",
    EXCLUSIVE: "blocks writes and row-locking reads (SELECT … FOR UPDATE); plain reads continue",
    "ACCESS EXCLUSIVE": "blocks reads and writes",
};
function stronger(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
/** pg_locks.mode ("AccessExclusiveLock") → "ACCESS EXCLUSIVE". */
function fromPgLockMode(mode) {
    const words = mode
        .replace(/Lock$/, "")
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toUpperCase();
    return LOCK_MODES.includes(words) ? words : undefined;
}
const AT_WEAKER = {
    AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
    AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
    AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
    AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
    AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
    AT_DetachPartitionFinalize: "SHARE UPDATE EXCLUSIVE",
    AT_EnableTrig: "SHARE ROW EXCLUSIVE",
    AT_DisableTrig: "SHARE ROW EXCLUSIVE",
};
/** Table locks of one statement; the strongest per table. `state` resolves indexes to their tables. */
function statementLocks(stmt, state) {
    const n = stmt.node;
    const locks = new Map();
    const add = (table, mode) => locks.set(table, stronger(mode, locks.get(table) ?? "ACCESS SHARE"));
    switch (stmt.kind) {
        case "AlterTableStmt": {
            if (n.objtype === "OBJECT_INDEX")
                break;
            const table = rangeVarKey(n.relation);
            for (const item of n.cmds ?? []) {
                const cmd = item.AlterTableCmd;
                const con = cmd?.def?.Constraint;
                if (cmd?.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") {
                    add(table, "SHARE ROW EXCLUSIVE");
                    add(rangeVarKey(con.pktable), "SHARE ROW EXCLUSIVE");
                }
                else {
                    add(table, AT_WEAKER[cmd?.subtype] ?? "ACCESS EXCLUSIVE");
                }
            }
            break;
        }
        case "IndexStmt":
            add(rangeVarKey(n.relation), n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            break;
        case "DropStmt":
            for (const obj of n.objects ?? []) {
                const k = dropObjectKey(obj);
                if (n.removeType === "OBJECT_TABLE")
                    add(k, "ACCESS EXCLUSIVE");
                else if (n.removeType === "OBJECT_INDEX") {
                    const table = state.index(k)?.table;
                    if (table)
                        add(table, n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
                }
            }
            break;
        case "RenameStmt":
            if (n.renameType === "OBJECT_INDEX") {
                const table = state.index(rangeVarKey(n.relation))?.table;
                if (table)
                    add(table, "SHARE UPDATE EXCLUSIVE");
            }
            else if (n.relation && ["OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"].includes(n.renameType)) {
                add(rangeVarKey(n.relation), "ACCESS EXCLUSIVE");
            }
            break;
        case "TruncateStmt":
            for (const rel of n.relations ?? [])
                add(rangeVarKey(rel.RangeVar), "ACCESS EXCLUSIVE");
            break;
        case "UpdateStmt":
        case "DeleteStmt":
        case "InsertStmt":
            if (n.relation)
                add(rangeVarKey(n.relation), "ROW EXCLUSIVE");
            break;
        case "CreateTrigStmt":
            add(rangeVarKey(n.relation), "SHARE ROW EXCLUSIVE");
            break;
        case "ClusterStmt":
            if (n.relation)
                add(rangeVarKey(n.relation), "ACCESS EXCLUSIVE");
            break;
        case "VacuumStmt": {
            const full = (n.options ?? []).some((o) => o.DefElem?.defname === "full");
            for (const rel of n.rels ?? [])
                if (rel.VacuumRelation?.relation)
                    add(rangeVarKey(rel.VacuumRelation.relation), full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
            break;
        }
        case "RefreshMatViewStmt":
            add(rangeVarKey(n.relation), n.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE");
            break;
        case "ReindexStmt":
            if (n.relation) {
                const concurrent = (n.params ?? []).some((o) => o.DefElem?.defname === "concurrently");
                add(rangeVarKey(n.relation), concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            }
            break;
    }
    return [...locks].map(([table, mode]) => ({ table, mode }));
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
;// CONCATENATED MODULE: ./src/sql/statements.ts
// Statements of a migration script, located by the real PostgreSQL parser (libpg-query, WASM).
// Imported on first use: loading the module instantiates ~1.7 MB of WASM, which an action's start
// (and every run that never parses SQL) should not pay for.

let loaded;
/** A function index no module has (the filter's "only this function" then matches none). */
const NO_WASM_FUNCTION = 2147483647;
/** Loads the parser once per process. */
function loadParser() {
    // Liftoff (V8's baseline WASM compiler) only: by default V8 also compiles the 1.7 MB module with
    // TurboFan on background threads, and the process waits for that before it can exit. Measured on
    // trigger.dev: one migration 600 → 200 ms wall, all 820 migrations 770 → 300 ms. Prisma's own WASM
    // runs in child processes and is unaffected.
    // Node 24's V8 (13.6) ignores --liftoff-only set at run time: the parser's hot functions still tier
    // up, and exit waits for TurboFan (built CLI on Node 24, trigger.dev --each-migration: 4.9 s instead
    // of 1.4 s; lint FILE 568 → 377 ms, both on a loaded machine). A tier-up filter naming no function is
    // read when tier-up triggers, so it holds on every Node from 20 on (the flag exists in all of them;
    // an unknown flag would print an error).
    if (!loaded)
        external_node_v8_default().setFlagsFromString(`--liftoff-only --wasm-tier-up-filter=${NO_WASM_FUNCTION}`);
    loaded ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (mod) => {
        await mod.loadModule();
        return mod;
    });
    return loaded;
}
/** Skips whitespace and comments: libpg-query's statement location includes what precedes it. */
function firstToken(sql, from) {
    let i = from;
    for (;;) {
        while (i < sql.length && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? sql.length : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? sql.length : end + 2;
        }
        else {
            return i;
        }
    }
}
async function splitStatements(sql) {
    const { parseSync } = await loadParser();
    // Parser locations are UTF-8 byte offsets; messages and editors count characters.
    const bytes = Buffer.from(sql, "utf8");
    const charOffset = (byte) => bytes.subarray(0, byte).toString("utf8").length;
    try {
        const result = parseSync(sql);
        const statements = (result.stmts ?? []).map((s) => {
            const from = charOffset(s.stmt_location ?? 0);
            const to = s.stmt_len ? charOffset((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
            const start = firstToken(sql, from);
            return { text: sql.slice(start, to).replace(/;\s*$/, ""), start };
        });
        return { ok: true, statements };
    }
    catch (error) {
        const details = error.sqlDetails;
        return {
            ok: false,
            message: details?.message ?? error.message,
            // Unlike statement locations, the error cursor already counts characters (0-based).
            ...(details?.cursorPosition !== undefined ? { position: details.cursorPosition } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./src/lint/parse.ts
// A migration script as the real PostgreSQL parser sees it: each statement's AST node and where it
// starts (line/column), where each comma-separated ALTER TABLE command starts, and the comments
// (for ignore directives). Parser and scanner locations are UTF-8 byte offsets; everything here is
// converted to character offsets once.

/** 1-based line and column of character offsets, by binary search over line starts. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
            this.starts.push(i + 1);
    }
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
}
/** Byte offset → character offset; the identity for ASCII scripts (nearly all migrations). */
function byteToChar(text) {
    if (Buffer.byteLength(text, "utf8") === text.length)
        return (b) => b;
    const map = [];
    let char = 0;
    for (const cp of text) {
        const n = Buffer.byteLength(cp, "utf8");
        for (let k = 0; k < n; k++)
            map.push(char);
        char += cp.length;
    }
    map.push(char);
    return (b) => map[Math.min(b, map.length - 1)];
}
/** Skips whitespace and comments: a statement's location includes what precedes it. */
function parse_firstToken(sql, from, to) {
    let i = from;
    for (;;) {
        while (i < to && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? to : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? to : end + 2;
        }
        else {
            return Math.min(i, to);
        }
    }
}
function codePointsToIndex(text, codePoints) {
    if (!/[\uD800-\uDFFF]/.test(text))
        return codePoints;
    return Array.from(text).slice(0, codePoints).join("").length;
}
let loadedParser;
/**
 * Identifier tokens of a statement as written, with their length in bytes: the parser truncates
 * identifiers to 63 bytes before they reach the AST, so only the scanner sees the original.
 * Call after parseScript (the parser is loaded then).
 */
function identifierTokens(text) {
    if (!loadedParser)
        return [];
    return loadedParser.scanSync(text).tokens
        .filter((t) => t.tokenName === "IDENT")
        .map((t) => {
        const name = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
        return { name, bytes: Buffer.byteLength(name, "utf8") };
    });
}
async function parseScript(sql) {
    const parser = await loadParser();
    loadedParser = parser;
    const toChar = byteToChar(sql);
    const lines = new LineIndex(sql);
    // An empty file is an empty migration to Prisma (it applies it); libpg-query alone refuses "".
    if (sql === "")
        return { ok: true, statements: [], comments: [], lines };
    let result;
    try {
        result = parser.parseSync(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        // PostgreSQL's error position counts characters (code points), unlike statement locations.
        const offset = codePointsToIndex(sql, details?.cursorPosition ?? 0);
        return { ok: false, message: details?.message ?? error.message, offset, ...lines.at(offset), lines };
    }
    const statements = (result.stmts ?? []).map((s, index) => {
        const from = toChar(s.stmt_location ?? 0);
        const end = s.stmt_len ? toChar((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
        const start = parse_firstToken(sql, from, end);
        let kind = "";
        for (const k in s.stmt) {
            kind = k;
            break;
        }
        const { line, column } = lines.at(start);
        return { index, kind, node: s.stmt[kind], start, end, line, column, text: sql.slice(start, end).replace(/;\s*$/, ""), parts: [start] };
    });
    for (const stmt of statements) {
        // Only multi-command ALTER TABLEs need their commands located; scanning is the lexer, not a grep.
        if (stmt.kind === "AlterTableStmt" && (stmt.node.cmds?.length ?? 0) > 1)
            stmt.parts = partsOf(parser.scanSync(stmt.text).tokens, stmt);
    }
    // Comments matter only for ignore directives: scan the whole file only when it has one.
    const comments = /migrate-guard-ignore/.test(sql) ? commentsOf(parser.scanSync(sql).tokens, toChar, lines) : [];
    return { ok: true, statements, comments, lines };
}
function partsOf(tokens, stmt) {
    const toChar = byteToChar(stmt.text);
    const parts = [stmt.start];
    let depth = 0;
    let afterComma = false;
    for (const t of tokens) {
        if (t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
            continue;
        if (afterComma) {
            parts.push(stmt.start + toChar(t.start));
            afterComma = false;
        }
        if (t.text === "(" || t.text === "[")
            depth++;
        else if (t.text === ")" || t.text === "]")
            depth--;
        else if (t.text === "," && depth === 0)
            afterComma = true;
    }
    return parts;
}
function commentsOf(tokens, toChar, lines) {
    return tokens
        .filter((t) => t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
        .map((t) => {
        const start = toChar(t.start);
        return { text: t.text, start, end: toChar(t.end), line: lines.at(start).line };
    });
}

;// CONCATENATED MODULE: ./src/lint/plpgsql.ts
// Statements that run inside DO blocks (and inside plpgsql functions the migration itself calls):
// read with libpg-query's PL/pgSQL parser, each embedded SQL statement parsed like a top-level one and
// placed at its own line in the file. EXECUTE of a constant string, or of format() with a constant
// format string and constant arguments, is read too; any other EXECUTE cannot be read and is reported
// as not checked. Hostile input (bodies the parser rejects, odd nesting) yields a finding, never a throw.



const MAX_DEPTH = 4;
/** Whether the script has any body worth reading (the common case has none: nothing to do). */
function hasBodies(statements) {
    return statements.some((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt");
}
async function expandBodies(script) {
    if (!hasBodies(script.statements))
        return { statements: script.statements, unchecked: [] };
    try {
        return await expand(script);
    }
    catch (error) {
        // A parser failure nobody foresaw: the top-level statements are still linted, and the rest is said.
        const first = script.statements.find((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt");
        return {
            statements: script.statements,
            unchecked: [
                {
                    severity: "warning",
                    offset: first.start,
                    statement: first,
                    message: `The DO blocks and function bodies of this migration could not be read (${error.message.split("\n")[0]}), so the statements in them were not checked.`,
                },
            ],
        };
    }
}
async function expand(script) {
    const parser = await loadParser();
    const lines = script.lines;
    const unchecked = [];
    const out = [];
    const inner = async (text, at, exact, holder, depth) => {
        const parsed = await parseScript(text);
        if (!parsed.ok) {
            unchecked.push({
                severity: "warning",
                offset: at,
                statement: holder,
                message: `SQL inside ${what(holder)} does not parse (${parsed.message}), so it was not checked: ${firstLine(text)}`,
            });
            return;
        }
        for (const s of parsed.statements) {
            const start = exact ? at + s.start : at;
            const end = exact ? at + s.end : at + 1;
            const placed = {
                ...s,
                start,
                end,
                ...lines.at(start),
                parts: exact ? s.parts.map((p) => at + p) : s.parts.map(() => start),
                parent: holder.parent ?? holder.index,
            };
            out.push(placed);
            if (depth < MAX_DEPTH && (s.kind === "DoStmt" || s.kind === "CreateFunctionStmt"))
                await body(placed, depth + 1, exact);
        }
    };
    // `exactOffsets`: the statement's text sits verbatim at its offsets in the file (else they are approximate).
    const body = async (stmt, depth, exactOffsets) => {
        const src = bodyOf(stmt);
        if (!src)
            return;
        let fn;
        try {
            const result = parser.parsePlPgSQLSync(stmt.text);
            fn = result.plpgsql_funcs?.[0]?.PLpgSQL_function;
        }
        catch (error) {
            const message = error.sqlDetails?.message ?? error.message;
            unchecked.push({
                severity: "warning",
                offset: stmt.start,
                statement: stmt,
                message: `The PL/pgSQL body of ${what(stmt)} does not parse (${message}): PostgreSQL rejects it when the migration runs, and the statements in it were not checked.`,
            });
            return;
        }
        if (!fn)
            return;
        // Where the body text starts in the file: exact when it appears verbatim (dollar quoting).
        const inText = stmt.text.indexOf(src);
        const exact = exactOffsets && inText >= 0;
        const bodyAt = stmt.start + Math.max(0, inText);
        const lineStart = (lineno) => lineStartOf(src, lineno);
        const locate = (lineno, text) => {
            const from = lineStart(lineno);
            const i = src.indexOf(text, from);
            if (exact && i >= 0)
                return { at: bodyAt + i, exact: true };
            const indent = /^[ \t]*/.exec(src.slice(from))[0].length;
            return { at: exact ? bodyAt + from + indent : stmt.start, exact: false };
        };
        const found = [];
        walk(fn.action, (n) => {
            const exec = n?.PLpgSQL_stmt_execsql;
            if (exec?.sqlstmt?.PLpgSQL_expr?.query)
                found.push({ lineno: exec.lineno ?? 1, kind: "sql", text: exec.sqlstmt.PLpgSQL_expr.query });
            const dyn = n?.PLpgSQL_stmt_dynexecute;
            if (dyn?.query?.PLpgSQL_expr?.query)
                found.push({ lineno: dyn.lineno ?? 1, kind: "execute", text: dyn.query.PLpgSQL_expr.query });
        });
        // In the order they appear (stable for several on one line): the state model replays them so.
        found.sort((a, b) => a.lineno - b.lineno);
        for (const f of found) {
            const where = locate(f.lineno, f.text);
            if (f.kind === "sql") {
                await inner(f.text, where.at, where.exact, stmt, depth);
                continue;
            }
            const constant = constantSql(parser, f.text);
            if (constant === undefined) {
                unchecked.push({
                    severity: "notice",
                    offset: where.at,
                    statement: stmt,
                    message: `EXECUTE ${firstLine(f.text)} inside ${what(stmt)} builds its SQL at run time: the linter cannot read it, so it was not checked. Review what it runs by hand, or write the statements directly.`,
                });
                continue;
            }
            // A plain quoted literal without escapes maps character for character; anything else sits at the expression.
            const literal = f.text === `'${constant}'`;
            await inner(constant, literal ? where.at + 1 : where.at, literal && where.exact, stmt, depth);
        }
    };
    for (const stmt of script.statements) {
        out.push(stmt);
        if (stmt.kind === "DoStmt" || (stmt.kind === "CreateFunctionStmt" && calledLater(stmt, script.statements))) {
            await body(stmt, 1, true);
        }
    }
    // Renumbered in place (unchecked findings hold these objects): `parent` held the holder's old index.
    const newIndex = new Map();
    out.forEach((s, i) => {
        if (s.parent === undefined)
            newIndex.set(s.index, i);
    });
    out.forEach((s, i) => {
        s.index = i;
        if (s.parent !== undefined)
            s.parent = newIndex.get(s.parent);
    });
    return { statements: out, unchecked };
}
function what(stmt) {
    return stmt.kind === "DoStmt" ? "a DO block" : "a plpgsql function";
}
function lineStartOf(text, lineno) {
    let at = 0;
    for (let l = 1; l < lineno; l++) {
        const nl = text.indexOf("\n", at);
        if (nl < 0)
            return at;
        at = nl + 1;
    }
    return at;
}
function defElems(list) {
    return new Map((list ?? []).filter((o) => o?.DefElem?.defname).map((o) => [o.DefElem.defname, o.DefElem.arg]));
}
/** The plpgsql source of a DO block or function; undefined for other languages. */
function bodyOf(stmt) {
    const opts = defElems(stmt.kind === "DoStmt" ? stmt.node.args : stmt.node.options);
    const language = opts.get("language")?.String?.sval ?? (stmt.kind === "DoStmt" ? "plpgsql" : undefined);
    if (language?.toLowerCase() !== "plpgsql")
        return undefined;
    const as = opts.get("as");
    const text = as?.String?.sval ?? as?.List?.items?.[0]?.String?.sval;
    return typeof text === "string" ? text : undefined;
}
/** A function body runs in the migration only when a later statement calls it. */
function calledLater(stmt, all) {
    const name = strings(stmt.node.funcname).at(-1);
    if (!name)
        return false;
    let called = false;
    for (const s of all) {
        if (s.index <= stmt.index || called)
            continue;
        walk(s.node, (n) => {
            if (n?.FuncCall && strings(n.FuncCall.funcname).at(-1) === name)
                called = true;
        });
    }
    return called;
}
/** The SQL text a constant PL/pgSQL expression evaluates to, or undefined when it is not constant. */
function constantSql(parser, expr) {
    let tree;
    try {
        tree = parser.parseSync(`SELECT ${expr}`);
    }
    catch {
        return undefined;
    }
    const targets = tree?.stmts?.[0]?.stmt?.SelectStmt?.targetList;
    if (tree?.stmts?.length !== 1 || targets?.length !== 1)
        return undefined;
    const value = evaluate(targets[0]?.ResTarget?.val, 0);
    return typeof value === "string" ? value : undefined;
}
function evaluate(n, depth) {
    if (!n || depth > 32)
        return undefined;
    if (n.A_Const) {
        const c = n.A_Const;
        if (c.isnull)
            return null;
        if (c.sval)
            return c.sval.sval ?? "";
        if (c.ival)
            return String(c.ival.ival ?? 0);
        if (c.fval)
            return String(c.fval.fval);
        if (c.boolval)
            return c.boolval.boolval ? "true" : "false";
        return undefined;
    }
    if (n.TypeCast)
        return evaluate(n.TypeCast.arg, depth + 1);
    if (n.A_Expr && n.A_Expr.kind === "AEXPR_OP" && strings(n.A_Expr.name).join() === "||") {
        const [l, r] = [evaluate(n.A_Expr.lexpr, depth + 1), evaluate(n.A_Expr.rexpr, depth + 1)];
        return typeof l === "string" && typeof r === "string" ? l + r : undefined;
    }
    const fc = n.FuncCall;
    if (!fc)
        return undefined;
    const name = strings(fc.funcname)
        .filter((p) => p !== "pg_catalog")
        .join(".");
    const args = (fc.args ?? []).map((a) => evaluate(a, depth + 1));
    if (args.some((a) => a === undefined))
        return undefined;
    switch (name) {
        case "format":
            return typeof args[0] === "string" ? format(args[0], args.slice(1)) : undefined;
        case "quote_ident":
            return typeof args[0] === "string" ? quoteIdent(args[0]) : undefined;
        case "quote_literal":
        case "quote_nullable":
            return quoteLiteral(args[0]);
        case "concat":
            return args.map((a) => a ?? "").join("");
        default:
            return undefined;
    }
}
const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`;
const quoteLiteral = (s) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
/** PostgreSQL's format(): %s, %I, %L, %%, and positional %n$…; widths and flags make it unreadable. */
function format(spec, args) {
    let out = "";
    let next = 0;
    for (let i = 0; i < spec.length; i++) {
        const ch = spec[i];
        if (ch !== "%") {
            out += ch;
            continue;
        }
        const m = /^(?:(\d+)\$)?([sIL%])/.exec(spec.slice(i + 1));
        if (!m)
            return undefined;
        i += m[0].length;
        if (m[2] === "%") {
            out += "%";
            continue;
        }
        const index = m[1] ? Number(m[1]) - 1 : next;
        next = index + 1;
        if (index >= args.length)
            return undefined;
        const v = args[index];
        if (v === undefined)
            return undefined;
        out += m[2] === "I" ? (v === null ? undefined : quoteIdent(v)) : m[2] === "L" ? quoteLiteral(v) : (v ?? "");
        if (m[2] === "I" && v === null)
            return undefined;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/prisma-warnings.ts
// Prisma's own verdict: `prisma migrate dev` writes a `/* Warnings: … */` header naming the data a
// migration loses or the rows it can fail on. The linter reads it item by item; an item that no
// rule's finding covers is reported on its own (prisma-data-loss-warning).
const PATTERNS = [
    ["drop-column", /drop the column `([^`]+)` on the `([^`]+)` table/],
    ["drop-table", /drop the `([^`]+)` table/],
    ["recreate-column", /The `([^`]+)` column on the `([^`]+)` table would be dropped and recreated/],
    ["recreate-column", /Changed the type of `([^`]+)` on the `([^`]+)` table/],
    ["add-required-column", /Added the required column `([^`]+)` to the `([^`]+)` table/],
    ["add-required-column", /The required column `([^`]+)` was added to the `([^`]+)` table/],
    ["set-not-null", /Made the column `([^`]+)` on table `([^`]+)` required/],
    ["add-unique", /unique constraint covering the columns `\[([^\]]*)\]` on the table `([^`]+)`/],
    ["drop-enum-values", /The values? \[([^\]]*)\] on the enum `([^`]+)` will be removed/],
    ["drop-enum", /drop the enum `([^`]+)`/],
];
/** The items of a leading Warnings header, or [] when the migration has none. */
function parsePrismaWarnings(sql) {
    const head = /^\s*\/\*\s*\n?\s*Warnings:/.exec(sql);
    if (!head)
        return [];
    const end = sql.indexOf("*/", head.index);
    if (end < 0)
        return [];
    const body = sql.slice(0, end);
    const items = [];
    const re = /^([ \t]*)- (.+(?:\n(?![ \t]*- )(?![ \t]*$).+)*)/gm;
    for (const m of body.matchAll(re)) {
        const text = m[2].replace(/\s+/g, " ").trim();
        items.push({ ...classify(text), text, offset: m.index + m[1].length });
    }
    return items;
}
function classify(text) {
    for (const [kind, pattern] of PATTERNS) {
        const m = pattern.exec(text);
        if (!m)
            continue;
        switch (kind) {
            case "drop-table":
                return { kind, table: m[1] };
            case "drop-enum":
                return { kind, enumName: m[1] };
            case "drop-enum-values":
                return {
                    kind,
                    enumName: m[2],
                    values: m[1]
                        .split(",")
                        .map((v) => v.trim())
                        .filter(Boolean),
                };
            case "add-unique":
                return {
                    kind,
                    table: m[2],
                    values: m[1]
                        .split(",")
                        .map((v) => v.trim())
                        .filter(Boolean),
                };
            default:
                return { kind, column: m[1], table: m[2] };
        }
    }
    return { kind: "other" };
}

;// CONCATENATED MODULE: ./src/lint/rule-helpers.ts
// What several rules share: ALTER TABLE commands with their own offsets, subjects for matching
// Prisma's warnings, and the "new in this change set" note of destructive rules.

const NO_COMMANDS = [];
/** Listed once per statement: a dozen rules walk the same ALTER TABLE. */
const commandLists = new WeakMap();
/** The commands of an ALTER TABLE (not ALTER INDEX/VIEW …), each with where it starts. */
function alterCommands(stmt) {
    if (stmt.kind !== "AlterTableStmt" || (stmt.node.objtype && stmt.node.objtype !== "OBJECT_TABLE"))
        return NO_COMMANDS;
    let list = commandLists.get(stmt);
    if (!list) {
        list = (stmt.node.cmds ?? []).map((item, i) => ({ cmd: item.AlterTableCmd, offset: stmt.parts[i] ?? stmt.start }));
        commandLists.set(stmt, list);
    }
    return list;
}
function alterTarget(stmt) {
    return rangeVarKey(stmt.node.relation);
}
/** "User" / "User.email": table name without schema, as Prisma's warnings name them. */
function subjectOf(tableKey, column) {
    const name = tableKey.slice(tableKey.indexOf(".") + 1);
    return column === undefined ? name : `${name}.${column}`;
}
/** Severity and wording for a change to something created in this same change set. */
function newObjectNote(what) {
    return `${what} is created in this same change set (no rows, no readers yet), so nothing is lost; reported so the change is visible.`;
}
/** Whether the migration, anywhere, drops table `tableKey`. */
function dropsTable(ctx, tableKey) {
    return ctx.script.statements.some((s) => s.kind === "DropStmt" &&
        s.node.removeType === "OBJECT_TABLE" &&
        (s.node.objects ?? []).some((o) => o?.List && rangeVarKeyOfList(o.List.items) === tableKey));
}
function rangeVarKeyOfList(items) {
    const parts = (items ?? []).map((i) => i?.String?.sval ?? "");
    return parts.length > 1 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `public.${parts[0]}`;
}
/**
 * Columns a CREATE TABLE or ALTER TABLE (ADD COLUMN / ALTER COLUMN TYPE) gives a type matching
 * `isType`, with the offset to report each at: the shape of the "prefer type X" hygiene rules.
 */
function columnsOfType(ctx, isType) {
    const n = ctx.stmt.node;
    const found = [];
    if (ctx.stmt.kind === "CreateStmt") {
        for (const e of n.tableElts ?? [])
            if (e.ColumnDef && isType(columnInfo(e.ColumnDef).type))
                found.push({ column: e.ColumnDef.colname, offset: ctx.stmt.start });
        return { table: rangeVarKey(n.relation), found };
    }
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
        const def = cmd.def?.ColumnDef;
        if (cmd.subtype === "AT_AddColumn" && isType(columnInfo(def).type))
            found.push({ column: def.colname, offset });
        if (cmd.subtype === "AT_AlterColumnType" && isType(typeString(def?.typeName)))
            found.push({ column: cmd.name, offset });
    }
    return { table: alterTarget(ctx.stmt), found };
}

;// CONCATENATED MODULE: ./src/lint/rules/add-required-column.ts
// ADD COLUMN … NOT NULL without a default on a table that has rows: PostgreSQL cannot fill the
// column, so the migration fails as soon as the table is not empty.


const rule = {
    id: "add-required-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "data",
    summary: "Adding a NOT NULL column without a default fails on a table that has rows.",
    recipe: "Add the column nullable, or with a constant DEFAULT (instant since PostgreSQL 11). Deploy code that writes it, backfill existing rows in batches, then make it NOT NULL in a later migration (see set-not-null). In Prisma: first make the field optional (`String?`) or give it a `@default(...)`, and make it required in a later migration.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = columnInfo(cmd.def.ColumnDef);
            if (!c.notNull || c.defaultExpr !== undefined || c.generated)
                continue;
            hits.push({
                offset,
                subjects: [subjectOf(table, c.name)],
                message: `Adding NOT NULL column ${columnDisplay(table, c.name)} without a default fails if ${display(table)} has any rows. ` +
                    `Add it nullable (or with a DEFAULT), backfill it, then SET NOT NULL in a later migration.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/add-unique-constraint.ts
// A unique index or constraint on columns that already hold data: it fails on the first duplicate,
// and unless built CONCURRENTLY it blocks writes for the whole build.


function existingColumns(ctx, table, columns) {
    return columns.filter((c) => c !== "(expression)" && ctx.isExistingColumn(table, c));
}
const add_unique_constraint_rule = {
    id: "add-unique-constraint",
    scope: "statement",
    kinds: ["IndexStmt", "AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "A unique index or constraint on existing columns fails on duplicates and, unless CONCURRENTLY, blocks writes while it builds.",
    recipe: "Look for duplicates first (`SELECT col, count(*) FROM t GROUP BY col HAVING count(*) > 1`). Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` alone in its own migration (Prisma: `prisma migrate dev --create-only`, then edit the file). For a UNIQUE or PRIMARY KEY constraint, attach the finished index afterwards: `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i`.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "IndexStmt") {
            const table = rangeVarKey(n.relation);
            const cols = indexColumns(n.indexParams);
            if (!n.unique || !ctx.isExistingTable(table) || existingColumns(ctx, table, cols).length === 0)
                return [];
            const lock = n.concurrent
                ? ""
                : ` Built without CONCURRENTLY it holds a SHARE lock on ${display(table)} (blocks writes) for the whole build.`;
            hits.push({
                subjects: [subjectOf(table)],
                message: `Unique index on existing ${display(table)} (${cols.join(", ")}) fails if duplicate values exist.${lock} ` +
                    `Check for duplicates first, and create it with CREATE UNIQUE INDEX CONCURRENTLY alone in its own migration.`,
            });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            const con = cmd.def?.Constraint;
            if (cmd.subtype !== "AT_AddConstraint" || !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(con?.contype) || con.indexname)
                continue;
            const cols = strings(con.keys);
            if (existingColumns(ctx, table, cols).length === 0)
                continue;
            const kind = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE constraint";
            hits.push({
                offset,
                subjects: [subjectOf(table)],
                message: `${kind} on existing ${display(table)} (${cols.join(", ")}) builds its index under an ACCESS EXCLUSIVE lock (blocks reads and writes) and fails on duplicates${kind === "PRIMARY KEY" ? " or NULLs" : ""}. ` +
                    `Create a unique index CONCURRENTLY in its own migration first, then \`ADD CONSTRAINT … ${kind === "PRIMARY KEY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX …\`.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/blocking-maintenance-command.ts
// Maintenance commands that rewrite or lock a whole table: VACUUM FULL, CLUSTER, REINDEX and
// REFRESH MATERIALIZED VIEW without CONCURRENTLY. They belong in a maintenance window, not a deploy.


const NAMES = {
    VacuumStmt: "VACUUM FULL",
    ClusterStmt: "CLUSTER",
    ReindexStmt: "REINDEX",
    RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW",
};
const blocking_maintenance_command_rule = {
    id: "blocking-maintenance-command",
    scope: "statement",
    kinds: Object.keys(NAMES),
    severity: "warning",
    class: "locking",
    summary: "VACUUM FULL, CLUSTER, REINDEX or REFRESH MATERIALIZED VIEW without CONCURRENTLY locks a whole table in a migration.",
    recipe: "Keep maintenance out of schema migrations. Use `REINDEX \u2026 CONCURRENTLY` and `REFRESH MATERIALIZED VIEW CONCURRENTLY` (it needs a unique index); instead of VACUUM FULL or CLUSTER use pg_repack, or run them in a maintenance window.",
    check(ctx) {
        const locks = statementLocks(ctx.stmt, ctx.state).filter((l) => (l.mode === "ACCESS EXCLUSIVE" || l.mode === "SHARE") && ctx.isExistingTable(l.table));
        if (locks.length === 0)
            return [];
        const tables = locks.map((l) => display(l.table)).join(", ");
        return [
            {
                message: `${NAMES[ctx.stmt.kind]} takes ${locks[0].mode} on ${tables} for as long as it runs. ` +
                    `Use the CONCURRENTLY form (REINDEX … CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM FULL/CLUSTER) outside the migration.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/change-column-type.ts
// ALTER COLUMN … TYPE on a live table: it takes ACCESS EXCLUSIVE, and unless the new type is
// binary-compatible it rewrites the whole table (and every index) under that lock, and fails on the
// first value the cast rejects. Readers built for the old type break either way.


function mods(type) {
    const m = /\(([\d,]+)\)$/.exec(type.replace(/\[\]$/, ""));
    return m ? m[1].split(",").map(Number) : undefined;
}
/** Changes PostgreSQL makes without rewriting the table (binary-compatible widenings). */
function metadataOnly(from, to) {
    const arr = (t) => t.endsWith("[]");
    if (arr(from) !== arr(to))
        return false;
    const base = (t) => t.replace(/\[\]$/, "").replace(/\(.*\)$/, "");
    const [bf, bt] = [base(from), base(to)];
    const [mf, mt] = [mods(from), mods(to)];
    if ((bf === "varchar" || bf === "text") && bt === "text")
        return true;
    if (bf === "varchar" && bt === "varchar")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "text" && bt === "varchar")
        return mt === undefined;
    if (bf === "numeric" && bt === "numeric")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0] && (mt[1] ?? 0) === (mf[1] ?? 0));
    if (bf === "varbit" && bt === "varbit")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "cidr" && bt === "inet")
        return true;
    return false;
}
const change_column_type_rule = {
    id: "change-column-type",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "Changing a column's type in place rewrites the table under ACCESS EXCLUSIVE, can fail on existing values, and breaks readers.",
    recipe: "Expand and contract: add a new column of the new type, write both columns from the code, backfill the new one in batches, switch reads to it, then drop the old column in three phases. Widening varchar(n) to a larger n or to text, and numeric precision increases, need no rewrite, but still take ACCESS EXCLUSIVE and change what clients see.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AlterColumnType")
                continue;
            const name = columnDisplay(table, cmd.name);
            const to = typeString(cmd.def?.ColumnDef?.typeName);
            const from = ctx.state.column(table, cmd.name)?.type;
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Type of ${name} changes to ${to}. ${newObjectNote(name)}` });
                continue;
            }
            const using = cmd.def?.ColumnDef?.raw_default !== undefined;
            if (from && from === to && !using)
                continue;
            const was = from ? ` from ${from}` : "";
            if (from && !using && metadataOnly(from, to)) {
                hits.push({
                    offset,
                    subjects,
                    severity: "warning",
                    message: `Type of ${name} changes${was} to ${to} in place: no rewrite, but it takes ACCESS EXCLUSIVE and clients see a new type. Prefer a new column (expand/contract).`,
                });
                continue;
            }
            const tz = from?.startsWith("timestamp") && to.startsWith("timestamptz")
                ? " (timestamp → timestamptz skips the rewrite only when the session TimeZone is UTC)"
                : "";
            hits.push({
                offset,
                subjects,
                message: `Type of ${name} changes${was} to ${to} in place: PostgreSQL rewrites ${display(table)} and its indexes under ACCESS EXCLUSIVE (blocks reads and writes)${tz}${using ? ", and the USING cast fails the migration on the first value it rejects" : " and fails on any value the cast rejects"}. ` +
                    `Add a new column, backfill it in batches, switch readers, then drop the old one.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/concurrently-in-transaction.ts
function concurrent(kind, n) {
    if (kind === "IndexStmt" || kind === "DropStmt")
        return Boolean(n.concurrent);
    if (kind === "ReindexStmt")
        return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
    return false;
}
const concurrently_in_transaction_rule = {
    id: "concurrently-in-transaction",
    scope: "statement",
    kinds: ["IndexStmt", "DropStmt", "ReindexStmt"],
    severity: "error",
    class: "locking",
    summary: "A CONCURRENTLY statement must be alone in its migration file: Prisma runs a file as one transaction.",
    recipe: "Put each CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY alone in its own migration file, with no BEGIN/COMMIT and no other statement: Prisma then sends it as a single statement, outside a transaction block. If it fails halfway it leaves an INVALID index: drop it and deploy again.",
    check(ctx) {
        if (!concurrent(ctx.stmt.kind, ctx.stmt.node))
            return [];
        const others = ctx.script.statements.length - 1;
        const explicit = ctx.script.statements.some((s) => s.kind === "TransactionStmt");
        if (others === 0)
            return [];
        return [
            {
                message: `${ctx.stmt.text.split(/\s+/).slice(0, 3).join(" ")} … CONCURRENTLY shares this migration with ${others} other statement(s)${explicit ? " inside an explicit transaction" : ""}; ` +
                    `PostgreSQL refuses CONCURRENTLY inside a transaction block, and Prisma runs the whole file as one. Move it alone into its own migration file.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/constraint-not-valid.ts
// ADD CONSTRAINT … FOREIGN KEY / CHECK on a table with rows validates every row while holding its
// lock (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). Adding
// it NOT VALID is instant; VALIDATE CONSTRAINT later only takes SHARE UPDATE EXCLUSIVE.


const constraint_not_valid_rule = {
    id: "constraint-not-valid",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "A foreign key or check constraint added to an existing table without NOT VALID scans the table under a blocking lock.",
    recipe: "Add the constraint with NOT VALID (instant: only new rows are checked), then run `ALTER TABLE t VALIDATE CONSTRAINT c` in a later migration; validation takes only SHARE UPDATE EXCLUSIVE, so reads and writes continue. In Prisma, edit the generated migration (`--create-only`) to add NOT VALID and put the VALIDATE in the next one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            let con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : undefined;
            let label = con?.conname ? `"${con.conname}"` : "";
            if (cmd.subtype === "AT_AddColumn") {
                const c = columnInfo(cmd.def.ColumnDef);
                if (c.references && !c.references.notValid) {
                    con = {
                        contype: "CONSTR_FOREIGN",
                        pktable: { relname: c.references.table.split(".")[1], schemaname: c.references.table.split(".")[0] },
                    };
                    label = `on new column "${c.name}"`;
                }
            }
            if (!con || con.skip_validation)
                continue;
            if (con.contype === "CONSTR_FOREIGN") {
                const ref = display(rangeVarKey(con.pktable));
                const cols = strings(con.fk_attrs);
                hits.push({
                    offset,
                    message: `Foreign key ${label}${cols.length ? ` (${cols.join(", ")})` : ""} → ${ref} validates every row of existing ${display(table)} while holding SHARE ROW EXCLUSIVE on ${display(table)} and ${ref} (blocks writes to both). ` +
                        `Add it with NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration (it takes only SHARE UPDATE EXCLUSIVE).`,
                });
            }
            else if (con.contype === "CONSTR_CHECK") {
                hits.push({
                    offset,
                    message: `Check constraint ${label} scans every row of existing ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first violating row. ` +
                        `Add it NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/create-index-non-concurrently.ts
// CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every
// INSERT, UPDATE and DELETE waits. (Unique indexes are reported by add-unique-constraint.)

const create_index_non_concurrently_rule = {
    id: "create-index-non-concurrently",
    scope: "statement",
    kinds: ["IndexStmt"],
    severity: "warning",
    class: "locking",
    summary: "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build.",
    recipe: "Use `CREATE INDEX CONCURRENTLY`, alone in its own migration file (Prisma runs a file as one transaction, and CONCURRENTLY refuses to run in one). Create the migration with `prisma migrate dev --create-only` and add CONCURRENTLY by hand; schema.prisma's @@index stays as it is.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = rangeVarKey(n.relation);
        if (n.concurrent || n.unique || !ctx.isExistingTable(table))
            return [];
        return [
            {
                message: `CREATE INDEX${n.idxname ? ` "${n.idxname}"` : ""} on existing ${display(table)} holds a SHARE lock (blocks writes) until the index is built. ` +
                    `Use CREATE INDEX CONCURRENTLY, alone in its own migration file (Prisma runs a file as one transaction; edit the migration created with \`prisma migrate dev --create-only\`).`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/prisma-models.ts
// Just enough of schema.prisma to know which tables and columns Prisma Client still reads: models
// (table name from @@map, @@ignore) and their scalar fields (column from @map, @ignore). Prisma Client
// selects every scalar field of a model by default, so a column is only safe to drop once its field
// is gone from (or @ignore'd in) the deployed schema.
const SCALARS = new Set(["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"]);
function stripComments(text) {
    return text.replace(/\/\/.*$/gm, "");
}
/** Models by table name. Enums count as scalars (their type names are collected first). */
function parsePrismaModels(schemaText) {
    const text = stripComments(schemaText);
    const enums = new Set([...text.matchAll(/^\s*enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
    const models = new Map();
    for (const m of text.matchAll(/^\s*model\s+(\w+)\s*\{([^}]*)\}/gm)) {
        const name = m[1];
        const body = m[2];
        const table = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(body)?.[1] ?? name;
        const schema = /@@schema\(\s*"([^"]+)"/.exec(body)?.[1];
        const model = { name, table, ...(schema ? { schema } : {}), ignored: /@@ignore\b/.test(body), fields: new Map() };
        for (const line of body.split("\n")) {
            const f = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
            if (!f)
                continue;
            const [, fieldName, type, , , rest] = f;
            if (!SCALARS.has(type) && !enums.has(type))
                continue; // a relation field: no column
            const column = /@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(rest)?.[1] ?? fieldName;
            model.fields.set(column, { name: fieldName, column, ignored: /@ignore\b/.test(rest) });
        }
        models.set(schema ? `${schema}.${table}` : table, model);
    }
    return models;
}
/** The model of a table key ("schema.table"), trying the unqualified name for the default schema. */
function modelOf(models, tableKey) {
    const dot = tableKey.indexOf(".");
    return models.get(tableKey) ?? (tableKey.slice(0, dot) === "public" ? models.get(tableKey.slice(dot + 1)) : undefined);
}

;// CONCATENATED MODULE: ./src/lint/phases.ts
// 3-phase enforcement for DROP COLUMN / DROP TABLE. Removing data safely takes three deployments:
//   1. make it unnecessary in the database (column nullable; no foreign keys pointing at the table),
//   2. stop the code from reading it (for Prisma: @ignore the field / @@ignore the model, or delete it),
//   3. only then drop it.
// The evidence for 1 is the base state (migrations on the base branch); for 2 the base branch's
// schema.prisma. "Deployed to production" is a hook (`deployed`) that a production-aware caller can
// fill from the production database's _prisma_migrations; without it, "on the base branch" stands in.


function codePhase(evidence, table, column) {
    if (!evidence.baseModels)
        return "unknown";
    const model = modelOf(evidence.baseModels, table);
    if (!model || model.ignored)
        return "done";
    if (column === undefined)
        return "missing";
    const field = model.fields.get(column);
    return !field || field.ignored ? "done" : "missing";
}
/** How to give the linter the evidence it lacks (said in every "unknown" verdict). */
const EVIDENCE_HINT = "Give the evidence by linting the Prisma project against its base branch (`migrate-guard lint --working-directory DIR --base-ref REF`; the lint action: `working-directory`, `base-ref`), or, once checked by hand, ignore the finding with a reason.";
/**
 * Only evidence downgrades: a destructive change is a notice when both phases are shown to have
 * shipped, and stays an error when either is missing or unknown (file mode, no base branch).
 */
function verdict(missing, unknownEvidence, check) {
    if (missing.length)
        return { severity: "error", explanation: [...missing, ...unknownEvidence].join(" ") };
    if (unknownEvidence.length)
        return { severity: "error", explanation: `${unknownEvidence.join(" ")} Unknown is not safe: ${check} ${EVIDENCE_HINT}` };
    return { severity: "notice", explanation: "Phases 1 and 2 shipped on the base branch: the data loss is deliberate." };
}
function phase2Unknown(what) {
    return `Phase 2 unknown: without the base branch's schema.prisma nothing shows that deployed code stopped reading ${what}.`;
}
function deployedNote(evidence, migration) {
    if (!migration || !evidence.deployed)
        return undefined;
    return evidence.deployed(migration) === false
        ? `Phase 1 (migration ${migration}) is not deployed to production yet: deploy it first.`
        : undefined;
}
function dropColumnVerdict(ctx, table, column) {
    const col = ctx.state.column(table, column);
    const name = columnDisplay(table, column);
    const missing = [];
    if (col?.notNull) {
        missing.push(`Phase 1 missing: ${name} is NOT NULL. First ship a migration that makes it nullable (\`ALTER TABLE … ALTER COLUMN … DROP NOT NULL\`; in schema.prisma make the field optional) and deploy it everywhere.`);
    }
    else if (col?.nullableSince && ctx.groupOf(col.nullableSince) === ctx.group) {
        missing.push(`Phase 1 is in this same change (${col.nullableSince} makes it nullable): ship and deploy that migration first, then drop in a later one.`);
    }
    else {
        const note = deployedNote(ctx.evidence, col?.nullableSince);
        if (note)
            missing.push(note);
    }
    const unknown = [];
    if (!col)
        unknown.push(`Phase 1 unknown: no migration the linter saw creates ${name}, so nothing shows it was made nullable and deployed.`);
    const phase2 = codePhase(ctx.evidence, table, column);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has the field for ${name}, so deployed Prisma Client selects it and fails once it is gone. Mark the field \`@ignore\` (or remove its code references and the field) and deploy first.`);
    }
    else if (phase2 === "unknown")
        unknown.push(phase2Unknown(name));
    return verdict(missing, unknown, `make sure the column is nullable in production and no deployed code reads ${name} (Prisma: the field must be @ignore'd or removed in the deployed schema) before dropping it.`);
}
function dropTableVerdict(ctx, table, droppedHere) {
    const missing = [];
    // Foreign keys into the table from tables that stay: still there now, or removed only in this change.
    const remaining = ctx.state.foreignKeysInto(table).filter((fk) => !droppedHere.has(fk.from) && ctx.isExistingTable(fk.from));
    const removedNow = ctx.state.data.removedForeignKeys.filter((fk) => fk.to === table &&
        ctx.groupOf(fk.removedIn) === ctx.group &&
        !droppedHere.has(fk.from) &&
        ctx.isExistingTable(fk.from) &&
        ctx.groupOf(fk.createdIn) !== ctx.group);
    const refs = [...remaining, ...removedNow].map((fk) => `${display(fk.from)} (${fk.name})`);
    if (refs.length) {
        missing.push(`Phase 1 missing: ${[...new Set(refs)].join(", ")} still reference${refs.length === 1 ? "s" : ""} it on the base branch. First ship a migration that drops those foreign keys (and the code that follows them) and deploy it.`);
    }
    const unknown = [];
    if (!ctx.state.table(table))
        unknown.push(`Phase 1 unknown: no migration the linter saw creates ${display(table)}, so nothing shows that no foreign key still points at it.`);
    const phase2 = codePhase(ctx.evidence, table);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has its model, so deployed code can query it. Mark the model \`@@ignore\` (or remove it and its code) and deploy first.`);
    }
    else if (phase2 === "unknown")
        unknown.push(phase2Unknown(display(table)));
    return verdict(missing, unknown, `make sure no foreign key points at it and no deployed code queries ${display(table)} (Prisma: the model must be @@ignore'd or removed in the deployed schema) before dropping it.`);
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-column.ts
// DROP COLUMN: data loss, and deployed code that still reads the column breaks (Prisma Client
// selects every field of a model). Allowed only as the third phase, after the column was made
// nullable and the code stopped reading it, each deployed.



const drop_column_rule = {
    id: "drop-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a column loses its data and breaks deployed code that reads it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: make the column nullable (Prisma: make the field optional) so new code can stop writing it. 2: stop reading it: remove the code references and mark the field `@ignore` in schema.prisma (Prisma Client otherwise selects it on every query), or remove the field. 3: drop the column. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropColumn")
                continue;
            const name = columnDisplay(table, cmd.name);
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Drops ${name}. ${newObjectNote(name)}` });
                continue;
            }
            const v = dropColumnVerdict(ctx, table, cmd.name);
            hits.push({ offset, subjects, severity: v.severity, message: `Dropping ${name} deletes its data. ${v.explanation}` });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-database.ts
const drop_database_rule = {
    id: "drop-database",
    scope: "statement",
    kinds: ["DropdbStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP DATABASE in a migration deletes a whole database.",
    recipe: "Never drop a database from a migration. If a database must go, do it by hand after a backup, outside the deploy pipeline.",
    check(ctx) {
        return [
            {
                message: `DROP DATABASE "${ctx.stmt.node.dbname}" deletes the whole database. A migration must never do this; do it by hand, deliberately, if at all.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-enum-value.ts
// Removing values from an enum that existing rows may hold. PostgreSQL has no DROP VALUE, so tools
// (Prisma included) recreate the type: new type, ALTER COLUMN … TYPE new USING text cast, drop the
// old one. The cast fails on any row that still holds a removed value, and rewrites each table.
// Detected from the model (an existing enum lost values across the migration) and from Prisma's header.

const drop_enum_value_rule = {
    id: "drop-enum-value",
    scope: "migration",
    severity: "error",
    class: "destructive",
    summary: "Removing enum values fails on rows that still hold them and breaks code that writes them.",
    recipe: "First stop writing the value (deploy), then update the rows that hold it to another value in batches, then recreate the enum without it in a later migration. Expect the recreation to rewrite every table that uses the enum: do it for small tables only, or keep the value and stop using it.",
    check(ctx) {
        const hits = [];
        const reported = new Set();
        // Enum records are replaced on change, never edited: an unchanged migration removed nothing.
        for (const [k, before] of ctx.enumsChanged ? Object.entries(ctx.enumsAtStart) : []) {
            if (ctx.groupOf(before.createdIn) === ctx.group)
                continue;
            const after = ctx.state.enumType(k);
            if (!after)
                continue; // dropped entirely: no column can still use it
            const removed = before.values.filter((v) => !after.values.includes(v));
            if (removed.length === 0)
                continue;
            const name = k.slice(k.indexOf(".") + 1);
            // Anchor at the statement that put the new type in place (RENAME … TO the enum's name).
            const at = ctx.script.statements.find((s) => s.kind === "RenameStmt" && s.node.renameType === "OBJECT_TYPE" && s.node.newname === name) ??
                ctx.script.statements.find((s) => s.kind === "AlterEnumStmt" && listKey(s.node.typeName) === k);
            reported.add(name);
            hits.push({ ...(at ? { offset: at.start } : {}), subjects: [name], message: message(display(k), removed) });
        }
        for (const w of ctx.prismaWarnings) {
            if (w.kind !== "drop-enum-values" || !w.enumName || reported.has(w.enumName))
                continue;
            const before = ctx.enumsAtStart[key(undefined, w.enumName)];
            if (before && ctx.groupOf(before.createdIn) === ctx.group)
                continue; // new in this change set: no rows hold it
            hits.push({ offset: w.offset, subjects: [w.enumName], message: message(`"${w.enumName}"`, w.values ?? []) });
        }
        return hits;
    },
};
function message(name, removed) {
    return (`Removes value(s) ${removed.map((v) => `'${v}'`).join(", ")} from enum ${name}: the migration fails if any row still holds one, rewrites every table that uses the enum, and deployed code that writes them breaks. ` +
        `First stop writing the values and migrate the rows (deploy), then remove them.`);
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-foreign-key.ts
// Dropping a foreign key (Atlas CD101): PostgreSQL stops guaranteeing the relation, and rows that
// point nowhere can appear. Not reported when the same migration re-creates it (Prisma changes ON
// DELETE that way) or drops the column/table anyway (drop-column / drop-table report that).


function recreated(ctx, table, name, columns) {
    return ctx.script.statements.some((s) => s.index > ctx.stmt.index &&
        s.kind === "AlterTableStmt" &&
        rangeVarKey(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => {
            const con = cmd.def?.Constraint;
            return (cmd.subtype === "AT_AddConstraint" &&
                con?.contype === "CONSTR_FOREIGN" &&
                (con.conname === name || strings(con.fk_attrs).join(",") === columns.join(",")));
        }));
}
function columnDropped(ctx, table, columns) {
    return ctx.script.statements.some((s) => s.kind === "AlterTableStmt" &&
        rangeVarKey(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => cmd.subtype === "AT_DropColumn" && columns.includes(cmd.name)));
}
const drop_foreign_key_rule = {
    id: "drop-foreign-key",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "destructive",
    summary: "Dropping a foreign key stops PostgreSQL from enforcing the relation.",
    recipe: "Keep foreign keys unless the relation itself is going away; then drop the referencing column in three phases (drop-column), which removes the constraint with it. To change ON DELETE/ON UPDATE, drop and re-add the constraint in the same migration (re-add it NOT VALID and validate later).",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table) || dropsTable(ctx, table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropConstraint")
                continue;
            const fk = ctx.state.table(table)?.foreignKeys[cmd.name];
            // No history for the table (file mode): a constraint named like Prisma's foreign keys is one,
            // as far as anyone can tell. Unknown is not safe: reported, saying what is unknown.
            if (!fk &&
                !ctx.state.table(table) &&
                /_fkey$/.test(cmd.name ?? "") &&
                !recreated(ctx, table, cmd.name, []) &&
                !dropsTable(ctx, table)) {
                hits.push({
                    offset,
                    message: `Dropping constraint "${cmd.name}" of ${display(table)}: named like a foreign key, and no migration the linter saw defines it, so what it protects is unknown. If it is a foreign key, rows can then point at rows that do not exist. Lint the Prisma project (\`--working-directory DIR --base-ref REF\`) to give the linter its definition.`,
                });
                continue;
            }
            if (!fk || ctx.groupOf(fk.createdIn) === ctx.group)
                continue;
            if (recreated(ctx, table, fk.name, fk.columns) || columnDropped(ctx, table, fk.columns) || dropsTable(ctx, fk.to))
                continue;
            hits.push({
                offset,
                message: `Dropping foreign key "${fk.name}" (${display(table)}.${fk.columns.join(", ")} → ${display(fk.to)}) lets rows point at ${display(fk.to)} rows that do not exist. ` +
                    `If the relation is going away, drop the column (three phases); if not, keep the constraint.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-index-non-concurrently.ts
// DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table: it waits for every
// running query on the table and blocks all new ones (reads too) behind it.

const drop_index_non_concurrently_rule = {
    id: "drop-index-non-concurrently",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "warning",
    class: "locking",
    summary: "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table.",
    recipe: "Use `DROP INDEX CONCURRENTLY`, alone in its own migration file. Make sure no query plan still needs the index (check pg_stat_user_indexes.idx_scan) before dropping it.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_INDEX" || n.concurrent)
            return [];
        const hits = [];
        for (const obj of n.objects ?? []) {
            const k = dropObjectKey(obj);
            const index = ctx.state.index(k);
            if (index && (ctx.groupOf(index.createdIn) === ctx.group || !ctx.isExistingTable(index.table)))
                continue;
            const on = index ? ` on existing ${display(index.table)}` : "";
            hits.push({
                message: `DROP INDEX ${display(k)}${on} takes ACCESS EXCLUSIVE (blocks reads and writes) while it waits for running queries. ` +
                    `Use DROP INDEX CONCURRENTLY, alone in its own migration file.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-not-null.ts
// DROP NOT NULL on a live column: readers that assume a value start seeing NULL. It is also phase 1
// of dropping a column, which is fine once the code handles NULL.


const drop_not_null_rule = {
    id: "drop-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "breaking",
    summary: "Dropping NOT NULL lets NULLs reach readers that assume a value.",
    recipe: "Ship code that handles NULL in this column before the migration that drops NOT NULL. As phase 1 of dropping a column, this is the right first step: deploy it everywhere, then remove the code that reads the column.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            hits.push({
                offset,
                message: `${columnDisplay(table, cmd.name)} becomes nullable: deployed code that assumes a value will read NULL once anything writes one. ` +
                    `Ship code that handles NULL first. (As phase 1 of dropping the column this is the right step.)`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-schema.ts
const drop_schema_rule = {
    id: "drop-schema",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP SCHEMA deletes every table and type in the schema.",
    recipe: "Drop the objects in the schema one by one, each table through the three phases (drop-table); drop the empty schema last, without CASCADE.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_SCHEMA")
            return [];
        const names = (n.objects ?? []).map((o) => `"${o.String?.sval ?? "?"}"`).join(", ");
        const cascade = n.behavior === "DROP_CASCADE"
            ? " CASCADE drops every table, type and function in it, with their data."
            : " It fails unless the schema is empty; with CASCADE it would delete everything in it.";
        return [{ message: `DROP SCHEMA ${names}.${cascade} Drop the objects one by one, each through the three phases.` }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-table.ts
// DROP TABLE: all of its data is gone, and deployed code that queries it breaks. Allowed only as the
// third phase: no foreign keys from existing tables point at it, and the code no longer uses it.



const drop_table_rule = {
    id: "drop-table",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a table loses its data and breaks deployed code that queries it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: drop the foreign keys that point at the table from other tables (and the code that follows them). 2: stop using it: remove the code and mark the model `@@ignore` in schema.prisma, or remove the model. 3: drop the table. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_TABLE")
            return [];
        const tables = (n.objects ?? []).map(dropObjectKey);
        // Tables dropped by this migration do not keep each other alive.
        const droppedHere = new Set(ctx.script.statements
            .filter((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE")
            .flatMap((s) => (s.node.objects ?? []).map(dropObjectKey)));
        const hits = [];
        for (const table of tables) {
            const subjects = [subjectOf(table)];
            if (n.missing_ok && ctx.completeHistory && !ctx.state.table(table)) {
                hits.push({
                    subjects,
                    severity: "notice",
                    message: `DROP TABLE IF EXISTS ${display(table)}: no migration before this one creates it, so this is a no-op (unless it was created outside the migrations).`,
                });
                continue;
            }
            if (!ctx.isExistingTable(table)) {
                hits.push({ subjects, severity: "notice", message: `Drops ${display(table)}. ${newObjectNote(display(table))}` });
                continue;
            }
            const v = dropTableVerdict(ctx, table, droppedHere);
            const cascade = n.behavior === "DROP_CASCADE" ? " CASCADE also drops every view and foreign key that depends on it, silently." : "";
            hits.push({
                subjects,
                severity: v.severity,
                message: `Dropping ${display(table)} deletes all of its rows.${cascade} ${v.explanation}`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/file-encoding.ts
const file_encoding_rule = {
    id: "file-encoding",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "The migration file has a byte order mark, a NUL byte or text that is not UTF-8.",
    recipe: "Save the file as UTF-8 without BOM and remove NUL bytes (`file migration.sql` and `iconv -f WINDOWS-1252 -t UTF-8` help). A migration already applied somewhere keeps its checksum: fix it in a new migration rather than editing the file (Prisma would report the applied one as modified).",
};

;// CONCATENATED MODULE: ./src/lint/rules/identifier-too-long.ts
// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1) with only a NOTICE: two long
// names that share a prefix collide, and the name in the database differs from the one written. The
// parser has already truncated the names in the AST, so a name that reaches the limit sends the rule
// to the scanner's tokens for the name as written.



/** Names a statement defines (not the ones it only refers to). */
function definedNames(kind, n) {
    switch (kind) {
        case "CreateStmt":
            return [n.relation?.relname, ...(n.tableElts ?? []).map((e) => e.ColumnDef?.colname ?? e.Constraint?.conname)];
        case "IndexStmt":
            return [n.idxname];
        case "CreateEnumStmt":
            return [listKey(n.typeName).split(".").pop()];
        case "RenameStmt":
            return [n.newname];
        default:
            return [];
    }
}
const AT_LIMIT = 60; // a truncated name is 63 bytes, or a little less when cut before a multi-byte character
const identifier_too_long_rule = {
    id: "identifier-too-long",
    scope: "statement",
    kinds: ["CreateStmt", "IndexStmt", "CreateEnumStmt", "RenameStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "An identifier longer than 63 bytes is silently truncated by PostgreSQL.",
    recipe: 'Keep identifiers at 63 bytes or less. In Prisma, name long indexes, unique constraints and foreign keys explicitly with `map: "..."` on @@index, @@unique, @unique and @relation, or shorten the model/field names with @@map/@map.',
    check(ctx) {
        const names = definedNames(ctx.stmt.kind, ctx.stmt.node);
        for (const { cmd } of alterCommands(ctx.stmt))
            names.push(cmd.def?.ColumnDef?.colname ?? cmd.def?.Constraint?.conname);
        const truncated = new Set(names.filter((n) => n !== undefined && Buffer.byteLength(n, "utf8") >= AT_LIMIT));
        if (truncated.size === 0)
            return [];
        const long = identifierTokens(ctx.stmt.text).filter((t) => t.bytes > 63 && [...truncated].some((n) => t.name.startsWith(n)));
        return [...new Map(long.map((t) => [t.name, t])).values()].map((t) => ({
            message: `Identifier "${t.name}" is ${t.bytes} bytes; PostgreSQL truncates it to 63, so the name in the database differs from the one written here (and may collide with another). ` +
                `Choose a shorter name (Prisma: \`map:\` on @@index/@@unique/@relation, or @map/@@map).`,
        }));
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/ignore-without-reason.ts
const ignore_without_reason_rule = {
    id: "ignore-without-reason",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "A migrate-guard-ignore directive needs a reason after a colon.",
    recipe: "Write the reason after a colon: `-- migrate-guard-ignore drop-column: column unused since v2.3, dropped after phase 2`. Reviewers read it; the directive suppresses nothing without one.",
};

;// CONCATENATED MODULE: ./src/lint/rules/measured-lock.ts
const measured_lock_rule = {
    id: "measured-lock",
    scope: "builtin",
    severity: "notice",
    class: "locking",
    summary: "The lock a new migration was measured to take on an existing table (verify only).",
    recipe: "Informational. ACCESS EXCLUSIVE blocks reads and writes, SHARE and stronger block writes, for as long as the migration's transaction runs: compare it with the locking rules' findings, and keep such migrations short, one table each, with a lock_timeout.",
};

;// CONCATENATED MODULE: ./src/lint/rules/missing-lock-timeout.ts
// A statement that needs ACCESS EXCLUSIVE on a busy table waits behind every running query, and
// every query that arrives after it waits behind it: the table is down until the lock is granted.
// `SET lock_timeout` makes the migration fail fast instead (and it can be retried).

/** `SET [LOCAL] lock_timeout …` or `SELECT set_config('lock_timeout', …)`, other than 0 (= no timeout). */
function setsLockTimeout(stmt) {
    const n = stmt.node;
    if (stmt.kind === "VariableSetStmt") {
        if (n.name !== "lock_timeout" || n.kind !== "VAR_SET_VALUE")
            return false;
        const arg = n.args?.[0]?.A_Const;
        return !(arg?.ival !== undefined && (arg.ival.ival ?? 0) === 0) && arg?.sval?.sval !== "0";
    }
    if (stmt.kind === "SelectStmt") {
        return (n.targetList ?? []).some((t) => {
            const fc = t.ResTarget?.val?.FuncCall;
            return fc && strings(fc.funcname).at(-1) === "set_config" && fc.args?.[0]?.A_Const?.sval?.sval === "lock_timeout";
        });
    }
    return false;
}
const missing_lock_timeout_rule = {
    id: "missing-lock-timeout",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on an existing table should set lock_timeout first.",
    recipe: "Start the migration with `SET lock_timeout = '5s';` (pick what the application tolerates). The statement then fails after that long instead of queueing everyone behind it; retry the deploy at a quieter moment. It stays in effect for the rest of the migration.",
    check(ctx) {
        const first = ctx.locks.find((l) => l.existing && l.mode === "ACCESS EXCLUSIVE");
        if (!first)
            return [];
        const setBefore = ctx.script.statements.some((s) => s.index < first.stmt.index && setsLockTimeout(s));
        if (setBefore)
            return [];
        const tables = [...new Set(ctx.locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE").map((l) => display(l.table)))];
        return [
            {
                offset: first.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on existing ${tables.join(", ")} with no lock_timeout: while it waits for a long-running query, every read and write of ${tables.length === 1 ? "that table" : "those tables"} queues behind it. ` +
                    `Start the migration with \`SET lock_timeout = '5s';\` so it fails fast (and can be retried) instead.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/parse-error.ts
const parse_error_rule = {
    id: "parse-error",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "The migration is not valid PostgreSQL SQL.",
    recipe: "Fix the SQL: run it against a scratch database (`migrate-guard verify` does) and correct the statement at the reported position.",
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-bigint-key.ts
// A new integer primary key runs out at 2,147,483,647 rows; widening it later rewrites the table and
// every referencing one. bigint (Prisma: BigInt @default(autoincrement())) costs 4 bytes per row.


const SMALL = new Set(["integer", "smallint", "serial", "smallserial"]);
const prefer_bigint_key_rule = {
    id: "prefer-bigint-key",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "New integer primary keys should be bigint (or bigint identity): int runs out at 2^31.",
    recipe: "Use bigint keys: `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or in Prisma `id BigInt @id @default(autoincrement())`. String ids (cuid, uuid) need nothing.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "CreateStmt") {
            const table = rangeVarKey(n.relation);
            const cols = (n.tableElts ?? [])
                .filter((e) => e.ColumnDef)
                .map((e) => columnInfo(e.ColumnDef));
            const pk = (n.tableElts ?? [])
                .map((e) => e.Constraint)
                .find((c) => c?.contype === "CONSTR_PRIMARY");
            const pkCols = pk
                ? strings(pk.keys)
                : cols.filter((c) => c.primaryKey).map((c) => c.name);
            if (pkCols.length !== 1)
                return [];
            const col = cols.find((c) => c.name === pkCols[0]);
            if (col && SMALL.has(col.type))
                hits.push({ message: prefer_bigint_key_message(`${display(table)}."${col.name}"`, col.type) });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = columnInfo(cmd.def.ColumnDef);
            if (c.primaryKey && SMALL.has(c.type))
                hits.push({ offset, message: prefer_bigint_key_message(`${display(table)}."${c.name}"`, c.type) });
        }
        return hits;
    },
};
function prefer_bigint_key_message(column, type) {
    return (`Primary key ${column} is ${type}: it runs out at ${type.startsWith("small") ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table and every table that references it. ` +
        `Use bigint (\`bigint GENERATED ALWAYS AS IDENTITY\`; Prisma: \`BigInt @id @default(autoincrement())\`).`);
}

;// CONCATENATED MODULE: ./src/lint/rules/prefer-jsonb.ts
// json stores the text as written and re-parses it on every access; it has no equality operator (so
// no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is what Prisma's Json maps to.


const isJson = (type) => type.replace(/\[\]$/, "") === "json";
const prefer_jsonb_rule = {
    id: "prefer-jsonb",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use jsonb, not json, for new columns.",
    recipe: "Use jsonb (Prisma's Json type maps to jsonb by default; remove `@db.Json`). To convert an existing column, see change-column-type: it rewrites the table.",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isJson);
        if (found.length === 0)
            return [];
        return [
            {
                offset: found[0].offset,
                message: `${found.map((f) => `${display(table)}."${f.column}"`).join(", ")} ${found.length === 1 ? "is" : "are"} json: re-parsed on every read, no equality (DISTINCT, GROUP BY, unique) and no GIN index. Use jsonb.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-timestamptz.ts
// timestamp (without time zone) stores wall-clock readings with no zone: values written from servers
// or sessions in different zones are silently inconsistent. Prisma's DateTime maps to timestamp(3)
// unless the field says @db.Timestamptz.


const isTimestamp = (type) => /^timestamp(\(\d+\))?(\[\])?$/.test(type);
const prefer_timestamptz_rule = {
    id: "prefer-timestamptz",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use timestamptz, not timestamp without time zone, for new columns.",
    recipe: "Use timestamptz for new columns (Prisma: `DateTime @db.Timestamptz(3)`). It stores an instant; each session sees it in its own TimeZone. Converting an existing column rewrites the table unless the session TimeZone is UTC (see change-column-type).",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isTimestamp);
        if (found.length === 0)
            return [];
        const cols = found.map((f) => `"${f.column}"`).join(", ");
        return [
            {
                offset: found[0].offset,
                message: `${display(table)} ${cols} ${found.length === 1 ? "is" : "are"} timestamp without time zone: the value carries no zone, so readings from sessions in other zones disagree. ` +
                    `Use timestamptz (Prisma: \`DateTime @db.Timestamptz(3)\`).`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/prisma-data-loss-warning.ts
// An item of Prisma's `/* Warnings: … */` header that no finding accounts for. The parsed statements
// are authoritative: an item about a statement the author edited away (the column still exists at
// the end of the migration, a backfill made the required column safe) is stale and dropped. What is
// left is data loss the statement rules could not see (a drop inside dynamic SQL) or a warning kind
// they do not model.

const prisma_data_loss_warning_rule = {
    id: "prisma-data-loss-warning",
    scope: "builtin",
    severity: "warning",
    class: "destructive",
    summary: "Prisma's generated Warnings header names a data loss that no other rule reports.",
    recipe: "Read the warning, check that the SQL does what you intend, and follow the recipe of the matching rule (drop-column, drop-table, drop-enum-value). If the data loss is intended, say so with an ignore directive and its reason.",
};
const COVERED_BY = {
    "drop-column": ["drop-column", "change-column-type", "prisma-rename-pattern"],
    "drop-table": ["drop-table"],
};
/** Statements whose effect the model cannot see (dynamic SQL, procedures). */
const OPAQUE = new Set(["DoStmt", "CallStmt", "ExecuteStmt", "CreateFunctionStmt"]);
function uncoveredPrismaWarnings(warnings, findings, endState, statementKinds) {
    // With opaque statements around, "still there at the end" proves nothing: keep Prisma's word.
    const opaque = statementKinds.some((k) => OPAQUE.has(k));
    return warnings.filter((w) => {
        const subject = w.enumName ?? (w.column ? `${w.table}.${w.column}` : w.table);
        const covered = (rules) => findings.some((f) => rules.includes(f.rule) && subject !== undefined && f.subjects?.includes(subject));
        switch (w.kind) {
            case "drop-column":
                return !covered(COVERED_BY[w.kind]) && (opaque || !endState.column(key(undefined, w.table), w.column));
            case "drop-table":
                return !covered(COVERED_BY[w.kind]) && (opaque || !endState.table(key(undefined, w.table)));
            case "drop-enum":
                return !endState.enumType(key(undefined, w.enumName));
            case "other":
                return true;
            // Structural rules decide these (drop-enum-value reads its items itself); a statement edited
            // into a safe form makes the item stale.
            default:
                return false;
        }
    });
}

;// CONCATENATED MODULE: ./src/lint/rules/prisma-rename-pattern.ts
// Prisma cannot tell a rename from a drop plus an add: renaming a field (without @map) generates
// DROP COLUMN "old" + ADD COLUMN "new" of the same type, and the data of "old" is gone. Reported at
// the ADD COLUMN, pairing each added column with a dropped one of the same table: of the same type
// when both types are known, and any dropped column whose type is unknown (no history for it: file
// mode) — unknown is not safe, and the message says the types could not be compared.


const prisma_rename_pattern_rule = {
    id: "prisma-rename-pattern",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "DROP COLUMN + ADD COLUMN of the same type (or of unknown types) in one migration is a rename that loses the data.",
    recipe: 'To rename a field only in Prisma Client, keep the column: rename the field and add `@map("old_name")` (for a model, `@@map`). To rename the column itself, expand and contract: add the new column, write both, backfill, switch reads, then drop the old one in three phases. `prisma migrate dev --create-only` lets you replace the generated DROP/ADD with that.',
    check(ctx) {
        // A rename needs an added column: without one there is nothing to pair a dropped column with.
        const commands = alterCommands(ctx.stmt);
        if (!commands.some(({ cmd }) => cmd.subtype === "AT_AddColumn"))
            return [];
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        // Existing columns of this table dropped earlier in the migration (their state is known), then
        // those whose state is unknown, then the ones this statement drops.
        const dropped = ctx.state.droppedColumns
            .filter((d) => d.table === table && ctx.groupOf(d.column.createdIn) !== ctx.group)
            .map((d) => ({ name: d.column.name, type: d.column.type }));
        for (const s of ctx.script.statements) {
            if (s.index >= ctx.stmt.index || s.kind !== "AlterTableStmt" || alterTarget(s) !== table)
                continue;
            for (const { cmd } of alterCommands(s)) {
                if (cmd.subtype === "AT_DropColumn" &&
                    !ctx.state.column(table, cmd.name) &&
                    !dropped.some((d) => d.name === cmd.name) &&
                    !ctx.state.droppedColumns.some((d) => d.table === table && d.column.name === cmd.name))
                    dropped.push({ name: cmd.name });
            }
        }
        const hits = [];
        for (const { cmd, offset } of commands) {
            if (cmd.subtype === "AT_DropColumn" && ctx.isExistingColumn(table, cmd.name)) {
                const type = ctx.state.column(table, cmd.name)?.type;
                dropped.push(type ? { name: cmd.name, type } : { name: cmd.name });
            }
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = columnInfo(cmd.def.ColumnDef);
            let i = dropped.findIndex((d) => d.type === c.type && d.name !== c.name);
            if (i < 0)
                i = dropped.findIndex((d) => d.type === undefined && d.name !== c.name);
            if (i < 0)
                continue;
            const old = dropped.splice(i, 1)[0];
            const types = old.type
                ? `(${c.type})`
                : `(types unknown: no migration the linter saw creates ${columnDisplay(table, old.name)}; the new one is ${c.type})`;
            hits.push({
                offset,
                subjects: [subjectOf(table, old.name)],
                message: `Looks like a rename of ${columnDisplay(table, old.name)} to "${c.name}" ${types}: this migration drops the old column and adds an empty new one, so the data is lost. ` +
                    `To rename in Prisma keep the column (\`@map("${old.name}")\` on the renamed field); to really move it, add the new column, backfill, switch code, then drop the old one in three phases.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-column.ts
// RENAME COLUMN is instant, and that is the problem: every deployed reader and writer of the old
// name fails the moment the migration commits.


const rename_column_rule = {
    id: "rename-column",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a column breaks every deployed query that uses the old name.",
    recipe: 'Keep the database name and rename only in Prisma (`@map("old_name")` on the renamed field). To rename the column itself: add the new column, write both from the code, backfill, switch reads, then drop the old column in three phases.',
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_COLUMN" || !n.relation)
            return [];
        const table = rangeVarKey(n.relation);
        const old = columnDisplay(table, n.subname);
        const subjects = [subjectOf(table, n.subname)];
        if (!ctx.isExistingColumn(table, n.subname))
            return [{ subjects, severity: "notice", message: `Renames ${old} to "${n.newname}". ${newObjectNote(old)}` }];
        return [
            {
                subjects,
                message: `Renaming ${old} to "${n.newname}" breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the field and keep the column with \`@map("${n.subname}")\`; to rename the column itself, add the new one, write both, backfill, switch reads, then drop the old one.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-enum-value.ts
// ALTER TYPE … RENAME VALUE: rows follow the new label at once, and deployed code that writes or
// compares the old label fails ("invalid input value for enum").

const rename_enum_value_rule = {
    id: "rename-enum-value",
    scope: "statement",
    kinds: ["AlterEnumStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming an enum value breaks deployed code that writes or compares the old value.",
    recipe: "Add the new value (`ALTER TYPE \u2026 ADD VALUE`), deploy code that writes the new value and accepts both, update the rows in batches, then stop accepting the old value (and remove it later, see drop-enum-value).",
    check(ctx) {
        const n = ctx.stmt.node;
        if (!n.oldVal)
            return [];
        const k = listKey(n.typeName);
        const e = ctx.state.enumType(k);
        if (e && ctx.groupOf(e.createdIn) === ctx.group)
            return [];
        return [
            {
                subjects: [k.slice(k.indexOf(".") + 1)],
                message: `Renaming value '${n.oldVal}' of enum ${display(k)} to '${n.newVal}' breaks deployed code that writes or compares '${n.oldVal}' the moment it commits. ` +
                    `Add the new value, ship code that writes it and accepts both, migrate the rows, then retire the old one.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-table.ts
// RENAME TABLE: every deployed query that names the old table fails the moment it commits.


const rename_table_rule = {
    id: "rename-table",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a table breaks every deployed query that uses the old name.",
    recipe: 'Keep the table name and rename only in Prisma (`@@map("OldName")` on the renamed model). To rename the table itself: rename it and create a view with the old name in the same migration, deploy code that uses the new name, then drop the view.',
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_TABLE" || !n.relation)
            return [];
        const table = rangeVarKey(n.relation);
        const to = display(key(n.relation.schemaname, n.newname));
        const subjects = [subjectOf(table)];
        if (!ctx.isExistingTable(table))
            return [{ subjects, severity: "notice", message: `Renames ${display(table)} to ${to}. ${newObjectNote(display(table))}` }];
        return [
            {
                subjects,
                message: `Renaming ${display(table)} to ${to} breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the model and keep the table with \`@@map("${n.relation.relname}")\`; to rename the table itself, create a view with the old name during the transition, or copy in phases.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/set-not-null.ts
// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (blocks reads and writes) and fails on
// the first NULL. Since PostgreSQL 12 a valid CHECK (col IS NOT NULL) constraint lets it skip the scan.


const set_not_null_rule = {
    id: "set-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE and fails on NULLs.",
    recipe: "Backfill the NULLs first (in batches). Then add `CHECK (col IS NOT NULL) NOT VALID`, validate it in a later migration (SHARE UPDATE EXCLUSIVE only), and run SET NOT NULL after that: PostgreSQL 12+ uses the validated check and skips the scan. Drop the check afterwards.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_SetNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            const col = columnDisplay(table, cmd.name);
            hits.push({
                offset,
                subjects: [subjectOf(table, cmd.name)],
                message: `SET NOT NULL on ${col} scans all of ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first NULL. ` +
                    `Backfill first; then add \`CHECK ("${cmd.name}" IS NOT NULL) NOT VALID\`, VALIDATE it in a later migration, and SET NOT NULL after that (PostgreSQL 12+ skips the scan).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/several-access-exclusive.ts
// Prisma runs a migration as one transaction, so every lock is held until the end: ACCESS EXCLUSIVE
// on several existing tables means each waits while the next is acquired (and deadlocks with
// application transactions that touch them in another order become possible).

const several_access_exclusive_rule = {
    id: "several-access-exclusive",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on several existing tables holds all of them until it commits.",
    recipe: "Put statements that need ACCESS EXCLUSIVE on different existing tables into separate migrations, each with a lock_timeout, so each table is locked only for its own statement and a failure leaves the others done.",
    check(ctx) {
        const tables = [];
        let second;
        for (const l of ctx.locks) {
            if (!l.existing || l.mode !== "ACCESS EXCLUSIVE" || tables.includes(l.table))
                continue;
            tables.push(l.table);
            if (tables.length === 2)
                second = l;
        }
        if (!second)
            return [];
        return [
            {
                offset: second.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on ${tables.length} existing tables (${tables.map(display).join(", ")}) in one transaction: each stays blocked for reads and writes until the whole migration commits, and lock-order deadlocks with the application become possible. ` +
                    `Split it into one migration per table.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/truncate.ts
// TRUNCATE deletes every row at once (no WHERE, no triggers per row) under ACCESS EXCLUSIVE.

const truncate_rule = {
    id: "truncate",
    scope: "statement",
    kinds: ["TruncateStmt"],
    severity: "error",
    class: "destructive",
    summary: "TRUNCATE deletes every row of an existing table.",
    recipe: "Do not empty live tables in a migration. If the data really must go, delete it in batches (or TRUNCATE in a maintenance window), and document it with an ignore directive and its reason.",
    check(ctx) {
        const tables = (ctx.stmt.node.relations ?? [])
            .map((r) => rangeVarKey(r.RangeVar))
            .filter((t) => ctx.isExistingTable(t));
        if (tables.length === 0)
            return [];
        const cascade = ctx.stmt.node.behavior === "DROP_CASCADE" ? " CASCADE also empties every table that references them." : "";
        return [
            {
                message: `TRUNCATE deletes every row of ${tables.map(display).join(", ")}.${cascade} If the data must go, say so in an ignore with the reason; otherwise delete only what must be deleted.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/unchecked-sql.ts
const unchecked_sql_rule = {
    id: "unchecked-sql",
    scope: "builtin",
    severity: "notice",
    class: "meta",
    summary: "SQL inside a DO block or function body that the linter could not read, so it was not checked.",
    recipe: "Write the statements directly in the migration (or in the DO block) instead of building them at run time, or use `EXECUTE` with a constant string or `format()` with a constant format string and constant arguments, which the linter reads and checks. Otherwise review what it runs by hand and ignore the notice with a reason.",
};

;// CONCATENATED MODULE: ./src/lint/rules/unused-ignore.ts
const unused_ignore_rule = {
    id: "unused-ignore",
    scope: "builtin",
    severity: "warning",
    class: "meta",
    summary: "A migrate-guard-ignore directive suppresses nothing.",
    recipe: "Remove the directive, or fix its rule id (see the rule list). Directives must name the rule that fires on the statement right after them, or use `migrate-guard-ignore-file` for the whole file.",
};

;// CONCATENATED MODULE: ./src/lint/rules/update-without-where.ts
// UPDATE or DELETE without WHERE on a table with rows, inside the migration's one transaction: every
// row is locked and rewritten at once (a long transaction, bloat, replication lag).

const update_without_where_rule = {
    id: "update-without-where",
    scope: "statement",
    kinds: ["UpdateStmt", "DeleteStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "UPDATE or DELETE without WHERE rewrites every row of an existing table in one transaction.",
    recipe: "Backfill outside the schema migration, in batches by primary key range (`UPDATE t SET \u2026 WHERE id > $1 AND id <= $2`), committing between batches. If it must be in the migration, limit it with a WHERE.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = rangeVarKey(n.relation);
        if (n.whereClause || !ctx.isExistingTable(table))
            return [];
        const verb = ctx.stmt.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
        return [
            {
                message: `${verb} without WHERE touches every row of ${display(table)} in the migration's single transaction: all rows stay locked until it commits. ` +
                    `Backfill in batches (by primary key ranges) outside the schema migration, or add a WHERE that limits it.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/volatile-default.ts
// ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a sequence) or
// an identity / serial / stored generated column must compute a value per existing row: PostgreSQL
// rewrites the table under ACCESS EXCLUSIVE. A constant or stable default (now()) is instant (PG 11+).


const volatile_default_rule = {
    id: "volatile-default",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "ADD COLUMN with a volatile default or a generated value rewrites an existing table under ACCESS EXCLUSIVE.",
    recipe: "Add the column without a default (instant), then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only), and backfill existing rows in batches. For a new identity key, create the table anew rather than adding it to a large one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = columnInfo(cmd.def.ColumnDef);
            const call = c.defaultExpr ? volatileCall(c.defaultExpr) : undefined;
            const why = call
                ? `its default ${call} is volatile`
                : c.generated
                    ? `it is ${c.type.includes("serial") ? c.type : "an identity or generated column"}`
                    : undefined;
            if (!why)
                continue;
            hits.push({
                offset,
                message: `Adding ${columnDisplay(table, c.name)}: ${why}, so PostgreSQL computes it for every existing row and rewrites ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes). ` +
                    `Add the column without the default, set the default afterwards (applies to new rows only), and backfill in batches.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/registry.ts
// Every rule, sorted by id (a test keeps it sorted and in step with rules/ and docs/rules/).




































const RULES = [
    rule,
    add_unique_constraint_rule,
    blocking_maintenance_command_rule,
    change_column_type_rule,
    concurrently_in_transaction_rule,
    constraint_not_valid_rule,
    create_index_non_concurrently_rule,
    drop_column_rule,
    drop_database_rule,
    drop_enum_value_rule,
    drop_foreign_key_rule,
    drop_index_non_concurrently_rule,
    drop_not_null_rule,
    drop_schema_rule,
    drop_table_rule,
    file_encoding_rule,
    identifier_too_long_rule,
    ignore_without_reason_rule,
    measured_lock_rule,
    missing_lock_timeout_rule,
    parse_error_rule,
    prefer_bigint_key_rule,
    prefer_jsonb_rule,
    prefer_timestamptz_rule,
    prisma_data_loss_warning_rule,
    prisma_rename_pattern_rule,
    rename_column_rule,
    rename_enum_value_rule,
    rename_table_rule,
    set_not_null_rule,
    several_access_exclusive_rule,
    truncate_rule,
    unchecked_sql_rule,
    unused_ignore_rule,
    update_without_where_rule,
    volatile_default_rule,
];
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
function ruleById(id) {
    return BY_ID.get(id);
}
/** Where a rule's documentation lives (problem, safe recipe), for SARIF help links and reports. */
const DOCS_BASE = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/rules/";
function ruleDocUrl(id) {
    return `${DOCS_BASE}${id}.md`;
}

;// CONCATENATED MODULE: ./src/lint/state.ts
// The schema as the migrations so far have built it: tables, columns, foreign keys, indexes, enums,
// each stamped with the migration that created (or changed) it. Rules ask it whether a table "exists"
// (holds rows from before this change set) and what a column looked like on the base branch.

/** Whether apply() can change the enums for this statement (create, alter, rename, drop a type or schema). */
function changesEnums(stmt) {
    switch (stmt.kind) {
        case "CreateEnumStmt":
        case "AlterEnumStmt":
            return true;
        case "RenameStmt":
            return stmt.node.renameType === "OBJECT_TYPE";
        case "DropStmt":
            return stmt.node.removeType === "OBJECT_TYPE" || stmt.node.removeType === "OBJECT_SCHEMA";
        default:
            return false;
    }
}
class SchemaState {
    data;
    /** Columns dropped since the last resetDropped() (the linter resets per migration), with their last state. */
    droppedColumns = [];
    resetDropped() {
        this.droppedColumns = [];
    }
    constructor(data) {
        this.data = data ?? { tables: {}, indexes: {}, enums: {}, removedForeignKeys: [] };
    }
    table(k) {
        return this.data.tables[k];
    }
    column(k, column) {
        return this.data.tables[k]?.columns[column];
    }
    index(k) {
        return this.data.indexes[k];
    }
    enumType(k) {
        return this.data.enums[k];
    }
    /** Foreign keys of other tables that reference `k`. */
    foreignKeysInto(k) {
        const result = [];
        // for…in, not Object.values: called per DROP TABLE, it walks every table without copying them.
        for (const tk in this.data.tables) {
            const t = this.data.tables[tk];
            if (t.key === k)
                continue;
            for (const name in t.foreignKeys) {
                const fk = t.foreignKeys[name];
                if (fk.to === k)
                    result.push(fk);
            }
        }
        return result;
    }
    /** Applies one statement. Unknown or dynamic statements change nothing (they cannot be modelled). */
    apply(stmt, migration) {
        const n = stmt.node;
        switch (stmt.kind) {
            case "CreateStmt":
                return this.createTable(n, migration);
            case "CreateTableAsStmt": {
                const rel = n.into?.rel;
                if (rel)
                    this.data.tables[rangeVarKey(rel)] = { key: rangeVarKey(rel), createdIn: migration, columns: {}, foreignKeys: {} };
                return;
            }
            case "AlterTableStmt":
                return this.alterTable(n, migration);
            case "IndexStmt": {
                const idxKey = key(n.relation?.schemaname, n.idxname ?? `${n.relation?.relname}_idx`);
                this.data.indexes[idxKey] = {
                    key: idxKey,
                    table: rangeVarKey(n.relation),
                    unique: Boolean(n.unique),
                    columns: indexColumns(n.indexParams),
                    createdIn: migration,
                };
                return;
            }
            case "CreateEnumStmt": {
                const k = listKey(n.typeName);
                this.data.enums[k] = { key: k, values: strings(n.vals), createdIn: migration };
                return;
            }
            case "AlterEnumStmt":
                return this.alterEnum(n);
            case "RenameStmt":
                return this.rename(n);
            case "DropStmt":
                return this.drop(n, migration);
        }
    }
    createTable(n, migration) {
        const k = rangeVarKey(n.relation);
        const table = { key: k, createdIn: migration, columns: {}, foreignKeys: {} };
        this.data.tables[k] = table;
        for (const elt of n.tableElts ?? []) {
            if (elt.ColumnDef) {
                const c = columnInfo(elt.ColumnDef);
                this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                if (c.references)
                    this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
            }
            else if (elt.Constraint) {
                this.addConstraint(table, elt.Constraint, migration);
            }
        }
    }
    addColumn(table, name, type, notNull, hasDefault, migration) {
        const column = { name, type, notNull, hasDefault, createdIn: migration };
        if (!notNull)
            column.nullableSince = migration;
        table.columns[name] = column;
    }
    addForeignKey(table, name, columns, to, migration) {
        table.foreignKeys[name] = { name, from: table.key, columns, to, createdIn: migration };
    }
    addConstraint(table, con, migration) {
        const keys = strings(con.keys);
        if (con.contype === "CONSTR_FOREIGN") {
            this.addForeignKey(table, con.conname ?? `${table.key}_fkey`, strings(con.fk_attrs), rangeVarKey(con.pktable), migration);
        }
        else if (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") {
            const idxKey = key(table.key.slice(0, table.key.indexOf(".")), con.conname ?? `${table.key}_${keys.join("_")}_key`);
            this.data.indexes[idxKey] = { key: idxKey, table: table.key, unique: true, columns: keys, createdIn: migration };
            if (con.contype === "CONSTR_PRIMARY")
                for (const c of keys)
                    if (table.columns[c])
                        table.columns[c].notNull = true;
        }
    }
    removeForeignKey(table, name, migration) {
        const fk = table.foreignKeys[name];
        if (!fk)
            return;
        delete table.foreignKeys[name];
        this.data.removedForeignKeys.push({ ...fk, removedIn: migration });
    }
    alterTable(n, migration) {
        if (n.objtype && n.objtype !== "OBJECT_TABLE")
            return;
        const table = this.data.tables[rangeVarKey(n.relation)];
        if (!table)
            return;
        for (const item of n.cmds ?? []) {
            const cmd = item.AlterTableCmd;
            const col = cmd?.name ? table.columns[cmd.name] : undefined;
            switch (cmd?.subtype) {
                case "AT_AddColumn": {
                    const c = columnInfo(cmd.def.ColumnDef);
                    this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                    if (c.references)
                        this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
                    break;
                }
                case "AT_DropColumn":
                    if (col)
                        this.droppedColumns.push({ table: table.key, column: col });
                    delete table.columns[cmd.name];
                    for (const fk of Object.values(table.foreignKeys))
                        if (fk.columns.includes(cmd.name))
                            this.removeForeignKey(table, fk.name, migration);
                    break;
                case "AT_SetNotNull":
                    if (col) {
                        col.notNull = true;
                        delete col.nullableSince;
                    }
                    break;
                case "AT_DropNotNull":
                    if (col?.notNull) {
                        col.notNull = false;
                        col.nullableSince = migration;
                    }
                    break;
                case "AT_AlterColumnType":
                    if (col)
                        col.type = typeString(cmd.def?.ColumnDef?.typeName);
                    break;
                case "AT_ColumnDefault":
                    if (col)
                        col.hasDefault = cmd.def !== undefined;
                    break;
                case "AT_AddConstraint":
                    this.addConstraint(table, cmd.def?.Constraint, migration);
                    break;
                case "AT_DropConstraint":
                    this.removeForeignKey(table, cmd.name, migration);
                    for (const ik in this.data.indexes) {
                        const idx = this.data.indexes[ik];
                        if (idx.table === table.key && idx.key.endsWith(`.${cmd.name}`))
                            delete this.data.indexes[idx.key];
                    }
                    break;
            }
        }
    }
    // Enum records are replaced, never edited: the linter's snapshot of the enums at a migration's
    // start is a shallow copy of the map, taken only when a statement changes an enum (changesEnums).
    alterEnum(n) {
        const k = listKey(n.typeName);
        const e = this.data.enums[k];
        if (!e)
            return;
        if (n.oldVal) {
            this.data.enums[k] = { ...e, values: e.values.map((v) => (v === n.oldVal ? n.newVal : v)) };
        }
        else if (n.newVal && !e.values.includes(n.newVal)) {
            const at = n.newValNeighbor ? e.values.indexOf(n.newValNeighbor) : -1;
            const values = [...e.values];
            if (at < 0)
                values.push(n.newVal);
            else
                values.splice(n.newValIsAfter ? at + 1 : at, 0, n.newVal); // false is omitted from the AST
            this.data.enums[k] = { ...e, values };
        }
    }
    rename(n) {
        const schema = n.relation?.schemaname;
        switch (n.renameType) {
            case "OBJECT_TABLE": {
                const from = rangeVarKey(n.relation);
                const table = this.data.tables[from];
                if (!table)
                    return;
                const to = key(schema, n.newname);
                delete this.data.tables[from];
                table.key = to;
                this.data.tables[to] = table;
                for (const t of Object.values(this.data.tables))
                    for (const fk of Object.values(t.foreignKeys)) {
                        if (fk.to === from)
                            fk.to = to;
                        if (fk.from === from)
                            fk.from = to;
                    }
                for (const idx of Object.values(this.data.indexes))
                    if (idx.table === from)
                        idx.table = to;
                return;
            }
            case "OBJECT_COLUMN": {
                const table = this.data.tables[rangeVarKey(n.relation)];
                const col = table?.columns[n.subname];
                if (!table || !col)
                    return;
                delete table.columns[n.subname];
                col.name = n.newname;
                table.columns[n.newname] = col;
                return;
            }
            case "OBJECT_INDEX": {
                const from = rangeVarKey(n.relation);
                const idx = this.data.indexes[from];
                if (!idx)
                    return;
                delete this.data.indexes[from];
                idx.key = key(schema, n.newname);
                this.data.indexes[idx.key] = idx;
                return;
            }
            case "OBJECT_TABCONSTRAINT": {
                const table = this.data.tables[rangeVarKey(n.relation)];
                const fk = table?.foreignKeys[n.subname];
                if (table && fk) {
                    delete table.foreignKeys[n.subname];
                    fk.name = n.newname;
                    table.foreignKeys[n.newname] = fk;
                }
                return;
            }
            case "OBJECT_TYPE": {
                const from = listKey(n.object?.List?.items);
                const e = this.data.enums[from];
                if (!e)
                    return;
                delete this.data.enums[from];
                const to = key(from.slice(0, from.indexOf(".")), n.newname);
                this.data.enums[to] = { ...e, key: to };
                return;
            }
        }
    }
    drop(n, migration) {
        for (const obj of n.objects ?? []) {
            const k = dropObjectKey(obj);
            switch (n.removeType) {
                case "OBJECT_TABLE":
                case "OBJECT_VIEW":
                case "OBJECT_MATVIEW": {
                    const table = this.data.tables[k];
                    if (!table)
                        break;
                    for (const fk of Object.values(table.foreignKeys))
                        this.removeForeignKey(table, fk.name, migration);
                    // CASCADE (or a failing RESTRICT) removes the foreign keys that point at it.
                    for (const fk of this.foreignKeysInto(k))
                        this.removeForeignKey(this.data.tables[fk.from], fk.name, migration);
                    delete this.data.tables[k];
                    for (const ik in this.data.indexes) {
                        const idx = this.data.indexes[ik];
                        if (idx.table === k)
                            delete this.data.indexes[idx.key];
                    }
                    break;
                }
                case "OBJECT_INDEX":
                    delete this.data.indexes[k];
                    break;
                case "OBJECT_TYPE":
                    delete this.data.enums[k];
                    break;
                case "OBJECT_SCHEMA": {
                    const prefix = `${k}.`;
                    for (const t of Object.keys(this.data.tables))
                        if (t.startsWith(prefix))
                            delete this.data.tables[t];
                    for (const i of Object.keys(this.data.indexes))
                        if (i.startsWith(prefix))
                            delete this.data.indexes[i];
                    for (const e of Object.keys(this.data.enums))
                        if (e.startsWith(prefix))
                            delete this.data.enums[e];
                    break;
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/lint/stats.ts
// Size-aware risk: a stats document (`migrate-guard stats`: each table's estimated rows and total
// bytes in one environment) turns "takes ACCESS EXCLUSIVE" into "takes ACCESS EXCLUSIVE on 12.4 M
// rows". A lock or rewrite hazard on a table at or above `raiseRows` is raised one level (notice →
// warning → error); at or above `hugeRows` the message says so; every hazard on a table the document
// knows names its rows and size. Pure: the caller reads the file.



const DEFAULT_RAISE_ROWS = 1_000_000;
const DEFAULT_HUGE_ROWS = 10_000_000;
/** Rules whose findings are about a lock or a table rewrite/scan: their cost grows with the table. */
const SIZE_RULES = new Set([
    "add-unique-constraint",
    "blocking-maintenance-command",
    "change-column-type",
    "constraint-not-valid",
    "create-index-non-concurrently",
    "drop-index-non-concurrently",
    "missing-lock-timeout",
    "set-not-null",
    "several-access-exclusive",
    "volatile-default",
]);
/** Migration-wide lock rules: every existing table the migration locks ACCESS EXCLUSIVE counts. */
const MIGRATION_WIDE = new Set(["missing-lock-timeout", "several-access-exclusive"]);
/** Parses and checks a stats document; a bad one is bad input (names the file and what is wrong). */
function parseStatsDocument(text, source) {
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ""));
    }
    catch (error) {
        throw new ConfigurationError(`The stats file ${source} is not JSON (${error.message}). Expected the document \`migrate-guard stats\` writes.`);
    }
    const bad = (what) => new ConfigurationError(`The stats file ${source} is not a migrate-guard stats document: ${what}. Expected { "environment", "takenAt", "server", "tables": [{ "schema", "name", "rows", "bytes" }] } as \`migrate-guard stats\` writes it.`);
    if (!doc || typeof doc !== "object" || Array.isArray(doc))
        throw bad("not an object");
    const d = doc;
    if (typeof d.environment !== "string" || d.environment.trim() === "")
        throw bad(`"environment" is not a name`);
    if (typeof d.takenAt !== "string")
        throw bad(`"takenAt" is missing`);
    if (!Array.isArray(d.tables))
        throw bad(`"tables" is not a list`);
    const tables = d.tables.map((t, i) => {
        const r = (t ?? {});
        const count = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
        if (typeof r.schema !== "string" || typeof r.name !== "string")
            throw bad(`tables[${i}] has no "schema" and "name"`);
        if (!(r.rows === null || count(r.rows)) || !count(r.bytes))
            throw bad(`tables[${i}] ("${r.name}") needs "rows" (a count or null) and "bytes" (a count)`);
        return { schema: r.schema, name: r.name, rows: r.rows, bytes: r.bytes };
    });
    // Control characters in the environment name (or server) would forge log lines.
    const clean = (text) => text.replace(/[\u0000-\u001f\u007f]/g, "?");
    const server = typeof d.server === "string" || typeof d.server === "number" ? clean(String(d.server)).slice(0, 100) : undefined;
    const major = majorOf(d.server);
    return {
        environment: clean(d.environment),
        takenAt: d.takenAt,
        ...(server !== undefined ? { server } : {}),
        ...(major !== undefined ? { major } : {}),
        tables,
    };
}
/** "100 rows", "12.4 k rows", "12.4 M rows", "1.2 G rows". */
function formatRows(rows) {
    const units = [
        [1e9, " G"],
        [1e6, " M"],
        [1e3, " k"],
    ];
    for (const [size, unit] of units)
        if (rows >= size)
            return `${(rows / size).toFixed(1).replace(/\.0$/, "")}${unit} rows`;
    return `${Math.round(rows)} ${Math.round(rows) === 1 ? "row" : "rows"}`;
}
/** "16 kB", "3.1 GB", like pg_size_pretty. */
function formatBytes(bytes) {
    const units = [
        [2 ** 40, "TB"],
        [2 ** 30, "GB"],
        [2 ** 20, "MB"],
        [2 ** 10, "kB"],
    ];
    for (const [size, unit] of units)
        if (bytes >= size)
            return `${(bytes / size).toFixed(1).replace(/\.0$/, "")} ${unit}`;
    return `${bytes} bytes`;
}
const RAISED = { notice: "warning", warning: "error", error: "error" };
/** Index of the document by "schema.name". */
function statsIndex(stats) {
    return new Map(stats.tables.map((t) => [`${t.schema}.${t.name}`, t]));
}
/**
 * Raises and annotates the size-sensitive findings of one migration in place. `locks` are the
 * migration's statement locks (the linter's static model).
 */
function applySizeRisk(findings, locks, risk, index = statsIndex(risk.stats)) {
    for (const f of findings) {
        if (!SIZE_RULES.has(f.rule))
            continue;
        const candidates = MIGRATION_WIDE.has(f.rule)
            ? locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE")
            : locks.filter((l) => l.existing && l.stmt === f.statement);
        let worst;
        for (const lock of candidates) {
            const table = index.get(lock.table);
            if (table &&
                (!worst || (table.rows ?? -1) > (worst.table.rows ?? -1) || (table.rows === worst.table.rows && table.bytes > worst.table.bytes)))
                worst = { lock, table };
        }
        if (!worst)
            continue;
        const { lock, table } = worst;
        const on = `on ${risk.stats.environment}`;
        if (table.rows === null) {
            f.message += ` (${lock.mode} on ${display(lock.table)} — ${formatBytes(table.bytes)} ${on}; row count unknown: the table was never analyzed.)`;
            continue;
        }
        let note = ` (${lock.mode} on ${display(lock.table)} — ${formatRows(table.rows)}, ${formatBytes(table.bytes)} ${on}`;
        if (table.rows >= risk.raiseRows && f.severity !== "error") {
            note += `; raised to ${RAISED[f.severity]}: at least ${formatRows(risk.raiseRows)}`;
            f.severity = RAISED[f.severity];
        }
        if (table.rows >= risk.hugeRows)
            note += `; over ${formatRows(risk.hugeRows)}: expect the lock or rewrite to last minutes, not seconds — use the safe recipe, or a maintenance window`;
        f.message += `${note}.)`;
    }
}

;// CONCATENATED MODULE: ./src/lint/linter.ts
// The linter: replays migrations in order into the schema state model, and runs the rules on the
// ones to lint, each statement seeing the state just before it. Pure: the caller reads the files.











async function lint(options) {
    const rules = options.rules ?? RULES;
    const statementRules = rules.filter((r) => r.scope === "statement");
    const migrationRules = rules.filter((r) => r.scope === "migration");
    const byKind = new Map();
    for (const r of statementRules)
        for (const k of r.kinds)
            byKind.set(k, [...(byKind.get(k) ?? []), r]);
    const known = new Set([...RULES, ...rules].map((r) => r.id));
    const covers = options.initialState?.covers ?? 0;
    const state = new SchemaState(options.initialState?.data);
    const evidence = options.evidence ?? {};
    const result = { findings: [], linted: [], statements: 0 };
    let onlyReplayed = true;
    const sizes = options.sizeRisk ? statsIndex(options.sizeRisk.stats) : undefined;
    for (const [i, file] of options.migrations.entries()) {
        if (i < covers)
            continue;
        // A BOM or NUL bytes are blanked (positions unchanged) so the rest of the file is still linted.
        const encoding = checkEncoding(file.sql);
        const migration = encoding.text === file.sql ? file : { ...file, sql: encoding.text };
        const linting = options.shouldLint(migration.name);
        if (linting && onlyReplayed) {
            if (options.wantBaseState)
                result.baseState = { data: structuredClone(state.data), covers: i };
            onlyReplayed = false;
        }
        const parsed = await parseScript(migration.sql);
        // Statements inside DO blocks (and called plpgsql functions) run too: they join the list.
        const expanded = parsed.ok ? await expandBodies(parsed) : undefined;
        const script = parsed.ok ? { ...parsed, statements: expanded.statements } : parsed;
        if (!linting) {
            if (script.ok)
                for (const stmt of script.statements)
                    state.apply(stmt, migration.name);
            continue;
        }
        result.linted.push(migration.name);
        for (const p of encoding.problems) {
            result.findings.push(toFinding(migration, script.lines, { rule: "file-encoding", severity: "error", offset: p.offset, message: p.message }));
        }
        if (!script.ok) {
            result.findings.push(toFinding(migration, script.lines, {
                rule: "parse-error",
                severity: "error",
                offset: script.offset,
                message: `PostgreSQL cannot parse this migration: ${script.message}. Prisma would fail to apply it; nothing else in the file was checked.`,
            }));
            continue;
        }
        result.statements += script.statements.length;
        const group = options.groupOf(migration.name);
        const info = {
            migration,
            script,
            prismaWarnings: parsePrismaWarnings(migration.sql),
            group,
            completeHistory: options.completeHistory ?? false,
        };
        const isExistingTable = (k) => {
            const t = state.table(k);
            return !t || options.groupOf(t.createdIn) !== group;
        };
        const isExistingColumn = (k, c) => {
            const col = state.column(k, c);
            return isExistingTable(k) && (!col || options.groupOf(col.createdIn) !== group);
        };
        // Enums as they were at the migration's start, for drop-enum-value: copied just before the first
        // statement that changes one (most migrations have none; then the live map is still the start).
        let enumsAtStart;
        state.resetDropped();
        const raw = [];
        const locks = [];
        const hitsOf = (rule, hits, stmt) => {
            for (const h of hits)
                raw.push({
                    rule: rule.id,
                    severity: h.severity ?? rule.severity,
                    message: h.message,
                    offset: h.offset ?? stmt?.start ?? 0,
                    ...(stmt ? { statement: stmt } : {}),
                    ...(h.subjects ? { subjects: h.subjects } : {}),
                });
        };
        // One context per migration, its `stmt` moved along (rules read it synchronously and keep
        // nothing): a fresh spread per statement was the linter's largest cost of its own.
        const ctx = {
            migration,
            script,
            prismaWarnings: info.prismaWarnings,
            group,
            completeHistory: info.completeHistory,
            stmt: script.statements[0],
            state,
            groupOf: options.groupOf,
            isExistingTable,
            isExistingColumn,
            evidence,
        };
        for (const stmt of script.statements) {
            ctx.stmt = stmt;
            const statementRules = byKind.get(stmt.kind);
            if (statementRules)
                for (const rule of statementRules)
                    hitsOf(rule, rule.check(ctx), stmt);
            // DROP … IF EXISTS of a table the complete history never created is a no-op: no lock to speak of.
            const maybeNoop = stmt.kind === "DropStmt" && stmt.node.missing_ok && info.completeHistory;
            for (const l of statementLocks(stmt, state))
                locks.push({ stmt, table: l.table, mode: l.mode, existing: isExistingTable(l.table) && !(maybeNoop && !state.table(l.table)) });
            if (!enumsAtStart && changesEnums(stmt))
                enumsAtStart = { ...state.data.enums };
            state.apply(stmt, migration.name);
        }
        const mctx = {
            migration,
            script,
            prismaWarnings: info.prismaWarnings,
            group,
            completeHistory: info.completeHistory,
            state,
            enumsAtStart: enumsAtStart ?? state.data.enums,
            enumsChanged: enumsAtStart !== undefined,
            groupOf: options.groupOf,
            isExistingTable,
            locks,
        };
        for (const rule of migrationRules) {
            for (const h of rule.check(mctx)) {
                const stmt = script.statements.find((s) => s.start <= (h.offset ?? 0) && (h.offset ?? 0) <= s.end);
                hitsOf(rule, [h], stmt);
            }
        }
        for (const u of expanded?.unchecked ?? []) {
            raw.push({ rule: "unchecked-sql", severity: u.severity, offset: u.offset, statement: u.statement, message: u.message });
        }
        for (const w of uncoveredPrismaWarnings(info.prismaWarnings, raw, state, script.statements.map((s) => s.kind))) {
            raw.push({ rule: "prisma-data-loss-warning", severity: "warning", offset: w.offset, message: `Prisma warns: ${w.text}` });
        }
        if (options.sizeRisk)
            applySizeRisk(raw, locks, options.sizeRisk, sizes);
        const directives = parseIgnores(script.comments, script.statements);
        for (const f of raw) {
            // A directive before a DO block covers the statements inside it too.
            const parent = f.statement?.parent;
            const d = suppressing(directives, f.rule, f.statement?.index) ?? (parent !== undefined ? suppressing(directives, f.rule, parent) : undefined);
            if (d)
                d.used.add(f.rule);
            else
                result.findings.push(toFinding(migration, script.lines, f));
        }
        for (const p of ignoreProblems(directives, known)) {
            result.findings.push(toFinding(migration, script.lines, {
                rule: p.rule,
                severity: ruleById(p.rule)?.severity ?? "warning",
                offset: p.offset,
                message: p.message,
            }));
        }
    }
    if (onlyReplayed && options.wantBaseState)
        result.baseState = { data: state.data, covers: options.migrations.length };
    return result;
}
function toFinding(migration, lines, f) {
    const { line, column } = lines.at(f.offset);
    const endLine = f.statement ? Math.max(line, lines.at(Math.max(f.statement.start, f.statement.end - 1)).line) : line;
    return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        file: migration.file,
        line,
        column,
        endLine,
        migration: migration.name,
        class: ruleById(f.rule)?.class ?? "meta",
        ...(f.statement ? { statement: firstLine(f.statement.text) } : {}),
    };
}


/***/ })

};
