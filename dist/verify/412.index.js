import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 412;
export const ids = [412];
export const modules = {

/***/ 3412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   majorFromProductionDeploys: () => (/* binding */ majorFromProductionDeploys)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _core_postgres_major_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5584);
// postgres-version: production in the verify action, with neither production-postgres-version nor a
// stats file: the major the newest migrate-guard deploy to the production environment recorded in its
// GitHub deployment (the job's token needs `deployments: read`). Never fails verify: when GitHub cannot
// be read the major stays unknown and the report says so.


async function majorFromProductionDeploys(params) {
    const { context, environment, logger } = params;
    if (!context.repository)
        return undefined;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit)(params.token, context.apiUrl ? { baseUrl: context.apiUrl } : {});
    try {
        // The newest page is enough: every migrate-guard deploy records the major.
        const { data } = await octokit.rest.repos.listDeployments({
            owner: context.repository.owner,
            repo: context.repository.repo,
            environment,
            task: "deploy:migrations",
            per_page: 30,
        });
        const major = (0,_core_postgres_major_js__WEBPACK_IMPORTED_MODULE_1__/* .majorFromDeployPayloads */ .I)(data);
        if (major !== undefined)
            logger.info(`postgres-version production: the newest deploy to "${environment}" ran on PostgreSQL ${major}.`);
        return major;
    }
    catch (error) {
        const e = error;
        logger.warning(`postgres-version production: could not read the deployments of "${environment}" (${e.status ?? ""} ${(e.message ?? String(error)).split("\n")[0]}); the job's token needs \`deployments: read\`.`);
        return undefined;
    }
}


/***/ })

};
