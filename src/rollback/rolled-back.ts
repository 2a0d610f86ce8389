// `rollback --rolled-back X`: the migrate runner's resolve (same guards, same deployment record, opened
// only right before the change), then — with a GitHub client — the environment's deploy that left X
// failed gets an `inactive` status carrying the reason: the environment's history shows that attempt
// as rolled back, not as still failing.
import type { GitHubClient } from "../github/deployments.js";
import { clipDescription, explainGitHubError } from "../github/deployments.js";
import type { MigrateReport } from "../migrate/report.js";
import { runMigrate, type MigrateDependencies } from "../migrate/run.js";
import type { MigrateSettings } from "../migrate/settings.js";

export interface DeployHistory {
  /**
   * Marks the newest deploy of `migration` in `environment` inactive with `description`; returns its id,
   * undefined when there is none.
   */
  markRolledBack(environment: string, migration: string, description: string): Promise<number | undefined>;
}

export async function runRolledBack(
  settings: MigrateSettings,
  deps: MigrateDependencies & { history?: DeployHistory },
): Promise<MigrateReport & { rolledBackDeployment?: number }> {
  const report: MigrateReport & { rolledBackDeployment?: number } = await runMigrate(settings, deps);
  if (!report.ok || !deps.history || !settings.resolve) return report;
  const who = deps.context?.actor ? ` by ${deps.context.actor}` : "";
  const description = `${settings.resolve.name} rolled back${who}${settings.reason ? `: ${settings.reason}` : ""}`;
  try {
    const id = await deps.history.markRolledBack(settings.environment.name, settings.resolve.name, description);
    if (id !== undefined) {
      report.rolledBackDeployment = id;
      deps.logger.info(`Marked the deploy that left ${settings.resolve.name} failed (GitHub deployment ${id}) inactive: ${description}.`);
    }
  } catch (error) {
    const message = `The migration is marked rolled back, but the earlier deploy's GitHub deployment could not be marked inactive: ${error instanceof Error ? error.message : String(error)}`;
    report.warnings.push(message);
    deps.logger.warning(message);
  }
  return report;
}

/** DeployHistory on GitHub Deployments (task deploy:migrations, payload.migrations as migrate writes it). */
export function githubDeployHistory(octokit: GitHubClient, target: { owner: string; repo: string; logUrl?: string }): DeployHistory {
  return {
    async markRolledBack(environment, migration, description) {
      let list;
      try {
        list = await octokit.rest.repos.listDeployments({
          owner: target.owner,
          repo: target.repo,
          environment,
          task: "deploy:migrations",
          per_page: 100,
        });
      } catch (error) {
        throw explainGitHubError(error, `list the deployments of environment "${environment}"`);
      }
      const deploy = list.data.find((d) => {
        const payload = (typeof d.payload === "object" && d.payload !== null ? d.payload : {}) as {
          command?: string;
          migrations?: { name?: string }[];
        };
        return payload.command === "deploy" && Array.isArray(payload.migrations) && payload.migrations.some((m) => m?.name === migration);
      });
      if (!deploy) return undefined;
      try {
        await octokit.rest.repos.createDeploymentStatus({
          owner: target.owner,
          repo: target.repo,
          deployment_id: deploy.id,
          state: "inactive",
          description: clipDescription(description),
          environment,
          ...(target.logUrl ? { log_url: target.logUrl } : {}),
        });
      } catch (error) {
        throw explainGitHubError(error, `mark deployment ${deploy.id} inactive`);
      }
      return deploy.id;
    },
  };
}
