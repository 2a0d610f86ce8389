// The native schema engine logs through `tracing` as JSON, one document per line on stderr, and the
// Prisma CLI reads those lines: every line's `fields.message` goes into its error messages, and the
// last line with level ERROR becomes `lastError` (a panic's message and backtrace). In `cli`
// subcommands the CLI drops the first stderr line (the engine's "Starting schema engine CLI") and
// parses the rest, looking for an ERROR from target `schema_engine::logger` with `error_code` and
// `message`. This module writes lines of that shape.

/**
 * @param {"INFO" | "WARN" | "ERROR" | "DEBUG"} level
 * @param {Record<string, unknown>} fields
 * @param {string} [target]
 */
export function logLine(level, fields, target = "schema_engine") {
  const line = JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
  process.stderr.write(`${line}\n`);
}

/** Lines the WASM engine logs (already tracing JSON) are passed on as they are. */
export function forwardEngineLog(text) {
  if (typeof text !== "string" || text.length === 0) return;
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Writes what is pending on stderr, then exits (a bare process.exit can lose a piped write). */
export function exitAfterFlush(code) {
  process.stderr.write("", () => process.stdout.write("", () => process.exit(code)));
}
