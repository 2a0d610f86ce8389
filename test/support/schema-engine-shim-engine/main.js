// Entry of test/support/schema-engine-shim: a stand-in for Prisma 7's native `schema-engine` binary,
// which the Prisma CLI runs (PRISMA_SCHEMA_ENGINE_BINARY) in three ways:
//   schema-engine --version                                  → "schema-engine-cli <commit>"
//   schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database
//   schema-engine cli --datasource URL can-connect-to-database|…   (the Prisma 5/6 form)
//   schema-engine [--datamodels FILE]... [--datasource JSON]  → JSON-RPC server on stdin/stdout
// The engine behind it is Prisma's WASM schema engine over @prisma/adapter-pg (see wasm-engine.js).
import { readFileSync } from "node:fs";
import { createOrDropDatabase, probeConnection } from "./database.js";
import { exitAfterFlush, logLine } from "./log.js";
import { serveWithEngine } from "./rpc-methods.js";
import { loadWasmEngine } from "./wasm-engine.js";

const USAGE = `schema-engine (migrate-guard test shim: Prisma's WASM schema engine behind the native engine's CLI)

USAGE:
    schema-engine [OPTIONS] [SUBCOMMAND]

OPTIONS:
    -d, --datamodels <FILE>...                 Paths to the Prisma schema files
        --datasource <JSON>                    {"url": "...", "shadowDatabaseUrl": "..."}
        --enabled-preview-features <LIST>      Accepted and ignored
        --extension-types <JSON>               Accepted and ignored
    -V, --version                              Prints version information
    -h, --help                                 Prints help information

SUBCOMMANDS:
    cli create-database | can-connect-to-database | drop-database
`;

function usageError(message) {
  process.stderr.write(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

export function parseArgs(argv) {
  const args = { datamodels: /** @type {string[]} */ ([]), datasource: undefined, subcommand: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--datamodels" || arg === "-d") {
      // structopt takes several values after one flag too: read until the next flag or `cli`.
      args.datamodels.push(value());
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith("-") && argv[i + 1] !== "cli") args.datamodels.push(argv[++i]);
    } else if (arg === "--datasource") {
      try {
        args.datasource = JSON.parse(value());
      } catch {
        usageError('--datasource must be a JSON object such as {"url":"postgresql://…"}');
      }
    } else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "cli") {
      // Prisma 7 passes the datasource before `cli`; Prisma 5/6 (whose `migrate resolve` runs
      // can-connect-to-database even with `engine: "js"`) pass `cli --datasource URL COMMAND`.
      for (i++; i < argv.length; i++) {
        if (argv[i] === "--datasource") {
          const v = argv[++i] ?? usageError("--datasource needs a value");
          args.datasource = v.trimStart().startsWith("{") ? JSON.parse(v) : { url: v };
        } else if (!args.subcommand) args.subcommand = argv[i];
        else usageError(`unexpected argument '${argv[i]}'`);
      }
      if (!args.subcommand) usageError("cli needs a command: create-database, can-connect-to-database or drop-database");
    } else usageError(`unexpected argument '${arg}'`);
  }
  return args;
}

/** `cli` subcommands: one INFO line first (the CLI skips it), then the outcome, exit 0 or 1. */
async function runCliCommand(command, datasource) {
  logLine("INFO", { message: "Starting schema engine CLI", git_hash: "schema-engine-shim" });
  const fail = (code, message) => {
    logLine("ERROR", { is_panic: false, error_code: code ?? "", message }, "schema_engine::logger");
    exitAfterFlush(1);
  };
  const url = datasource?.url;
  if (!url)
    return fail("P1012", 'The datasource URL is missing: pass --datasource \'{"url":"…"}\' (Prisma reads it from prisma.config.ts).');
  if (!["create-database", "can-connect-to-database", "drop-database"].includes(command)) {
    process.stderr.write(`error: unknown cli command '${command}'\n\n${USAGE}`);
    return exitAfterFlush(2);
  }
  if (command === "can-connect-to-database") {
    const failure = await probeConnection(url);
    if (failure) return fail(failure.code, failure.message);
    logLine("INFO", { message: "Connection successful" });
    return exitAfterFlush(0);
  }
  try {
    const name = await createOrDropDatabase(url, command === "create-database" ? "create" : "drop");
    logLine("INFO", {
      message: command === "create-database" ? `Database '${name}' was successfully created.` : "The database was successfully dropped.",
    });
    exitAfterFlush(0);
  } catch (error) {
    fail(error.code, error.message);
  }
}

function readDatamodels(paths) {
  if (paths.length === 0) return undefined;
  return paths.map((p) => {
    try {
      return /** @type {[string, string]} */ ([p, readFileSync(p, "utf8")]);
    } catch (error) {
      // The native engine panics here too (exit 101), which the CLI reports as an engine crash.
      logLine("ERROR", { is_panic: true, message: `Error opening datamodel file in \`${p}\`: ${error.message}`, backtrace: "" });
      return exitAfterFlush(101);
    }
  });
}

export async function main(argv) {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.version) {
    const { version } = await loadWasmEngine(process.cwd());
    process.stdout.write(`schema-engine-cli ${version}\n`);
    return;
  }
  if (args.subcommand) return runCliCommand(args.subcommand, args.datasource);
  logLine("INFO", { message: "Starting schema engine RPC server", git_hash: "schema-engine-shim" });
  const datamodels = readDatamodels(args.datamodels);
  serveWithEngine({ cwd: process.cwd(), datamodels, datasource: args.datasource });
}
