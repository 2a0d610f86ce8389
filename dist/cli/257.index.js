import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 257;
export const ids = [257];
export const modules = {

/***/ 6738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vp: () => (/* binding */ compareStamp),
/* harmony export */   g9: () => (/* binding */ resolveEnvironment),
/* harmony export */   gM: () => (/* binding */ assertResolveConfirmed),
/* harmony export */   j2: () => (/* binding */ DEFAULT_PRODUCTION_ENVIRONMENTS),
/* harmony export */   p0: () => (/* binding */ DEFAULT_ENVIRONMENTS),
/* harmony export */   pI: () => (/* binding */ parseEnvironmentList),
/* harmony export */   pq: () => (/* binding */ assertProductionConfirmed),
/* harmony export */   vC: () => (/* binding */ assertEnvironmentName),
/* harmony export */   vY: () => (/* binding */ isProductionRun),
/* harmony export */   yd: () => (/* binding */ normalizeEnvironmentName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// Environments of the manual migration jobs (status, deploy, resolve): which names exist, which of them
// are production, what a production deploy must be confirmed with, and how the identity stamped into a
// database is compared with the environment a run claims. Pure: no I/O, no @actions imports.

const DEFAULT_ENVIRONMENTS = ["staging", "production"];
const DEFAULT_PRODUCTION_ENVIRONMENTS = ["production"];
/** GitHub's limit for an environment name. */
const MAX_NAME_LENGTH = 255;
/**
 * The form names are compared in: case-folded, trimmed, inner whitespace collapsed. GitHub treats
 * environment names case-insensitively too, so "Production " and "production" are one environment.
 */
function normalizeEnvironmentName(name) {
    return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
/** Throws a ConfigurationError naming `what` when `name` cannot be an environment name. */
function assertEnvironmentName(name, what = "environment") {
    if (normalizeEnvironmentName(name) === "") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${what} is empty. Expected the name of an environment, e.g. "staging" or "production".`);
    }
    // Control characters would forge log lines and workflow commands.
    if (/[\u0000-\u001f\u007f]/.test(name) || name.length > MAX_NAME_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${what} ${JSON.stringify(name)} is not a valid environment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
    }
}
/** "staging, production" → ["staging", "production"] (as written, deduplicated by normalised form). */
function parseEnvironmentList(text, what) {
    const names = [];
    for (const part of text.split(/[,\n]/)) {
        if (part.trim() === "")
            continue;
        assertEnvironmentName(part, `A name in ${what}`);
        if (!names.some((n) => normalizeEnvironmentName(n) === normalizeEnvironmentName(part)))
            names.push(part.trim());
    }
    if (names.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${what} is empty. Expected a comma-separated list of environment names, e.g. "staging, production".`);
    return names;
}
/** The environment a run names, checked against the policy. Unknown names are refused. */
function resolveEnvironment(requested, policy) {
    assertEnvironmentName(requested, "environment");
    const normalized = normalizeEnvironmentName(requested);
    const knownNames = [...policy.known, ...policy.production];
    if (!knownNames.some((n) => normalizeEnvironmentName(n) === normalized)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`Unknown environment ${JSON.stringify(requested.trim())}. Expected one of: ${unique(knownNames).join(", ")} ` +
            "(configure the list with --environments / the `environments` input).");
    }
    return { name: requested.trim(), normalized, production: policy.production.some((n) => normalizeEnvironmentName(n) === normalized) };
}
function unique(names) {
    const seen = new Set();
    return names.filter((n) => {
        const key = normalizeEnvironmentName(n);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Compares the run's environment with the database's stamp. A mismatch is what stops a staging job
 * that holds the production URL (or the other way round).
 */
function compareStamp(environment, stamp) {
    if (!stamp)
        return { kind: "unstamped" };
    if (stamp.normalized === environment.normalized)
        return { kind: "match", stamp };
    const by = stamp.stampedBy ? ` by ${stamp.stampedBy}` : "";
    return {
        kind: "mismatch",
        stamp,
        reason: `This run is for environment "${environment.name}", but the database belongs to environment "${stamp.name}"` +
            `${stamp.production ? " (production)" : ""} (stamped ${stamp.stampedAt.toISOString()}${by}). ` +
            `The database URL given to the "${environment.name}" job points at the wrong database: fix the secret. ` +
            `Nothing was changed. If this database really is "${environment.name}" now (for example restored from a dump of "${stamp.name}"), ` +
            "a database administrator removes the old identity with `DROP TABLE migrate_guard.environment;` after checking the URL twice; migrate-guard never overwrites a stamp itself.",
    };
}
/** Production when configured so, or when the database was stamped as production. */
function isProductionRun(environment, stamp) {
    return environment.production || Boolean(stamp?.production && stamp.normalized === environment.normalized);
}
/**
 * A production deploy must be confirmed by typing the environment's name (compared normalised, like
 * every environment name). Throws a ConfigurationError that says what to type.
 */
function assertProductionConfirmed(environment, confirm) {
    if (confirm !== undefined && normalizeEnvironmentName(confirm) === environment.normalized)
        return;
    const given = confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`Deploying to the production environment "${environment.name}" must be confirmed: set confirm (--confirm) to "${environment.name}"; ${given}. Nothing was changed.`);
}
/** `resolve` is confirmed by typing the migration's name exactly. */
function assertResolveConfirmed(migration, confirm) {
    if (confirm?.trim() === migration)
        return;
    const given = confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`Resolving a migration must be confirmed: set confirm (--confirm) to the migration's name, "${migration}"; ${given}. Nothing was changed.`);
}


/***/ }),

/***/ 8675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F4: () => (/* binding */ recoverySteps),
/* harmony export */   I1: () => (/* binding */ scriptMatchesChecksum),
/* harmony export */   YG: () => (/* binding */ classifyMigrations),
/* harmony export */   jg: () => (/* binding */ failureSummary),
/* harmony export */   oK: () => (/* binding */ parseDeployOutput),
/* harmony export */   yR: () => (/* binding */ assertMigrationName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
// The state of an environment's migrations: the repository's migration folders compared with the rows
// of `_prisma_migrations`, classified the way Prisma Migrate classifies them (applied, pending, failed
// — Prisma's P3009 state —, rolled back, edited after apply, missing from the repository). Pure.


const CHECKSUM_LENGTH = 64;
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text, "utf8").digest();
}
/**
 * Whether `script` is what a stored checksum was computed from, with Prisma's tolerance: line endings
 * may have been converted either way by git, and checksums written by old Prisma versions lack the
 * zero padding of each byte (prisma-engines#1887).
 */
function scriptMatchesChecksum(script, stored) {
    const variants = [script, script.split("\r\n").join("\n"), script.split("\n").join("\r\n")];
    const unpadded = stored.length !== 0 && stored.length !== CHECKSUM_LENGTH;
    return variants.some((variant) => {
        const digest = sha256(variant);
        const rendered = unpadded ? [...digest].map((b) => b.toString(16)).join("") : digest.toString("hex");
        return rendered === stored;
    });
}
/** Prisma applies migrations in the byte order of their folder names. */
function byName(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function classifyMigrations(repo, records, slowMigrationSeconds) {
    const repoByName = new Map(repo.map((m) => [m.name, m]));
    const live = records.filter((r) => !r.rolledBackAt);
    const appliedRecords = new Map();
    for (const r of live)
        if (r.finishedAt)
            appliedRecords.set(r.name, r);
    const failedRecords = live.filter((r) => !r.finishedAt && !appliedRecords.has(r.name));
    const applied = [...appliedRecords.values()]
        .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || byName(a.name, b.name))
        .map((r) => {
        const durationMs = Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime());
        return {
            name: r.name,
            checksum: r.checksum,
            startedAt: r.startedAt,
            finishedAt: r.finishedAt,
            durationMs,
            slow: durationMs > slowMigrationSeconds * 1000,
            inRepo: repoByName.has(r.name),
        };
    });
    const failed = failedRecords.map((r) => ({
        name: r.name,
        startedAt: r.startedAt,
        ...(r.logs ? { logs: r.logs } : {}),
        inRepo: repoByName.has(r.name),
    }));
    const failedNames = new Set(failed.map((f) => f.name));
    const pending = repo
        .map((m) => m.name)
        .filter((n) => !appliedRecords.has(n) && !failedNames.has(n))
        .sort(byName);
    const rolledBack = [
        ...new Set(records.filter((r) => r.rolledBackAt && !appliedRecords.has(r.name) && !failedNames.has(r.name)).map((r) => r.name)),
    ].sort(byName);
    const checksumMismatch = applied
        .filter((a) => {
        const file = repoByName.get(a.name);
        return file !== undefined && !scriptMatchesChecksum(file.sql, a.checksum);
    })
        .map((a) => a.name);
    const missingFromRepo = [
        ...new Set([...applied.filter((a) => !a.inRepo).map((a) => a.name), ...failed.filter((f) => !f.inRepo).map((f) => f.name)]),
    ].sort(byName);
    return { pending, applied, failed, rolledBack, checksumMismatch, missingFromRepo };
}
/**
 * A migration name as the user typed it for `resolve`: a single folder name, never a path. Checked
 * before anything else so that `../../etc` cannot reach a file system call or Prisma.
 */
function assertMigrationName(name, flag) {
    const ok = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes("..") && name.length <= 255;
    if (!ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${flag} ${JSON.stringify(name)} is not a migration name. Expected the name of one folder in the migrations directory, e.g. 20240101120000_add_users (letters, digits, "_", "-", "."; no path).`);
    }
}
/**
 * The migrations `prisma migrate deploy` says it applied, from its output ("The following migration(s)
 * have been applied: … └─ NAME/"), or [] for "No pending migrations to apply.". Undefined when the output
 * has neither form (a Prisma version that words it differently): callers then fall back to the database.
 */
function parseDeployOutput(stdout) {
    if (/No pending migrations to apply/i.test(stdout))
        return [];
    const start = stdout.search(/have been applied:/i);
    if (start < 0)
        return undefined;
    const names = [];
    for (const line of stdout.slice(start).split("\n")) {
        const m = /^\s*└─\s+(.+?)\/\s*$/.exec(line);
        if (m && m[1] !== "migrations")
            names.push(m[1]);
    }
    return names;
}
/** The first lines of what Prisma recorded for a failed migration, for messages. */
function failureSummary(logs, maxLines = 6) {
    if (!logs)
        return "no error was recorded";
    // Prisma's engines append a Rust backtrace ("   0: sql_schema_connector::…", "at …/apply_migration.rs:113").
    const lines = logs
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== "" && !/^\s*(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
    return lines.slice(0, maxLines).join("\n") + (lines.length > maxLines ? "\n…" : "");
}
/**
 * What to do about failed migrations (Prisma's P3009 state), as exact commands for this environment.
 * `resolveCommand` renders one resolve invocation (CLI or workflow form).
 */
function recoverySteps(failed, environment) {
    const steps = [];
    for (const f of failed) {
        const cli = (kind) => `migrate-guard resolve --environment ${shellWord(environment)} --${kind} ${f.name} --confirm ${f.name}`;
        steps.push(`Migration "${f.name}" failed on "${environment}" (started ${f.startedAt.toISOString()}). Prisma applies nothing else until it is resolved (P3009). ` +
            `Recorded error: ${failureSummary(f.logs, 3).replace(/\n/g, " ")}`, `1. Check what of "${f.name}" is in the database. PostgreSQL normally rolled the whole script back, but statements that commit on their own (or an explicit COMMIT in the script) may have stayed.`, `2. If none of it took effect: fix the migration in the repository (it was never applied, so it may be edited), mark the failed attempt rolled back with \`${cli("rolled-back")}\` (workflow: command resolve, resolve-as rolled-back, migration ${f.name}, confirm ${f.name}), then run deploy again.`, `3. If you completed its changes by hand instead: record it as applied with \`${cli("applied")}\` (workflow: resolve-as applied).`);
    }
    return steps;
}
function shellWord(text) {
    return /^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}


/***/ }),

/***/ 3294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ LOCK_FILE),
/* harmony export */   Lk: () => (/* binding */ readMigrationsDirectory),
/* harmony export */   cM: () => (/* binding */ checksum),
/* harmony export */   d7: () => (/* binding */ toPosix),
/* harmony export */   q1: () => (/* binding */ lineAndColumn),
/* harmony export */   wd: () => (/* binding */ compareMigrationNames)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Reading a Prisma migrations directory: what Prisma itself would see (folders in byte order, each with
// a migration.sql), plus what it silently ignores or trips over (folders without migration.sql).



const LOCK_FILE = "migration_lock.toml";
/** Prisma orders migrations by folder name, comparing bytes (not locale collation). */
function compareMigrationNames(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function checksum(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(content).digest("hex");
}
/**
 * Reads every migration under `dir`. `root` is what `file` paths are made relative to (the repository
 * root, so annotations land on the right file).
 */
async function readMigrationsDirectory(dir, root) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true });
    const folders = entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(compareMigrationNames);
    const result = { dir, migrations: [], foldersWithoutSql: [] };
    const lock = entries.find((e) => e.isFile() && e.name === LOCK_FILE);
    if (lock)
        result.lockFile = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, LOCK_FILE), "utf8");
    const loaded = await Promise.all(folders.map(async (name) => {
        const sqlPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name, "migration.sql");
        try {
            const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(sqlPath);
            return { name, file: toPosix(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, sqlPath)), sql: bytes.toString("utf8"), checksum: checksum(bytes) };
        }
        catch (error) {
            if (error.code === "ENOENT")
                return name;
            throw error;
        }
    }));
    for (const item of loaded) {
        if (typeof item === "string")
            result.foldersWithoutSql.push(item);
        else
            result.migrations.push(item);
    }
    return result;
}
function toPosix(p) {
    return p.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join("/");
}
/** 1-based line and column of a 0-based character offset. */
function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
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

/***/ 7139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ elapsedSeconds)
/* harmony export */ });
// What both halves of the soak gate read (the database's record in soak.ts, GitHub's deployments in
// soak-code.ts): the migrations at the target commit, and elapsed time on one server's clock.
/** Elapsed seconds between two timestamps of one server, never negative (a timestamp ahead of its server's "now" counts as zero). */
function elapsedSeconds(since, serverNow) {
    return Math.max(0, Math.floor((serverNow.getTime() - since.getTime()) / 1000));
}


/***/ }),

/***/ 4321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ formatHours),
/* harmony export */   ET: () => (/* binding */ evaluateSoak),
/* harmony export */   R3: () => (/* binding */ checkOverride),
/* harmony export */   _4: () => (/* binding */ toSoakJson),
/* harmony export */   ge: () => (/* binding */ verdictHeadline),
/* harmony export */   nZ: () => (/* binding */ DEFAULT_SOAK_HOURS)
/* harmony export */ });
/* unused harmony export migrationSoak */
/* harmony import */ var _migration_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8675);
/* harmony import */ var _soak_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7139);



const DEFAULT_SOAK_HOURS = 24;
/** Prisma's own check plus the plain sha256 of the bytes (files that are not valid UTF-8). */
function sameChecksum(migration, stored) {
    return stored === migration.checksum || (0,_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .scriptMatchesChecksum */ .I1)(migration.sql, stored);
}
function migrationSoak(migration, records, sourceNow, soakSeconds, from) {
    const rows = records.filter((r) => r.name === migration.name);
    const finished = rows.filter((r) => r.finishedAt && !r.rolledBackAt).at(-1);
    const base = { name: migration.name, appliedOnSourceAt: null, soakedSeconds: null, remainingSeconds: null };
    if (finished) {
        const finishedAt = finished.finishedAt;
        if (!sameChecksum(migration, finished.checksum)) {
            return {
                ...base,
                appliedOnSourceAt: finishedAt,
                status: "checksum-mismatch",
                reason: `${migration.name} on ${from} was applied from a different file (checksum ${finished.checksum.slice(0, 12)}…, the target's is ${migration.checksum.slice(0, 12)}…): ${from} did not run what would be promoted. Deploy the target to ${from} and let it soak.`,
            };
        }
        const soaked = (0,_soak_target_js__WEBPACK_IMPORTED_MODULE_1__/* .elapsedSeconds */ .u)(finishedAt, sourceNow);
        const remaining = Math.max(0, soakSeconds - soaked);
        return {
            ...base,
            appliedOnSourceAt: finishedAt,
            soakedSeconds: soaked,
            remainingSeconds: remaining,
            status: remaining === 0 ? "soaked" : "soaking",
            ...(remaining > 0
                ? { reason: `${migration.name} has soaked ${formatHours(soaked)} on ${from}; ${formatHours(remaining)} left.` }
                : {}),
        };
    }
    const unfinished = rows.find((r) => !r.finishedAt && !r.rolledBackAt);
    if (unfinished) {
        return {
            ...base,
            status: "failed",
            reason: `${migration.name} failed on ${from} (started ${unfinished.startedAt.toISOString()}, never finished): resolve it there and deploy it successfully before it can be promoted.`,
        };
    }
    if (rows.length > 0) {
        return {
            ...base,
            status: "rolled-back",
            reason: `${migration.name} was rolled back on ${from} and not applied again: deploy it to ${from} successfully and let it soak.`,
        };
    }
    return {
        ...base,
        status: "missing",
        reason: `${migration.name} was never applied on ${from}: never skip ${from}. Deploy it there first and let it soak.`,
    };
}
/** "18h12m", "45m", "0m": for messages and the commit status. */
function formatHours(seconds) {
    const minutes = Math.ceil(seconds / 60);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m`;
}
/** What an accepted override may cover, in the words the report uses when it cannot. */
const OVERRIDE_SCOPE = "An override covers only a soak that is not long enough yet (schema or code) and problems of the code soak's deployments; a migration missing, failed, rolled back or edited on the soak environment, a database or GitHub that cannot be read, and a database stamped as another environment must be fixed first";
function evaluateSoak(input) {
    const { policy, pending, source, codeSoak, now } = input;
    const soakSeconds = Math.round(policy.soakHours * 3600);
    const reasons = [];
    let migrations = [];
    // Two kinds of block: `hard` ones no override covers (the soak cannot be proven, or what would be
    // promoted never ran on `from`); `soft` ones an accepted override covers (the code soak's deployments).
    const hard = [...(input.blockers ?? [])];
    let soft = false;
    let remaining = 0;
    if ("error" in source) {
        // Even with nothing pending: an unreadable `from` database is never a pass.
        hard.push(`The ${policy.from} database could not be read, so the soak cannot be proven (the gate never passes without it): ${source.error}`);
    }
    reasons.push(...hard);
    if (pending.length === 0) {
        reasons.push(`Nothing to promote: every migration in the repository at the target is already applied on ${policy.to}.`);
    }
    else if ("error" in source) {
        migrations = pending.map((m) => ({
            name: m.name,
            appliedOnSourceAt: null,
            soakedSeconds: null,
            remainingSeconds: null,
            status: "missing",
            reason: `${policy.from} could not be read.`,
        }));
    }
    else {
        migrations = pending.map((m) => migrationSoak(m, source.records, source.now, soakSeconds, policy.from));
        for (const m of migrations) {
            if (m.status === "soaked")
                continue;
            if (m.status === "soaking")
                remaining = Math.max(remaining, m.remainingSeconds ?? 0);
            else
                hard.push(m.reason);
            reasons.push(m.reason);
        }
    }
    if (pending.length > 0) {
        switch (codeSoak.kind) {
            case "not-checked":
                reasons.push(`Code soak not checked: ${codeSoak.why}`);
                break;
            case "blocked":
                if (codeSoak.unreadable)
                    hard.push(codeSoak.reason);
                else
                    soft = true;
                reasons.push(codeSoak.reason);
                break;
            case "soaking":
                if (codeSoak.remainingSeconds > 0) {
                    remaining = Math.max(remaining, codeSoak.remainingSeconds);
                    reasons.push(`Code soak: ${codeSoak.description}; ${formatHours(codeSoak.remainingSeconds)} left.`);
                }
                else {
                    reasons.push(`Code soak: ${codeSoak.description}.`);
                }
                break;
            case "waiting":
                remaining = Math.max(remaining, soakSeconds);
                reasons.push(codeSoak.reason);
                break;
        }
    }
    const decision = hard.length > 0 || soft ? "block" : remaining > 0 ? "wait" : "pass";
    if (decision === "pass" && pending.length > 0) {
        reasons.unshift(`All ${pending.length} pending migration(s) soaked at least ${policy.soakHours}h on ${policy.from}.`);
    }
    const verdict = {
        decision,
        decisionWithoutOverride: decision,
        remainingSeconds: decision === "block" ? null : remaining,
        earliestPassAt: decision === "block" ? null : new Date(now.getTime() + remaining * 1000),
        reasons,
        migrations,
        codeSoak,
        policy,
        evaluatedAt: now,
    };
    if (input.override && hard.length > 0) {
        const what = hard.length === 1 ? "the block above" : `the ${hard.length} blocks above`;
        verdict.reasons.push(`The override by ${input.override.actor} ("${input.override.reason}") is not applied: it cannot cover ${what}, so the gate still blocks. ${OVERRIDE_SCOPE}.`);
    }
    else if (input.override && decision !== "pass") {
        verdict.override = input.override;
        verdict.decision = "pass";
        verdict.remainingSeconds = 0;
        verdict.earliestPassAt = now;
        verdict.reasons.unshift(`Overridden by ${input.override.actor} (the gate said ${decision}): ${input.override.reason}`);
    }
    else if (input.override) {
        verdict.reasons.push(`An override by ${input.override.actor} was given but not needed: the gate passed by itself.`);
    }
    return verdict;
}
/** One line for the commit status and logs (the caller clips it to GitHub's 140 characters). */
function verdictHeadline(verdict) {
    const { policy } = verdict;
    if (verdict.override)
        return `Override by ${verdict.override.actor}: ${verdict.override.reason}`;
    switch (verdict.decision) {
        case "wait":
            return `${formatHours(verdict.remainingSeconds ?? 0)} left on ${policy.from}`;
        case "block":
            return `Blocked: ${verdict.reasons[0] ?? "see the gate's report"}`;
        default:
            return verdict.migrations.length === 0
                ? `Nothing pending for ${policy.to}`
                : `${verdict.migrations.length} migration(s) soaked ≥${policy.soakHours}h on ${policy.from}`;
    }
}
/** The `--json` document and the action's `report` output: exactly these keys (the CLI contract). */
function toSoakJson(verdict) {
    return {
        decision: verdict.decision,
        remainingSeconds: verdict.remainingSeconds,
        earliestPassAt: verdict.earliestPassAt?.toISOString() ?? null,
        reasons: verdict.reasons,
        migrations: verdict.migrations.map((m) => ({
            name: m.name,
            appliedOnSourceAt: m.appliedOnSourceAt?.toISOString() ?? null,
            soakedHours: m.soakedSeconds === null ? null : Math.floor((m.soakedSeconds / 3600) * 100) / 100,
            status: m.status,
        })),
    };
}
/**
 * The override, checked: a reason that is not empty once trimmed, by an actor on the allowlist
 * (compared ignoring case, as GitHub logins are). Returns the refusal in words, or the override.
 */
function checkOverride(reason, actor, allowed) {
    if (reason === undefined)
        return {};
    const text = reason.trim();
    if (text === "")
        return {
            refused: 'The override reason is empty. An override needs a reason a reviewer can read later, e.g. "hotfix for incident 123, approved by @lead".',
        };
    if (allowed.length === 0)
        return {
            refused: "Overrides are not allowed: override-actors is empty. List the GitHub logins who may override the soak gate (comma-separated).",
        };
    if (!actor)
        return {
            refused: `No actor is known for this run (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR), so the override cannot be checked against override-actors (${allowed.join(", ")}).`,
        };
    if (!allowed.some((a) => a.toLowerCase() === actor.toLowerCase())) {
        return { refused: `${actor} may not override the soak gate: only ${allowed.join(", ")} may (override-actors).` };
    }
    return { override: { actor, reason: text.replace(/\s+/g, " ") } };
}


/***/ }),

/***/ 7765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fs: () => (/* binding */ GateGitHub),
  L7: () => (/* binding */ GateGitHubError),
  bB: () => (/* binding */ mapLimited)
});

// UNUSED EXPORTS: SOAK_STATUS_CONTEXT, explainGateGitHubError

;// CONCATENATED MODULE: ./src/github/deployments.ts
/** GitHub rejects status descriptions longer than 140 characters. */
const STATUS_DESCRIPTION_LIMIT = 140;
function clipDescription(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length <= STATUS_DESCRIPTION_LIMIT ? flat : `${flat.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}
/** Turns GitHub's refusals into messages that say which permission is missing. */
function explainGitHubError(error, what) {
    const e = error;
    const status = e.status;
    if (status === 403 || status === 401) {
        return new Error(`GitHub refused to ${what} (${status}: ${e.message ?? "forbidden"}). The job's token needs \`permissions: deployments: write\` (and a repository the token belongs to).`);
    }
    if (status === 404)
        return new Error(`GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it.`);
    if (status === 409)
        return new Error(`GitHub refused to ${what} (409: ${e.message ?? "conflict"}): commit status checks or a merge conflict blocked it.`);
    if (status === 422)
        return new Error(`GitHub refused to ${what} (422: ${e.message ?? "validation failed"}).`);
    return new Error(`Could not ${what}: ${e.message ?? String(error)}`);
}
async function setDeploymentStatus(octokit, target, deploymentId, state, description, environment) {
    try {
        await octokit.rest.repos.createDeploymentStatus({
            owner: target.owner,
            repo: target.repo,
            deployment_id: deploymentId,
            state,
            description: clipDescription(description),
            ...(target.logUrl ? { log_url: target.logUrl } : {}),
            ...(environment ? { environment } : {}),
        });
    }
    catch (error) {
        throw explainGitHubError(error, `set the status of deployment ${deploymentId} to ${state}`);
    }
}
class GitHubDeployments {
    octokit;
    target;
    onCreated;
    onClosed;
    constructor(octokit, target, 
    /** Called as soon as the deployment exists: the action saves its id for the post step. */
    onCreated, 
    /** Called once its final status is set: the post step has nothing left to close. */
    onClosed) {
        this.octokit = octokit;
        this.target = target;
        this.onCreated = onCreated;
        this.onClosed = onClosed;
    }
    async start(request) {
        const { owner, repo, ref } = this.target;
        let id;
        try {
            const response = await this.octokit.rest.repos.createDeployment({
                owner,
                repo,
                ref,
                task: request.task,
                // A migration run deploys exactly this commit: never merge the default branch into it, and do
                // not wait for (or fail on) its commit statuses.
                auto_merge: false,
                required_contexts: [],
                payload: request.payload,
                environment: request.environment,
                description: clipDescription(request.description),
                production_environment: request.production,
                transient_environment: false,
            });
            if (response.status !== 201 || !("id" in response.data)) {
                throw Object.assign(new Error(("message" in response.data && response.data.message) || "no deployment was created"), {
                    status: response.status,
                });
            }
            id = response.data.id;
        }
        catch (error) {
            throw explainGitHubError(error, `create a deployment for environment "${request.environment}"`);
        }
        this.onCreated?.(id);
        await setDeploymentStatus(this.octokit, this.target, id, "in_progress", request.description, request.environment);
        const url = this.target.serverUrl
            ? `${this.target.serverUrl}/${owner}/${repo}/deployments/${encodeURIComponent(request.environment)}`
            : undefined;
        return {
            id,
            ...(url ? { url } : {}),
            finish: async (outcome, description) => {
                await setDeploymentStatus(this.octokit, this.target, id, outcome, description, request.environment);
                this.onClosed?.(id);
            },
        };
    }
}
/** Loads octokit only when a deployment is recorded: it is a large part of the bundle's start-up. */
async function createGitHubDeployments(options) {
    const octokit = await githubClient(options.token, options.apiUrl);
    return new GitHubDeployments(octokit, options, options.onCreated, options.onClosed);
}
async function githubClient(token, apiUrl) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
}

// EXTERNAL MODULE: ./src/gate/retry.ts
var retry = __webpack_require__(7229);
;// CONCATENATED MODULE: ./src/gate/github.ts


const SOAK_STATUS_CONTEXT = "migrate-guard/soak";
/** A failure to talk to GitHub, in words that say what to change. */
class GateGitHubError extends Error {
    name = "GateGitHubError";
}
function explainGateGitHubError(error, what, permission) {
    const e = error;
    const status = e.status;
    const message = (e.message ?? String(error)).split("\n")[0];
    if (status === 403 && (0,retry/* isRateLimited */.Jz)(e)) {
        return new GateGitHubError(`GitHub's rate limit stopped the gate from trying to ${what} (${message}); it retried and gave up. Run the gate again later.`);
    }
    if (status === 401 || status === 403) {
        return new GateGitHubError(`GitHub refused to ${what} (${status}: ${message}). The job's token needs \`permissions: ${permission}\` — add it to the workflow job that runs the gate.`);
    }
    if (status === 404) {
        return new GateGitHubError(`GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it (a private repository needs \`permissions: ${permission}\`).`);
    }
    if (status !== undefined && status >= 500)
        return new GateGitHubError(`GitHub failed to ${what} (${status}: ${message}), also after retries. Run the gate again later.`);
    return new GateGitHubError(`Could not ${what}: ${message}`);
}
class GateGitHub {
    octokit;
    target;
    /** GitHub's clock: the `Date` of the latest response. */
    serverDate;
    constructor(octokit, target) {
        this.octokit = octokit;
        this.target = target;
    }
    /** The `Date` header of GitHub's latest answer, or undefined before any answer had one. */
    get githubNow() {
        return this.serverDate;
    }
    noteDate(headers) {
        const date = typeof headers.date === "string" ? new Date(headers.date) : undefined;
        if (date && !Number.isNaN(date.getTime()))
            this.serverDate = date;
    }
    /** Every deployment of `environment` with `task` (newest first, as GitHub lists them), all pages. */
    async listDeployments(environment, task) {
        const out = [];
        try {
            const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeployments, {
                ...this.target,
                environment,
                task,
                per_page: 100,
            });
            for await (const page of pages) {
                this.noteDate(page.headers);
                for (const d of page.data)
                    out.push({ id: d.id, sha: d.sha, task: d.task, createdAt: new Date(d.created_at), payload: d.payload });
            }
        }
        catch (error) {
            throw explainGateGitHubError(error, `list the deployments of environment "${environment}" (task ${task})`, "deployments: read");
        }
        return out;
    }
    /** A deployment's statuses, oldest first, all pages. */
    async listStatuses(deploymentId) {
        const out = [];
        try {
            const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeploymentStatuses, {
                ...this.target,
                deployment_id: deploymentId,
                per_page: 100,
            });
            for await (const page of pages) {
                this.noteDate(page.headers);
                for (const s of page.data)
                    out.push({ id: s.id, state: s.state, createdAt: new Date(s.created_at) });
            }
        }
        catch (error) {
            throw explainGateGitHubError(error, `list the statuses of deployment ${deploymentId}`, "deployments: read");
        }
        return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    }
    async setCommitStatus(sha, state, description, targetUrl) {
        try {
            await this.octokit.rest.repos.createCommitStatus({
                ...this.target,
                sha,
                state,
                context: SOAK_STATUS_CONTEXT,
                description: clipDescription(description),
                ...(targetUrl ? { target_url: targetUrl } : {}),
            });
        }
        catch (error) {
            throw explainGateGitHubError(error, `set the commit status ${SOAK_STATUS_CONTEXT} on ${sha}`, "statuses: write");
        }
    }
}
/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    });
    await Promise.all(workers);
    return results;
}


/***/ }),

/***/ 7229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ isRateLimited),
/* harmony export */   Lq: () => (/* binding */ gateOctokit)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, retryDelay, addRetries */
const DEFAULT_RETRY = {
    retries: 3,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
function isRateLimited(error) {
    const h = error.response?.headers ?? {};
    if (error.status === 429)
        return true;
    if (error.status !== 403)
        return false;
    return String(h["x-ratelimit-remaining"]) === "0" || h["retry-after"] !== undefined || /rate limit/i.test(error.message ?? "");
}
/** How long to wait before retrying `error` (attempt 0 is the first retry), or undefined: do not retry. */
function retryDelay(error, attempt, options) {
    const status = error.status ?? 0;
    const h = error.response?.headers ?? {};
    const limited = isRateLimited(error);
    if (!limited && status < 500)
        return undefined;
    const retryAfter = Number(h["retry-after"]);
    if (h["retry-after"] !== undefined && Number.isFinite(retryAfter))
        return Math.max(0, retryAfter * 1000);
    const reset = Number(h["x-ratelimit-reset"]);
    if (limited && h["x-ratelimit-reset"] !== undefined && Number.isFinite(reset))
        return Math.max(0, reset * 1000 - options.now()) + 1000;
    return options.baseDelayMs * 2 ** attempt;
}
/** Adds the bounded retries to an octokit instance (every request it makes). */
function addRetries(octokit, overrides = {}) {
    const options = { ...DEFAULT_RETRY, ...overrides };
    octokit.hook.wrap("request", async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                const delay = attempt < options.retries ? retryDelay(error, attempt, options) : undefined;
                if (delay === undefined || delay > options.maxDelayMs)
                    throw error;
                options.onRetry?.(`GitHub answered ${error.status} to ${requestOptions.method} ${requestOptions.url}; retry ${attempt + 1} of ${options.retries} in ${Math.round(delay / 100) / 10} s.`);
                await options.sleep(delay);
            }
        }
    });
    return octokit;
}
/** A retrying octokit, loaded lazily (it is a large part of the bundle's start-up). */
async function gateOctokit(token, apiUrl, overrides = {}) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return addRetries(getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {}), overrides);
}


/***/ }),

/***/ 7162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tQ: () => (/* binding */ assessSoak),
  Rg: () => (/* binding */ runGate)
});

// UNUSED EXPORTS: pendingOn

// EXTERNAL MODULE: ./src/core/environment.ts
var environment = __webpack_require__(6738);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/soak.ts
var soak = __webpack_require__(4321);
// EXTERNAL MODULE: ./src/core/migration-state.ts
var migration_state = __webpack_require__(8675);
// EXTERNAL MODULE: ./src/core/soak-target.ts
var soak_target = __webpack_require__(7139);
;// CONCATENATED MODULE: ./src/core/soak-code.ts
// The code soak: how long the `from` environment has run a deployment that carries the target's pending
// migrations, from GitHub's deployment records. Pure.
//
// A deployment covers the target when its commit is the target SHA, or when it is a migrate-guard
// `deploy` (payload.tool "migrate-guard") and the migrations deployed to `from` by it and by the
// successful migrate-guard deploys before it include every pending migration with the target's checksum
// (migrations accumulate: a later deploy never takes an earlier one's migrations away).
// The soak starts at the `created_at` of the first `success` status of a covering deployment — never
// at commit dates or at a deployment's own `created_at` — and keeps running until a covering deployment
// reports a failure:
// - `failure` or `error` on a covering deployment RESTARTS the soak: it counts again from the next
//   `success` of a covering deployment; until there is one the gate blocks.
// - `inactive` means superseded, not broken: GitHub marks every older deployment of an environment
//   inactive when a newer one of that environment succeeds, whatever its task (the app's own deploy job
//   with `environment: staging` does it too, and the gate does not list those). The newer deployment runs
//   on top of what was deployed, so `inactive` neither ends nor restarts the soak.


/** The migrations a migrate-guard `deploy` payload records, or undefined when it is not one. */
function migrateGuardDeployMigrations(payload) {
    let p = payload;
    if (typeof p === "string") {
        try {
            p = JSON.parse(p);
        }
        catch {
            return undefined;
        }
    }
    if (typeof p !== "object" || p === null)
        return undefined;
    const o = p;
    if (o.tool !== "migrate-guard" || o.command !== "deploy" || !Array.isArray(o.migrations))
        return undefined;
    return o.migrations.filter((m) => typeof m === "object" &&
        m !== null &&
        typeof m.name === "string" &&
        typeof m.checksum === "string");
}
const byTime = (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
function matches(m, checksum) {
    return checksum !== undefined && (checksum === m.checksum || (0,migration_state/* scriptMatchesChecksum */.I1)(m.sql, checksum));
}
/** Ids of the deployments that cover the target, oldest first. */
function coveringDeployments(input) {
    const sorted = [...input.deployments].sort(byTime);
    const deployed = new Map();
    const covering = [];
    const target = input.targetSha?.toLowerCase();
    for (const d of sorted) {
        const migrations = migrateGuardDeployMigrations(d.payload);
        const succeeded = d.statuses.some((s) => s.state === "success");
        const bySha = target !== undefined && d.sha.toLowerCase() === target;
        // The deployment's own migrations count for its coverage whether it succeeded yet or not (one in
        // progress covers the target and is waited for); only successful ones carry over to later deploys.
        const own = new Map((migrations ?? []).map((m) => [m.name, m.checksum]));
        const byMigrations = migrations !== undefined && input.pending.every((m) => matches(m, own.get(m.name)) || matches(m, deployed.get(m.name)));
        if (bySha || byMigrations)
            covering.push(d);
        if (migrations && succeeded)
            for (const m of migrations)
                deployed.set(m.name, m.checksum);
    }
    return covering;
}
function evaluateCodeSoak(input) {
    const tasks = input.tasks.join(", ");
    const covering = coveringDeployments(input);
    // At the same second, a success goes first: a failure stamped with the same second counts as later.
    const rank = (state) => (state === "success" ? 0 : 1);
    const events = covering
        .flatMap((d) => d.statuses.map((s) => ({ ...s, deployment: d })))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.state) - rank(b.state) || a.id - b.id);
    let since;
    let broken;
    let restartedAfter;
    for (const e of events) {
        const id = e.deployment.id;
        if (e.state === "success") {
            if (!since) {
                since = { at: e.createdAt, deploymentId: id };
                if (broken)
                    restartedAfter = `restarted after deployment ${broken.deploymentId} got \`${broken.state}\` at ${broken.at.toISOString()}`;
                broken = undefined;
            }
        }
        else if (e.state === "failure" || e.state === "error") {
            // A covering deployment that fails (even a newer one) means from may not run the target's code.
            since = undefined;
            broken = { state: e.state, at: e.createdAt, deploymentId: id };
        }
        else if (e.state === "inactive" && since?.deploymentId === id && !since.supersededAt) {
            // Superseded by a newer deployment of the environment (see the header): the soak goes on.
            since.supersededAt = e.createdAt;
        }
    }
    if (since) {
        const elapsed = (0,soak_target/* elapsedSeconds */.u)(since.at, input.githubNow);
        return {
            kind: "soaking",
            since: since.at,
            deploymentId: since.deploymentId,
            elapsedSeconds: elapsed,
            remainingSeconds: Math.max(0, input.soakSeconds - elapsed),
            description: `${input.from} deployment ${since.deploymentId} succeeded at ${since.at.toISOString()}${restartedAfter ? ` (${restartedAfter})` : ""}${since.supersededAt ? `; superseded since ${since.supersededAt.toISOString()} (\`inactive\`: a newer deployment to ${input.from} succeeded), which does not end the soak` : ""}`,
            ...(restartedAfter ? { restartedAfter } : {}),
        };
    }
    if (broken) {
        return {
            kind: "blocked",
            reason: `Code soak: deployment ${broken.deploymentId} to ${input.from} got \`${broken.state}\` at ${broken.at.toISOString()}: the code soak restarts at the next \`success\` of a deployment covering the target, and blocks until then.`,
        };
    }
    const pendingDeploy = covering.find((d) => d.statuses.length === 0 || ["queued", "pending", "in_progress"].includes(d.statuses.at(-1).state));
    if (pendingDeploy) {
        return {
            kind: "waiting",
            deploymentId: pendingDeploy.id,
            reason: `Code soak: deployment ${pendingDeploy.id} to ${input.from} covers the target but has not succeeded yet; the soak starts at its \`success\` status.`,
        };
    }
    return {
        kind: "blocked",
        reason: `Code soak: no successful deployment to ${input.from} (task ${tasks}) covers the target's pending migrations — never skip ${input.from}. Deploy them there (migrate-guard deploy records one) and let them soak.`,
    };
}

// EXTERNAL MODULE: ./src/postgres/database.ts
var database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/postgres/environment-database.ts
var environment_database = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/prisma/load-project.ts
var load_project = __webpack_require__(2178);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/core/migrations.ts
var migrations = __webpack_require__(3294);
;// CONCATENATED MODULE: ./src/gate/database.ts

async function readDatabaseSnapshot(url, options = {}) {
    const db = await environment_database/* EnvironmentDatabase */.DK.connect(url, { timeoutMs: options.timeoutMs ?? 15_000, applicationName: "migrate-guard gate" });
    try {
        return await db.readOnly(async (now) => {
            const records = await db.readMigrationRecords();
            const stamp = await db.readStamp();
            return { records: records ?? [], noHistory: !records, now, ...(stamp ? { stamp } : {}) };
        });
    }
    finally {
        await db.close();
    }
}

// EXTERNAL MODULE: ./src/gate/github.ts + 1 modules
var gate_github = __webpack_require__(7765);
;// CONCATENATED MODULE: ./src/gate/run.ts
// A gate run: the repository's migrations at the target, what `to` (production) lacks of them, what
// `from` (staging) says about those (read-only), what GitHub's deployments say about the code soak,
// the decision (src/core/soak.ts), and the `migrate-guard/soak` commit status. The override is checked
// before anything is read. Unreachable databases, GitHub failures and wrong stamps block; they never
// pass, not even with an override.











/** Repository migrations not applied on `to` (no finished, not rolled back row), in apply order. */
function pendingOn(repo, records) {
    const applied = new Set(records.filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.name));
    return repo.filter((m) => !applied.has(m.name));
}
function stampProblem(snapshot, expected, flag) {
    const stamp = snapshot.stamp;
    if (!stamp || stamp.normalized === (0,environment/* normalizeEnvironmentName */.yd)(expected))
        return undefined;
    return `The ${flag} database belongs to environment "${stamp.name}" (its migrate-guard stamp), not "${expected}": the URL points at the wrong database.`;
}
/** The soak of `pending` on `from`: the staging database (read-only) and GitHub's deployments. */
async function assessSoak(input, ctx) {
    const clock = ctx.clock ?? (() => new Date());
    const { policy, pending } = input;
    let source;
    const blockers = [...(input.blockers ?? [])];
    try {
        const snapshot = await readDatabaseSnapshot(input.fromDatabaseUrl);
        source = { records: snapshot.records, now: snapshot.now };
        const problem = stampProblem(snapshot, policy.from, `from (${policy.from})`);
        if (problem)
            blockers.push(problem);
    }
    catch (error) {
        const message = error instanceof environment_database/* DatabaseConnectionError */.GB
            ? error.message
            : `Could not read ${(0,database/* describeUrl */.Ng)(input.fromDatabaseUrl)}: ${error.message}`;
        source = { error: (0,errors/* redact */.E)(message, (0,database/* urlSecrets */.Fn)(input.fromDatabaseUrl)) };
    }
    const codeSoak = pending.length === 0 ? { kind: "not-checked", why: "nothing is pending" } : await readCodeSoak(input, ctx, clock);
    // An unreadable database and a wrong stamp block whatever is pending, and no override covers them.
    return (0,soak/* evaluateSoak */.ET)({
        policy,
        pending,
        source,
        codeSoak,
        now: clock(),
        blockers,
        ...(input.override ? { override: input.override } : {}),
    });
}
async function readCodeSoak(input, ctx, clock) {
    if (input.deploymentTasks.length === 0)
        return { kind: "not-checked", why: "deployment-tasks is none." };
    const github = ctx.github;
    if (!github)
        return { kind: "not-checked", why: "no GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY): the schema soak alone decided." };
    try {
        const listed = (await Promise.all(input.deploymentTasks.map((task) => github.listDeployments(input.policy.from, task)))).flat();
        // Only deployments from the first one that could cover the target on can matter to its soak.
        const names = new Set(input.pending.map((m) => m.name));
        const relevant = (d) => (input.sha !== undefined && d.sha.toLowerCase() === input.sha) ||
            (migrateGuardDeployMigrations(d.payload) ?? []).some((m) => names.has(m.name));
        const first = Math.min(...listed.filter(relevant).map((d) => d.createdAt.getTime()));
        const candidates = listed.filter((d) => d.createdAt.getTime() >= first);
        ctx.logger.info(`Code soak: ${listed.length} deployment(s) to "${input.policy.from}" (task ${input.deploymentTasks.join(", ")}), ${candidates.length} from the first covering one on.`);
        const statuses = await (0,gate_github/* mapLimited */.bB)(candidates, 8, (d) => github.listStatuses(d.id));
        const deployments = candidates.map((d, i) => ({ ...d, statuses: statuses[i] }));
        return evaluateCodeSoak({
            deployments,
            pending: input.pending,
            ...(input.sha ? { targetSha: input.sha } : {}),
            githubNow: github.githubNow ?? clock(),
            soakSeconds: Math.round(input.policy.soakHours * 3600),
            from: input.policy.from,
            tasks: input.deploymentTasks,
        });
    }
    catch (error) {
        if (!(error instanceof gate_github/* GateGitHubError */.L7))
            throw error;
        ctx.logger.error(error.message);
        return {
            kind: "blocked",
            unreadable: true,
            reason: `Code soak could not be read from GitHub (the gate never passes without it): ${error.message}`,
        };
    }
}
async function runGate(settings, ctx) {
    const started = Date.now();
    const { override, refused } = (0,soak/* checkOverride */.R3)(settings.overrideReason, ctx.actor, settings.overrideActors);
    if (refused)
        throw new errors/* ConfigurationError */.j(`The override is refused, so nothing was evaluated: ${refused}`);
    const policy = settings.policy;
    const report = {
        verdict: undefined,
        ...(settings.sha ? { sha: settings.sha } : {}),
        from: { name: policy.from, database: (0,database/* describeUrl */.Ng)(settings.fromDatabaseUrl) },
        to: { name: policy.to, database: (0,database/* describeUrl */.Ng)(settings.toDatabaseUrl) },
        warnings: [],
        durationMs: 0,
    };
    const loaded = await (0,load_project/* loadProject */.g)(settings.workingDirectory, settings.schema);
    const repo = await targetMigrations(loaded, settings.sha, report.warnings, ctx.logger);
    ctx.logger.info(`Soak gate ${policy.from} → ${policy.to} (${policy.soakHours}h)${settings.sha ? ` for ${settings.sha}` : ""}: ${repo.length} migrations in ${loaded.dir.dir}.`);
    let pending;
    const blockers = [];
    try {
        const target = await readDatabaseSnapshot(settings.toDatabaseUrl);
        pending = pendingOn(repo, target.records);
        const problem = stampProblem(target, policy.to, `to (${policy.to})`);
        if (problem)
            blockers.push(problem);
    }
    catch (error) {
        const message = error instanceof environment_database/* DatabaseConnectionError */.GB ? error.message : error.message;
        // Without production's history everything may be pending: judge every migration.
        pending = repo;
        blockers.push(`The ${policy.to} database could not be read, so what is pending there is unknown: ${(0,errors/* redact */.E)(message, (0,database/* urlSecrets */.Fn)(settings.toDatabaseUrl))}`);
    }
    ctx.logger.info(`${pending.length} migration(s) pending on "${policy.to}"${pending.length ? `: ${pending.map((m) => m.name).join(", ")}` : ""}.`);
    report.verdict = await assessSoak({
        policy,
        pending,
        fromDatabaseUrl: settings.fromDatabaseUrl,
        deploymentTasks: settings.deploymentTasks,
        blockers,
        ...(settings.sha ? { sha: settings.sha } : {}),
        ...(override ? { override } : {}),
    }, ctx);
    await setStatus(report, ctx);
    report.durationMs = Date.now() - started;
    return report;
}
async function setStatus(report, ctx) {
    if (!ctx.github || !report.sha || ctx.commitStatus === false)
        return;
    const state = report.verdict.decision === "pass" ? "success" : report.verdict.decision === "wait" ? "pending" : "failure";
    const description = (0,soak/* verdictHeadline */.ge)(report.verdict);
    try {
        await ctx.github.setCommitStatus(report.sha, state, description, ctx.runUrl);
        report.commitStatus = { state, description };
    }
    catch (error) {
        report.statusError = error.message;
        ctx.logger.error(report.statusError);
    }
}
/**
 * The migrations in the repository at the target: the working tree when it is checked out at the target
 * (or no SHA was given), else the target commit's files read from git. A target that is in neither is a
 * configuration error: judging other migrations than the target's could pass the wrong ones.
 */
async function targetMigrations(loaded, sha, warnings, logger) {
    const tree = loaded.dir.migrations.map((m) => ({ name: m.name, checksum: m.checksum, sql: m.sql }));
    if (!sha)
        return tree;
    const head = await (0,git/* resolveCommit */.WL)(loaded.repoRoot, "HEAD").catch(() => undefined);
    if (head === undefined) {
        warnings.push(`${loaded.repoRoot} is not a git checkout: its migrations were judged as the target ${sha}'s.`);
        return tree;
    }
    if (head.toLowerCase() === sha)
        return tree;
    const commit = await (0,git/* resolveCommit */.WL)(loaded.repoRoot, sha).catch(() => undefined);
    if (!commit) {
        throw new errors/* ConfigurationError */.j(`The target ${sha} is neither checked out in ${loaded.repoRoot} (HEAD is ${head}) nor in its git history. Check out the target (actions/checkout with \`ref: <sha>\`), or pass the SHA that is checked out.`);
    }
    const atCommit = await (0,git/* migrationsAtCommit */.wz)(loaded.repoRoot, commit, loaded.dir.dir);
    logger.info(`The target ${sha} is not checked out (HEAD is ${head}): judging its ${atCommit.length} migrations as committed.`);
    return atCommit
        .map((m) => ({ name: m.name, sql: m.sql, checksum: (0,migrations/* checksum */.cM)(Buffer.from(m.sql, "utf8")) }))
        .sort((a, b) => (0,migrations/* compareMigrationNames */.wd)(a.name, b.name));
}


/***/ }),

/***/ 5306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   NY: () => (/* binding */ parseSoakHours),
/* harmony export */   W8: () => (/* binding */ gateDatabaseUrl),
/* harmony export */   Zk: () => (/* binding */ validateGateRequest),
/* harmony export */   tO: () => (/* binding */ DEFAULT_DEPLOYMENT_TASKS)
/* harmony export */ });
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6738);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_soak_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4321);
/* harmony import */ var _postgres_database_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8690);
// What a gate run was asked to do, validated before anything is read: every mistake is a
// ConfigurationError (CLI exit 2) that names the flag/input and the expected form. URLs are never quoted.




const DEFAULT_DEPLOYMENT_TASKS = ["deploy:migrations"];
function text(value) {
    const t = value?.trim();
    return t ? t : undefined;
}
function parseSoakHours(value, name = "soak-hours") {
    const t = text(value);
    if (t === undefined)
        return _core_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SOAK_HOURS */ .nZ;
    const n = Number(t);
    if (!/^\d+(\.\d+)?$/.test(t) || !Number.isFinite(n) || n > 8760) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${name} is ${JSON.stringify(value)}. Expected a number of hours from 0 to 8760, e.g. ${_core_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SOAK_HOURS */ .nZ} (the default) or 48.`);
    }
    return n;
}
/** A database URL flag: present, PostgreSQL, well formed — checked without ever quoting it. */
function gateDatabaseUrl(value, flag, variable, what) {
    if (!text(value)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`No ${what} database URL. Pass ${flag} URL or set ${variable} (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE; a read-only role is enough).`);
    }
    try {
        return (0,_postgres_database_url_js__WEBPACK_IMPORTED_MODULE_2__/* .validateDatabaseUrl */ .F)(value);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${flag}: ${error.message}`);
    }
}
function parseList(value) {
    return (value ?? "")
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
function validateGateRequest(request) {
    const from = text(request.from) ?? "staging";
    const to = text(request.to) ?? "production";
    (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_3__/* .assertEnvironmentName */ .vC)(from, "from");
    (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_3__/* .assertEnvironmentName */ .vC)(to, "to");
    if ((0,_core_environment_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeEnvironmentName */ .yd)(from) === (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeEnvironmentName */ .yd)(to))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`from and to are both "${from}". The gate promotes from one environment to another, e.g. from staging to production.`);
    const soakHours = parseSoakHours(request.soakHours);
    const sha = text(request.sha);
    if (sha !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(sha)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`sha is ${JSON.stringify(sha)}. Expected a full commit SHA (40 hexadecimal characters), e.g. the output of \`git rev-parse HEAD\`.`);
    }
    const fromDatabaseUrl = gateDatabaseUrl(request.fromDatabaseUrl, "--from-database-url", "STAGING_DATABASE_URL", `"${from}"`);
    const toDatabaseUrl = gateDatabaseUrl(request.toDatabaseUrl, "--to-database-url", "PRODUCTION_DATABASE_URL", `"${to}"`);
    if (fromDatabaseUrl === toDatabaseUrl)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`The ${from} and ${to} database URLs are the same (not shown: they hold a password). Each environment has its own database.`);
    const tasks = parseList(request.deploymentTasks);
    if (tasks.some((t) => /[\u0000-\u001f\u007f]/.test(t) || t.length > 100))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j('deployment-tasks has a name with control characters or over 100 characters. Expected comma-separated tasks, e.g. "deploy:migrations, deploy", or "none".');
    const deploymentTasks = request.deploymentTasks === undefined || text(request.deploymentTasks) === undefined
        ? DEFAULT_DEPLOYMENT_TASKS
        : tasks.some((t) => t.toLowerCase() === "none")
            ? []
            : tasks;
    const schema = text(request.schema);
    return {
        workingDirectory: text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        fromDatabaseUrl,
        toDatabaseUrl,
        policy: { soakHours, from, to },
        ...(sha ? { sha: sha.toLowerCase() } : {}),
        ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
        overrideActors: parseList(request.overrideActors).map((a) => a.replace(/^@/, "")),
        deploymentTasks,
    };
}


/***/ }),

/***/ 308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ repositoryRoot),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   wz: () => (/* binding */ migrationsAtCommit)
/* harmony export */ });
/* unused harmony export blobId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_migrations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3294);
// The git adapter: the base ref's migrations, read with at most two git processes whatever their
// number (`ls-tree` for names and blob ids, one `cat-file --batch` for the files the working tree does
// not hold byte for byte).





function git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
        const out = [];
        let err = "";
        child.stdout.on("data", (d) => out.push(d));
        child.stderr.on("data", (d) => {
            err += d.toString();
        });
        child.on("error", (e) => reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`git could not be started (${e.message}); install git or omit --base-ref.`)));
        child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
        if (input !== undefined) {
            child.stdin.on("error", () => { }); // git exiting early is reported by its exit code
            child.stdin.end(input);
        }
    });
}
async function repositoryRoot(dir) {
    const r = await git(dir, ["rev-parse", "--show-toplevel"]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
}
async function resolveCommit(repoRoot, ref) {
    if (ref.startsWith("-"))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`Invalid base ref "${ref}". Expected a branch, tag or commit SHA.`);
    const r = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (r.code !== 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j(`Base ref "${ref}" is not a commit in this repository. In GitHub Actions check out with \`fetch-depth: 0\` ` +
            `(actions/checkout fetches one commit by default), or fetch the base branch first.`);
    }
    return r.stdout.toString().trim();
}
/**
 * Every `<migrationsDir>/<name>/migration.sql` at `commit`. `migrationsDir` is absolute; it may not
 * exist at that commit (first migration in this PR): then there are no base migrations.
 */
async function migrationsAtCommit(repoRoot, commit, migrationsDir, 
/** The working tree's migrations (path relative to repoRoot): a file whose blob id matches is not read from git. */
current = []) {
    const rel = (0,_core_migrations_js__WEBPACK_IMPORTED_MODULE_3__/* .toPosix */ .d7)(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(repoRoot, migrationsDir));
    const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", `${rel}/`]);
    if (list.code !== 0)
        throw new Error(`git ls-tree failed: ${list.stderr.trim()}`);
    // "<mode> blob <id>\t<path>" per entry.
    const entries = list.stdout
        .toString()
        .split("\0")
        .flatMap((line) => {
        const tab = line.indexOf("\t");
        const [, type, id] = line.slice(0, tab).split(" ");
        const file = line.slice(tab + 1);
        const parts = file.slice(rel.length + 1).split("/");
        return type === "blob" && id && file.startsWith(`${rel}/`) && parts.length === 2 && parts[1] === "migration.sql"
            ? [{ file, id }]
            : [];
    });
    if (entries.length === 0)
        return [];
    // An unchanged file (the whole history but a PR's few new files) is taken from the working tree:
    // its bytes hash to the blob id the base commit names, so they are the base's bytes.
    const byFile = new Map(current.map((m) => [m.file, m.sql]));
    const known = new Map();
    for (const { file, id } of entries) {
        const sql = byFile.get(file);
        if (sql !== undefined && blobId(Buffer.from(sql, "utf8"), id.length) === id)
            known.set(file, sql);
    }
    const missing = entries.filter((e) => !known.has(e.file)).map((e) => e.file);
    if (missing.length > 0) {
        const batch = await git(repoRoot, ["cat-file", "--batch"], missing.map((f) => `${commit}:${f}`).join("\n") + "\n");
        if (batch.code !== 0)
            throw new Error(`git cat-file failed: ${batch.stderr.trim()}`);
        for (const m of parseBatch(batch.stdout, missing))
            known.set(m.file, m.sql);
    }
    return entries.map(({ file }) => ({ name: file.split("/").at(-2) ?? file, file, sql: known.get(file) }));
}
/** Git's object id of a blob: sha1 (40 hex) or, in a sha256 repository, sha256 (64 hex) of "blob <size>\0<bytes>". */
function blobId(bytes, hexLength) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(hexLength === 64 ? "sha256" : "sha1")
        .update(`blob ${bytes.length}\0`)
        .update(bytes)
        .digest("hex");
}
/** `git cat-file --batch` output: "<sha> <type> <size>\n<content>\n" per object. */
function parseBatch(out, files) {
    const result = [];
    let offset = 0;
    for (const file of files) {
        const headerEnd = out.indexOf(10, offset);
        const header = out.subarray(offset, headerEnd).toString();
        const size = Number(header.split(" ")[2]);
        if (!Number.isFinite(size))
            throw new Error(`Unexpected git cat-file output for ${file}: ${header}`);
        const content = out.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
        offset = headerEnd + 1 + size + 1;
        result.push({ name: file.split("/").at(-2) ?? file, file, sql: content });
    }
    return result;
}


/***/ }),

/***/ 8690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ validateDatabaseUrl)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// The database URL a user passes (--database-url, DATABASE_URL, the action's `database-url` input):
// its form is checked before anything connects, and it is never quoted back (it may carry a password).

/**
 * Checks the URL's form without ever quoting it: it may carry a password. Only the scheme is named
 * when it is wrong.
 */
function validateDatabaseUrl(url) {
    const value = url?.trim();
    if (!value) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j("No database URL. Pass --database-url or set DATABASE_URL (the action: the `database-url` input, from the environment's secret). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    let parsed;
    try {
        // "user:password@host/db" parses as a URL whose scheme is "user:": demand the "scheme://" form.
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
            throw new Error("no scheme");
        parsed = new URL(value);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j("The database URL is not a valid URL (it is not shown: it may contain a password). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    if (!/^postgres(ql)?:$/i.test(parsed.protocol)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`The database URL uses the scheme "${parsed.protocol}", but migrate-guard works with PostgreSQL only. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`);
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j("The database URL names no host. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    if (parsed.pathname.replace(/^\//, "") === "") {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j("The database URL names no database. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the path is the database name).");
    }
    return value;
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

/***/ 9678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DK: () => (/* binding */ EnvironmentDatabase),
/* harmony export */   Fn: () => (/* reexport safe */ _database_js__WEBPACK_IMPORTED_MODULE_0__.Fn),
/* harmony export */   GB: () => (/* binding */ DatabaseConnectionError)
/* harmony export */ });
/* unused harmony exports PRISMA_ADVISORY_LOCK, STAMP_SCHEMA, STAMP_TABLE, migrationsSchema, explainConnectionError, withEnvironmentDatabase */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6738);
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2514);



/** The key of `pg_advisory_lock` Prisma Migrate takes while it applies or resolves migrations. */
// Credentials scrubbing and libpq URL semantics are the Postgres adapter's; re-exported for migrate.

const PRISMA_ADVISORY_LOCK = 72707369;
const STAMP_SCHEMA = "migrate_guard";
const STAMP_TABLE = `${STAMP_SCHEMA}.environment`;
/** migrate-guard's own advisory lock key (for writing the stamp): "mgst" in ASCII. */
const STAMP_LOCK = 0x6d677374;
/** A failure to reach or log in to the database, with what the user should do about it. */
class DatabaseConnectionError extends Error {
    kind;
    name = "DatabaseConnectionError";
    constructor(message, kind) {
        super(message);
        this.kind = kind;
    }
}
/** The schema holding `_prisma_migrations`: the URL's `schema` parameter (Prisma's convention), default public. */
function migrationsSchema(url) {
    try {
        return new URL(url).searchParams.get("schema") || "public";
    }
    catch {
        return "public";
    }
}
function explainConnectionError(error, url) {
    const e = error;
    const raw = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(e.message ?? String(error), (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSecrets */ .Fn)(url));
    const where = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .describeUrl */ .Ng)(url);
    const code = e.code ?? "";
    if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"].includes(code) ||
        /timeout expired|Connection terminated due to connection timeout/i.test(raw)) {
        return new DatabaseConnectionError(`Could not reach PostgreSQL at ${where} (${code || raw}). Check the host and port in the database URL, and that the runner can reach the server (firewall, private network, allow-list).`, "unreachable");
    }
    if (code === "28P01" || /password authentication failed|no password supplied|SASL/i.test(raw)) {
        return new DatabaseConnectionError(`PostgreSQL at ${where} rejected the credentials (${raw}). Check the user and password in the environment's database URL secret.`, "authentication");
    }
    if (code === "28000" && /no encryption|SSL off/i.test(raw)) {
        return new DatabaseConnectionError(`PostgreSQL at ${where} requires an encrypted connection (TLS) and refused a plain one (${raw}). Add \`sslmode=require\` (or \`sslmode=verify-full\` with \`sslrootcert\`) to the database URL.`, "tls-required");
    }
    if (/does not support SSL|self[- ]signed|certificate|SSL|TLS/i.test(raw)) {
        return new DatabaseConnectionError(`TLS with PostgreSQL at ${where} failed (${raw}). Check the URL's sslmode/sslrootcert against the server's TLS set-up.`, "tls");
    }
    if (code === "3D000") {
        return new DatabaseConnectionError(`PostgreSQL at ${where} has no such database (${raw}). migrate-guard never creates an environment's database: check the database name in the URL.`, "database-missing");
    }
    return new DatabaseConnectionError(`Could not connect to PostgreSQL at ${where}: ${raw}`, "other");
}
class EnvironmentDatabase {
    client;
    url;
    constructor(client, url) {
        this.client = client;
        this.url = url;
    }
    static async connect(url, options = {}) {
        let client;
        try {
            client = await (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .connectClient */ .mh)(url, {
                timeoutMs: options.timeoutMs ?? 15_000,
                applicationName: options.applicationName ?? "migrate-guard",
            });
        }
        catch (error) {
            throw explainConnectionError(error, url);
        }
        return new EnvironmentDatabase(client, url);
    }
    async close() {
        await this.client.end().catch(() => { });
    }
    async query(text, values = []) {
        try {
            return await this.client.query(text, values);
        }
        catch (error) {
            // Server messages can quote parts of the URL back: keep them clean.
            if (error instanceof Error)
                error.message = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(error.message, (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSecrets */ .Fn)(this.url));
            throw error;
        }
    }
    /**
     * Runs `work` in one READ ONLY transaction on a session made read-only first, so nothing it calls can
     * write; `now` is the server's clock at the transaction's start.
     */
    async readOnly(work) {
        await this.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        await this.query("BEGIN READ ONLY");
        try {
            const now = (await this.query("SELECT now() AS now")).rows[0].now;
            const result = await work(now);
            await this.query("COMMIT");
            return result;
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
    async serverVersion() {
        const { rows } = await this.query("SELECT current_setting('server_version') AS v");
        return rows[0].v;
    }
    async serverMajor() {
        const { rows } = await this.query("SELECT current_setting('server_version_num') AS n");
        return Math.floor(Number(rows[0].n) / 10000);
    }
    async readStamp() {
        const exists = await this.query("SELECT to_regclass($1) AS t", [STAMP_TABLE]);
        if (!exists.rows[0]?.t)
            return undefined;
        const { rows } = await this.query(`SELECT name, normalized_name, production, stamped_at, stamped_by, repository, run_url FROM ${STAMP_TABLE} LIMIT 1`);
        const r = rows[0];
        if (!r)
            return undefined;
        return {
            name: r.name,
            normalized: (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeEnvironmentName */ .yd)(r.normalized_name),
            production: r.production,
            stampedAt: r.stamped_at,
            ...(r.stamped_by ? { stampedBy: r.stamped_by } : {}),
            ...(r.repository ? { repository: r.repository } : {}),
            ...(r.run_url ? { runUrl: r.run_url } : {}),
        };
    }
    /**
     * Writes the stamp unless one exists, and returns whatever stamp is there afterwards: when two first
     * deploys race, one insert wins and the other run sees (and compares with) the winner's stamp.
     * Its own schema keeps the table out of Prisma's view (Prisma manages only the datasource's schemas).
     */
    async writeStampIfAbsent(stamp) {
        await this.query("BEGIN");
        try {
            // Concurrent CREATE … IF NOT EXISTS can still collide on the catalog's unique index: serialise
            // first deploys on a lock of migrate-guard's own (not Prisma's, which the deploy takes later).
            await this.query("SELECT pg_advisory_xact_lock($1)", [STAMP_LOCK]);
            const created = await this.createStamp(stamp);
            await this.query("COMMIT");
            return { stamp: (await this.readStamp()), created };
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
    async createStamp(stamp) {
        await this.query(`CREATE SCHEMA IF NOT EXISTS ${STAMP_SCHEMA}`);
        await this.query(`
      CREATE TABLE IF NOT EXISTS ${STAMP_TABLE} (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        name text NOT NULL,
        normalized_name text NOT NULL,
        production boolean NOT NULL,
        stamped_at timestamptz NOT NULL DEFAULT now(),
        stamped_by text,
        repository text,
        run_url text
      )`);
        await this.query(`COMMENT ON TABLE ${STAMP_TABLE} IS 'migrate-guard: the environment this database belongs to. Deploys for any other environment are refused.'`);
        const inserted = await this.query(`INSERT INTO ${STAMP_TABLE} (name, normalized_name, production, stamped_by, repository, run_url) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (singleton) DO NOTHING`, [stamp.name, stamp.normalized, stamp.production, stamp.stampedBy ?? null, stamp.repository ?? null, stamp.runUrl ?? null]);
        return inserted.rowCount === 1;
    }
    /**
     * Each table's estimated rows (pg_class.reltuples; null when never analyzed) and total bytes (heap,
     * indexes, TOAST), outside the system schemas and migrate-guard's own. A partitioned table counts
     * its partitions. Catalog reads only: run it inside readOnly().
     */
    async tableSizes() {
        const partitioned = (await this.serverMajor()) >= 12;
        const leaves = (what) => `(SELECT sum(${what}) FROM pg_partition_tree(c.oid) t JOIN pg_class l ON l.oid = t.relid WHERE t.isleaf)`;
        const rows = partitioned
            ? `CASE WHEN c.relkind = 'p' THEN ${leaves("greatest(l.reltuples, 0)")} WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END`
            : "CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END";
        const bytes = partitioned
            ? `CASE WHEN c.relkind = 'p' THEN coalesce(${leaves("pg_total_relation_size(l.oid)")}, 0) ELSE pg_total_relation_size(c.oid) END`
            : "pg_total_relation_size(c.oid)";
        const { rows: result } = await this.query(`SELECT n.nspname AS schema, c.relname AS name, (${rows})::float8 AS rows, (${bytes})::float8 AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', '${STAMP_SCHEMA}')
          AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp_%'
        ORDER BY 1, 2`);
        return result.map((r) => ({
            schema: r.schema,
            name: r.name,
            rows: r.rows === null ? null : Math.round(r.rows),
            bytes: Math.round(r.bytes),
        }));
    }
    /** Rows of `_prisma_migrations` (none when the table does not exist yet). */
    async readMigrationRecords() {
        const schema = migrationsSchema(this.url);
        const exists = await this.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
            schema,
        ]);
        if (!exists.rows[0]?.t)
            return undefined;
        const { rows } = await this.query(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .Cm)(schema)}._prisma_migrations ORDER BY started_at, migration_name`);
        return rows.map((r) => ({
            name: r.migration_name,
            checksum: r.checksum,
            startedAt: r.started_at,
            ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
            ...(r.rolled_back_at ? { rolledBackAt: r.rolled_back_at } : {}),
            ...(r.logs ? { logs: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(r.logs, (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSecrets */ .Fn)(this.url)) } : {}),
        }));
    }
    /** Finished migrations so far: progress while Prisma works. */
    async countFinished() {
        const schema = migrationsSchema(this.url);
        const exists = await this.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
            schema,
        ]);
        if (!exists.rows[0]?.t)
            return 0;
        const { rows } = await this.query(`SELECT count(*) AS n FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .Cm)(schema)}._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
        return Number(rows[0].n);
    }
    /** Tables in the migrations schema other than Prisma's own: a database with these and no history needs a baseline. */
    async countUserTables() {
        const { rows } = await this.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations'", [migrationsSchema(this.url)]);
        return Number(rows[0].n);
    }
    /** The session holding Prisma's migration lock in this database, if any. */
    async migrationLockHolder() {
        // A bigint advisory key shows up as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        const { rows } = await this.query(`SELECT l.pid, a.application_name, host(a.client_addr) AS client_addr, coalesce(a.xact_start, a.backend_start) AS since
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       LIMIT 1`, [PRISMA_ADVISORY_LOCK]);
        const r = rows[0];
        if (!r)
            return undefined;
        return {
            pid: r.pid,
            ...(r.application_name ? { application: r.application_name } : {}),
            ...(r.client_addr ? { client: r.client_addr } : {}),
            ...(r.since ? { since: r.since } : {}),
        };
    }
    /**
     * What Prisma's schema engine does for `migrate resolve --rolled-back` (markMigrationRolledBack): set
     * rolled_back_at on the migration's unfinished, not yet rolled back rows — only when none of its
     * rows finished. Under Prisma's own advisory lock, so it never races a deploy.
     */
    async markRolledBack(name) {
        const table = `${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .Cm)(migrationsSchema(this.url))}._prisma_migrations`;
        await this.query("BEGIN");
        try {
            const { rows } = await this.query("SELECT pg_try_advisory_xact_lock($1) AS ok", [PRISMA_ADVISORY_LOCK]);
            if (!rows[0]?.ok)
                throw new Error("Another session holds Prisma's migration lock (a deploy is running): nothing was changed. Try again when it has finished.");
            const updated = await this.query(`UPDATE ${table} SET rolled_back_at = now()
         WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM ${table} WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL)`, [name]);
            await this.query("COMMIT");
            return updated.rowCount ?? 0;
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
}
/** Opens, runs `work`, closes; connection failures become DatabaseConnectionError. */
async function withEnvironmentDatabase(url, work) {
    const db = await EnvironmentDatabase.connect(url);
    try {
        return await work(db);
    }
    finally {
        await db.close();
    }
}


/***/ }),

/***/ 2178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ loadProject)
/* harmony export */ });
/* harmony import */ var _core_migrations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3294);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(308);
/* harmony import */ var _project_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6769);
// A Prisma project with its migrations read: what every command that looks at an environment starts from
// (migrate status/deploy/resolve, rollback, the soak gate).



async function loadProject(workingDirectory, schema) {
    const project = await (0,_project_js__WEBPACK_IMPORTED_MODULE_2__/* .locateProject */ .m)({ workingDirectory, ...(schema ? { schema } : {}) });
    const repoRoot = (await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryRoot */ .Hn)(project.workingDirectory).catch(() => undefined)) ?? project.workingDirectory;
    const dir = await (0,_core_migrations_js__WEBPACK_IMPORTED_MODULE_0__/* .readMigrationsDirectory */ .Lk)(project.migrationsDir, repoRoot);
    return { project, dir, repoRoot };
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


/***/ })

};
