import { parseCommandArgs } from "./args.js";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { FAIL_ON, fails, lintJson, renderLintText, ruleHelp, type FailOn } from "../lint/report.js";
import { renderSarif } from "../report/sarif.js";
import { VERSION } from "../version.js";
import { lintCheck, runLint } from "../verify/lint.js";
import { statsOption } from "../stats/stats-file.js";

export const LINT_USAGE = `Usage: migrate-guard lint [options] [FILE…]

Checks migrations for destructive and locking hazards with the PostgreSQL parser; needs no database.
By default only the migrations that are new relative to --base-ref are linted, against the schema the
base branch's migrations build ("existing" tables hold rows; tables new in this change do not).

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA whose migrations are the existing schema
  --all                     lint every migration (as one change set from an empty database)
  --each-migration          lint every migration, each against the ones before it (a history audit)
  --format FORMAT           text (default), json or sarif (SARIF 2.1.0 for code scanning)
  --fail-on LEVEL           exit 1 on findings at this level or above: error (default), warning,
                            notice, never
  --stats FILE              table sizes from \`migrate-guard stats\`: lock and rewrite hazards name
                            each table's rows and size, and are raised one level on large tables
  --large-table-rows N      raise at this many rows (default: 1000000)
  --huge-table-rows N       say so in the message at this many rows (default: 10000000)
  -h, --help                this help

FILE…                       lint these .sql files directly (no Prisma project), each against the
                            ones before it

Ignore a finding with a comment before the statement (a reason is required):
  -- migrate-guard-ignore drop-column: dropped after phase 2 shipped in v2.3
  -- migrate-guard-ignore-file missing-lock-timeout: runs in the maintenance window

Exit codes: 0 no finding at --fail-on level, 1 such findings, 2 usage or configuration error.
`;

const FORMATS = ["text", "json", "sarif"] as const;

export async function lintCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger; color: boolean }): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      "working-directory": { type: "string" },
      schema: { type: "string" },
      "base-ref": { type: "string" },
      all: { type: "boolean" },
      "each-migration": { type: "boolean" },
      format: { type: "string" },
      "fail-on": { type: "string" },
      stats: { type: "string" },
      "large-table-rows": { type: "string" },
      "huge-table-rows": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    LINT_USAGE,
    true,
  );
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const format = v.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new ConfigurationError(`Invalid --format "${format}". Expected one of: ${FORMATS.join(", ")}.`);
  const failOn = (v["fail-on"] ?? "error") as FailOn;
  if (!FAIL_ON.includes(failOn))
    throw new ConfigurationError(`Invalid --fail-on "${v["fail-on"]}". Expected one of: ${FAIL_ON.join(", ")}.`);
  const files = parsed.positionals;
  if (files.length > 0 && (v["base-ref"] || v.all || v.schema)) {
    throw new ConfigurationError(
      `FILE arguments (${files.join(", ")}) are linted on their own; --base-ref, --all and --schema apply to a Prisma project. Give either files or project options.`,
    );
  }

  const sizeRisk = await statsOption(v.stats, v["large-table-rows"], v["huge-table-rows"]);
  const outcome = await runLint({
    workingDirectory: v["working-directory"] ?? ".",
    ...(v.schema ? { schema: v.schema } : {}),
    ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
    all: Boolean(v.all),
    eachMigration: Boolean(v["each-migration"]),
    ...(files.length ? { files } : {}),
    ...(sizeRisk ? { sizeRisk } : {}),
    logger: io.logger,
  });
  const findings = outcome.result.findings;
  const failed = fails(findings, failOn);
  const info = { summary: outcome.summary, durationMs: outcome.durationMs, statements: outcome.result.statements };
  if (format === "json") {
    io.stdout.write(JSON.stringify(lintJson(findings, { ...info, ok: !failed, linted: outcome.result.linted }), null, 2) + "\n");
  } else if (format === "sarif") {
    const report = { ok: !failed, checks: [lintCheck(outcome)], migrations: [], durationMs: outcome.durationMs };
    io.stdout.write(JSON.stringify(renderSarif(report, { toolVersion: VERSION, ruleHelp }), null, 2) + "\n");
  } else {
    io.stdout.write(renderLintText(findings, info, { color: io.color }));
  }
  return failed ? 1 : 0;
}
