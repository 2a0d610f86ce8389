// Production's PostgreSQL major, for `postgres-version: production` and `auto`: an explicit
// `production-postgres-version`, else the `server` of the stats file (the document lint's sizes come
// from, parsed once by src/stats/stats-file.ts), else — the action only — the newest deploy's record.
// Asked only when postgres-version asks for production's major: a stats file given for its table sizes
// alone never stops verify.
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { majorOf } from "../core/postgres-major.js";
import type { StatsDocument } from "../lint/stats.js";

export { majorOf };

/** "production" or "auto" when postgres-version asks for production's major; undefined otherwise. */
export function productionKeyword(postgresVersion: string | undefined): "production" | "auto" | undefined {
  const keyword = postgresVersion?.trim().toLowerCase();
  return keyword === "production" || keyword === "auto" ? keyword : undefined;
}

export interface ProductionMajorInputs {
  /** postgres-version as given: only "production" and "auto" need production's major. */
  postgresVersion?: string;
  /** production-postgres-version: wins over everything else. */
  explicit?: string;
  /** The stats file already read (its path, for messages). */
  stats?: { file: string; document: StatsDocument };
  /** The action's last resort: the major the newest deploy to production recorded. */
  fromDeployments?: () => Promise<number | undefined>;
  logger?: Logger;
}

/**
 * Production's major, or undefined when postgres-version does not ask for it or nothing names it
 * (then the server is the highest installed and the report says why). A bad production-postgres-version
 * is bad input wherever it is given. With `production`, a stats file whose `server` names no major is
 * refused (exit 2) unless another source names it; with `auto`, it is a warning and the fallback.
 */
export async function productionMajor(inputs: ProductionMajorInputs): Promise<number | undefined> {
  const explicit = inputs.explicit?.trim();
  let major: number | undefined;
  if (explicit) {
    major = majorOf(explicit);
    if (major === undefined)
      throw new ConfigurationError(`production-postgres-version "${explicit}" is not a PostgreSQL version; expected a major such as "16".`);
  }
  const keyword = productionKeyword(inputs.postgresVersion);
  if (!keyword) return undefined;
  if (major !== undefined) return major;
  const stats = inputs.stats;
  if (stats?.document.major !== undefined) return stats.document.major;
  major = await inputs.fromDeployments?.();
  if (major !== undefined || !stats) return major;
  const why = `the stats file "${stats.file}" records no PostgreSQL major in "server" (${
    stats.document.server === undefined ? "it has none" : `it says "${stats.document.server}"`
  }; \`migrate-guard stats\` writes e.g. "server": "16")`;
  if (keyword === "production") {
    throw new ConfigurationError(
      `postgres-version "production" needs production's PostgreSQL major, but ${why}. Write the file again with \`migrate-guard stats\`, or give production-postgres-version (CLI: --production-postgres-version), or use postgres-version "auto" to fall back to the highest installed PostgreSQL.`,
    );
  }
  inputs.logger?.warning(
    `postgres-version "auto": ${why}; production's major is unknown, so the highest installed PostgreSQL is used. Write the file again with \`migrate-guard stats\`, or give production-postgres-version.`,
  );
  return undefined;
}
