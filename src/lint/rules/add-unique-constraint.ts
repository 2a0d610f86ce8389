// A unique index or constraint on columns that already hold data: it fails on the first duplicate,
// and unless built CONCURRENTLY it blocks writes for the whole build.
import { display, indexColumns, rangeVarKey, strings } from "../ast.js";
import { alterCommands, alterTarget, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementContext, StatementRule } from "../types.js";

function existingColumns(ctx: StatementContext, table: string, columns: string[]): string[] {
  return columns.filter((c) => c !== "(expression)" && ctx.isExistingColumn(table, c));
}

export const rule: StatementRule = {
  id: "add-unique-constraint",
  scope: "statement",
  kinds: ["IndexStmt", "AlterTableStmt"],
  severity: "warning",
  class: "data",
  summary: "A unique index or constraint on existing columns fails on duplicates and, unless CONCURRENTLY, blocks writes while it builds.",
  recipe:
    "Look for duplicates first (`SELECT col, count(*) FROM t GROUP BY col HAVING count(*) > 1`). Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` alone in its own migration (Prisma: `prisma migrate dev --create-only`, then edit the file). For a UNIQUE or PRIMARY KEY constraint, attach the finished index afterwards: `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i`.",
  check(ctx) {
    const n = ctx.stmt.node;
    const hits: Hit[] = [];
    if (ctx.stmt.kind === "IndexStmt") {
      const table = rangeVarKey(n.relation);
      const cols = indexColumns(n.indexParams);
      if (!n.unique || !ctx.isExistingTable(table) || existingColumns(ctx, table, cols).length === 0) return [];
      const lock = n.concurrent
        ? ""
        : ` Built without CONCURRENTLY it holds a SHARE lock on ${display(table)} (blocks writes) for the whole build.`;
      hits.push({
        subjects: [subjectOf(table)],
        message:
          `Unique index on existing ${display(table)} (${cols.join(", ")}) fails if duplicate values exist.${lock} ` +
          `Check for duplicates first, and create it with CREATE UNIQUE INDEX CONCURRENTLY alone in its own migration.`,
      });
      return hits;
    }
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      const con = cmd.def?.Constraint;
      if (cmd.subtype !== "AT_AddConstraint" || !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(con?.contype) || con.indexname) continue;
      const cols = strings(con.keys);
      if (existingColumns(ctx, table, cols).length === 0) continue;
      const kind = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE constraint";
      hits.push({
        offset,
        subjects: [subjectOf(table)],
        message:
          `${kind} on existing ${display(table)} (${cols.join(", ")}) builds its index under an ACCESS EXCLUSIVE lock (blocks reads and writes) and fails on duplicates${kind === "PRIMARY KEY" ? " or NULLs" : ""}. ` +
          `Create a unique index CONCURRENTLY in its own migration first, then \`ADD CONSTRAINT … ${kind === "PRIMARY KEY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX …\`.`,
      });
    }
    return hits;
  },
};
