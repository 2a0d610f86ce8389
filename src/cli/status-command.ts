// `migrate-guard status`: the migrations of one environment's database, read-only.
import type { Logger } from "../core/logger.js";
import { COMMON_OPTIONS, EXIT_CODES, runMigrateCommand } from "../migrate/cli.js";

export const STATUS_USAGE = `Usage: migrate-guard status --environment NAME [options]

Shows the environment's applied, pending, failed and rolled-back migrations, migrations edited after
they were applied (an error) and migrations the database has but the repository does not. Changes nothing.

Options:
${COMMON_OPTIONS}

${EXIT_CODES}
`;

export function statusCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  return runMigrateCommand("status", argv, STATUS_USAGE, io);
}
