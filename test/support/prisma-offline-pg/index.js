// A driver adapter factory for Prisma 6.19's JavaScript schema engine (`engine: "js"` in
// prisma.config.ts), so that the real Prisma CLI runs `migrate deploy/status/diff` on a machine that
// cannot download Prisma's native schema engine. Three workarounds, all measured:
//  - @prisma/adapter-pg 7.x is needed (6.19's own adapter rejects the catalog type `name`);
//  - catalog columns of type "char" (OID 18) and name (OID 19) are read as text, on the main
//    connection, in transactions and on the shadow database alike; "char" columns are then typed as
//    the engine's Character (what the native engine reads them as): Prisma's schema describer reads
//    e.g. pg_constraint.contype as a char and panics on text (measured: a CHECK constraint in
//    trigger.dev's history made `migrate diff --from-migrations` crash);
//  - a migration script runs as one simple-protocol query, as the native engine does (the adapter
//    splits on `;`, which breaks `DO $$ … $$` bodies and string literals).
import { PrismaPg } from "@prisma/adapter-pg";

// The WASM schema engine arms a 10 s timer (through the global setTimeout) that it never clears after
// `migrate deploy` applied something, so the CLI process lingers 10 s after its work is done. Such long
// timers are unref'd: they still fire while the engine is busy, but do not keep an idle process alive.
// This module is loaded by prisma.config.ts inside the CLI process, so the patch covers exactly it.
const LONG_TIMER_MS = 5000;
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = Object.assign(function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal(callback, ms, ...args);
  if (typeof ms === "number" && ms >= LONG_TIMER_MS) timer?.unref?.();
  return timer;
}, setTimeoutOriginal);

const TEXT_OID = 25;
const CHAR_OID = 18;
const CATALOG_OIDS = new Set([CHAR_OID, 19]);
// ColumnTypeEnum.Character of @prisma/driver-adapter-utils (no pg OID maps to it in the adapter).
const CHARACTER_COLUMN_TYPE = 6;

function readCatalogTypesAsText(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  // queryRaw passes its query object on to performIO: which columns were "char", per query.
  const charColumns = new WeakMap();
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const chars = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) chars.push(index);
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (chars.length > 0 && query && typeof query === "object") charColumns.set(query, chars);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  return queryable;
}

function patchAdapter(adapter) {
  readCatalogTypesAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => readCatalogTypesAsText(await startTransaction(isolationLevel));
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * @param {string | import("pg").PoolConfig} connection
 * @param {ConstructorParameters<typeof PrismaPg>[1]} [options] passed on to PrismaPg (e.g. `schema`)
 */
export function offlinePg(connection, options) {
  // allowExitOnIdle: the CLI does not always dispose the adapter; without it the process waits for
  // pg's 10 s idle timeout before it exits.
  const config = typeof connection === "string" ? { connectionString: connection } : connection;
  const factory = new PrismaPg({ allowExitOnIdle: true, ...config }, options);
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patchAdapter(await connect());
  factory.connectToShadowDb = async () => patchAdapter(await connectToShadowDb());
  return factory;
}
