// ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a sequence) or
// an identity / serial / stored generated column must compute a value per existing row: PostgreSQL
// rewrites the table under ACCESS EXCLUSIVE. A constant or stable default (now()) is instant (PG 11+).
import { columnDisplay, columnInfo, display, volatileCall } from "../ast.js";
import { alterCommands, alterTarget } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "volatile-default",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "warning",
  class: "locking",
  summary: "ADD COLUMN with a volatile default or a generated value rewrites an existing table under ACCESS EXCLUSIVE.",
  recipe:
    "Add the column without a default (instant), then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only), and backfill existing rows in batches. For a new identity key, create the table anew rather than adding it to a large one.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_AddColumn") continue;
      const c = columnInfo(cmd.def.ColumnDef);
      const call = c.defaultExpr ? volatileCall(c.defaultExpr) : undefined;
      const why = call
        ? `its default ${call} is volatile`
        : c.generated
          ? `it is ${c.type.includes("serial") ? c.type : "an identity or generated column"}`
          : undefined;
      if (!why) continue;
      hits.push({
        offset,
        message:
          `Adding ${columnDisplay(table, c.name)}: ${why}, so PostgreSQL computes it for every existing row and rewrites ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes). ` +
          `Add the column without the default, set the default afterwards (applies to new rows only), and backfill in batches.`,
      });
    }
    return hits;
  },
};
