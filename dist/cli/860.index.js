import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 860;
export const ids = [860];
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

/***/ 5584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ majorOf)
/* harmony export */ });
/* unused harmony export majorFromDeployPayloads */
// A PostgreSQL major from how versions are written: "15", "15.4", 15, "15.18 (Debian 15.18-0+deb12u1)",
// "PostgreSQL 15.4 …" → 15; and the major a migrate-guard deploy recorded in its deployment. Pure.
/** The major, or undefined for anything that is not a PostgreSQL version. */
function majorOf(value) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const match = /^(?:PostgreSQL\s+)?(\d{1,3})(?:\.\d+)*(?:beta\d+|rc\d+|devel)?(?:\s|$)/i.exec(text);
    const major = match ? Number(match[1]) : NaN;
    return major >= 9 && major < 100 ? major : undefined;
}
/**
 * The server major of the newest migrate-guard deploy among `deployments` (newest first, as GitHub
 * lists them) that recorded one (`payload.postgres.major`, src/migrate/scope.ts); undefined when none did.
 * GitHub may hand the payload back as a JSON string.
 */
function majorFromDeployPayloads(deployments) {
    for (const { payload } of deployments) {
        let p = payload;
        if (typeof p === "string") {
            try {
                p = JSON.parse(p);
            }
            catch {
                continue;
            }
        }
        const record = typeof p === "object" && p !== null ? p : undefined;
        if (record?.tool !== "migrate-guard" || record.command !== "deploy")
            continue;
        const major = majorOf(record.postgres?.major);
        if (major !== undefined)
            return major;
    }
    return undefined;
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

/***/ 8557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ statusFromFindings),
/* harmony export */   Ow: () => (/* binding */ toJsonReport),
/* harmony export */   X8: () => (/* binding */ describeServer)
/* harmony export */ });
// The verify report: the one model every output (CLI text, --json, job summary, annotations, SARIF,
// PR comment, action outputs) is rendered from.
/** The `--json` document (and the action's `report` output): the contract other tools read. */
function toJsonReport(report) {
    return {
        ok: report.ok,
        checks: report.checks.map((c) => ({
            id: c.id,
            status: c.status,
            summary: c.summary,
            findings: c.findings.map((f) => ({
                rule: f.rule,
                message: f.message,
                file: f.file ?? null,
                line: f.line ?? null,
                severity: f.severity,
            })),
        })),
        migrations: report.migrations.map((m) => ({ name: m.name, durationMs: m.durationMs })),
        drift: report.drift
            ? {
                new: report.drift.differences,
                existing: report.drift.existing ?? [],
                ...(report.drift.baseRef ? { baseRef: report.drift.baseRef } : {}),
                sql: report.drift.sql,
                judge: report.drift.judge ?? null,
            }
            : null,
        durationMs: report.durationMs,
        postgres: report.postgresServer
            ? {
                major: report.postgresServer.major,
                version: report.postgresServer.version,
                source: report.postgresServer.source,
                npmPackage: report.postgresServer.npmPackage ?? null,
                fetchMs: report.postgresServer.fetchMs ?? null,
                readyMs: report.postgresServer.readyMs,
                note: report.postgresServer.note ?? null,
            }
            : null,
        cache: report.cache
            ? {
                state: report.cache.state,
                migrations: report.cache.migrations,
                savedMs: report.cache.savedMs ?? null,
                saved: Boolean(report.cache.saved),
                detail: report.cache.detail,
            }
            : null,
        schemaChange: schemaChangeJson(report.schemaChange),
    };
}
/**
 * The schema change the PR comment's diagram is drawn from: null without a base ref or new migrations;
 * `tables`/`relations` null (and `missing` saying why) when the two states could not be compared.
 */
function schemaChangeJson(outcome) {
    if (!outcome)
        return null;
    if ("missing" in outcome)
        return { missing: outcome.missing, tables: null, relations: null };
    const { tables, relations } = outcome.change;
    return {
        missing: null,
        tables: tables.map((t) => ({
            schema: t.schema,
            name: t.name,
            status: t.status,
            touched: t.touched,
            columns: t.columns.map((c) => ({
                name: c.name,
                type: c.type,
                status: c.status,
                detail: c.detail ?? null,
                primaryKey: c.primaryKey,
                foreignKey: c.foreignKey,
                unique: c.unique,
            })),
            notes: t.notes,
        })),
        relations: relations.map((r) => ({
            name: r.name,
            from: { schema: r.from.schema, table: r.from.table, columns: r.from.columns },
            to: { schema: r.to.schema, table: r.to.table, columns: r.to.columns },
            status: r.status,
            optional: r.optional,
            oneToOne: r.oneToOne,
        })),
    };
}
function statusFromFindings(findings) {
    if (findings.some((f) => f.severity === "error"))
        return "fail";
    if (findings.some((f) => f.severity === "warning"))
        return "warn";
    return "pass";
}
/** One line for reports: "PostgreSQL 13.23 fetched from npm (…) in 3.4 s, ready in 5.1 s". */
function describeServer(server) {
    const origin = server.source === "npm"
        ? `${server.fetchMs !== undefined ? `fetched from npm in ${(server.fetchMs / 1000).toFixed(1)} s` : "from npm (cached)"}${server.npmPackage ? ` (${server.npmPackage})` : ""}`
        : "installed";
    return `PostgreSQL ${server.version}, ${origin}, ready in ${(server.readyMs / 1000).toFixed(1)} s`;
}


/***/ }),

/***/ 6560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b4: () => (/* binding */ readBlobs),
/* harmony export */   p: () => (/* binding */ migrationBlobsAtCommit),
/* harmony export */   wK: () => (/* binding */ schemaAtCommit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_migrations_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3294);
// Reading files as they are at a commit (the base branch's schema.prisma for lint's 3-phase check):
// one `git ls-tree` for the paths under a folder, one `git cat-file --batch` for their contents.



function git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "ignore"] });
        const out = [];
        child.stdout.on("data", (d) => out.push(d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out) }));
        if (input !== undefined) {
            child.stdin.on("error", () => { });
            child.stdin.end(input);
        }
    });
}
/**
 * The text of `absPath` at `commit`: the file, or for a folder every `.prisma` file under it joined
 * (prismaSchemaFolder). undefined when it does not exist there.
 */
async function schemaAtCommit(repoRoot, commit, absPath) {
    const rel = (0,_core_migrations_js__WEBPACK_IMPORTED_MODULE_2__/* .toPosix */ .d7)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(repoRoot, absPath));
    // The common case, one file: a single cat-file. Its header says "blob", "tree" or "missing".
    const direct = await git(repoRoot, ["cat-file", "--batch"], `${commit}:${rel}\n`);
    const header = direct.stdout
        .subarray(0, Math.max(0, direct.stdout.indexOf(10)))
        .toString()
        .split(" ");
    if (direct.code !== 0 || header[1] === "missing" || header.length < 3)
        return undefined;
    if (header[1] === "blob")
        return direct.stdout.subarray(direct.stdout.indexOf(10) + 1, direct.stdout.indexOf(10) + 1 + Number(header[2])).toString("utf8");
    const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", commit, "--", rel]);
    if (list.code !== 0)
        return undefined;
    const files = list.stdout
        .toString()
        .split("\0")
        .filter((f) => f === rel || (f.startsWith(`${rel}/`) && f.endsWith(".prisma")))
        .sort();
    if (files.length === 0)
        return undefined;
    const batch = await git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
    if (batch.code !== 0)
        return undefined;
    const texts = [];
    let offset = 0;
    for (let i = 0; i < files.length; i++) {
        const headerEnd = batch.stdout.indexOf(10, offset);
        const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
        if (!Number.isFinite(size))
            return undefined;
        texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
        offset = headerEnd + 1 + size + 1;
    }
    return texts.join("\n");
}
/** `<migrationsDir>/<name>/migration.sql` at `commit`, with blob ids; one `git ls-tree`, no contents. */
async function migrationBlobsAtCommit(repoRoot, commit, migrationsDir) {
    const rel = (0,_core_migrations_js__WEBPACK_IMPORTED_MODULE_2__/* .toPosix */ .d7)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(repoRoot, migrationsDir));
    const list = await git(repoRoot, ["ls-tree", "-r", "-z", commit, "--", `${rel}/`]);
    if (list.code !== 0)
        throw new Error(`git ls-tree ${commit} failed`);
    const result = [];
    for (const entry of list.stdout.toString().split("\0")) {
        const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(entry);
        if (!m || !m[2].startsWith(`${rel}/`))
            continue;
        const parts = m[2].slice(rel.length + 1).split("/");
        if (parts.length === 2 && parts[1] === "migration.sql")
            result.push({ name: parts[0], file: m[2], blob: m[1] });
    }
    return result;
}
/** Contents of blobs, in order, with one `git cat-file --batch`. */
async function readBlobs(repoRoot, blobs) {
    if (blobs.length === 0)
        return [];
    const batch = await git(repoRoot, ["cat-file", "--batch"], blobs.join("\n") + "\n");
    if (batch.code !== 0)
        throw new Error("git cat-file failed");
    const texts = [];
    let offset = 0;
    for (const blob of blobs) {
        const headerEnd = batch.stdout.indexOf(10, offset);
        const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
        if (!Number.isFinite(size))
            throw new Error(`git cat-file: unexpected output for ${blob}`);
        texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
        offset = headerEnd + 1 + size + 1;
    }
    return texts;
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

/***/ 9121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ statsOption)
});

// UNUSED EXPORTS: readSizeRisk

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/lint/stats.ts
var stats = __webpack_require__(6662);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/stats/inputs.ts
// The stats file options of lint and verify (CLI and actions): which file, and the row thresholds.
// Light on purpose: the verify action's entry reads its inputs before the bundle loads.


/** A row-count threshold option: a positive whole number (underscores allowed: 1_000_000). */
function rowThreshold(value, name) {
    if (value === undefined || value.trim() === "")
        return undefined;
    const n = Number(value.trim().replace(/_/g, ""));
    if (!Number.isInteger(n) || n <= 0)
        throw new errors/* ConfigurationError */.j(`Invalid ${name} "${value}". Expected a positive whole number of rows, e.g. 1000000.`);
    return n;
}
/** `stats-file` (relative to the workspace) with `large-table-rows` and `huge-table-rows`; for the lint and verify actions. */
function statsInputs(text) {
    const raiseRows = rowThreshold(text("large-table-rows"), 'input "large-table-rows"');
    const hugeRows = rowThreshold(text("huge-table-rows"), 'input "huge-table-rows"');
    const file = text("stats-file");
    if (!file)
        return undefined;
    return {
        file: path.resolve(process.env.GITHUB_WORKSPACE ?? ".", file),
        ...(raiseRows !== undefined ? { raiseRows } : {}),
        ...(hugeRows !== undefined ? { hugeRows } : {}),
    };
}

;// CONCATENATED MODULE: ./src/stats/stats-file.ts
// The stats file (`migrate-guard stats --output FILE`) as lint and verify read it.




/** The stats file as lint and verify use it; a missing or malformed file is bad input (exit 2). */
async function readSizeRisk(options) {
    let text;
    try {
        text = await (0,promises_.readFile)(options.file, "utf8");
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`Cannot read the stats file "${options.file}" (${error.code ?? error.message}). Expected the JSON that \`migrate-guard stats --output FILE\` writes.`);
    }
    const raiseRows = options.raiseRows ?? stats/* DEFAULT_RAISE_ROWS */.b4;
    const hugeRows = options.hugeRows ?? stats/* DEFAULT_HUGE_ROWS */.sR;
    return { stats: (0,stats/* parseStatsDocument */.YM)(text, `"${options.file}"`), raiseRows, hugeRows };
}
/** --stats FILE with its thresholds (lint and verify CLI); thresholds without a file are a usage error. */
async function statsOption(file, large, huge) {
    const raiseRows = rowThreshold(large, "--large-table-rows");
    const hugeRows = rowThreshold(huge, "--huge-table-rows");
    if (file === undefined || file.trim() === "") {
        if (raiseRows !== undefined || hugeRows !== undefined)
            throw new errors/* ConfigurationError */.j("--large-table-rows and --huge-table-rows need --stats FILE (the table sizes they compare with).");
        return undefined;
    }
    return readSizeRisk({ file, ...(raiseRows !== undefined ? { raiseRows } : {}), ...(hugeRows !== undefined ? { hugeRows } : {}) });
}


/***/ }),

/***/ 8611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uW: () => (/* binding */ lintCheck),
  Mt: () => (/* binding */ lintMigrationSet),
  Kc: () => (/* binding */ loaded),
  nU: () => (/* binding */ runLint)
});

// UNUSED EXPORTS: countText, toFinding

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/migrations.ts
var migrations = __webpack_require__(3294);
// EXTERNAL MODULE: ./src/core/report.ts
var report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/git/file-at-commit.ts
var file_at_commit = __webpack_require__(6560);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/lint/linter.ts + 4 modules
var linter = __webpack_require__(5323);
// EXTERNAL MODULE: ./src/lint/prisma-models.ts
var prisma_models = __webpack_require__(8100);
// EXTERNAL MODULE: ./src/prisma/project.ts
var prisma_project = __webpack_require__(6769);
// EXTERNAL MODULE: ./src/sql/statements.ts
var statements = __webpack_require__(5528);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/verify/lint-cache.ts
// The base state of lint, cached between runs: replaying 800 base migrations costs ~200 ms of
// parsing, the state they produce is a few hundred KB of JSON. Keyed by the linter's state version
// and every replayed migration's name and content, so any change is a miss. A broken or unwritable
// cache is never an error: the state is rebuilt.




/** Bump when SchemaStateData or how statements change it changes. */
const STATE_VERSION = "lint-state-1";
function defaultCacheDir() {
    return process.env.MIGRATE_GUARD_CACHE_DIR || external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-cache");
}
/** Key of the state after `migrations`: each one's name and content id (its git blob id). */
function cacheKey(migrations) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(STATE_VERSION);
    for (const m of migrations)
        hash.update("\0").update(m.name).update("\0").update(m.id);
    return hash.digest("hex").slice(0, 32);
}
/** The git blob id of a text: what `git ls-tree` reports, so files read from disk and from git share keys. */
function blobId(text) {
    const bytes = Buffer.from(text, "utf8");
    return (0,external_node_crypto_.createHash)("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
async function readCachedState(dir, key) {
    try {
        return JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(dir, `${key}.json`), "utf8"));
    }
    catch {
        return undefined;
    }
}
async function writeCachedState(dir, key, data) {
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const file = external_node_path_default().join(dir, `${key}.json`);
        // Written aside and renamed: a concurrent reader never sees half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(tmp, JSON.stringify(data));
        await (0,promises_.rename)(tmp, file);
        await prune(dir);
    }
    catch {
        // A read-only or full disk only costs the next run its speed.
    }
}
/** Entries kept: one per base the machine lints against; the oldest go first. */
const MAX_ENTRIES = 20;
async function prune(dir) {
    const names = (await (0,promises_.readdir)(dir)).filter((n) => n.endsWith(".json"));
    if (names.length <= MAX_ENTRIES)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,promises_.stat)(external_node_path_default().join(dir, n))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(MAX_ENTRIES).map((e) => (0,promises_.rm)(external_node_path_default().join(dir, e.n), { force: true })));
}

;// CONCATENATED MODULE: ./src/verify/lint.ts
// Wiring of the linter for its three callers (verify's lint check, `migrate-guard lint`, the lint
// action): which migrations are base and which are new, the base branch's schema.prisma for the
// 3-phase check, and the cached base state. The rules themselves live in src/lint (pure).
//
// Reading is lazy because the common case is one new migration on top of hundreds: names come from
// readdir and `git ls-tree` (blob ids, no contents); with the base state cached under those ids only
// the new files are read and parsed.













/** Already-read migrations (verify has them) as LazyMigrations. */
function loaded(migrations) {
    const byName = new Map(migrations.map((m) => [m.name, m]));
    return {
        names: migrations.map((m) => m.name),
        ids: migrations.map((m) => blobId(m.sql)),
        read: async (names) => names.map((n) => byName.get(n)),
    };
}
async function lintMigrationSet(set) {
    const started = performance.now();
    const base = set.base ?? set.current;
    const baseNames = new Set(base.names);
    const freshNames = set.current.names.filter((n) => !baseNames.has(n));
    const all = Boolean(set.all || set.eachMigration);
    const done = (result) => ({
        result,
        summary: summaryOf(set, all, result.linted.length, freshNames.length, base.names.length),
        newCount: freshNames.length,
        durationMs: performance.now() - started,
    });
    if (!all && freshNames.length === 0)
        return done({ findings: [], linted: [], statements: 0 });
    const fresh = new Set(freshNames);
    const shouldLint = (name) => all || fresh.has(name);
    const groupOf = set.eachMigration ? (name) => name : (name) => (fresh.has(name) ? "new" : "base");
    const evidence = !set.eachMigration && set.baseSchemaText !== undefined ? { baseModels: (0,prisma_models/* parsePrismaModels */.K)(set.baseSchemaText) } : {};
    // The base is a pure replay prefix unless everything is linted: its state can come from the cache.
    const cacheDir = all || !set.base || set.cacheDir === false ? undefined : (set.cacheDir ?? defaultCacheDir());
    const key = cacheDir ? cacheKey(base.names.map((name, i) => ({ name, id: base.ids[i] }))) : undefined;
    const cached = key ? await readCachedState(cacheDir, key) : undefined;
    const baseMigrations = cached ? base.names.map((name) => ({ name, file: name, sql: "" })) : await base.read(base.names);
    const migrations = [...baseMigrations, ...(await set.current.read(freshNames))];
    const result = await (0,linter.lint)({
        migrations,
        shouldLint,
        groupOf,
        evidence,
        completeHistory: true,
        ...(set.sizeRisk ? { sizeRisk: set.sizeRisk } : {}),
        ...(cached ? { initialState: { data: cached, covers: base.names.length } } : { wantBaseState: key !== undefined }),
    });
    if (key && !cached && result.baseState?.covers === base.names.length)
        await writeCachedState(cacheDir, key, result.baseState.data);
    return done(result);
}
function summaryOf(set, all, linted, fresh, base) {
    if (set.eachMigration)
        return `${linted} migrations linted, each against the ones before it`;
    if (all)
        return `all ${linted} migrations linted${set.base ? ` (${fresh} new against the base branch's ${base}, those from an empty database)` : " as one change set from an empty database"}`;
    if (set.base)
        return `${linted} new migration(s) linted against the base branch's ${base}`;
    return "no base ref: every migration is existing history, none linted (--all lints them)";
}
/** The verify report's `lint` check. */
function lintCheck(outcome, extra = []) {
    const findings = [...outcome.result.findings.map(toFinding), ...extra];
    return {
        id: "lint",
        status: (0,report/* statusFromFindings */.$1)(findings),
        summary: `${outcome.summary}: ${countText(outcome.result.findings)}`,
        findings,
    };
}
function toFinding(f) {
    return { rule: f.rule, message: f.message, file: f.file, line: f.line, column: f.column, severity: f.severity };
}
function countText(findings) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    const part = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
    return `${part(n("error"), "error")}, ${part(n("warning"), "warning")}, ${part(n("notice"), "notice")}`;
}
/** `migrate-guard lint` and the lint action: a project's migrations, or the files given. */
async function runLint(settings) {
    // The parser's WASM compiles in the background while git and the file system answer.
    (0,statements/* loadParser */.q)().catch(() => { });
    if (settings.files && settings.files.length > 0)
        return lintFiles(settings.files, settings.sizeRisk);
    const pathBase = external_node_path_default().resolve(settings.pathBase ?? ".");
    const display = (abs) => (0,migrations/* toPosix */.d7)(external_node_path_default().relative(pathBase, abs)) || ".";
    const project = await (0,prisma_project/* locateProject */.m)({
        workingDirectory: settings.workingDirectory,
        ...(settings.schema ? { schema: settings.schema } : {}),
    });
    // Both git questions at once: rev-parse works from any folder inside the repository.
    const commitPromise = settings.baseRef ? (0,git/* resolveCommit */.WL)(project.workingDirectory, settings.baseRef) : undefined;
    commitPromise?.catch(() => { });
    // Only a base ref needs git: --all and --each-migration read the working tree alone (no git process).
    const gitRoot = settings.baseRef ? await (0,git/* repositoryRoot */.Hn)(project.workingDirectory) : undefined;
    if (settings.baseRef && !gitRoot) {
        throw new errors/* ConfigurationError */.j(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const baseCommit = await commitPromise;
    const [current, base, baseSchemaText] = await Promise.all([
        workingTree(project.migrationsDir, display),
        baseCommit ? atCommit(gitRoot, baseCommit, project.migrationsDir, display) : undefined,
        baseCommit ? (0,file_at_commit/* schemaAtCommit */.wK)(gitRoot, baseCommit, project.schemaPath) : undefined,
    ]);
    settings.logger.debug(`lint: ${current.names.length} migrations in ${display(project.migrationsDir)}${base ? `, ${base.names.length} on the base branch` : ""}`);
    return lintMigrationSet({
        current,
        ...(base ? { base } : {}),
        ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
        all: Boolean(settings.all),
        eachMigration: Boolean(settings.eachMigration),
        ...(settings.cacheDir !== undefined ? { cacheDir: settings.cacheDir } : {}),
        ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
    });
}
/** Migration folders of the working tree; a folder without migration.sql is skipped (verify's naming check reports it). */
async function workingTree(dir, display) {
    const names = (await (0,promises_.readdir)(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(migrations/* compareMigrationNames */.wd);
    // Synchronous: hundreds of small files read in a loop cost a fraction of as many promises.
    const readOne = (name) => {
        try {
            return (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, name, "migration.sql"), "utf8");
        }
        catch {
            return undefined;
        }
    };
    const lazy = {
        names,
        // Content ids are only needed for a cached base, and the working tree is never one.
        ids: [],
        read: async (wanted) => {
            const sqls = wanted.map(readOne);
            return wanted.flatMap((name, i) => sqls[i] === undefined ? [] : [{ name, file: display(external_node_path_default().join(dir, name, "migration.sql")), sql: sqls[i] }]);
        },
    };
    return lazy;
}
async function atCommit(repoRoot, commit, migrationsDir, display) {
    const tree = (await (0,file_at_commit/* migrationBlobsAtCommit */.p)(repoRoot, commit, migrationsDir)).sort((a, b) => (0,migrations/* compareMigrationNames */.wd)(a.name, b.name));
    return {
        names: tree.map((t) => t.name),
        ids: tree.map((t) => t.blob),
        read: async (names) => {
            const wanted = new Set(names);
            const picked = tree.filter((t) => wanted.has(t.name));
            const texts = await (0,file_at_commit/* readBlobs */.b4)(repoRoot, picked.map((t) => t.blob));
            return picked.map((t, i) => ({ name: t.name, file: display(external_node_path_default().join(repoRoot, t.file)), sql: texts[i] }));
        },
    };
}
/**
 * Files linted as given, in the order given, each judged against the files before it (without a
 * base, the conservative reading: a table another file creates counts as existing).
 */
async function lintFiles(files, sizeRisk) {
    const started = performance.now();
    const migrations = await Promise.all(files.map(async (file) => {
        try {
            return { name: file, file, sql: await (0,promises_.readFile)(external_node_path_default().resolve(file), "utf8") };
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j(`Cannot read "${file}" (${error.code ?? error.message}). Expected paths of .sql files.`);
        }
    }));
    const result = await (0,linter.lint)({ migrations, shouldLint: () => true, groupOf: (name) => name, ...(sizeRisk ? { sizeRisk } : {}) });
    return { result, summary: `${files.length} file(s) linted`, newCount: files.length, durationMs: performance.now() - started };
}


/***/ })

};
