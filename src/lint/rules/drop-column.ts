// DROP COLUMN: data loss, and deployed code that still reads the column breaks (Prisma Client
// selects every field of a model). Allowed only as the third phase, after the column was made
// nullable and the code stopped reading it, each deployed.
import { columnDisplay } from "../ast.js";
import { dropColumnVerdict } from "../phases.js";
import { alterCommands, alterTarget, newObjectNote, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-column",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "error",
  class: "destructive",
  summary: "Dropping a column loses its data and breaks deployed code that reads it, unless phases 1 and 2 shipped first.",
  recipe:
    "Three phases, each deployed before the next. 1: make the column nullable (Prisma: make the field optional) so new code can stop writing it. 2: stop reading it: remove the code references and mark the field `@ignore` in schema.prisma (Prisma Client otherwise selects it on every query), or remove the field. 3: drop the column. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_DropColumn") continue;
      const name = columnDisplay(table, cmd.name);
      const subjects = [subjectOf(table, cmd.name)];
      if (!ctx.isExistingColumn(table, cmd.name)) {
        hits.push({ offset, subjects, severity: "notice", message: `Drops ${name}. ${newObjectNote(name)}` });
        continue;
      }
      const v = dropColumnVerdict(ctx, table, cmd.name);
      hits.push({ offset, subjects, severity: v.severity, message: `Dropping ${name} deletes its data. ${v.explanation}` });
    }
    return hits;
  },
};
