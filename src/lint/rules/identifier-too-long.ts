// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1) with only a NOTICE: two long
// names that share a prefix collide, and the name in the database differs from the one written. The
// parser has already truncated the names in the AST, so a name that reaches the limit sends the rule
// to the scanner's tokens for the name as written.
import { identifierTokens } from "../parse.js";
import { alterCommands } from "../rule-helpers.js";
import { listKey } from "../ast.js";
import type { Node } from "../parse.js";
import type { StatementRule } from "../types.js";

/** Names a statement defines (not the ones it only refers to). */
function definedNames(kind: string, n: Node): (string | undefined)[] {
  switch (kind) {
    case "CreateStmt":
      return [n.relation?.relname, ...(n.tableElts ?? []).map((e: Node) => e.ColumnDef?.colname ?? e.Constraint?.conname)];
    case "IndexStmt":
      return [n.idxname];
    case "CreateEnumStmt":
      return [listKey(n.typeName).split(".").pop()];
    case "RenameStmt":
      return [n.newname];
    default:
      return [];
  }
}

const AT_LIMIT = 60; // a truncated name is 63 bytes, or a little less when cut before a multi-byte character

export const rule: StatementRule = {
  id: "identifier-too-long",
  scope: "statement",
  kinds: ["CreateStmt", "IndexStmt", "CreateEnumStmt", "RenameStmt", "AlterTableStmt"],
  severity: "warning",
  class: "hygiene",
  summary: "An identifier longer than 63 bytes is silently truncated by PostgreSQL.",
  recipe:
    'Keep identifiers at 63 bytes or less. In Prisma, name long indexes, unique constraints and foreign keys explicitly with `map: "..."` on @@index, @@unique, @unique and @relation, or shorten the model/field names with @@map/@map.',
  check(ctx) {
    const names = definedNames(ctx.stmt.kind, ctx.stmt.node);
    for (const { cmd } of alterCommands(ctx.stmt)) names.push(cmd.def?.ColumnDef?.colname ?? cmd.def?.Constraint?.conname);
    const truncated = new Set(names.filter((n): n is string => n !== undefined && Buffer.byteLength(n, "utf8") >= AT_LIMIT));
    if (truncated.size === 0) return [];
    const long = identifierTokens(ctx.stmt.text).filter((t) => t.bytes > 63 && [...truncated].some((n) => t.name.startsWith(n)));
    return [...new Map(long.map((t) => [t.name, t])).values()].map((t) => ({
      message:
        `Identifier "${t.name}" is ${t.bytes} bytes; PostgreSQL truncates it to 63, so the name in the database differs from the one written here (and may collide with another). ` +
        `Choose a shorter name (Prisma: \`map:\` on @@index/@@unique/@relation, or @map/@@map).`,
    }));
  },
};
