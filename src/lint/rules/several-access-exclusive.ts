// Prisma runs a migration as one transaction, so every lock is held until the end: ACCESS EXCLUSIVE
// on several existing tables means each waits while the next is acquired (and deadlocks with
// application transactions that touch them in another order become possible).
import { display } from "../ast.js";
import type { MigrationRule } from "../types.js";

export const rule: MigrationRule = {
  id: "several-access-exclusive",
  scope: "migration",
  severity: "warning",
  class: "locking",
  summary: "A migration that takes ACCESS EXCLUSIVE on several existing tables holds all of them until it commits.",
  recipe:
    "Put statements that need ACCESS EXCLUSIVE on different existing tables into separate migrations, each with a lock_timeout, so each table is locked only for its own statement and a failure leaves the others done.",
  check(ctx) {
    const tables: string[] = [];
    let second: (typeof ctx.locks)[number] | undefined;
    for (const l of ctx.locks) {
      if (!l.existing || l.mode !== "ACCESS EXCLUSIVE" || tables.includes(l.table)) continue;
      tables.push(l.table);
      if (tables.length === 2) second = l;
    }
    if (!second) return [];
    return [
      {
        offset: second.stmt.start,
        message:
          `Takes ACCESS EXCLUSIVE on ${tables.length} existing tables (${tables.map(display).join(", ")}) in one transaction: each stays blocked for reads and writes until the whole migration commits, and lock-order deadlocks with the application become possible. ` +
          `Split it into one migration per table.`,
      },
    ];
  },
};
