// An ignore directive that suppresses nothing (the rule does not fire there, or is unknown): stale
// ignores hide the next real finding.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "unused-ignore",
  scope: "builtin",
  severity: "warning",
  class: "meta",
  summary: "A migrate-guard-ignore directive suppresses nothing.",
  recipe:
    "Remove the directive, or fix its rule id (see the rule list). Directives must name the rule that fires on the statement right after them, or use `migrate-guard-ignore-file` for the whole file.",
};
