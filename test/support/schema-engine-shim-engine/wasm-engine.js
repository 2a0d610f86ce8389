// The WASM schema engine (@prisma/schema-engine-wasm) behind a driver adapter, loaded the way
// wasm-bindgen output is meant to be loaded without a bundler: compile the .wasm, instantiate it
// with the package's JavaScript glue as its import object, hand the instance back to the glue.
//
// Which .wasm: the Prisma CLI that runs us ships the engine build it was made with
// (prisma/build/schema_engine_bg.wasm, engine commit d1b3f377… for 7.10.1), but not its glue; the
// nearest published glue (8.1.0-2.59be4fda…) declares the same imports and exports. So the CLI's own
// engine is used when its import list is exactly what the glue provides (checked, not assumed), and
// the glue package's own engine otherwise. SCHEMA_ENGINE_SHIM_WASM names a file to use instead.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { offlinePg } from "prisma-offline-pg";

const require = createRequire(import.meta.url);
const GLUE_MODULE = "./schema_engine_bg.js";

// The engine's panic hook reports the panic message here before it traps (see __wbg_set_message in
// the glue); the trap itself only says "unreachable".
const panicRegistry = {
  message: "",
  get() {
    return this.message;
  },
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** The CLI's own engine build, found from the directory it started us in (its project). */
function cliWasmPath(cwd) {
  try {
    const pkg = createRequire(path.join(cwd, "package.json")).resolve("prisma/package.json");
    const candidate = path.join(path.dirname(pkg), "build", "schema_engine_bg.wasm");
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** @param {WebAssembly.Module} module @param {Record<string, unknown>} glue */
function glueProvides(module, glue) {
  return WebAssembly.Module.imports(module).every((i) => i.module === GLUE_MODULE && typeof glue[i.name] === "function");
}

let loaded;

/**
 * @param {string} cwd
 * @returns {Promise<{ SchemaEngine: any, version: string, wasmPath: string }>}
 */
export async function loadWasmEngine(cwd) {
  if (loaded) return loaded;
  const glue = await import(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const ownWasm = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const candidates = [process.env.SCHEMA_ENGINE_SHIM_WASM, cliWasmPath(cwd), ownWasm].filter(Boolean);
  let module;
  let wasmPath;
  for (const candidate of candidates) {
    const m = new WebAssembly.Module(readFileSync(candidate));
    if (glueProvides(m, glue) || candidate === ownWasm) {
      module = m;
      wasmPath = candidate;
      break;
    }
  }
  const instance = new WebAssembly.Instance(module, { [GLUE_MODULE]: glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = { SchemaEngine: glue.SchemaEngine, version: glue.version(), wasmPath };
  return loaded;
}

/** A trap in the engine: after one the instance's state is undefined, so the process must end. */
export function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError || (error && /** @type {Error} */ (error).name === "RuntimeError");
}

export function panicMessage(error) {
  return panicRegistry.message || String(/** @type {Error} */ (error)?.message ?? error);
}

/**
 * The driver adapter the engine runs on: @prisma/adapter-pg with prisma-offline-pg's workarounds,
 * bound the way Prisma binds config adapters (its error registry is how driver errors reach the
 * engine). `?schema=` selects the schema as it does for the native engine.
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function adapterFor(datasource) {
  const schema = new URL(datasource.url).searchParams.get("schema") ?? undefined;
  const factory = offlinePg(datasource.url, schema ? { schema } : undefined);
  if (datasource.shadowDatabaseUrl) {
    // A configured shadow database is used as it is (the adapter's default makes a temporary one).
    const shadow = offlinePg(datasource.shadowDatabaseUrl);
    factory.connectToShadowDb = () => shadow.connect();
  }
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/**
 * @param {{ cwd: string, datamodels: [string, string][] | undefined, datasource: { url: string, shadowDatabaseUrl?: string }, log: (line: string) => void }} options
 */
export async function createEngine({ cwd, datamodels, datasource, log }) {
  const { SchemaEngine } = await loadWasmEngine(cwd);
  return SchemaEngine.new({ datamodels }, log, adapterFor(datasource));
}
