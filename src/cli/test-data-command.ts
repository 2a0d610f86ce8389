// `migrate-guard test-data create|cleanup`: the app's own test-data script, only on a database stamped
// as staging or local. Exit codes: 0 the script succeeded, 1 it failed, 2 refused or a usage error.
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { CLEANUP_CONFIRMATION } from "../test-data/policy.js";
import { headline, runTestData, testDataExitCode, toTestDataJson } from "../test-data/run.js";
import { validateTestDataRequest } from "../test-data/settings.js";
import { parseCommandArgs } from "./args.js";
import { confirmTyped, processPromptIo, type PromptIo } from "./prompt.js";

export const TEST_DATA_USAGE = `Usage: migrate-guard test-data create|cleanup --environment NAME --command "SCRIPT" [options]

Runs the app's own test-data script (through the shell, in the working directory, with the database URL
in the variables the Prisma datasource reads, and in DATABASE_URL) — only when the database is stamped
as one of the test-data environments (default: staging, local). Refused, running nothing, on a database
stamped as production or named production, whatever the flags say, and on an unstamped database
unless --stamp. cleanup must be confirmed with --confirm ${CLEANUP_CONFIRMATION} (asked at a terminal).

Options:
  --environment NAME        the environment (one of --environments)
  --command "SCRIPT"        the app's script, e.g. "npm run test-data:create"
  --database-url URL        the environment's database (default: env DATABASE_URL, e.g. from .env.NAME)
  --working-directory DIR   the app (default: .)
  --confirm ${CLEANUP_CONFIRMATION}          cleanup: the typed confirmation
  --stamp                   the database has no environment stamp yet: stamp it as NAME, then run
  --environments LIST       environments test data may be written to (default: staging,local)
  --production-environments LIST  never written to (default: production)
  --json                    print one JSON document at the end instead of the summary line
  -h, --help                this help

The script's output is streamed with the database credentials masked.
Exit codes: 0 the script succeeded, 1 it failed, 2 refused (nothing was run) or usage error.
`;

export async function testDataCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; logger: Logger; prompt?: PromptIo },
): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      environment: { type: "string" },
      command: { type: "string" },
      "database-url": { type: "string" },
      "working-directory": { type: "string" },
      confirm: { type: "string" },
      stamp: { type: "boolean" },
      environments: { type: "string" },
      "production-environments": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    TEST_DATA_USAGE,
    true,
  );
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(TEST_DATA_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ConfigurationError(
      `test-data takes one operation, create or cleanup; got ${parsed.positionals.length ? parsed.positionals.map((p) => JSON.stringify(p)).join(" ") : "none"}.\n\n${TEST_DATA_USAGE}`,
    );
  }
  const settings = validateTestDataRequest({
    operation: parsed.positionals[0],
    environment: v.environment,
    databaseUrl: v["database-url"] ?? process.env.DATABASE_URL,
    workingDirectory: v["working-directory"],
    command: v.command,
    confirm: v.confirm,
    stamp: v.stamp === true,
    environments: v.environments,
    productionEnvironments: v["production-environments"],
  });
  const prompt = io.prompt ?? processPromptIo();
  const report = await runTestData(settings, {
    logger: io.logger,
    // The script's own stdout stays stdout (pipes keep working) unless --json owns stdout.
    onOutput: (line, stream) => (stream === "stdout" && !v.json ? io.stdout : process.stderr).write(line + "\n"),
    confirmCleanup: (action, given) => confirmTyped({ action, expected: CLEANUP_CONFIRMATION, flag: "--confirm", given }, prompt),
    ...(process.env.USER ? { actor: process.env.USER } : {}),
  });
  if (v.json) io.stdout.write(JSON.stringify(toTestDataJson(report), null, 2) + "\n");
  else io.stdout.write(headline(report) + "\n");
  return testDataExitCode(report);
}
