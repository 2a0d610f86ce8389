// Prisma's own verdict: `prisma migrate dev` writes a `/* Warnings: … */` header naming the data a
// migration loses or the rows it can fail on. The linter reads it item by item; an item that no
// rule's finding covers is reported on its own (prisma-data-loss-warning).

export type PrismaWarningKind =
  | "drop-column"
  | "drop-table"
  | "recreate-column"
  | "add-required-column"
  | "add-unique"
  | "set-not-null"
  | "drop-enum-values"
  | "drop-enum"
  | "other";

export interface PrismaWarning {
  kind: PrismaWarningKind;
  text: string;
  /** 0-based character offset of the item's "-". */
  offset: number;
  table?: string;
  column?: string;
  enumName?: string;
  values?: string[];
}

const PATTERNS: [PrismaWarningKind, RegExp][] = [
  ["drop-column", /drop the column `([^`]+)` on the `([^`]+)` table/],
  ["drop-table", /drop the `([^`]+)` table/],
  ["recreate-column", /The `([^`]+)` column on the `([^`]+)` table would be dropped and recreated/],
  ["recreate-column", /Changed the type of `([^`]+)` on the `([^`]+)` table/],
  ["add-required-column", /Added the required column `([^`]+)` to the `([^`]+)` table/],
  ["add-required-column", /The required column `([^`]+)` was added to the `([^`]+)` table/],
  ["set-not-null", /Made the column `([^`]+)` on table `([^`]+)` required/],
  ["add-unique", /unique constraint covering the columns `\[([^\]]*)\]` on the table `([^`]+)`/],
  ["drop-enum-values", /The values? \[([^\]]*)\] on the enum `([^`]+)` will be removed/],
  ["drop-enum", /drop the enum `([^`]+)`/],
];

/** The items of a leading Warnings header, or [] when the migration has none. */
export function parsePrismaWarnings(sql: string): PrismaWarning[] {
  const head = /^\s*\/\*\s*\n?\s*Warnings:/.exec(sql);
  if (!head) return [];
  const end = sql.indexOf("*/", head.index);
  if (end < 0) return [];
  const body = sql.slice(0, end);
  const items: PrismaWarning[] = [];
  const re = /^([ \t]*)- (.+(?:\n(?![ \t]*- )(?![ \t]*$).+)*)/gm;
  for (const m of body.matchAll(re)) {
    const text = m[2]!.replace(/\s+/g, " ").trim();
    items.push({ ...classify(text), text, offset: m.index! + m[1]!.length });
  }
  return items;
}

function classify(text: string): Omit<PrismaWarning, "text" | "offset"> {
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    switch (kind) {
      case "drop-table":
        return { kind, table: m[1]! };
      case "drop-enum":
        return { kind, enumName: m[1]! };
      case "drop-enum-values":
        return {
          kind,
          enumName: m[2]!,
          values: m[1]!
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean),
        };
      case "add-unique":
        return {
          kind,
          table: m[2]!,
          values: m[1]!
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean),
        };
      default:
        return { kind, column: m[1]!, table: m[2]! };
    }
  }
  return { kind: "other" };
}
