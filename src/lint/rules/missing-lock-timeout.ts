// A statement that needs ACCESS EXCLUSIVE on a busy table waits behind every running query, and
// every query that arrives after it waits behind it: the table is down until the lock is granted.
// `SET lock_timeout` makes the migration fail fast instead (and it can be retried).
import { display, strings } from "../ast.js";
import type { ParsedStatement } from "../parse.js";
import type { MigrationRule } from "../types.js";

/** `SET [LOCAL] lock_timeout …` or `SELECT set_config('lock_timeout', …)`, other than 0 (= no timeout). */
export function setsLockTimeout(stmt: ParsedStatement): boolean {
  const n = stmt.node;
  if (stmt.kind === "VariableSetStmt") {
    if (n.name !== "lock_timeout" || n.kind !== "VAR_SET_VALUE") return false;
    const arg = n.args?.[0]?.A_Const;
    return !(arg?.ival !== undefined && (arg.ival.ival ?? 0) === 0) && arg?.sval?.sval !== "0";
  }
  if (stmt.kind === "SelectStmt") {
    return (n.targetList ?? []).some(
      (t: { ResTarget?: { val?: { FuncCall?: { funcname?: unknown[]; args?: { A_Const?: { sval?: { sval?: string } } }[] } } } }) => {
        const fc = t.ResTarget?.val?.FuncCall;
        return fc && strings(fc.funcname as never).at(-1) === "set_config" && fc.args?.[0]?.A_Const?.sval?.sval === "lock_timeout";
      },
    );
  }
  return false;
}

export const rule: MigrationRule = {
  id: "missing-lock-timeout",
  scope: "migration",
  severity: "warning",
  class: "locking",
  summary: "A migration that takes ACCESS EXCLUSIVE on an existing table should set lock_timeout first.",
  recipe:
    "Start the migration with `SET lock_timeout = '5s';` (pick what the application tolerates). The statement then fails after that long instead of queueing everyone behind it; retry the deploy at a quieter moment. It stays in effect for the rest of the migration.",
  check(ctx) {
    const first = ctx.locks.find((l) => l.existing && l.mode === "ACCESS EXCLUSIVE");
    if (!first) return [];
    const setBefore = ctx.script.statements.some((s) => s.index < first.stmt.index && setsLockTimeout(s));
    if (setBefore) return [];
    const tables = [...new Set(ctx.locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE").map((l) => display(l.table)))];
    return [
      {
        offset: first.stmt.start,
        message:
          `Takes ACCESS EXCLUSIVE on existing ${tables.join(", ")} with no lock_timeout: while it waits for a long-running query, every read and write of ${tables.length === 1 ? "that table" : "those tables"} queues behind it. ` +
          `Start the migration with \`SET lock_timeout = '5s';\` so it fails fast (and can be retried) instead.`,
      },
    ];
  },
};
