// An item of Prisma's `/* Warnings: … */` header that no finding accounts for. The parsed statements
// are authoritative: an item about a statement the author edited away (the column still exists at
// the end of the migration, a backfill made the required column safe) is stale and dropped. What is
// left is data loss the statement rules could not see (a drop inside dynamic SQL) or a warning kind
// they do not model.
import { key } from "../ast.js";
import type { PrismaWarning } from "../prisma-warnings.js";
import type { SchemaState } from "../state.js";
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "prisma-data-loss-warning",
  scope: "builtin",
  severity: "warning",
  class: "destructive",
  summary: "Prisma's generated Warnings header names a data loss that no other rule reports.",
  recipe:
    "Read the warning, check that the SQL does what you intend, and follow the recipe of the matching rule (drop-column, drop-table, drop-enum-value). If the data loss is intended, say so with an ignore directive and its reason.",
};

const COVERED_BY: Partial<Record<PrismaWarning["kind"], string[]>> = {
  "drop-column": ["drop-column", "change-column-type", "prisma-rename-pattern"],
  "drop-table": ["drop-table"],
};

/** Statements whose effect the model cannot see (dynamic SQL, procedures). */
const OPAQUE = new Set(["DoStmt", "CallStmt", "ExecuteStmt", "CreateFunctionStmt"]);

export function uncoveredPrismaWarnings(
  warnings: PrismaWarning[],
  findings: { rule: string; subjects?: string[] }[],
  endState: SchemaState,
  statementKinds: string[],
): PrismaWarning[] {
  // With opaque statements around, "still there at the end" proves nothing: keep Prisma's word.
  const opaque = statementKinds.some((k) => OPAQUE.has(k));
  return warnings.filter((w) => {
    const subject = w.enumName ?? (w.column ? `${w.table}.${w.column}` : w.table);
    const covered = (rules: string[]) =>
      findings.some((f) => rules.includes(f.rule) && subject !== undefined && f.subjects?.includes(subject));
    switch (w.kind) {
      case "drop-column":
        return !covered(COVERED_BY[w.kind]!) && (opaque || !endState.column(key(undefined, w.table!), w.column!));
      case "drop-table":
        return !covered(COVERED_BY[w.kind]!) && (opaque || !endState.table(key(undefined, w.table!)));
      case "drop-enum":
        return !endState.enumType(key(undefined, w.enumName!));
      case "other":
        return true;
      // Structural rules decide these (drop-enum-value reads its items itself); a statement edited
      // into a safe form makes the item stale.
      default:
        return false;
    }
  });
}
