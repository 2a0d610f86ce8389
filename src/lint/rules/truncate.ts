// TRUNCATE deletes every row at once (no WHERE, no triggers per row) under ACCESS EXCLUSIVE.
import { display, rangeVarKey } from "../ast.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "truncate",
  scope: "statement",
  kinds: ["TruncateStmt"],
  severity: "error",
  class: "destructive",
  summary: "TRUNCATE deletes every row of an existing table.",
  recipe:
    "Do not empty live tables in a migration. If the data really must go, delete it in batches (or TRUNCATE in a maintenance window), and document it with an ignore directive and its reason.",
  check(ctx) {
    const tables = (ctx.stmt.node.relations ?? [])
      .map((r: { RangeVar: unknown }) => rangeVarKey(r.RangeVar))
      .filter((t: string) => ctx.isExistingTable(t));
    if (tables.length === 0) return [];
    const cascade = ctx.stmt.node.behavior === "DROP_CASCADE" ? " CASCADE also empties every table that references them." : "";
    return [
      {
        message: `TRUNCATE deletes every row of ${tables.map(display).join(", ")}.${cascade} If the data must go, say so in an ignore with the reason; otherwise delete only what must be deleted.`,
      },
    ];
  },
};
