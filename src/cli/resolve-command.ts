// `migrate-guard resolve`: the ways out of Prisma's failed-migration state (P3009).
import type { Logger } from "../core/logger.js";
import { COMMON_OPTIONS, EXIT_CODES, runMigrateCommand } from "../migrate/cli.js";

export const RESOLVE_USAGE = `Usage: migrate-guard resolve --environment NAME (--rolled-back NAME | --applied NAME) --confirm NAME [options]

--rolled-back NAME  marks the failed attempt of migration NAME rolled back (only for a migration in the
                    failed state); fix it, then deploy again.
--applied NAME      records migration NAME as applied without running it (you made its changes by hand,
                    or you are baselining an existing database).
--confirm NAME      must be the migration's name.

Options:
${COMMON_OPTIONS}
  --lock-timeout-seconds N  how long to wait for a running deploy's migration lock (default: 60)

${EXIT_CODES}
`;

export function resolveCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  return runMigrateCommand("resolve", argv, RESOLVE_USAGE, io);
}
