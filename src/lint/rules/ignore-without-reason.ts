// An ignore directive without a reason: it suppresses nothing until it says why the finding is safe.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "ignore-without-reason",
  scope: "builtin",
  severity: "error",
  class: "meta",
  summary: "A migrate-guard-ignore directive needs a reason after a colon.",
  recipe:
    "Write the reason after a colon: `-- migrate-guard-ignore drop-column: column unused since v2.3, dropped after phase 2`. Reviewers read it; the directive suppresses nothing without one.",
};
