import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 354;
export const ids = [354,616];
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

/***/ 5659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _h: () => (/* binding */ backupDatabase)
/* harmony export */ });
/* unused harmony exports listPgDumps, choosePgDump, libpqUrl */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _postgres_binaries_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1758);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9678);
// The optional backup before a deploy: pg_dump in custom format (restorable with pg_restore, table by
// table). pg_dump refuses to dump a server newer than itself, so the one chosen is the newest installed
// and must be at least the server's major; otherwise the deploy stops and says which to install.






/** Every pg_dump on this machine, newest first. */
async function listPgDumps() {
    return (await (0,_postgres_binaries_js__WEBPACK_IMPORTED_MODULE_3__/* .listPgClients */ .oh)()).map((c) => ({ path: c.pgDump, major: c.major, version: c.version }));
}
async function choosePgDump(serverMajor) {
    const all = await listPgDumps();
    const usable = all.find((d) => d.major >= serverMajor);
    if (usable)
        return usable;
    const have = all.length ? `only ${all.map((d) => `pg_dump ${d.version} (${d.path})`).join(", ")}` : "no pg_dump at all";
    throw new Error(`backup: the server runs PostgreSQL ${serverMajor}, and pg_dump cannot dump a server newer than itself; this machine has ${have}. ` +
        `Install the PostgreSQL ${serverMajor} client (Ubuntu: sudo apt-get install postgresql-client-${serverMajor} from apt.postgresql.org), or deploy without backup. The deploy did not start.`);
}
// libpq rejects query parameters it does not know (Prisma's schema, connection_limit, …).
const LIBPQ_PARAMS = new Set([
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "passfile",
    "channel_binding",
    "connect_timeout",
    "options",
    "application_name",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
    "sslmode",
    "sslnegotiation",
    "sslcompression",
    "sslcert",
    "sslkey",
    "sslrootcert",
    "sslcrl",
    "sslcrldir",
    "sslsni",
    "requirepeer",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "gssencmode",
    "krbsrvname",
    "gsslib",
    "target_session_attrs",
    "load_balance_hosts",
]);
/** The URL for libpq without its password (which travels in PGPASSWORD, never on a command line). */
function libpqUrl(url) {
    const u = new URL(url);
    const password = u.password ? decodeURIComponent(u.password) : (u.searchParams.get("password") ?? undefined);
    u.password = "";
    for (const key of [...u.searchParams.keys()])
        if (!LIBPQ_PARAMS.has(key))
            u.searchParams.delete(key);
    u.protocol = "postgresql:";
    return { url: u.toString(), ...(password ? { password } : {}) };
}
async function backupDatabase(url, file, serverMajor, onLine) {
    const dump = await choosePgDump(serverMajor);
    const started = Date.now();
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    }
    catch (error) {
        throw new Error(`backup: cannot create the folder for ${file} (${error.code ?? String(error)}), so the deploy did not start. Set backup-file to a writable path.`);
    }
    const target = libpqUrl(url);
    const secrets = (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_4__/* .urlSecrets */ .Fn)(url);
    const env = { ...process.env, PGAPPNAME: "migrate-guard-backup", PGCONNECT_TIMEOUT: "15" };
    delete env.PGPASSWORD;
    if (target.password)
        env.PGPASSWORD = target.password;
    const stderr = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(dump.path, ["--format=custom", "--no-password", `--file=${file}`, `--dbname=${target.url}`], {
            env,
            stdio: ["ignore", "ignore", "pipe"],
        });
        let text = "";
        child.stderr.on("data", (d) => {
            text += d.toString();
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, text }));
    });
    if (stderr.code !== 0) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(file).catch(() => { });
        throw new Error(`backup: pg_dump ${dump.version} failed (exit ${stderr.code}), so the deploy did not start: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(stderr.text.trim(), secrets).split("\n").slice(-5).join(" ")}`);
    }
    for (const line of stderr.text.split("\n").filter(Boolean))
        onLine((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(line, secrets));
    const bytes = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).size;
    return { file, bytes, durationMs: Date.now() - started, pgDump: `${dump.version} (${dump.path})` };
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


/***/ })

};
