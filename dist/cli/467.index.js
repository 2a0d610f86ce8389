import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 467;
export const ids = [467];
export const modules = {

/***/ 1934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X$: () => (/* binding */ confirmTyped),
/* harmony export */   b4: () => (/* binding */ isInteractive),
/* harmony export */   kZ: () => (/* binding */ processPromptIo)
/* harmony export */ });
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// Typed confirmations: asked at a terminal, a flag everywhere else. Without a terminal (CI, a pipe) a
// missing confirmation is refused at once with the flag to pass — never a wait on stdin that no one
// will answer.


const processPromptIo = () => ({ input: process.stdin, output: process.stderr, env: process.env });
/** A person at a terminal: stdin and the prompt's stream are TTYs and this is not a CI job. */
function isInteractive(io) {
    const ci = io.env.CI !== undefined && io.env.CI !== "" && io.env.CI !== "false";
    return Boolean(io.input.isTTY && io.output.isTTY) && !ci;
}
/**
 * The confirmation: the flag's value when given (a wrong one is refused), else an answer typed at the
 * terminal, else a ConfigurationError saying which flag to pass. Throws unless confirmed.
 */
async function confirmTyped(request, io = processPromptIo()) {
    const matches = request.matches ?? ((g) => g === request.expected);
    if (request.given !== undefined) {
        if (matches(request.given))
            return;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${request.action} must be confirmed with ${request.flag} ${request.expected}; the confirmation was ${JSON.stringify(request.given)}. Nothing was changed.`);
    }
    if (!isInteractive(io)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${request.action} must be confirmed: pass ${request.flag} ${request.expected} (no terminal to ask at). Nothing was changed.`);
    }
    const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input: io.input, output: io.output, terminal: true });
    try {
        const answer = await rl.question(`${request.action}. Type ${request.expected} to go on: `);
        if (matches(answer.trim()))
            return;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`Not confirmed (typed ${JSON.stringify(answer.trim())}, expected ${request.expected}). Nothing was changed.`);
    }
    finally {
        rl.close();
    }
}


/***/ }),

/***/ 7467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROLLBACK_USAGE: () => (/* binding */ ROLLBACK_USAGE),
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(6848);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/postgres/environment-database.ts
var environment_database = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/migrate/lint-pending.ts
var lint_pending = __webpack_require__(494);
// EXTERNAL MODULE: ./src/migrate/render.ts
var render = __webpack_require__(6677);
// EXTERNAL MODULE: ./src/migrate/report.ts
var migrate_report = __webpack_require__(3423);
// EXTERNAL MODULE: ./src/migrate/settings.ts
var settings = __webpack_require__(9616);
// EXTERNAL MODULE: ./src/migrate/state.ts
var migrate_state = __webpack_require__(3920);
;// CONCATENATED MODULE: ./src/rollback/render.ts
function toRevertJson(report) {
    return {
        ok: report.ok,
        kind: report.kind,
        environment: report.environment,
        migration: report.migration,
        refused: report.refused,
        error: report.error ?? null,
        database: report.database,
        revert: report.revert ? { name: report.revert.name, file: report.revert.file } : null,
        dataLoss: report.dataLoss,
        recreatedEmpty: report.recreatedEmpty,
        mayFail: report.mayFail,
        notReverted: report.notReverted,
        warnings: report.warnings,
        schema: report.schema ?? null,
        postgresVersion: report.postgresVersion ?? null,
        durationMs: report.durationMs,
    };
}
function list(title, items) {
    return items.length ? [title, ...items.map((i) => `  - ${i}`)] : [];
}
function schemaLines(report) {
    const s = report.schema;
    if (!s)
        return [];
    if (s.status === "reverted")
        return [`schema: reverted ${s.files.join(", ")} (${s.reason}; checked against the migrations)`];
    return [
        `schema: unchanged — ${s.reason}.`,
        ...list("Still in the schema after the reversal:", s.findings ?? []),
        ...(s.fix ? [`  To fix: ${s.fix}`] : []),
    ];
}
function renderRevertText(report) {
    const head = report.refused
        ? `✘ revert of ${report.migration} refused: nothing was written.\n  ${report.refused}`
        : report.error
            ? `✘ revert of ${report.migration} failed: ${report.error}`
            : `✔ wrote ${report.revert.file}: it reverts ${report.migration} (computed for "${report.environment}" at ${report.database})`;
    const lines = [
        head,
        ...list("Destroys:", report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`)),
        ...list("Cannot restore:", report.recreatedEmpty),
        ...list("May fail when applied:", report.mayFail),
        ...list("Not reverted:", report.notReverted),
        ...report.warnings.map((w) => `warning: ${w}`),
        ...schemaLines(report),
    ];
    if (report.ok)
        lines.push(report.schema?.status === "reverted"
            ? "Next: commit both on a branch and open a pull request; it goes through verify, staging and production like any migration."
            : "Next: commit it on a branch and open a pull request; it goes through verify, staging and production like any migration.");
    return lines.join("\n") + "\n";
}
function renderRevertMarkdown(report) {
    const title = report.refused
        ? `⛔ Revert of \`${report.migration}\` refused`
        : report.error
            ? `❌ Revert of \`${report.migration}\` failed`
            : `↩️ Revert of \`${report.migration}\``;
    const bullets = (items) => items.map((i) => `- ${i}`).join("\n");
    const parts = [`## ${title}`, ""];
    if (report.refused ?? report.error)
        parts.push(report.refused ?? report.error ?? "", "");
    if (report.revert)
        parts.push(`New migration \`${report.revert.file}\`:`, "", "```sql", report.revert.sql.trimEnd(), "```", "");
    if (report.dataLoss.length)
        parts.push("**Destroys**", "", bullets(report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`)), "");
    if (report.notReverted.length)
        parts.push("**Not reverted**", "", bullets(report.notReverted), "");
    const s = report.schema;
    if (s?.status === "reverted")
        parts.push(`**Schema:** reverted ${s.files.map((f) => `\`${f}\``).join(", ")} — ${s.reason}; checked against the migrations.`, "");
    if (s?.status === "unchanged") {
        parts.push(`**Schema:** unchanged — ${s.reason}. Verify's drift check fails until the schema no longer describes what \`${report.migration}\` added.`, "");
        if (s.findings?.length)
            parts.push(bullets(s.findings), "");
        if (s.fix)
            parts.push(`To fix: ${s.fix}`, "");
    }
    return parts.join("\n") + "\n";
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/drift.ts
var drift = __webpack_require__(5452);
// EXTERNAL MODULE: ./src/core/environment.ts
var core_environment = __webpack_require__(6738);
// EXTERNAL MODULE: ./src/core/migrations.ts
var migrations = __webpack_require__(3294);
;// CONCATENATED MODULE: ./src/core/revert.ts

const label = (schema, name) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
const q = (name) => `"${name.replace(/"/g, '""')}"`;
const key = (schema, name) => `${schema}.${name}`;
/** Partial/expression indexes are compared like any other: a reversal drops or re-creates them. */
function comparable(catalog) {
    return { ...catalog, indexes: catalog.indexes.map((i) => ({ ...i, notRepresentable: false })) };
}
function sequenceOf(column) {
    return /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(column.default ?? "")?.[1]?.replace(/''/g, "'");
}
function tableMap(catalog) {
    return new Map(catalog.tables.map((t) => [key(t.schema, t.name), t]));
}
function describeTables(current, target, plan, sequences) {
    const have = tableMap(current);
    const want = tableMap(target);
    for (const [k, t] of have) {
        if (!want.has(k))
            plan.dataLoss.push({ kind: "table", schema: t.schema, table: t.name, description: `table ${label(t.schema, t.name)} is dropped` });
    }
    for (const [k, t] of want) {
        const got = have.get(k);
        const added = got ? t.columns.filter((c) => !got.columns.some((g) => g.name === c.name)) : t.columns;
        if (!got)
            plan.recreatedEmpty.push(`table ${label(t.schema, t.name)} is re-created empty: its rows from before the reverted migration are gone`);
        for (const c of added) {
            const where = `${label(t.schema, t.name)}.${q(c.name)}`;
            if (got)
                plan.recreatedEmpty.push(`column ${where} is re-added${c.default !== undefined ? ` with its default (${c.default}) in every row` : " as NULL in every row"}: its former values are gone`);
            if (got && c.notNull && c.default === undefined)
                plan.mayFail.push(`re-adding NOT NULL column ${where} without a default fails while ${label(t.schema, t.name)} has rows`);
            if (c.identity)
                plan.notReverted.push(`column ${where} was an identity column (GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY); it is re-added without identity`);
            const seq = sequenceOf(c);
            if (seq) {
                sequences.before.push(`CREATE SEQUENCE IF NOT EXISTS ${seq};`);
                sequences.after.push(`ALTER SEQUENCE ${seq} OWNED BY ${t.schema === "public" ? q(t.name) : `${q(t.schema)}.${q(t.name)}`}.${q(c.name)};`);
            }
        }
        if (!got)
            continue;
        for (const g of got.columns) {
            const w = t.columns.find((c) => c.name === g.name);
            const where = `${label(t.schema, t.name)}.${q(g.name)}`;
            if (!w) {
                plan.dataLoss.push({ kind: "column", schema: t.schema, table: t.name, column: g.name, description: `column ${where} is dropped` });
            }
            else if (w.type !== g.type) {
                plan.dataLoss.push({
                    kind: "column-type",
                    schema: t.schema,
                    table: t.name,
                    column: g.name,
                    description: `column ${where} changes type back from ${g.type} to ${w.type} (values that do not fit make the migration fail or are converted)`,
                });
            }
            else if (w.notNull && !g.notNull && !w.type.endsWith("[]")) {
                plan.mayFail.push(`setting ${where} NOT NULL again fails while it holds NULLs`);
            }
        }
    }
}
function describeEnums(current, target, plan) {
    const want = new Map(target.enums.map((e) => [key(e.schema, e.name), e]));
    for (const e of current.enums) {
        const w = want.get(key(e.schema, e.name));
        if (!w) {
            plan.dataLoss.push({ kind: "enum-type", schema: e.schema, table: e.name, description: `enum ${label(e.schema, e.name)} is dropped` });
            continue;
        }
        const extra = e.values.filter((v) => !w.values.includes(v));
        if (extra.length > 0) {
            plan.notReverted.push(`enum ${label(e.schema, e.name)} keeps value(s) ${extra.map((v) => `'${v}'`).join(", ")}: PostgreSQL cannot remove a value from an enum; it needs the type rebuilt ` +
                "(create a new type, ALTER COLUMN … TYPE new USING col::text::new for every column using it, drop the old one), which fails while rows hold those values");
        }
    }
}
/** The reversal from `current` back to `target`. */
function planRevert(current, target) {
    const plan = { statements: [], dataLoss: [], recreatedEmpty: [], notReverted: [], mayFail: [] };
    const sequences = { before: [], after: [] };
    describeTables(current, target, plan, sequences);
    describeEnums(current, target, plan);
    const items = (0,drift/* compareCatalogs */.m6)(comparable(current), comparable(target));
    const statements = [];
    for (const item of items) {
        if (item.informational) {
            plan.notReverted.push(item.message.replace(/schema\.prisma/g, "the state before"));
            continue;
        }
        if (item.sql.startsWith("-- Removing enum values"))
            continue; // said in describeEnums
        statements.push(item.sql);
    }
    plan.statements = statements.length ? [...new Set(sequences.before), ...statements, ...new Set(sequences.after)] : [];
    return plan;
}
/** Prisma's folder timestamp: YYYYMMDDHHMMSS in UTC. */
function migrationTimestamp(date) {
    return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
/**
 * `<timestamp>_revert_<name>`: now, or one second after the newest existing migration when that sorts
 * later (a clock behind the repository, or migrations named in the future), so that it applies last.
 */
function revertMigrationName(reverted, existing, now) {
    let stamp = migrationTimestamp(now);
    const newest = existing
        .map((n) => /^(\d{14})/.exec(n)?.[1])
        .filter((s) => Boolean(s))
        .sort()
        .at(-1);
    if (newest && newest >= stamp)
        stamp = nextSecond(newest);
    return `${stamp}_revert_${reverted}`;
}
function nextSecond(stamp) {
    const d = new Date(Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14)));
    return migrationTimestamp(new Date(d.getTime() + 1000));
}
const lintRule = { "DROP TABLE": "drop-table", "DROP COLUMN": "drop-column" };
/** The new migration.sql: a header that says what it undoes and what it cannot restore, then the SQL. */
function renderRevertMigration(input) {
    const { plan } = input;
    const lines = [
        `-- Reverts migration ${input.reverted}.`,
        `-- Generated by ${input.tool} on ${input.generatedAt.toISOString()} for environment "${input.environment}":`,
        `-- \`migrate-guard rollback --revert ${input.reverted}\`. The SQL takes the schema from "every migration"`,
        `-- back to "every migration except ${input.reverted}", computed on throwaway databases (PostgreSQL`,
        `-- ${input.postgresVersion}) and checked there. The reverted migration's own file is left as it is.`,
        "--",
    ];
    const section = (title, items) => {
        if (items.length === 0)
            return;
        lines.push(`-- ${title}`);
        for (const item of items)
            lines.push(`--   - ${item}`);
        lines.push("--");
    };
    section("Data this migration destroys (accepted with --allow-data-loss):", plan.dataLoss.map((d) => `${d.description}${input.measured?.get(d) ? ` — ${input.measured.get(d)}` : ""}`));
    section("Data it cannot restore:", plan.recreatedEmpty);
    section("May fail when applied:", plan.mayFail);
    section("Not reverted (do it by hand if it matters):", [...plan.notReverted, ...input.unseen]);
    lines.push("-- Rows the reverted migration inserted, updated or deleted are not restored either.", "");
    for (const statement of plan.statements) {
        const kind = /^(DROP TABLE)|^ALTER TABLE \S+ (DROP COLUMN)/.exec(statement);
        const rule = kind ? lintRule[kind[1] ?? kind[2] ?? ""] : undefined;
        if (rule)
            lines.push(`-- migrate-guard-ignore ${rule}: reverting ${input.reverted}; the data loss was accepted with --allow-data-loss`);
        lines.push(statement, "");
    }
    return lines.join("\n");
}
/** Statements of a migration that a catalog comparison cannot see, named for the header. */
function unseenStatements(sql) {
    const kinds = [
        [/\bCREATE\s+(OR\s+REPLACE\s+)?(MATERIALIZED\s+)?VIEW\b/i, "views"],
        [/\bCREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b/i, "functions or procedures"],
        [/\bCREATE\s+(CONSTRAINT\s+)?TRIGGER\b/i, "triggers"],
        [/\bCREATE\s+EXTENSION\b/i, "extensions"],
        [/\bCHECK\s*\(/i, "check constraints"],
        [/\bCREATE\s+POLICY\b|\bROW\s+LEVEL\s+SECURITY\b/i, "row-level security"],
        [/\bGRANT\b|\bREVOKE\b/i, "privileges"],
        [/\bCREATE\s+SCHEMA\b/i, "schemas"],
    ];
    const found = kinds.filter(([re]) => re.test(sql.replace(/--.*$/gm, ""))).map(([, what]) => what);
    return found.length
        ? [`the reverted migration also touches ${found.join(", ")}: migrate-guard compares tables, columns, keys, indexes and enums only`]
        : [];
}

// EXTERNAL MODULE: ./src/verify/drift.ts + 1 modules
var verify_drift = __webpack_require__(4886);
// EXTERNAL MODULE: ./src/migrate/resolve.ts
var resolve = __webpack_require__(5057);
// EXTERNAL MODULE: ./src/postgres/database.ts
var database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/rollback/measure.ts


const CAP = 10_000;
function qualified(schema, name) {
    return `${(0,database/* quoteIdentifier */.Cm)(schema)}.${(0,database/* quoteIdentifier */.Cm)(name)}`;
}
function amount(n, what) {
    return n >= CAP ? `at least ${CAP} ${what}` : `${n} ${what}`;
}
/** Per item, e.g. `12 rows in "staging" now`; items that cannot be measured say why. */
async function measureDataLoss(url, environment, items) {
    const out = new Map();
    if (items.length === 0)
        return out;
    const client = await (0,database/* connectClient */.mh)(url);
    try {
        await client.query("BEGIN READ ONLY");
        await client.query("SET LOCAL statement_timeout = '15s'");
        for (const item of items) {
            if (item.kind === "enum-type")
                continue;
            await client.query("SAVEPOINT measure");
            try {
                const table = qualified(item.schema, item.table);
                const where = item.kind === "table" ? "" : ` WHERE ${(0,database/* quoteIdentifier */.Cm)(item.column)} IS NOT NULL`;
                const { rows } = await client.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table}${where} LIMIT ${CAP}) s`);
                const n = Number(rows[0].n);
                out.set(item, `${item.kind === "table" ? amount(n, n === 1 ? "row" : "rows") : amount(n, n === 1 ? "non-null value" : "non-null values")} in "${environment}" now`);
                await client.query("RELEASE SAVEPOINT measure");
            }
            catch (error) {
                await client.query("ROLLBACK TO SAVEPOINT measure");
                out.set(item, `not measured in "${environment}": ${(0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), (0,database/* urlSecrets */.Fn)(url))}`);
            }
        }
        await client.query("ROLLBACK");
    }
    finally {
        await client.end().catch(() => { });
    }
    return out;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/rollback/schema-revert.ts
// `rollback --revert X` also takes X's change out of schema.prisma, so that the revert's pull request
// passes verify's drift check. The change is found in git: the commit that added X's migration.sql (on
// the first-parent line, so a merged pull request counts as one commit), whose diff of the schema
// file(s) is applied in reverse to the working tree. Refused — the schema left as it is, with the reason
// — when there is no history, when that commit added other migrations too (its schema diff mixes their
// changes), when it did not touch the schema, or when later edits make the reverse patch not apply.
// Nothing is ever half-applied: `git apply --check` first, and the caller restores the saved files when
// the result fails its drift check.





function git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => {
            stdout += d.toString();
        });
        child.stderr.on("data", (d) => {
            stderr += d.toString();
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
        if (input !== undefined) {
            child.stdin.on("error", () => { });
            child.stdin.end(input);
        }
    });
}
const handEdit = (schema, migration) => `edit ${schema} by hand so that it no longer describes what ${migration} added, then check it with \`npx migrate-guard verify\``;
function unchanged(reason, fix, commit) {
    return { change: { status: "unchanged", reason, files: [], fix, ...(commit ? { commit } : {}) }, restore: async () => { } };
}
/**
 * Applies the reverse of the schema change made by the commit that added `migration` to the working
 * tree. `schemaPath` is the project's schema file or folder, `migrationsDir` its migrations folder
 * (both absolute).
 */
async function revertSchemaChange(params) {
    const { migration } = params;
    const top = await git(params.workingDirectory, ["rev-parse", "--show-toplevel"]).catch(() => undefined);
    const schemaName = external_node_path_default().basename(params.schemaPath);
    if (top?.code !== 0)
        return unchanged("the project is not in a git repository, so the schema change that came with the migration cannot be found", handEdit(schemaName, migration));
    const root = top.stdout.trim();
    const schemaRel = (0,migrations/* toPosix */.d7)(external_node_path_default().relative(root, params.schemaPath));
    const migrationsRel = (0,migrations/* toPosix */.d7)(external_node_path_default().relative(root, params.migrationsDir));
    const fileRel = `${migrationsRel}/${migration}/migration.sql`;
    const handFix = handEdit(schemaRel, migration);
    const log = await git(root, ["log", "--first-parent", "--diff-filter=A", "--format=%H", "HEAD", "--", fileRel]);
    const commit = log.code === 0 ? log.stdout.trim().split("\n").filter(Boolean).at(-1) : undefined;
    if (!commit)
        return unchanged(`${fileRel} is not in the git history of HEAD (not committed yet?), so the schema change that came with it cannot be found`, handFix);
    const short = commit.slice(0, 12);
    const parents = (await git(root, ["rev-list", "--parents", "-n", "1", commit])).stdout.trim().split(" ").slice(1);
    if (parents.length === 0) {
        const shallow = (await git(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
        return unchanged(shallow
            ? `the checkout is shallow: commit ${short} stands for all earlier history (in GitHub Actions check out with \`fetch-depth: 0\`)`
            : `${migration} came with the repository's first commit ${short}, whose schema is not a change to revert`, handFix, commit);
    }
    const parent = parents[0];
    const added = await git(root, ["diff", "--name-only", "--diff-filter=A", parent, commit, "--", `${migrationsRel}/`]);
    const others = added.stdout
        .split("\n")
        .filter((f) => f.endsWith("/migration.sql") && f !== fileRel)
        .map((f) => f.split("/").at(-2));
    if (others.length > 0) {
        return unchanged(`commit ${short} added ${migration} together with ${others.join(", ")}: its schema change mixes theirs, so it is not reverted automatically`, handFix, commit);
    }
    // A schema folder (prismaSchemaFolder) may hold the migrations folder too: only its .prisma files.
    const isFolder = (0,external_node_fs_.statSync)(params.schemaPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const pathspec = isFolder ? `:(glob)${schemaRel}/**/*.prisma` : schemaRel;
    const patch = await git(root, ["diff", "--binary", "--no-color", "--no-ext-diff", "--no-renames", parent, commit, "--", pathspec]);
    if (patch.code !== 0)
        throw new Error(`git diff ${short} failed: ${patch.stderr.trim()}`);
    if (patch.stdout.trim() === "")
        return unchanged(`commit ${short}, which added ${migration}, did not change ${schemaRel}`, handFix, commit);
    const check = await git(root, ["apply", "-R", "--check", "-"], patch.stdout);
    if (check.code !== 0) {
        const firstError = check.stderr.trim().split("\n")[0] ?? "";
        return unchanged(`the schema change of commit ${short} no longer reverses cleanly: later changes touch the same lines (${firstError.replace(/^error: /, "")})`, `git diff ${parent.slice(0, 12)} ${short} -- ${isFolder ? `'${pathspec}'` : schemaRel} | git apply -R --3way  (then resolve the conflicts and check with \`npx migrate-guard verify\`)`, commit);
    }
    const files = (await git(root, ["diff", "--name-only", "--no-renames", parent, commit, "--", pathspec])).stdout
        .split("\n")
        .filter(Boolean);
    const saved = new Map();
    for (const f of files)
        saved.set(f, await (0,external_node_fs_promises_.readFile)(external_node_path_default().join(root, f), "utf8").catch(() => undefined));
    const restore = async () => {
        for (const [f, text] of saved) {
            if (text === undefined)
                await (0,external_node_fs_promises_.rm)(external_node_path_default().join(root, f), { force: true });
            else
                await (0,external_node_fs_promises_.writeFile)(external_node_path_default().join(root, f), text);
        }
    };
    const applied = await git(root, ["apply", "-R", "-"], patch.stdout);
    if (applied.code !== 0) {
        await restore();
        return unchanged(`git apply failed after its check passed: ${applied.stderr.trim().split("\n")[0]}`, handFix, commit);
    }
    const kind = isFolder ? "schema folder" : "schema";
    return {
        change: { status: "reverted", reason: `the ${kind} change of commit ${short}, which added ${migration}, is reversed`, files, commit },
        restore,
    };
}

// EXTERNAL MODULE: ./src/postgres/catalog-reader.ts
var catalog_reader = __webpack_require__(6762);
// EXTERNAL MODULE: ./src/postgres/cluster.ts + 1 modules
var postgres_cluster = __webpack_require__(8707);
;// CONCATENATED MODULE: ./src/rollback/scratch.ts



/** A later migration that does not apply once X is left out: it depends on X. */
class DependentMigrationError extends Error {
    migration;
    reason;
    constructor(migration, reason) {
        super(`${migration} fails without it: ${reason}`);
        this.migration = migration;
        this.reason = reason;
    }
}
async function applyAll(url, migrations, onError) {
    const client = await (0,database/* connectClient */.mh)(url);
    try {
        for (const m of migrations) {
            try {
                await client.query(m.sql);
            }
            catch (error) {
                throw onError(m, error);
            }
        }
    }
    finally {
        await client.end().catch(() => { });
    }
}
/** The environment's major (installed, or fetched from npm: provision.ts); the newest installed, with a warning, when neither works. */
async function startPreferring(major, logger) {
    if (major) {
        try {
            return { cluster: await (0,postgres_cluster/* startCluster */.Jp)({ version: String(major), logger }) };
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            logger.debug(reason);
            const cluster = await (0,postgres_cluster/* startCluster */.Jp)({ logger });
            const warning = `The environment runs PostgreSQL ${major}, which is neither installed here nor could be fetched (${reason.split(". ")[0]}); the reversal was computed and checked on PostgreSQL ${cluster.version} instead.`;
            logger.warning(warning);
            return { cluster, warning };
        }
    }
    return { cluster: await (0,postgres_cluster/* startCluster */.Jp)({ logger }) };
}
async function buildScratchStates(params) {
    const { migrations, reverted, schemas, logger } = params;
    const { cluster, warning } = await startPreferring(params.postgresMajor, logger);
    try {
        await Promise.all([(0,database/* createDatabase */.cD)(cluster.url, "every_migration"), (0,database/* createDatabase */.cD)(cluster.url, "without_reverted")]);
        const currentUrl = (0,database/* withDatabase */.kR)(cluster.url, "every_migration");
        const withoutUrl = (0,database/* withDatabase */.kR)(cluster.url, "without_reverted");
        const started = Date.now();
        await Promise.all([
            applyAll(currentUrl, migrations, (m, e) => new Error(`Migration ${m.name} does not apply to an empty database (with every migration before it): ${e.message}`)),
            applyAll(withoutUrl, migrations.filter((m) => m.name !== reverted), (m, e) => new DependentMigrationError(m.name, e.message)),
        ]);
        logger.info(`Built both states on a throwaway PostgreSQL ${cluster.version} in ${Date.now() - started} ms (${migrations.length} and ${migrations.length - 1} migrations).`);
        const [current, without] = await Promise.all([(0,catalog_reader/* readCatalog */.uM)(currentUrl, schemas), (0,catalog_reader/* readCatalog */.uM)(withoutUrl, schemas)]);
        return {
            current,
            without,
            postgresVersion: cluster.version,
            ...(warning ? { warning } : {}),
            adminUrl: cluster.url,
            async applyToCurrent(sql) {
                const client = await (0,database/* connectClient */.mh)(currentUrl);
                try {
                    await client.query(sql);
                }
                finally {
                    await client.end().catch(() => { });
                }
                return (0,catalog_reader/* readCatalog */.uM)(currentUrl, schemas);
            },
            stop: () => cluster.stop(),
        };
    }
    catch (error) {
        await cluster.stop();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/rollback/revert.ts
// `rollback --revert X`: writes a NEW migration that undoes X. The environment's database is only read
// (its stamp, its history, and — when the reversal drops something — how much data that would destroy);
// the reversal is computed and checked on a throwaway PostgreSQL (scratch.ts). Refusals write nothing.
// Why a catalog comparison and not `prisma migrate diff --from-url A --to-url B`: Prisma refuses
// --from-url/--to-url/--shadow-database-url when the project migrates through a driver adapter
// (prisma.config.ts `adapter`), and without one it needs the native schema engine binary; the catalog
// comparison (the one drift uses) works on every set-up and its result is verified before it is written.
















function refuse(report, reason) {
    report.ok = false;
    report.refused = reason;
    return report;
}
/** Column order is not part of what a reversal can restore (a re-added column goes last). */
function unordered(catalog) {
    return {
        ...catalog,
        tables: catalog.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) })),
    };
}
function findMigration(loaded, name) {
    const found = loaded.dir.migrations.find((m) => m.name === name);
    if (found)
        return found;
    const recent = loaded.dir.migrations.slice(-3).map((m) => m.name);
    throw new errors/* ConfigurationError */.j(`--revert ${name}: there is no migration of that name in ${loaded.dir.dir}. Expected a folder name, e.g. ${recent.join(", ") || "20240101120000_add_users"}.`);
}
/**
 * Reads the environment (never writes): refuses a database stamped for another environment or one where
 * the migration is not applied. Returns the server's major version, or undefined after a refusal/error.
 */
async function readEnvironment(settings, loaded, report) {
    let db;
    try {
        db = await environment_database/* EnvironmentDatabase */.DK.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof environment_database/* DatabaseConnectionError */.GB))
            throw error;
        report.error = error.message;
        return undefined;
    }
    try {
        const env = await (0,migrate_state/* readEnvironmentState */.Jp)(db, loaded, 30);
        const decision = (0,core_environment/* compareStamp */.Vp)(settings.environment, env.stamp);
        if (decision.kind === "mismatch")
            return void refuse(report, decision.reason);
        const { migration } = settings;
        if (!env.state.applied.some((a) => a.name === migration)) {
            const failed = env.state.failed.some((f) => f.name === migration) ? ` Use --rolled-back ${migration} for a failed migration.` : "";
            return void refuse(report, `--revert is for a migration applied to "${settings.environment.name}", and ${migration} is not: ${(0,resolve/* whereIs */.i)(env.state, migration, true)}.${failed}`);
        }
        if (env.state.checksumMismatch.includes(migration)) {
            report.warnings.push(`${migration} was edited after it was applied to "${settings.environment.name}": the reversal undoes the file as it is now, not as it was applied.`);
        }
        return await db.serverMajor();
    }
    finally {
        await db.close();
    }
}
async function runRevert(settings, deps) {
    const started = Date.now();
    const report = {
        ok: false,
        kind: "revert",
        environment: settings.environment.name,
        migration: settings.migration,
        database: (0,database/* describeUrl */.Ng)(settings.databaseUrl),
        refused: null,
        dataLoss: [],
        recreatedEmpty: [],
        notReverted: [],
        mayFail: [],
        warnings: [],
        durationMs: 0,
    };
    const finish = () => {
        report.durationMs = Date.now() - started;
        return report;
    };
    const loaded = await (0,migrate_state/* loadProject */.gi)(settings.workingDirectory, settings.schema);
    const target = findMigration(loaded, settings.migration);
    const major = await readEnvironment(settings, loaded, report);
    if (major === undefined)
        return finish();
    let states;
    try {
        states = await buildScratchStates({
            migrations: loaded.dir.migrations,
            reverted: settings.migration,
            schemas: loaded.project.schemas,
            postgresMajor: major,
            logger: deps.logger,
        });
    }
    catch (error) {
        if (!(error instanceof DependentMigrationError))
            throw error;
        refuse(report, `${settings.migration} cannot be reverted on its own: the later migration ${error.migration} depends on it (${error.reason}). ` +
            "Revert the later migrations first, newest first, or write the reversal by hand.");
        return finish();
    }
    try {
        await planAndWrite(settings, {
            loaded,
            targetSql: target.sql,
            states,
            report,
            logger: deps.logger,
            now: deps.now ?? (() => new Date()),
        });
    }
    finally {
        await states.stop();
    }
    return finish();
}
async function planAndWrite(settings, ctx) {
    const { loaded, states, report } = ctx;
    report.postgresVersion = states.postgresVersion;
    if (states.warning)
        report.warnings.push(states.warning);
    const plan = planRevert(states.current, states.without);
    if (plan.statements.length === 0) {
        refuse(report, `${settings.migration} changes nothing migrate-guard compares (tables, columns, keys, indexes, enums): there is no schema change to revert. ` +
            "If it changed data, views, functions or triggers, write the reversal by hand (`prisma migrate dev --create-only`).");
        return;
    }
    const after = await selfCheck(plan, states, report);
    const unseen = unseenStatements(ctx.targetSql);
    report.recreatedEmpty = plan.recreatedEmpty;
    report.notReverted = [...plan.notReverted, ...unseen];
    report.mayFail = plan.mayFail;
    const measured = await measureDataLoss(settings.databaseUrl, settings.environment.name, plan.dataLoss).catch((error) => {
        report.warnings.push(`Could not measure the data the reversal drops: ${(0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), (0,database/* urlSecrets */.Fn)(settings.databaseUrl))}`);
        return new Map();
    });
    report.dataLoss = plan.dataLoss.map((d) => ({ description: d.description, ...(measured.get(d) ? { measured: measured.get(d) } : {}) }));
    if (plan.dataLoss.length > 0 && !settings.allowDataLoss) {
        refuse(report, `Reverting ${settings.migration} destroys data: ${report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`).join("; ")}. ` +
            "Nothing was written. Back the data up if it matters, then pass --allow-data-loss (the action: allow-data-loss: true).");
        return;
    }
    const generatedAt = ctx.now();
    const name = revertMigrationName(settings.migration, loaded.dir.migrations.map((m) => m.name), generatedAt);
    const sql = renderRevertMigration({
        reverted: settings.migration,
        plan,
        environment: settings.environment.name,
        generatedAt,
        tool: `migrate-guard ${version/* VERSION */.x}`,
        postgresVersion: states.postgresVersion,
        measured,
        unseen,
    });
    const dir = external_node_path_default().join(settings.outputDir ?? loaded.dir.dir, name);
    await (0,external_node_fs_promises_.mkdir)(external_node_path_default().dirname(dir), { recursive: true });
    await (0,external_node_fs_promises_.mkdir)(dir); // fails if it exists: a migration is never overwritten
    await (0,external_node_fs_promises_.writeFile)(external_node_path_default().join(dir, "migration.sql"), sql);
    report.revert = { name, dir, file: (0,migrations/* toPosix */.d7)(external_node_path_default().relative(loaded.repoRoot, external_node_path_default().join(dir, "migration.sql"))), sql };
    report.ok = true;
    ctx.logger.info(`Wrote ${report.revert.file}: it reverts ${settings.migration} (${plan.statements.length} statement(s)).`);
    const schemaStarted = Date.now();
    report.schema = await revertSchema(settings, loaded, states, after);
    const took = `(${Date.now() - schemaStarted} ms)`;
    ctx.logger.info(report.schema.status === "reverted"
        ? `Reverted ${report.schema.files.join(", ")} ${took}: ${report.schema.reason}, checked against the migrations.`
        : `${(0,migrations/* toPosix */.d7)(external_node_path_default().relative(loaded.repoRoot, loaded.project.schemaPath)) || "schema.prisma"} unchanged ${took}: ${report.schema.reason}.`);
}
/**
 * Takes the migration's change out of the working tree's schema and checks the result the way verify's
 * drift check will: the catalog the reverted schema describes must equal "every migration + the
 * reversal" (`after`). A mismatch puts the schema back. Only when the migration went into the project's
 * migrations directory: --output-dir writes elsewhere and leaves the working tree's schema alone.
 */
async function revertSchema(settings, loaded, states, after) {
    const { project } = loaded;
    if (settings.outputDir && external_node_path_default().resolve(settings.outputDir) !== external_node_path_default().resolve(loaded.dir.dir)) {
        return {
            status: "unchanged",
            reason: "--output-dir writes the migration outside the project's migrations directory, so the working tree's schema is left alone",
            files: [],
            fix: `run without --output-dir, or edit ${external_node_path_default().basename(project.schemaPath)} by hand`,
        };
    }
    let applied;
    try {
        applied = await revertSchemaChange({
            workingDirectory: project.workingDirectory,
            schemaPath: project.schemaPath,
            migrationsDir: project.migrationsDir,
            migration: settings.migration,
        });
    }
    catch (error) {
        return {
            status: "unchanged",
            reason: `git could not tell what the migration changed in the schema (${error instanceof Error ? error.message : String(error)})`,
            files: [],
            fix: `edit ${external_node_path_default().basename(project.schemaPath)} by hand, then check it with \`npx migrate-guard verify\``,
        };
    }
    if (applied.change.status !== "reverted")
        return applied.change;
    const fix = `edit ${applied.change.files.join(", ")} by hand so that it matches the migrations (the reverse of commit ${applied.change.commit.slice(0, 12)} is a start: \`git show ${applied.change.commit.slice(0, 12)} -- ${applied.change.files.join(" ")}\`), then check it with \`npx migrate-guard verify\``;
    let items;
    try {
        const schemaSql = await (0,migrate_state/* projectPrisma */.ud)(loaded, Boolean(settings.schema)).schemaToSql(states.adminUrl);
        const expected = await (0,verify_drift/* expectedCatalog */.KC)({ adminUrl: states.adminUrl, schemaSql, schemas: project.schemas });
        items = (0,drift/* compareCatalogs */.m6)(after, expected).filter((i) => !i.informational);
    }
    catch (error) {
        await applied.restore();
        const message = (0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), (0,database/* urlSecrets */.Fn)(states.adminUrl))
            .split("\n")
            .slice(0, 3)
            .join(" ");
        return {
            status: "unchanged",
            reason: `the reverted schema could not be checked, so it was put back (${message})`,
            files: [],
            commit: applied.change.commit,
            fix,
        };
    }
    if (items.length > 0) {
        await applied.restore();
        return {
            status: "unchanged",
            files: [],
            commit: applied.change.commit,
            fix,
            findings: items.map((i) => i.message),
            reason: `with commit ${applied.change.commit.slice(0, 12)}'s schema change reversed, the schema still differs from the migrations (${items.length} difference(s)), so it was put back`,
        };
    }
    return applied.change;
}
/** Applies the reversal to "every migration" and compares with "every migration except X". */
async function selfCheck(plan, states, report) {
    let after;
    try {
        after = await states.applyToCurrent(plan.statements.join("\n"));
    }
    catch (error) {
        throw new Error(`The generated reversal does not apply on the throwaway database (${error instanceof Error ? error.message : String(error)}); nothing was written. Please report this with the migration.`);
    }
    const left = (0,drift/* compareCatalogs */.m6)(unordered(after), unordered(states.without)).filter((i) => !i.informational && !i.sql.startsWith("-- Removing enum values"));
    for (const item of left)
        report.warnings.push(`After the reversal the schema still differs: ${item.message.replace(/schema\.prisma/g, "the state before")}.`);
    return after;
}

// EXTERNAL MODULE: ./src/migrate/run.ts
var run = __webpack_require__(7032);
;// CONCATENATED MODULE: ./src/rollback/rolled-back.ts


async function runRolledBack(settings, deps) {
    const report = await (0,run/* runMigrate */.f)(settings, deps);
    if (!report.ok || !deps.history || !settings.resolve)
        return report;
    const who = deps.context?.actor ? ` by ${deps.context.actor}` : "";
    const description = `${settings.resolve.name} rolled back${who}${settings.reason ? `: ${settings.reason}` : ""}`;
    try {
        const id = await deps.history.markRolledBack(settings.environment.name, settings.resolve.name, description);
        if (id !== undefined) {
            report.rolledBackDeployment = id;
            deps.logger.info(`Marked the deploy that left ${settings.resolve.name} failed (GitHub deployment ${id}) inactive: ${description}.`);
        }
    }
    catch (error) {
        const message = `The migration is marked rolled back, but the earlier deploy's GitHub deployment could not be marked inactive: ${error instanceof Error ? error.message : String(error)}`;
        report.warnings.push(message);
        deps.logger.warning(message);
    }
    return report;
}
/** DeployHistory on GitHub Deployments (task deploy:migrations, payload.migrations as migrate writes it). */
function githubDeployHistory(octokit, target) {
    return {
        async markRolledBack(environment, migration, description) {
            let list;
            try {
                list = await octokit.rest.repos.listDeployments({
                    owner: target.owner,
                    repo: target.repo,
                    environment,
                    task: "deploy:migrations",
                    per_page: 100,
                });
            }
            catch (error) {
                throw explainGitHubError(error, `list the deployments of environment "${environment}"`);
            }
            const deploy = list.data.find((d) => {
                const payload = (typeof d.payload === "object" && d.payload !== null ? d.payload : {});
                return payload.command === "deploy" && Array.isArray(payload.migrations) && payload.migrations.some((m) => m?.name === migration);
            });
            if (!deploy)
                return undefined;
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    owner: target.owner,
                    repo: target.repo,
                    deployment_id: deploy.id,
                    state: "inactive",
                    description: clipDescription(description),
                    environment,
                    ...(target.logUrl ? { log_url: target.logUrl } : {}),
                });
            }
            catch (error) {
                throw explainGitHubError(error, `mark deployment ${deploy.id} inactive`);
            }
            return deploy.id;
        },
    };
}

// EXTERNAL MODULE: ./src/core/migration-state.ts
var migration_state = __webpack_require__(8675);
;// CONCATENATED MODULE: ./src/rollback/settings.ts
// What a rollback was asked to do, validated before anything is read or changed: every mistake is a
// ConfigurationError (CLI exit 2) and leaves the database, the working tree and GitHub untouched.
// `--rolled-back` becomes the migrate runner's resolve (the same guards); `--revert` is its own run.





const settings_text = (value) => (value?.trim() ? value.trim() : undefined);
function validateRollback(request) {
    const rolledBack = settings_text(request.rolledBack);
    const revert = settings_text(request.revert);
    if (rolledBack && revert)
        throw new errors/* ConfigurationError */.j("rollback takes either --rolled-back NAME (a migration in the failed state) or --revert NAME (an applied migration to undo), not both.");
    if (!rolledBack && !revert) {
        throw new errors/* ConfigurationError */.j("rollback needs --rolled-back NAME (mark a failed migration rolled back) or --revert NAME (write a new migration that undoes an applied one). Run it at a terminal to be asked.");
    }
    if (rolledBack) {
        if (request.allowDataLoss || settings_text(request.outputDir))
            throw new errors/* ConfigurationError */.j("--output-dir and --allow-data-loss belong to --revert; --rolled-back changes only the migration's record.");
        // The migrate runner's own validation: environment policy, URL, typed confirmation.
        const migrate = (0,settings.validateRequest)({
            command: "resolve",
            rolledBack,
            environment: request.environment,
            databaseUrl: request.databaseUrl,
            workingDirectory: request.workingDirectory,
            schema: request.schema,
            ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
            environments: request.environments,
            productionEnvironments: request.productionEnvironments,
            lockTimeoutSeconds: request.lockTimeoutSeconds,
            reason: request.reason,
        });
        return { kind: "rolled-back", migration: rolledBack, migrate };
    }
    const migration = revert;
    (0,migration_state/* assertMigrationName */.yR)(migration, "--revert");
    const policy = {
        known: settings_text(request.environments) ? (0,core_environment/* parseEnvironmentList */.pI)(request.environments, "environments") : core_environment/* DEFAULT_ENVIRONMENTS */.p0,
        production: settings_text(request.productionEnvironments)
            ? (0,core_environment/* parseEnvironmentList */.pI)(request.productionEnvironments, "production-environments")
            : core_environment/* DEFAULT_PRODUCTION_ENVIRONMENTS */.j2,
    };
    if (!settings_text(request.environment))
        throw new errors/* ConfigurationError */.j(`No environment. Pass --environment NAME: the environment whose database the reverted migration is applied to (one of: ${[...policy.known, ...policy.production].join(", ")}).`);
    const environment = (0,core_environment/* resolveEnvironment */.g9)(request.environment, policy);
    const databaseUrl = (0,settings.validateDatabaseUrl)(request.databaseUrl);
    // Typed like resolve: the migration's name, whatever the environment.
    if (request.confirm?.trim() !== migration) {
        const given = !request.confirm?.trim() ? "no confirmation was given" : `the confirmation was ${JSON.stringify(request.confirm)}`;
        throw new errors/* ConfigurationError */.j(`Reverting a migration must be confirmed: set --confirm (the action: \`confirm\`) to the migration's name, "${migration}"; ${given}. Nothing was changed.`);
    }
    const schema = settings_text(request.schema);
    const outputDir = settings_text(request.outputDir);
    const reason = settings_text(request.reason);
    return {
        kind: "revert",
        migration,
        environment,
        policy,
        databaseUrl,
        workingDirectory: settings_text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        ...(outputDir ? { outputDir: external_node_path_default().resolve(outputDir) } : {}),
        allowDataLoss: Boolean(request.allowDataLoss),
        ...(reason ? { reason } : {}),
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/prompt.ts
var cli_prompt = __webpack_require__(1934);
;// CONCATENATED MODULE: ./src/cli/rollback-command.ts
// `migrate-guard rollback`: mark a failed migration rolled back (--rolled-back, the migrate runner's
// resolve) or write a new migration that reverts an applied one (--revert). At a terminal it asks which
// migration and for the typed confirmation; without one every answer must come as a flag.














const ROLLBACK_USAGE = `Usage: migrate-guard rollback --environment NAME [--database-url URL] [--working-directory DIR]
         (--rolled-back NAME | --revert NAME [--output-dir DIR] [--allow-data-loss]) [--confirm NAME] [--json]

--rolled-back NAME  a migration in the failed state: marks its attempt rolled back (prisma migrate resolve
                    --rolled-back), with the guards and the deployment record of \`resolve\`.
--revert NAME       an applied migration to undo: writes a NEW migration <timestamp>_revert_NAME that takes
                    the schema back to "every migration except NAME" (computed and checked on a throwaway
                    PostgreSQL; the environment's database is only read). It also reverses the schema.prisma
                    change of the commit that added NAME when that applies cleanly and matches the
                    migrations (\`schema: reverted\`), else leaves it and says why (\`schema: unchanged\`).
                    Open a pull request with both.
--output-dir DIR    where the new migration folder goes (default: the project's migrations directory);
                    anywhere else leaves schema.prisma unchanged
--allow-data-loss   accept a reversal that drops tables or columns (refused otherwise, naming them and the
                    rows the environment holds in them)
--confirm NAME      the migration's name (asked at a terminal)
--reason TEXT       why: kept in the GitHub deployment record

Options:
  --environment NAME        the environment (default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL); only read by --revert
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --lock-timeout-seconds N  --rolled-back: how long to wait for a running deploy's migration lock (default: 60)
  --json                    print one JSON document instead of text
  -h, --help                this help

At a terminal without --rolled-back/--revert it lists the environment's failed and applied migrations and asks.
Exit codes: 0 done, 1 failed while changing something, 2 usage error or refused (nothing was changed).
`;
const OPTIONS = {
    environment: { type: "string" },
    "database-url": { type: "string" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    "rolled-back": { type: "string" },
    revert: { type: "string" },
    "output-dir": { type: "string" },
    "allow-data-loss": { type: "boolean" },
    confirm: { type: "string" },
    reason: { type: "string" },
    environments: { type: "string" },
    "production-environments": { type: "string" },
    "lock-timeout-seconds": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
/** At a terminal: the environment's failed migrations (→ --rolled-back) and the newest applied ones (→ --revert). */
async function choose(request, prompt) {
    const url = (0,settings.validateDatabaseUrl)(request.databaseUrl);
    const loaded = await (0,migrate_state/* loadProject */.gi)(request.workingDirectory ?? ".", request.schema);
    const db = await environment_database/* EnvironmentDatabase */.DK.connect(url);
    let choices;
    try {
        const { state } = await (0,migrate_state/* readEnvironmentState */.Jp)(db, loaded, 30);
        choices = [
            ...state.failed.map((f) => ({ kind: "rolledBack", name: f.name, label: `mark rolled back: ${f.name} (failed)` })),
            ...state.applied
                .slice(-5)
                .reverse()
                .map((a) => ({ kind: "revert", name: a.name, label: `revert: ${a.name} (applied ${a.finishedAt.toISOString()})` })),
        ];
    }
    finally {
        await db.close();
    }
    if (choices.length === 0)
        throw new errors/* ConfigurationError */.j(`"${request.environment}" has no failed and no applied migration: there is nothing to roll back.`);
    const rl = (0,promises_.createInterface)({ input: prompt.input, output: prompt.output, terminal: true });
    try {
        prompt.output.write(`Migrations of "${request.environment}":\n${choices.map((c, i) => `  ${i + 1}) ${c.label}\n`).join("")}`);
        const answer = (await rl.question(`Which one (1-${choices.length})? `)).trim();
        const picked = choices[Number(answer) - 1];
        if (!/^\d+$/.test(answer) || !picked)
            throw new errors/* ConfigurationError */.j(`Not a choice: ${JSON.stringify(answer)}. Nothing was changed.`);
        request[picked.kind] = picked.name;
    }
    finally {
        rl.close();
    }
}
async function rollbackCommand(argv, io) {
    const values = (0,args/* parseCommandArgs */.Q)(argv, OPTIONS, ROLLBACK_USAGE).values;
    if (values.help) {
        io.stdout.write(ROLLBACK_USAGE);
        return 0;
    }
    const prompt = io.prompt ?? (0,cli_prompt/* processPromptIo */.kZ)();
    const request = {
        environment: values.environment,
        databaseUrl: values["database-url"] ?? process.env.DATABASE_URL,
        workingDirectory: values["working-directory"],
        schema: values.schema,
        rolledBack: values["rolled-back"],
        revert: values.revert,
        outputDir: values["output-dir"],
        allowDataLoss: values["allow-data-loss"] === true,
        confirm: values.confirm,
        reason: values.reason,
        environments: values.environments,
        productionEnvironments: values["production-environments"],
        lockTimeoutSeconds: values["lock-timeout-seconds"],
    };
    if (!request.rolledBack && !request.revert && request.environment && (0,cli_prompt/* isInteractive */.b4)(prompt))
        await choose(request, prompt);
    const name = request.rolledBack ?? request.revert;
    if (name && request.confirm === undefined) {
        const action = request.rolledBack
            ? `Marking ${name} rolled back on "${request.environment}"`
            : `Writing a migration that reverts ${name}`;
        await (0,cli_prompt/* confirmTyped */.X$)({ action, expected: name, flag: "--confirm", given: undefined }, prompt);
        request.confirm = name;
    }
    const settings = validateRollback(request);
    if (settings.kind === "rolled-back") {
        const report = await runRolledBack(settings.migrate, { logger: io.logger, lint: lint_pending/* lintPending */.D });
        io.stdout.write(values.json
            ? JSON.stringify({ ...(0,migrate_report/* toMigrateJson */.r2)(report), kind: "rolled-back", rolledBackDeployment: report.rolledBackDeployment ?? null }, null, 2) + "\n"
            : (0,render/* renderMigrateText */.f)(report));
        return report.ok ? 0 : report.refused ? 2 : 1;
    }
    const report = await runRevert(settings, { logger: io.logger });
    io.stdout.write(values.json ? JSON.stringify(toRevertJson(report), null, 2) + "\n" : renderRevertText(report));
    return report.ok ? 0 : report.refused ? 2 : 1;
}


/***/ })

};
