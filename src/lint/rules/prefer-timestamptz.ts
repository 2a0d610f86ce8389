// timestamp (without time zone) stores wall-clock readings with no zone: values written from servers
// or sessions in different zones are silently inconsistent. Prisma's DateTime maps to timestamp(3)
// unless the field says @db.Timestamptz.
import { display } from "../ast.js";
import { columnsOfType } from "../rule-helpers.js";
import type { StatementRule } from "../types.js";

const isTimestamp = (type: string) => /^timestamp(\(\d+\))?(\[\])?$/.test(type);

export const rule: StatementRule = {
  id: "prefer-timestamptz",
  scope: "statement",
  kinds: ["CreateStmt", "AlterTableStmt"],
  severity: "warning",
  class: "hygiene",
  summary: "Use timestamptz, not timestamp without time zone, for new columns.",
  recipe:
    "Use timestamptz for new columns (Prisma: `DateTime @db.Timestamptz(3)`). It stores an instant; each session sees it in its own TimeZone. Converting an existing column rewrites the table unless the session TimeZone is UTC (see change-column-type).",
  check(ctx) {
    const { table, found } = columnsOfType(ctx, isTimestamp);
    if (found.length === 0) return [];
    const cols = found.map((f) => `"${f.column}"`).join(", ");
    return [
      {
        offset: found[0]!.offset,
        message:
          `${display(table)} ${cols} ${found.length === 1 ? "is" : "are"} timestamp without time zone: the value carries no zone, so readings from sessions in other zones disagree. ` +
          `Use timestamptz (Prisma: \`DateTime @db.Timestamptz(3)\`).`,
      },
    ];
  },
};
