// ADD CONSTRAINT … FOREIGN KEY / CHECK on a table with rows validates every row while holding its
// lock (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). Adding
// it NOT VALID is instant; VALIDATE CONSTRAINT later only takes SHARE UPDATE EXCLUSIVE.
import { columnInfo, display, rangeVarKey, strings } from "../ast.js";
import { alterCommands, alterTarget } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "constraint-not-valid",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "warning",
  class: "locking",
  summary: "A foreign key or check constraint added to an existing table without NOT VALID scans the table under a blocking lock.",
  recipe:
    "Add the constraint with NOT VALID (instant: only new rows are checked), then run `ALTER TABLE t VALIDATE CONSTRAINT c` in a later migration; validation takes only SHARE UPDATE EXCLUSIVE, so reads and writes continue. In Prisma, edit the generated migration (`--create-only`) to add NOT VALID and put the VALIDATE in the next one.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    if (!ctx.isExistingTable(table)) return [];
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      let con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : undefined;
      let label = con?.conname ? `"${con.conname}"` : "";
      if (cmd.subtype === "AT_AddColumn") {
        const c = columnInfo(cmd.def.ColumnDef);
        if (c.references && !c.references.notValid) {
          con = {
            contype: "CONSTR_FOREIGN",
            pktable: { relname: c.references.table.split(".")[1], schemaname: c.references.table.split(".")[0] },
          };
          label = `on new column "${c.name}"`;
        }
      }
      if (!con || con.skip_validation) continue;
      if (con.contype === "CONSTR_FOREIGN") {
        const ref = display(rangeVarKey(con.pktable));
        const cols = strings(con.fk_attrs);
        hits.push({
          offset,
          message:
            `Foreign key ${label}${cols.length ? ` (${cols.join(", ")})` : ""} → ${ref} validates every row of existing ${display(table)} while holding SHARE ROW EXCLUSIVE on ${display(table)} and ${ref} (blocks writes to both). ` +
            `Add it with NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration (it takes only SHARE UPDATE EXCLUSIVE).`,
        });
      } else if (con.contype === "CONSTR_CHECK") {
        hits.push({
          offset,
          message:
            `Check constraint ${label} scans every row of existing ${display(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first violating row. ` +
            `Add it NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration.`,
        });
      }
    }
    return hits;
  },
};
