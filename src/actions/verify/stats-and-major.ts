// The verify action's stats file and production's PostgreSQL major, from its inputs: the file is read
// once (table sizes for lint; its "server" for postgres-version production/auto), then the newest
// deploy's record when nothing else names production's major.
import type { ActionsContext } from "../../github/context.js";
import type { Logger } from "../../core/logger.js";
import type { SizeRisk } from "../../lint/stats.js";
import { productionMajor } from "../../postgres/production-major.js";
import { readSizeRisk } from "../../stats/stats-file.js";
import type { VerifyActionSettings } from "./inputs.js";

export async function statsAndProductionMajor(
  context: ActionsContext,
  settings: VerifyActionSettings,
  logger: Logger,
): Promise<{ sizeRisk?: SizeRisk; production?: number }> {
  const { stats, githubToken } = settings;
  const sizeRisk = stats ? await readSizeRisk(stats) : undefined;
  const production = await productionMajor({
    ...(settings.postgresVersion ? { postgresVersion: settings.postgresVersion } : {}),
    ...(settings.productionPostgresVersion ? { explicit: settings.productionPostgresVersion } : {}),
    ...(stats && sizeRisk ? { stats: { file: stats.file, document: sizeRisk.stats } } : {}),
    ...(githubToken
      ? {
          fromDeployments: async () => {
            const { majorFromProductionDeploys } = await import("./production-deploy.js");
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
