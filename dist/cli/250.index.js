import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 250;
export const ids = [250];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// One way every command parses its flags: node:util parseArgs, and any mistake (unknown flag, missing
// value) becomes a ConfigurationError that carries the command's usage (exit 2).


function parseCommandArgs(argv, options, usage, allowPositionals = false) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals, strict: true });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${error.message}\n\n${usage}`);
    }
}


/***/ }),

/***/ 8250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_USAGE: () => (/* binding */ GATE_USAGE),
  gateCommand: () => (/* binding */ gateCommand)
});

// EXTERNAL MODULE: ./src/core/soak.ts
var soak = __webpack_require__(4321);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/gate/github.ts + 1 modules
var gate_github = __webpack_require__(7765);
;// CONCATENATED MODULE: ./src/gate/soak-chart.ts


const MAX_CHART_MIGRATIONS = 20;
/** Text for a gantt title, section or task name: no colon (ends a task name), `#`, `;` or `%%`, one line. */
function label(text) {
    const clean = text
        .replace(/[:#;\r\n]/g, " ")
        .replace(/%%/g, "%")
        .replace(/\s+/g, " ")
        .trim();
    return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean || "-";
}
const NOT_SOAKING = {
    missing: "never applied here",
    failed: "failed here",
    "rolled-back": "rolled back here",
    "checksum-mismatch": "applied from a different file",
};
function tasks(m, i, soakMs, fallbackStart) {
    const out = [`  section ${label(m.name)}`];
    const applied = m.appliedOnSourceAt?.getTime();
    if ((m.status === "soaked" || m.status === "soaking") && applied !== undefined && m.soakedSeconds !== null) {
        const now = applied + m.soakedSeconds * 1000;
        out.push(`    soaked ${label(formatHours(m.soakedSeconds))} :done, m${i}s, ${applied}, ${now}`);
        if ((m.remainingSeconds ?? 0) > 0)
            out.push(`    ${label(formatHours(m.remainingSeconds))} left :active, m${i}l, ${now}, ${applied + soakMs}`);
        return out;
    }
    // No soak counts: the bar is the whole soak period it still needs, from when it was applied (or now).
    const start = applied ?? fallbackStart;
    out.push(`    ${label(NOT_SOAKING[m.status])} :crit, m${i}x, ${start}, ${start + Math.max(soakMs, 60_000)}`);
    return out;
}
/** Markdown lines: a ```mermaid gantt, or nothing when no migration is pending. */
function soak_chart_soakGantt(verdict) {
    if (verdict.migrations.length === 0)
        return [];
    const soakMs = Math.round(verdict.policy.soakHours * 3600) * 1000;
    const shown = verdict.migrations.slice(0, MAX_CHART_MIGRATIONS);
    const body = [
        "gantt",
        `  title ${label(`Time on ${verdict.policy.from} against the ${verdict.policy.soakHours} h soak`)}`,
        "  dateFormat x",
        "  axisFormat %m-%d %H:%M",
        ...shown.flatMap((m, i) => tasks(m, i, soakMs, verdict.evaluatedAt.getTime())),
    ];
    const lines = ["```mermaid", ...body, "```", ""];
    const rest = verdict.migrations.length - shown.length;
    if (rest > 0)
        lines.push(`_… and ${plural(rest, "more pending migration")} (in the table above)._`, "");
    return lines;
}

;// CONCATENATED MODULE: ./src/gate/render.ts
// The gate's report as CLI text and as the job summary: the decision, why, and a table per migration
// (applied on staging at, hours soaked, hours left). Pure.



const ICON = { pass: "✅", wait: "⏳", block: "⛔" };
/** Exit code of the CLI: 0 pass, 1 wait or block (2, usage errors, is thrown before a report exists). */
function gateExitCode(report) {
    return report.verdict.decision === "pass" && !report.statusError ? 0 : 1;
}
function gateHeadline(verdict) {
    const { policy } = verdict;
    const what = `${policy.from} → ${policy.to}`;
    if (verdict.override)
        return `pass (override by ${verdict.override.actor}; the gate said ${verdict.decisionWithoutOverride}) for ${what}`;
    if (verdict.decision === "wait")
        return `wait: ${(0,soak/* formatHours */.BG)(verdict.remainingSeconds ?? 0)} left on ${policy.from} (earliest pass ${verdict.earliestPassAt?.toISOString()}) for ${what}`;
    return `${verdict.decision} for ${what}`;
}
function hours(seconds) {
    return seconds === null ? "–" : (seconds / 3600).toFixed(1);
}
function row(m) {
    return [m.name, m.appliedOnSourceAt?.toISOString() ?? "–", hours(m.soakedSeconds), hours(m.remainingSeconds), m.status];
}
function renderGateText(report) {
    const v = report.verdict;
    const lines = [`${ICON[v.decision]} ${gateHeadline(v)}`];
    lines.push(`  ${report.from.name.padEnd(10)} ${report.from.database}`, `  ${report.to.name.padEnd(10)} ${report.to.database}`);
    if (report.sha)
        lines.push(`  target     ${report.sha}`);
    lines.push(`  soak       ${v.policy.soakHours}h`);
    if (v.migrations.length > 0) {
        lines.push("", `  ${"migration".padEnd(40)} applied on ${v.policy.from} at`.padEnd(80) + "soaked h  left h  status");
        for (const m of v.migrations) {
            const [name, at, soaked, left, status] = row(m);
            lines.push(`  ${name.padEnd(40)} ${at.padEnd(36)} ${soaked.padStart(8)}  ${left.padStart(6)}  ${status}`);
        }
    }
    lines.push("", ...v.reasons.map((r) => `- ${r}`));
    if (report.commitStatus)
        lines.push("", `commit status ${report.commitStatus.state}: ${report.commitStatus.description}`);
    if (report.statusError)
        lines.push("", `error: ${report.statusError}`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    lines.push("", `gate took ${(report.durationMs / 1000).toFixed(1)} s.`);
    return lines.join("\n") + "\n";
}
function renderGateMarkdown(report) {
    const v = report.verdict;
    const out = [`## ${ICON[v.decision]} Soak gate: ${inline(gateHeadline(v))}`, ""];
    out.push("| | |", "| --- | --- |");
    out.push(`| From | ${cell(report.from.name)} — ${cell(report.from.database)} |`, `| To | ${cell(report.to.name)} — ${cell(report.to.database)} |`);
    if (report.sha)
        out.push(`| Target | ${code(report.sha, { inTable: true })} |`);
    out.push(`| Soak | ${v.policy.soakHours} h |`);
    if (v.remainingSeconds !== null && v.decision === "wait")
        out.push(`| Earliest pass | ${v.earliestPassAt?.toISOString() ?? "–"} |`);
    if (v.override)
        out.push(`| Override | by **${cell(v.override.actor)}** (the gate said ${v.decisionWithoutOverride}): ${cell(v.override.reason)} |`);
    out.push("");
    if (v.migrations.length > 0) {
        out.push(`| Migration | Applied on ${cell(v.policy.from)} at | Hours soaked | Hours left | Status |`, "| --- | --- | ---: | ---: | --- |");
        for (const m of v.migrations) {
            const [name, at, soaked, left, status] = row(m);
            out.push(`| ${code(name, { inTable: true })} | ${cell(at)} | ${soaked} | ${left} | ${cell(status)} |`);
        }
        out.push("", ...soakGantt(v));
    }
    out.push(...v.reasons.map((r) => `- ${inline(r)}`), "");
    if (report.statusError)
        out.push(`**Error:** ${inline(report.statusError)}`, "");
    return out.join("\n");
}

// EXTERNAL MODULE: ./src/gate/retry.ts
var retry = __webpack_require__(7229);
// EXTERNAL MODULE: ./src/gate/run.ts + 2 modules
var run = __webpack_require__(7162);
// EXTERNAL MODULE: ./src/gate/settings.ts
var gate_settings = __webpack_require__(5306);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/gate-command.ts








const GATE_USAGE = `Usage: migrate-guard gate --from-database-url URL --to-database-url URL [options]

Decides whether the migrations pending on production (in the repository here, not applied there) have
soaked long enough on staging: each must be applied on staging — finished, not rolled back, the same
checksum — at least --soak-hours ago by the staging server's clock. With GITHUB_TOKEN and
GITHUB_REPOSITORY set it also checks the staging deployments (code soak) and sets the commit status
migrate-guard/soak on the target. Both databases are only read.

Options:
  --from-database-url URL   the staging database (default: env STAGING_DATABASE_URL)
  --to-database-url URL     the production database (default: env PRODUCTION_DATABASE_URL)
  --soak-hours N            hours on staging before promotion (default: 24)
  --sha SHA                 the target commit (default: env GITHUB_SHA)
  --from NAME               the environment migrations soak in (default: staging)
  --to NAME                 the environment they go to (default: production)
  --deployment-tasks LIST   deployment tasks that count for the code soak (default: deploy:migrations; none: off)
  --override-reason TEXT    pass a soak not complete yet, with this reason (the actor must be in
                            --override-actors; never covers a migration missing or broken on staging,
                            an unreadable database or a wrong stamp)
  --override-actors LIST    GitHub logins allowed to override (comma-separated)
  --no-commit-status        do not set the migrate-guard/soak commit status
  --working-directory DIR   the Prisma project, checked out at the target (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --json                    print { decision, remainingSeconds, earliestPassAt, reasons, migrations }
  -h, --help                this help

Exit codes: 0 pass, 1 wait or block, 2 usage or configuration error.
`;
const OPTIONS = {
    "from-database-url": { type: "string" },
    "to-database-url": { type: "string" },
    "soak-hours": { type: "string" },
    sha: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "deployment-tasks": { type: "string" },
    "override-reason": { type: "string" },
    "override-actors": { type: "string" },
    "no-commit-status": { type: "boolean" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
async function gateCommand(argv, io) {
    const env = io.env ?? process.env;
    const { values } = (0,args/* parseCommandArgs */.Q)(argv, OPTIONS, GATE_USAGE);
    if (values.help) {
        io.stdout.write(GATE_USAGE);
        return 0;
    }
    const settings = (0,gate_settings/* validateGateRequest */.Zk)({
        workingDirectory: values["working-directory"],
        schema: values.schema,
        fromDatabaseUrl: values["from-database-url"] ?? env.STAGING_DATABASE_URL,
        toDatabaseUrl: values["to-database-url"] ?? env.PRODUCTION_DATABASE_URL,
        soakHours: values["soak-hours"],
        sha: values.sha ?? env.GITHUB_SHA,
        from: values.from,
        to: values.to,
        deploymentTasks: values["deployment-tasks"],
        overrideReason: values["override-reason"],
        overrideActors: values["override-actors"],
    });
    const context = (0,github_context/* readActionsContext */.D)(env);
    const token = env.GITHUB_TOKEN?.trim();
    const github = token && context.repository
        ? new gate_github/* GateGitHub */.Fs(await (0,retry/* gateOctokit */.Lq)(token, context.apiUrl, { onRetry: (m) => io.logger.warning(m) }), {
            owner: context.repository.owner,
            repo: context.repository.repo,
        })
        : undefined;
    const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
    const report = await (0,run/* runGate */.Rg)(settings, {
        logger: io.logger,
        ...(io.clock ? { clock: io.clock } : {}),
        ...(github ? { github } : {}),
        ...(actor ? { actor } : {}),
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
        commitStatus: !values["no-commit-status"],
    });
    io.stdout.write(values.json ? JSON.stringify((0,soak/* toSoakJson */._4)(report.verdict), null, 2) + "\n" : renderGateText(report));
    if (values.json && report.statusError)
        io.logger.error(report.statusError);
    return gateExitCode(report);
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ readActionsContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// What verify needs from the Actions environment. Unlike @actions/github's `context` (read once at
// import time from process.env) this is a pure function of its inputs, so tests pass plain objects.

function readActionsContext(env = process.env, readFile = (path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8")) {
    const context = {};
    const repository = parseRepository(env.GITHUB_REPOSITORY);
    if (repository)
        context.repository = repository;
    assign(context, "eventName", nonEmpty(env.GITHUB_EVENT_NAME));
    assign(context, "sha", nonEmpty(env.GITHUB_SHA));
    const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, "");
    assign(context, "serverUrl", serverUrl);
    assign(context, "apiUrl", nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ""));
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    assign(context, "runId", runId);
    if (serverUrl && repository && runId) {
        const attempt = Number(env.GITHUB_RUN_ATTEMPT);
        // Link the attempt that produced this report, not whichever attempt is latest when clicked.
        const attemptPath = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : "";
        context.runUrl = `${serverUrl}/${repository.fullName}/actions/runs/${runId}${attemptPath}`;
    }
    const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
    if (eventPath) {
        let payload;
        try {
            payload = JSON.parse(readFile(eventPath));
        }
        catch (error) {
            context.eventPayloadError = `cannot read the event payload at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`;
        }
        const pullRequest = payload === undefined ? undefined : pullRequestOf(payload);
        if (pullRequest)
            context.pullRequest = pullRequest;
    }
    return context;
}
function pullRequestOf(payload) {
    if (!isObject(payload))
        return undefined;
    const pr = payload.pull_request;
    if (isObject(pr) && isPositiveInteger(pr.number)) {
        const base = isObject(pr.base) ? pr.base : {};
        const head = isObject(pr.head) ? pr.head : {};
        const result = { number: pr.number };
        assign(result, "baseSha", stringOrUndefined(base.sha));
        assign(result, "headSha", stringOrUndefined(head.sha));
        assign(result, "baseRef", stringOrUndefined(base.ref));
        assign(result, "headRef", stringOrUndefined(head.ref));
        const baseRepo = isObject(base.repo) ? stringOrUndefined(base.repo.full_name) : undefined;
        const headRepo = isObject(head.repo) ? stringOrUndefined(head.repo.full_name) : undefined;
        if (baseRepo && headRepo)
            result.fromFork = baseRepo.toLowerCase() !== headRepo.toLowerCase();
        return result;
    }
    // issue_comment on a pull request: only the number is in the payload.
    const issue = payload.issue;
    if (isObject(issue) && isObject(issue.pull_request) && isPositiveInteger(issue.number))
        return { number: issue.number };
    return undefined;
}
function parseRepository(value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? "");
    if (!match)
        return undefined;
    return { owner: match[1], repo: match[2], fullName: `${match[1]}/${match[2]}` };
}
// Leave the key out rather than set it to undefined, so the object serialises and compares cleanly.
function assign(target, key, value) {
    if (value !== undefined)
        target[key] = value;
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
function stringOrUndefined(value) {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === "number" && Number.isInteger(value) && value > 0;
}


/***/ })

};
