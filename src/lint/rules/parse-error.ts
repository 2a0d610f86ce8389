// A migration the PostgreSQL parser rejects: Prisma would fail to apply it. Reported at the parser's
// position instead of crashing the run.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "parse-error",
  scope: "builtin",
  severity: "error",
  class: "meta",
  summary: "The migration is not valid PostgreSQL SQL.",
  recipe:
    "Fix the SQL: run it against a scratch database (`migrate-guard verify` does) and correct the statement at the reported position.",
};
