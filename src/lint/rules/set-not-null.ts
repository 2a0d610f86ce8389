// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (blocks reads and writes) and fails on
// the first NULL. Since PostgreSQL 12 a valid CHECK (col IS NOT NULL) constraint lets it skip the scan.
import { columnDisplay, display } from "../ast.js";
import { alterCommands, alterTarget, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "set-not-null",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "warning",
  class: "data",
  summary: "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE and fails on NULLs.",
  recipe:
    "Backfill the NULLs first (in batches). Then add `CHECK (col IS NOT NULL) NOT VALID`, validate it in a later migration (SHARE UPDATE EXCLUSIVE only), and run SET NOT NULL after that: PostgreSQL 12+ uses the validated check and skips the scan. Drop the check afterwards.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_SetNotNull" || !ctx.isExistingColumn(table, cmd.name)) continue;
      const col = columnDisplay(table, cmd.name);
      hits.push({
        offset,
        subjects: [subjectOf(table, cmd.name)],
        message:
          `SET NOT NULL on ${col} scans all of ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first NULL. ` +
          `Backfill first; then add \`CHECK ("${cmd.name}" IS NOT NULL) NOT VALID\`, VALIDATE it in a later migration, and SET NOT NULL after that (PostgreSQL 12+ skips the scan).`,
      });
    }
    return hits;
  },
};
