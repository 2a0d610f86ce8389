// The migrate-guard CLI: declares commands, maps errors to exit codes (0 ok, 1 a check failed,
// 2 usage/configuration error). Each command lives in its own file.
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { verifyCommand } from "./verify-command.js";

const USAGE = `migrate-guard — carry Prisma + PostgreSQL migrations safely from a pull request to production

Usage: migrate-guard <command> [options]

Commands:
  verify    apply every migration to a throwaway PostgreSQL and run all PR checks

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
