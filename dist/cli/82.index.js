import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 82;
export const ids = [82];
export const modules = {

/***/ 3082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BACKUP_USAGE: () => (/* binding */ BACKUP_USAGE),
/* harmony export */   backupCommand: () => (/* binding */ backupCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6738);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9678);
/* harmony import */ var _migrate_pg_dump_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5659);
/* harmony import */ var _migrate_settings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9616);
/* harmony import */ var _postgres_database_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2514);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7593);
// `migrate-guard backup`: a pg_dump (custom format) of one environment's database, after checking that
// the database's stamp is that environment's. Read-only; the same pg_dump choice as `deploy --backup`.








const BACKUP_USAGE = `Usage: migrate-guard backup --environment NAME [--backup-file PATH] [options]

Dumps the environment's database with pg_dump (custom format, restorable with pg_restore) after checking
that the database is stamped as that environment (an unstamped one is dumped with a warning). Changes
nothing. pg_dump must be at least as new as the server. The dump holds the environment's data: keep it
somewhere fit for that (init git-ignores migrate-guard-*.dump).

Options:
  --environment NAME        the environment (one of --environments)
  --database-url URL        the environment's database (default: env DATABASE_URL, e.g. from .env.NAME)
  --backup-file PATH        where the dump goes (default: migrate-guard-NAME-TIME.dump in the working directory)
  --working-directory DIR   the app: where .env.NAME is read from, and the default dump folder (default: .)
  --environments LIST       environment names (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  -h, --help                this help

Exit codes: 0 backup written, 1 refused (another environment's database) or failed, 2 usage error.
`;
async function backupCommand(argv, io) {
    const { values: v } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(argv, {
        environment: { type: "string" },
        "database-url": { type: "string" },
        "backup-file": { type: "string" },
        "working-directory": { type: "string" },
        environments: { type: "string" },
        "production-environments": { type: "string" },
        help: { type: "boolean", short: "h" },
    }, BACKUP_USAGE);
    if (v.help) {
        io.stdout.write(BACKUP_USAGE);
        return 0;
    }
    const policy = {
        known: v.environments ? (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .parseEnvironmentList */ .pI)(v.environments, "environments") : _core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_ENVIRONMENTS */ .p0,
        production: v["production-environments"]
            ? (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .parseEnvironmentList */ .pI)(v["production-environments"], "production-environments")
            : _core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_PRODUCTION_ENVIRONMENTS */ .j2,
    };
    if (!v.environment?.trim())
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j(`No environment. Pass --environment NAME, one of: ${[...new Set([...policy.known, ...policy.production])].join(", ")}.`);
    const environment = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveEnvironment */ .g9)(v.environment, policy);
    const url = (0,_migrate_settings_js__WEBPACK_IMPORTED_MODULE_3__.validateDatabaseUrl)(v["database-url"] ?? process.env.DATABASE_URL);
    const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(v["working-directory"] ?? ".", v["backup-file"] ?? `migrate-guard-${slug}-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
    const secrets = (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .urlSecrets */ .Fn)(url);
    const db = await _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentDatabase */ .DK.connect(url);
    let major;
    try {
        const stamp = await db.readStamp();
        const decision = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_6__/* .compareStamp */ .Vp)(environment, stamp);
        if (decision.kind === "mismatch") {
            io.stdout.write(`✘ backup refused: ${decision.reason}\n`);
            return 1;
        }
        if (decision.kind === "unstamped")
            io.logger.warning(`${(0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_4__/* .describeUrl */ .Ng)(url)} has no environment stamp: nothing confirms it is "${environment.name}" (the first deploy stamps it).`);
        major = await db.serverMajor();
    }
    finally {
        await db.close();
    }
    io.logger.info(`Backing up "${environment.name}" (${(0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_4__/* .describeUrl */ .Ng)(url)}) to ${file}…`);
    const result = await (0,_migrate_pg_dump_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDatabase */ ._h)(url, file, major, (line) => io.logger.debug(`pg_dump: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .redact */ .E)(line, secrets)}`));
    io.stdout.write(`✔ backup of "${environment.name}" written: ${result.file} (${result.bytes} bytes, ${(result.durationMs / 1000).toFixed(1)} s, pg_dump ${result.pgDump})\n`);
    return 0;
}


/***/ })

};
