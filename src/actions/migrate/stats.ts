// After a successful production deploy: the environment's table sizes (what `migrate-guard stats`
// writes), for the workflow to upload as an artifact that pull requests' lint and verify download.
// A failure here is a warning: the deploy itself succeeded.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../core/logger.js";
import type { MigrateSettings } from "../../migrate/settings.js";
import { readTableStats } from "../../stats/table-stats.js";

/** Writes the stats document to `file`; returns its path, or "" when it could not be read. */
export async function writeStatsAfterDeploy(settings: MigrateSettings, file: string, logger: Logger): Promise<string> {
  try {
    const outcome = await readTableStats(settings.databaseUrl, settings.environment.name);
    if (outcome.kind === "refused") {
      logger.warning(`Table sizes not written: ${outcome.reason}`);
      return "";
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(outcome.document, null, 2) + "\n");
    logger.info(`Table sizes of ${outcome.document.tables.length} table(s) written to ${file} (for lint and verify --stats).`);
    return file;
  } catch (error) {
    logger.warning(`Table sizes not written: ${(error as Error).message.split("\n")[0]}`);
    return "";
  }
}
