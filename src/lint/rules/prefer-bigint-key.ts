// A new integer primary key runs out at 2,147,483,647 rows; widening it later rewrites the table and
// every referencing one. bigint (Prisma: BigInt @default(autoincrement())) costs 4 bytes per row.
import { columnInfo, display, rangeVarKey, strings } from "../ast.js";
import { alterCommands, alterTarget } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

const SMALL = new Set(["integer", "smallint", "serial", "smallserial"]);

export const rule: StatementRule = {
  id: "prefer-bigint-key",
  scope: "statement",
  kinds: ["CreateStmt", "AlterTableStmt"],
  severity: "warning",
  class: "hygiene",
  summary: "New integer primary keys should be bigint (or bigint identity): int runs out at 2^31.",
  recipe:
    "Use bigint keys: `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or in Prisma `id BigInt @id @default(autoincrement())`. String ids (cuid, uuid) need nothing.",
  check(ctx) {
    const n = ctx.stmt.node;
    const hits: Hit[] = [];
    if (ctx.stmt.kind === "CreateStmt") {
      const table = rangeVarKey(n.relation);
      const cols = (n.tableElts ?? [])
        .filter((e: { ColumnDef?: unknown }) => e.ColumnDef)
        .map((e: { ColumnDef: unknown }) => columnInfo(e.ColumnDef));
      const pk = (n.tableElts ?? [])
        .map((e: { Constraint?: { contype?: string; keys?: unknown[] } }) => e.Constraint)
        .find((c: { contype?: string } | undefined) => c?.contype === "CONSTR_PRIMARY");
      const pkCols: string[] = pk
        ? strings(pk.keys as never)
        : cols.filter((c: { primaryKey: boolean }) => c.primaryKey).map((c: { name: string }) => c.name);
      if (pkCols.length !== 1) return [];
      const col = cols.find((c: { name: string }) => c.name === pkCols[0]);
      if (col && SMALL.has(col.type)) hits.push({ message: message(`${display(table)}."${col.name}"`, col.type) });
      return hits;
    }
    const table = alterTarget(ctx.stmt);
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_AddColumn") continue;
      const c = columnInfo(cmd.def.ColumnDef);
      if (c.primaryKey && SMALL.has(c.type)) hits.push({ offset, message: message(`${display(table)}."${c.name}"`, c.type) });
    }
    return hits;
  },
};

function message(column: string, type: string): string {
  return (
    `Primary key ${column} is ${type}: it runs out at ${type.startsWith("small") ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table and every table that references it. ` +
    `Use bigint (\`bigint GENERATED ALWAYS AS IDENTITY\`; Prisma: \`BigInt @id @default(autoincrement())\`).`
  );
}
