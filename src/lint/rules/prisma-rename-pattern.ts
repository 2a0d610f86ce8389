// Prisma cannot tell a rename from a drop plus an add: renaming a field (without @map) generates
// DROP COLUMN "old" + ADD COLUMN "new" of the same type, and the data of "old" is gone. Reported at
// the ADD COLUMN, pairing each added column with a dropped one of the same type on the same table.
import { columnDisplay, columnInfo } from "../ast.js";
import { alterCommands, alterTarget, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "prisma-rename-pattern",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "error",
  class: "breaking",
  summary: "DROP COLUMN + ADD COLUMN of the same type in one migration is a rename that loses the data.",
  recipe:
    "To rename a field only in Prisma Client, keep the column: rename the field and add `@map(\"old_name\")` (for a model, `@@map`). To rename the column itself, expand and contract: add the new column, write both, backfill, switch reads, then drop the old one in three phases. `prisma migrate dev --create-only` lets you replace the generated DROP/ADD with that.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    // Existing columns of this table dropped earlier in the migration, then in this statement.
    const dropped = ctx.state.droppedColumns
      .filter((d) => d.table === table && ctx.groupOf(d.column.createdIn) !== ctx.group)
      .map((d) => ({ name: d.column.name, type: d.column.type }));
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype === "AT_DropColumn" && ctx.isExistingColumn(table, cmd.name)) {
        const type = ctx.state.column(table, cmd.name)?.type;
        if (type) dropped.push({ name: cmd.name, type });
      }
      if (cmd.subtype !== "AT_AddColumn") continue;
      const c = columnInfo(cmd.def.ColumnDef);
      const i = dropped.findIndex((d) => d.type === c.type && d.name !== c.name);
      if (i < 0) continue;
      const old = dropped.splice(i, 1)[0]!;
      hits.push({
        offset,
        subjects: [subjectOf(table, old.name)],
        message: `Looks like a rename of ${columnDisplay(table, old.name)} to "${c.name}" (${c.type}): this migration drops the old column and adds an empty new one, so the data is lost. ` +
          `To rename in Prisma keep the column (\`@map("${old.name}")\` on the renamed field); to really move it, add the new column, backfill, switch code, then drop the old one in three phases.`,
      });
    }
    return hits;
  },
};
