// The JSON-RPC methods the Prisma CLI calls, served by one WASM engine instance. The CLI's params
// are the WASM engine's inputs as they are (both are generated from the same Rust types); what
// differs is at the edges, handled here:
//  - results: the native engine answers `{}` where the WASM engine resolves to nothing;
//  - diff: the WASM engine returns the script as `stdout`, the native one prints it through the
//    CLI (a `print` request) and returns `stdout: null`;
//  - createDatabase/dropDatabase: not in the WASM engine; done over pg (database.js);
//  - errors: rendered as the native engine renders them (JSON-RPC error 4466, `data` with is_panic,
//    message, error_code/meta), so the CLI's messages and exit codes stay what users see;
//  - panics: see answerPanic.
import { createOrDropDatabase, probeConnection } from "./database.js";
import { engineError, serveStdio, RpcError } from "./json-rpc.js";
import { exitAfterFlush, forwardEngineLog, logLine } from "./log.js";
import { createEngine, isPanic, loadWasmEngine, panicMessage } from "./wasm-engine.js";

const PASS_THROUGH = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/** A WASM engine error as the native engine's `data`: known (coded) errors keep code and meta. */
function errorData(error) {
  const message = String(error?.message ?? error);
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { is_panic: false, message, meta: error.meta ?? null, error_code: error.code };
  }
  return { is_panic: false, message, backtrace: null };
}

/**
 * A panic, answered as a JSON-RPC error with `data.is_panic` (a shape the CLI turns into its
 * "Error in Schema engine" panic report). The native engine instead exits with 101 from its panic
 * hook; that was tried here and is not safe with the CLI: when the engine process is gone before
 * `migrate deploy` stops it, the CLI waits for an exit event that already happened, behind an
 * unref'd timer, and Node ends the CLI with status 0 and no message — a false pass (measured with
 * FORCE_PANIC_SCHEMA_ENGINE=1). Answering keeps the process alive until the CLI closes stdin.
 */
function panicError(error) {
  const message = panicMessage(error);
  const location = /panicked at ([^\n]+?):?\n/.exec(message)?.[1] ?? "<unknown location>";
  logLine("ERROR", { is_panic: true, backtrace: String(error?.stack ?? ""), location, message: `[${location}] ${message}` });
  return new RpcError(4466, message, { is_panic: true, message: `[${location}] ${message}`, backtrace: String(error?.stack ?? "") });
}

/** A promise that never settles: no answer, the process is exiting. */
const NEVER = new Promise(() => {});

/**
 * @param {{ cwd: string, datamodels: [string, string][] | undefined, datasource: { url?: string, shadowDatabaseUrl?: string } | undefined }} options
 */
export function serveWithEngine({ cwd, datamodels, datasource }) {
  const url = datasource?.url;
  /** Set once the engine trapped: its instance is unusable, every later request gets the same error. */
  let panic;
  let onPanic = () => {};
  const panicked = new Promise((resolve) => {
    onPanic = resolve;
  });
  const notePanic = (error) => {
    if (!panic) {
      panic = panicError(error);
      // SCHEMA_ENGINE_SHIM_PANIC=exit: behave as the native engine does (exit 101 at once), to test
      // what the CLI — and migrate-guard after it — make of that.
      if (process.env.SCHEMA_ENGINE_SHIM_PANIC === "exit") {
        exitAfterFlush(101);
        return NEVER;
      }
      onPanic(panic);
    }
    return panic;
  };
  // A trap can also surface outside the call that caused it (in a callback the engine scheduled on
  // the adapter's promises), leaving that call pending forever: it answers the call all the same.
  const onStray = (error) => {
    if (isPanic(error)) {
      notePanic(error);
      return;
    }
    // Anything else is a bug of the shim: crash loudly (exit 1 is "Error in Schema engine" to the CLI).
    logLine("ERROR", { is_panic: false, message: `schema-engine-shim: ${error?.stack ?? error}` });
    exitAfterFlush(1);
  };
  process.on("uncaughtException", onStray);
  process.on("unhandledRejection", onStray);
  // Compiling the engine overlaps with the CLI preparing its first request (a failure surfaces there).
  const wasmReady = loadWasmEngine(cwd);
  wasmReady.catch(() => {});
  let engine;

  async function getEngine() {
    if (engine) return engine;
    if (!url)
      throw engineError({
        is_panic: false,
        message:
          'The datasource URL is missing: the schema engine shim needs --datasource \'{"url":"…"}\' (Prisma 7 passes the url from prisma.config.ts).',
        error_code: "P1012",
        meta: null,
      });
    await wasmReady;
    try {
      engine = await createEngine({ cwd, datamodels, datasource: { ...datasource, url }, log: forwardEngineLog });
      return engine;
    } catch (error) {
      if (isPanic(error)) throw error;
      // The engine connects on start and reports a failure without its code; the native engine
      // would report P1001/P1003/… here, which the CLI acts on.
      const failure = await probeConnection(url);
      throw engineError(
        failure?.code ? { is_panic: false, message: failure.message, meta: null, error_code: failure.code } : errorData(error),
      );
    }
  }

  async function dispatch(method, params, peer) {
    if (method === "createDatabase" || method === "dropDatabase") {
      const target = params?.datasource?.url ?? url;
      if (!target) throw engineError({ is_panic: false, message: "No database URL to create or drop.", backtrace: null });
      const databaseName = await createOrDropDatabase(target, method === "createDatabase" ? "create" : "drop");
      return method === "createDatabase" ? { databaseName } : {};
    }
    if (method === "getDatabaseDescription") {
      throw engineError({
        is_panic: false,
        message: "getDatabaseDescription is not available in the WASM schema engine (schema-engine-shim).",
        backtrace: null,
      });
    }
    const e = await getEngine();
    if (method === "debugPanic") return e.debugPanic();
    if (method === "getDatabaseVersion") return await e.version(params ?? null);
    if (method === "introspect") return await e.introspect({ ...params, namespaces: params?.namespaces ?? null });
    if (method === "diff") {
      const { stdout, ...rest } = await e.diff(params);
      // The native engine's print drops the script's final newline; the CLI writes one back.
      if (stdout) await peer.call("print", { content: stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout });
      return { ...rest, stdout: null };
    }
    if (PASS_THROUGH.has(method)) return await e[method](params);
    throw new RpcError(-32601, "Method not found");
  }

  async function handle(method, params, peer) {
    if (panic) throw panic;
    try {
      return await Promise.race([
        dispatch(method, params, peer),
        panicked.then((p) => {
          throw p;
        }),
      ]);
    } catch (error) {
      if (error instanceof RpcError) throw error;
      if (isPanic(error)) {
        const answer = notePanic(error);
        if (answer === NEVER) return NEVER;
        throw answer;
      }
      throw engineError(errorData(error));
    }
  }

  serveStdio({
    handle,
    // stdin closed: the CLI is done with us (it also sends SIGTERM right after).
    onClose: () => exitAfterFlush(panic ? 101 : 0),
  });
}
