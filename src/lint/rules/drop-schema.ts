// DROP SCHEMA: every table, type and function in it is gone (with CASCADE, silently).
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-schema",
  scope: "statement",
  kinds: ["DropStmt"],
  severity: "error",
  class: "destructive",
  summary: "DROP SCHEMA deletes every table and type in the schema.",
  recipe:
    "Drop the objects in the schema one by one, each table through the three phases (drop-table); drop the empty schema last, without CASCADE.",
  check(ctx) {
    const n = ctx.stmt.node;
    if (n.removeType !== "OBJECT_SCHEMA") return [];
    const names = (n.objects ?? []).map((o: { String?: { sval?: string } }) => `"${o.String?.sval ?? "?"}"`).join(", ");
    const cascade =
      n.behavior === "DROP_CASCADE"
        ? " CASCADE drops every table, type and function in it, with their data."
        : " It fails unless the schema is empty; with CASCADE it would delete everything in it.";
    return [{ message: `DROP SCHEMA ${names}.${cascade} Drop the objects one by one, each through the three phases.` }];
  },
};
