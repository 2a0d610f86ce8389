// The migrate-guard CLI: declares commands, maps errors to exit codes (0 ok, 1 a check failed,
// 2 usage/configuration error). Each command lives in its own file.
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { verifyCommand } from "./verify-command.js";
import { lintCommand } from "./lint-command.js";
import { statusCommand } from "./status-command.js";
import { deployCommand } from "./deploy-command.js";
import { resolveCommand } from "./resolve-command.js";
import { refuseDangerousCommand } from "../migrate/settings.js";

const USAGE = `migrate-guard — carry Prisma + PostgreSQL migrations safely from a pull request to production

Usage: migrate-guard <command> [options]

Commands:
  verify    apply every migration to a throwaway PostgreSQL and run all PR checks
  lint      check migrations for destructive and locking hazards (no database needed)
  status    show an environment's migrations (applied, pending, failed, edited after apply)
  deploy    apply an environment's pending migrations (prisma migrate deploy, with guards)
  resolve   mark an environment's failed migration --rolled-back or --applied

Run \`migrate-guard <command> --help\` for a command's options.
`;

function stderrLogger(verbose: boolean): Logger {
  const write = (s: string) => process.stderr.write(redact(s) + "\n");
  return { info: write, warning: (m) => write(`warning: ${m}`), error: (m) => write(`error: ${m}`), debug: (m) => { if (verbose) write(m); } };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const logger = stderrLogger(Boolean(process.env.MIGRATE_GUARD_DEBUG) || rest.includes("--verbose"));
  const args = rest.filter((a) => a !== "--verbose");
  try {
    switch (command) {
      case "verify":
        return await verifyCommand(args, { stdout: process.stdout, logger, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
      case "lint": return await lintCommand(args, { stdout: process.stdout, logger, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
      case "status": return await statusCommand(args, { stdout: process.stdout, logger });
      case "deploy": return await deployCommand(args, { stdout: process.stdout, logger });
      case "resolve": return await resolveCommand(args, { stdout: process.stdout, logger });
      case "dev": case "reset": case "push": case "db-push": case "execute": case "db-execute": return refuseDangerousCommand(command);
      case undefined: case "-h": case "--help": case "help":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new ConfigurationError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`migrate-guard: ${redact(error.message)}\n`);
      return 2;
    }
    const e = error as Error;
    process.stderr.write(`migrate-guard: ${redact(e.message)}\n`);
    if (process.env.MIGRATE_GUARD_DEBUG) process.stderr.write(redact(e.stack ?? "") + "\n");
    return 1;
  }
}
