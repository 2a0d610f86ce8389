// The migrate-guard CLI: declares commands, maps errors to exit codes (0 ok, 1 a check failed,
// 2 usage/configuration error). Each command lives in its own file.
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { commandHelp, findCommand, mainUsage } from "./help.js";
import { loadEnvFiles } from "./env-files.js";
import { VERSION } from "../version.js";

// Each command's module (and all it imports: pg, Prisma, the parser…) is loaded only when that
// command runs: a start-up that compiles and evaluates every command costs more than `lint FILE` itself.
// The command list comes from the help table (src/cli/help.ts): a new command adds its entry there.
const USAGE = mainUsage();

function stderrLogger(verbose: boolean): Logger {
  const write = (s: string) => process.stderr.write(redact(s) + "\n");
  return {
    info: write,
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    debug: (m) => {
      if (verbose) write(m);
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const logger = stderrLogger(Boolean(process.env.MIGRATE_GUARD_DEBUG) || rest.includes("--verbose"));
  const filtered = rest.filter((a) => a !== "--verbose");
  try {
    // `<command> --help` (before any "--"): the command's usage, examples and the common options.
    const help = command ? findCommand(command) : undefined;
    const beforeSeparator = filtered.indexOf("--") < 0 ? filtered : filtered.slice(0, filtered.indexOf("--"));
    if (help && (beforeSeparator.includes("--help") || beforeSeparator.includes("-h"))) {
      process.stdout.write(await commandHelp(help));
      return 0;
    }
    // --env-file FILE and the automatic .env.<environment>, before any command reads process.env.
    const args = loadEnvFiles(filtered, { logger }).argv;
    switch (command) {
      case "verify":
        return await (await import("./verify-command.js")).verifyCommand(args, {
          stdout: process.stdout,
          logger,
          color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        });
      case "lint":
        return await (await import("./lint-command.js")).lintCommand(args, {
          stdout: process.stdout,
          logger,
          color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        });
      case "status":
        return await (await import("./status-command.js")).statusCommand(args, { stdout: process.stdout, logger });
      case "deploy":
        return await (await import("./deploy-command.js")).deployCommand(args, { stdout: process.stdout, logger });
      case "resolve":
        return await (await import("./resolve-command.js")).resolveCommand(args, { stdout: process.stdout, logger });
      case "rollback":
        return await (await import("./rollback-command.js")).rollbackCommand(args, { stdout: process.stdout, logger });
      case "test-data":
        return await (await import("./test-data-command.js")).testDataCommand(args, { stdout: process.stdout, logger });
      case "init":
        return await (await import("./init-command.js")).initCommand(args, { stdout: process.stdout, logger });
      case "local":
        return await (await import("./local-command.js")).localCommand(args, { stdout: process.stdout, logger });
      case "backup":
        return await (await import("./backup-command.js")).backupCommand(args, { stdout: process.stdout, logger });
      case "gate":
        return await (await import("./gate-command.js")).gateCommand(args, { stdout: process.stdout, logger });
      case "stats":
        return await (await import("./stats-command.js")).statsCommand(args, { stdout: process.stdout, logger });
      case "dev":
      case "reset":
      case "push":
      case "db-push":
      case "execute":
      case "db-execute":
        return (await import("../migrate/settings.js")).refuseDangerousCommand(command);
      case "-V":
      case "--version":
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new ConfigurationError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    const configuration = error instanceof ConfigurationError;
    const message = redact(error instanceof Error ? error.message : String(error));
    process.stderr.write(`migrate-guard: ${message}\n`);
    if (!configuration && process.env.MIGRATE_GUARD_DEBUG) process.stderr.write(redact((error as Error).stack ?? "") + "\n");
    // --json always prints a document: a command stopped before its own says why, on stdout too.
    if (wantsJson(filtered)) process.stdout.write(`${JSON.stringify(errorDocument(configuration, message), null, 2)}\n`);
    return configuration ? 2 : 1;
  }
}

function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).includes("--json");
}

/** The document of a command that stopped before it could report: exit 2 bad input, 1 anything else. */
export function errorDocument(
  configuration: boolean,
  message: string,
): { ok: false; error: { kind: "configuration" | "internal"; message: string; exitCode: 1 | 2 } } {
  return { ok: false, error: { kind: configuration ? "configuration" : "internal", message, exitCode: configuration ? 2 : 1 } };
}
