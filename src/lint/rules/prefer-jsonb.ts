// json stores the text as written and re-parses it on every access; it has no equality operator (so
// no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is what Prisma's Json maps to.
import { columnInfo, display, rangeVarKey, typeString } from "../ast.js";
import { alterCommands, alterTarget } from "../rule-helpers.js";
import type { Node } from "../parse.js";
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
    const n = ctx.stmt.node;
    const found: { column: string; offset: number }[] = [];
    let table: string;
    if (ctx.stmt.kind === "CreateStmt") {
      table = rangeVarKey(n.relation);
      for (const e of n.tableElts ?? []) if (e.ColumnDef && isJson(columnInfo(e.ColumnDef).type)) found.push({ column: e.ColumnDef.colname, offset: ctx.stmt.start });
    } else {
      table = alterTarget(ctx.stmt);
      for (const { cmd, offset } of alterCommands(ctx.stmt)) {
        const def: Node = cmd.def?.ColumnDef;
        if (cmd.subtype === "AT_AddColumn" && isJson(columnInfo(def).type)) found.push({ column: def.colname, offset });
        if (cmd.subtype === "AT_AlterColumnType" && isJson(typeString(def?.typeName))) found.push({ column: cmd.name, offset });
      }
    }
    if (found.length === 0) return [];
    return [{
      offset: found[0]!.offset,
      message: `${found.map((f) => `${display(table)}."${f.column}"`).join(", ")} ${found.length === 1 ? "is" : "are"} json: re-parsed on every read, no equality (DISTINCT, GROUP BY, unique) and no GIN index. Use jsonb.`,
    }];
  },
};
