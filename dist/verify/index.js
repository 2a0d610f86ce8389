import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7668:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   hB: () => (/* binding */ runnerLogger),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
// The few runner commands an action entry needs before its bundle is loaded: read an input, mask a
// secret, fail the step. @actions/core's index loads its HTTP client (undici) at import, ~100 ms of a
// cold start spent before the first input can be read; these are the documented workflow-command
// forms it writes (https://docs.github.com/actions/reference/workflow-commands-for-github-actions),
// so an entry validates its inputs at once and loads the rest while it starts working.

/** `core.getInput` without options: INPUT_<NAME> (spaces as underscores, upper case), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
// As @actions/core's command.ts escapes a command's data.
function escapeData(value) {
    return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
/** `core.setSecret`: the runner masks `value` in every later log line. */
function setSecret(value) {
    process.stdout.write(`::add-mask::${escapeData(value)}\n`);
}
/** `core.setFailed` for an error that happens before the bundle is loaded. */
function failStep(error) {
    const message = error instanceof Error ? error.message : String(error);
    process.exitCode = 1;
    process.stdout.write(`::error::${escapeData((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(message))}\n`);
    if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j) && error instanceof Error && error.stack && process.env.RUNNER_DEBUG === "1") {
        process.stdout.write(`::debug::${escapeData((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(error.stack))}\n`);
    }
}
/** Boolean inputs the way GitHub documents them (true/false, any case); anything else is a mistake. */
function booleanInput(name, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === "")
        return fallback;
    if (v === "true")
        return true;
    if (v === "false")
        return false;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`Input "${name}" is "${value}". Expected true or false.`);
}
/** The Logger of action-runtime.ts (`actionsLogger`) in the same workflow commands, without @actions/core. */
const runnerLogger = {
    info: (message) => void process.stdout.write(`${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(message)}\n`),
    warning: (message) => void process.stdout.write(`::warning::${escapeData((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(message))}\n`),
    error: (message) => void process.stdout.write(`::error::${escapeData((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(message))}\n`),
    debug: (message) => void process.stdout.write(`::debug::${escapeData((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(message))}\n`),
};


/***/ }),

/***/ 6544:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZB: () => (/* binding */ remoteCacheKeys),
/* harmony export */   pU: () => (/* binding */ builtInCacheDir)
/* harmony export */ });
/* unused harmony export folderId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Where the verify action keeps the snapshot cache directory between jobs (GitHub's cache service,
// see src/actions/verify/remote-cache.ts) and under which keys. Pure: no @actions imports.
//
// An entry holds the whole cache directory (up to MAX_SNAPSHOTS snapshots and Node's compile cache),
// keyed by the snapshot this run looked for. Every part of the key that decides whether a snapshot can
// be used at all (OS, architecture, PostgreSQL major, Prisma major, migrate-guard version, the app's
// folder) is also in the restore key, so that a fallback only ever brings a directory that may hold a
// usable snapshot: a pull request whose exact key is not stored yet gets the latest entry its scope can
// read (its own branch first, then its base branch), which holds the base branch's last snapshots.



/** GitHub's limit is 512 characters and no commas; the parts here stay far below it. */
const clean = (part) => part.replace(/[^A-Za-z0-9._-]/g, "_");
/** A short, stable id of the app's folder: apps of one repository never share entries. */
function folderId(workingDirectory) {
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.normalize(workingDirectory.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join("/")).replace(/\/+$/, "") || ".";
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(normalized).digest("hex").slice(0, 8);
}
function remoteCacheKeys(parts) {
    const scope = [
        "migrate-guard-snapshots",
        clean(parts.platform ?? process.platform),
        clean(parts.arch ?? process.arch),
        `pg${parts.postgresMajor}`,
        `prisma${parts.prismaMajor}`,
        `v${clean(parts.productVersion)}`,
        folderId(parts.workingDirectory),
    ].join("-");
    return { key: `${scope}-${clean(parts.snapshotKey)}`, restoreKeys: [`${scope}-`] };
}
/**
 * The directory the built-in cache restores into and saves from: under the runner's temp folder
 * (emptied after every job, so nothing of another repository or job is ever uploaded), one per app
 * folder. The path is part of the cache entry's version: it must be the same when saving and restoring.
 */
function builtInCacheDir(workingDirectory, env = process.env) {
    const temp = env.RUNNER_TEMP && node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(env.RUNNER_TEMP) ? env.RUNNER_TEMP : node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir();
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(temp, "migrate-guard-snapshots", folderId(workingDirectory));
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact),
/* harmony export */   j: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * A mistake in the user's input or project set-up (bad flag, missing file, unsupported Prisma).
 * Reported with exit code 2 and without a stack trace; the message names the bad value and the
 * expected form.
 */
class ConfigurationError extends Error {
    name = "ConfigurationError";
}
/** Remove credentials from anything that may reach a log: URLs with passwords, tokens. */
function redact(text, secrets = []) {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4)
            out = out.split(secret).join("***");
    }
    // Any remaining URL userinfo (postgres://user:pass@host) is masked too. Greedy up to the last "@"
    // before the host, as URL parsers (and so node-postgres) split it: a password may contain "@".
    return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, "$1***@");
}


/***/ }),

/***/ 7886:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ statsInputs)
/* harmony export */ });
/* unused harmony export rowThreshold */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4296);
// The stats file options of lint and verify (CLI and actions): which file, and the row thresholds.
// Light on purpose: the verify action's entry reads its inputs before the bundle loads.


/** A row-count threshold option: a positive whole number (underscores allowed: 1_000_000). */
function rowThreshold(value, name) {
    if (value === undefined || value.trim() === "")
        return undefined;
    const n = Number(value.trim().replace(/_/g, ""));
    if (!Number.isInteger(n) || n <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`Invalid ${name} "${value}". Expected a positive whole number of rows, e.g. 1000000.`);
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
        file: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(process.env.GITHUB_WORKSPACE ?? ".", file),
        ...(raiseRows !== undefined ? { raiseRows } : {}),
        ...(hugeRows !== undefined ? { hugeRows } : {}),
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 1376:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/github/context.ts
// What verify needs from the Actions environment. Unlike @actions/github's `context` (read once at
// import time from process.env) this is a pure function of its inputs, so tests pass plain objects.

function readActionsContext(env = process.env, readFile = (path) => (0,external_node_fs_.readFileSync)(path, "utf8")) {
    const context = {};
    const repository = parseRepository(env.GITHUB_REPOSITORY);
    if (repository)
        context.repository = repository;
    context_assign(context, "eventName", nonEmpty(env.GITHUB_EVENT_NAME));
    context_assign(context, "sha", nonEmpty(env.GITHUB_SHA));
    const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, "");
    context_assign(context, "serverUrl", serverUrl);
    context_assign(context, "apiUrl", nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ""));
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    context_assign(context, "runId", runId);
    if (serverUrl && repository && runId) {
        const attempt = Number(env.GITHUB_RUN_ATTEMPT);
        // Link the attempt that produced this report, not whichever attempt is latest when clicked.
        const attemptPath = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : "";
        context.runUrl = `${serverUrl}/${repository.fullName}/actions/runs/${runId}${attemptPath}`;
    }
    const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
    if (eventPath) {
        let payload;
        try {
            payload = JSON.parse(readFile(eventPath));
        }
        catch (error) {
            context.eventPayloadError = `cannot read the event payload at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`;
        }
        const pullRequest = payload === undefined ? undefined : pullRequestOf(payload);
        if (pullRequest)
            context.pullRequest = pullRequest;
    }
    return context;
}
function pullRequestOf(payload) {
    if (!isObject(payload))
        return undefined;
    const pr = payload.pull_request;
    if (isObject(pr) && isPositiveInteger(pr.number)) {
        const base = isObject(pr.base) ? pr.base : {};
        const head = isObject(pr.head) ? pr.head : {};
        const result = { number: pr.number };
        context_assign(result, "baseSha", stringOrUndefined(base.sha));
        context_assign(result, "headSha", stringOrUndefined(head.sha));
        context_assign(result, "baseRef", stringOrUndefined(base.ref));
        context_assign(result, "headRef", stringOrUndefined(head.ref));
        const baseRepo = isObject(base.repo) ? stringOrUndefined(base.repo.full_name) : undefined;
        const headRepo = isObject(head.repo) ? stringOrUndefined(head.repo.full_name) : undefined;
        if (baseRepo && headRepo)
            result.fromFork = baseRepo.toLowerCase() !== headRepo.toLowerCase();
        return result;
    }
    // issue_comment on a pull request: only the number is in the payload.
    const issue = payload.issue;
    if (isObject(issue) && isObject(issue.pull_request) && isPositiveInteger(issue.number))
        return { number: issue.number };
    return undefined;
}
function parseRepository(value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? "");
    if (!match)
        return undefined;
    return { owner: match[1], repo: match[2], fullName: `${match[1]}/${match[2]}` };
}
// Leave the key out rather than set it to undefined, so the object serialises and compares cleanly.
function context_assign(target, key, value) {
    if (value !== undefined)
        target[key] = value;
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
function stringOrUndefined(value) {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === "number" && Number.isInteger(value) && value > 0;
}

// EXTERNAL MODULE: ./src/actions/action-start.ts
var action_start = __nccwpck_require__(7668);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/cache/remote-key.ts
var remote_key = __nccwpck_require__(6544);
// EXTERNAL MODULE: ./src/stats/inputs.ts
var inputs = __nccwpck_require__(7886);
;// CONCATENATED MODULE: ./src/actions/verify/inputs.ts
// Every input of the verify action, read and validated in one place. Loaded by the action's small
// entry before the rest of the bundle: nothing here may import @actions/core (see action-start.ts).






function readInputs(context, getInput = action_start/* getInput */.V4) {
    const text = (name) => getInput(name).trim() || undefined;
    const slow = text("slow-migration-seconds") ?? "30";
    const slowMigrationSeconds = Number(slow);
    if (!Number.isFinite(slowMigrationSeconds) || slowMigrationSeconds <= 0) {
        throw new errors/* ConfigurationError */.j(`Input "slow-migration-seconds" is "${slow}". Expected a positive number of seconds, e.g. 30.`);
    }
    const databaseUrl = text("database-url");
    if (databaseUrl)
        (0,action_start/* setSecret */.Pq)(databaseUrl);
    const githubToken = text("github-token");
    if (githubToken)
        (0,action_start/* setSecret */.Pq)(githubToken);
    const generic = text("generic-names");
    const baseRef = text("base-ref") ?? context.pullRequest?.baseSha;
    const schema = text("schema");
    const postgresVersion = text("postgres-version");
    if (postgresVersion && !/^(production|auto|\d+(\.\d+)*)$/i.test(postgresVersion)) {
        throw new errors/* ConfigurationError */.j(`Input "postgres-version" is "${postgresVersion}". Expected a major such as "16" (13–18 are fetched when not installed), "production" or "auto".`);
    }
    const productionPostgresVersion = text("production-postgres-version");
    if (productionPostgresVersion && !/^\d+(\.\d+)*$/.test(productionPostgresVersion)) {
        throw new errors/* ConfigurationError */.j(`Input "production-postgres-version" is "${productionPostgresVersion}". Expected production's PostgreSQL major, e.g. "16".`);
    }
    const productionEnvironment = text("production-environment");
    const sarifFile = text("sarif-file");
    // Relative to the workspace, like every path input; empty: the built-in cache (unless `cache: false`).
    const cacheDir = text("cache-dir");
    const builtIn = (0,action_start/* booleanInput */.tE)("cache", getInput("cache"), true) && !cacheDir && !databaseUrl;
    const workingDirectory = text("working-directory") ?? ".";
    // Checked here, before the bundle loads, so that a wrong path fails in milliseconds.
    const absolute = external_node_path_default().resolve(process.env.GITHUB_WORKSPACE ?? ".", workingDirectory);
    if (!(0,external_node_fs_.existsSync)(absolute) || !(0,external_node_fs_.statSync)(absolute).isDirectory()) {
        throw new errors/* ConfigurationError */.j(`Input "working-directory" is "${workingDirectory}", which does not exist in the workspace. Expected the folder that holds your Prisma project (package.json, prisma/), relative to the repository root.`);
    }
    const stats = (0,inputs/* statsInputs */.z)(text);
    return {
        workingDirectory,
        ...(stats ? { stats } : {}),
        ...(schema ? { schema } : {}),
        ...(baseRef ? { baseRef } : {}),
        ...(databaseUrl ? { databaseUrl } : {}),
        ...(postgresVersion ? { postgresVersion } : {}),
        ...(productionPostgresVersion ? { productionPostgresVersion } : {}),
        ...(productionEnvironment ? { productionEnvironment } : {}),
        slowMigrationSeconds,
        ...(generic
            ? {
                genericNames: generic
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean),
            }
            : {}),
        comment: (0,action_start/* booleanInput */.tE)("comment", getInput("comment"), false),
        ...(githubToken ? { githubToken } : {}),
        ...(sarifFile ? { sarifFile } : {}),
        cacheDir: cacheDir ? external_node_path_default().resolve(process.env.GITHUB_WORKSPACE ?? ".", cacheDir) : builtIn ? (0,remote_key/* builtInCacheDir */.pU)(workingDirectory) : false,
        cacheService: builtIn,
    };
}

;// CONCATENATED MODULE: ./src/actions/verify/main.ts
// The verify action's entry. Small on purpose: it reads and validates the inputs without loading
// @actions/core's HTTP client or the rest of the bundle, so a bad input fails at once; the bundle
// (run.ts, a separate chunk) starts loading at the same moment and does the work.



const work = Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(156)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5156));
work.catch(() => { }); // reported below, once the inputs are known to be good
void (async () => {
    let ready;
    try {
        const context = readActionsContext();
        ready = { context, settings: readInputs(context) };
    }
    catch (error) {
        (0,action_start/* failStep */.vy)(error);
        // Not waiting for the bundle that is still loading: nothing of it is needed any more.
        process.exit(1);
    }
    try {
        const { run } = await work;
        await run(ready.context, ready.settings);
    }
    catch (error) {
        (0,action_start/* failStep */.vy)(error);
    }
})();

