import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 470;
export const ids = [470];
export const modules = {

/***/ 2470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERIFY_USAGE: () => (/* binding */ VERIFY_USAGE),
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cache/snapshot-cache.ts
var snapshot_cache = __webpack_require__(9515);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/verify/guard.ts
// "Never crash, always report": a failure inside one check fails that check with an `internal-error`
// finding that says what failed and what to do; the other checks still report.

const CHECK_ORDER = ["lock-file", "naming", "order", "history", "lint", "apply", "timing", "drift"];
function internalError(id, what, error, secrets = []) {
    const text = (0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), secrets)
        .trim()
        .split("\n")
        .slice(0, 12)
        .join("\n");
    return {
        id,
        status: "fail",
        summary: `${what} failed inside migrate-guard`,
        findings: [
            {
                rule: "internal-error",
                severity: "error",
                message: `${what} failed: ${text}. This is a failure of the check itself, not a verdict on your migrations: re-run the job; if it fails again, ` +
                    "run `migrate-guard verify` locally with MIGRATE_GUARD_DEBUG=1 and report the message (the other checks above still ran).",
            },
        ],
    };
}
/** Runs one check; any failure but bad input (ConfigurationError, exit 2) becomes its internal-error result. */
async function guarded(id, what, run, secrets = []) {
    try {
        return await run();
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        return internalError(id, what, error, secrets);
    }
}
/** The checks in their report order; a check that never ran (a failure before it) is an internal error. */
function completeChecks(checks, failure, secrets = []) {
    const have = new Map(checks.map((c) => [c.id, c]));
    return CHECK_ORDER.map((id) => have.get(id) ?? internalError(id, `verify (before the ${id} check could run)`, failure, secrets));
}

// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/core/postgres-major.ts
var postgres_major = __webpack_require__(5584);
;// CONCATENATED MODULE: ./src/postgres/production-major.ts
// Production's PostgreSQL major, for `postgres-version: production` and `auto`: an explicit
// `production-postgres-version`, else the `server` of the stats file (the document lint's sizes come
// from, parsed once by src/stats/stats-file.ts), else — the action only — the newest deploy's record.
// Asked only when postgres-version asks for production's major: a stats file given for its table sizes
// alone never stops verify.



/** "production" or "auto" when postgres-version asks for production's major; undefined otherwise. */
function productionKeyword(postgresVersion) {
    const keyword = postgresVersion?.trim().toLowerCase();
    return keyword === "production" || keyword === "auto" ? keyword : undefined;
}
/**
 * Production's major, or undefined when postgres-version does not ask for it or nothing names it
 * (then the server is the highest installed and the report says why). A bad production-postgres-version
 * is bad input wherever it is given. With `production`, a stats file whose `server` names no major is
 * refused (exit 2) unless another source names it; with `auto`, it is a warning and the fallback.
 */
async function productionMajor(inputs) {
    const explicit = inputs.explicit?.trim();
    let major;
    if (explicit) {
        major = (0,postgres_major/* majorOf */.D)(explicit);
        if (major === undefined)
            throw new errors/* ConfigurationError */.j(`production-postgres-version "${explicit}" is not a PostgreSQL version; expected a major such as "16".`);
    }
    const keyword = productionKeyword(inputs.postgresVersion);
    if (!keyword)
        return undefined;
    if (major !== undefined)
        return major;
    const stats = inputs.stats;
    if (stats?.document.major !== undefined)
        return stats.document.major;
    major = await inputs.fromDeployments?.();
    if (major !== undefined || !stats)
        return major;
    const why = `the stats file "${stats.file}" records no PostgreSQL major in "server" (${stats.document.server === undefined ? "it has none" : `it says "${stats.document.server}"`}; \`migrate-guard stats\` writes e.g. "server": "16")`;
    if (keyword === "production") {
        throw new errors/* ConfigurationError */.j(`postgres-version "production" needs production's PostgreSQL major, but ${why}. Write the file again with \`migrate-guard stats\`, or give production-postgres-version (CLI: --production-postgres-version), or use postgres-version "auto" to fall back to the highest installed PostgreSQL.`);
    }
    inputs.logger?.warning(`postgres-version "auto": ${why}; production's major is unknown, so the highest installed PostgreSQL is used. Write the file again with \`migrate-guard stats\`, or give production-postgres-version.`);
    return undefined;
}

// EXTERNAL MODULE: ./src/report/markdown-text.ts
var markdown_text = __webpack_require__(7141);
;// CONCATENATED MODULE: ./src/report/er-diagram.ts

const DEFAULT_MAX_TABLES = 12;
const DEFAULT_MAX_COLUMNS = 20;
const MARK = { added: "+", changed: "~", dropped: "-", unchanged: "" };
// Words the erDiagram lexer reads as keywords (measured with mermaid.parse), and its key markers.
const RESERVED = new Set([
    "erdiagram",
    "style",
    "classdef",
    "class",
    "subgraph",
    "end",
    "one",
    "many",
    "only",
    "to",
    "optionally",
    "zero",
    "u",
    "o",
    "direction",
    "title",
    "acctitle",
    "accdescr",
    "pk",
    "fk",
    "uk",
]);
/** An identifier every erDiagram lexer accepts as an entity, attribute type or attribute name. */
function mermaidWord(text, fallback = "x") {
    let word = text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/^_+|_+$/g, "")
        .replace(/_{2,}/g, "_");
    if (word === "")
        word = fallback;
    if (/^[0-9]/.test(word))
        word = `_${word}`;
    if (RESERVED.has(word.toLowerCase()))
        word = `${word}_`;
    return word;
}
const TYPE_ALIASES = [
    [/^timestamp(\(\d+\))? with time zone/, "timestamptz$1"],
    [/^timestamp(\(\d+\))? without time zone/, "timestamp$1"],
    [/^time(\(\d+\))? with time zone/, "timetz$1"],
    [/^time(\(\d+\))? without time zone/, "time$1"],
    [/^character varying/, "varchar"],
    [/^character/, "char"],
    [/^double precision/, "float8"],
    [/^bit varying/, "varbit"],
];
/** `timestamp(3) without time zone` → `timestamp_3`, `character varying(255)[]` → `varchar_255_array`. */
function mermaidType(type) {
    let t = type.trim();
    const arrays = (/(\[\])+$/.exec(t)?.[0].length ?? 0) / 2;
    t = t.replace(/(\[\])+$/, "");
    for (const [pattern, alias] of TYPE_ALIASES)
        t = t.replace(pattern, alias);
    // An enum or domain: its own name, without schema and quotes.
    if (/^(?:"(?:[^"]|"")*"|[^".]+)\.(?:"(?:[^"]|"")*"|[^".]+)$/.test(t))
        t = t.slice(t.search(/\.(?=[^.]*$|")/) + 1);
    return mermaidWord(`${t}${"_array".repeat(arrays)}`, "type");
}
/** Text for a quoted comment or label: no double quote, one `~` at most per line (the lexer's generic-type rule), no newline. */
function quoted(text) {
    // The change mark `~` is the one tilde kept (first character); any other becomes `-`.
    const clean = text
        .replace(/["\r\n\\]/g, "'")
        .replace(/(?!^)~/g, "-")
        .replace(/%%/g, "%")
        .replace(/#/g, "no.");
    return `"${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}"`;
}
const tableLabel = (t, qualify) => (qualify ? `${t.schema}.${t.name}` : t.name);
/** Column rows in the order a reviewer reads them: changed first, then keys, then the rest. */
function pickColumns(table, max) {
    const neighbour = !table.touched;
    const rank = (c) => (c.status !== "unchanged" ? 0 : c.primaryKey || c.foreignKey ? 1 : 2);
    const candidates = neighbour ? table.columns.filter((c) => c.primaryKey || c.foreignKey || c.unique) : table.columns;
    const keep = new Set([...candidates].sort((a, b) => rank(a) - rank(b)).slice(0, max));
    const shown = table.columns.filter((c) => keep.has(c));
    return { shown, hidden: table.columns.length - shown.length };
}
function attributeRow(c, type, name) {
    const keys = [c.primaryKey ? "PK" : "", c.foreignKey ? "FK" : "", c.unique && !c.primaryKey ? "UK" : ""].filter(Boolean).join(", ");
    const comment = [MARK[c.status], c.detail ?? "", name !== c.name ? `column ${c.name}` : ""].filter(Boolean).join(" ");
    return `    ${type} ${name}${keys ? ` ${keys}` : ""}${comment ? ` ${quoted(comment)}` : ""}`;
}
function relationLine(r, ids) {
    // Left: how many target rows each referencing row has; right: how many referencing rows per target.
    const target = r.optional ? "|o" : "||";
    const source = r.oneToOne ? "o|" : "o{";
    const line = r.status === "dropped" ? ".." : "--";
    const label = `${MARK[r.status]} ${r.from.columns.join(", ")}`.trim().replace(/direction(\s+)(TB|BT|RL|LR)/gi, "direction_$2");
    return `  ${ids.get(`${r.to.schema}.${r.to.table}`)} ${target}${line}${source} ${ids.get(`${r.from.schema}.${r.from.table}`)} : ${quoted(label)}`;
}
/** The Markdown lines of the diagram section: a ```mermaid block, its legend, and what was left out. */
function renderErDiagram(change, options = {}) {
    const maxTables = Math.max(1, options.maxTables ?? DEFAULT_MAX_TABLES);
    const maxColumns = Math.max(1, options.maxColumns ?? DEFAULT_MAX_COLUMNS);
    const tables = change.tables.slice(0, maxTables);
    const omitted = change.tables.slice(maxTables);
    const qualify = new Set(change.tables.map((t) => t.schema)).size > 1;
    const ids = new Map();
    const used = new Set();
    const renamed = [];
    for (const t of tables) {
        const label = tableLabel(t, qualify);
        const base = mermaidWord(label, "table");
        let id = base;
        for (let n = 2; used.has(id.toLowerCase()); n++)
            id = `${base}_${n}`;
        used.add(id.toLowerCase());
        ids.set(`${t.schema}.${t.name}`, id);
        if (id !== label)
            renamed.push(`${(0,markdown_text/* code */.aY)(id, { maxChars: 100 })} is ${(0,markdown_text/* code */.aY)(label, { maxChars: 200 })}`);
    }
    const body = ["erDiagram"];
    for (const t of tables) {
        const { shown, hidden } = pickColumns(t, maxColumns);
        body.push(`  ${ids.get(`${t.schema}.${t.name}`)} {`);
        const names = new Set();
        for (const c of shown) {
            let name = mermaidWord(c.name, "column");
            for (let n = 2; names.has(name.toLowerCase()); n++)
                name = `${mermaidWord(c.name, "column")}_${n}`;
            names.add(name.toLowerCase());
            body.push(attributeRow(c, mermaidType(c.type), name));
        }
        if (hidden > 0)
            body.push(`    more columns ${quoted(`${hidden} ${t.touched ? "unchanged " : ""}not shown`)}`);
        body.push("  }");
    }
    for (const r of change.relations) {
        if (ids.has(`${r.from.schema}.${r.from.table}`) && ids.has(`${r.to.schema}.${r.to.table}`))
            body.push(relationLine(r, ids));
    }
    const fence = "```";
    const lines = [`${fence}mermaid`, ...body, fence, ""];
    lines.push(...legend(change.tables, tables, qualify));
    if (omitted.length > 0) {
        const names = omitted.slice(0, 30).map((t) => `${(0,markdown_text/* code */.aY)(tableLabel(t, qualify), { maxChars: 200 })}${t.touched ? ` (${t.status})` : ""}`);
        lines.push(`_… and ${(0,markdown_text/* plural */.LS)(omitted.length, "more table")} not drawn: ${names.join(", ")}${omitted.length > names.length ? ", …" : ""}._`, "");
    }
    if (renamed.length > 0)
        lines.push(`Names in the diagram: ${renamed.join(", ")}.`, "");
    return lines;
}
function legend(all, drawn, qualify) {
    const lines = [
        "`+` added · `~` changed · `-` dropped (in the column comments; a dashed line is a dropped foreign key). Tables without marks are neighbours, shown for their relations.",
        "",
    ];
    const group = (status) => all.filter((t) => t.touched && t.status === status).map((t) => (0,markdown_text/* code */.aY)(tableLabel(t, qualify), { maxChars: 200 }));
    const parts = ["added", "changed", "dropped"].map((s) => [s, group(s)]).filter(([, names]) => names.length > 0);
    for (const [status, names] of parts) {
        const shown = names.slice(0, 30);
        lines.push(`- **${status}**: ${shown.join(", ")}${names.length > shown.length ? `, … (${names.length - shown.length} more)` : ""}`);
    }
    for (const t of drawn) {
        if (t.notes.length === 0)
            continue;
        const notes = t.notes.slice(0, 10).map((n) => (0,markdown_text/* inline */.mG)(n, 200));
        lines.push(`- ${(0,markdown_text/* code */.aY)(tableLabel(t, qualify), { maxChars: 200 })}: ${notes.join("; ")}${t.notes.length > notes.length ? `; … (${t.notes.length - notes.length} more)` : ""}`);
    }
    if (parts.length > 0)
        lines.push("");
    return lines;
}
/**
 * The report's "Schema change" section: the diagram, or why there is none. `maxTables` 0 leaves the
 * diagram out (the report is too long for GitHub) and says so.
 */
function schemaChangeSection(outcome, options = {}) {
    if (!outcome)
        return [];
    const lines = ["### Schema change", ""];
    if ("missing" in outcome)
        return [...lines, `_Not drawn: ${(0,markdown_text/* inline */.mG)(outcome.missing, 500)}._`, ""];
    if (outcome.change.tables.length === 0)
        return [...lines, "_The new migrations change no table, column, key or index._", ""];
    if (options.maxTables === 0) {
        return [...lines, `_The diagram of ${(0,markdown_text/* plural */.LS)(outcome.change.tables.length, "table")} was omitted to fit GitHub's size limit._`, ""];
    }
    return [...lines, ...renderErDiagram(outcome.change, options)];
}
/** One line for the terminal report, e.g. "schema change: added Comment; changed Post (diagram: --markdown FILE)". */
function schemaChangeLine(outcome) {
    if (!outcome)
        return undefined;
    if ("missing" in outcome)
        return `schema change: not compared — ${outcome.missing}`;
    const touched = outcome.change.tables.filter((t) => t.touched);
    if (touched.length === 0)
        return "schema change: no table, column, key or index changed";
    const qualify = new Set(outcome.change.tables.map((t) => t.schema)).size > 1;
    const parts = ["added", "changed", "dropped"].flatMap((status) => {
        const names = touched.filter((t) => t.status === status).map((t) => tableLabel(t, qualify));
        if (names.length === 0)
            return [];
        return [`${status} ${names.slice(0, 10).join(", ")}${names.length > 10 ? ` and ${names.length - 10} more` : ""}`];
    });
    return `schema change: ${parts.join("; ")} (diagram: --markdown FILE)`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


/** GitHub rejects issue comment bodies longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** Leaves room for the hidden marker the PR comment adds and for a caller's own footer. */
const DEFAULT_MAX_LENGTH = 65_000;
const STATUS_ICON = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" };
const SEVERITY_ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" };
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
const ALL = Number.POSITIVE_INFINITY;
// Ordered least important first: the migration table goes before the SQL, the SQL before findings,
// because findings are what the author must act on.
const LADDER = [
    { migrations: ALL, sqlChars: ALL, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
    { migrations: 50, sqlChars: ALL, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
    { migrations: 20, sqlChars: 20_000, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
    { migrations: 20, sqlChars: 5_000, findingsPerCheck: ALL, differences: 200, textChars: 2_000 },
    { migrations: 10, sqlChars: 5_000, findingsPerCheck: 50, differences: 100, textChars: 2_000 },
    { migrations: 10, sqlChars: 2_000, findingsPerCheck: 20, differences: 50, textChars: 1_000 },
    { migrations: 5, sqlChars: 1_000, findingsPerCheck: 10, differences: 20, textChars: 500 },
    { migrations: 0, sqlChars: 0, findingsPerCheck: 5, differences: 10, textChars: 300 },
    { migrations: 0, sqlChars: 0, findingsPerCheck: 1, differences: 5, textChars: 200 },
    { migrations: 0, sqlChars: 0, findingsPerCheck: 0, differences: 0, textChars: 200 },
];
function renderMarkdown(report, options = {}) {
    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    let text = "";
    for (const [step, limits] of LADDER.entries()) {
        text = render(report, options, limits);
        if (text.length > maxLength)
            continue;
        const previous = LADDER[step - 1];
        if (!previous || previous.findingsPerCheck <= limits.findingsPerCheck)
            return text;
        return widestFindings(report, options, limits, previous.findingsPerCheck, maxLength) ?? text;
    }
    return cutAtLine(text, maxLength);
}
/**
 * The ladder's steps are coarse; when a step had to cap findings, show as many per check as still
 * fit (binary search between this step's cap and the previous one's) since findings matter most.
 */
function widestFindings(report, options, limits, upper, maxLength) {
    const most = Math.max(...report.checks.map((c) => c.findings.length));
    let low = limits.findingsPerCheck;
    let high = Math.min(upper, most);
    let best;
    while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const text = render(report, options, { ...limits, findingsPerCheck: mid });
        if (text.length <= maxLength) {
            best = text;
            low = mid + 1;
        }
        else {
            high = mid - 1;
        }
    }
    return best;
}
function render(report, options, limits) {
    const lines = [
        ...headline(report, options.title ?? "migrate-guard"),
        ...checksTable(report.checks, limits),
        ...findingsSection(report.checks, limits),
        ...schemaChangeSection(report.schemaChange, diagramLimits(limits)),
        ...migrationsSection(report.migrations, limits),
        ...(report.drift ? driftSection(report.drift, limits) : []),
        ...footer(report, options.runUrl),
    ];
    return `${lines.join("\n")}\n`;
}
function headline(report, title) {
    const count = (status) => report.checks.filter((c) => c.status === status).length;
    const labels = [
        ["fail", "failed"],
        ["warn", "with warnings"],
        ["pass", "passed"],
        ["skip", "skipped"],
    ];
    const statusParts = labels.filter(([status]) => count(status) > 0).map(([status, label]) => `${(0,markdown_text/* formatCount */.B4)(count(status))} ${label}`);
    const checks = (0,markdown_text/* plural */.LS)(report.checks.length, "check");
    const findings = report.checks.flatMap((c) => c.findings);
    const severity = (s) => findings.filter((f) => f.severity === s).length;
    const detail = [
        (0,markdown_text/* plural */.LS)(severity("error"), "error"),
        (0,markdown_text/* plural */.LS)(severity("warning"), "warning"),
        ...(severity("notice") > 0 ? [(0,markdown_text/* plural */.LS)(severity("notice"), "notice")] : []),
        ...(report.migrations.length > 0 ? [`${(0,markdown_text/* plural */.LS)(report.migrations.length, "migration")} applied`] : []),
        ...(report.drift && report.drift.differences.length > 0 ? ["schema drift found"] : []),
        ...(report.drift?.existing?.length ? [`${(0,markdown_text/* plural */.LS)(report.drift.existing.length, "difference")} already on the base branch`] : []),
    ];
    return [
        `## ${report.ok ? "✅" : "❌"} ${(0,markdown_text/* inline */.mG)(title, 200)}: ${checks}${statusParts.length ? ` (${statusParts.join(", ")})` : ""}`,
        "",
        detail.join(" · "),
        "",
    ];
}
function checksTable(checks, limits) {
    if (checks.length === 0)
        return ["_No checks ran._", ""];
    return [
        "| | Check | Summary | Findings |",
        "| :-: | --- | --- | --: |",
        ...checks.map((c) => `| ${STATUS_ICON[c.status]} | ${(0,markdown_text/* code */.aY)(c.id, { inTable: true, maxChars: 100 })} | ${(0,markdown_text/* cell */.Hn)(c.summary, limits.textChars)} | ${(0,markdown_text/* formatCount */.B4)(c.findings.length)} |`),
        "",
    ];
}
function findingsSection(checks, limits) {
    const withFindings = checks.filter((c) => c.findings.length > 0);
    if (withFindings.length === 0)
        return [];
    const lines = ["### Findings", ""];
    for (const check of withFindings) {
        lines.push(`**${STATUS_ICON[check.status]} ${(0,markdown_text/* code */.aY)(check.id, { maxChars: 100 })}** (${(0,markdown_text/* formatCount */.B4)(check.findings.length)})`, "");
        // Errors first, so a cut keeps what blocks the merge.
        const sorted = [...check.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        const shown = sorted.slice(0, limits.findingsPerCheck);
        for (const finding of shown)
            lines.push(findingLine(finding, limits));
        const rest = sorted.length - shown.length;
        if (rest > 0) {
            lines.push(`- … and ${(0,markdown_text/* plural */.LS)(rest, "more finding")} in this check (all of them are in the job log and the SARIF file)`);
        }
        lines.push("");
    }
    return lines;
}
function findingLine(finding, limits) {
    const where = finding.file ? `${(0,markdown_text/* code */.aY)(finding.line ? `${finding.file}:${finding.line}` : finding.file, { maxChars: 300 })} — ` : "";
    return `- ${SEVERITY_ICON[finding.severity]} ${where}${(0,markdown_text/* inline */.mG)(finding.message, limits.textChars)} (${(0,markdown_text/* code */.aY)(finding.rule, { maxChars: 100 })})`;
}
function migrationsSection(migrations, limits) {
    if (migrations.length === 0)
        return [];
    const total = migrations.reduce((sum, m) => sum + m.durationMs, 0);
    const slow = migrations.filter((m) => m.slow).length;
    const lines = [
        `### Migrations (${(0,markdown_text/* plural */.LS)(migrations.length, "migration")} in ${(0,markdown_text/* formatDuration */.a3)(total)}${slow ? `, ${(0,markdown_text/* formatCount */.B4)(slow)} slow 🐢` : ""})`,
        "",
    ];
    const shown = keepSlowest(migrations, limits.migrations);
    if (shown.length > 0) {
        lines.push("| Migration | Duration |", "| --- | --: |");
        for (const m of shown) {
            lines.push(`| ${(0,markdown_text/* code */.aY)(m.name, { inTable: true, maxChars: 200 })}${m.slow ? " 🐢" : ""} | ${(0,markdown_text/* formatDuration */.a3)(m.durationMs)} |`);
        }
        lines.push("");
    }
    const omitted = migrations.length - shown.length;
    if (omitted > 0) {
        lines.push(shown.length > 0
            ? `_Showing the ${(0,markdown_text/* formatCount */.B4)(shown.length)} slowest; ${(0,markdown_text/* plural */.LS)(omitted, "faster migration")} omitted to fit GitHub's size limit._`
            : `_Table of ${(0,markdown_text/* plural */.LS)(omitted, "migration")} omitted to fit GitHub's size limit._`, "");
    }
    return lines;
}
/** The slowest `n`, in their original (apply) order so the table still reads as a history. */
function keepSlowest(migrations, n) {
    if (migrations.length <= n)
        return migrations;
    const ranked = migrations.map((m, index) => ({ m, index })).sort((a, b) => b.m.durationMs - a.m.durationMs);
    const keep = new Set(ranked.slice(0, n).map((r) => r.index));
    return migrations.filter((_, index) => keep.has(index));
}
function differenceList(differences, limits) {
    const lines = [];
    const shown = differences.slice(0, limits.differences);
    for (const difference of shown)
        lines.push(`- ${(0,markdown_text/* inline */.mG)(difference, limits.textChars)}`);
    const rest = differences.length - shown.length;
    if (rest > 0)
        lines.push(`- … and ${(0,markdown_text/* plural */.LS)(rest, "more difference")}`);
    if (differences.length > 0)
        lines.push("");
    return lines;
}
function driftSection(drift, limits) {
    const lines = ["### Schema drift", ""];
    if (drift.differences.length > 0) {
        lines.push("**New in this pull request** — the database built from the migrations differs from the Prisma schema:", "", ...differenceList(drift.differences, limits));
    }
    const existing = drift.existing ?? [];
    if (existing.length > 0) {
        const where = drift.baseRef ? (0,markdown_text/* code */.aY)(drift.baseRef, { maxChars: 200 }) : "the base branch";
        lines.push(`<details><summary>⚠️ Already on ${where}: ${(0,markdown_text/* plural */.LS)(existing.length, "difference")} (not failed: this pull request does not add them)</summary>`, "", ...differenceList(existing, limits), "</details>", "");
    }
    if (drift.judge)
        lines.push(`_Judged by ${(0,markdown_text/* inline */.mG)(drift.judge, 300)}._`, "");
    const sql = drift.sql.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    if (sql.length > 0) {
        const kept = truncateSql(sql, limits.sqlChars);
        if (kept.length > 0) {
            const fence = (0,markdown_text/* blockFence */.NJ)(kept);
            lines.push(`<details><summary>SQL a new migration needs (${(0,markdown_text/* plural */.LS)(sql.split("\n").length, "line")})</summary>`, "", `${fence}sql`, kept, fence, "");
            if (kept.length < sql.length) {
                lines.push(`_SQL truncated: ${(0,markdown_text/* formatCount */.B4)(sql.length - kept.length)} of ${(0,markdown_text/* formatCount */.B4)(sql.length)} characters omitted; run the command below to see all of it._`, "");
            }
            lines.push("</details>", "");
        }
        else {
            lines.push(`_The SQL (${(0,markdown_text/* formatCount */.B4)(sql.length)} characters) was omitted to fit GitHub's size limit; run the command below to see it._`, "");
        }
    }
    if (drift.fixCommand && drift.differences.length > 0)
        lines.push(`To fix it, create the missing migration: ${(0,markdown_text/* code */.aY)(drift.fixCommand, { maxChars: 500 })}`, "");
    return lines;
}
/** The diagram shrinks with the rest of the report: tied to the ladder's cap on single texts. */
function diagramLimits(limits) {
    if (limits.textChars >= 2_000)
        return { maxTables: 12, maxColumns: 20 };
    if (limits.textChars >= 1_000)
        return { maxTables: 8, maxColumns: 12 };
    if (limits.textChars >= 500)
        return { maxTables: 5, maxColumns: 8 };
    return { maxTables: 0, maxColumns: 0 };
}
/** Cut at a line end so no statement is split mid-way (unless one line alone exceeds the budget). */
function truncateSql(sql, maxChars) {
    if (sql.length <= maxChars)
        return sql;
    if (maxChars <= 0)
        return "";
    const cut = sql.lastIndexOf("\n", maxChars);
    return cut > 0 ? sql.slice(0, cut) : (0,markdown_text/* clip */.$Q)(sql, maxChars);
}
function footer(report, runUrl) {
    const parts = [`verified in ${(0,markdown_text/* formatDuration */.a3)(report.durationMs)}`];
    if (report.prismaVersion)
        parts.push(`Prisma ${(0,markdown_text/* inline */.mG)(report.prismaVersion, 50)}`);
    // server_version reads "15.18 (Debian 15.18-0+deb12u1)"; the number is what a reader compares.
    const postgres = report.postgresVersion?.replace(/^PostgreSQL\s+/i, "").split(/\s/)[0];
    const server = report.postgresServer;
    if (postgres)
        parts.push(`PostgreSQL ${(0,markdown_text/* inline */.mG)(postgres, 50)}${server?.source === "npm" ? ` (from npm${server.fetchMs !== undefined ? `, fetched in ${(0,markdown_text/* formatDuration */.a3)(server.fetchMs)}` : ""})` : ""}`);
    if (report.cache && report.cache.state !== "off")
        parts.push(`cache: ${report.cache.state}${report.cache.savedMs ? ` (saved ${(0,markdown_text/* formatDuration */.a3)(report.cache.savedMs)})` : ""}`);
    const url = (0,markdown_text/* safeUrl */.Pl)(runUrl);
    if (url)
        parts.push(`[workflow run](${url})`);
    const note = server?.note ? [`> [!NOTE]\n> ${(0,markdown_text/* inline */.mG)(server.note, 400)}`, ""] : [];
    return [...note, "---", `<sub>migrate-guard · ${parts.join(" · ")}</sub>`];
}
/**
 * Last resort when even the smallest rendering is too long (e.g. thousands of checks): keep whole
 * lines only, so a table row or a list item is never split.
 */
function cutAtLine(text, maxLength) {
    const note = "\n_…output cut to fit GitHub's size limit; see the job log for the rest._\n";
    const budget = maxLength - note.length;
    if (budget <= 0)
        return "";
    const lines = text.split("\n");
    let length = 0;
    let kept = 0;
    for (const line of lines) {
        if (length + line.length + 1 > budget)
            break;
        length += line.length + 1;
        kept += 1;
    }
    return `${lines.slice(0, kept).join("\n")}\n${note}`;
}

;// CONCATENATED MODULE: ./src/report/text.ts
// The CLI's terminal report: one line per check, findings indented under it, drift SQL at the end.


const ICON = { pass: "✔", fail: "✖", warn: "!", skip: "-" };
function renderText(report, options = {}) {
    const paint = (code, s) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const colorOf = { pass: 32, fail: 31, warn: 33, skip: 90 };
    const lines = [];
    for (const check of report.checks) {
        lines.push(`${paint(colorOf[check.status], `${ICON[check.status]} ${check.id.padEnd(9)}`)} ${check.summary}`);
        const shown = check.findings.slice(0, 50);
        for (const f of shown) {
            const where = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "";
            lines.push(`    ${f.severity === "error" ? paint(31, "error") : f.severity === "warning" ? paint(33, "warning") : "note"} ${where ? `${where} ` : ""}[${f.rule}] ${f.message}`);
        }
        if (check.findings.length > shown.length)
            lines.push(`    … and ${check.findings.length - shown.length} more`);
    }
    const drift = report.drift;
    if (drift?.existing?.length) {
        lines.push("", `Drift already on ${drift.baseRef ?? "the base branch"} (${drift.existing.length}, not failed):`, ...drift.existing.map((d) => `  - ${d}`));
    }
    if (drift && drift.differences.length > 0) {
        lines.push("", "SQL a new migration needs to match schema.prisma:", "", drift.sql.trimEnd(), "", `Create it with: ${drift.fixCommand}`);
    }
    if (drift?.judge)
        lines.push("", `drift judged by ${drift.judge}`);
    const failed = report.checks.filter((c) => c.status === "fail").length;
    const change = schemaChangeLine(report.schemaChange);
    if (change)
        lines.push("", change);
    if (report.cache)
        lines.push("", `cache: ${report.cache.state} — ${report.cache.detail}`);
    if (report.postgresServer) {
        lines.push(`postgres: ${(0,core_report/* describeServer */.X8)(report.postgresServer)}`);
        if (report.postgresServer.note)
            lines.push(`  ${paint(33, "note")} ${report.postgresServer.note}`);
    }
    lines.push("", `${report.ok ? paint(32, "Migrations verified") : paint(31, `${failed} check(s) failed`)} — ${report.migrations.length} migrations, ${(report.durationMs / 1000).toFixed(1)} s` +
        `${report.prismaVersion ? `, Prisma ${report.prismaVersion}` : ""}${report.postgresVersion ? `, PostgreSQL ${report.postgresVersion.split(" ")[0]}` : ""}`);
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./src/core/migrations.ts
var core_migrations = __webpack_require__(3294);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var binaries = __webpack_require__(1758);
// EXTERNAL MODULE: ./src/postgres/cluster.ts + 1 modules
var postgres_cluster = __webpack_require__(8707);
// EXTERNAL MODULE: ./src/postgres/database.ts
var postgres_database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/prisma/cli.ts
var cli = __webpack_require__(9086);
// EXTERNAL MODULE: ./src/prisma/project.ts
var prisma_project = __webpack_require__(6769);
// EXTERNAL MODULE: ./src/sql/statements.ts
var statements = __webpack_require__(5528);
;// CONCATENATED MODULE: ./src/postgres/explain-failure.ts




function describe(error, url) {
    const failure = { message: (0,errors/* redact */.E)(error.message, [url]) };
    if (error.code)
        failure.code = error.code;
    if (error.detail)
        failure.detail = error.detail;
    if (error.hint)
        failure.hint = error.hint;
    return failure;
}
async function explainFailure(url, sql) {
    const split = await (0,statements/* splitStatements */.X)(sql);
    if (!split.ok) {
        return { message: `syntax error: ${split.message}`, ...(split.position !== undefined ? (0,core_migrations/* lineAndColumn */.q1)(sql, split.position) : {}) };
    }
    const client = await (0,postgres_database/* connectClient */.mh)(url);
    try {
        await client.query("BEGIN");
        for (const statement of split.statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                const e = error;
                const failure = describe(e, url);
                const position = Number(e.position);
                const offset = statement.start + (Number.isFinite(position) && position > 0 ? position - 1 : 0);
                return { ...failure, ...(0,core_migrations/* lineAndColumn */.q1)(sql, offset) };
            }
        }
        // It passed this time: the failure depended on something else (a lock timeout, say).
        return undefined;
    }
    finally {
        await client.query("ROLLBACK").catch(() => { });
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/postgres/progress.ts

/** How many migrations Prisma has finished so far; 0 before it created its table. */
async function countFinished(url) {
    const client = await (0,postgres_database/* connectClient */.mh)(url);
    try {
        const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
        if (!exists.rows[0]?.t)
            return 0;
        const { rows } = await client.query("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
        return Number(rows[0]?.n ?? 0);
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/apply.ts



/** Reports progress from the database itself while Prisma works: 800 migrations must not look hung. */
function watchProgress(url, total, logger) {
    let last = -1;
    const timer = setInterval(() => {
        countFinished(url).then((n) => {
            if (n !== last && n > 0)
                logger.info(`  applied ${n}/${total} migrations…`);
            last = n;
        }, () => { });
    }, 2000);
    timer.unref();
    return () => clearInterval(timer);
}
async function applyMigrations(params) {
    const { prisma, url, migrations, logger } = params;
    logger.info(`Applying ${migrations.length - (params.restored?.() ?? 0)} migrations with prisma migrate deploy (Prisma ${prisma.version})…`);
    const stop = watchProgress(url, migrations.length, logger);
    let result;
    try {
        const onLine = (line) => logger.debug(`prisma: ${line}`);
        result = await (params.deploy ? params.deploy(onLine) : prisma.deploy(url, onLine));
    }
    finally {
        stop();
    }
    const rows = await (0,postgres_database/* readPrismaMigrations */.AB)(url).catch(() => []);
    const restored = params.restored?.() ?? 0;
    if (result.code === 0) {
        // The database, not the exit status, says what was applied: Prisma 7's CLI can exit 0 having
        // applied nothing when its schema engine process dies mid-command (measured with an engine that
        // exits 101 on a panic, as the native one does; see test/prisma7).
        const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
        const missing = migrations.filter((m) => !applied.has(m.name));
        if (missing.length === 0) {
            const from = restored > 0 ? ` (${restored} of them restored from the snapshot cache, where Prisma applied them)` : "";
            return {
                succeeded: true,
                rows,
                check: {
                    id: "apply",
                    status: "pass",
                    summary: `${rows.length} migrations applied with prisma migrate deploy${from}`,
                    findings: [],
                },
            };
        }
        return {
            succeeded: false,
            rows,
            check: {
                id: "apply",
                status: "fail",
                summary: `prisma migrate deploy exited 0 but ${missing.length} of ${migrations.length} migrations are not applied`,
                findings: [
                    {
                        rule: "deploy-failed",
                        severity: "error",
                        message: `prisma migrate deploy reported success, but ${missing.length} migration(s) are not applied in the database (first: ${missing[0].name}); Prisma's schema engine probably stopped early:\n${tail(result.stderr || result.stdout)}`,
                    },
                ],
            },
        };
    }
    const applied = rows.filter((r) => r.finished_at !== null).length;
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    const migration = failed ? migrations.find((m) => m.name === failed.migration_name) : undefined;
    const findings = [];
    if (migration) {
        const failure = await explainFailure(url, migration.sql).catch(() => undefined);
        const pgText = failure
            ? `${failure.code ? `[${failure.code}] ` : ""}${failure.message}${failure.detail ? ` (${failure.detail})` : ""}`
            : firstErrorLine(result.stderr || result.stdout);
        findings.push({
            rule: "migration-failed",
            severity: "error",
            file: migration.file,
            line: failure?.line ?? 1,
            ...(failure?.column ? { column: failure.column } : {}),
            message: `Migration "${migration.name}" failed: ${pgText}${failure?.hint ? ` Hint: ${failure.hint}` : ""}`,
        });
    }
    else {
        findings.push({
            rule: "deploy-failed",
            severity: "error",
            // No migration failed: Prisma stopped on something else (a folder without migration.sql, the lock file, the config).
            message: `prisma migrate deploy failed ${applied > 0 ? `after applying ${applied} migration(s), ` : "before applying any migration, "}on no migration of its own:\n${tail(result.stderr || result.stdout)}`,
        });
    }
    return {
        succeeded: false,
        rows,
        check: {
            id: "apply",
            status: "fail",
            summary: `prisma migrate deploy failed after ${applied} of ${migrations.length} migrations`,
            findings,
        },
    };
}
function firstErrorLine(output) {
    const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const index = lines.findIndex((l) => /^Error/.test(l));
    return (index >= 0 ? lines.slice(index, index + 3) : lines.slice(-3)).join(" ");
}
function tail(output) {
    return output.trim().split("\n").slice(-15).join("\n");
}
function timingCheck(rows, slowSeconds, fileOf) {
    const timings = rows
        .filter((r) => r.finished_at !== null)
        .map((r) => {
        const durationMs = Math.max(0, r.finished_at.getTime() - r.started_at.getTime());
        return { name: r.migration_name, durationMs, ...(durationMs > slowSeconds * 1000 ? { slow: true } : {}) };
    });
    const findings = timings
        .filter((t) => t.slow)
        .map((t) => {
        const file = fileOf(t.name);
        return {
            rule: "slow-migration",
            severity: "warning",
            ...(file ? { file, line: 1 } : {}),
            message: `Migration "${t.name}" took ${(t.durationMs / 1000).toFixed(1)} s on an empty database (limit ${slowSeconds} s). On production data it will take longer and may hold locks.`,
        };
    });
    const total = timings.reduce((s, t) => s + t.durationMs, 0);
    return {
        timings,
        check: {
            id: "timing",
            status: findings.length ? "warn" : "pass",
            summary: `${timings.length} migrations took ${(total / 1000).toFixed(1)} s in total; slowest ${slowest(timings)}`,
            findings,
        },
    };
}
function slowest(timings) {
    const top = [...timings].sort((a, b) => b.durationMs - a.durationMs)[0];
    return top ? `${top.name} (${top.durationMs} ms)` : "none";
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/postgres/snapshot.ts
var snapshot = __webpack_require__(2771);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/verify/prefix.ts
// The verified prefix: the leading migrations (in Prisma's order) that the branch shares, name and
// bytes, with its base ref. Their migrated state is what the snapshot cache keeps. To build it on a
// miss without replaying anything twice, Prisma first deploys a copy of the project that holds only
// the prefix (same schema, same config, a migrations folder with the prefix's files copied byte for
// byte, so its `_prisma_migrations` checksums are the real ones), then the real project.




/** Without a base ref every migration is existing history: the whole list is the prefix. */
function verifiedPrefix(current, base) {
    if (!base)
        return [...current];
    const byName = new Map(base.map((b) => [b.name, b.sql]));
    const prefix = [];
    for (const m of current) {
        if (byName.get(m.name) !== m.sql)
            break;
        prefix.push(m);
    }
    // A base migration missing from the branch (deleted, renamed) ends the shared history: what
    // follows it in the base's order is not the base's state any more.
    const baseSorted = base.map((b) => b.name).sort(core_migrations/* compareMigrationNames */.wd);
    const shared = prefix.findIndex((m, i) => baseSorted[i] !== m.name);
    return shared === -1 ? prefix : prefix.slice(0, shared);
}
/**
 * A temporary project whose migrations folder holds only `prefix`. With a prisma.config file the copy
 * is a config that imports the real one and overrides the schema and migrations paths (Prisma 7 needs
 * its config for the URL; the adapter, engine and env come along); without one, the schema is copied
 * next to the migrations folder, where Prisma 5/6 look for it.
 */
async function writePrefixProject(project, migrationsDir, prefix, options = {}) {
    const root = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-prefix-"));
    const remove = () => (0,promises_.rm)(root, { recursive: true, force: true });
    try {
        // Prisma 5/6 without a config look for migrations beside the schema file, or inside a schema folder.
        const schemaCopy = external_node_path_default().join(root, external_node_path_default().basename(project.schemaPath));
        const schemaIsFolder = !project.configFile && (await (0,promises_.stat)(project.schemaPath)).isDirectory();
        const migrations = schemaIsFolder ? external_node_path_default().join(schemaCopy, "migrations") : external_node_path_default().join(root, "migrations");
        if (!project.configFile)
            await copyTree(project.schemaPath, schemaCopy);
        await (0,promises_.mkdir)(migrations, { recursive: true });
        await (0,promises_.copyFile)(external_node_path_default().join(migrationsDir, core_migrations/* LOCK_FILE */.FI), external_node_path_default().join(migrations, core_migrations/* LOCK_FILE */.FI)).catch(() => { });
        await Promise.all(prefix.map(async (m) => {
            await (0,promises_.mkdir)(external_node_path_default().join(migrations, m.name));
            // `texts`: another commit's migrations (the base ref's), written from their text.
            const text = options.texts?.get(m.name);
            if (text !== undefined)
                await (0,promises_.writeFile)(external_node_path_default().join(migrations, m.name, "migration.sql"), text);
            else
                await (0,promises_.copyFile)(external_node_path_default().join(migrationsDir, m.name, "migration.sql"), external_node_path_default().join(migrations, m.name, "migration.sql"));
        }));
        if (project.configFile) {
            const configFile = external_node_path_default().join(root, "prisma.config.ts");
            const source = [
                `import base from ${JSON.stringify(project.configFile)};`,
                `const config = { ...base, schema: ${JSON.stringify(project.schemaPath)}, migrations: { ...(base.migrations ?? {}), path: ${JSON.stringify(migrations)} } };`,
                "export default config;",
                "",
            ].join("\n");
            await (0,promises_.writeFile)(configFile, source);
            return { from: { configFile }, remove };
        }
        return { from: { schemaPath: schemaCopy }, remove };
    }
    catch (error) {
        await remove();
        throw error;
    }
}
async function copyTree(from, to) {
    // A schema folder (prismaSchemaFolder) keeps its .prisma files; its own migrations folder is not copied.
    await (0,promises_.cp)(from, to, { recursive: true, filter: (src) => external_node_path_default().basename(src) !== "migrations" });
}

;// CONCATENATED MODULE: ./src/verify/snapshot.ts
// verify's use of the snapshot cache (src/cache/snapshot-cache.ts): look the verified prefix up,
// restore it on a hit, and on a miss make Prisma deploy the prefix first so that its state can be
// copied inside the server (CREATE DATABASE … TEMPLATE) before the new migrations are applied; the
// copy is dumped into the cache once the migrations applied. Every migration is still applied by the
// project's own `prisma migrate deploy`: on a hit the `_prisma_migrations` rows come with the snapshot
// (written by Prisma when the snapshot was made), so Prisma applies only the new migrations.








const VERIFY_DATABASE = "migrate_guard_verify";
/**
 * A deploy with at most this many pending migrations starts Prisma without Node's optimising
 * compilers (see SHORT_LIVED_NODE_FLAGS): on a hit Prisma's own start-up is most of its work.
 */
const SHORT_DEPLOY_MAX_PENDING = 25;
/** Looks the prefix up. Nothing is restored yet: on a hit the restore overlaps Prisma's start (see deploy). */
async function openSnapshot(params) {
    const { cluster, url, prisma, prefix, logger } = params;
    const key = (0,snapshot_cache/* snapshotKey */.o1)({ productVersion: version/* VERSION */.x, prismaMajor: prisma.major, postgresMajor: cluster.major, migrations: prefix });
    if (prefix.length === 0) {
        return fixed({ state: "miss", migrations: 0, detail: "no migration is shared with the base branch: nothing to cache" }, 0, (onLine) => prisma.deploy(url, onLine));
    }
    // Builds fetched from npm (provision.ts) hold the server only: an installed client of the same or a
    // newer major makes and restores the snapshots then; without one there is no snapshot.
    const tools = await (0,binaries/* findDumpTools */.r4)(cluster.bindir, cluster.major);
    if (!tools) {
        return fixed({
            state: "off",
            migrations: 0,
            detail: `PostgreSQL ${cluster.version} ${cluster.installation?.source === "npm" ? "fetched from npm" : `in ${cluster.bindir}`} has no pg_dump/pg_restore to make snapshots with, ` +
                `and no installed client of major ${cluster.major} or newer was found (e.g. apt-get install postgresql-client-${cluster.major}): every migration was applied`,
        }, 0, (onLine) => prisma.deploy(url, onLine));
    }
    if (tools.bindir !== cluster.bindir)
        logger.debug(`Snapshot cache: pg_dump/pg_restore ${tools.major} from ${tools.bindir}.`);
    const run = { ...params, dumpBindir: tools.bindir };
    const found = await (0,snapshot_cache/* lookupSnapshot */.bi)(params.cacheDir, key);
    if (found.state === "hit") {
        return restoring(run, found.dumpFile, found.manifest, async (reason) => {
            await (0,snapshot_cache/* discardSnapshot */.Zy)(params.cacheDir, key);
            return making(run, key, "corrupt", reason);
        });
    }
    if (found.state === "corrupt")
        logger.warning(`Snapshot cache: the cached snapshot of the ${prefix.length} base migration(s) is corrupt (${found.reason}); ignored and removed, applying from scratch.`);
    return making(run, key, found.state, found.state === "corrupt" ? found.reason : undefined);
}
/**
 * A hit. Prisma's CLI spends ~2 s starting (loading, reading every migration file) before it takes
 * its advisory lock (PRISMA_ADVISORY_LOCK_KEY) and reads `_prisma_migrations`; verify takes that lock
 * first, starts Prisma, restores the snapshot in one transaction meanwhile, and releases the lock:
 * Prisma then finds the restored history, exactly as if it had been started afterwards. It is
 * Prisma's own mechanism against two concurrent `migrate` commands; verify's throwaway Prisma always
 * has it on (PrismaCliOptions.throwaway).
 */
function restoring(params, dumpFile, manifest, asMiss) {
    const { url, prisma, prefix, logger } = params;
    const adminUrl = (0,postgres_database/* withDatabase */.kR)(url, "postgres");
    const shortLived = params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING;
    let restoreMs = 0;
    let wallMs = 0;
    let fallback;
    const restored = (ms) => `${prefix.length} already-verified migration(s) restored from the snapshot in ${(ms / 1000).toFixed(1)} s`;
    /**
     * The overlapped restore failed. Prisma never got its lock, so it changed nothing; but whatever
     * made the restore fail may have been the overlap, so the snapshot is tried once more alone, on a
     * new empty database, before it is called corrupt (then the run continues as a miss).
     */
    async function retryAlone(onLine, whileLocked, first) {
        logger.debug(`Snapshot cache: the restore beside Prisma failed (${first.message.split("\n")[0]}); restoring again on its own.`);
        await (0,postgres_database/* dropDatabase */.Zi)(adminUrl, VERIFY_DATABASE);
        await (0,postgres_database/* createDatabase */.cD)(adminUrl, VERIFY_DATABASE);
        const started = Date.now();
        try {
            await (0,snapshot/* restoreDatabase */.C0)(params.dumpBindir, url, dumpFile);
        }
        catch (error) {
            const reason = `it did not restore: ${error.message.split("\n")[0]}`;
            logger.warning(`Snapshot cache: the cached snapshot did not restore (${reason}); applying from scratch.`);
            await (0,postgres_database/* dropDatabase */.Zi)(adminUrl, VERIFY_DATABASE);
            await (0,postgres_database/* createDatabase */.cD)(adminUrl, VERIFY_DATABASE);
            fallback = await asMiss(reason);
            return fallback.deploy(onLine);
        }
        restoreMs = Date.now() - started;
        if (whileLocked) {
            const client = await (0,postgres_database/* connectClient */.mh)(url);
            try {
                await whileLocked(client).catch(() => { });
            }
            finally {
                await client.end().catch(() => { });
            }
        }
        return prisma.deploy(url, onLine, { shortLived });
    }
    return {
        get restored() {
            return fallback ? fallback.restored : prefix.length;
        },
        // Saved: what Prisma took for the prefix when the snapshot was made (its start included) plus the
        // new migrations, less what this run took from taking the lock to Prisma's exit.
        outcome: (newMigrationsMs = 0) => fallback
            ? fallback.outcome(newMigrationsMs)
            : {
                state: "hit",
                migrations: prefix.length,
                savedMs: Math.max(0, manifest.applyMs + newMigrationsMs - wallMs),
                detail: restored(restoreMs),
            },
        async deploy(onLine, hooks = {}) {
            const { whileLocked } = hooks;
            const started = Date.now();
            const lock = await (0,postgres_database/* connectClient */.mh)(url, { applicationName: "migrate-guard snapshot restore" });
            let locked = true;
            const unlock = async () => {
                if (!locked)
                    return;
                locked = false;
                await lock.end().catch(() => { }); // the session's end releases the lock
            };
            try {
                await lock.query("SELECT pg_advisory_lock($1)", [cli/* PRISMA_ADVISORY_LOCK_KEY */.bh]);
                const abort = new AbortController();
                let endedWhileLocked = false;
                const run = prisma.deploy(url, onLine, { shortLived, signal: abort.signal }).then((result) => {
                    endedWhileLocked = locked;
                    return result;
                });
                try {
                    await (0,snapshot/* restoreDatabase */.C0)(params.dumpBindir, url, dumpFile);
                }
                catch (error) {
                    abort.abort();
                    await run;
                    await unlock();
                    return await retryAlone(onLine, whileLocked, error);
                }
                restoreMs = Date.now() - started;
                logger.info(`Snapshot cache: hit — ${prefix.length} migration(s) restored in ${(restoreMs / 1000).toFixed(1)} s while Prisma started; it applies the other ${params.current.length - prefix.length}.`);
                if (whileLocked)
                    await whileLocked(lock).catch((error) => logger.debug(`Snapshot cache: work on the restored state failed: ${error.message}`));
                await unlock();
                let result = await run;
                if (result.code !== 0 && endedWhileLocked) {
                    // Prisma gave up before it could have read anything (e.g. its advisory-lock timeout, 10 s,
                    // behind a slow restore): run it again on the restored state.
                    logger.debug(`Snapshot cache: Prisma exited (${result.code}) while the snapshot was being restored; running it again.`);
                    result = await prisma.deploy(url, onLine, { shortLived });
                }
                return result;
            }
            finally {
                await unlock();
                wallMs = Date.now() - started;
            }
        },
        restoreCopy: async (database) => {
            await (0,postgres_database/* createDatabase */.cD)(adminUrl, database);
            await (0,snapshot/* restoreDatabase */.C0)(params.dumpBindir, (0,postgres_database/* withDatabase */.kR)(adminUrl, database), dumpFile);
        },
        save: async () => fallback?.save(),
        dispose: async () => fallback?.dispose(),
    };
}
/**
 * Miss (or corrupt): this run makes the snapshot. With new migrations, Prisma deploys the prefix on
 * its own first (one extra Prisma start) and the server copies that state.
 */
function making(params, key, state, corruptReason) {
    const { cluster, url, prisma, prefix, logger } = params;
    const adminUrl = (0,postgres_database/* withDatabase */.kR)(url, "postgres");
    const copy = `migrate_guard_prefix_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const whole = prefix.length === params.current.length;
    let prefixMs = 0;
    let copied = false;
    let saved = false;
    const detail = () => state === "corrupt"
        ? `the cached snapshot was corrupt (${corruptReason}) and was ignored${saved ? "; a new one was saved" : ""}`
        : `${prefix.length} already-verified migration(s) were not cached${saved ? "; their snapshot was saved for the next run" : ""}`;
    return {
        restored: 0,
        outcome: () => ({ state, migrations: prefix.length, saved, detail: detail() }),
        prefixStateUrl: () => (copied ? (0,postgres_database/* withDatabase */.kR)(url, copy) : undefined),
        async deploy(onLine, hooks = {}) {
            if (whole) {
                const started = Date.now();
                const result = await prisma.deploy(url, onLine);
                prefixMs = Date.now() - started;
                return result;
            }
            const project = await writePrefixProject(params.project, params.migrationsDir, prefix);
            let first;
            const started = Date.now();
            try {
                first = await prisma.deploy(url, onLine, { from: project.from });
            }
            finally {
                await project.remove();
            }
            prefixMs = Date.now() - started;
            if (first.code !== 0) {
                // Whatever stopped the prefix-only deploy (a migration that fails, or the copied project
                // itself), the real project's deploy decides: it reports a failed migration as Prisma does
                // (P3009 names it) or applies everything. No snapshot from this run.
                logger.debug(`Snapshot cache: the prefix-only deploy failed (exit ${first.code}); deploying the project as it is, no snapshot this run.`);
                return prisma.deploy(url, onLine);
            }
            try {
                // Prisma 7 can exit 0 having applied nothing when its engine dies: copy only a complete prefix.
                const problem = await unsnapshotable(url, prefix);
                if (problem)
                    logger.info(`Snapshot cache: not saved this run — ${problem}.`);
                else {
                    await (0,snapshot/* cloneDatabase */.bY)(adminUrl, VERIFY_DATABASE, copy);
                    copied = true;
                    hooks.onPrefixState?.((database) => (0,snapshot/* cloneDatabase */.bY)(adminUrl, copy, database));
                }
            }
            catch (error) {
                logger.debug(`Snapshot cache: the prefix could not be copied (${error.message}); no snapshot this run.`);
            }
            const rest = await prisma.deploy(url, onLine, { shortLived: params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING });
            return { code: rest.code, stdout: `${first.stdout}\n${rest.stdout}`, stderr: `${first.stderr}\n${rest.stderr}` };
        },
        async save() {
            if (!whole && !copied)
                return;
            const source = whole ? url : (0,postgres_database/* withDatabase */.kR)(url, copy);
            const problem = await unsnapshotable(source, prefix).catch((error) => `its state could not be checked (${error.message.split("\n")[0]})`);
            if (problem) {
                logger.info(`Snapshot cache: not saved — ${problem}.`);
                return;
            }
            const meta = {
                productVersion: version/* VERSION */.x,
                prismaVersion: prisma.version,
                postgresVersion: cluster.version,
                migrations: prefix.map((m) => m.name),
                applyMs: prefixMs,
            };
            const started = Date.now();
            saved = await (0,snapshot_cache/* saveSnapshot */.Os)(params.cacheDir, key, meta, (file) => (0,snapshot/* dumpDatabase */.m3)(params.dumpBindir, source, file));
            logger.debug(`Snapshot cache: ${saved ? "saved" : "not saved"} (${Date.now() - started} ms).`);
        },
        async dispose() {
            if (copied)
                await (0,postgres_database/* dropDatabase */.Zi)(adminUrl, copy).catch(() => { });
        },
    };
}
function fixed(outcome, restored, deploy) {
    return { restored, outcome: () => outcome, deploy, save: async () => { }, dispose: async () => { } };
}
/**
 * Why the state at `url` must not become the prefix's snapshot, or undefined when it may. A dump holds
 * one database: roles (`CREATE ROLE`) and role or database settings (`ALTER ROLE/DATABASE … SET`) live
 * in the cluster and would be missing after a restore, so a warm run could pass a migration a cold run
 * fails (or the reverse). And `_prisma_migrations` must hold exactly the prefix, finished.
 */
async function unsnapshotable(url, prefix) {
    const client = await (0,postgres_database/* connectClient */.mh)(url);
    try {
        const roles = await client.query("SELECT rolname FROM pg_roles WHERE oid <> 10 AND rolname !~ '^pg_' ORDER BY rolname");
        if (roles.rows.length > 0)
            return `the migrations created role(s) ${roles.rows.map((r) => r.rolname).join(", ")}, which a database dump cannot carry`;
        const settings = await client.query("SELECT 1 FROM pg_db_role_setting LIMIT 1");
        if (settings.rows.length > 0)
            return "the migrations set role or database settings (ALTER ROLE/DATABASE … SET), which a database dump cannot carry";
        const names = (await (0,postgres_database/* readPrismaMigrations */.AB)(url))
            .filter((r) => r.finished_at && !r.rolled_back_at)
            .map((r) => r.migration_name)
            .sort();
        const expected = prefix.map((m) => m.name).sort();
        if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
            return `_prisma_migrations holds ${names.length} finished migration(s), not exactly the ${expected.length} of the prefix`;
        }
        return undefined;
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/apply-phase.ts
// verify's apply phase: the snapshot cache (the store's restore, the lookup, the prefix's state for the
// base's own drift) around the project's own `prisma migrate deploy`, with the new migrations' locks
// measured wherever the base state turns up.








/** The store's restore, started as soon as the server's major is known; never rejects. */
function restoreFromStore(params) {
    const { store, prisma, prefix, compileCacheDir } = params;
    const restoreStarted = Date.now();
    return (Promise.race([params.postgresMajor, params.cluster.then((c) => c.major)])
        .then((major) => store.restore({
        snapshotKey: (0,snapshot_cache/* snapshotKey */.o1)({ productVersion: version/* VERSION */.x, prismaMajor: prisma.major, postgresMajor: major, migrations: prefix }),
        postgresMajor: major,
        prismaMajor: prisma.major,
    }))
        .then(() => params.phase("snapshot store restore", restoreStarted), (error) => params.logger.debug(`Snapshot cache: the store's restore failed: ${error.message}`))
        // What the store brought may hold compile caches of other Node versions: not saved again.
        .then(() => (compileCacheDir ? (0,snapshot_cache/* pruneCompileCache */.Ae)(compileCacheDir) : undefined)));
}
/**
 * The base's migrated state, when the snapshot run holds it (for the base's own drift): the copy a
 * miss made, or a restore of the snapshot on a hit. Only a prefix that is the whole base history.
 */
async function prefixState(snapshot, prefix, baseMigrations, adminUrl) {
    if (!snapshot || prefix.length !== baseMigrations.length)
        return undefined;
    const live = snapshot.prefixStateUrl?.();
    if (live)
        return { url: live, release: async () => { } };
    if (!snapshot.restoreCopy)
        return undefined;
    const name = `migrate_guard_base_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const release = () => (0,postgres_database/* dropDatabase */.Zi)(adminUrl, name);
    await snapshot.restoreCopy(name).catch(async (error) => {
        await release().catch(() => { });
        throw error;
    });
    return { url: (0,postgres_database/* withDatabase */.kR)(adminUrl, name), release };
}
/**
 * Looks the prefix up in the snapshot cache (with `cacheDir` and a cluster), applies every migration
 * with the project's Prisma CLI, and writes the prefix's snapshot in the background. Any failure but
 * bad input is the apply check's internal error. `onSnapshot` gets the snapshot run as soon as it is
 * open (the caller disposes of it).
 */
async function applyPhase(params) {
    const { cacheDir, cluster, url, adminUrl, prisma, project, migrations, prefix, base, lint, logger, phase } = params;
    let snapshot;
    let apply;
    try {
        if (cacheDir && cluster) {
            await params.restoring;
            const snapStarted = Date.now();
            snapshot = await openSnapshot({
                cacheDir,
                cluster,
                url,
                prisma,
                project,
                migrationsDir: project.migrationsDir,
                current: migrations,
                prefix,
                logger,
            });
            params.onSnapshot(snapshot);
            phase(`snapshot cache ${snapshot.outcome().state}`, snapStarted);
        }
        phase("ready to apply", params.started);
        const applyStarted = Date.now();
        // The new migrations' locks: on a hit, measured on the restored state itself before Prisma may
        // touch it; on a miss whose prefix is the base branch's history, on a copy of the prefix state the
        // snapshot run makes anyway; otherwise (or when neither happened) on a replay of the base migrations.
        // Only a prefix that is the whole base history is the base state (an edited base migration ends it early).
        const prefixIsBase = Boolean(snapshot && base && prefix.length === base.length && prefix.length < migrations.length);
        const hit = prefixIsBase && snapshot?.restoreCopy ? snapshot : undefined;
        let measuring = false;
        const replayLocks = () => {
            if (measuring || !lint)
                return;
            measuring = true;
            lint.measureLocks(adminUrl);
        };
        const hooks = {
            ...(hit && lint
                ? {
                    whileLocked: async (client) => {
                        measuring = true;
                        await lint.measureLocksOnRestored(client, adminUrl, (name) => hit.restoreCopy(name));
                    },
                }
                : {}),
            ...(prefixIsBase && !hit && lint
                ? {
                    onPrefixState: (copy) => {
                        measuring = true;
                        lint.measureLocksOnCopy(adminUrl, copy);
                    },
                }
                : {}),
        };
        if (!prefixIsBase)
            replayLocks();
        const run = snapshot;
        apply = await applyMigrations({
            prisma,
            url,
            migrations,
            logger,
            ...(run ? { deploy: (onLine) => run.deploy(onLine, hooks), restored: () => run.restored } : {}),
        });
        replayLocks(); // the snapshot run did not get as far as the base state: measured from a replay
        phase("apply", applyStarted);
        await params.onMigrated?.(url);
        // The prefix's snapshot is written while drift runs.
        return { apply, saved: apply.succeeded && run ? run.save().catch(() => { }) : Promise.resolve() };
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        // (A failure after Prisma's deploy, e.g. in onMigrated, keeps the apply's outcome too.)
        return {
            ...(apply ? { apply } : {}),
            failure: internalError("apply", "applying the migrations", error, params.secrets),
            saved: Promise.resolve(),
        };
    }
}
/** The applied migrations' own durations (from `_prisma_migrations`). */
function sumOfDurations(rows) {
    return rows.reduce((sum, r) => sum + (r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : 0), 0);
}

// EXTERNAL MODULE: ./src/verify/drift.ts + 1 modules
var verify_drift = __webpack_require__(4886);
// EXTERNAL MODULE: ./src/git/file-at-commit.ts
var file_at_commit = __webpack_require__(6560);
// EXTERNAL MODULE: ./src/postgres/catalog-reader.ts
var catalog_reader = __webpack_require__(6762);
;// CONCATENATED MODULE: ./src/verify/base-drift.ts
// The drift a base ref already has: schema.prisma at the base against the base's migrations, by the
// same catalog comparison as the pull request's (so a difference reads the same on both). Only what
// the pull request adds fails (docs/drift.md). The list is cached beside the verified-prefix snapshots,
// under a key of everything that decides it, so a warm run reads a small file instead of measuring.









const FORMAT = 1;
/** Entries kept; each is a few kilobytes. */
const MAX_ENTRIES = 20;
function baseDriftKey(k) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(`migrate-guard-base-drift-${FORMAT}\0${version/* VERSION */.x}\0prisma ${k.prismaMajor}\0postgres ${k.postgresMajor}\0${k.schemas.join(",")}\0${k.baseSchemaText}`);
    for (const m of k.base)
        hash.update(`\0${m.name}\0${(0,external_node_crypto_.createHash)("sha256").update(m.sql).digest("hex")}`);
    return hash.digest("hex").slice(0, 40);
}
const entryFile = (cacheDir, key) => external_node_path_default().join(cacheDir, "base-drift", `${key}.json`);
async function readBaseDrift(cacheDir, key) {
    try {
        const entry = JSON.parse(await (0,promises_.readFile)(entryFile(cacheDir, key), "utf8"));
        if (entry.format !== FORMAT ||
            entry.key !== key ||
            !Array.isArray(entry.differences) ||
            !entry.differences.every((d) => typeof d === "string"))
            return undefined;
        return entry.differences;
    }
    catch {
        return undefined;
    }
}
/** Written aside and renamed into place; an unwritable cache only costs the next run its speed. */
async function writeBaseDrift(cacheDir, key, differences) {
    const dir = external_node_path_default().dirname(entryFile(cacheDir, key));
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const staging = external_node_path_default().join(dir, `.staging-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        await (0,promises_.writeFile)(staging, JSON.stringify({ format: FORMAT, key, createdAt: new Date().toISOString(), differences }));
        await (0,promises_.rename)(staging, entryFile(cacheDir, key));
        const files = (await (0,promises_.readdir)(dir)).filter((f) => f.endsWith(".json"));
        if (files.length > MAX_ENTRIES) {
            const aged = await Promise.all(files.map(async (f) => ({ f, t: (await (0,promises_.stat)(external_node_path_default().join(dir, f))).mtimeMs })));
            aged.sort((a, b) => a.t - b.t);
            await Promise.all(aged.slice(0, files.length - MAX_ENTRIES).map(({ f }) => (0,promises_.rm)(external_node_path_default().join(dir, f), { force: true })));
        }
    }
    catch {
        // not cached
    }
}
function sameHistory(base, current) {
    const byName = new Map(current.map((m) => [m.name, m.sql]));
    return base.length === current.length && base.every((b) => byName.get(b.name) === b.sql);
}
/**
 * The base's differences (messages of the catalog comparison, raw-SQL indexes included). The base's
 * migrated state is the verify database itself when the branch has the base's migrations unchanged,
 * else the snapshot's prefix state when this run has it, else the project's Prisma deploys the base's
 * migrations on a scratch database.
 */
async function measureBaseDrift(p) {
    const started = Date.now();
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-base-schema-"));
    let state;
    let how = "the branch's migrations are the base's";
    try {
        if (sameHistory(p.base, p.current))
            state = { url: p.url, release: async () => { } };
        else {
            state = await p.baseState?.().catch(() => undefined);
            how = "the snapshot's prefix state";
        }
        if (!state) {
            how = "the base's migrations deployed on a scratch database";
            state = await deployBase(p);
        }
        const schemaFile = external_node_path_default().join(tmp, "schema.prisma");
        await (0,promises_.writeFile)(schemaFile, p.baseSchemaText);
        const sql = await p.prisma.schemaToSql(state.url, schemaFile);
        const expected = await (0,verify_drift/* expectedCatalog */.KC)({
            adminUrl: p.adminUrl,
            schemaSql: sql,
            schemas: p.project.schemas,
            extensions: await (0,catalog_reader/* readExtensions */.HW)(state.url),
        });
        const items = await (0,verify_drift/* catalogDifferences */.sH)(state.url, expected, p.project.schemas);
        p.logger.debug(`timing: base drift measured on ${how} ${Date.now() - started} ms`);
        // Indexes schema.prisma cannot express too: on the base already, they need no judging either.
        return items.map((i) => i.message);
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
        await state?.release().catch(() => { });
    }
}
/** The project's Prisma deploys the base's migrations (their text from git) on a new scratch database. */
async function deployBase(p) {
    const scratch = `migrate_guard_base_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    await (0,postgres_database/* createDatabase */.cD)(p.adminUrl, scratch);
    const release = () => (0,postgres_database/* dropDatabase */.Zi)(p.adminUrl, scratch);
    try {
        const url = (0,postgres_database/* withDatabase */.kR)(p.adminUrl, scratch);
        const project = await writePrefixProject(p.project, p.project.migrationsDir, p.base, {
            texts: new Map(p.base.map((m) => [m.name, m.sql])),
        });
        try {
            const deployed = await p.prisma.deploy(url, undefined, { from: project.from });
            if (deployed.code !== 0)
                throw new Error(`prisma migrate deploy of the base's ${p.base.length} migrations failed: ${(deployed.stderr || deployed.stdout).trim().split("\n").slice(-3).join(" ")}`);
        }
        finally {
            await project.remove();
        }
        return { url, release };
    }
    catch (error) {
        await release().catch(() => { });
        throw error;
    }
}

// EXTERNAL MODULE: ./src/verify/prisma-judge.ts
var prisma_judge = __webpack_require__(1435);
;// CONCATENATED MODULE: ./src/verify/drift-run.ts






const failed = (summary, rule, file, message) => ({
    check: { id: "drift", status: "fail", summary, findings: [{ rule, severity: "error", file, message }] },
});
async function runDriftCheck(p) {
    const waited = Date.now();
    let expected;
    try {
        expected = await p.expectedPromise;
    }
    catch (error) {
        if (error instanceof cli/* PrismaCommandError */.gp) {
            return failed("schema.prisma could not be turned into SQL by Prisma", "schema-to-sql-failed", p.schemaFile, `${error.message}\nFix schema.prisma until \`prisma validate\` passes.`);
        }
        if (!(error instanceof verify_drift/* SchemaSqlError */.M5))
            throw error;
        // schema.prisma uses what an extension provides (a citext column, a gin_trgm_ops index): build it
        // again on a scratch database that has the migrated database's extensions.
        const extensions = await (0,catalog_reader/* readExtensions */.HW)(p.url);
        if (extensions.length === 0)
            return failed("schema.prisma's SQL does not run on an empty database", "schema-sql-failed", p.schemaFile, `${error.message}. The migrations create no extension that could provide it: a migration must create what schema.prisma uses.`);
        try {
            expected = await (0,verify_drift/* expectedCatalog */.KC)({
                adminUrl: p.adminUrl,
                schemaSql: await p.schemaSqlPromise,
                schemas: p.project.schemas,
                extensions,
            });
        }
        catch (again) {
            if (!(again instanceof verify_drift/* SchemaSqlError */.M5))
                throw again;
            return failed("schema.prisma's SQL does not run on a database with the migrations' extensions", "schema-sql-failed", p.schemaFile, again.message);
        }
    }
    p.phase("waiting for schema SQL and its catalog", waited);
    const started = Date.now();
    const items = await (0,verify_drift/* catalogDifferences */.sH)(p.url, expected, p.project.schemas);
    const base = p.base;
    const outcome = await (0,verify_drift/* checkDrift */.o4)({
        items,
        schemaFile: p.schemaFile,
        schemaText: p.project.schemaText,
        ...(base ? { base: { ref: base.ref, existing: () => existingDrift(p, base) } } : {}),
        judge: async () => {
            const judged = Date.now();
            try {
                return await (0,prisma_judge/* runJudge */.Rw)({ prisma: p.prisma, project: p.project, url: p.url, adminUrl: p.adminUrl, bindir: p.bindir });
            }
            finally {
                p.phase("Prisma's differ", judged);
            }
        },
    });
    p.phase("drift", started);
    return outcome;
}
async function existingDrift(p, base) {
    const baseSchemaText = await (0,file_at_commit/* schemaAtCommit */.wK)(base.repoRoot, base.commit, p.project.schemaPath);
    if (baseSchemaText === undefined)
        throw new Error(`${p.schemaFile} does not exist at ${base.ref}`);
    const key = baseDriftKey({
        prismaMajor: p.prisma.major,
        postgresMajor: base.postgresMajor,
        schemas: p.project.schemas,
        baseSchemaText,
        base: base.migrations,
    });
    const cached = base.cacheDir ? await readBaseDrift(base.cacheDir, key) : undefined;
    if (cached) {
        p.logger.debug(`Drift on ${base.ref}: ${cached.length} difference(s), from the cache.`);
        return new Set(cached);
    }
    const measured = await measureBaseDrift({
        prisma: p.prisma,
        project: p.project,
        url: p.url,
        adminUrl: p.adminUrl,
        base: base.migrations,
        current: base.current,
        baseSchemaText,
        logger: p.logger,
        ...(base.state ? { baseState: base.state } : {}),
    });
    p.logger.info(`Drift already on ${base.ref}: ${measured.length} difference(s)${base.cacheDir ? " (cached for the next run)" : ""}.`);
    if (base.cacheDir)
        await writeBaseDrift(base.cacheDir, key, measured);
    return new Set(measured);
}

// EXTERNAL MODULE: ./src/verify/lint.ts + 1 modules
var lint = __webpack_require__(8611);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __webpack_require__(4001);
// EXTERNAL MODULE: ./src/lint/locks.ts
var locks = __webpack_require__(4505);
// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __webpack_require__(10);
// EXTERNAL MODULE: ./src/lint/state.ts
var lint_state = __webpack_require__(7360);
// EXTERNAL MODULE: ./src/lint/rules/measured-lock.ts
var measured_lock = __webpack_require__(241);
;// CONCATENATED MODULE: ./src/verify/measured-locks.ts
// Measured locks: what each new migration really locks, read from pg_locks before it commits.
//
// Verify's own database is Prisma's: `prisma migrate deploy` applies every migration there, and
// anything left behind on it would change what Prisma applies (or make it fail). So the measurement
// uses a scratch database on the same server: the base branch's migrations are replayed into it (as
// Prisma sends them: one script per query) or it is a copy of a restored snapshot, then each new
// migration runs inside BEGIN … COMMIT, statement by statement, and pg_locks is read just before the
// COMMIT. Tables are named from a snapshot taken of the base state, so "existing" means exactly
// "present in the base state". It runs while Prisma applies; the scratch database is dropped at the end.
// On a snapshot hit with one new migration, verify's database itself holds the base state before
// Prisma may touch it: the migration runs there in a transaction that is rolled back
// (measureLocksRolledBack), and the sequences it advanced are put back.








const MEASURED_LOCK_RULE = measured_lock/* rule */.H.id;
/** Statements PostgreSQL refuses inside a transaction block. */
function nonTransactional(stmt) {
    const n = stmt.node;
    switch (stmt.kind) {
        case "IndexStmt":
        case "DropStmt":
            return Boolean(n.concurrent);
        case "ReindexStmt":
            return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
        case "VacuumStmt":
        case "CreatedbStmt":
        case "DropdbStmt":
        case "AlterSystemStmt":
        case "CreateTableSpaceStmt":
        case "DropTableSpaceStmt":
            return true;
        default:
            return false;
    }
}
async function measured_locks_snapshot(client) {
    const { rows } = await client.query(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`);
    return { byOid: new Map(rows.map((r) => [r.oid, (0,ast/* key */.Eb)(r.schema, r.name)])) };
}
function finding(m, line, message) {
    return { rule: MEASURED_LOCK_RULE, severity: "notice", file: m.file, line, message };
}
/**
 * Findings (notices) with the strongest lock each new migration takes per existing table. Never
 * throws: a measurement that cannot run says so in a notice.
 */
/** Statements on objects that exist once per server (roles, tablespaces, server settings). */
const SERVER_WIDE = new Set([
    "CreateRoleStmt",
    "AlterRoleStmt",
    "AlterRoleSetStmt",
    "DropRoleStmt",
    "CreateTableSpaceStmt",
    "DropTableSpaceStmt",
    "AlterTableSpaceOptionsStmt",
    "AlterSystemStmt",
]);
/** Text every such statement contains: only migrations that match are parsed (the parser decides). */
const MAY_BE_SERVER_WIDE = /\b(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP|TABLESPACE)\b|\bALTER\s+SYSTEM\b/i;
async function touchesServer(m) {
    if (!MAY_BE_SERVER_WIDE.test(m.sql))
        return false;
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    // A migration that does not parse cannot be judged: assume the worst (it only costs the measurement).
    return !script.ok || script.statements.some((s) => SERVER_WIDE.has(s.kind));
}
async function measureLocks(params) {
    if (params.fresh.length === 0)
        return [];
    // Roles and tablespaces belong to the whole server, not to the scratch database: replaying a
    // migration that creates one beside Prisma's apply on the same server would make one of the two
    // fail with "already exists" (and could fail verify's apply itself).
    let global;
    for (const m of [...(params.scratch ? [] : params.base), ...params.fresh]) {
        if (await touchesServer(m)) {
            global = m;
            break;
        }
    }
    if (global) {
        return [
            finding(params.fresh[0], 1, `Locks not measured: migration ${global.name} creates or changes a role or tablespace, which exist once per server; replaying it beside the apply would collide with it.`),
        ];
    }
    const scratch = params.scratch ?? `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    try {
        if (!params.scratch)
            await (0,postgres_database/* createDatabase */.cD)(params.url, scratch);
    }
    catch (error) {
        return [
            finding(params.fresh[0], 1, `Locks not measured: no scratch database could be created on the verify server (${error.message}).`),
        ];
    }
    const client = new esm/* default.Client */.Ay.Client({ connectionString: (0,postgres_database/* withDatabase */.kR)(params.url, scratch) });
    client.on("error", () => { });
    const findings = [];
    try {
        await client.connect();
        for (const m of params.scratch ? [] : params.base) {
            try {
                await client.query(m.sql);
            }
            catch (error) {
                return [
                    finding(params.fresh[0], 1, `Locks not measured: base migration ${m.name} failed on the scratch database (${error.message}).`),
                ];
            }
        }
        await params.onBaseState?.(client);
        const snap = await measured_locks_snapshot(client);
        const state = new lint_state/* SchemaState */.P();
        for (const m of params.fresh) {
            const outcome = await measureOne(client, m, snap, state);
            findings.push(...outcome.findings);
            if (outcome.stop)
                break;
        }
        return findings;
    }
    catch (error) {
        return [...findings, finding(params.fresh[0], 1, `Locks not measured: ${error.message}`)];
    }
    finally {
        await client.end().catch(() => { });
        await (0,postgres_database/* dropDatabase */.Zi)(params.url, scratch).catch(() => { });
    }
}
/** statement_timeout of a measurement on the restored state (Prisma waits for it). */
const ROLLED_BACK_TIMEOUT_MS = 5000;
/**
 * The single new migration measured on verify's own database, restored from the snapshot and not yet
 * touched by Prisma (the caller holds Prisma's advisory lock, so Prisma waits): run inside a
 * transaction that is rolled back, so the database is left as it was — except sequences, whose
 * nextval/setval no rollback undoes; every existing sequence is put back where it was. Saves the
 * copy of the restored state that measureLocks would need. Never throws.
 */
async function measureLocksRolledBack(client, fresh, onBaseState) {
    await onBaseState?.(client);
    if (await touchesServer(fresh)) {
        return [
            finding(fresh, 1, `Locks not measured: migration ${fresh.name} creates or changes a role or tablespace, which exist once per server.`),
        ];
    }
    try {
        const snap = await measured_locks_snapshot(client);
        const sequences = await client.query("SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'");
        const before = [];
        for (const { name } of sequences.rows) {
            const { rows } = await client.query(`SELECT last_value::text, is_called FROM ${name}`);
            before.push({ name, ...rows[0] });
        }
        try {
            return (await measureOne(client, fresh, snap, new lint_state/* SchemaState */.P(), "rollback")).findings;
        }
        finally {
            for (const s of before)
                await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [s.name, s.last_value, s.is_called]);
        }
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        return [finding(fresh, 1, `Locks not measured: ${error.message}`)];
    }
}
async function measureOne(client, m, snap, state, end = "commit") {
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    if (!script.ok)
        return { findings: [finding(m, script.line, `Locks not measured: the migration does not parse.`)], stop: true };
    const statements = script.statements.filter((s) => s.kind !== "TransactionStmt");
    const blocked = statements.filter(nonTransactional);
    if (blocked.length > 0 && end === "rollback") {
        // Nothing of it runs: what cannot be rolled back must not touch the database Prisma applies to.
        return {
            findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)),
            stop: false,
        };
    }
    if (blocked.length > 0) {
        // Applied in autocommit so that later migrations see its effect; its locks cannot be held and read.
        for (const s of statements) {
            try {
                await client.query(s.text);
            }
            catch (error) {
                return {
                    findings: [finding(m, s.line, `Locks not measured: statement failed on the scratch database (${error.message}).`)],
                    stop: true,
                };
            }
        }
        return {
            findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)),
            stop: false,
        };
    }
    const strongest = new Map();
    try {
        await client.query("BEGIN");
        // On the restored state Prisma waits for this (its advisory-lock timeout is 10 s): a migration
        // that is slow even on an empty database is measured no longer than this.
        if (end === "rollback")
            await client.query(`SET LOCAL statement_timeout = ${ROLLED_BACK_TIMEOUT_MS}`);
        for (const s of statements)
            await client.query(s.text);
        const { rows } = await client.query("SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL");
        for (const r of rows) {
            const mode = (0,locks/* fromPgLockMode */.gB)(r.mode);
            if (mode && snap.byOid.has(r.oid))
                strongest.set(r.oid, (0,locks/* stronger */.t_)(mode, strongest.get(r.oid) ?? "ACCESS SHARE"));
        }
        await client.query(end === "commit" ? "COMMIT" : "ROLLBACK");
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        const where = end === "commit" ? "on the scratch database" : "on the base state (before Prisma applied it)";
        return { findings: [finding(m, 1, `Locks not measured: the migration failed ${where} (${error.message}).`)], stop: true };
    }
    // Anchor each table's lock at the first statement the static model says locks it.
    const lineOf = new Map();
    for (const s of statements) {
        for (const l of (0,locks/* statementLocks */.MI)(s, state))
            if (!lineOf.has(l.table))
                lineOf.set(l.table, s.line);
        state.apply(s, m.name);
    }
    const findings = [...strongest].map(([oid, mode]) => {
        const table = snap.byOid.get(oid);
        return finding(m, lineOf.get(table) ?? 1, `Measured: ${mode} on ${(0,ast/* display */.Vy)(table)} — ${locks/* LOCK_EFFECT */.cU[mode]}; held until the migration commits.`);
    });
    return { findings, stop: false };
}

;// CONCATENATED MODULE: ./src/verify/lint-check.ts
// verify's `lint` check: the linter runs as soon as the base branch's migrations are read (it needs
// no database, so it overlaps the cluster start and Prisma's apply), and the measured locks of the
// new migrations run on a scratch database of the verify server while Prisma applies.





function startLintCheck(params) {
    const { current, base, logger } = params;
    const lintPromise = (async () => {
        const baseSchemaText = params.baseCommit ? await (0,file_at_commit/* schemaAtCommit */.wK)(params.repoRoot, params.baseCommit, params.schemaPath) : undefined;
        return (0,lint/* lintMigrationSet */.Mt)({
            current: (0,lint/* loaded */.Kc)(current),
            ...(base ? { base: (0,lint/* loaded */.Kc)(base) } : {}),
            ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
            ...(params.sizeRisk ? { sizeRisk: params.sizeRisk } : {}),
        });
    })();
    lintPromise.catch(() => { });
    let locksPromise = Promise.resolve([]);
    // Without a base ref nothing is new: no migration to measure.
    const baseNames = new Set((base ?? current).map((m) => m.name));
    const fresh = current.filter((m) => !baseNames.has(m.name));
    const measureOnCopy = (adminUrl, makeCopy) => {
        if (!base || fresh.length === 0)
            return;
        logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a copy of the base state…`);
        const scratch = `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
        locksPromise = makeCopy(scratch).then(() => measureLocks({ url: adminUrl, base, fresh, scratch, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) }), (error) => [
            {
                rule: MEASURED_LOCK_RULE,
                severity: "notice",
                file: fresh[0].file,
                line: 1,
                message: `Locks not measured: the base state could not be copied (${error.message.split("\n")[0]}).`,
            },
        ]);
    };
    return {
        measureLocks(url) {
            if (!base || fresh.length === 0)
                return;
            logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a scratch database…`);
            locksPromise = measureLocks({ url, base, fresh, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) });
        },
        async measureLocksOnRestored(client, adminUrl, restoreCopy) {
            if (!base || fresh.length === 0)
                return;
            if (fresh.length > 1)
                return measureOnCopy(adminUrl, restoreCopy);
            logger.info(`Measuring the locks of the new migration on the restored base state (rolled back)…`);
            locksPromise = measureLocksRolledBack(client, fresh[0], params.onBaseState);
            await locksPromise;
        },
        measureLocksOnCopy: measureOnCopy,
        async check() {
            const [outcome, locks] = await Promise.all([lintPromise.catch((error) => error), locksPromise]);
            // A linter bug must not take the other checks' results down with it.
            if (outcome instanceof Error) {
                return {
                    id: "lint",
                    status: "fail",
                    summary: "the linter failed",
                    findings: [{ rule: "lint-failed", severity: "error", message: `migrate-guard lint failed: ${outcome.message}` }],
                };
            }
            const result = (0,lint/* lintCheck */.uW)(outcome, locks);
            return outcome.result.linted.length === 0 ? { ...result, status: "skip" } : result;
        },
    };
}
/**
 * startLintCheck, guarded: when starting it throws, `check()` is the lint check's internal error.
 * `secrets` is read when `check()` runs (the caller adds the server's URLs once it knows them).
 */
function startGuardedLintCheck(params, secrets) {
    let lint;
    let lintError;
    try {
        lint = startLintCheck(params);
    }
    catch (error) {
        lintError = error;
    }
    const check = () => guarded("lint", "the lint check", async () => {
        if (!lint)
            throw lintError;
        return lint.check();
    }, secrets);
    return { ...(lint ? { lint } : {}), check };
}

;// CONCATENATED MODULE: ./src/core/history.ts

/** First line that differs, as a line that exists in the edited file (annotations must land on it). */
function firstDifferentLine(before, after) {
    const a = before.split("\n");
    const b = after.split("\n");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i])
            return Math.min(i + 1, b.length);
    }
    return 1;
}
function checkHistory(params) {
    const current = new Map(params.current.map((m) => [m.name, m]));
    const byChecksum = new Map();
    for (const m of params.current)
        byChecksum.set(m.checksum, m);
    const baseNames = new Set(params.base.map((b) => b.name));
    const findings = [];
    for (const b of params.base) {
        const now = current.get(b.name);
        if (now) {
            if (now.sql !== b.sql) {
                const onlyLineEndings = now.sql.replace(/\r\n/g, "\n") === b.sql.replace(/\r\n/g, "\n");
                // Prisma's checksum comparison tolerates line-ending changes (a Windows checkout), so those
                // are a warning; any other edit breaks every environment that applied the migration.
                findings.push({
                    rule: "edited-migration",
                    severity: onlyLineEndings ? "warning" : "error",
                    file: now.file,
                    line: firstDifferentLine(b.sql, now.sql),
                    message: onlyLineEndings
                        ? `Migration "${b.name}" is already on the base branch and its line endings changed (line endings only). Prisma accepts this, but restore the original file (check .gitattributes / core.autocrlf) so the history stays byte for byte.`
                        : `Migration "${b.name}" is already on the base branch and was edited. ` +
                            `Databases that applied it keep the old version and \`prisma migrate deploy\` reports a checksum mismatch. ` +
                            `Revert this file and put the change in a new migration.`,
                });
            }
            continue;
        }
        const moved = byChecksum.get((0,core_migrations/* checksum */.cM)(b.sql));
        if (moved && !baseNames.has(moved.name)) {
            findings.push({
                rule: "renamed-migration",
                severity: "error",
                file: moved.file,
                line: 1,
                message: `Migration "${b.name}" was renamed to "${moved.name}". Databases that applied it would apply it again under the new name. Restore the original folder name.`,
            });
        }
        else {
            findings.push({
                rule: "deleted-migration",
                severity: "error",
                file: b.file,
                message: `Migration "${b.name}" exists on the base branch and was deleted. Environments that applied it keep its changes; a fresh database would not. Restore it; undo its effect with a new migration instead.`,
            });
        }
    }
    return findings;
}

// EXTERNAL MODULE: ./src/core/prisma-schema.ts
var prisma_schema = __webpack_require__(3111);
;// CONCATENATED MODULE: ./src/core/lock-file.ts

function checkLockFile(params) {
    if (params.lockFile === undefined) {
        return [
            {
                rule: "missing-lock-file",
                severity: "error",
                file: params.lockPath,
                message: `${params.lockPath} is missing. Prisma writes it with the first migration; commit it (it must say provider = "postgresql").`,
            },
        ];
    }
    const provider = (0,prisma_schema/* parseLockProvider */.wO)(params.lockFile);
    if (!provider) {
        return [
            {
                rule: "invalid-lock-file",
                severity: "error",
                file: params.lockPath,
                line: 1,
                message: `${params.lockPath} has no provider line; expected provider = "postgresql".`,
            },
        ];
    }
    const findings = [];
    if (params.schemaProvider && !(0,prisma_schema/* sameProvider */.II)(provider, params.schemaProvider)) {
        findings.push({
            rule: "provider-mismatch",
            severity: "error",
            file: params.lockPath,
            line: lineOf(params.lockFile, "provider"),
            message: `${params.lockPath} says provider "${provider}" but ${params.schemaPath} uses "${params.schemaProvider}". Migrations were made for another database; Prisma refuses to apply them.`,
        });
    }
    if (!(0,prisma_schema/* sameProvider */.II)(provider, "postgresql")) {
        findings.push({
            rule: "unsupported-provider",
            severity: "error",
            file: params.lockPath,
            line: lineOf(params.lockFile, "provider"),
            message: `migrate-guard verifies PostgreSQL projects; ${params.lockPath} says "${provider}".`,
        });
    }
    return findings;
}
function lineOf(text, needle) {
    const index = text.split("\n").findIndex((l) => l.trimStart().startsWith(needle));
    return index < 0 ? 1 : index + 1;
}

;// CONCATENATED MODULE: ./src/core/naming.ts
/** Names that say nothing about the change. Compared after removing the numeric prefix. */
const DEFAULT_GENERIC_NAMES = [
    "changes",
    "change",
    "fix",
    "fixes",
    "update",
    "updates",
    "test",
    "tests",
    "tmp",
    "temp",
    "wip",
    "migration",
    "migrations",
    "new",
    "misc",
    "stuff",
    "patch",
    "edit",
    "edits",
    "draft",
    "untitled",
    "foo",
    "bar",
    "asdf",
    "todo",
    "dev",
    "schema",
    "db",
    "prisma",
    "auto",
    "generated",
];
/** `20240101120000_add_users` → `add_users`; `01_init` → `init`. */
function descriptivePart(name) {
    return name.replace(/^\d+(?:[_-]|$)/, "");
}
function normalise(word) {
    return word
        .toLowerCase()
        .replace(/[\s_-]+/g, "_")
        .replace(/_?\d+$/, "");
}
function checkNaming(params) {
    const generic = new Set((params.genericNames ?? DEFAULT_GENERIC_NAMES).map(normalise));
    const findings = [];
    for (const folder of params.foldersWithoutSql) {
        findings.push({
            rule: "missing-migration-sql",
            severity: "error",
            file: `${params.migrationsDirRel}/${folder}`,
            message: `Migration folder "${folder}" has no migration.sql. Prisma fails on it: add the SQL or delete the folder.`,
        });
    }
    for (const m of params.migrations) {
        if (!params.newNames.has(m.name))
            continue;
        const part = descriptivePart(m.name);
        const words = normalise(part);
        if (words === "" || generic.has(words)) {
            findings.push({
                rule: "generic-name",
                severity: "error",
                file: m.file,
                line: 1,
                message: `Migration name "${m.name}" does not say what it changes${part ? ` ("${part}" is generic)` : ""}. ` +
                    `Recreate it with a descriptive name, e.g. \`prisma migrate dev --create-only --name add_user_email\`.`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/order.ts

function checkOrder(params) {
    let lastBase;
    for (const name of params.baseNames) {
        if (lastBase === undefined || (0,core_migrations/* compareMigrationNames */.wd)(name, lastBase) > 0)
            lastBase = name;
    }
    if (lastBase === undefined)
        return [];
    const findings = [];
    for (const m of params.migrations) {
        if (params.baseNames.has(m.name))
            continue;
        if ((0,core_migrations/* compareMigrationNames */.wd)(m.name, lastBase) < 0) {
            findings.push({
                rule: "out-of-order",
                severity: "error",
                file: m.file,
                line: 1,
                message: `New migration "${m.name}" sorts before "${lastBase}", which is already on the base branch. ` +
                    `Databases that have the base migrations would apply it last, fresh ones in the middle. ` +
                    `Rename its folder with a timestamp after ${lastBase.slice(0, 14)} (e.g. recreate it with \`prisma migrate dev\`).`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/verify/repository-checks.ts
// verify's checks that need only the repository (lock file, naming, order, history) and the base
// branch's migrations they compare with. Each runs guarded: a failure inside one is its internal-error
// result, and the next still runs.









function result(id, summary, findings) {
    return { id, status: (0,core_report/* statusFromFindings */.$1)(findings), summary, findings };
}
function skipped(id, summary) {
    return { id, status: "skip", summary, findings: [] };
}
/** The base ref's migrations; a git failure is kept for the checks that need them (bad input still throws). */
async function readBase(params) {
    const { baseCommit, dir } = params;
    if (!baseCommit)
        return {};
    try {
        const base = await (0,git/* migrationsAtCommit */.wz)(params.repoRoot, baseCommit, params.migrationsDir, dir.migrations);
        params.phase(`base ref's ${base.length} migrations read`);
        params.logger.info(`Base ${params.baseRef} (${baseCommit.slice(0, 12)}) has ${base.length} migrations; this branch has ${dir.migrations.length}.`);
        return { base };
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        return { baseError: new Error(`the base ref's migrations could not be read from git: ${error.message}`) };
    }
}
/** The lock-file, naming, order and history checks, in that order. */
async function runRepositoryChecks(guard, params) {
    const { project, dir, rel, base, baseError, baseNames, newNames } = params;
    await guard("lock-file", "the lock-file check", () => result("lock-file", `${rel(external_node_path_default().join(dir.dir, core_migrations/* LOCK_FILE */.FI))} checked against ${rel(project.schemaPath)}`, checkLockFile({
        ...(dir.lockFile !== undefined ? { lockFile: dir.lockFile } : {}),
        lockPath: rel(external_node_path_default().join(dir.dir, core_migrations/* LOCK_FILE */.FI)),
        ...(project.datasource.provider ? { schemaProvider: project.datasource.provider } : {}),
        schemaPath: rel(project.schemaPath),
    })));
    const baseNeeded = (id, what, run) => guard(id, what, () => {
        if (baseError)
            throw baseError;
        return base ? run() : skipped(id, "no base ref given");
    });
    await guard("naming", "the naming check", () => {
        if (baseError)
            throw baseError;
        return result("naming", base
            ? `${newNames.size} new migration(s) checked for descriptive names`
            : "folders checked for migration.sql (no base ref: names of existing migrations are not judged)", checkNaming({
            migrations: dir.migrations,
            newNames,
            foldersWithoutSql: dir.foldersWithoutSql,
            migrationsDirRel: rel(dir.dir),
            ...(params.genericNames ? { genericNames: params.genericNames } : {}),
        }));
    });
    await baseNeeded("order", "the order check", () => result("order", `${newNames.size} new migration(s) sort after the base branch's ${baseNames.size}`, checkOrder({ migrations: dir.migrations, baseNames })));
    await baseNeeded("history", "the history check", () => result("history", `${base.length} migration(s) of the base branch compared byte for byte`, checkHistory({ base: base, current: dir.migrations })));
}

;// CONCATENATED MODULE: ./src/core/schema-change.ts
const tableKey = (schema, name) => `${schema}.${name}`;
/** The key columns of a unique index, when its definition is a plain column list (not expressions). */
function uniqueIndexColumns(index) {
    if (index.notRepresentable)
        return undefined;
    const match = /^CREATE UNIQUE INDEX .* USING \w+ \((.*)\)$/s.exec(index.definition);
    if (!match)
        return undefined;
    const columns = [];
    for (const part of splitList(match[1])) {
        const name = /^(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))(?:\s+(?:ASC|DESC|NULLS (?:FIRST|LAST)|[a-z_][a-z0-9_.]*_ops))*$/.exec(part.trim());
        if (!name)
            return undefined;
        columns.push(name[1] !== undefined ? name[1].replace(/""/g, '"') : name[2]);
    }
    return columns;
}
/** Splits "a, \"b, c\", d" at the commas outside double quotes. */
function splitList(text) {
    const parts = [];
    let current = "";
    let quoted = false;
    for (const ch of text) {
        if (ch === '"')
            quoted = !quoted;
        if (ch === "," && !quoted) {
            parts.push(current);
            current = "";
        }
        else {
            current += ch;
        }
    }
    parts.push(current);
    return parts;
}
function side(catalog) {
    const indexes = new Map();
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
function changedEnums(before, after) {
    const names = new Set([...before.enums.keys(), ...after.enums.keys()]);
    return new Set([...names].filter((n) => before.enums.get(n) !== after.enums.get(n)));
}
/** format_type() of an enum column: the type's name, quoted and schema-qualified when needed. */
function typeName(type) {
    const last = type.replace(/\[\]$/, "").split(".").pop() ?? type;
    return last.replace(/^"|"$/g, "").replace(/""/g, '"');
}
function columnDetail(was, now, enums) {
    const parts = [];
    if (was.type !== now.type)
        parts.push(`${was.type} → ${now.type}`);
    else if (enums.has(typeName(now.type)))
        parts.push("enum values changed");
    if (was.notNull !== now.notNull)
        parts.push(now.notNull ? "now NOT NULL" : "now nullable");
    if ((was.default ?? "") !== (now.default ?? "") || (was.identity ?? "") !== (now.identity ?? ""))
        parts.push("default changed");
    if ((was.generated ?? "") !== (now.generated ?? ""))
        parts.push("generation changed");
    return parts.length ? parts.join(", ") : undefined;
}
function keyColumns(state, k) {
    const uniqueSets = (state.indexes.get(k) ?? []).map(uniqueIndexColumns).filter((c) => Boolean(c));
    const pk = state.primaryKeys.get(k)?.columns ?? [];
    return {
        primary: new Set(pk),
        foreign: new Set(state.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).flatMap((f) => f.columns)),
        unique: new Set(uniqueSets.filter((s) => s.length === 1).map((s) => s[0])),
        uniqueSets: pk.length ? [...uniqueSets, pk] : uniqueSets,
    };
}
function compareTable(k, before, after, enums) {
    const was = before.tables.get(k);
    const now = after.tables.get(k);
    const table = (now ?? was);
    const state = now ? after : before;
    const keys = keyColumns(state, k);
    const mark = (c, status, detail) => ({
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
    const columns = now.columns.map((c) => {
        const previous = old.get(c.name);
        if (!previous)
            return mark(c, "added");
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
function indexNotes(was, now) {
    const old = new Map(was.map((i) => [i.name, i.definition]));
    const current = new Map(now.map((i) => [i.name, i.definition]));
    const notes = [];
    for (const [name, definition] of current) {
        if (!old.has(name))
            notes.push(`index ${name} added`);
        else if (old.get(name) !== definition)
            notes.push(`index ${name} changed`);
    }
    for (const name of old.keys())
        if (!current.has(name))
            notes.push(`index ${name} dropped`);
    return notes;
}
function keyNotes(before, after, k) {
    const notes = [];
    const was = before.primaryKeys.get(k);
    const now = after.primaryKeys.get(k);
    if (was?.definition !== now?.definition)
        notes.push(now ? (was ? "primary key changed" : "primary key added") : "primary key dropped");
    const fks = (s) => new Map(s.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).map((f) => [f.name, f.definition]));
    const old = fks(before);
    const current = fks(after);
    for (const [name, definition] of current) {
        if (!old.has(name))
            notes.push(`foreign key ${name} added`);
        else if (old.get(name) !== definition)
            notes.push(`foreign key ${name} changed`);
    }
    for (const name of old.keys())
        if (!current.has(name))
            notes.push(`foreign key ${name} dropped`);
    return notes;
}
function relation(fk, state, status) {
    const k = tableKey(fk.schema, fk.table);
    const columns = fk.columns;
    const table = state.tables.get(k);
    const optional = columns.some((name) => !table?.columns.find((c) => c.name === name)?.notNull);
    const sameSet = (set) => set.length === columns.length && set.every((c) => columns.includes(c));
    return {
        name: fk.name,
        from: { schema: fk.schema, table: fk.table, columns },
        to: fk.references,
        status,
        optional,
        oneToOne: keyColumns(state, k).uniqueSets.some(sameSet),
    };
}
const ORDER = { added: 0, changed: 1, dropped: 2, unchanged: 3 };
/** The tables that differ between `before` and `after`, their direct neighbours, and the foreign keys among them. */
function diffSchemas(before, after) {
    const was = side(before);
    const now = side(after);
    const enums = changedEnums(was, now);
    const keys = new Set([...was.tables.keys(), ...now.tables.keys()]);
    const all = new Map([...keys].map((k) => [k, compareTable(k, was, now, enums)]));
    const touched = new Set([...all].filter(([, t]) => t.touched).map(([k]) => k));
    const relations = new Map();
    const fkKey = (fk) => `${tableKey(fk.schema, fk.table)}.${fk.name}`;
    const oldFks = new Map(was.foreignKeys.map((f) => [fkKey(f), f]));
    for (const fk of now.foreignKeys) {
        const previous = oldFks.get(fkKey(fk));
        relations.set(fkKey(fk), relation(fk, now, !previous ? "added" : previous.definition !== fk.definition ? "changed" : "unchanged"));
    }
    for (const [k, fk] of oldFks)
        if (!relations.has(k))
            relations.set(k, relation(fk, was, "dropped"));
    const shown = new Set(touched);
    for (const r of relations.values()) {
        const from = tableKey(r.from.schema, r.from.table);
        const to = tableKey(r.to.schema, r.to.table);
        if (touched.has(from) && all.has(to))
            shown.add(to);
        if (touched.has(to) && all.has(from))
            shown.add(from);
    }
    const tables = [...shown]
        .map((k) => all.get(k))
        .sort((a, b) => Number(b.touched) - Number(a.touched) ||
        ORDER[a.status] - ORDER[b.status] ||
        a.schema.localeCompare(b.schema) ||
        a.name.localeCompare(b.name));
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

;// CONCATENATED MODULE: ./src/verify/schema-change.ts


function collectSchemaChange(params) {
    let before;
    return {
        async onBaseState(client) {
            // The first base state wins: a later one (there is none today) would be the same state.
            before ??= (0,catalog_reader/* readCatalogWith */.Cg)(client, params.schemas).catch((error) => error);
            await before;
        },
        async outcome({ url, applied }) {
            if (!params.hasBase || params.newMigrations === 0)
                return undefined;
            if (!applied)
                return { missing: "the migrations did not apply, so there is no migrated state to compare" };
            const base = await before;
            if (!base)
                return { missing: "the base branch's state was not built on the verify server (the lint check's lock notices say why)" };
            if (base instanceof Error)
                return { missing: `the base branch's catalog could not be read (${base.message.split("\n")[0]})` };
            try {
                return { change: diffSchemas(base, await (0,catalog_reader/* readCatalog */.uM)(url, params.schemas)) };
            }
            catch (error) {
                return { missing: `the migrated database's catalog could not be read (${error.message.split("\n")[0]})` };
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
// PR verification: every check, in the order that lets the cheap ones report even when the expensive
// ones cannot run. Pure wiring of core checks and adapters; no @actions imports.




















async function verify(settings) {
    const started = Date.now();
    const { logger } = settings;
    logger.debug(`timing: verify starts (process ${Math.round(performance.now())} ms)`);
    // Where the time goes, at debug level (MIGRATE_GUARD_DEBUG=1 / ACTIONS_STEP_DEBUG).
    const phase = (name, since) => logger.debug(`timing: ${name} ${Date.now() - since} ms (at ${Date.now() - started} ms; process ${Math.round(performance.now())} ms)`);
    const project = await (0,prisma_project/* locateProject */.m)({
        workingDirectory: settings.workingDirectory,
        ...(settings.schema ? { schema: settings.schema } : {}),
    });
    // Node's compile cache (Node ≥ 22.1) lives beside the snapshots: Prisma's CLI starts faster when
    // the cache directory comes back (actions/cache).
    const compileCacheDir = settings.cacheDir && !settings.databaseUrl ? external_node_path_default().join(settings.cacheDir, "node-compile-cache") : undefined;
    if (compileCacheDir)
        void (0,snapshot_cache/* pruneCompileCache */.Ae)(compileCacheDir);
    const prisma = (0,cli/* findPrismaCli */.WO)({
        workingDirectory: project.workingDirectory,
        schemaPath: project.schemaPath,
        urlVariables: project.urlVariables,
        explicitSchema: Boolean(settings.schema),
        throwaway: compileCacheDir ? { compileCacheDir } : {},
    });
    if (settings.databaseUrl)
        await (0,postgres_database/* assertDisposableDatabase */.QF)(settings.databaseUrl);
    // Bad input fails before anything starts: the base ref is resolved first (milliseconds).
    const gitRoot = await (0,git/* repositoryRoot */.Hn)(project.workingDirectory);
    if (settings.baseRef && !gitRoot) {
        throw new errors/* ConfigurationError */.j(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const repoRoot = gitRoot ?? project.workingDirectory;
    const baseCommit = settings.baseRef ? await (0,git/* resolveCommit */.WL)(repoRoot, settings.baseRef) : undefined;
    // The cluster boots while the repository is read and the cheap checks run.
    const cacheDir = settings.cacheDir && !settings.databaseUrl ? settings.cacheDir : undefined;
    // With the cache, Prisma's database is not `postgres`, so that the server can copy it (a template
    // must have no sessions; scratch-database helpers connect to `postgres`).
    // The store's restore needs the server's major, known before the server runs.
    let installed = () => { };
    const postgresMajor = new Promise((resolve) => {
        installed = resolve;
    });
    const clusterPromise = settings.databaseUrl
        ? undefined
        : (0,postgres_cluster/* startCluster */.Jp)({
            ...(settings.postgresVersion ? { version: settings.postgresVersion } : {}),
            ...(settings.productionPostgresMajor !== undefined ? { productionMajor: settings.productionPostgresMajor } : {}),
            ...(cacheDir ? { database: VERIFY_DATABASE } : {}),
            logger,
            onInstallation: (install) => installed(install.major),
        });
    clusterPromise?.then((c) => {
        phase("cluster ready", started);
        settings.onCluster?.(c);
    }, () => { });
    let cluster;
    let snapshot;
    const checks = [];
    const secrets = settings.databaseUrl ? [settings.databaseUrl] : [];
    const guard = async (id, what, run) => {
        checks.push(await guarded(id, what, run, secrets));
    };
    let migrations = [];
    let drift;
    let cacheOutcome;
    let pgVersion;
    let changeOutcome;
    try {
        const dir = await (0,core_migrations/* readMigrationsDirectory */.Lk)(project.migrationsDir, repoRoot);
        phase(`${dir.migrations.length} migrations read`, started);
        const rel = (p) => (0,core_migrations/* toPosix */.d7)(external_node_path_default().relative(repoRoot, p));
        const { base, baseError } = await readBase({
            ...(settings.baseRef ? { baseRef: settings.baseRef } : {}),
            ...(baseCommit ? { baseCommit } : {}),
            repoRoot,
            migrationsDir: project.migrationsDir,
            dir,
            logger,
            phase: (name) => phase(name, started),
        });
        const prefix = verifiedPrefix(dir.migrations, base);
        // The store restores while the server starts; the lookup below waits for it.
        const restoring = cacheDir && clusterPromise && settings.snapshotStore && prefix.length > 0
            ? restoreFromStore({
                store: settings.snapshotStore,
                postgresMajor,
                cluster: clusterPromise,
                prisma,
                prefix,
                ...(compileCacheDir ? { compileCacheDir } : {}),
                logger,
                phase,
            })
            : undefined;
        const baseNames = new Set((base ?? dir.migrations).map((m) => m.name));
        const newNames = new Set(dir.migrations.map((m) => m.name).filter((n) => !baseNames.has(n)));
        await runRepositoryChecks(guard, {
            project,
            dir,
            rel,
            ...(base ? { base } : {}),
            ...(baseError ? { baseError } : {}),
            baseNames,
            newNames,
            ...(settings.genericNames ? { genericNames: settings.genericNames } : {}),
        });
        // Lint needs no database: it runs while the cluster starts and Prisma applies; its check goes here.
        // The picture of the change reads the base state wherever the lock measurement has it.
        const schemaChange = collectSchemaChange({ schemas: project.schemas, hasBase: Boolean(base), newMigrations: newNames.size });
        const { lint, check: lintCheck } = startGuardedLintCheck({
            current: dir.migrations,
            ...(base ? { base } : {}),
            repoRoot,
            ...(baseCommit ? { baseCommit } : {}),
            schemaPath: project.schemaPath,
            ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
            logger,
            onBaseState: (client) => schemaChange.onBaseState(client),
        }, secrets);
        const lintAt = checks.length;
        let url = settings.databaseUrl;
        try {
            if (clusterPromise) {
                cluster = await clusterPromise;
                url = cluster.url;
                logger.info(`Throwaway PostgreSQL ${cluster.version} ready on port ${cluster.port}.`);
                if (cluster.installation.note)
                    logger.warning(cluster.installation.note);
            }
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j)
                throw error;
            checks.splice(lintAt, 0, await lintCheck());
            const failure = new Error(`the throwaway PostgreSQL server did not start: ${error.message}`);
            checks.push(internalError("apply", "applying the migrations", failure), skipped("timing", "skipped: the migrations did not apply"), skipped("drift", "skipped: the migrations did not apply"));
            return finish();
        }
        // Scratch databases are made from here; with the cache that is not Prisma's database.
        const adminUrl = cacheDir ? (0,postgres_database/* withDatabase */.kR)(url, "postgres") : url;
        secrets.push(url, adminUrl);
        const versionPromise = (0,postgres_database/* serverVersion */.qh)(url);
        versionPromise.catch(() => { });
        // Rendering schema.prisma as SQL needs no database state: it runs while a snapshot is restored and
        // Prisma deploys, and so does building the catalog it describes (drift's expected side). Measured
        // on trigger.dev, starting it only after the restore made warm runs ~1 s slower.
        // After the store's restore: Prisma's Node reads and writes the compile cache the restore brings.
        const schemaSqlPromise = restoring ? restoring.then(() => prisma.schemaToSql(url)) : prisma.schemaToSql(url);
        schemaSqlPromise.catch(() => { });
        const expectedPromise = schemaSqlPromise.then((sql) => (0,verify_drift/* expectedCatalog */.KC)({ adminUrl, schemaSql: sql, schemas: project.schemas }));
        expectedPromise.catch(() => { });
        const { apply: applied, failure, saved, } = await applyPhase({
            ...(cacheDir ? { cacheDir } : {}),
            ...(cluster ? { cluster } : {}),
            url: url,
            adminUrl,
            prisma,
            project,
            migrations: dir.migrations,
            prefix,
            ...(base ? { base } : {}),
            ...(lint ? { lint } : {}),
            ...(restoring ? { restoring } : {}),
            logger,
            started,
            phase,
            ...(settings.onMigrated ? { onMigrated: settings.onMigrated } : {}),
            onSnapshot: (run) => {
                snapshot = run;
            },
            secrets,
        });
        if (failure)
            checks.push(failure);
        if (applied) {
            checks.push(applied.check);
            const files = new Map(dir.migrations.map((m) => [m.name, m.file]));
            await guard("timing", "the timing check", () => {
                const timing = timingCheck(applied.rows, settings.slowMigrationSeconds, (name) => files.get(name));
                migrations = timing.timings;
                return timing.check;
            });
        }
        else {
            checks.push(skipped("timing", "skipped: the migrations did not apply"));
        }
        checks.splice(lintAt, 0, await lintCheck());
        const changePromise = schemaChange.outcome({ url: url, applied: Boolean(applied?.succeeded) }).catch(() => undefined);
        if (applied?.succeeded) {
            await guard("drift", "the drift check", async () => {
                const outcome = await runDriftCheck({
                    prisma,
                    project,
                    url: url,
                    adminUrl,
                    schemaSqlPromise,
                    expectedPromise,
                    schemaFile: rel(project.schemaPath),
                    logger,
                    phase,
                    // pg_dump for the migrated state: the server's own, or an installed client for a fetched major.
                    bindir: cluster ? (await (0,binaries/* findDumpTools */.r4)(cluster.bindir, cluster.major))?.bindir : undefined,
                    ...(base && baseCommit
                        ? {
                            base: {
                                ref: settings.baseRef,
                                commit: baseCommit,
                                migrations: base,
                                repoRoot,
                                current: dir.migrations,
                                cacheDir,
                                postgresMajor: cluster?.major ?? (await versionPromise).major,
                                state: () => prefixState(snapshot, prefix, base, adminUrl),
                            },
                        }
                        : {}),
                });
                drift = outcome.drift;
                return outcome.check;
            });
        }
        else {
            checks.push(skipped("drift", "skipped: the migrations did not apply"));
        }
        await saved;
        changeOutcome = await changePromise;
        pgVersion = await versionPromise.then((v) => v.text, () => undefined);
        cacheOutcome = snapshot ? snapshot.outcome(applied ? sumOfDurations(applied.rows.slice(snapshot.restored)) : 0) : undefined;
        return finish();
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        // Whatever failed outside a check: the checks that ran report, the others fail saying so.
        const all = completeChecks(checks, error, secrets);
        checks.splice(0, checks.length, ...all);
        return finish();
    }
    finally {
        await snapshot?.dispose().catch(() => { });
        const stopping = Date.now();
        if (cluster) {
            await cluster.stop().catch(() => { });
            phase("cluster stopped", stopping);
        }
        else if (clusterPromise)
            await clusterPromise.then((c) => c.stop(), () => { });
    }
    function finish() {
        return {
            ok: checks.every((c) => c.status !== "fail"),
            checks,
            migrations,
            ...(drift ? { drift } : {}),
            ...(changeOutcome ? { schemaChange: changeOutcome } : {}),
            durationMs: Date.now() - started,
            prismaVersion: prisma.version,
            ...(pgVersion ? { postgresVersion: pgVersion } : {}),
            ...(cluster ? { postgresServer: (0,postgres_cluster/* serverReport */.Sk)(cluster) } : {}),
            cache: cacheOutcome ?? {
                state: "off",
                migrations: 0,
                detail: settings.databaseUrl && settings.cacheDir
                    ? "not used with database-url (the given database is applied from scratch)"
                    : "no cache directory",
            },
        };
    }
}

// EXTERNAL MODULE: ./src/stats/stats-file.ts + 1 modules
var stats_file = __webpack_require__(9121);
;// CONCATENATED MODULE: ./src/cli/verify-command.ts












const VERIFY_USAGE = `Usage: migrate-guard verify [options]

Applies every migration to a throwaway PostgreSQL with the project's own Prisma CLI and checks
lock file, names, order, history (against --base-ref), drift and timing.

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA to compare migration history with
  --database-url URL        an EMPTY database to use instead of a throwaway (default: env
                            MIGRATE_GUARD_DATABASE_URL, else a throwaway cluster)
  --postgres-version N      PostgreSQL major for the throwaway cluster (default: highest installed);
                            13–18 are fetched from the npm registry when not installed;
                            "production"/"auto": production's major (below), else highest installed
  --production-postgres-version N  the major production runs (for --postgres-version production)
  --slow-migration-seconds N  warn above this duration (default: 30)
  --generic-names LIST      comma-separated names rejected as non-descriptive
  --cache-dir DIR           snapshot cache of the base branch's migrated state (default:
                            $XDG_CACHE_HOME/migrate-guard or ~/.cache/migrate-guard)
  --no-cache                apply every migration from scratch; read and write no snapshot
  --stats FILE              table sizes from \`migrate-guard stats\`: the lint check names each
                            hazard's rows and size, and raises it one level on large tables;
                            its "server" is production's major for --postgres-version
                            production (required there) or auto (else a warning)
  --large-table-rows N      raise at this many rows (default: 1000000)
  --huge-table-rows N       say so in the message at this many rows (default: 10000000)
  --json                    print one JSON document instead of the text report
  --markdown FILE           also write the report as Markdown to FILE: the PR comment's text, with
                            the Mermaid diagram of the schema change
  -h, --help                this help

Exit codes: 0 all checks passed, 1 a check failed, 2 usage or configuration error.
`;
function positiveNumber(value, flag, fallback) {
    if (value === undefined)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new errors/* ConfigurationError */.j(`Invalid ${flag} "${value}". Expected a positive number of seconds, e.g. ${flag} 30.`);
    return n;
}
async function verifyCommand(argv, io) {
    const parsed = (0,args/* parseCommandArgs */.Q)(argv, {
        "working-directory": { type: "string" },
        schema: { type: "string" },
        "base-ref": { type: "string" },
        "database-url": { type: "string" },
        "postgres-version": { type: "string" },
        "slow-migration-seconds": { type: "string" },
        "generic-names": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        "cache-dir": { type: "string" },
        "no-cache": { type: "boolean" },
        markdown: { type: "string" },
        "production-postgres-version": { type: "string" },
        stats: { type: "string" },
        "large-table-rows": { type: "string" },
        "huge-table-rows": { type: "string" },
    }, VERIFY_USAGE);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(VERIFY_USAGE);
        return 0;
    }
    const databaseUrl = v["database-url"] ?? process.env.MIGRATE_GUARD_DATABASE_URL;
    if (v["no-cache"] && v["cache-dir"] !== undefined)
        throw new errors/* ConfigurationError */.j("--cache-dir and --no-cache contradict each other. Expected one of them.");
    if (v["cache-dir"] !== undefined && v["cache-dir"].trim() === "")
        throw new errors/* ConfigurationError */.j('Invalid --cache-dir "". Expected a directory, e.g. --cache-dir .cache/migrate-guard.');
    if (v.markdown !== undefined && v.markdown.trim() === "")
        throw new errors/* ConfigurationError */.j('Invalid --markdown "". Expected a file to write, e.g. --markdown verify-report.md.');
    const cacheDir = v["no-cache"] ? false : external_node_path_default().resolve(v["cache-dir"] ?? (0,snapshot_cache/* defaultSnapshotCacheDir */.ND)());
    // The stats file is read and checked once, for its table sizes; its "server" is production's major
    // when --postgres-version asks for that.
    const sizeRisk = await (0,stats_file/* statsOption */.F)(v.stats, v["large-table-rows"], v["huge-table-rows"]);
    const production = await productionMajor({
        ...(v["postgres-version"] !== undefined ? { postgresVersion: v["postgres-version"] } : {}),
        ...(v["production-postgres-version"] !== undefined ? { explicit: v["production-postgres-version"] } : {}),
        ...(sizeRisk && v.stats !== undefined ? { stats: { file: v.stats, document: sizeRisk.stats } } : {}),
        logger: io.logger,
    });
    let report;
    try {
        report = await verify({
            workingDirectory: v["working-directory"] ?? ".",
            ...(v.schema ? { schema: v.schema } : {}),
            ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
            ...(databaseUrl ? { databaseUrl } : {}),
            ...(v["postgres-version"] ? { postgresVersion: v["postgres-version"] } : {}),
            ...(production !== undefined ? { productionPostgresMajor: production } : {}),
            slowMigrationSeconds: positiveNumber(v["slow-migration-seconds"], "--slow-migration-seconds", 30),
            ...(v["generic-names"]
                ? {
                    genericNames: v["generic-names"]
                        .split(",")
                        .map((s) => s.trim())
                        .filter(Boolean),
                }
                : {}),
            cacheDir,
            ...(sizeRisk ? { sizeRisk } : {}),
            logger: io.logger,
        });
    }
    catch (error) {
        // Bad input stays exit 2; anything else still gets its document with --json (exit 1).
        if (error instanceof errors/* ConfigurationError */.j || !v.json)
            throw error;
        const message = (0,errors/* redact */.E)(error.message ?? String(error), databaseUrl ? [databaseUrl] : []);
        io.stdout.write(JSON.stringify({
            ok: false,
            checks: CHECK_ORDER.map((id) => ({
                id,
                status: "fail",
                summary: "verify failed before this check could run",
                findings: [{ rule: "internal-error", message: `verify failed: ${message}`, file: null, line: null, severity: "error" }],
            })),
            migrations: [],
            drift: null,
            durationMs: null,
            cache: null,
            schemaChange: null,
        }, null, 2) + "\n");
        return 1;
    }
    io.stdout.write(v.json ? JSON.stringify((0,core_report/* toJsonReport */.Ow)(report), null, 2) + "\n" : renderText(report, { color: io.color }));
    if (v.markdown !== undefined) {
        // The PR comment's text (same title and size limit as the verify action's comment).
        const markdown = renderMarkdown(report, { title: `migrate-guard verify (${v["working-directory"] ?? "."})` });
        const file = external_node_path_default().resolve(v.markdown);
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, markdown);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j(`Could not write --markdown ${v.markdown}: ${error.message}`);
        }
    }
    return report.ok ? 0 : 1;
}


/***/ }),

/***/ 1758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ listPostgresInstallations),
/* harmony export */   nD: () => (/* binding */ parseRequestedMajor),
/* harmony export */   nJ: () => (/* binding */ findPostgres),
/* harmony export */   oh: () => (/* binding */ listPgClients),
/* harmony export */   r4: () => (/* binding */ findDumpTools),
/* harmony export */   vY: () => (/* binding */ inspectBindir)
/* harmony export */ });
/* unused harmony export parseServerVersion */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
// Finds PostgreSQL server installations (a directory holding both `postgres` and `initdb`) so that a
// throwaway cluster can be started without Docker.





const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
const exe = process.platform === "win32" ? ".exe" : "";
/** Parent directories whose matching children hold a `bin/` with a server. */
const GLOBBED_ROOTS = [
    // Debian/Ubuntu packages, which is what GitHub's Ubuntu runners ship.
    { parent: "/usr/lib/postgresql", child: /^\d+(\.\d+)?$/, suffix: "bin" },
    // Homebrew on Apple silicon and on Intel.
    { parent: "/opt/homebrew/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
    { parent: "/usr/local/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
    // PGDG RPMs (RHEL, Fedora, Amazon Linux).
    { parent: "/usr", child: /^pgsql-\d+$/, suffix: "bin" },
];
const FIXED_DIRS = ["/usr/local/pgsql/bin"];
async function isExecutable(file) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
async function globbedDirs() {
    const out = [];
    for (const { parent, child, suffix } of GLOBBED_ROOTS) {
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(parent);
        }
        catch {
            continue;
        }
        for (const entry of entries.sort())
            if (child.test(entry))
                out.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(parent, entry, suffix));
    }
    return out;
}
async function pgConfigBindir() {
    try {
        const { stdout } = await execFileAsync(`pg_config${exe}`, ["--bindir"], { timeout: 10_000 });
        const dir = stdout.trim();
        return dir ? [dir] : [];
    }
    catch {
        // No pg_config on PATH is normal (client-only or no PostgreSQL at all).
        return [];
    }
}
function pathDirs() {
    return (process.env.PATH ?? "").split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter)).filter((dir) => dir && node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(dir));
}
/** "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15.18"; also handles "17beta1". */
function parseServerVersion(output) {
    const match = /\(PostgreSQL\)\s+(\d+)((?:\.\d+)*)(\S*)/.exec(output) ?? /\b(\d+)((?:\.\d+)*)(\S*)/.exec(output);
    if (!match)
        return undefined;
    return { version: `${match[1]}${match[2]}${match[3]}`, major: Number(match[1]) };
}
/** "16" / "15.4" / " 15 " → 15. Throws ConfigurationError on anything else. */
function parseRequestedMajor(requested) {
    const text = requested.trim();
    if (!/^\d+(\.\d+)*$/.test(text)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`postgres-version "${requested}" is not a PostgreSQL version; expected a major version such as "16" (or "16.4", of which only the major is used).`);
    }
    return Number(text.split(".")[0]);
}
/** The canonical bindir when `dir` holds both programs: initdb finds postgres next to its own real path. */
async function canonicalBindir(dir) {
    const postgres = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `postgres${exe}`);
    if (!(await isExecutable(postgres)) || !(await isExecutable(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `initdb${exe}`))))
        return undefined;
    const bindir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(postgres));
    return (await isExecutable(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, `initdb${exe}`))) ? bindir : undefined;
}
/** Runs `postgres --version` in `bindir`; throws with the program's own error when it does not run. */
async function inspectBindir(bindir) {
    const postgres = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, `postgres${exe}`);
    const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 10_000 });
    const parsed = parseServerVersion(stdout);
    if (!parsed)
        throw new Error(`${postgres} --version printed no version: ${stdout.trim().slice(0, 200)}`);
    return { bindir, postgres, initdb: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bindir, `initdb${exe}`), ...parsed };
}
async function inspect(bindir) {
    return inspectBindir(bindir).catch(() => undefined);
}
/** Where PostgreSQL installations are looked for, PATH first. */
async function searchedDirs() {
    return [...pathDirs(), ...(await pgConfigBindir()), ...FIXED_DIRS, ...(await globbedDirs())];
}
/** Every distinct server installation on this machine, highest major first. */
async function listPostgresInstallations() {
    const candidates = new Set(await searchedDirs());
    const bindirs = await Promise.all([...candidates].map((dir) => canonicalBindir(dir).catch(() => undefined)));
    const unique = [...new Set(bindirs.filter((dir) => dir !== undefined))];
    const found = (await Promise.all(unique.map(inspect))).filter((i) => i !== undefined);
    return found.sort((a, b) => b.major - a.major || compareVersions(b.version, a.version));
}
function compareVersions(a, b) {
    const pa = a.split(/\D+/).map(Number);
    const pb = b.split(/\D+/).map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (diff)
            return diff;
    }
    return 0;
}
const SEARCHED = "PATH, `pg_config --bindir`, /usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, /opt/homebrew/opt/postgresql@*/bin, /usr/local/opt/postgresql@*/bin and /usr/pgsql-*/bin";
/**
 * The installation to start a throwaway cluster with: the requested major ("15", "15.4" → 15), or the
 * highest one installed when nothing is requested.
 */
async function findPostgres(requested) {
    const wanted = requested?.trim() ? parseRequestedMajor(requested) : undefined;
    const installations = await listPostgresInstallations();
    const match = wanted === undefined ? installations[0] : installations.find((i) => i.major === wanted);
    if (match)
        return match;
    const what = wanted === undefined ? "A PostgreSQL server" : `PostgreSQL ${wanted} (postgres-version "${requested.trim()}")`;
    const install = `install ${wanted === undefined ? "one" : `PostgreSQL ${wanted}`} (Ubuntu/Debian: sudo apt-get install postgresql${wanted === undefined ? "" : `-${wanted}`}; ` +
        `macOS: brew install postgresql@${wanted ?? 17}), set postgres-version to a major 13–18 to fetch one from the npm registry, or set database-url to an empty database (for example a postgres service container).`;
    if (installations.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`${what} was requested but no PostgreSQL server installation was found (searched ${SEARCHED}). Either ${install}`);
    }
    const found = installations.map((i) => `PostgreSQL ${i.version} at ${i.bindir}`).join("; ");
    const majors = [...new Set(installations.map((i) => `"${i.major}"`))].join(" or ");
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`${what} was requested but is not installed. Found: ${found}. Set postgres-version to ${majors}, ${install}`);
}
/** Every pg_dump in `extraDirs` and the places servers are searched (plus Homebrew's libpq), newest first. */
async function listPgClients(extraDirs = []) {
    const libpq = ["/opt/homebrew/opt/libpq/bin", "/usr/local/opt/libpq/bin"];
    const dirs = [...extraDirs, ...(await searchedDirs()), ...libpq];
    const seen = new Set();
    const found = [];
    for (const dir of dirs) {
        const pgDump = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `pg_dump${exe}`);
        if (!(await isExecutable(pgDump)))
            continue;
        const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(pgDump).catch(() => pgDump);
        if (seen.has(real))
            continue;
        seen.add(real);
        const parsed = await execFileAsync(pgDump, ["--version"], { timeout: 10_000 }).then(({ stdout }) => parseServerVersion(stdout), () => undefined);
        if (parsed)
            found.push({ bindir: dir, pgDump, pgRestore: await isExecutable(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `pg_restore${exe}`)), ...parsed });
    }
    return found.sort((a, b) => b.major - a.major);
}
const dumpToolsCache = new Map();
/**
 * pg_dump/pg_restore for a server of major `serverMajor` whose own `serverBindir` may lack them (the
 * npm builds hold the server only): the server's own, else an installed client of the same major,
 * else the closest newer one (pg_dump reads older servers; its archive restores into the same server).
 * Undefined when there is none.
 */
function findDumpTools(serverBindir, serverMajor) {
    const key = `${serverBindir}\0${serverMajor}`;
    let found = dumpToolsCache.get(key);
    if (!found) {
        found = ownDumpTools(serverBindir, serverMajor).then(async (own) => {
            if (own)
                return own;
            const clients = await listPgClients();
            const pick = clients.filter((c) => c.pgRestore && c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
            return pick && { bindir: pick.bindir, major: pick.major };
        });
        dumpToolsCache.set(key, found);
    }
    return found;
}
/** The server's own pg_dump/pg_restore (an installed server): same major by construction, nothing to run. */
async function ownDumpTools(serverBindir, serverMajor) {
    const both = await Promise.all(["pg_dump", "pg_restore"].map((p) => isExecutable(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(serverBindir, `${p}${exe}`))));
    return both.every(Boolean) ? { bindir: serverBindir, major: serverMajor } : undefined;
}


/***/ }),

/***/ 2514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ readPrismaMigrations),
/* harmony export */   Cm: () => (/* binding */ quoteIdentifier),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Ng: () => (/* binding */ describeUrl),
/* harmony export */   QF: () => (/* binding */ assertDisposableDatabase),
/* harmony export */   Zi: () => (/* binding */ dropDatabase),
/* harmony export */   cD: () => (/* binding */ createDatabase),
/* harmony export */   kR: () => (/* binding */ withDatabase),
/* harmony export */   mh: () => (/* binding */ connectClient),
/* harmony export */   qh: () => (/* binding */ serverVersion)
/* harmony export */ });
/* unused harmony export pgConnectionString */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// Small helpers over `pg`. Each opens one connection and closes it in finally; errors that reach the
// user name host, port and database but never the password or the full URL.


function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** "host:port/database" (and user) for messages; nothing secret. */
function describeUrl(url) {
    try {
        const u = new URL(url);
        const host = u.hostname || new URLSearchParams(u.search).get("host") || "localhost";
        const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
        const user = u.username ? ` as user "${decodeURIComponent(u.username)}"` : "";
        return `${host}:${u.port || "5432"}/${database}${user}`;
    }
    catch {
        return "the database (the URL could not be parsed)";
    }
}
/** Every form a URL's credentials can take in a message (the URL itself, encoded and decoded password). */
function urlSecrets(url) {
    try {
        const u = new URL(url);
        return [
            url,
            u.password,
            decodeURIComponent(u.password),
            u.searchParams.get("password") ?? "",
            u.searchParams.get("sslpassword") ?? "",
        ].filter((s) => s.length >= 4);
    }
    catch {
        return url.length >= 4 ? [url] : [];
    }
}
/**
 * node-postgres treats sslmode=require as verify-full; every other PostgreSQL client (libpq, psql,
 * pg_dump, Prisma) treats it as "encrypt, do not verify". A URL written for those clients must behave
 * the same here, so libpq semantics are asked for explicitly.
 */
function pgConnectionString(url) {
    try {
        const u = new URL(url);
        if (u.searchParams.has("sslmode") && !u.searchParams.has("uselibpqcompat"))
            u.searchParams.set("uselibpqcompat", "true");
        return u.toString();
    }
    catch {
        return url;
    }
}
/**
 * A connected client with libpq URL semantics and a listener for server-side disconnects (without
 * one the 'error' event would crash the process; the failing query reports it instead).
 */
async function connectClient(url, options = {}) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
        connectionString: pgConnectionString(url),
        connectionTimeoutMillis: options.timeoutMs ?? 15_000,
        ...(options.applicationName ? { application_name: options.applicationName } : {}),
    });
    client.on("error", () => { });
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => { });
        throw error;
    }
    return client;
}
/** Same URL, other database: for scratch databases created with createDatabase. */
function withDatabase(url, database) {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
}
async function withClient(url, work) {
    const secrets = urlSecrets(url);
    let client;
    try {
        client = await connectClient(url);
    }
    catch (error) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(error instanceof Error ? error.message : String(error), secrets);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`Could not connect to PostgreSQL at ${describeUrl(url)}: ${reason}`);
    }
    try {
        return await work(client);
    }
    catch (error) {
        // Server messages can quote parts of the URL back (e.g. a bad database name): keep them clean.
        if (error instanceof Error)
            error.message = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(error.message, secrets);
        throw error;
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * Refuses a database that holds any table, view or foreign table outside the system schemas
 * (including `_prisma_migrations`): verify applies every migration from scratch and must never touch
 * a database with data or an environment's schema. Relations owned by extensions (PostGIS's
 * spatial_ref_sys) do not count: they come with the server image, not from the user.
 */
async function assertDisposableDatabase(url) {
    const { rows } = await withClient(url, (client) => client.query(`
      SELECT format('%I.%I', n.nspname, c.relname) AS name, count(*) OVER () AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname = '_prisma_migrations' DESC, n.nspname, c.relname
      LIMIT 5`));
    if (rows.length === 0)
        return;
    const total = Number(rows[0].total);
    const listed = rows.map((r) => r.name).join(", ") + (total > rows.length ? ` and ${total - rows.length} more` : "");
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`The database at ${describeUrl(url)} is not empty: it has ${total} table(s) or view(s) (${listed}). ` +
        "verify applies every migration from scratch, so it must never run against a database that holds data or an environment's schema. " +
        "Point database-url at an empty database (for example a fresh postgres service container), or leave database-url empty to use a throwaway server.");
}
async function serverVersion(url) {
    const { rows } = await withClient(url, (client) => client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text"));
    const num = Number(rows[0].num);
    return { num, major: Math.floor(num / 10000), text: rows[0].text };
}
/**
 * Rows of `_prisma_migrations` by started_at, or [] when the table does not exist. Looks in the
 * schema named by the URL's `schema` parameter (Prisma's convention), default `public`.
 */
async function readPrismaMigrations(url) {
    let schema = "public";
    try {
        schema = new URL(url).searchParams.get("schema") || "public";
    }
    catch {
        // pg parses more URL shapes than WHATWG URL; those use the default schema.
    }
    return withClient(url, async (client) => {
        const exists = await client.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
            schema,
        ]);
        if (!exists.rows[0]?.t)
            return [];
        const { rows } = await client.query(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`);
        return rows;
    });
}
async function createDatabase(adminUrl, name) {
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}
/** Drops the database if it exists, disconnecting its sessions first (PostgreSQL 13+). */
async function dropDatabase(adminUrl, name) {
    await withClient(adminUrl, async (client) => {
        const { rows } = await client.query("SELECT current_setting('server_version_num') AS num");
        const force = Number(rows[0].num) >= 130000 ? " WITH (FORCE)" : "";
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}${force}`);
    });
}


/***/ }),

/***/ 9086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WO: () => (/* binding */ findPrismaCli),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   gp: () => (/* binding */ PrismaCommandError)
/* harmony export */ });
/* unused harmony exports SHORT_LIVED_NODE_FLAGS, takesShortLivedFlags */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1376);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5508);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
// The project's own Prisma CLI, run as a child process. Prisma 6 and 7 take different flags for the
// same verbs; this is the one place that knows both.






/**
 * V8 flags for a Prisma process that finishes in seconds: no TurboFan for JavaScript (`--no-opt`) and
 * only the baseline compiler for the schema engine's WebAssembly (`--liftoff-only`), so no core is
 * spent optimising code that runs once. Both exist in Node 20 and Node 24 (checked with --v8-options).
 */
const SHORT_LIVED_NODE_FLAGS = ["--no-opt", "--liftoff-only"];
/**
 * Node majors whose V8 was checked to take SHORT_LIVED_NODE_FLAGS (20 and 24 here; 22 shares their
 * flag set). An unknown V8 flag makes node exit 9 before Prisma runs, so other majors go without them.
 */
function takesShortLivedFlags(version = process.versions.node) {
    const major = Number(version.split(".")[0]);
    return major >= 20 && major <= 24;
}
/**
 * The advisory lock every Prisma Migrate command takes before it reads or writes `_prisma_migrations`
 * (https://pris.ly/d/migrate-advisory-locking; `SELECT pg_advisory_lock(72707369)`, 10 s timeout).
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Finds `prisma` the way the project's own scripts would: from the working directory upwards. */
function findPrismaCli(options) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(options.workingDirectory, "package.json"));
    let pkgPath;
    try {
        pkgPath = require.resolve("prisma/package.json");
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j(`Prisma is not installed in ${options.workingDirectory} (or any parent node_modules). migrate-guard runs your project's own Prisma CLI: ` +
            `install dependencies first (e.g. \`npm ci\`), and make sure \`prisma\` is in package.json.`);
    }
    const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(pkgPath, "utf8"));
    const binRel = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.prisma ?? "build/index.js");
    const major = Number(pkg.version.split(".")[0]);
    const unsupported = (0,_version_js__WEBPACK_IMPORTED_MODULE_4__/* .unsupportedPrismaMessage */ .l5)({ version: pkg.version, major, source: pkgPath, installed: true }, options.workingDirectory);
    if (unsupported)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j(unsupported);
    return new ProjectPrismaCli(pkg.version, major, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(pkgPath), binRel), options);
}
const URL_PATTERN = /^postgres(ql)?:\/\//i;
class ProjectPrismaCli {
    version;
    major;
    entry;
    options;
    constructor(version, major, entry, options) {
        this.version = version;
        this.major = major;
        this.entry = entry;
        this.options = options;
    }
    /**
     * The child's environment: the URL in every variable the project reads, and no other database URL
     * at all, so that a variable we did not detect can never point Prisma at a real environment.
     */
    env(url) {
        const env = {};
        for (const [k, v] of Object.entries(process.env)) {
            if (v !== undefined && !URL_PATTERN.test(v))
                env[k] = v;
        }
        if (url)
            for (const name of this.options.urlVariables)
                env[name] = url;
        if (this.options.throwaway) {
            delete env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
            if (this.options.throwaway.compileCacheDir)
                env.NODE_COMPILE_CACHE = this.options.throwaway.compileCacheDir;
        }
        env.CHECKPOINT_DISABLE = "1";
        env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
        env.NO_COLOR = "1";
        env.FORCE_COLOR = "0";
        return env;
    }
    schemaArgs() {
        return this.options.explicitSchema ? ["--schema", this.options.schemaPath] : [];
    }
    run(args, url, onLine, options = {}) {
        return new Promise((resolve, reject) => {
            const flags = options.shortLived && takesShortLivedFlags() ? SHORT_LIVED_NODE_FLAGS : [];
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [...flags, this.entry, ...args], {
                cwd: this.options.workingDirectory,
                env: this.env(url),
                stdio: ["ignore", "pipe", "pipe"],
                ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" } : {}),
            });
            let stdout = "";
            let stderr = "";
            let pending = "";
            const secrets = url ? [url] : [];
            child.stdout.on("data", (d) => {
                stdout += d.toString();
                if (!onLine)
                    return;
                pending += d.toString();
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    onLine((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(line, secrets));
            });
            child.stderr.on("data", (d) => {
                stderr += d.toString();
            });
            // An abort is reported as a failed run (close follows with a signal), not as an exception.
            child.on("error", (error) => {
                if (error.name !== "AbortError")
                    reject(error);
            });
            child.on("close", (code) => resolve({ code: code ?? 1, stdout: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(stdout, secrets), stderr: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(stderr, secrets) }));
        });
    }
    deploy(url, onLine, options = {}) {
        const { from } = options;
        const args = from?.configFile ? ["--config", from.configFile] : from?.schemaPath ? ["--schema", from.schemaPath] : this.schemaArgs();
        return this.run(["migrate", "deploy", ...args], url, onLine, options);
    }
    resolve(url, kind, name, onLine) {
        return this.run(["migrate", "resolve", `--${kind}`, name, ...this.schemaArgs()], url, onLine);
    }
    async diff(source, url) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const from = source.kind === "url"
            ? ["--from-url", url]
            : source.kind === "config-datasource"
                ? ["--from-config-datasource"]
                : ["--from-migrations", source.dir];
        const result = await this.run(["migrate", "diff", ...from, to, this.options.schemaPath, "--script", "--exit-code"], url);
        if ((result.code !== 0 && result.code !== 2) || result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff ${from[0]} could not compare the migrations with ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(this.options.schemaPath)}`, result);
        }
        return { drift: result.code === 2, sql: result.stdout };
    }
    async schemaToSql(url, schemaPath = this.options.schemaPath) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const result = await this.run(["migrate", "diff", "--from-empty", to, schemaPath, "--script"], url, undefined, { shortLived: true });
        if (result.code !== 0) {
            throw new PrismaCommandError(`prisma migrate diff could not turn ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(schemaPath)} into SQL`, result);
        }
        // A script is never empty (an empty one says "-- This is an empty migration."); Prisma 7's CLI
        // exits 0 printing nothing when its schema engine process dies mid-command.
        if (result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff exited 0 but printed no SQL for ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(schemaPath)} (its schema engine probably stopped early)`, result);
        }
        return result.stdout;
    }
}
class PrismaCommandError extends Error {
    result;
    constructor(message, result) {
        super(`${message}:\n${(result.stderr || result.stdout).trim().split("\n").slice(-25).join("\n")}`);
        this.result = result;
    }
}


/***/ }),

/***/ 7141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   NJ: () => (/* binding */ blockFence),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mG: () => (/* binding */ inline)
/* harmony export */ });
/* unused harmony exports escapeText, flattenLines */
// Small text helpers for the Markdown renderer. Everything that reaches a PR comment comes from
// user-controlled input (file names, SQL, messages), so every piece passes through one of these.
/** Plain text: stop `<tag>` and `&entity;` from being interpreted by GitHub's HTML sanitiser. */
function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
/** Block-level newlines would end a list item or a table row early; `<br>` keeps the break visible. */
function flattenLines(text) {
    return text.replace(/\r\n|\r|\n/g, "<br>");
}
/** Inline text outside tables (list items, headings). */
function inline(text, maxChars = Infinity) {
    return flattenLines(escapeText(clip(text.trim(), maxChars)));
}
/** A table cell: a raw `|` would start a new column. */
function cell(text, maxChars = Infinity) {
    return inline(text, maxChars).replace(/\|/g, "\\|");
}
/**
 * A code span that survives any content: the fence is longer than the longest backtick run inside,
 * and in tables `|` is still escaped because GFM splits cells before parsing code spans.
 */
function code(text, options = {}) {
    let body = clip(text.replace(/\r\n|\r|\n/g, " "), options.maxChars ?? Infinity);
    if (options.inTable)
        body = body.replace(/\|/g, "\\|");
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longestRun + 1);
    const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A fence for a code block that cannot be closed early by backticks inside the block. */
function blockFence(content) {
    const longestRun = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
    return "`".repeat(Math.max(3, longestRun + 1));
}
function clip(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}
/** Only http(s) links, and the characters that would end a Markdown link destination are encoded. */
function safeUrl(url) {
    if (!url || !/^https?:\/\//i.test(url))
        return undefined;
    return url.replace(/[\s()<>"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function formatCount(n) {
    return n.toLocaleString("en-US");
}
function plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return "–";
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalSeconds = Math.round(ms / 1000);
    return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}


/***/ })

};
