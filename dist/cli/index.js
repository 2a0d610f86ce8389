import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product's version, reported in SARIF and used in cache keys. Kept in step with package.json. */
const VERSION = "0.1.0";


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

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

/***/ 992:
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

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 6848:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline/promises");

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

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

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

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/cli/help.ts
// The help of every command in one table: `migrate-guard --help` lists the commands from it, and
// `migrate-guard <command> --help` prints the command's usage (exported by its own file) followed by
// examples and the options every command takes. Adding a command: one entry here and one `case` in
// main.ts (test/cli/help.test.ts fails for a `case` without an entry).
const COMMANDS = [
    {
        name: "verify",
        summary: "apply every migration to a throwaway PostgreSQL and run all PR checks",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(323), __nccwpck_require__.e(707), __nccwpck_require__.e(886), __nccwpck_require__.e(860), __nccwpck_require__.e(470)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2470))).VERIFY_USAGE,
        examples: [
            { command: "migrate-guard verify --base-ref origin/main", note: "what the pull request check runs, before you push" },
            { command: "migrate-guard verify --working-directory apps/api --json", note: "a monorepo package, as JSON" },
            {
                command: "migrate-guard verify --base-ref origin/main --markdown report.md",
                note: "also write the PR comment's Markdown (schema change diagram included)",
            },
        ],
    },
    {
        name: "lint",
        summary: "check migrations for destructive and locking hazards (no database needed)",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(323), __nccwpck_require__.e(860), __nccwpck_require__.e(748)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8748))).LINT_USAGE,
        examples: [
            { command: "migrate-guard lint --base-ref origin/main", note: "lint the migrations new on this branch" },
            { command: "migrate-guard lint prisma/migrations/20250101000000_add_index/migration.sql", note: "lint one file" },
        ],
    },
    {
        name: "status",
        summary: "show an environment's migrations (applied, pending, failed, edited after apply)",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(178)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5178))).STATUS_USAGE,
        examples: [
            { command: "migrate-guard status --environment staging", note: "DATABASE_URL from .env.staging or the environment" },
            { command: "migrate-guard status --environment production --json", note: "as one JSON document" },
        ],
    },
    {
        name: "deploy",
        summary: "apply an environment's pending migrations (prisma migrate deploy, with guards)",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(827)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5827))).DEPLOY_USAGE,
        examples: [
            { command: "migrate-guard deploy --environment staging", note: "the first deploy stamps the database as staging" },
            { command: "migrate-guard deploy --environment production --confirm production --backup", note: "typed confirmation, pg_dump first" },
        ],
    },
    {
        name: "resolve",
        summary: "mark an environment's failed migration --rolled-back or --applied",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(638)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1638))).RESOLVE_USAGE,
        examples: [
            {
                command: "migrate-guard resolve --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts",
                note: "after a failed migration whose changes did not stay",
            },
        ],
    },
    {
        name: "rollback",
        summary: "mark a failed migration rolled back, or write a new migration that reverts an applied one",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(707), __nccwpck_require__.e(886), __nccwpck_require__.e(467)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7467))).ROLLBACK_USAGE,
        examples: [
            { command: "migrate-guard rollback --environment staging", note: "at a terminal: pick the migration, type its name" },
            {
                command: "migrate-guard rollback --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts",
                note: "a failed migration",
            },
            {
                command: "migrate-guard rollback --environment production --revert 20250102000000_add_posts --confirm 20250102000000_add_posts --allow-data-loss",
                note: "writes prisma/migrations/<now>_revert_20250102000000_add_posts",
            },
        ],
    },
    {
        name: "gate",
        summary: "may staging's migrations go to production? pass, wait (time left) or block, after the soak",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(250)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8250))).GATE_USAGE,
        examples: [
            { command: "migrate-guard gate --soak-hours 24", note: "URLs from STAGING_DATABASE_URL / PRODUCTION_DATABASE_URL" },
            { command: "migrate-guard gate --json", note: "{ decision, remainingSeconds, earliestPassAt, reasons, migrations }" },
        ],
    },
    {
        name: "test-data",
        summary: "run the app's test-data script on a staging or local database (never production)",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(619)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9619))).TEST_DATA_USAGE,
        examples: [
            {
                command: 'migrate-guard test-data create --environment staging --command "npm run test-data:create"',
                note: "on the database stamped staging",
            },
            {
                command: 'migrate-guard test-data cleanup --environment staging --command "npm run test-data:cleanup" --confirm DELETE',
                note: "cleanup, confirmed without a terminal",
            },
            {
                command: 'migrate-guard test-data create --environment local --stamp --command "npx prisma db seed"',
                note: "stamp an unstamped local database first",
            },
        ],
    },
    {
        name: "init",
        summary: "add the db:* npm scripts, env files and caller workflows to an app",
        usage: async () => (await __nccwpck_require__.e(/* import() */ 726).then(__nccwpck_require__.bind(__nccwpck_require__, 8726))).INIT_USAGE,
        examples: [
            { command: "migrate-guard init --dry-run", note: "show what would change" },
            { command: "migrate-guard init --working-directory apps/api", note: "a monorepo package" },
        ],
    },
    {
        name: "backup",
        summary: "pg_dump an environment's database (after checking its stamp)",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(82)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3082))).BACKUP_USAGE,
        examples: [
            { command: "migrate-guard backup --environment production", note: "DATABASE_URL from .env.production or the environment" },
            { command: "migrate-guard backup --environment staging --backup-file /secure/staging.dump", note: "to a chosen file" },
        ],
    },
    {
        name: "stats",
        summary: "write an environment's table sizes (rows, bytes) for size-aware lint and verify",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(66)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1066))).STATS_USAGE,
        examples: [
            {
                command: "migrate-guard stats --environment production --output stats.json",
                note: "DATABASE_URL from .env.production or the environment",
            },
            { command: "migrate-guard lint --base-ref origin/main --stats stats.json", note: "raise lock hazards on tables of ≥ 1 M rows" },
        ],
    },
    {
        name: "local",
        summary: "a local development PostgreSQL (no Docker) and commands run against it",
        usage: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(707), __nccwpck_require__.e(675)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5096))).LOCAL_USAGE,
        examples: [
            { command: "migrate-guard local start", note: "start it (data kept in .migrate-guard/postgres)" },
            { command: "migrate-guard local exec -- prisma migrate dev", note: "Prisma's dev workflow against the local database only" },
            { command: "migrate-guard local stop", note: "stop it (the data stays)" },
        ],
    },
];
const GLOBAL_OPTIONS = `Every command also takes:
  --env-file FILE           read NAME=value lines into the environment (repeatable; a later file wins)
  --verbose                 debug output (or MIGRATE_GUARD_DEBUG=1)
With --environment NAME, .env.NAME in the working directory is read too, if it exists.
Precedence: flags > --env-file files > .env.NAME > the shell's environment. Values are never printed.`;
function findCommand(name) {
    return COMMANDS.find((c) => c.name === name);
}
/** `migrate-guard <command> --help`. */
async function commandHelp(help) {
    const usage = await help.usage();
    const width = Math.max(...help.examples.map((e) => e.command.length));
    const examples = help.examples
        .map((e) => (width <= 72 ? `  ${e.command.padEnd(width)}  # ${e.note}` : `  # ${e.note}\n  ${e.command}`))
        .join("\n");
    return `${usage.trimEnd()}\n\nExamples:\n${examples}\n\n${GLOBAL_OPTIONS}\n`;
}
/** `migrate-guard --help`. */
function mainUsage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
    return `migrate-guard — carry Prisma + PostgreSQL migrations safely from a pull request to production

Usage: migrate-guard <command> [options]

Commands:
${list}

Run \`migrate-guard <command> --help\` for a command's options and examples;
\`migrate-guard --version\` (-V) prints the version.

${GLOBAL_OPTIONS}
`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/env-files.ts
// Env files for every command, so an app needs no dotenv of its own: `--env-file FILE` (repeatable)
// and, when a command names `--environment NAME`, `.env.NAME` in the working directory if it exists.
//
// Precedence (highest first): explicit flags (--database-url …) > --env-file files, a later one over an
// earlier one (as with node --env-file) > the automatic .env.NAME > the process environment. Files win over the shell on purpose: a
// DATABASE_URL left exported for another database must not silently redirect a command that names
// its environment; when a file overrides a set variable, a warning names the variable (never a value).
// Node's util.parseEnv (Node ≥ 20.12) parses the files: no dependency in the bundle.




/** Variables env files may not set: the identity of the run (actor, commit, token, runner). */
const RUNNER_IDENTITY = /^(GITHUB_|RUNNER_|ACTIONS_)|^CI$/;
/** The value of `--flag VALUE` or `--flag=VALUE` (the last one given), without parsing anything else. */
function peekFlag(argv, flag) {
    let value;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--")
            break;
        if (arg === flag && i + 1 < argv.length)
            value = argv[++i];
        else if (arg.startsWith(`${flag}=`))
            value = arg.slice(flag.length + 1);
    }
    return value;
}
/** Splits the --env-file flags off argv. */
function extractEnvFiles(argv) {
    const rest = [];
    const files = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--") {
            rest.push(...argv.slice(i));
            break;
        }
        if (arg === "--env-file") {
            const file = argv[i + 1];
            if (file === undefined || file.startsWith("--"))
                throw new errors/* ConfigurationError */.j("--env-file needs a file name, e.g. --env-file .env.staging.");
            files.push(file);
            i++;
        }
        else if (arg.startsWith("--env-file=")) {
            files.push(arg.slice("--env-file=".length));
        }
        else {
            rest.push(arg);
        }
    }
    return { argv: rest, files };
}
/** `.env.NAME` for an environment name: lower case, anything but [a-z0-9_-] as "-". */
function environmentEnvFile(environment) {
    const slug = environment
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return `.env.${slug || "environment"}`;
}
function readEnvFile(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, "utf8");
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`Could not read env file ${file}: ${error.code ?? error.message}. Expected a file of NAME=value lines.`);
    }
    const parsed = (0,external_node_util_.parseEnv)(text);
    return Object.fromEntries(Object.entries(parsed).filter((e) => e[1] !== undefined));
}
/**
 * Reads the env files the arguments ask for into `env` (process.env by default) and returns argv
 * without the --env-file flags. Explicit files that do not exist are an error; a missing automatic
 * .env.NAME is not.
 */
function loadEnvFiles(argv, options = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    const { argv: rest, files } = extractEnvFiles(argv);
    const candidates = [...files].reverse().map((f) => ({ file: external_node_path_default().resolve(cwd, f), shown: f, explicit: true }));
    const environment = peekFlag(rest, "--environment");
    if (environment !== undefined && environment.trim() !== "") {
        const workingDirectory = peekFlag(rest, "--working-directory") ?? ".";
        const name = environmentEnvFile(environment);
        const file = external_node_path_default().resolve(cwd, workingDirectory, name);
        candidates.push({ file, shown: external_node_path_default().join(workingDirectory, name), explicit: false });
    }
    const loaded = [];
    const setByFile = new Set();
    for (const candidate of candidates) {
        if (!candidate.explicit && !(0,external_node_fs_.existsSync)(candidate.file))
            continue;
        if (candidate.explicit && !(0,external_node_fs_.existsSync)(candidate.file)) {
            throw new errors/* ConfigurationError */.j(`--env-file ${candidate.shown}: no such file (looked at ${candidate.file}). Expected a file of NAME=value lines, e.g. .env.staging.`);
        }
        if (loaded.some((l) => l.file === candidate.file))
            continue;
        const values = readEnvFile(candidate.file);
        const names = [];
        for (const [name, value] of Object.entries(values)) {
            // An earlier (higher-precedence) file already set it.
            if (setByFile.has(name))
                continue;
            if (RUNNER_IDENTITY.test(name)) {
                // Who runs, on which commit, with which token: the runner's to say, never a file in the
                // repository (a committed GITHUB_TRIGGERING_ACTOR would pass an override allowlist).
                options.logger?.warning(`${candidate.shown} sets ${name}; ignored: GITHUB_*, RUNNER_*, ACTIONS_* and CI come from the runner or the shell only.`);
                continue;
            }
            if (env[name] !== undefined && env[name] !== value) {
                options.logger?.warning(`${candidate.shown} sets ${name}, overriding the value in the environment (env files take precedence over the shell; pass the flag to override both).`);
            }
            env[name] = value;
            setByFile.add(name);
            names.push(name);
        }
        loaded.push({ file: candidate.file, names });
        options.logger?.info(`Loaded ${candidate.shown}${names.length ? ` (${names.join(", ")})` : " (no variables)"}.`);
    }
    return { argv: rest, loaded };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/cli/main.ts
// The migrate-guard CLI: declares commands, maps errors to exit codes (0 ok, 1 a check failed,
// 2 usage/configuration error). Each command lives in its own file.




// Each command's module (and all it imports: pg, Prisma, the parser…) is loaded only when that
// command runs: a start-up that compiles and evaluates every command costs more than `lint FILE` itself.
// The command list comes from the help table (src/cli/help.ts): a new command adds its entry there.
const USAGE = mainUsage();
function stderrLogger(verbose) {
    const write = (s) => process.stderr.write((0,errors/* redact */.E)(s) + "\n");
    return {
        info: write,
        warning: (m) => write(`warning: ${m}`),
        error: (m) => write(`error: ${m}`),
        debug: (m) => {
            if (verbose)
                write(m);
        },
    };
}
async function main(argv) {
    const [command, ...rest] = argv;
    const logger = stderrLogger(Boolean(process.env.MIGRATE_GUARD_DEBUG) || rest.includes("--verbose"));
    const filtered = rest.filter((a) => a !== "--verbose");
    try {
        // `<command> --help` (before any "--"): the command's usage, examples and the common options.
        const help = command ? findCommand(command) : undefined;
        const beforeSeparator = filtered.indexOf("--") < 0 ? filtered : filtered.slice(0, filtered.indexOf("--"));
        if (help && (beforeSeparator.includes("--help") || beforeSeparator.includes("-h"))) {
            process.stdout.write(await commandHelp(help));
            return 0;
        }
        // --env-file FILE and the automatic .env.<environment>, before any command reads process.env.
        const args = loadEnvFiles(filtered, { logger }).argv;
        switch (command) {
            case "verify":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(323), __nccwpck_require__.e(707), __nccwpck_require__.e(886), __nccwpck_require__.e(860), __nccwpck_require__.e(470)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2470))).verifyCommand(args, {
                    stdout: process.stdout,
                    logger,
                    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
                });
            case "lint":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(323), __nccwpck_require__.e(860), __nccwpck_require__.e(748)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8748))).lintCommand(args, {
                    stdout: process.stdout,
                    logger,
                    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
                });
            case "status":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(178)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5178))).statusCommand(args, { stdout: process.stdout, logger });
            case "deploy":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(827)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5827))).deployCommand(args, { stdout: process.stdout, logger });
            case "resolve":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(638)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1638))).resolveCommand(args, { stdout: process.stdout, logger });
            case "rollback":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(37), __nccwpck_require__.e(707), __nccwpck_require__.e(886), __nccwpck_require__.e(467)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7467))).rollbackCommand(args, { stdout: process.stdout, logger });
            case "test-data":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(619)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9619))).testDataCommand(args, { stdout: process.stdout, logger });
            case "init":
                return await (await __nccwpck_require__.e(/* import() */ 726).then(__nccwpck_require__.bind(__nccwpck_require__, 8726))).initCommand(args, { stdout: process.stdout, logger });
            case "local":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(610), __nccwpck_require__.e(707), __nccwpck_require__.e(675)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5096))).localCommand(args, { stdout: process.stdout, logger });
            case "backup":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(354), __nccwpck_require__.e(82)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3082))).backupCommand(args, { stdout: process.stdout, logger });
            case "gate":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(250)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8250))).gateCommand(args, { stdout: process.stdout, logger });
            case "stats":
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(66)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1066))).statsCommand(args, { stdout: process.stdout, logger });
            case "dev":
            case "reset":
            case "push":
            case "db-push":
            case "execute":
            case "db-execute":
                return (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(257), __nccwpck_require__.e(616)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9616))).refuseDangerousCommand(command);
            case "-V":
            case "--version":
                process.stdout.write(`${version/* VERSION */.x}\n`);
                return 0;
            case undefined:
            case "-h":
            case "--help":
            case "help":
                process.stdout.write(USAGE);
                return command === undefined ? 2 : 0;
            default:
                throw new errors/* ConfigurationError */.j(`Unknown command "${command}".\n\n${USAGE}`);
        }
    }
    catch (error) {
        const configuration = error instanceof errors/* ConfigurationError */.j;
        const message = (0,errors/* redact */.E)(error instanceof Error ? error.message : String(error));
        process.stderr.write(`migrate-guard: ${message}\n`);
        if (!configuration && process.env.MIGRATE_GUARD_DEBUG)
            process.stderr.write((0,errors/* redact */.E)(error.stack ?? "") + "\n");
        // --json always prints a document: a command stopped before its own says why, on stdout too.
        if (wantsJson(filtered))
            process.stdout.write(`${JSON.stringify(errorDocument(configuration, message), null, 2)}\n`);
        return configuration ? 2 : 1;
    }
}
function wantsJson(args) {
    const end = args.indexOf("--");
    return (end < 0 ? args : args.slice(0, end)).includes("--json");
}
/** The document of a command that stopped before it could report: exit 2 bad input, 1 anything else. */
function errorDocument(configuration, message) {
    return { ok: false, error: { kind: configuration ? "configuration" : "internal", message, exitCode: configuration ? 2 : 1 } };
}

;// CONCATENATED MODULE: ./src/cli/index.ts

main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});

