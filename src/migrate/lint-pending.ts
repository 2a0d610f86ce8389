// The migration linter on what a deploy is about to apply: the whole history replays into the schema
// model, the pending migrations get findings, and they form one change set (a table created by one of
// them counts as new for the others). Loaded on demand: the SQL parser is a large WASM module that
// status and resolve never need.
import type { Migration } from "../core/migrations.js";
import type { PendingMigration } from "./report.js";

export async function lintPending(pending: PendingMigration[], all: readonly Migration[]): Promise<void> {
  const { lint } = await import("../lint/linter.js");
  const names = new Set(pending.map((p) => p.name));
  const result = await lint({
    migrations: all.map((m) => ({ name: m.name, file: m.file, sql: m.sql })),
    shouldLint: (name) => names.has(name),
    groupOf: (name) => (names.has(name) ? "pending" : name),
    completeHistory: true,
  });
  for (const p of pending) p.lint = [];
  for (const f of result.findings)
    pending
      .find((p) => p.name === f.migration)
      ?.lint?.push({ rule: f.rule, severity: f.severity, message: `line ${f.line}: ${f.message}` });
}
