// Code inside a DO block or a called plpgsql function that the linter could not read: SQL that
// EXECUTE builds at run time (a notice: not checked), or a body or embedded statement the parser
// rejects (a warning: PostgreSQL rejects it too when the migration runs). Reported by the linter itself.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "unchecked-sql",
  scope: "builtin",
  severity: "notice",
  class: "meta",
  summary: "SQL inside a DO block or function body that the linter could not read, so it was not checked.",
  recipe:
    "Write the statements directly in the migration (or in the DO block) instead of building them at run time, or use `EXECUTE` with a constant string or `format()` with a constant format string and constant arguments, which the linter reads and checks. Otherwise review what it runs by hand and ignore the notice with a reason.",
};
