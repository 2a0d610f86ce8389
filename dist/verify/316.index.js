import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 316;
export const ids = [316];
export const modules = {

/***/ 2316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restoreCacheDir: () => (/* binding */ restoreCacheDir)
/* harmony export */ });
/* unused harmony export saveCacheDir */
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7369);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3838);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
// The verify action's built-in cache: the snapshot cache directory restored from and saved to GitHub's
// cache service through @actions/cache (cache service v2 on github.com, the v1 API on GitHub
// Enterprise Server; the toolkit chooses from the runner's environment). Loaded only when the cache
// is on and verify has a key to look for, so it costs the action's start nothing. The cache is an
// optimisation: a service that is missing, rate-limited or failing is reported as a warning and the
// run goes on without it; nothing here throws.



const UNAVAILABLE = "Snapshot cache: GitHub's cache service is not available to this job (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, " +
    "e.g. GitHub Enterprise Server without Actions cache storage): every run applies the base branch's migrations from scratch. " +
    "Set `cache: false` to run without the cache and without this warning.";
/**
 * Runs a toolkit call, turning the error annotations it writes for a failing service (HTTP 5xx) into
 * warnings: a cache that fails costs speed, never the check. Reports whether the toolkit logged a
 * failure ("Failed to restore/save: …", its words for every swallowed error).
 */
async function softly(work) {
    const write = process.stdout.write;
    let failed = false;
    let reserveError;
    process.stdout.write = function (chunk, ...rest) {
        if (typeof chunk === "string" &&
            /^::(error|warning)::(Failed to (restore|save)|uploadCacheArchiveSDK|Cache reservation failed|You've hit a rate limit)/.test(chunk)) {
            failed = true;
            if (chunk.startsWith("::error::"))
                chunk = `::warning::${chunk.slice("::error::".length)}`;
        }
        // The toolkit logs any failure to reserve an entry (an existing key, but also a service that
        // kept failing) as the same info line; only its debug line tells them apart.
        const reserve = typeof chunk === "string" ? /^::debug::Failed to reserve cache: (.*)/.exec(chunk) : null;
        if (reserve)
            reserveError = reserve[1].replace(/%0A/g, " ").replace(/%0D/g, "").replace(/%25/g, "%").trim();
        return write.call(this, chunk, ...rest);
    };
    try {
        return { value: await work(), failed, ...(reserveError ? { reserveError } : {}) };
    }
    finally {
        process.stdout.write = write;
    }
}
async function restoreCacheDir(dir, key, restoreKeys) {
    if (!_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3()) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__.warning(UNAVAILABLE);
        return { failed: true };
    }
    try {
        // The exact key first, in every scope the job reads: the service tries a restore key in the job's own
        // branch before the exact key in the base branch, and a pull request's own older entry (made
        // before a rebase) must not win over the base branch's entry for exactly these migrations.
        const exact = await softly(() => _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([dir], key, []));
        const { value, failed } = exact.value || exact.failed ? exact : await softly(() => _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([dir], key, restoreKeys));
        if (value)
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`Snapshot cache: restored the cache entry ${value}${value === key ? "" : " (the latest entry for this app, Prisma and PostgreSQL major)"}.`);
        else if (!failed)
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`Snapshot cache: no cache entry yet for ${key}; this run saves one when it makes a snapshot.`);
        return { ...(value ? { matchedKey: value } : {}), failed };
    }
    catch (error) {
        // ValidationError (a key the service would refuse): a bug of ours, not a reason to fail the check.
        _actions_core__WEBPACK_IMPORTED_MODULE_1__.warning(`Snapshot cache: not restored: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(error.message)}`);
        return { failed: true };
    }
}
/** Saves `dir` under `key`. An existing entry for the key (another job saved it first) is not an error. */
async function saveCacheDir(dir, key) {
    if (!cache.isFeatureAvailable()) {
        core.info("Snapshot cache: GitHub's cache service is not available to this job; the snapshot is not saved.");
        return false;
    }
    try {
        const { value, failed, reserveError } = await softly(() => cache.saveCache([dir], key));
        if (value !== -1)
            core.info(`Snapshot cache: saved the cache entry ${key}.`);
        else if (!failed && reserveError && !/\(409\)|already exists/i.test(reserveError))
            core.warning(`Snapshot cache: not saved, the cache service failed: ${redact(reserveError)}`);
        return value !== -1;
    }
    catch (error) {
        core.warning(`Snapshot cache: not saved: ${redact(error.message)}`);
        return false;
    }
}


/***/ })

};
