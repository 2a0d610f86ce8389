// RENAME TABLE: every deployed query that names the old table fails the moment it commits.
import { display, key, rangeVarKey } from "../ast.js";
import { newObjectNote, subjectOf } from "../rule-helpers.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "rename-table",
  scope: "statement",
  kinds: ["RenameStmt"],
  severity: "error",
  class: "breaking",
  summary: "Renaming a table breaks every deployed query that uses the old name.",
  recipe:
    'Keep the table name and rename only in Prisma (`@@map("OldName")` on the renamed model). To rename the table itself: rename it and create a view with the old name in the same migration, deploy code that uses the new name, then drop the view.',
  check(ctx) {
    const n = ctx.stmt.node;
    if (n.renameType !== "OBJECT_TABLE" || !n.relation) return [];
    const table = rangeVarKey(n.relation);
    const to = display(key(n.relation.schemaname, n.newname));
    const subjects = [subjectOf(table)];
    if (!ctx.isExistingTable(table))
      return [{ subjects, severity: "notice", message: `Renames ${display(table)} to ${to}. ${newObjectNote(display(table))}` }];
    return [
      {
        subjects,
        message:
          `Renaming ${display(table)} to ${to} breaks every deployed query that uses the old name, the moment it commits. ` +
          `In Prisma, rename the model and keep the table with \`@@map("${n.relation.relname}")\`; to rename the table itself, create a view with the old name during the transition, or copy in phases.`,
      },
    ];
  },
};
