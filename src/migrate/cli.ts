// What the status, deploy and resolve CLI commands share: their flags, reading them into a
// MigrateRequest, running, and printing text or --json. Each command file adds only its usage text.
import { parseCommandArgs } from "../cli/args.js";
import type { Logger } from "../core/logger.js";
import { lintPending } from "./lint-pending.js";
import { renderMigrateText } from "./render.js";
import { exitCode, toMigrateJson } from "./report.js";
import { runMigrate, type MigrateDependencies } from "./run.js";
import { readActionsContext } from "../github/context.js";
import { GateGitHub } from "../gate/github.js";
import { gateOctokit } from "../gate/retry.js";
import { validateRequest, type MigrateCommand } from "./settings.js";

export const COMMON_OPTIONS = `  --environment NAME        the environment (one of --environments; default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL)
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --slow-migration-seconds N  flag migrations slower than this (default: 30)
  --json                    print one JSON document instead of text
  -h, --help                this help`;

export const EXIT_CODES = "Exit codes: 0 success, 1 the operation was refused or failed, 2 usage or configuration error.";

const OPTIONS = {
  environment: { type: "string" },
  "database-url": { type: "string" },
  "working-directory": { type: "string" },
  schema: { type: "string" },
  confirm: { type: "string" },
  environments: { type: "string" },
  "production-environments": { type: "string" },
  "slow-migration-seconds": { type: "string" },
  "lock-timeout-seconds": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  backup: { type: "boolean" },
  "backup-file": { type: "string" },
  "rolled-back": { type: "string" },
  "staging-database-url": { type: "string" },
  "soak-hours": { type: "string" },
  "soak-gate": { type: "string" },
  "override-reason": { type: "string" },
  "override-actors": { type: "string" },
  applied: { type: "string" },
} as const;

/** The flags each command accepts on top of the common ones. */
const COMMAND_FLAGS: Record<MigrateCommand, string[]> = {
  status: [],
  deploy: [
    "confirm",
    "backup",
    "backup-file",
    "lock-timeout-seconds",
    "staging-database-url",
    "soak-hours",
    "soak-gate",
    "override-reason",
    "override-actors",
  ],
  resolve: ["confirm", "rolled-back", "applied", "lock-timeout-seconds"],
};
const COMMON_FLAGS = [
  "environment",
  "database-url",
  "working-directory",
  "schema",
  "environments",
  "production-environments",
  "slow-migration-seconds",
  "json",
  "help",
];

export interface CliIo {
  stdout: NodeJS.WritableStream;
  logger: Logger;
}

export async function runMigrateCommand(command: MigrateCommand, argv: string[], usage: string, io: CliIo): Promise<number> {
  const allowed = new Set([...COMMON_FLAGS, ...COMMAND_FLAGS[command]]);
  const options = Object.fromEntries(Object.entries(OPTIONS).filter(([name]) => allowed.has(name)));
  const values = parseCommandArgs(argv, options, usage).values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  const str = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const settings = validateRequest({
    command,
    environment: str("environment"),
    databaseUrl: str("database-url") ?? process.env.DATABASE_URL,
    workingDirectory: str("working-directory"),
    schema: str("schema"),
    confirm: str("confirm"),
    rolledBack: str("rolled-back"),
    applied: str("applied"),
    environments: str("environments"),
    productionEnvironments: str("production-environments"),
    slowMigrationSeconds: str("slow-migration-seconds"),
    lockTimeoutSeconds: str("lock-timeout-seconds"),
    backup: values.backup === true,
    backupFile: str("backup-file"),
    gate: {
      stagingDatabaseUrl: str("staging-database-url") ?? process.env.STAGING_DATABASE_URL,
      soakHours: str("soak-hours"),
      soakGate: str("soak-gate"),
      overrideReason: str("override-reason"),
      overrideActors: str("override-actors"),
    },
  });
  const report = await runMigrate(settings, {
    logger: io.logger,
    lint: lintPending,
    ...(settings.gate ? { soakGate: await cliSoakGate(io.logger) } : {}),
  });
  io.stdout.write(values.json ? JSON.stringify(toMigrateJson(report), null, 2) + "\n" : renderMigrateText(report));
  return exitCode(report);
}

/** The soak gate's GitHub part for a CLI deploy: with GITHUB_TOKEN and GITHUB_REPOSITORY set (as in a workflow). */
async function cliSoakGate(logger: Logger): Promise<NonNullable<MigrateDependencies["soakGate"]>> {
  const env = process.env;
  const context = readActionsContext(env);
  const token = env.GITHUB_TOKEN?.trim();
  const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
  const github =
    token && context.repository
      ? new GateGitHub(await gateOctokit(token, context.apiUrl, { onRetry: (m) => logger.warning(m) }), {
          owner: context.repository.owner,
          repo: context.repository.repo,
        })
      : undefined;
  return { ...(github ? { github } : {}), ...(actor ? { actor } : {}), ...(context.sha ? { sha: context.sha } : {}) };
}
