import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 178;
export const ids = [178];
export const modules = {

/***/ 5178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATUS_USAGE: () => (/* binding */ STATUS_USAGE),
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var _migrate_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8719);

const STATUS_USAGE = `Usage: migrate-guard status --environment NAME [options]

Shows the environment's applied, pending, failed and rolled-back migrations, migrations edited after
they were applied (an error) and migrations the database has but the repository does not. Changes nothing.

Options:
${_migrate_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMON_OPTIONS */ .DT}

${_migrate_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_CODES */ .ai}
`;
function statusCommand(argv, io) {
    return (0,_migrate_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runMigrateCommand */ .MJ)("status", argv, STATUS_USAGE, io);
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


/***/ }),

/***/ 8719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ COMMON_OPTIONS),
/* harmony export */   MJ: () => (/* binding */ runMigrateCommand),
/* harmony export */   ai: () => (/* binding */ EXIT_CODES)
/* harmony export */ });
/* harmony import */ var _cli_args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7593);
/* harmony import */ var _lint_pending_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(494);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6677);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3423);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7032);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9556);
/* harmony import */ var _gate_github_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7765);
/* harmony import */ var _gate_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7229);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9616);
// What the status, deploy and resolve CLI commands share: their flags, reading them into a
// MigrateRequest, running, and printing text or --json. Each command file adds only its usage text.









const COMMON_OPTIONS = `  --environment NAME        the environment (one of --environments; default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL)
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --slow-migration-seconds N  flag migrations slower than this (default: 30)
  --json                    print one JSON document instead of text
  -h, --help                this help`;
const EXIT_CODES = "Exit codes: 0 success, 1 the operation was refused or failed, 2 usage or configuration error.";
const OPTIONS = {
    environment: { type: "string" },
    "database-url": { type: "string" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    confirm: { type: "string" },
    environments: { type: "string" },
    "production-environments": { type: "string" },
    "slow-migration-seconds": { type: "string" },
    "lock-timeout-seconds": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    backup: { type: "boolean" },
    "backup-file": { type: "string" },
    "rolled-back": { type: "string" },
    "staging-database-url": { type: "string" },
    "soak-hours": { type: "string" },
    "soak-gate": { type: "string" },
    "override-reason": { type: "string" },
    "override-actors": { type: "string" },
    applied: { type: "string" },
};
/** The flags each command accepts on top of the common ones. */
const COMMAND_FLAGS = {
    status: [],
    deploy: [
        "confirm",
        "backup",
        "backup-file",
        "lock-timeout-seconds",
        "staging-database-url",
        "soak-hours",
        "soak-gate",
        "override-reason",
        "override-actors",
    ],
    resolve: ["confirm", "rolled-back", "applied", "lock-timeout-seconds"],
};
const COMMON_FLAGS = [
    "environment",
    "database-url",
    "working-directory",
    "schema",
    "environments",
    "production-environments",
    "slow-migration-seconds",
    "json",
    "help",
];
async function runMigrateCommand(command, argv, usage, io) {
    const allowed = new Set([...COMMON_FLAGS, ...COMMAND_FLAGS[command]]);
    const options = Object.fromEntries(Object.entries(OPTIONS).filter(([name]) => allowed.has(name)));
    const values = (0,_cli_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommandArgs */ .Q)(argv, options, usage).values;
    if (values.help) {
        io.stdout.write(usage);
        return 0;
    }
    const str = (name) => (typeof values[name] === "string" ? values[name] : undefined);
    const settings = (0,_settings_js__WEBPACK_IMPORTED_MODULE_6__.validateRequest)({
        command,
        environment: str("environment"),
        databaseUrl: str("database-url") ?? process.env.DATABASE_URL,
        workingDirectory: str("working-directory"),
        schema: str("schema"),
        confirm: str("confirm"),
        rolledBack: str("rolled-back"),
        applied: str("applied"),
        environments: str("environments"),
        productionEnvironments: str("production-environments"),
        slowMigrationSeconds: str("slow-migration-seconds"),
        lockTimeoutSeconds: str("lock-timeout-seconds"),
        backup: values.backup === true,
        backupFile: str("backup-file"),
        gate: {
            stagingDatabaseUrl: str("staging-database-url") ?? process.env.STAGING_DATABASE_URL,
            soakHours: str("soak-hours"),
            soakGate: str("soak-gate"),
            overrideReason: str("override-reason"),
            overrideActors: str("override-actors"),
        },
    });
    const report = await (0,_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runMigrate */ .f)(settings, {
        logger: io.logger,
        lint: _lint_pending_js__WEBPACK_IMPORTED_MODULE_7__/* .lintPending */ .D,
        ...(settings.gate ? { soakGate: await cliSoakGate(io.logger) } : {}),
    });
    io.stdout.write(values.json ? JSON.stringify((0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .toMigrateJson */ .r2)(report), null, 2) + "\n" : (0,_render_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMigrateText */ .f)(report));
    return (0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .exitCode */ .I$)(report);
}
/** The soak gate's GitHub part for a CLI deploy: with GITHUB_TOKEN and GITHUB_REPOSITORY set (as in a workflow). */
async function cliSoakGate(logger) {
    const env = process.env;
    const context = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readActionsContext */ .D)(env);
    const token = env.GITHUB_TOKEN?.trim();
    const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
    const github = token && context.repository
        ? new _gate_github_js__WEBPACK_IMPORTED_MODULE_4__/* .GateGitHub */ .Fs(await (0,_gate_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .gateOctokit */ .Lq)(token, context.apiUrl, { onRetry: (m) => logger.warning(m) }), {
            owner: context.repository.owner,
            repo: context.repository.repo,
        })
        : undefined;
    return { ...(github ? { github } : {}), ...(actor ? { actor } : {}), ...(context.sha ? { sha: context.sha } : {}) };
}


/***/ })

};
