import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 726;
export const ids = [726];
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

/***/ 8726:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INIT_USAGE: () => (/* binding */ INIT_USAGE),
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(308);
;// CONCATENATED MODULE: ./src/init/plan.ts
// What `migrate-guard init` adds to an app, computed from the files as they are: pure (no I/O), so a
// second run over its own output finds nothing to do. Nothing existing is replaced without `force`.
/** The npm scripts, in the order they are added. */
function initScripts(options) {
    const testData = (op) => `migrate-guard test-data ${op} --environment staging --command "npm run --silent test-data:${op}"`;
    return [
        ["db:local:start", "migrate-guard local start"],
        ["db:local:stop", "migrate-guard local stop"],
        ["db:migrate:create", "migrate-guard local exec -- prisma migrate dev --create-only"],
        ["db:migrate:dev", "migrate-guard local exec -- prisma migrate dev"],
        ["db:migrate:status", "migrate-guard local exec -- prisma migrate status"],
        ["db:migrate:staging", "migrate-guard deploy --environment staging"],
        ["db:migrate:staging:status", "migrate-guard status --environment staging"],
        ["db:migrate:production", "migrate-guard deploy --environment production"],
        ["db:migrate:production:status", "migrate-guard status --environment production"],
        ["db:verify", `migrate-guard verify${options.baseRef ? ` --base-ref ${options.baseRef}` : ""}`],
        ["db:migrate:rollback", "migrate-guard rollback --environment staging"],
        ["db:test-data:create", testData("create")],
        ["db:test-data:cleanup", `${testData("cleanup")}`],
        ["db:backup", "migrate-guard backup --environment production"],
    ];
}
/** The indentation of a JSON text: its first indented line's (two spaces when there is none). */
function detectIndent(text) {
    return /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
}
/**
 * package.json with the scripts added. Keys keep their order (new scripts go after the existing ones;
 * a new "scripts" object after the last key), the indentation and the final newline are kept:
 * the same form `npm pkg set` writes.
 */
function planPackageJson(text, scripts, force) {
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`package.json is not valid JSON (${error.message}); fix it first.`);
    }
    const existing = (pkg.scripts && typeof pkg.scripts === "object" ? pkg.scripts : {});
    const next = { ...existing };
    const changes = [];
    for (const [name, command] of scripts) {
        const target = `package.json#scripts.${name}`;
        if (!(name in existing)) {
            next[name] = command;
            changes.push({ target, kind: "create", detail: command });
        }
        else if (existing[name] === command) {
            changes.push({ target, kind: "unchanged" });
        }
        else if (force) {
            next[name] = command;
            changes.push({ target, kind: "update", detail: `${existing[name]} → ${command}` });
        }
        else {
            changes.push({ target, kind: "kept", detail: `has "${existing[name]}" (--force replaces it with "${command}")` });
        }
    }
    if (!changes.some((c) => c.kind === "create" || c.kind === "update"))
        return { changes };
    pkg.scripts = next;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    let out = JSON.stringify(pkg, null, detectIndent(text));
    if (eol !== "\n")
        out = out.replace(/\n/g, eol);
    if (/\r?\n$/.test(text))
        out += eol;
    return { content: out, changes };
}
/** Lines .gitignore must have: the env files with real URLs, and the local PostgreSQL's data. */
const IGNORED = [".env.staging", ".env.production", ".migrate-guard/", "migrate-guard-*.dump"];
function covered(lines, entry) {
    const bare = entry.replace(/\/$/, "");
    return lines.some((l) => l === entry ||
        l === bare ||
        l === `/${entry}` ||
        l === `/${bare}` ||
        (entry.startsWith(".env.") && (l === ".env*" || l === ".env.*" || l === "/.env*" || l === "/.env.*")));
}
function planGitignore(text) {
    const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
    const missing = IGNORED.filter((e) => !covered(lines, e));
    if (missing.length === 0)
        return { changes: [{ target: ".gitignore", kind: "unchanged" }] };
    const eol = text?.includes("\r\n") ? "\r\n" : "\n";
    const prefix = text === undefined || text === "" ? "" : text.endsWith("\n") ? eol : eol + eol;
    const block = ["# migrate-guard: database URLs per environment, the local PostgreSQL's data, backups", ...missing].join(eol) + eol;
    return {
        content: `${text ?? ""}${prefix}${block}`,
        changes: [{ target: ".gitignore", kind: text === undefined ? "create" : "update", detail: `ignores ${missing.join(", ")}` }],
    };
}
const ENV_EXAMPLE = `# Copy to .env.staging and .env.production (both git-ignored) and fill in the real URLs.
# migrate-guard reads .env.<environment> when a command names --environment <environment>;
# flags and --env-file files take precedence. In CI, use the environment's DATABASE_URL secret instead.
DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
# .env.production only: a production deploy first runs the soak gate, which reads staging's
# _prisma_migrations (read-only) to check every pending migration ran there long enough.
# STAGING_DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
`;
/** A whole file migrate-guard provides: created when missing, replaced only with `force`. */
function planFile(target, existing, wanted, force) {
    if (existing === undefined)
        return { content: wanted, changes: [{ target, kind: "create" }] };
    if (existing === wanted)
        return { changes: [{ target, kind: "unchanged" }] };
    if (force)
        return { content: wanted, changes: [{ target, kind: "update" }] };
    return { changes: [{ target, kind: "kept", detail: "differs from migrate-guard's (--force replaces it)" }] };
}
/** A caller workflow for an app in `appDir` (relative to the repository root, "." at the root). */
function workflowFor(template, appDir) {
    if (appDir === "." || appDir === "")
        return template;
    return template.replace(/^(\s*working-directory:\s*)\.\s*$/gm, `$1${appDir}`);
}

;// CONCATENATED MODULE: ./src/init/init.ts
// `migrate-guard init`: reads the app's files, plans every change (plan.ts), then writes them — or,
// with dryRun, only reports them. Planning finishes before the first write, so a problem (e.g. an
// invalid package.json) leaves every file as it was.








/** The caller workflows init copies, from migrate-guard's examples/workflows. */
const WORKFLOWS = ["verify-migrations.yml", "migrate.yml", "promote.yml"];
/** examples/workflows next to this code: two levels up from src/init/ and from dist/cli/ alike. */
const DEFAULT_TEMPLATES_DIR = external_node_path_default().resolve(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), "../../examples/workflows");
async function readIfExists(file) {
    try {
        return await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT")
            return undefined;
        throw error;
    }
}
/** origin's default branch as a verify base ref ("origin/main"), if the clone knows it. */
function defaultBaseRef(dir) {
    const r = (0,external_node_child_process_.spawnSync)("git", ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], { cwd: dir, encoding: "utf8" });
    return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}
async function runInit(options) {
    const wd = external_node_path_default().resolve(options.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(wd) || !(0,external_node_fs_.statSync)(wd).isDirectory())
        throw new errors/* ConfigurationError */.j(`Working directory "${options.workingDirectory}" does not exist. Expected the app's folder (with package.json).`);
    const pkgFile = external_node_path_default().join(wd, "package.json");
    const pkgText = await readIfExists(pkgFile);
    if (pkgText === undefined)
        throw new errors/* ConfigurationError */.j(`No package.json in ${wd}. Run migrate-guard init in the app's folder (or pass --working-directory), after npm init.`);
    const repoRoot = (await (0,git/* repositoryRoot */.Hn)(wd)) ?? wd;
    const appDir = external_node_path_default().relative(repoRoot, wd).split((external_node_path_default()).sep).join("/") || ".";
    const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
    const writes = [];
    const notes = [];
    let pkgPlan;
    try {
        pkgPlan = planPackageJson(pkgText, initScripts({ ...(defaultBaseRef(wd) ? { baseRef: defaultBaseRef(wd) } : {}) }), options.force);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`${pkgFile}: ${error.message}`);
    }
    writes.push({ file: pkgFile, plan: pkgPlan });
    writes.push({ file: external_node_path_default().join(wd, ".gitignore"), plan: planGitignore(await readIfExists(external_node_path_default().join(wd, ".gitignore"))) });
    writes.push({
        file: external_node_path_default().join(wd, ".env.example"),
        plan: planFile(".env.example", await readIfExists(external_node_path_default().join(wd, ".env.example")), ENV_EXAMPLE, options.force),
    });
    for (const name of WORKFLOWS) {
        const template = await readIfExists(external_node_path_default().join(templatesDir, name));
        const file = external_node_path_default().join(repoRoot, ".github", "workflows", name);
        const target = external_node_path_default().relative(wd, file).split((external_node_path_default()).sep).join("/");
        if (template === undefined) {
            notes.push(`${name} is not among this migrate-guard version's example workflows (${templatesDir}); skipped.`);
            continue;
        }
        const plan = planFile(target, await readIfExists(file), workflowFor(template, appDir), options.force);
        writes.push({ file, plan });
    }
    const pkg = JSON.parse(pkgText);
    const missingScripts = ["test-data:create", "test-data:cleanup"].filter((s) => !pkg.scripts?.[s]);
    if (missingScripts.length)
        notes.push(`db:test-data:* run your own scripts ${missingScripts.map((s) => `"${s}"`).join(" and ")}: add them to package.json (they get the staging URL in your datasource's variables).`);
    for (const env of ["staging", "production"]) {
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(wd, `.env.${env}`)))
            notes.push(`For db:migrate:${env} from this machine, copy .env.example to .env.${env} and set its DATABASE_URL (git-ignored; never commit it).`);
    }
    const written = [];
    if (!options.dryRun) {
        for (const { file, plan } of writes) {
            if (plan.content === undefined)
                continue;
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, plan.content);
            written.push(file);
        }
    }
    return { workingDirectory: wd, changes: writes.flatMap((w) => w.plan.changes), notes, written };
}
const SYMBOL = { create: "+", update: "~", unchanged: "=", kept: "!" };
/** The report init prints: each change, then what stayed, then notes. */
function renderInit(result, dryRun) {
    const changed = result.changes.filter((c) => c.kind === "create" || c.kind === "update");
    const kept = result.changes.filter((c) => c.kind === "kept");
    const unchanged = result.changes.filter((c) => c.kind === "unchanged");
    const lines = [`migrate-guard init in ${result.workingDirectory}${dryRun ? " (dry run: nothing was written)" : ""}`];
    const verb = dryRun ? "would change" : "changed";
    if (changed.length === 0)
        lines.push(`No changes: everything init adds is already in place${kept.length ? " (or kept, see below)" : ""}.`);
    else
        lines.push(`${changed.length} ${verb}:`);
    for (const c of changed)
        lines.push(`  ${SYMBOL[c.kind]} ${c.target}${c.detail ? `  ${c.detail}` : ""}`);
    if (kept.length)
        lines.push(`${kept.length} kept as they are (--force replaces them):`);
    for (const c of kept)
        lines.push(`  ${SYMBOL[c.kind]} ${c.target}  ${c.detail ?? ""}`.trimEnd());
    if (unchanged.length)
        lines.push(`${unchanged.length} already in place.`);
    if (result.notes.length)
        lines.push("", "Next:", ...result.notes.map((n) => `  - ${n}`));
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/init-command.ts


const INIT_USAGE = `Usage: migrate-guard init [--working-directory DIR] [--force] [--dry-run]

Sets up an app (the folder with its package.json) for migrate-guard:
  - npm scripts: db:local:start|stop, db:migrate:create|dev|status (prisma migrate dev / status, on the
    local PostgreSQL only), db:migrate:staging[:status], db:migrate:production[:status], db:verify,
    db:migrate:rollback, db:test-data:create|cleanup, db:backup
  - .gitignore: .env.staging, .env.production (database URLs) and .migrate-guard/ (local data)
  - .env.example: the variables the env files hold
  - .github/workflows (at the repository root): verify-migrations.yml, migrate.yml, promote.yml
Nothing that exists is replaced without --force (a script or file that differs is kept and listed);
a second run changes nothing. It prints what it changed.

Options:
  --working-directory DIR   the app (default: .)
  --force                   replace scripts and files that differ from migrate-guard's
  --dry-run                 print what would change, write nothing
  -h, --help                this help

Exit codes: 0 success, 2 usage or configuration error (nothing written).
`;
async function initCommand(argv, io) {
    const { values: v } = (0,args/* parseCommandArgs */.Q)(argv, {
        "working-directory": { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
    }, INIT_USAGE);
    if (v.help) {
        io.stdout.write(INIT_USAGE);
        return 0;
    }
    const dryRun = v["dry-run"] === true;
    const result = await runInit({ workingDirectory: v["working-directory"] ?? ".", force: v.force === true, dryRun });
    io.stdout.write(renderInit(result, dryRun));
    return 0;
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


/***/ })

};
