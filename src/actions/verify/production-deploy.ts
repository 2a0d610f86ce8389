// postgres-version: production in the verify action, with neither production-postgres-version nor a
// stats file: the major the newest migrate-guard deploy to the production environment recorded in its
// GitHub deployment (the job's token needs `deployments: read`). Never fails verify: when GitHub cannot
// be read the major stays unknown and the report says so.
import { getOctokit } from "@actions/github";
import type { Logger } from "../../core/logger.js";
import { majorFromDeployPayloads } from "../../core/postgres-major.js";
import type { ActionsContext } from "../../github/context.js";

export async function majorFromProductionDeploys(params: {
  token: string;
  context: ActionsContext;
  environment: string;
  logger: Logger;
}): Promise<number | undefined> {
  const { context, environment, logger } = params;
  if (!context.repository) return undefined;
  const octokit = getOctokit(params.token, context.apiUrl ? { baseUrl: context.apiUrl } : {});
  try {
    // The newest page is enough: every migrate-guard deploy records the major.
    const { data } = await octokit.rest.repos.listDeployments({
      owner: context.repository.owner,
      repo: context.repository.repo,
      environment,
      task: "deploy:migrations",
      per_page: 30,
    });
    const major = majorFromDeployPayloads(data);
    if (major !== undefined) logger.info(`postgres-version production: the newest deploy to "${environment}" ran on PostgreSQL ${major}.`);
    return major;
  } catch (error) {
    const e = error as { status?: number; message?: string };
    logger.warning(
      `postgres-version production: could not read the deployments of "${environment}" (${e.status ?? ""} ${(e.message ?? String(error)).split("\n")[0]}); the job's token needs \`deployments: read\`.`,
    );
    return undefined;
  }
}
