// Ignore directives, written as SQL comments:
//   -- migrate-guard-ignore drop-column,rename-column: <reason>        the next statement
//   -- migrate-guard-ignore-file missing-lock-timeout: <reason>        the whole file
// A reason is required: a directive without one suppresses nothing and is itself an error. A
// directive that suppresses nothing (or names an unknown rule) is reported, so stale ignores do not
// pile up.
import type { Comment, ParsedStatement } from "./parse.js";

export interface IgnoreDirective {
  rules: string[];
  reason: string;
  fileLevel: boolean;
  /** Comment start (character offset). */
  offset: number;
  /** Index of the statement it applies to (statement-level only); undefined when none follows. */
  statement?: number;
  used: Set<string>;
}

const DIRECTIVE = /^(?:--|\/\*)\s*migrate-guard-ignore(-file)?\b([^:]*?)(?::\s*([\s\S]*?))?\s*(?:\*\/)?\s*$/;

export function parseIgnores(comments: Comment[], statements: ParsedStatement[]): IgnoreDirective[] {
  const result: IgnoreDirective[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const rules = m[2]!
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
    const directive: IgnoreDirective = { rules, reason: (m[3] ?? "").trim(), fileLevel: Boolean(m[1]), offset: c.start, used: new Set() };
    if (!directive.fileLevel) {
      const next = statements.find((s) => s.start >= c.end);
      if (next) directive.statement = next.index;
    }
    result.push(directive);
  }
  return result;
}

/** The directive that suppresses `rule` on `statement` (undefined: not suppressed). Valid directives only. */
export function suppressing(directives: IgnoreDirective[], rule: string, statement: number | undefined): IgnoreDirective | undefined {
  return directives.find(
    (d) => d.reason !== "" && d.rules.includes(rule) && (d.fileLevel || (statement !== undefined && d.statement === statement)),
  );
}

export interface IgnoreProblem {
  rule: "ignore-without-reason" | "unused-ignore";
  offset: number;
  message: string;
}

/** Problems with the directives themselves, after every finding went through `suppressing`. */
export function ignoreProblems(directives: IgnoreDirective[], knownRules: Set<string>): IgnoreProblem[] {
  const problems: IgnoreProblem[] = [];
  for (const d of directives) {
    const form = d.fileLevel ? "migrate-guard-ignore-file" : "migrate-guard-ignore";
    if (d.rules.length === 0) {
      problems.push({
        rule: "unused-ignore",
        offset: d.offset,
        message: `\`${form}\` names no rule. Write \`-- ${form} <rule>[,<rule>]: <reason>\`.`,
      });
      continue;
    }
    if (d.reason === "") {
      problems.push({
        rule: "ignore-without-reason",
        offset: d.offset,
        message: `\`${form} ${d.rules.join(",")}\` has no reason, so it suppresses nothing. Add one after a colon: \`-- ${form} ${d.rules.join(",")}: <why this is safe>\`.`,
      });
      continue;
    }
    for (const rule of d.rules) {
      if (!knownRules.has(rule))
        problems.push({
          rule: "unused-ignore",
          offset: d.offset,
          message: `\`${form}\` names "${rule}", which is not a migrate-guard rule.`,
        });
      else if (!d.used.has(rule)) {
        const where = d.fileLevel ? "this file" : d.statement === undefined ? "any statement (none follows it)" : "the statement after it";
        problems.push({
          rule: "unused-ignore",
          offset: d.offset,
          message: `\`${form} ${rule}\` suppresses nothing: "${rule}" reports nothing on ${where}. Remove the directive.`,
        });
      }
    }
  }
  return problems;
}
