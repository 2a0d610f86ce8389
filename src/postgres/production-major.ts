// Production's PostgreSQL major, for `postgres-version: production` (and `auto`): an explicit
// `production-postgres-version`, else the `server` a `migrate-guard stats` file recorded
// ({ environment, takenAt, server: "<major>", tables }). Undefined when neither is given.
import { readFile } from "node:fs/promises";
import { ConfigurationError } from "../core/errors.js";
import { majorOf } from "../core/postgres-major.js";

export { majorOf };

/** The `server` a stats file recorded; a ConfigurationError (exit 2) naming the file when it has none. */
export async function majorFromStatsFile(file: string): Promise<{ major: number; environment?: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `stats-file "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Expected the JSON file \`migrate-guard stats\` wrote.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      `stats-file "${file}" is not JSON. Expected the file \`migrate-guard stats\` wrote ({ "environment", "takenAt", "server", "tables" }).`,
    );
  }
  const record = typeof data === "object" && data !== null ? (data as { server?: unknown; environment?: unknown }) : {};
  const major = majorOf(record.server);
  if (major === undefined) {
    throw new ConfigurationError(
      `stats-file "${file}" records no PostgreSQL major in "server" (expected e.g. "server": "16"). Run \`migrate-guard stats\` again, or set production-postgres-version.`,
    );
  }
  return { major, ...(typeof record.environment === "string" ? { environment: record.environment } : {}) };
}

/** Production's major from the inputs (explicit first), or undefined when none says it. */
export async function productionMajor(inputs: { explicit?: string; statsFile?: string }): Promise<number | undefined> {
  const explicit = inputs.explicit?.trim();
  if (explicit) {
    const major = majorOf(explicit);
    if (major === undefined)
      throw new ConfigurationError(`production-postgres-version "${explicit}" is not a PostgreSQL version; expected a major such as "16".`);
    return major;
  }
  return inputs.statsFile?.trim() ? (await majorFromStatsFile(inputs.statsFile.trim())).major : undefined;
}
