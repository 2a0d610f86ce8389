// CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every
// INSERT, UPDATE and DELETE waits. (Unique indexes are reported by add-unique-constraint.)
import { display, rangeVarKey } from "../ast.js";
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "create-index-non-concurrently",
  scope: "statement",
  kinds: ["IndexStmt"],
  severity: "warning",
  class: "locking",
  summary: "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build.",
  recipe:
    "Use `CREATE INDEX CONCURRENTLY`, alone in its own migration file (Prisma runs a file as one transaction, and CONCURRENTLY refuses to run in one). Create the migration with `prisma migrate dev --create-only` and add CONCURRENTLY by hand; schema.prisma's @@index stays as it is.",
  check(ctx) {
    const n = ctx.stmt.node;
    const table = rangeVarKey(n.relation);
    if (n.concurrent || n.unique || !ctx.isExistingTable(table)) return [];
    return [
      {
        message:
          `CREATE INDEX${n.idxname ? ` "${n.idxname}"` : ""} on existing ${display(table)} holds a SHARE lock (blocks writes) until the index is built. ` +
          `Use CREATE INDEX CONCURRENTLY, alone in its own migration file (Prisma runs a file as one transaction; edit the migration created with \`prisma migrate dev --create-only\`).`,
      },
    ];
  },
};
