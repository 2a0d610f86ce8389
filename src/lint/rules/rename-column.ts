// RENAME COLUMN is instant, and that is the problem: every deployed reader and writer of the old
// name fails the moment the migration commits.
import { columnDisplay, rangeVarKey } from "../ast.js";
import { newObjectNote, subjectOf } from "../rule-helpers.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "rename-column",
  scope: "statement",
  kinds: ["RenameStmt"],
  severity: "error",
  class: "breaking",
  summary: "Renaming a column breaks every deployed query that uses the old name.",
  recipe:
    'Keep the database name and rename only in Prisma (`@map("old_name")` on the renamed field). To rename the column itself: add the new column, write both from the code, backfill, switch reads, then drop the old column in three phases.',
  check(ctx) {
    const n = ctx.stmt.node;
    if (n.renameType !== "OBJECT_COLUMN" || !n.relation) return [];
    const table = rangeVarKey(n.relation);
    const old = columnDisplay(table, n.subname);
    const subjects = [subjectOf(table, n.subname)];
    if (!ctx.isExistingColumn(table, n.subname))
      return [{ subjects, severity: "notice", message: `Renames ${old} to "${n.newname}". ${newObjectNote(old)}` }];
    return [
      {
        subjects,
        message:
          `Renaming ${old} to "${n.newname}" breaks every deployed query that uses the old name, the moment it commits. ` +
          `In Prisma, rename the field and keep the column with \`@map("${n.subname}")\`; to rename the column itself, add the new one, write both, backfill, switch reads, then drop the old one.`,
      },
    ];
  },
};
