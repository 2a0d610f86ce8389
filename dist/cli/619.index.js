import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 619;
export const ids = [619,616];
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

/***/ 9619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TEST_DATA_USAGE: () => (/* binding */ TEST_DATA_USAGE),
  testDataCommand: () => (/* binding */ testDataCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/environment.ts
var core_environment = __webpack_require__(6738);
;// CONCATENATED MODULE: ./src/test-data/policy.ts
// Where test data may be written, decided from what the run names and what the database says about
// itself (the environment stamp written by the first `migrate-guard deploy`). Pure: no I/O.
// Production is refused by name (production-environments) and by stamp, whatever else the inputs say.


const TEST_DATA_OPERATIONS = ["create", "cleanup"];
/** The environments test data may be written to unless configured otherwise. */
const DEFAULT_TEST_DATA_ENVIRONMENTS = ["staging", "local"];
/** What `cleanup` must be confirmed with. */
const CLEANUP_CONFIRMATION = "DELETE";
const has = (names, normalized) => names.some((n) => (0,core_environment/* normalizeEnvironmentName */.yd)(n) === normalized);
function testDataPolicy(allowed, production) {
    return {
        allowed: allowed?.trim() ? (0,core_environment/* parseEnvironmentList */.pI)(allowed, "environments") : DEFAULT_TEST_DATA_ENVIRONMENTS,
        // "production" is production whatever the list says: a list replaces the default, it never
        // makes the name safe for test data.
        production: withProductionName(production?.trim() ? (0,core_environment/* parseEnvironmentList */.pI)(production, "production-environments") : []),
    };
}
function withProductionName(names) {
    return has(names, "production") ? names : ["production", ...names];
}
/** The environment the run names; a production or unlisted name is a refusal (exit 2, nothing read). */
function resolveTestDataEnvironment(requested, policy) {
    const environment = (0,core_environment/* resolveEnvironment */.g9)(requested, { known: policy.allowed, production: policy.production });
    if (environment.production) {
        throw new errors/* ConfigurationError */.j(`Test data is never written to a production environment, and "${environment.name}" is one (production-environments: ${policy.production.join(", ")}). Nothing was run.`);
    }
    if (!has(policy.allowed, environment.normalized)) {
        throw new errors/* ConfigurationError */.j(`Test data is written only to ${policy.allowed.join(", ")} (configure with --environments); "${environment.name}" is not one of them. Nothing was run.`);
    }
    return environment;
}
/** What the database's stamp allows. `stampRequested`: the user asked to stamp an unstamped database. */
function decideTestData(environment, stamp, policy, stampRequested) {
    if (!stamp) {
        if (stampRequested)
            return { kind: "stamp-then-run" };
        return {
            kind: "refuse",
            reason: `The database has no environment stamp, so nothing says it is "${environment.name}" and not production. Nothing was run. ` +
                `If you are sure it is the "${environment.name}" database, pass --stamp (the action: stamp: true) to record it as "${environment.name}" first; ` +
                "a deploy with migrate-guard stamps it too.",
        };
    }
    const when = `stamped ${stamp.stampedAt.toISOString()}${stamp.stampedBy ? ` by ${stamp.stampedBy}` : ""}`;
    if (stamp.production || has(policy.production, stamp.normalized)) {
        return {
            kind: "refuse",
            reason: `The database is stamped as the production environment "${stamp.name}" (${when}). Test data is never written to production, whatever the run names ("${environment.name}"). Nothing was run: check the database URL.`,
        };
    }
    if (stamp.normalized !== environment.normalized) {
        return {
            kind: "refuse",
            reason: `This run is for "${environment.name}", but the database is stamped as "${stamp.name}" (${when}). Nothing was run: the database URL points at another environment's database.`,
        };
    }
    if (!has(policy.allowed, stamp.normalized)) {
        return {
            kind: "refuse",
            reason: `The database is stamped as "${stamp.name}", which is not one of the test-data environments (${policy.allowed.join(", ")}). Nothing was run.`,
        };
    }
    return { kind: "run", stamp };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/postgres/environment-database.ts
var environment_database = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/postgres/database.ts
var database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/prisma/project.ts
var prisma_project = __webpack_require__(6769);
// EXTERNAL MODULE: ./src/test-data/script.ts
var script = __webpack_require__(2668);
;// CONCATENATED MODULE: ./src/test-data/run.ts
// A test-data run: read the database's stamp (read-only), decide, confirm, stamp if the user asked
// to, then run the app's own script and report what ran, its exit code and how long it took. Every
// refusal happens before the first change and leaves the database as it was. No @actions imports.







/** 0 the script ran and succeeded, 1 it failed (or could not be run), 2 refused. */
function testDataExitCode(report) {
    if (report.refused)
        return 2;
    return report.ok ? 0 : 1;
}
/** The variables the app's datasource reads (schema.prisma / prisma.config.ts), and DATABASE_URL. */
async function urlVariables(workingDirectory, logger) {
    try {
        const project = await (0,prisma_project/* locateProject */.m)({ workingDirectory });
        return [...new Set([...project.urlVariables, "DATABASE_URL"])];
    }
    catch (error) {
        logger.debug(`No Prisma project found in ${workingDirectory} (${error.message}); the script gets the URL as DATABASE_URL.`);
        return ["DATABASE_URL"];
    }
}
/**
 * The checks before any change, on the open connection: the stamp decides, a cleanup is confirmed, and
 * an unstamped database is stamped when the user asked to. False (and report.refused) when refused.
 */
async function guard(db, settings, deps, report) {
    const stamp = await db.readStamp();
    if (stamp)
        report.stamp = stamp;
    const decision = decideTestData(settings.environment, stamp, settings.policy, settings.stamp);
    if (decision.kind === "refuse") {
        report.refused = decision.reason;
        return false;
    }
    if (settings.operation === "cleanup") {
        await deps.confirmCleanup(`Deleting the test data of "${settings.environment.name}" (${report.database}) with \`${report.command}\``, settings.confirm);
    }
    if (decision.kind === "stamp-then-run") {
        const written = await db.writeStampIfAbsent({
            name: settings.environment.name,
            normalized: settings.environment.normalized,
            production: false,
            ...(deps.actor ? { stampedBy: deps.actor } : {}),
            ...(deps.repository ? { repository: deps.repository } : {}),
            ...(deps.runUrl ? { runUrl: deps.runUrl } : {}),
        });
        report.stamp = written.stamp;
        report.stampCreated = written.created;
        // Another run stamped it a moment earlier, for another environment.
        const after = decideTestData(settings.environment, written.stamp, settings.policy, false);
        if (after.kind === "refuse") {
            report.refused = after.reason;
            return false;
        }
        if (written.created)
            deps.logger.info(`Stamped ${report.database} as environment "${written.stamp.name}".`);
    }
    return true;
}
async function runTestData(settings, deps) {
    const secrets = (0,environment_database/* urlSecrets */.Fn)(settings.databaseUrl);
    const report = {
        ok: false,
        operation: settings.operation,
        environment: settings.environment.name,
        database: (0,database/* describeUrl */.Ng)(settings.databaseUrl),
        command: (0,errors/* redact */.E)(settings.command, secrets),
        workingDirectory: external_node_path_default().resolve(settings.workingDirectory),
        refused: null,
        startedAt: new Date(),
    };
    let db;
    try {
        db = await environment_database/* EnvironmentDatabase */.DK.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof environment_database/* DatabaseConnectionError */.GB))
            throw error;
        report.error = `${error.message} Nothing was run.`;
        return report;
    }
    try {
        if (!(await guard(db, settings, deps, report)))
            return report;
    }
    finally {
        await db.close();
    }
    const variables = await urlVariables(report.workingDirectory, deps.logger);
    deps.logger.info(`Running the ${settings.operation} script for "${settings.environment.name}" in ${report.workingDirectory}: ${report.command} (database URL in ${variables.join(", ")}).`);
    const env = (0,script/* scriptEnv */.N)(deps.env ?? process.env, settings.databaseUrl, variables, {
        MIGRATE_GUARD_ENVIRONMENT: settings.environment.name,
        MIGRATE_GUARD_TEST_DATA: settings.operation,
    });
    try {
        const result = await (0,script/* runScript */.j)(settings.command, { cwd: report.workingDirectory, env, secrets, onLine: deps.onOutput });
        report.exitCode = result.exitCode;
        if (result.signal)
            report.signal = result.signal;
        report.durationMs = result.durationMs;
    }
    catch (error) {
        report.exitCode = null;
        report.error = `The script could not be started: ${(0,errors/* redact */.E)(error.message, secrets)}`;
        return report;
    }
    report.ok = report.exitCode === 0;
    if (!report.ok)
        report.error = `The ${settings.operation} script failed (${report.signal ? `killed by ${report.signal}` : `exit code ${report.exitCode}`}).`;
    return report;
}
/** One line for the end of the output. */
function headline(report) {
    if (report.refused)
        return `✘ test-data ${report.operation} refused on "${report.environment}" (${report.database}): ${report.refused}`;
    const took = report.durationMs !== undefined ? ` in ${(report.durationMs / 1000).toFixed(1)} s` : "";
    if (report.ok)
        return `✔ test-data ${report.operation} on "${report.environment}" (${report.database}): \`${report.command}\` exited 0${took}.`;
    return `✘ test-data ${report.operation} on "${report.environment}" (${report.database}): ${report.error}${report.exitCode !== undefined ? ` \`${report.command}\`${took}.` : ""}`;
}
function toTestDataJson(report) {
    return {
        ok: report.ok,
        operation: report.operation,
        environment: report.environment,
        database: report.database,
        command: report.command,
        refused: report.refused,
        error: report.error ?? null,
        exitCode: report.exitCode ?? null,
        signal: report.signal ?? null,
        durationMs: report.durationMs ?? null,
        stamp: report.stamp
            ? {
                name: report.stamp.name,
                production: report.stamp.production,
                stampedAt: report.stamp.stampedAt.toISOString(),
                createdByThisRun: report.stampCreated === true,
            }
            : null,
    };
}

// EXTERNAL MODULE: ./src/migrate/settings.ts
var settings = __webpack_require__(9616);
;// CONCATENATED MODULE: ./src/test-data/settings.ts



const settings_text = (value) => (value?.trim() ? value.trim() : undefined);
function validateTestDataRequest(request) {
    const operation = settings_text(request.operation)?.toLowerCase();
    if (!operation || !TEST_DATA_OPERATIONS.includes(operation)) {
        throw new errors/* ConfigurationError */.j(`${operation ? `Unknown operation ${JSON.stringify(request.operation)}` : "No operation"}. Expected create or cleanup, e.g. migrate-guard test-data create --environment staging --command "npm run seed".`);
    }
    const policy = testDataPolicy(request.environments, request.productionEnvironments);
    if (!settings_text(request.environment)) {
        throw new errors/* ConfigurationError */.j(`No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${policy.allowed.join(", ")}.`);
    }
    const environment = resolveTestDataEnvironment(request.environment, policy);
    const command = settings_text(request.command);
    if (!command) {
        throw new errors/* ConfigurationError */.j(`No command. Pass --command "<your script>" (the action: the \`command\` input): the app's own script that ${operation === "create" ? "creates" : "deletes"} the test data, e.g. --command "npm run test-data:${operation}".`);
    }
    const databaseUrl = (0,settings.validateDatabaseUrl)(request.databaseUrl);
    return {
        operation: operation,
        environment,
        policy,
        databaseUrl,
        workingDirectory: settings_text(request.workingDirectory) ?? ".",
        command,
        ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
        stamp: request.stamp === true,
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/prompt.ts
var cli_prompt = __webpack_require__(1934);
;// CONCATENATED MODULE: ./src/cli/test-data-command.ts
// `migrate-guard test-data create|cleanup`: the app's own test-data script, only on a database stamped
// as staging or local. Exit codes: 0 the script succeeded, 1 it failed, 2 refused or a usage error.






const TEST_DATA_USAGE = `Usage: migrate-guard test-data create|cleanup --environment NAME --command "SCRIPT" [options]

Runs the app's own test-data script (through the shell, in the working directory, with the database URL
in the variables the Prisma datasource reads, and in DATABASE_URL) — only when the database is stamped
as one of the test-data environments (default: staging, local). Refused, running nothing, on a database
stamped as production or named production, whatever the flags say, and on an unstamped database
unless --stamp. cleanup must be confirmed with --confirm ${CLEANUP_CONFIRMATION} (asked at a terminal).

Options:
  --environment NAME        the environment (one of --environments)
  --command "SCRIPT"        the app's script, e.g. "npm run test-data:create"
  --database-url URL        the environment's database (default: env DATABASE_URL, e.g. from .env.NAME)
  --working-directory DIR   the app (default: .)
  --confirm ${CLEANUP_CONFIRMATION}          cleanup: the typed confirmation
  --stamp                   the database has no environment stamp yet: stamp it as NAME, then run
  --environments LIST       environments test data may be written to (default: staging,local)
  --production-environments LIST  never written to (default: production)
  --json                    print one JSON document at the end instead of the summary line
  -h, --help                this help

The script's output is streamed with the database credentials masked.
Exit codes: 0 the script succeeded, 1 it failed, 2 refused (nothing was run) or usage error.
`;
async function testDataCommand(argv, io) {
    const parsed = (0,args/* parseCommandArgs */.Q)(argv, {
        environment: { type: "string" },
        command: { type: "string" },
        "database-url": { type: "string" },
        "working-directory": { type: "string" },
        confirm: { type: "string" },
        stamp: { type: "boolean" },
        environments: { type: "string" },
        "production-environments": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
    }, TEST_DATA_USAGE, true);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(TEST_DATA_USAGE);
        return 0;
    }
    if (parsed.positionals.length !== 1) {
        throw new errors/* ConfigurationError */.j(`test-data takes one operation, create or cleanup; got ${parsed.positionals.length ? parsed.positionals.map((p) => JSON.stringify(p)).join(" ") : "none"}.\n\n${TEST_DATA_USAGE}`);
    }
    const settings = validateTestDataRequest({
        operation: parsed.positionals[0],
        environment: v.environment,
        databaseUrl: v["database-url"] ?? process.env.DATABASE_URL,
        workingDirectory: v["working-directory"],
        command: v.command,
        confirm: v.confirm,
        stamp: v.stamp === true,
        environments: v.environments,
        productionEnvironments: v["production-environments"],
    });
    const prompt = io.prompt ?? (0,cli_prompt/* processPromptIo */.kZ)();
    const report = await runTestData(settings, {
        logger: io.logger,
        // The script's own stdout stays stdout (pipes keep working) unless --json owns stdout.
        onOutput: (line, stream) => (stream === "stdout" && !v.json ? io.stdout : process.stderr).write(line + "\n"),
        confirmCleanup: (action, given) => (0,cli_prompt/* confirmTyped */.X$)({ action, expected: CLEANUP_CONFIRMATION, flag: "--confirm", given }, prompt),
        ...(process.env.USER ? { actor: process.env.USER } : {}),
    });
    if (v.json)
        io.stdout.write(JSON.stringify(toTestDataJson(report), null, 2) + "\n");
    else
        io.stdout.write(headline(report) + "\n");
    return testDataExitCode(report);
}


/***/ }),

/***/ 9942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ gateLine),
/* harmony export */   Kr: () => (/* binding */ runDeployGate),
/* harmony export */   O6: () => (/* binding */ deployGateSettings),
/* harmony export */   OO: () => (/* binding */ gatePayload)
/* harmony export */ });
/* unused harmony export SOAK_GATE_REQUIRED */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_soak_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4321);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7162);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5306);
// The soak gate inside `deploy` to a production environment: it runs after the production database was
// read and before anything changes, and a `wait` or `block` refuses the deploy (nothing changed, no
// deployment record). A production deploy needs the staging database URL; a team without a staging
// database opts out explicitly with `soak-gate: off`, which the deployment record and summary show.
// Never skipped silently: a database stamped production without the gate configured is refused too.




const SOAK_GATE_REQUIRED = "A production deploy runs the soak gate first, and it needs the staging database URL: set `staging-database-url` (the reusable workflow: the STAGING_DATABASE_URL secret; the CLI: --staging-database-url or STAGING_DATABASE_URL). " +
    "A team without a staging database opts out explicitly with `soak-gate: off` (--soak-gate off); the deployment record then says the gate was skipped.";
function deployGateSettings(request, production) {
    const mode = (request.soakGate?.trim() || "on").toLowerCase();
    if (mode !== "on" && mode !== "off")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j(`soak-gate is ${JSON.stringify(request.soakGate)}. Expected on (the default: production deploys wait for the soak) or off.`);
    if (mode === "off")
        return { off: true };
    if (!production)
        return undefined;
    if (!request.stagingDatabaseUrl?.trim())
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j(SOAK_GATE_REQUIRED);
    const stagingDatabaseUrl = (0,_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .gateDatabaseUrl */ .W8)(request.stagingDatabaseUrl, "--staging-database-url", "STAGING_DATABASE_URL", "staging");
    return {
        off: false,
        stagingDatabaseUrl,
        soakHours: (0,_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSoakHours */ .NY)(request.soakHours),
        from: request.soakFrom?.trim() || "staging",
        ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
        overrideActors: (0,_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(request.overrideActors).map((a) => a.replace(/^@/, "")),
    };
}
/** Runs the gate for a production deploy of `pending`; a refusal means: stop, change nothing. */
async function runDeployGate(settings, environment, databaseUrl, pending, ctx) {
    if (!settings)
        return { refusal: `The database is stamped as production, so the soak gate must run first. ${SOAK_GATE_REQUIRED}` };
    if (settings.off) {
        ctx.logger.warning(`The soak gate is off (soak-gate: off): "${environment}" is deployed without proof that its migrations ran on staging first.`);
        return { skipped: "soak-gate: off" };
    }
    if (settings.stagingDatabaseUrl === databaseUrl)
        return {
            refusal: "The staging database URL is the production database's URL: the soak gate would compare production with itself. Set staging-database-url to the staging database.",
        };
    const { override, refused } = (0,_core_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .checkOverride */ .R3)(settings.overrideReason, ctx.actor, settings.overrideActors);
    if (refused)
        return { refusal: `The soak gate's override is refused: ${refused}` };
    const verdict = await (0,_run_js__WEBPACK_IMPORTED_MODULE_1__/* .assessSoak */ .tQ)({
        policy: { soakHours: settings.soakHours, from: settings.from, to: environment },
        pending: [...pending],
        fromDatabaseUrl: settings.stagingDatabaseUrl,
        deploymentTasks: _settings_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DEPLOYMENT_TASKS */ .tO,
        ...(ctx.sha ? { sha: ctx.sha.toLowerCase() } : {}),
        ...(override ? { override } : {}),
    }, { logger: ctx.logger, ...(ctx.github ? { github: ctx.github } : {}), ...(ctx.clock ? { clock: ctx.clock } : {}) });
    ctx.logger.info(`Soak gate (${settings.from} → ${environment}, ${settings.soakHours}h): ${verdict.decision}${verdict.override ? ` (override by ${verdict.override.actor})` : ""}.`);
    if (verdict.decision === "wait") {
        return {
            verdict,
            refusal: `The soak gate says wait: ${(0,_core_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .formatHours */ .BG)(verdict.remainingSeconds ?? 0)} left on ${settings.from} (earliest ${verdict.earliestPassAt?.toISOString()}). ${verdict.reasons.join(" ")}`,
        };
    }
    if (verdict.decision === "block")
        return { verdict, refusal: `The soak gate blocks this deploy. ${verdict.reasons.join(" ")}` };
    return { verdict };
}
/** What the deployment record's payload keeps about the gate. */
function gatePayload(outcome) {
    if (outcome.skipped)
        return { skipped: outcome.skipped };
    const v = outcome.verdict;
    if (!v)
        return undefined;
    return {
        decision: v.decision,
        soakHours: v.policy.soakHours,
        from: v.policy.from,
        ...(v.override ? { override: { actor: v.override.actor, reason: v.override.reason, gateSaid: v.decisionWithoutOverride } } : {}),
    };
}
/** One line for summaries and the deployment's description. */
function gateLine(outcome) {
    if (outcome.skipped)
        return "soak gate skipped (soak-gate: off)";
    const v = outcome.verdict;
    if (!v)
        return undefined;
    if (v.override)
        return `soak gate overridden by ${v.override.actor} (it said ${v.decisionWithoutOverride}): ${v.override.reason}`;
    return `soak gate ${v.decision} (${v.policy.soakHours}h on ${v.policy.from})`;
}


/***/ }),

/***/ 9616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MIGRATE_COMMANDS: () => (/* binding */ MIGRATE_COMMANDS),
/* harmony export */   dangerousCommandReason: () => (/* binding */ dangerousCommandReason),
/* harmony export */   refuseDangerousCommand: () => (/* binding */ refuseDangerousCommand),
/* harmony export */   validateDatabaseUrl: () => (/* reexport safe */ _postgres_database_url_js__WEBPACK_IMPORTED_MODULE_3__.F),
/* harmony export */   validateRequest: () => (/* binding */ validateRequest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6738);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_migration_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8675);
/* harmony import */ var _gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9942);
/* harmony import */ var _postgres_database_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8690);
// What a status/deploy/resolve run was asked to do, validated before anything is read or changed:
// every mistake here is a ConfigurationError (CLI exit 2) and leaves the database and the GitHub
// deployments untouched. The CLI flags and the action inputs both arrive as a MigrateRequest.







const MIGRATE_COMMANDS = ["status", "deploy", "resolve"];
/**
 * Commands migrate-guard refuses to run against an environment, with the reason. They exist for local
 * development databases, where Prisma is run directly.
 */
const DANGEROUS = {
    dev: "`prisma migrate dev` generates migrations from schema changes and resets the database (deleting every row) when it detects drift",
    reset: "`prisma migrate reset` drops the database's schema and every row in it",
    push: "`prisma db push` changes the schema without a migration, outside the history, and can drop data",
    execute: "`prisma db execute` runs arbitrary SQL outside the migration history",
};
function dangerousCommandReason(command) {
    const words = command
        .trim()
        .toLowerCase()
        .replace(/^(prisma\s+)?(migrate\s+|db\s+)?/, "")
        .replace(/^db-/, "");
    return DANGEROUS[words];
}
function refuseDangerousCommand(command) {
    const reason = dangerousCommandReason(command);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`"${command.trim()}" is refused: ${reason}. migrate-guard never runs it against an environment's database (local or not); it runs only status, deploy and resolve. ` +
        "Run it yourself with Prisma against a local development database.");
}
function text(value) {
    const t = value?.trim();
    return t ? t : undefined;
}
function positiveSeconds(value, name, fallback) {
    const t = text(value);
    if (t === undefined)
        return fallback;
    const n = Number(t);
    if (!Number.isFinite(n) || n <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`${name} is "${value}". Expected a positive number of seconds, e.g. ${fallback}.`);
    return n;
}
function backupFileName(environment, now) {
    const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
    return `migrate-guard-${slug}-${now.toISOString().replace(/[:.]/g, "-")}.dump`;
}
function validateRequest(request, now = new Date()) {
    const command = request.command.trim().toLowerCase();
    if (dangerousCommandReason(command))
        refuseDangerousCommand(request.command);
    if (!MIGRATE_COMMANDS.includes(command)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`Unknown command ${JSON.stringify(request.command)}. Expected one of: ${MIGRATE_COMMANDS.join(", ")}.`);
    }
    const policy = {
        known: text(request.environments) ? (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEnvironmentList */ .pI)(request.environments, "environments") : _core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_ENVIRONMENTS */ .p0,
        production: text(request.productionEnvironments)
            ? (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEnvironmentList */ .pI)(request.productionEnvironments, "production-environments")
            : _core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_PRODUCTION_ENVIRONMENTS */ .j2,
    };
    if (!text(request.environment)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${[...policy.known, ...policy.production].filter((n, i, a) => a.indexOf(n) === i).join(", ")}.`);
    }
    const environment = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveEnvironment */ .g9)(request.environment, policy);
    const rolledBack = text(request.rolledBack);
    const applied = text(request.applied);
    let resolve;
    if (command === "resolve") {
        if (rolledBack && applied)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j("resolve takes either --rolled-back NAME or --applied NAME, not both.");
        if (!rolledBack && !applied) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j("resolve needs --rolled-back NAME (a failed migration whose changes did not stay) or --applied NAME (a migration whose changes you made by hand).");
        }
        const kind = rolledBack ? "rolled-back" : "applied";
        const name = (rolledBack ?? applied);
        (0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_1__/* .assertMigrationName */ .yR)(name, `--${kind}`);
        resolve = { kind, name };
    }
    else if (rolledBack || applied) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`--rolled-back and --applied belong to the resolve command, not to ${command}.`);
    }
    const databaseUrl = (0,_postgres_database_url_js__WEBPACK_IMPORTED_MODULE_3__/* .validateDatabaseUrl */ .F)(request.databaseUrl);
    const confirm = request.confirm;
    if (command === "deploy" && environment.production)
        (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .assertProductionConfirmed */ .pq)(environment, confirm);
    if (resolve)
        (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .assertResolveConfirmed */ .gM)(resolve.name, confirm);
    let backup;
    if (request.backup) {
        if (command !== "deploy")
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`backup is for deploy; ${command} changes ${command === "status" ? "nothing" : "only migration records"}. Remove backup: true.`);
        const file = text(request.backupFile) ?? node_path__WEBPACK_IMPORTED_MODULE_0___default().join(request.backupDir ?? ".", backupFileName(environment, now));
        backup = { file: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(file) };
    }
    const gate = command === "deploy" ? (0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .deployGateSettings */ .O6)(request.gate ?? {}, environment.production) : undefined;
    const schema = text(request.schema);
    return {
        command: command,
        environment,
        policy,
        databaseUrl,
        workingDirectory: text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        ...(confirm !== undefined ? { confirm } : {}),
        ...(resolve ? { resolve } : {}),
        slowMigrationSeconds: positiveSeconds(request.slowMigrationSeconds, "slow-migration-seconds", 30),
        lockTimeoutSeconds: positiveSeconds(request.lockTimeoutSeconds, "lock-timeout-seconds", 60),
        ...(backup ? { backup } : {}),
        ...(text(request.reason) ? { reason: text(request.reason) } : {}),
        ...(command === "deploy" && gate ? { gate } : {}),
    };
}


/***/ }),

/***/ 2668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ scriptEnv),
/* harmony export */   j: () => (/* binding */ runScript)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// Runs the app's own test-data script: through the shell (it is a command line the app team wrote),
// in the app's folder, with the environment's database URL in the variables the app's datasource
// reads and no other PostgreSQL URL at all. Its output is streamed line by line with every form of
// the URL's credentials masked.


/** A PostgreSQL URL anywhere in a value (quoted, after a space, prisma+postgres://…). */
const POSTGRES_URL = /postgres(ql)?:\/\//i;
/** libpq's own connection variables: psql and pg_dump in a script would follow them elsewhere. */
const LIBPQ_VARIABLE = /^PG[A-Z_]+$/;
/**
 * The script's environment: the caller's, minus every value holding a PostgreSQL URL and every libpq
 * PG* variable, plus the URL in `urlVariables`.
 */
function scriptEnv(base, url, urlVariables, extra) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value !== undefined && !POSTGRES_URL.test(value) && !LIBPQ_VARIABLE.test(name))
            env[name] = value;
    }
    for (const name of urlVariables)
        env[name] = url;
    return { ...env, ...extra };
}
function runScript(command, options) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, { cwd: options.cwd, env: options.env, shell: true, stdio: ["ignore", "pipe", "pipe"] });
        const pending = { stdout: "", stderr: "" };
        const emit = (line, stream) => options.onLine((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(line.replace(/\r$/, ""), options.secrets), stream);
        const take = (stream, chunk) => {
            const lines = (pending[stream] + chunk).split("\n");
            pending[stream] = lines.pop() ?? "";
            for (const line of lines)
                emit(line, stream);
        };
        child.stdout.setEncoding("utf8").on("data", (d) => take("stdout", d));
        child.stderr.setEncoding("utf8").on("data", (d) => take("stderr", d));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            for (const stream of ["stdout", "stderr"])
                if (pending[stream] !== "")
                    emit(pending[stream], stream);
            resolve({ exitCode: code, signal, durationMs: Math.round(performance.now() - started) });
        });
    });
}


/***/ })

};
