// `migrate-guard stats`: one environment's table sizes (estimated rows, total bytes) as the JSON
// document `lint --stats` and `verify --stats` read. Read-only; refuses another environment's database.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertEnvironmentName } from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { validateDatabaseUrl } from "../migrate/settings.js";
import { readTableStats } from "../stats/table-stats.js";
import { parseCommandArgs } from "./args.js";

export const STATS_USAGE = `Usage: migrate-guard stats --environment NAME [--database-url URL] [--output FILE]

Reads each table's estimated row count (pg_class.reltuples, as of the last ANALYZE) and total size
(heap, indexes, TOAST) from the environment's database and writes them as JSON:
  { "environment", "takenAt", "server", "tables": [{ "schema", "name", "rows", "bytes" }] }
\`lint --stats FILE\` and \`verify --stats FILE\` use it to raise lock and rewrite hazards on large
tables. The read is a read-only transaction on a read-only session: catalog statistics only, no
table data. A database stamped as another environment is refused; an unstamped one is read.

Options:
  --environment NAME        the environment the database belongs to (named in the document)
  --database-url URL        the database (default: env DATABASE_URL, e.g. from .env.NAME); never printed
  --output FILE             write the document to FILE (default: stdout)
  -h, --help                this help

Exit codes: 0 written, 1 the database could not be read, 2 usage error or a database stamped as
another environment.
`;

export async function statsCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  const { values: v } = parseCommandArgs(
    argv,
    {
      environment: { type: "string" },
      "database-url": { type: "string" },
      output: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    STATS_USAGE,
  );
  if (v.help) {
    io.stdout.write(STATS_USAGE);
    return 0;
  }
  if (!v.environment?.trim())
    throw new ConfigurationError(
      "No environment. Pass --environment NAME (e.g. production): the document names it, and a database stamped as another environment is refused.",
    );
  assertEnvironmentName(v.environment, "--environment");
  if (v.output !== undefined && v.output.trim() === "")
    throw new ConfigurationError('Invalid --output "". Expected a file path, e.g. --output stats.json.');
  const url = validateDatabaseUrl(v["database-url"] ?? process.env.DATABASE_URL);
  const outcome = await readTableStats(url, v.environment);
  // A wrong database for the environment is a configuration error: the secret points elsewhere.
  if (outcome.kind === "refused") throw new ConfigurationError(outcome.reason);
  if (!outcome.stamped)
    io.logger.warning(
      `The database has no environment stamp: nothing confirms it is "${outcome.document.environment}" (the first deploy stamps it).`,
    );
  const json = JSON.stringify(outcome.document, null, 2) + "\n";
  if (v.output === undefined) {
    io.stdout.write(json);
    return 0;
  }
  const file = path.resolve(v.output);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, json);
  io.logger.info(`Statistics of ${outcome.document.tables.length} table(s) on "${outcome.document.environment}" written to ${v.output}.`);
  return 0;
}
