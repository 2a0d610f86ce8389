// CONCURRENTLY cannot run inside a transaction block, and Prisma sends a migration file as one
// multi-statement query, which PostgreSQL runs as one implicit transaction: a CONCURRENTLY statement
// next to any other statement makes the migration fail.
import type { StatementRule } from "../types.js";

function concurrent(kind: string, n: { concurrent?: boolean; params?: { DefElem?: { defname?: string } }[] }): boolean {
  if (kind === "IndexStmt" || kind === "DropStmt") return Boolean(n.concurrent);
  if (kind === "ReindexStmt") return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
  return false;
}

export const rule: StatementRule = {
  id: "concurrently-in-transaction",
  scope: "statement",
  kinds: ["IndexStmt", "DropStmt", "ReindexStmt"],
  severity: "error",
  class: "locking",
  summary: "A CONCURRENTLY statement must be alone in its migration file: Prisma runs a file as one transaction.",
  recipe:
    "Put each CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY alone in its own migration file, with no BEGIN/COMMIT and no other statement: Prisma then sends it as a single statement, outside a transaction block. If it fails halfway it leaves an INVALID index: drop it and deploy again.",
  check(ctx) {
    if (!concurrent(ctx.stmt.kind, ctx.stmt.node)) return [];
    const others = ctx.script.statements.length - 1;
    const explicit = ctx.script.statements.some((s) => s.kind === "TransactionStmt");
    if (others === 0) return [];
    return [
      {
        message:
          `${ctx.stmt.text.split(/\s+/).slice(0, 3).join(" ")} … CONCURRENTLY shares this migration with ${others} other statement(s)${explicit ? " inside an explicit transaction" : ""}; ` +
          `PostgreSQL refuses CONCURRENTLY inside a transaction block, and Prisma runs the whole file as one. Move it alone into its own migration file.`,
      },
    ];
  },
};
