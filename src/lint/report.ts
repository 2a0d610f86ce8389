// Lint results for people and tools: terminal text, the JSON document, the Markdown summary table,
// SARIF rule help, and the exit policy. Pure.
import type { Severity } from "../core/report.js";
import type { RuleHelp } from "../report/sarif.js";
import { ruleById, ruleDocUrl } from "./registry.js";
import type { LintFinding } from "./types.js";

export type FailOn = Severity | "never";
export const FAIL_ON: readonly FailOn[] = ["error", "warning", "notice", "never"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Whether the findings fail the run: any finding at `failOn` or more severe. */
export function fails(findings: readonly LintFinding[], failOn: FailOn): boolean {
  return failOn !== "never" && findings.some((f) => RANK[f.severity] <= RANK[failOn]);
}

export function ruleHelp(id: string): RuleHelp | undefined {
  const rule = ruleById(id);
  if (!rule) return undefined;
  return {
    description: rule.summary,
    text: `${rule.summary}\n\nSafe recipe: ${rule.recipe}`,
    markdown: `**${rule.id}** — ${rule.summary}\n\n**Safe recipe.** ${rule.recipe}\n\n[Rule documentation](${ruleDocUrl(rule.id)})`,
    helpUri: ruleDocUrl(rule.id),
  };
}

export interface LintRunInfo {
  summary: string;
  durationMs: number;
  statements: number;
}

/** Findings sorted by file, line, column (the order a reader walks the files in). */
export function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** rule → { error, warning, notice } counts, rules sorted by id. */
export function countsByRule(findings: readonly LintFinding[]): [string, Record<Severity, number>][] {
  const map = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const c = map.get(f.rule) ?? { error: 0, warning: 0, notice: 0 };
    c[f.severity] += 1;
    map.set(f.rule, c);
  }
  return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function renderLintText(findings: readonly LintFinding[], info: LintRunInfo, options: { color?: boolean } = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label: Record<Severity, string> = { error: paint(31, "error"), warning: paint(33, "warning"), notice: paint(90, "notice") };
  const lines: string[] = [];
  for (const f of sortFindings(findings)) lines.push(`${f.file}:${f.line}:${f.column} ${label[f.severity]} [${f.rule}] ${f.message}`);
  const counts = countsByRule(findings);
  if (counts.length > 0) {
    lines.push(
      "",
      table([
        ["rule", "errors", "warnings", "notices"],
        ...counts.map(([rule, c]) => [rule, String(c.error), String(c.warning), String(c.notice)]),
      ]),
    );
  }
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(
    "",
    `${info.summary} — ${n("error")} error(s), ${n("warning")} warning(s), ${n("notice")} notice(s); ${info.statements} statements in ${Math.round(info.durationMs)} ms`,
  );
  return lines.join("\n") + "\n";
}

/** The `--format json` document. */
export function lintJson(findings: readonly LintFinding[], info: LintRunInfo & { ok: boolean; linted: string[] }): object {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    ok: info.ok,
    summary: info.summary,
    linted: info.linted,
    counts: { error: n("error"), warning: n("warning"), notice: n("notice") },
    findings: sortFindings(findings).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      class: f.class,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      migration: f.migration,
    })),
    durationMs: Math.round(info.durationMs),
  };
}

const escapeCell = (s: string) =>
  s
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "&lt;");

/** Markdown for the job summary: counts per rule, then the findings (capped). */
export function renderLintMarkdown(findings: readonly LintFinding[], info: LintRunInfo, options: { maxFindings?: number } = {}): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lines = [
    `## migrate-guard lint`,
    "",
    `${escapeCell(info.summary)} — **${n("error")}** error(s), **${n("warning")}** warning(s), ${n("notice")} notice(s).`,
    "",
  ];
  const counts = countsByRule(findings);
  if (counts.length) {
    lines.push("| rule | errors | warnings | notices |", "| --- | ---: | ---: | ---: |");
    for (const [rule, c] of counts) lines.push(`| [\`${rule}\`](${ruleDocUrl(rule)}) | ${c.error} | ${c.warning} | ${c.notice} |`);
    lines.push("", "| | where | rule | finding |", "| --- | --- | --- | --- |");
    const max = options.maxFindings ?? 200;
    const icon: Record<Severity, string> = { error: "❌", warning: "⚠️", notice: "ℹ️" };
    for (const f of sortFindings(findings).slice(0, max))
      lines.push(`| ${icon[f.severity]} | \`${escapeCell(f.file)}:${f.line}\` | \`${f.rule}\` | ${escapeCell(f.message)} |`);
    if (findings.length > max)
      lines.push("", `… and ${findings.length - max} more (see the SARIF report or \`migrate-guard lint --format json\`).`);
  }
  return lines.join("\n") + "\n";
}
