// `migrate-guard backup`: a pg_dump (custom format) of one environment's database, after checking that
// the database's stamp is that environment's. Read-only; the same pg_dump choice as `deploy --backup`.
import path from "node:path";
import {
  compareStamp,
  DEFAULT_ENVIRONMENTS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  parseEnvironmentList,
  resolveEnvironment,
} from "../core/environment.js";
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { EnvironmentDatabase, urlSecrets } from "../postgres/environment-database.js";
import { backupDatabase } from "../migrate/pg-dump.js";
import { validateDatabaseUrl } from "../migrate/settings.js";
import { describeUrl } from "../postgres/database.js";
import { parseCommandArgs } from "./args.js";

export const BACKUP_USAGE = `Usage: migrate-guard backup --environment NAME [--backup-file PATH] [options]

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

export async function backupCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  const { values: v } = parseCommandArgs(
    argv,
    {
      environment: { type: "string" },
      "database-url": { type: "string" },
      "backup-file": { type: "string" },
      "working-directory": { type: "string" },
      environments: { type: "string" },
      "production-environments": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    BACKUP_USAGE,
  );
  if (v.help) {
    io.stdout.write(BACKUP_USAGE);
    return 0;
  }
  const policy = {
    known: v.environments ? parseEnvironmentList(v.environments, "environments") : DEFAULT_ENVIRONMENTS,
    production: v["production-environments"]
      ? parseEnvironmentList(v["production-environments"], "production-environments")
      : DEFAULT_PRODUCTION_ENVIRONMENTS,
  };
  if (!v.environment?.trim())
    throw new ConfigurationError(
      `No environment. Pass --environment NAME, one of: ${[...new Set([...policy.known, ...policy.production])].join(", ")}.`,
    );
  const environment = resolveEnvironment(v.environment, policy);
  const url = validateDatabaseUrl(v["database-url"] ?? process.env.DATABASE_URL);
  const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
  const file = path.resolve(
    v["working-directory"] ?? ".",
    v["backup-file"] ?? `migrate-guard-${slug}-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`,
  );
  const secrets = urlSecrets(url);
  const db = await EnvironmentDatabase.connect(url);
  let major: number;
  try {
    const stamp = await db.readStamp();
    const decision = compareStamp(environment, stamp);
    if (decision.kind === "mismatch") {
      io.stdout.write(`✘ backup refused: ${decision.reason}\n`);
      return 1;
    }
    if (decision.kind === "unstamped")
      io.logger.warning(
        `${describeUrl(url)} has no environment stamp: nothing confirms it is "${environment.name}" (the first deploy stamps it).`,
      );
    major = await db.serverMajor();
  } finally {
    await db.close();
  }
  io.logger.info(`Backing up "${environment.name}" (${describeUrl(url)}) to ${file}…`);
  const result = await backupDatabase(url, file, major, (line) => io.logger.debug(`pg_dump: ${redact(line, secrets)}`));
  io.stdout.write(
    `✔ backup of "${environment.name}" written: ${result.file} (${result.bytes} bytes, ${(result.durationMs / 1000).toFixed(1)} s, pg_dump ${result.pgDump})\n`,
  );
  return 0;
}
