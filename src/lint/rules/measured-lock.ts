// Reported by verify, not by the linter: the strongest lock each new migration really took per
// existing table, read from pg_locks on a scratch database of the verify server just before COMMIT.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "measured-lock",
  scope: "builtin",
  severity: "notice",
  class: "locking",
  summary: "The lock a new migration was measured to take on an existing table (verify only).",
  recipe:
    "Informational. ACCESS EXCLUSIVE blocks reads and writes, SHARE and stronger block writes, for as long as the migration's transaction runs: compare it with the locking rules' findings, and keep such migrations short, one table each, with a lock_timeout.",
};
