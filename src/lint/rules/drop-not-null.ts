// DROP NOT NULL on a live column: readers that assume a value start seeing NULL. It is also phase 1
// of dropping a column, which is fine once the code handles NULL.
import { columnDisplay } from "../ast.js";
import { alterCommands, alterTarget } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-not-null",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "warning",
  class: "breaking",
  summary: "Dropping NOT NULL lets NULLs reach readers that assume a value.",
  recipe:
    "Ship code that handles NULL in this column before the migration that drops NOT NULL. As phase 1 of dropping a column, this is the right first step: deploy it everywhere, then remove the code that reads the column.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_DropNotNull" || !ctx.isExistingColumn(table, cmd.name)) continue;
      hits.push({
        offset,
        message:
          `${columnDisplay(table, cmd.name)} becomes nullable: deployed code that assumes a value will read NULL once anything writes one. ` +
          `Ship code that handles NULL first. (As phase 1 of dropping the column this is the right step.)`,
      });
    }
    return hits;
  },
};
