// Dropping a foreign key (Atlas CD101): PostgreSQL stops guaranteeing the relation, and rows that
// point nowhere can appear. Not reported when the same migration re-creates it (Prisma changes ON
// DELETE that way) or drops the column/table anyway (drop-column / drop-table report that).
import { display, rangeVarKey, strings } from "../ast.js";
import { alterCommands, alterTarget, dropsTable } from "../rule-helpers.js";
import type { Hit, StatementContext, StatementRule } from "../types.js";

function recreated(ctx: StatementContext, table: string, name: string, columns: string[]): boolean {
  return ctx.script.statements.some(
    (s) =>
      s.index > ctx.stmt.index &&
      s.kind === "AlterTableStmt" &&
      rangeVarKey(s.node.relation) === table &&
      alterCommands(s).some(({ cmd }) => {
        const con = cmd.def?.Constraint;
        return (
          cmd.subtype === "AT_AddConstraint" &&
          con?.contype === "CONSTR_FOREIGN" &&
          (con.conname === name || strings(con.fk_attrs).join(",") === columns.join(","))
        );
      }),
  );
}

function columnDropped(ctx: StatementContext, table: string, columns: string[]): boolean {
  return ctx.script.statements.some(
    (s) =>
      s.kind === "AlterTableStmt" &&
      rangeVarKey(s.node.relation) === table &&
      alterCommands(s).some(({ cmd }) => cmd.subtype === "AT_DropColumn" && columns.includes(cmd.name)),
  );
}

export const rule: StatementRule = {
  id: "drop-foreign-key",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "warning",
  class: "destructive",
  summary: "Dropping a foreign key stops PostgreSQL from enforcing the relation.",
  recipe:
    "Keep foreign keys unless the relation itself is going away; then drop the referencing column in three phases (drop-column), which removes the constraint with it. To change ON DELETE/ON UPDATE, drop and re-add the constraint in the same migration (re-add it NOT VALID and validate later).",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table) || dropsTable(ctx, table)) return [];
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_DropConstraint") continue;
      const fk = ctx.state.table(table)?.foreignKeys[cmd.name];
      // No history for the table (file mode): a constraint named like Prisma's foreign keys is one,
      // as far as anyone can tell. Unknown is not safe: reported, saying what is unknown.
      if (
        !fk &&
        !ctx.state.table(table) &&
        /_fkey$/.test(cmd.name ?? "") &&
        !recreated(ctx, table, cmd.name, []) &&
        !dropsTable(ctx, table)
      ) {
        hits.push({
          offset,
          message: `Dropping constraint "${cmd.name}" of ${display(table)}: named like a foreign key, and no migration the linter saw defines it, so what it protects is unknown. If it is a foreign key, rows can then point at rows that do not exist. Lint the Prisma project (\`--working-directory DIR --base-ref REF\`) to give the linter its definition.`,
        });
        continue;
      }
      if (!fk || ctx.groupOf(fk.createdIn) === ctx.group) continue;
      if (recreated(ctx, table, fk.name, fk.columns) || columnDropped(ctx, table, fk.columns) || dropsTable(ctx, fk.to)) continue;
      hits.push({
        offset,
        message:
          `Dropping foreign key "${fk.name}" (${display(table)}.${fk.columns.join(", ")} → ${display(fk.to)}) lets rows point at ${display(fk.to)} rows that do not exist. ` +
          `If the relation is going away, drop the column (three phases); if not, keep the constraint.`,
      });
    }
    return hits;
  },
};
