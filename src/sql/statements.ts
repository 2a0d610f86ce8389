// Statements of a migration script, located by the real PostgreSQL parser (libpg-query, WASM).
// Imported on first use: loading the module instantiates ~1.7 MB of WASM, which an action's start
// (and every run that never parses SQL) should not pay for.
import v8 from "node:v8";

type LibPgQuery = typeof import("libpg-query");

export interface Statement {
  text: string;
  /** 0-based character offset of the statement's first token in the script. */
  start: number;
}

export type SplitResult = { ok: true; statements: Statement[] } | { ok: false; message: string; position?: number };

let loaded: Promise<LibPgQuery> | undefined;

/** A function index no module has (the filter's "only this function" then matches none). */
const NO_WASM_FUNCTION = 2147483647;

/** Loads the parser once per process. */
export function loadParser(): Promise<LibPgQuery> {
  // Liftoff (V8's baseline WASM compiler) only: by default V8 also compiles the 1.7 MB module with
  // TurboFan on background threads, and the process waits for that before it can exit. Measured on
  // trigger.dev: one migration 600 → 200 ms wall, all 820 migrations 770 → 300 ms. Prisma's own WASM
  // runs in child processes and is unaffected.
  // Node 24's V8 (13.6) ignores --liftoff-only set at run time: the parser's hot functions still tier
  // up, and exit waits for TurboFan (built CLI on Node 24, trigger.dev --each-migration: 4.9 s instead
  // of 1.4 s; lint FILE 568 → 377 ms, both on a loaded machine). A tier-up filter naming no function is
  // read when tier-up triggers, so it holds on every Node from 20 on (the flag exists in all of them;
  // an unknown flag would print an error).
  if (!loaded) v8.setFlagsFromString(`--liftoff-only --wasm-tier-up-filter=${NO_WASM_FUNCTION}`);
  loaded ??= import("libpg-query").then(async (mod) => {
    await mod.loadModule();
    return mod;
  });
  return loaded;
}

/** Skips whitespace and comments: libpg-query's statement location includes what precedes it. */
function firstToken(sql: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith("--", i)) {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else {
      return i;
    }
  }
}

export async function splitStatements(sql: string): Promise<SplitResult> {
  const { parseSync } = await loadParser();
  // Parser locations are UTF-8 byte offsets; messages and editors count characters.
  const bytes = Buffer.from(sql, "utf8");
  const charOffset = (byte: number) => bytes.subarray(0, byte).toString("utf8").length;
  try {
    const result = parseSync(sql) as { stmts?: { stmt_location?: number; stmt_len?: number }[] };
    const statements = (result.stmts ?? []).map((s) => {
      const from = charOffset(s.stmt_location ?? 0);
      const to = s.stmt_len ? charOffset((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
      const start = firstToken(sql, from);
      return { text: sql.slice(start, to).replace(/;\s*$/, ""), start };
    });
    return { ok: true, statements };
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    return {
      ok: false,
      message: details?.message ?? (error as Error).message,
      // Unlike statement locations, the error cursor already counts characters (0-based).
      ...(details?.cursorPosition !== undefined ? { position: details.cursorPosition } : {}),
    };
  }
}
