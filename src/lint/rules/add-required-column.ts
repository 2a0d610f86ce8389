// ADD COLUMN … NOT NULL without a default on a table that has rows: PostgreSQL cannot fill the
// column, so the migration fails as soon as the table is not empty.
import { columnDisplay, columnInfo, display } from "../ast.js";
import { alterCommands, alterTarget, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "add-required-column",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "error",
  class: "data",
  summary: "Adding a NOT NULL column without a default fails on a table that has rows.",
  recipe:
    "Add the column nullable, or with a constant DEFAULT (instant since PostgreSQL 11). Deploy code that writes it, backfill existing rows in batches, then make it NOT NULL in a later migration (see set-not-null). In Prisma: first make the field optional (`String?`) or give it a `@default(...)`, and make it required in a later migration.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_AddColumn") continue;
      const c = columnInfo(cmd.def.ColumnDef);
      if (!c.notNull || c.defaultExpr !== undefined || c.generated) continue;
      hits.push({
        offset,
        subjects: [subjectOf(table, c.name)],
        message:
          `Adding NOT NULL column ${columnDisplay(table, c.name)} without a default fails if ${display(table)} has any rows. ` +
          `Add it nullable (or with a DEFAULT), backfill it, then SET NOT NULL in a later migration.`,
      });
    }
    return hits;
  },
};
