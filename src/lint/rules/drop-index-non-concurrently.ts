// DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table: it waits for every
// running query on the table and blocks all new ones (reads too) behind it.
import { display, dropObjectKey } from "../ast.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-index-non-concurrently",
  scope: "statement",
  kinds: ["DropStmt"],
  severity: "warning",
  class: "locking",
  summary: "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table.",
  recipe:
    "Use `DROP INDEX CONCURRENTLY`, alone in its own migration file. Make sure no query plan still needs the index (check pg_stat_user_indexes.idx_scan) before dropping it.",
  check(ctx) {
    const n = ctx.stmt.node;
    if (n.removeType !== "OBJECT_INDEX" || n.concurrent) return [];
    const hits = [];
    for (const obj of n.objects ?? []) {
      const k = dropObjectKey(obj);
      const index = ctx.state.index(k);
      if (index && (ctx.groupOf(index.createdIn) === ctx.group || !ctx.isExistingTable(index.table))) continue;
      const on = index ? ` on existing ${display(index.table)}` : "";
      hits.push({
        message:
          `DROP INDEX ${display(k)}${on} takes ACCESS EXCLUSIVE (blocks reads and writes) while it waits for running queries. ` +
          `Use DROP INDEX CONCURRENTLY, alone in its own migration file.`,
      });
    }
    return hits;
  },
};
