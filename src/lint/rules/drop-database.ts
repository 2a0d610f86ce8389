// DROP DATABASE in a migration: everything in it is gone, including the migration history.
import type { StatementRule } from "../types.js";

export const rule: StatementRule = {
  id: "drop-database",
  scope: "statement",
  kinds: ["DropdbStmt"],
  severity: "error",
  class: "destructive",
  summary: "DROP DATABASE in a migration deletes a whole database.",
  recipe: "Never drop a database from a migration. If a database must go, do it by hand after a backup, outside the deploy pipeline.",
  check(ctx) {
    return [
      {
        message: `DROP DATABASE "${ctx.stmt.node.dbname}" deletes the whole database. A migration must never do this; do it by hand, deliberately, if at all.`,
      },
    ];
  },
};
