// `migrate-guard init`: the db:* npm scripts, .gitignore entries, .env.example and the caller workflows.
import type { Logger } from "../core/logger.js";
import { renderInit, runInit } from "../init/init.js";
import { parseCommandArgs } from "./args.js";

export const INIT_USAGE = `Usage: migrate-guard init [--working-directory DIR] [--force] [--dry-run]

Sets up an app (the folder with its package.json) for migrate-guard:
  - npm scripts: db:local:start|stop, db:migrate:create|dev|status (prisma migrate dev / status, on the
    local PostgreSQL only), db:migrate:staging[:status], db:migrate:production[:status], db:verify,
    db:migrate:rollback, db:test-data:create|cleanup, db:backup
  - .gitignore: .env.staging, .env.production (database URLs) and .migrate-guard/ (local data)
  - .env.example: the variables the env files hold
  - .github/workflows (at the repository root): verify-migrations.yml, migrate.yml, promote.yml
Nothing that exists is replaced without --force (a script or file that differs is kept and listed);
a second run changes nothing. It prints what it changed.

Options:
  --working-directory DIR   the app (default: .)
  --force                   replace scripts and files that differ from migrate-guard's
  --dry-run                 print what would change, write nothing
  -h, --help                this help

Exit codes: 0 success, 2 usage or configuration error (nothing written).
`;

export async function initCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  const { values: v } = parseCommandArgs(
    argv,
    {
      "working-directory": { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    INIT_USAGE,
  );
  if (v.help) {
    io.stdout.write(INIT_USAGE);
    return 0;
  }
  const dryRun = v["dry-run"] === true;
  const result = await runInit({ workingDirectory: v["working-directory"] ?? ".", force: v.force === true, dryRun });
  io.stdout.write(renderInit(result, dryRun));
  return 0;
}
