// json stores the text as written and re-parses it on every access; it has no equality operator (so
// no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is what Prisma's Json maps to.
import { display } from "../ast.js";
import { columnsOfType } from "../rule-helpers.js";
import type { StatementRule } from "../types.js";

const isJson = (type: string) => type.replace(/\[\]$/, "") === "json";

export const rule: StatementRule = {
  id: "prefer-jsonb",
  scope: "statement",
  kinds: ["CreateStmt", "AlterTableStmt"],
  severity: "warning",
  class: "hygiene",
  summary: "Use jsonb, not json, for new columns.",
  recipe:
    "Use jsonb (Prisma's Json type maps to jsonb by default; remove `@db.Json`). To convert an existing column, see change-column-type: it rewrites the table.",
  check(ctx) {
    const { table, found } = columnsOfType(ctx, isJson);
    if (found.length === 0) return [];
    return [
      {
        offset: found[0]!.offset,
        message: `${found.map((f) => `${display(table)}."${f.column}"`).join(", ")} ${found.length === 1 ? "is" : "are"} json: re-parsed on every read, no equality (DISTINCT, GROUP BY, unique) and no GIN index. Use jsonb.`,
      },
    ];
  },
};
