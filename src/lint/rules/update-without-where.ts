// UPDATE or DELETE without WHERE on a table with rows, inside the migration's one transaction: every
// row is locked and rewritten at once (a long transaction, bloat, replication lag).
import { display, rangeVarKey } from "../ast.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "update-without-where",
  scope: "statement",
  kinds: ["UpdateStmt", "DeleteStmt"],
  severity: "warning",
  class: "hygiene",
  summary: "UPDATE or DELETE without WHERE rewrites every row of an existing table in one transaction.",
  recipe:
    "Backfill outside the schema migration, in batches by primary key range (`UPDATE t SET \u2026 WHERE id > $1 AND id <= $2`), committing between batches. If it must be in the migration, limit it with a WHERE.",
  check(ctx) {
    const n = ctx.stmt.node;
    const table = rangeVarKey(n.relation);
    if (n.whereClause || !ctx.isExistingTable(table)) return [];
    const verb = ctx.stmt.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
    return [
      {
        message:
          `${verb} without WHERE touches every row of ${display(table)} in the migration's single transaction: all rows stay locked until it commits. ` +
          `Backfill in batches (by primary key ranges) outside the schema migration, or add a WHERE that limits it.`,
      },
    ];
  },
};
