import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 748;
export const ids = [748];
export const modules = {

/***/ 8748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LINT_USAGE: () => (/* binding */ LINT_USAGE),
  lintCommand: () => (/* binding */ lintCommand)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/lint/registry.ts + 36 modules
var registry = __webpack_require__(7429);
;// CONCATENATED MODULE: ./src/lint/report.ts

const FAIL_ON = ["error", "warning", "notice", "never"];
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

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/verify/lint.ts + 1 modules
var lint = __webpack_require__(8611);
// EXTERNAL MODULE: ./src/stats/stats-file.ts + 1 modules
var stats_file = __webpack_require__(9121);
;// CONCATENATED MODULE: ./src/cli/lint-command.ts







const LINT_USAGE = `Usage: migrate-guard lint [options] [FILE…]

Checks migrations for destructive and locking hazards with the PostgreSQL parser; needs no database.
By default only the migrations that are new relative to --base-ref are linted, against the schema the
base branch's migrations build ("existing" tables hold rows; tables new in this change do not).

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA whose migrations are the existing schema
  --all                     lint every migration (as one change set from an empty database)
  --each-migration          lint every migration, each against the ones before it (a history audit)
  --format FORMAT           text (default), json or sarif (SARIF 2.1.0 for code scanning)
  --fail-on LEVEL           exit 1 on findings at this level or above: error (default), warning,
                            notice, never
  --stats FILE              table sizes from \`migrate-guard stats\`: lock and rewrite hazards name
                            each table's rows and size, and are raised one level on large tables
  --large-table-rows N      raise at this many rows (default: 1000000)
  --huge-table-rows N       say so in the message at this many rows (default: 10000000)
  -h, --help                this help

FILE…                       lint these .sql files directly (no Prisma project), each against the
                            ones before it

Ignore a finding with a comment before the statement (a reason is required):
  -- migrate-guard-ignore drop-column: dropped after phase 2 shipped in v2.3
  -- migrate-guard-ignore-file missing-lock-timeout: runs in the maintenance window

Exit codes: 0 no finding at --fail-on level, 1 such findings, 2 usage or configuration error.
`;
const FORMATS = ["text", "json", "sarif"];
async function lintCommand(argv, io) {
    const parsed = (0,args/* parseCommandArgs */.Q)(argv, {
        "working-directory": { type: "string" },
        schema: { type: "string" },
        "base-ref": { type: "string" },
        all: { type: "boolean" },
        "each-migration": { type: "boolean" },
        format: { type: "string" },
        "fail-on": { type: "string" },
        stats: { type: "string" },
        "large-table-rows": { type: "string" },
        "huge-table-rows": { type: "string" },
        help: { type: "boolean", short: "h" },
    }, LINT_USAGE, true);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(LINT_USAGE);
        return 0;
    }
    const format = v.format ?? "text";
    if (!FORMATS.includes(format))
        throw new errors/* ConfigurationError */.j(`Invalid --format "${format}". Expected one of: ${FORMATS.join(", ")}.`);
    const failOn = (v["fail-on"] ?? "error");
    if (!FAIL_ON.includes(failOn))
        throw new errors/* ConfigurationError */.j(`Invalid --fail-on "${v["fail-on"]}". Expected one of: ${FAIL_ON.join(", ")}.`);
    const files = parsed.positionals;
    if (files.length > 0 && (v["base-ref"] || v.all || v.schema)) {
        throw new errors/* ConfigurationError */.j(`FILE arguments (${files.join(", ")}) are linted on their own; --base-ref, --all and --schema apply to a Prisma project. Give either files or project options.`);
    }
    const sizeRisk = await (0,stats_file/* statsOption */.F)(v.stats, v["large-table-rows"], v["huge-table-rows"]);
    const outcome = await (0,lint/* runLint */.nU)({
        workingDirectory: v["working-directory"] ?? ".",
        ...(v.schema ? { schema: v.schema } : {}),
        ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
        all: Boolean(v.all),
        eachMigration: Boolean(v["each-migration"]),
        ...(files.length ? { files } : {}),
        ...(sizeRisk ? { sizeRisk } : {}),
        logger: io.logger,
    });
    const findings = outcome.result.findings;
    const failed = fails(findings, failOn);
    const info = { summary: outcome.summary, durationMs: outcome.durationMs, statements: outcome.result.statements };
    if (format === "json") {
        io.stdout.write(JSON.stringify(lintJson(findings, { ...info, ok: !failed, linted: outcome.result.linted }), null, 2) + "\n");
    }
    else if (format === "sarif") {
        const report = { ok: !failed, checks: [(0,lint/* lintCheck */.uW)(outcome)], migrations: [], durationMs: outcome.durationMs };
        io.stdout.write(JSON.stringify(renderSarif(report, { toolVersion: version/* VERSION */.x, ruleHelp: ruleHelp }), null, 2) + "\n");
    }
    else {
        io.stdout.write(renderLintText(findings, info, { color: io.color }));
    }
    return failed ? 1 : 0;
}


/***/ })

};
