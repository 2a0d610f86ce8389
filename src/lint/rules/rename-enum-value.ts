// ALTER TYPE … RENAME VALUE: rows follow the new label at once, and deployed code that writes or
// compares the old label fails ("invalid input value for enum").
import { display, listKey } from "../ast.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "rename-enum-value",
  scope: "statement",
  kinds: ["AlterEnumStmt"],
  severity: "error",
  class: "breaking",
  summary: "Renaming an enum value breaks deployed code that writes or compares the old value.",
  recipe:
    "Add the new value (`ALTER TYPE \u2026 ADD VALUE`), deploy code that writes the new value and accepts both, update the rows in batches, then stop accepting the old value (and remove it later, see drop-enum-value).",
  check(ctx) {
    const n = ctx.stmt.node;
    if (!n.oldVal) return [];
    const k = listKey(n.typeName);
    const e = ctx.state.enumType(k);
    if (e && ctx.groupOf(e.createdIn) === ctx.group) return [];
    return [
      {
        subjects: [k.slice(k.indexOf(".") + 1)],
        message:
          `Renaming value '${n.oldVal}' of enum ${display(k)} to '${n.newVal}' breaks deployed code that writes or compares '${n.oldVal}' the moment it commits. ` +
          `Add the new value, ship code that writes it and accepts both, migrate the rows, then retire the old one.`,
      },
    ];
  },
};
