import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 775;
export const ids = [775];
export const modules = {

/***/ 8156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish),
  saveClusterState: () => (/* binding */ saveClusterState)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/github/annotations.ts
// Findings as workflow annotations (the `::error file=…,line=…::` commands GitHub turns into inline
// marks on the pull request's diff).

/** GitHub shows at most this many annotations of each type per step; the rest are silently dropped. */
const ANNOTATIONS_PER_TYPE = 10;
const ORDER = ["error", "warning", "notice"];
function annotate(findings, options = {}) {
    const max = Math.max(0, Math.floor(options.max ?? ANNOTATIONS_PER_TYPE));
    const sink = options.sink ?? core;
    const bySeverity = new Map(ORDER.map((s) => [s, findings.filter((f) => f.severity === s)]));
    const errors = bySeverity.get("error");
    const warnings = bySeverity.get("warning");
    const notices = bySeverity.get("notice");
    // The closing "N not shown" line is itself a notice, so it needs one of the notice slots.
    const needsSummary = errors.length > max || warnings.length > max || notices.length > max;
    const limit = { error: max, warning: max, notice: needsSummary ? Math.max(0, max - 1) : max };
    const hiddenCounts = { error: 0, warning: 0, notice: 0 };
    let shown = 0;
    for (const severity of ORDER) {
        const list = bySeverity.get(severity);
        for (const finding of list.slice(0, limit[severity])) {
            sink[severity](finding.message || finding.rule, propertiesOf(finding));
            shown += 1;
        }
        hiddenCounts[severity] = Math.max(0, list.length - limit[severity]);
    }
    const hidden = hiddenCounts.error + hiddenCounts.warning + hiddenCounts.notice;
    if (hidden > 0) {
        const parts = ORDER.filter((s) => hiddenCounts[s] > 0).map((s) => `${hiddenCounts[s]} ${s}${hiddenCounts[s] === 1 ? "" : "s"}`);
        sink.notice(`${hidden} more migrate-guard finding${hidden === 1 ? " was" : "s were"} not shown as annotations (${parts.join(", ")}); ` +
            `GitHub shows only ${max} per type per step. See the job summary for all of them.`, { title: "More migrate-guard findings" });
    }
    return { shown, hidden };
}
function propertiesOf(finding) {
    const properties = { title: finding.rule };
    // A line without a file has nothing to point at, so GitHub would show it unanchored anyway.
    if (finding.file) {
        properties.file = finding.file;
        if (finding.line && finding.line >= 1) {
            properties.startLine = finding.line;
            if (finding.column && finding.column >= 1)
                properties.startColumn = finding.column;
        }
    }
    return properties;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/report/markdown-text.ts
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
            renamed.push(`${code(id, { maxChars: 100 })} is ${code(label, { maxChars: 200 })}`);
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
        const names = omitted.slice(0, 30).map((t) => `${code(tableLabel(t, qualify), { maxChars: 200 })}${t.touched ? ` (${t.status})` : ""}`);
        lines.push(`_… and ${plural(omitted.length, "more table")} not drawn: ${names.join(", ")}${omitted.length > names.length ? ", …" : ""}._`, "");
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
    const group = (status) => all.filter((t) => t.touched && t.status === status).map((t) => code(tableLabel(t, qualify), { maxChars: 200 }));
    const parts = ["added", "changed", "dropped"].map((s) => [s, group(s)]).filter(([, names]) => names.length > 0);
    for (const [status, names] of parts) {
        const shown = names.slice(0, 30);
        lines.push(`- **${status}**: ${shown.join(", ")}${names.length > shown.length ? `, … (${names.length - shown.length} more)` : ""}`);
    }
    for (const t of drawn) {
        if (t.notes.length === 0)
            continue;
        const notes = t.notes.slice(0, 10).map((n) => inline(n, 200));
        lines.push(`- ${code(tableLabel(t, qualify), { maxChars: 200 })}: ${notes.join("; ")}${t.notes.length > notes.length ? `; … (${t.notes.length - notes.length} more)` : ""}`);
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
        return [...lines, `_Not drawn: ${inline(outcome.missing, 500)}._`, ""];
    if (outcome.change.tables.length === 0)
        return [...lines, "_The new migrations change no table, column, key or index._", ""];
    if (options.maxTables === 0) {
        return [...lines, `_The diagram of ${plural(outcome.change.tables.length, "table")} was omitted to fit GitHub's size limit._`, ""];
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
    const statusParts = labels.filter(([status]) => count(status) > 0).map(([status, label]) => `${formatCount(count(status))} ${label}`);
    const checks = plural(report.checks.length, "check");
    const findings = report.checks.flatMap((c) => c.findings);
    const severity = (s) => findings.filter((f) => f.severity === s).length;
    const detail = [
        plural(severity("error"), "error"),
        plural(severity("warning"), "warning"),
        ...(severity("notice") > 0 ? [plural(severity("notice"), "notice")] : []),
        ...(report.migrations.length > 0 ? [`${plural(report.migrations.length, "migration")} applied`] : []),
        ...(report.drift && report.drift.differences.length > 0 ? ["schema drift found"] : []),
        ...(report.drift?.existing?.length ? [`${plural(report.drift.existing.length, "difference")} already on the base branch`] : []),
    ];
    return [
        `## ${report.ok ? "✅" : "❌"} ${inline(title, 200)}: ${checks}${statusParts.length ? ` (${statusParts.join(", ")})` : ""}`,
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
        ...checks.map((c) => `| ${STATUS_ICON[c.status]} | ${code(c.id, { inTable: true, maxChars: 100 })} | ${cell(c.summary, limits.textChars)} | ${formatCount(c.findings.length)} |`),
        "",
    ];
}
function findingsSection(checks, limits) {
    const withFindings = checks.filter((c) => c.findings.length > 0);
    if (withFindings.length === 0)
        return [];
    const lines = ["### Findings", ""];
    for (const check of withFindings) {
        lines.push(`**${STATUS_ICON[check.status]} ${code(check.id, { maxChars: 100 })}** (${formatCount(check.findings.length)})`, "");
        // Errors first, so a cut keeps what blocks the merge.
        const sorted = [...check.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        const shown = sorted.slice(0, limits.findingsPerCheck);
        for (const finding of shown)
            lines.push(findingLine(finding, limits));
        const rest = sorted.length - shown.length;
        if (rest > 0) {
            lines.push(`- … and ${plural(rest, "more finding")} in this check (all of them are in the job log and the SARIF file)`);
        }
        lines.push("");
    }
    return lines;
}
function findingLine(finding, limits) {
    const where = finding.file ? `${code(finding.line ? `${finding.file}:${finding.line}` : finding.file, { maxChars: 300 })} — ` : "";
    return `- ${SEVERITY_ICON[finding.severity]} ${where}${inline(finding.message, limits.textChars)} (${code(finding.rule, { maxChars: 100 })})`;
}
function migrationsSection(migrations, limits) {
    if (migrations.length === 0)
        return [];
    const total = migrations.reduce((sum, m) => sum + m.durationMs, 0);
    const slow = migrations.filter((m) => m.slow).length;
    const lines = [
        `### Migrations (${plural(migrations.length, "migration")} in ${formatDuration(total)}${slow ? `, ${formatCount(slow)} slow 🐢` : ""})`,
        "",
    ];
    const shown = keepSlowest(migrations, limits.migrations);
    if (shown.length > 0) {
        lines.push("| Migration | Duration |", "| --- | --: |");
        for (const m of shown) {
            lines.push(`| ${code(m.name, { inTable: true, maxChars: 200 })}${m.slow ? " 🐢" : ""} | ${formatDuration(m.durationMs)} |`);
        }
        lines.push("");
    }
    const omitted = migrations.length - shown.length;
    if (omitted > 0) {
        lines.push(shown.length > 0
            ? `_Showing the ${formatCount(shown.length)} slowest; ${plural(omitted, "faster migration")} omitted to fit GitHub's size limit._`
            : `_Table of ${plural(omitted, "migration")} omitted to fit GitHub's size limit._`, "");
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
        lines.push(`- ${inline(difference, limits.textChars)}`);
    const rest = differences.length - shown.length;
    if (rest > 0)
        lines.push(`- … and ${plural(rest, "more difference")}`);
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
        const where = drift.baseRef ? code(drift.baseRef, { maxChars: 200 }) : "the base branch";
        lines.push(`<details><summary>⚠️ Already on ${where}: ${plural(existing.length, "difference")} (not failed: this pull request does not add them)</summary>`, "", ...differenceList(existing, limits), "</details>", "");
    }
    if (drift.judge)
        lines.push(`_Judged by ${inline(drift.judge, 300)}._`, "");
    const sql = drift.sql.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    if (sql.length > 0) {
        const kept = truncateSql(sql, limits.sqlChars);
        if (kept.length > 0) {
            const fence = blockFence(kept);
            lines.push(`<details><summary>SQL a new migration needs (${plural(sql.split("\n").length, "line")})</summary>`, "", `${fence}sql`, kept, fence, "");
            if (kept.length < sql.length) {
                lines.push(`_SQL truncated: ${formatCount(sql.length - kept.length)} of ${formatCount(sql.length)} characters omitted; run the command below to see all of it._`, "");
            }
            lines.push("</details>", "");
        }
        else {
            lines.push(`_The SQL (${formatCount(sql.length)} characters) was omitted to fit GitHub's size limit; run the command below to see it._`, "");
        }
    }
    if (drift.fixCommand && drift.differences.length > 0)
        lines.push(`To fix it, create the missing migration: ${code(drift.fixCommand, { maxChars: 500 })}`, "");
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
    return cut > 0 ? sql.slice(0, cut) : clip(sql, maxChars);
}
function footer(report, runUrl) {
    const parts = [`verified in ${formatDuration(report.durationMs)}`];
    if (report.prismaVersion)
        parts.push(`Prisma ${inline(report.prismaVersion, 50)}`);
    // server_version reads "15.18 (Debian 15.18-0+deb12u1)"; the number is what a reader compares.
    const postgres = report.postgresVersion?.replace(/^PostgreSQL\s+/i, "").split(/\s/)[0];
    const server = report.postgresServer;
    if (postgres)
        parts.push(`PostgreSQL ${inline(postgres, 50)}${server?.source === "npm" ? ` (from npm${server.fetchMs !== undefined ? `, fetched in ${formatDuration(server.fetchMs)}` : ""})` : ""}`);
    if (report.cache && report.cache.state !== "off")
        parts.push(`cache: ${report.cache.state}${report.cache.savedMs ? ` (saved ${formatDuration(report.cache.savedMs)})` : ""}`);
    const url = safeUrl(runUrl);
    if (url)
        parts.push(`[workflow run](${url})`);
    const note = server?.note ? [`> [!NOTE]\n> ${inline(server.note, 400)}`, ""] : [];
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

;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// One sticky comment per pull request (and marker): created on the first run, edited in place after,
// so a busy PR does not collect a report per push.



function commentMarker(marker) {
    // `--` or `>` would end the HTML comment early and leak the rest of the marker into the page.
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(marker) || marker.includes("--")) {
        throw new errors/* ConfigurationError */.j(`comment marker "${marker}" is not usable: use letters, digits and . _ : / - (no "--"), e.g. "verify" or "verify/postgres-16"`);
    }
    return `<!-- migrate-guard:${marker} -->`;
}
async function upsertPullRequestComment(octokit, options) {
    const { owner, repo, issueNumber: issue_number } = options;
    const tag = commentMarker(options.marker);
    const body = fitToLimit(`${tag}\n${options.body}`);
    const logger = options.logger ?? { warning: (message) => core.warning(message) };
    let step = "listing the comments of";
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
        const existing = ownComment(comments, tag);
        if (existing) {
            if (normalise(existing.body ?? "") === normalise(body))
                return { id: existing.id, action: "unchanged" };
            step = "updating the comment on";
            try {
                const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
                return { id: data.id, action: "updated" };
            }
            catch (error) {
                // Deleted between listing and updating: fall through and create a fresh one.
                if (statusOf(error) !== 404)
                    throw error;
            }
        }
        step = "creating a comment on";
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
        return { id: data.id, action: "created" };
    }
    catch (error) {
        const status = statusOf(error);
        if (status !== 403 && status !== 404)
            throw error;
        // A pull request from a fork gets a read-only token; that must not fail the verification itself.
        const reason = `GitHub answered ${status} (${messageOf(error)}) when ${step} ${owner}/${repo}#${issue_number}, so the report was not posted as a comment. ` +
            `Pull requests from forks get a read-only token; otherwise give the job "permissions: pull-requests: write". The job summary has the report.`;
        logger.warning(reason);
        return { action: "skipped", reason };
    }
}
/**
 * The comment this job wrote before: it starts with the marker (a person quoting or mentioning the
 * marker elsewhere in a comment is not it). Bot-authored ones (GITHUB_TOKEN, a GitHub App) win over a
 * person's comment that happens to start with the marker; with a personal token the job's comments are
 * a person's, so those still count when no bot wrote one.
 */
function ownComment(comments, tag) {
    const marked = comments.filter((c) => normalise(c.body ?? "")
        .trimStart()
        .startsWith(tag));
    const byBots = marked.filter((c) => c.user?.type === "Bot");
    return newest(byBots.length > 0 ? byBots : marked);
}
/** Several marker comments (e.g. from an old bug or a manual copy): edit the most recent one only. */
function newest(comments) {
    let best;
    for (const comment of comments) {
        if (!best) {
            best = comment;
            continue;
        }
        const byDate = Date.parse(comment.created_at) - Date.parse(best.created_at);
        if (byDate > 0 || (byDate === 0 && comment.id > best.id))
            best = comment;
    }
    return best;
}
/** GitHub may hand back CRLF for text it stored as LF; either way it is the same comment. */
function normalise(text) {
    return text.replace(/\r\n/g, "\n");
}
/**
 * The renderer already keeps reports under the limit; this only protects against a caller passing
 * its own text, because GitHub answers 422 and the whole comment would be lost.
 */
function fitToLimit(body) {
    if (body.length <= GITHUB_COMMENT_LIMIT)
        return body;
    const note = "\n\n_…cut to fit GitHub's comment size limit; see the job summary for the full report._";
    const cut = body.lastIndexOf("\n", GITHUB_COMMENT_LIMIT - note.length);
    return `${body.slice(0, cut > 0 ? cut : GITHUB_COMMENT_LIMIT - note.length)}${note}`;
}
function statusOf(error) {
    if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number")
        return error.status;
    return undefined;
}
function messageOf(error) {
    const data = typeof error === "object" && error !== null && "response" in error ? error.response?.data : undefined;
    if (typeof data === "object" && data !== null && "message" in data && typeof data.message === "string")
        return data.message;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
// Placeholder until the project has a public home; pass `informationUri` to override.
const DEFAULT_INFORMATION_URI = "https://github.com/migrate-guard/migrate-guard";
const LEVEL = { error: "error", warning: "warning", notice: "note" };
const LEVEL_RANK = { error: 0, warning: 1, note: 2 };
function renderSarif(report, options) {
    const rules = [];
    const ruleIndex = new Map();
    const results = [];
    for (const check of report.checks) {
        for (const finding of check.findings) {
            const level = LEVEL[finding.severity];
            let index = ruleIndex.get(finding.rule);
            if (index === undefined) {
                index = rules.length;
                ruleIndex.set(finding.rule, index);
                const help = options.ruleHelp?.(finding.rule);
                rules.push({
                    id: finding.rule,
                    name: toPascalCase(finding.rule),
                    shortDescription: { text: help?.description ?? describeRule(finding.rule, check.id) },
                    defaultConfiguration: { level },
                    ...(help
                        ? {
                            help: { text: help.text, ...(help.markdown ? { markdown: help.markdown } : {}) },
                            ...(help.helpUri ? { helpUri: help.helpUri } : {}),
                        }
                        : {}),
                    properties: { checks: [check.id] },
                });
            }
            const rule = rules[index];
            // The rule's default is its most severe use, so code scanning's filter by severity is honest.
            if (LEVEL_RANK[level] < LEVEL_RANK[rule.defaultConfiguration.level])
                rule.defaultConfiguration.level = level;
            if (!rule.properties.checks.includes(check.id))
                rule.properties.checks.push(check.id);
            const result = {
                ruleId: finding.rule,
                ruleIndex: index,
                level,
                message: { text: finding.message || finding.rule },
                properties: { check: check.id },
            };
            const location = locationOf(finding, options.fallbackUri);
            if (location)
                result.locations = [location];
            results.push(result);
        }
    }
    const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(options.toolVersion);
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "migrate-guard",
                        version: options.toolVersion,
                        ...(semver ? { semanticVersion: options.toolVersion } : {}),
                        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
                        rules,
                    },
                },
                columnKind: "utf16CodeUnits",
                results,
            },
        ],
    };
}
function locationOf(finding, fallbackUri) {
    const file = finding.file ?? fallbackUri;
    if (!file)
        return undefined;
    const location = {
        physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: "%SRCROOT%" } },
    };
    // A line only means something in the finding's own file, not in the fallback.
    if (finding.file && isPositiveInteger(finding.line)) {
        location.physicalLocation.region = {
            startLine: finding.line,
            ...(isPositiveInteger(finding.column) ? { startColumn: finding.column } : {}),
        };
    }
    return location;
}
/** SARIF wants a URI reference: spaces, `#` and `?` in a path would otherwise change its meaning. */
function toUri(path) {
    return path
        .replace(/\\/g, "/")
        .replace(/^\.\//, "")
        .split("/")
        .map((segment) => encodeURIComponent(segment))
        .join("/");
}
function isPositiveInteger(n) {
    return typeof n === "number" && Number.isInteger(n) && n >= 1;
}
function describeRule(rule, check) {
    const words = rule.replace(/[-_./]+/g, " ").trim();
    const sentence = words ? words[0].toUpperCase() + words.slice(1) : rule;
    return `${sentence} (${check} check)`;
}
function toPascalCase(rule) {
    return rule
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join("");
}

// EXTERNAL MODULE: ./src/lint/registry.ts + 36 modules
var registry = __webpack_require__(7429);
;// CONCATENATED MODULE: ./src/lint/report.ts

const FAIL_ON = (/* unused pure expression or super */ null && (["error", "warning", "notice", "never"]));
const RANK = { error: 0, warning: 1, notice: 2 };
/** Whether the findings fail the run: any finding at `failOn` or more severe. */
function fails(findings, failOn) {
    return failOn !== "never" && findings.some((f) => RANK[f.severity] <= RANK[failOn]);
}
function ruleHelp(id) {
    const rule = (0,registry/* ruleById */.BD)(id);
    if (!rule)
        return undefined;
    return {
        description: rule.summary,
        text: `${rule.summary}\n\nSafe recipe: ${rule.recipe}`,
        markdown: `**${rule.id}** — ${rule.summary}\n\n**Safe recipe.** ${rule.recipe}\n\n[Rule documentation](${(0,registry/* ruleDocUrl */.Cg)(rule.id)})`,
        helpUri: (0,registry/* ruleDocUrl */.Cg)(rule.id),
    };
}
/** Findings sorted by file, line, column (the order a reader walks the files in). */
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
/** rule → { error, warning, notice } counts, rules sorted by id. */
function countsByRule(findings) {
    const map = new Map();
    for (const f of findings) {
        const c = map.get(f.rule) ?? { error: 0, warning: 0, notice: 0 };
        c[f.severity] += 1;
        map.set(f.rule, c);
    }
    return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
}
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) => r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd())
        .join("\n");
}
function renderLintText(findings, info, options = {}) {
    const paint = (code, s) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const label = { error: paint(31, "error"), warning: paint(33, "warning"), notice: paint(90, "notice") };
    const lines = [];
    for (const f of sortFindings(findings))
        lines.push(`${f.file}:${f.line}:${f.column} ${label[f.severity]} [${f.rule}] ${f.message}`);
    const counts = countsByRule(findings);
    if (counts.length > 0) {
        lines.push("", table([
            ["rule", "errors", "warnings", "notices"],
            ...counts.map(([rule, c]) => [rule, String(c.error), String(c.warning), String(c.notice)]),
        ]));
    }
    const n = (s) => findings.filter((f) => f.severity === s).length;
    lines.push("", `${info.summary} — ${n("error")} error(s), ${n("warning")} warning(s), ${n("notice")} notice(s); ${info.statements} statements in ${Math.round(info.durationMs)} ms`);
    return lines.join("\n") + "\n";
}
/** The `--format json` document. */
function lintJson(findings, info) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    return {
        ok: info.ok,
        summary: info.summary,
        linted: info.linted,
        counts: { error: n("error"), warning: n("warning"), notice: n("notice") },
        findings: sortFindings(findings).map((f) => ({
            rule: f.rule,
            severity: f.severity,
            class: f.class,
            message: f.message,
            file: f.file,
            line: f.line,
            column: f.column,
            migration: f.migration,
        })),
        durationMs: Math.round(info.durationMs),
    };
}
const escapeCell = (s) => s
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "&lt;");
/** Markdown for the job summary: counts per rule, then the findings (capped). */
function renderLintMarkdown(findings, info, options = {}) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    const lines = [
        `## migrate-guard lint`,
        "",
        `${escapeCell(info.summary)} — **${n("error")}** error(s), **${n("warning")}** warning(s), ${n("notice")} notice(s).`,
        "",
    ];
    const counts = countsByRule(findings);
    if (counts.length) {
        lines.push("| rule | errors | warnings | notices |", "| --- | ---: | ---: | ---: |");
        for (const [rule, c] of counts)
            lines.push(`| [\`${rule}\`](${ruleDocUrl(rule)}) | ${c.error} | ${c.warning} | ${c.notice} |`);
        lines.push("", "| | where | rule | finding |", "| --- | --- | --- | --- |");
        const max = options.maxFindings ?? 200;
        const icon = { error: "❌", warning: "⚠️", notice: "ℹ️" };
        for (const f of sortFindings(findings).slice(0, max))
            lines.push(`| ${icon[f.severity]} | \`${escapeCell(f.file)}:${f.line}\` | \`${f.rule}\` | ${escapeCell(f.message)} |`);
        if (findings.length > max)
            lines.push("", `… and ${findings.length - max} more (see the SARIF report or \`migrate-guard lint --format json\`).`);
    }
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/actions/action-start.ts
var action_start = __webpack_require__(7668);
;// CONCATENATED MODULE: ./src/actions/action-runtime.ts
// What every action entry shares: a Logger over @actions/core, and the one try/catch that turns an
// escaped error into a failed step (a ConfigurationError as its message alone, anything else with its
// stack at debug level). Secrets never reach the log: URLs are redacted.


const actionsLogger = {
    info: (message) => core.info((0,errors/* redact */.E)(message)),
    warning: (message) => core.warning((0,errors/* redact */.E)(message)),
    error: (message) => core.error((0,errors/* redact */.E)(message)),
    debug: (message) => core.debug((0,errors/* redact */.E)(message)),
};
async function runAction(work) {
    try {
        await work();
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j) {
            core.setFailed((0,errors/* redact */.E)(error.message));
        }
        else {
            const err = error instanceof Error ? error : new Error(String(error));
            core.setFailed((0,errors/* redact */.E)(err.message));
            if (err.stack)
                core.debug((0,errors/* redact */.E)(err.stack));
        }
    }
}
// Lives in action-start.ts, which entries can import without loading @actions/core.


;// CONCATENATED MODULE: ./src/actions/verify/publish.ts
// The verify action's reporting once verify has run (run.ts): job summary, annotations, SARIF, PR
// comment, outputs. Loaded, with @actions/core and its HTTP client, while verify works.











async function comment(report, settings, context) {
    const pr = context.pullRequest;
    if (!settings.comment)
        return;
    if (!pr || !context.repository || !settings.githubToken) {
        core.info("comment: true, but this run is not for a pull request (or has no token): no comment posted.");
        return;
    }
    // Loaded only when a comment is posted: octokit is a large part of the bundle's start-up time.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(settings.githubToken, context.apiUrl ? { baseUrl: context.apiUrl } : {});
    const marker = `verify:${external_node_path_default().posix.normalize(settings.workingDirectory)}`;
    const body = renderMarkdown(report, {
        title: `migrate-guard verify (${settings.workingDirectory})`,
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    });
    const result = await upsertPullRequestComment(octokit, {
        owner: context.repository.owner,
        repo: context.repository.repo,
        issueNumber: pr.number,
        body,
        marker,
        logger: actionsLogger,
    });
    core.info(result.action === "skipped" ? `PR comment skipped: ${result.reason}` : `PR comment ${result.action} (#${result.id}).`);
}
/** Saved as soon as the server runs: if this step is killed, the post step still stops it. */
function saveClusterState(c) {
    core.saveState("cluster", JSON.stringify({ pid: c.pid, dataDir: c.dataDir, rootDir: c.rootDir }));
}
async function main(report, context, settings, service) {
    core.saveState("cluster", "");
    // The post step saves the built-in cache only when this run wrote a new snapshot.
    if (service && report.cache?.saved)
        core.saveState("snapshot-cache", JSON.stringify(service));
    core.setOutput("ok", String(report.ok));
    core.setOutput("report", JSON.stringify((0,core_report/* toJsonReport */.Ow)(report)));
    core.setOutput("applied-count", String(report.migrations.length));
    core.setOutput("drift", String(Boolean(report.drift && report.drift.differences.length > 0)));
    core.setOutput("cache", report.cache?.state ?? "off");
    if (settings.sarifFile) {
        const file = external_node_path_default().resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.sarifFile);
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, JSON.stringify(renderSarif(report, { toolVersion: version/* VERSION */.x, ruleHelp: ruleHelp }), null, 2));
        core.setOutput("sarif-file", file);
    }
    const findings = report.checks.flatMap((c) => c.findings);
    // One error slot stays free for setFailed's own annotation.
    annotate(findings, { max: report.ok ? 10 : 9 });
    await core.summary
        .addRaw(renderMarkdown(report, { ...(context.runUrl ? { runUrl: context.runUrl } : {}), maxLength: 1_000_000 }))
        .write();
    await comment(report, settings, context).catch((error) => core.warning(`Could not post the PR comment: ${error.message}`));
    if (!report.ok) {
        const failed = report.checks.filter((c) => c.status === "fail").map((c) => c.id);
        core.setFailed(`Migration checks failed: ${failed.join(", ")}. See the job summary for details.`);
    }
}
/** Reports verify's report, or fails the step with what verify threw, as every action entry does. */
function publish(outcome, context, settings, service) {
    return runAction(async () => {
        if ("error" in outcome)
            throw outcome.error;
        await main(outcome.report, context, settings, service);
    });
}


/***/ })

};
