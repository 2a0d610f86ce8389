// `migrate-guard deploy`: `prisma migrate deploy` on one environment's database, behind the guards.
import type { Logger } from "../core/logger.js";
import { COMMON_OPTIONS, EXIT_CODES, runMigrateCommand } from "../migrate/cli.js";

export const DEPLOY_USAGE = `Usage: migrate-guard deploy --environment NAME [--confirm NAME] [options]

Applies the pending migrations with the project's own \`prisma migrate deploy\` — nothing else. Refuses
(changing nothing) when a migration is in the failed state, an applied migration was edited, or the
database belongs to another environment. The first deploy stamps the database with its environment.

Options:
${COMMON_OPTIONS}
  --confirm NAME            required for production: the environment's name
  --backup                  pg_dump (custom format) the database first; a failed backup stops the deploy
  --backup-file PATH        where the backup goes (default: ./migrate-guard-ENV-TIME.dump)
  --lock-timeout-seconds N  how long to wait for another deploy's migration lock (default: 60)
  --staging-database-url URL  production: the soak gate reads staging first (default: env STAGING_DATABASE_URL)
  --soak-hours N            production: hours each migration must have run on staging (default: 24)
  --soak-gate on|off        off: deploy production without the soak gate (recorded; default: on)
  --override-reason TEXT    production: deploy before the soak completes, with this reason
  --override-actors LIST    GitHub logins allowed to override (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR)

${EXIT_CODES}
`;

export function deployCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  return runMigrateCommand("deploy", argv, DEPLOY_USAGE, io);
}
