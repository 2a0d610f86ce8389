// Prisma cannot tell a rename from a drop plus an add: renaming a field (without @map) generates
// DROP COLUMN "old" + ADD COLUMN "new" of the same type, and the data of "old" is gone. Reported at
// the ADD COLUMN, pairing each added column with a dropped one of the same table: of the same type
// when both types are known, and any dropped column whose type is unknown (no history for it: file
// mode) — unknown is not safe, and the message says the types could not be compared.
import { columnDisplay, columnInfo } from "../ast.js";
import { alterCommands, alterTarget, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

interface Dropped {
  name: string;
  type?: string;
}

export const rule: StatementRule = {
  id: "prisma-rename-pattern",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "error",
  class: "breaking",
  summary: "DROP COLUMN + ADD COLUMN of the same type (or of unknown types) in one migration is a rename that loses the data.",
  recipe:
    'To rename a field only in Prisma Client, keep the column: rename the field and add `@map("old_name")` (for a model, `@@map`). To rename the column itself, expand and contract: add the new column, write both, backfill, switch reads, then drop the old one in three phases. `prisma migrate dev --create-only` lets you replace the generated DROP/ADD with that.',
  check(ctx) {
    // A rename needs an added column: without one there is nothing to pair a dropped column with.
    const commands = alterCommands(ctx.stmt);
    if (!commands.some(({ cmd }) => cmd.subtype === "AT_AddColumn")) return [];
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    // Existing columns of this table dropped earlier in the migration (their state is known), then
    // those whose state is unknown, then the ones this statement drops.
    const dropped: Dropped[] = ctx.state.droppedColumns
      .filter((d) => d.table === table && ctx.groupOf(d.column.createdIn) !== ctx.group)
      .map((d) => ({ name: d.column.name, type: d.column.type }));
    for (const s of ctx.script.statements) {
      if (s.index >= ctx.stmt.index || s.kind !== "AlterTableStmt" || alterTarget(s) !== table) continue;
      for (const { cmd } of alterCommands(s)) {
        if (
          cmd.subtype === "AT_DropColumn" &&
          !ctx.state.column(table, cmd.name) &&
          !dropped.some((d) => d.name === cmd.name) &&
          !ctx.state.droppedColumns.some((d) => d.table === table && d.column.name === cmd.name)
        )
          dropped.push({ name: cmd.name });
      }
    }
    const hits: Hit[] = [];
    for (const { cmd, offset } of commands) {
      if (cmd.subtype === "AT_DropColumn" && ctx.isExistingColumn(table, cmd.name)) {
        const type = ctx.state.column(table, cmd.name)?.type;
        dropped.push(type ? { name: cmd.name, type } : { name: cmd.name });
      }
      if (cmd.subtype !== "AT_AddColumn") continue;
      const c = columnInfo(cmd.def.ColumnDef);
      let i = dropped.findIndex((d) => d.type === c.type && d.name !== c.name);
      if (i < 0) i = dropped.findIndex((d) => d.type === undefined && d.name !== c.name);
      if (i < 0) continue;
      const old = dropped.splice(i, 1)[0]!;
      const types = old.type
        ? `(${c.type})`
        : `(types unknown: no migration the linter saw creates ${columnDisplay(table, old.name)}; the new one is ${c.type})`;
      hits.push({
        offset,
        subjects: [subjectOf(table, old.name)],
        message:
          `Looks like a rename of ${columnDisplay(table, old.name)} to "${c.name}" ${types}: this migration drops the old column and adds an empty new one, so the data is lost. ` +
          `To rename in Prisma keep the column (\`@map("${old.name}")\` on the renamed field); to really move it, add the new column, backfill, switch code, then drop the old one in three phases.`,
      });
    }
    return hits;
  },
};
