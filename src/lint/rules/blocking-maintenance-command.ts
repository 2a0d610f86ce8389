// Maintenance commands that rewrite or lock a whole table: VACUUM FULL, CLUSTER, REINDEX and
// REFRESH MATERIALIZED VIEW without CONCURRENTLY. They belong in a maintenance window, not a deploy.
import { display } from "../ast.js";
import { statementLocks } from "../locks.js";
import type { StatementRule } from "../types.js";

const NAMES: Record<string, string> = {
  VacuumStmt: "VACUUM FULL",
  ClusterStmt: "CLUSTER",
  ReindexStmt: "REINDEX",
  RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW",
};

export const rule: StatementRule = {
  id: "blocking-maintenance-command",
  scope: "statement",
  kinds: Object.keys(NAMES),
  severity: "warning",
  class: "locking",
  summary: "VACUUM FULL, CLUSTER, REINDEX or REFRESH MATERIALIZED VIEW without CONCURRENTLY locks a whole table in a migration.",
  recipe:
    "Keep maintenance out of schema migrations. Use `REINDEX \u2026 CONCURRENTLY` and `REFRESH MATERIALIZED VIEW CONCURRENTLY` (it needs a unique index); instead of VACUUM FULL or CLUSTER use pg_repack, or run them in a maintenance window.",
  check(ctx) {
    const locks = statementLocks(ctx.stmt, ctx.state).filter(
      (l) => (l.mode === "ACCESS EXCLUSIVE" || l.mode === "SHARE") && ctx.isExistingTable(l.table),
    );
    if (locks.length === 0) return [];
    const tables = locks.map((l) => display(l.table)).join(", ");
    return [
      {
        message:
          `${NAMES[ctx.stmt.kind]} takes ${locks[0]!.mode} on ${tables} for as long as it runs. ` +
          `Use the CONCURRENTLY form (REINDEX … CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM FULL/CLUSTER) outside the migration.`,
      },
    ];
  },
};
