// ALTER COLUMN … TYPE on a live table: it takes ACCESS EXCLUSIVE, and unless the new type is
// binary-compatible it rewrites the whole table (and every index) under that lock, and fails on the
// first value the cast rejects. Readers built for the old type break either way.
import { columnDisplay, display, typeString } from "../ast.js";
import { alterCommands, alterTarget, newObjectNote, subjectOf } from "../rule-helpers.js";
import type { Hit, StatementRule } from "../types.js";

function mods(type: string): number[] | undefined {
  const m = /\(([\d,]+)\)$/.exec(type.replace(/\[\]$/, ""));
  return m ? m[1]!.split(",").map(Number) : undefined;
}

/** Changes PostgreSQL makes without rewriting the table (binary-compatible widenings). */
export function metadataOnly(from: string, to: string): boolean {
  const arr = (t: string) => t.endsWith("[]");
  if (arr(from) !== arr(to)) return false;
  const base = (t: string) => t.replace(/\[\]$/, "").replace(/\(.*\)$/, "");
  const [bf, bt] = [base(from), base(to)];
  const [mf, mt] = [mods(from), mods(to)];
  if ((bf === "varchar" || bf === "text") && bt === "text") return true;
  if (bf === "varchar" && bt === "varchar") return mt === undefined || (mf !== undefined && mt[0]! >= mf[0]!);
  if (bf === "text" && bt === "varchar") return mt === undefined;
  if (bf === "numeric" && bt === "numeric")
    return mt === undefined || (mf !== undefined && mt[0]! >= mf[0]! && (mt[1] ?? 0) === (mf[1] ?? 0));
  if (bf === "varbit" && bt === "varbit") return mt === undefined || (mf !== undefined && mt[0]! >= mf[0]!);
  if (bf === "cidr" && bt === "inet") return true;
  return false;
}

export const rule: StatementRule = {
  id: "change-column-type",
  scope: "statement",
  kinds: ["AlterTableStmt"],
  severity: "error",
  class: "breaking",
  summary: "Changing a column's type in place rewrites the table under ACCESS EXCLUSIVE, can fail on existing values, and breaks readers.",
  recipe:
    "Expand and contract: add a new column of the new type, write both columns from the code, backfill the new one in batches, switch reads to it, then drop the old column in three phases. Widening varchar(n) to a larger n or to text, and numeric precision increases, need no rewrite, but still take ACCESS EXCLUSIVE and change what clients see.",
  check(ctx) {
    const table = alterTarget(ctx.stmt);
    const hits: Hit[] = [];
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
      if (cmd.subtype !== "AT_AlterColumnType") continue;
      const name = columnDisplay(table, cmd.name);
      const to = typeString(cmd.def?.ColumnDef?.typeName);
      const from = ctx.state.column(table, cmd.name)?.type;
      const subjects = [subjectOf(table, cmd.name)];
      if (!ctx.isExistingColumn(table, cmd.name)) {
        hits.push({ offset, subjects, severity: "notice", message: `Type of ${name} changes to ${to}. ${newObjectNote(name)}` });
        continue;
      }
      const using = cmd.def?.ColumnDef?.raw_default !== undefined;
      if (from && from === to && !using) continue;
      const was = from ? ` from ${from}` : "";
      if (from && !using && metadataOnly(from, to)) {
        hits.push({
          offset,
          subjects,
          severity: "warning",
          message: `Type of ${name} changes${was} to ${to} in place: no rewrite, but it takes ACCESS EXCLUSIVE and clients see a new type. Prefer a new column (expand/contract).`,
        });
        continue;
      }
      const tz =
        from?.startsWith("timestamp") && to.startsWith("timestamptz")
          ? " (timestamp → timestamptz skips the rewrite only when the session TimeZone is UTC)"
          : "";
      hits.push({
        offset,
        subjects,
        message:
          `Type of ${name} changes${was} to ${to} in place: PostgreSQL rewrites ${display(table)} and its indexes under ACCESS EXCLUSIVE (blocks reads and writes)${tz}${using ? ", and the USING cast fails the migration on the first value it rejects" : " and fails on any value the cast rejects"}. ` +
          `Add a new column, backfill it in batches, switch readers, then drop the old one.`,
      });
    }
    return hits;
  },
};
