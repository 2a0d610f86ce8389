import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 616;
export const ids = [616];
export const modules = {

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


/***/ })

};
