// DROP TABLE: all of its data is gone, and deployed code that queries it breaks. Allowed only as the
// third phase: no foreign keys from existing tables point at it, and the code no longer uses it.
import { display, dropObjectKey } from "../ast.js";
import { dropTableVerdict } from "../phases.js";
import { newObjectNote, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-table",
  scope: "statement",
  kinds: ["DropStmt"],
  severity: "error",
  class: "destructive",
  summary: "Dropping a table loses its data and breaks deployed code that queries it, unless phases 1 and 2 shipped first.",
  recipe:
    "Three phases, each deployed before the next. 1: drop the foreign keys that point at the table from other tables (and the code that follows them). 2: stop using it: remove the code and mark the model `@@ignore` in schema.prisma, or remove the model. 3: drop the table. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
  check(ctx) {
    const n = ctx.stmt.node;
    if (n.removeType !== "OBJECT_TABLE") return [];
    const tables: string[] = (n.objects ?? []).map(dropObjectKey);
    // Tables dropped by this migration do not keep each other alive.
    const droppedHere = new Set<string>(
      ctx.script.statements
        .filter((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE")
        .flatMap((s) => (s.node.objects ?? []).map(dropObjectKey)),
    );
    const hits: Hit[] = [];
    for (const table of tables) {
      const subjects = [subjectOf(table)];
      if (n.missing_ok && ctx.completeHistory && !ctx.state.table(table)) {
        hits.push({
          subjects,
          severity: "notice",
          message: `DROP TABLE IF EXISTS ${display(table)}: no migration before this one creates it, so this is a no-op (unless it was created outside the migrations).`,
        });
        continue;
      }
      if (!ctx.isExistingTable(table)) {
        hits.push({ subjects, severity: "notice", message: `Drops ${display(table)}. ${newObjectNote(display(table))}` });
        continue;
      }
      const v = dropTableVerdict(ctx, table, droppedHere);
      const cascade = n.behavior === "DROP_CASCADE" ? " CASCADE also drops every view and foreign key that depends on it, silently." : "";
      hits.push({
        subjects,
        severity: v.severity,
        message: `Dropping ${display(table)} deletes all of its rows.${cascade} ${v.explanation}`,
      });
    }
    return hits;
  },
};
