// `migrate-guard rollback`: mark a failed migration rolled back (--rolled-back, the migrate runner's
// resolve) or write a new migration that reverts an applied one (--revert). At a terminal it asks which
// migration and for the typed confirmation; without one every answer must come as a flag.
import { createInterface } from "node:readline/promises";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { EnvironmentDatabase } from "../postgres/environment-database.js";
import { lintPending } from "../migrate/lint-pending.js";
import { renderMigrateText } from "../migrate/render.js";
import { toMigrateJson } from "../migrate/report.js";
import { validateDatabaseUrl } from "../migrate/settings.js";
import { loadProject, readEnvironmentState } from "../migrate/state.js";
import { renderRevertText, toRevertJson } from "../rollback/render.js";
import { runRevert } from "../rollback/revert.js";
import { runRolledBack } from "../rollback/rolled-back.js";
import { validateRollback, type RollbackRequest } from "../rollback/settings.js";
import { parseCommandArgs } from "./args.js";
import { confirmTyped, isInteractive, processPromptIo, type PromptIo } from "./prompt.js";

export const ROLLBACK_USAGE = `Usage: migrate-guard rollback --environment NAME [--database-url URL] [--working-directory DIR]
         (--rolled-back NAME | --revert NAME [--output-dir DIR] [--allow-data-loss]) [--confirm NAME] [--json]

--rolled-back NAME  a migration in the failed state: marks its attempt rolled back (prisma migrate resolve
                    --rolled-back), with the guards and the deployment record of \`resolve\`.
--revert NAME       an applied migration to undo: writes a NEW migration <timestamp>_revert_NAME that takes
                    the schema back to "every migration except NAME" (computed and checked on a throwaway
                    PostgreSQL; the environment's database is only read). It also reverses the schema.prisma
                    change of the commit that added NAME when that applies cleanly and matches the
                    migrations (\`schema: reverted\`), else leaves it and says why (\`schema: unchanged\`).
                    Open a pull request with both.
--output-dir DIR    where the new migration folder goes (default: the project's migrations directory);
                    anywhere else leaves schema.prisma unchanged
--allow-data-loss   accept a reversal that drops tables or columns (refused otherwise, naming them and the
                    rows the environment holds in them)
--confirm NAME      the migration's name (asked at a terminal)
--reason TEXT       why: kept in the GitHub deployment record

Options:
  --environment NAME        the environment (default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL); only read by --revert
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --lock-timeout-seconds N  --rolled-back: how long to wait for a running deploy's migration lock (default: 60)
  --json                    print one JSON document instead of text
  -h, --help                this help

At a terminal without --rolled-back/--revert it lists the environment's failed and applied migrations and asks.
Exit codes: 0 done, 1 failed while changing something, 2 usage error or refused (nothing was changed).
`;

const OPTIONS = {
  environment: { type: "string" },
  "database-url": { type: "string" },
  "working-directory": { type: "string" },
  schema: { type: "string" },
  "rolled-back": { type: "string" },
  revert: { type: "string" },
  "output-dir": { type: "string" },
  "allow-data-loss": { type: "boolean" },
  confirm: { type: "string" },
  reason: { type: "string" },
  environments: { type: "string" },
  "production-environments": { type: "string" },
  "lock-timeout-seconds": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface RollbackIo {
  stdout: NodeJS.WritableStream;
  logger: Logger;
  prompt?: PromptIo;
}

/** At a terminal: the environment's failed migrations (→ --rolled-back) and the newest applied ones (→ --revert). */
async function choose(request: RollbackRequest, prompt: PromptIo): Promise<void> {
  const url = validateDatabaseUrl(request.databaseUrl);
  const loaded = await loadProject(request.workingDirectory ?? ".", request.schema);
  const db = await EnvironmentDatabase.connect(url);
  let choices: { kind: "rolledBack" | "revert"; name: string; label: string }[];
  try {
    const { state } = await readEnvironmentState(db, loaded, 30);
    choices = [
      ...state.failed.map((f) => ({ kind: "rolledBack" as const, name: f.name, label: `mark rolled back: ${f.name} (failed)` })),
      ...state.applied
        .slice(-5)
        .reverse()
        .map((a) => ({ kind: "revert" as const, name: a.name, label: `revert: ${a.name} (applied ${a.finishedAt.toISOString()})` })),
    ];
  } finally {
    await db.close();
  }
  if (choices.length === 0)
    throw new ConfigurationError(`"${request.environment}" has no failed and no applied migration: there is nothing to roll back.`);
  const rl = createInterface({ input: prompt.input, output: prompt.output, terminal: true });
  try {
    prompt.output.write(`Migrations of "${request.environment}":\n${choices.map((c, i) => `  ${i + 1}) ${c.label}\n`).join("")}`);
    const answer = (await rl.question(`Which one (1-${choices.length})? `)).trim();
    const picked = choices[Number(answer) - 1];
    if (!/^\d+$/.test(answer) || !picked) throw new ConfigurationError(`Not a choice: ${JSON.stringify(answer)}. Nothing was changed.`);
    request[picked.kind] = picked.name;
  } finally {
    rl.close();
  }
}

export async function rollbackCommand(argv: string[], io: RollbackIo): Promise<number> {
  const values = parseCommandArgs(argv, OPTIONS, ROLLBACK_USAGE).values;
  if (values.help) {
    io.stdout.write(ROLLBACK_USAGE);
    return 0;
  }
  const prompt = io.prompt ?? processPromptIo();
  const request: RollbackRequest = {
    environment: values.environment,
    databaseUrl: values["database-url"] ?? process.env.DATABASE_URL,
    workingDirectory: values["working-directory"],
    schema: values.schema,
    rolledBack: values["rolled-back"],
    revert: values.revert,
    outputDir: values["output-dir"],
    allowDataLoss: values["allow-data-loss"] === true,
    confirm: values.confirm,
    reason: values.reason,
    environments: values.environments,
    productionEnvironments: values["production-environments"],
    lockTimeoutSeconds: values["lock-timeout-seconds"],
  };
  if (!request.rolledBack && !request.revert && request.environment && isInteractive(prompt)) await choose(request, prompt);
  const name = request.rolledBack ?? request.revert;
  if (name && request.confirm === undefined) {
    const action = request.rolledBack
      ? `Marking ${name} rolled back on "${request.environment}"`
      : `Writing a migration that reverts ${name}`;
    await confirmTyped({ action, expected: name, flag: "--confirm", given: undefined }, prompt);
    request.confirm = name;
  }
  const settings = validateRollback(request);
  if (settings.kind === "rolled-back") {
    const report = await runRolledBack(settings.migrate, { logger: io.logger, lint: lintPending });
    io.stdout.write(
      values.json
        ? JSON.stringify(
            { ...toMigrateJson(report), kind: "rolled-back", rolledBackDeployment: report.rolledBackDeployment ?? null },
            null,
            2,
          ) + "\n"
        : renderMigrateText(report),
    );
    return report.ok ? 0 : report.refused ? 2 : 1;
  }
  const report = await runRevert(settings, { logger: io.logger });
  io.stdout.write(values.json ? JSON.stringify(toRevertJson(report), null, 2) + "\n" : renderRevertText(report));
  return report.ok ? 0 : report.refused ? 2 : 1;
}
