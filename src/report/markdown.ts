// The job summary and PR comment body. Pure: no @actions imports, so the CLI can print the same text.
import type { CheckResult, CheckStatus, DriftResult, Finding, MigrationTiming, Severity, VerifyReport } from "../core/report.js";
import { schemaChangeSection } from "./er-diagram.js";
import { blockFence, cell, clip, code, formatCount, formatDuration, inline, plural, safeUrl } from "./markdown-text.js";

export interface MarkdownOptions {
  /** Upper bound on the returned string's length (UTF-16 code units, never fewer than GitHub counts). */
  maxLength?: number;
  title?: string;
  runUrl?: string;
}

/** GitHub rejects issue comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Leaves room for the hidden marker the PR comment adds and for a caller's own footer. */
export const DEFAULT_MAX_LENGTH = 65_000;

const STATUS_ICON: Record<CheckStatus, string> = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" };
const SEVERITY_ICON: Record<Severity, string> = { error: "❌", warning: "⚠️", notice: "ℹ️" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** How much of each section to show; rendering walks down LADDER until the text fits. */
interface Limits {
  migrations: number;
  sqlChars: number;
  findingsPerCheck: number;
  differences: number;
  /** Cap on any single message, summary or difference. */
  textChars: number;
}

const ALL = Number.POSITIVE_INFINITY;
// Ordered least important first: the migration table goes before the SQL, the SQL before findings,
// because findings are what the author must act on.
const LADDER: Limits[] = [
  { migrations: ALL, sqlChars: ALL, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
  { migrations: 50, sqlChars: ALL, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
  { migrations: 20, sqlChars: 20_000, findingsPerCheck: ALL, differences: ALL, textChars: ALL },
  { migrations: 20, sqlChars: 5_000, findingsPerCheck: ALL, differences: 200, textChars: 2_000 },
  { migrations: 10, sqlChars: 5_000, findingsPerCheck: 50, differences: 100, textChars: 2_000 },
  { migrations: 10, sqlChars: 2_000, findingsPerCheck: 20, differences: 50, textChars: 1_000 },
  { migrations: 5, sqlChars: 1_000, findingsPerCheck: 10, differences: 20, textChars: 500 },
  { migrations: 0, sqlChars: 0, findingsPerCheck: 5, differences: 10, textChars: 300 },
  { migrations: 0, sqlChars: 0, findingsPerCheck: 1, differences: 5, textChars: 200 },
  { migrations: 0, sqlChars: 0, findingsPerCheck: 0, differences: 0, textChars: 200 },
];

export function renderMarkdown(report: VerifyReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  let text = "";
  for (const [step, limits] of LADDER.entries()) {
    text = render(report, options, limits);
    if (text.length > maxLength) continue;
    const previous = LADDER[step - 1];
    if (!previous || previous.findingsPerCheck <= limits.findingsPerCheck) return text;
    return widestFindings(report, options, limits, previous.findingsPerCheck, maxLength) ?? text;
  }
  return cutAtLine(text, maxLength);
}

/**
 * The ladder's steps are coarse; when a step had to cap findings, show as many per check as still
 * fit (binary search between this step's cap and the previous one's) since findings matter most.
 */
function widestFindings(
  report: VerifyReport,
  options: MarkdownOptions,
  limits: Limits,
  upper: number,
  maxLength: number,
): string | undefined {
  const most = Math.max(...report.checks.map((c) => c.findings.length));
  let low = limits.findingsPerCheck;
  let high = Math.min(upper, most);
  let best: string | undefined;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const text = render(report, options, { ...limits, findingsPerCheck: mid });
    if (text.length <= maxLength) {
      best = text;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

function render(report: VerifyReport, options: MarkdownOptions, limits: Limits): string {
  const lines: string[] = [
    ...headline(report, options.title ?? "migrate-guard"),
    ...checksTable(report.checks, limits),
    ...findingsSection(report.checks, limits),
    ...schemaChangeSection(report.schemaChange, diagramLimits(limits)),
    ...migrationsSection(report.migrations, limits),
    ...(report.drift ? driftSection(report.drift, limits) : []),
    ...footer(report, options.runUrl),
  ];
  return `${lines.join("\n")}\n`;
}

function headline(report: VerifyReport, title: string): string[] {
  const count = (status: CheckStatus) => report.checks.filter((c) => c.status === status).length;
  const labels: [CheckStatus, string][] = [
    ["fail", "failed"],
    ["warn", "with warnings"],
    ["pass", "passed"],
    ["skip", "skipped"],
  ];
  const statusParts = labels.filter(([status]) => count(status) > 0).map(([status, label]) => `${formatCount(count(status))} ${label}`);
  const checks = plural(report.checks.length, "check");
  const findings = report.checks.flatMap((c) => c.findings);
  const severity = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const detail = [
    plural(severity("error"), "error"),
    plural(severity("warning"), "warning"),
    ...(severity("notice") > 0 ? [plural(severity("notice"), "notice")] : []),
    ...(report.migrations.length > 0 ? [`${plural(report.migrations.length, "migration")} applied`] : []),
    ...(report.drift && report.drift.differences.length > 0 ? ["schema drift found"] : []),
    ...(report.drift?.existing?.length ? [`${plural(report.drift.existing.length, "difference")} already on the base branch`] : []),
  ];
  return [
    `## ${report.ok ? "✅" : "❌"} ${inline(title, 200)}: ${checks}${statusParts.length ? ` (${statusParts.join(", ")})` : ""}`,
    "",
    detail.join(" · "),
    "",
  ];
}

function checksTable(checks: CheckResult[], limits: Limits): string[] {
  if (checks.length === 0) return ["_No checks ran._", ""];
  return [
    "| | Check | Summary | Findings |",
    "| :-: | --- | --- | --: |",
    ...checks.map(
      (c) =>
        `| ${STATUS_ICON[c.status]} | ${code(c.id, { inTable: true, maxChars: 100 })} | ${cell(c.summary, limits.textChars)} | ${formatCount(c.findings.length)} |`,
    ),
    "",
  ];
}

function findingsSection(checks: CheckResult[], limits: Limits): string[] {
  const withFindings = checks.filter((c) => c.findings.length > 0);
  if (withFindings.length === 0) return [];
  const lines = ["### Findings", ""];
  for (const check of withFindings) {
    lines.push(`**${STATUS_ICON[check.status]} ${code(check.id, { maxChars: 100 })}** (${formatCount(check.findings.length)})`, "");
    // Errors first, so a cut keeps what blocks the merge.
    const sorted = [...check.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const shown = sorted.slice(0, limits.findingsPerCheck);
    for (const finding of shown) lines.push(findingLine(finding, limits));
    const rest = sorted.length - shown.length;
    if (rest > 0) {
      lines.push(`- … and ${plural(rest, "more finding")} in this check (all of them are in the job log and the SARIF file)`);
    }
    lines.push("");
  }
  return lines;
}

function findingLine(finding: Finding, limits: Limits): string {
  const where = finding.file ? `${code(finding.line ? `${finding.file}:${finding.line}` : finding.file, { maxChars: 300 })} — ` : "";
  return `- ${SEVERITY_ICON[finding.severity]} ${where}${inline(finding.message, limits.textChars)} (${code(finding.rule, { maxChars: 100 })})`;
}

function migrationsSection(migrations: MigrationTiming[], limits: Limits): string[] {
  if (migrations.length === 0) return [];
  const total = migrations.reduce((sum, m) => sum + m.durationMs, 0);
  const slow = migrations.filter((m) => m.slow).length;
  const lines = [
    `### Migrations (${plural(migrations.length, "migration")} in ${formatDuration(total)}${slow ? `, ${formatCount(slow)} slow 🐢` : ""})`,
    "",
  ];
  const shown = keepSlowest(migrations, limits.migrations);
  if (shown.length > 0) {
    lines.push("| Migration | Duration |", "| --- | --: |");
    for (const m of shown) {
      lines.push(`| ${code(m.name, { inTable: true, maxChars: 200 })}${m.slow ? " 🐢" : ""} | ${formatDuration(m.durationMs)} |`);
    }
    lines.push("");
  }
  const omitted = migrations.length - shown.length;
  if (omitted > 0) {
    lines.push(
      shown.length > 0
        ? `_Showing the ${formatCount(shown.length)} slowest; ${plural(omitted, "faster migration")} omitted to fit GitHub's size limit._`
        : `_Table of ${plural(omitted, "migration")} omitted to fit GitHub's size limit._`,
      "",
    );
  }
  return lines;
}

/** The slowest `n`, in their original (apply) order so the table still reads as a history. */
function keepSlowest(migrations: MigrationTiming[], n: number): MigrationTiming[] {
  if (migrations.length <= n) return migrations;
  const ranked = migrations.map((m, index) => ({ m, index })).sort((a, b) => b.m.durationMs - a.m.durationMs);
  const keep = new Set(ranked.slice(0, n).map((r) => r.index));
  return migrations.filter((_, index) => keep.has(index));
}

function differenceList(differences: readonly string[], limits: Limits): string[] {
  const lines: string[] = [];
  const shown = differences.slice(0, limits.differences);
  for (const difference of shown) lines.push(`- ${inline(difference, limits.textChars)}`);
  const rest = differences.length - shown.length;
  if (rest > 0) lines.push(`- … and ${plural(rest, "more difference")}`);
  if (differences.length > 0) lines.push("");
  return lines;
}

function driftSection(drift: DriftResult, limits: Limits): string[] {
  const lines = ["### Schema drift", ""];
  if (drift.differences.length > 0) {
    lines.push(
      "**New in this pull request** — the database built from the migrations differs from the Prisma schema:",
      "",
      ...differenceList(drift.differences, limits),
    );
  }
  const existing = drift.existing ?? [];
  if (existing.length > 0) {
    const where = drift.baseRef ? code(drift.baseRef, { maxChars: 200 }) : "the base branch";
    lines.push(
      `<details><summary>⚠️ Already on ${where}: ${plural(existing.length, "difference")} (not failed: this pull request does not add them)</summary>`,
      "",
      ...differenceList(existing, limits),
      "</details>",
      "",
    );
  }
  if (drift.judge) lines.push(`_Judged by ${inline(drift.judge, 300)}._`, "");

  const sql = drift.sql.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (sql.length > 0) {
    const kept = truncateSql(sql, limits.sqlChars);
    if (kept.length > 0) {
      const fence = blockFence(kept);
      lines.push(
        `<details><summary>SQL a new migration needs (${plural(sql.split("\n").length, "line")})</summary>`,
        "",
        `${fence}sql`,
        kept,
        fence,
        "",
      );
      if (kept.length < sql.length) {
        lines.push(
          `_SQL truncated: ${formatCount(sql.length - kept.length)} of ${formatCount(sql.length)} characters omitted; run the command below to see all of it._`,
          "",
        );
      }
      lines.push("</details>", "");
    } else {
      lines.push(
        `_The SQL (${formatCount(sql.length)} characters) was omitted to fit GitHub's size limit; run the command below to see it._`,
        "",
      );
    }
  }
  if (drift.fixCommand && drift.differences.length > 0)
    lines.push(`To fix it, create the missing migration: ${code(drift.fixCommand, { maxChars: 500 })}`, "");
  return lines;
}

/** The diagram shrinks with the rest of the report: tied to the ladder's cap on single texts. */
function diagramLimits(limits: Limits): { maxTables: number; maxColumns: number } {
  if (limits.textChars >= 2_000) return { maxTables: 12, maxColumns: 20 };
  if (limits.textChars >= 1_000) return { maxTables: 8, maxColumns: 12 };
  if (limits.textChars >= 500) return { maxTables: 5, maxColumns: 8 };
  return { maxTables: 0, maxColumns: 0 };
}

/** Cut at a line end so no statement is split mid-way (unless one line alone exceeds the budget). */
function truncateSql(sql: string, maxChars: number): string {
  if (sql.length <= maxChars) return sql;
  if (maxChars <= 0) return "";
  const cut = sql.lastIndexOf("\n", maxChars);
  return cut > 0 ? sql.slice(0, cut) : clip(sql, maxChars);
}

function footer(report: VerifyReport, runUrl: string | undefined): string[] {
  const parts = [`verified in ${formatDuration(report.durationMs)}`];
  if (report.prismaVersion) parts.push(`Prisma ${inline(report.prismaVersion, 50)}`);
  // server_version reads "15.18 (Debian 15.18-0+deb12u1)"; the number is what a reader compares.
  const postgres = report.postgresVersion?.replace(/^PostgreSQL\s+/i, "").split(/\s/)[0];
  const server = report.postgresServer;
  if (postgres)
    parts.push(
      `PostgreSQL ${inline(postgres, 50)}${server?.source === "npm" ? ` (from npm${server.fetchMs !== undefined ? `, fetched in ${formatDuration(server.fetchMs)}` : ""})` : ""}`,
    );
  if (report.cache && report.cache.state !== "off")
    parts.push(`cache: ${report.cache.state}${report.cache.savedMs ? ` (saved ${formatDuration(report.cache.savedMs)})` : ""}`);
  const url = safeUrl(runUrl);
  if (url) parts.push(`[workflow run](${url})`);
  const note = server?.note ? [`> [!NOTE]\n> ${inline(server.note, 400)}`, ""] : [];
  return [...note, "---", `<sub>migrate-guard · ${parts.join(" · ")}</sub>`];
}

/**
 * Last resort when even the smallest rendering is too long (e.g. thousands of checks): keep whole
 * lines only, so a table row or a list item is never split.
 */
function cutAtLine(text: string, maxLength: number): string {
  const note = "\n_…output cut to fit GitHub's size limit; see the job log for the rest._\n";
  const budget = maxLength - note.length;
  if (budget <= 0) return "";
  const lines = text.split("\n");
  let length = 0;
  let kept = 0;
  for (const line of lines) {
    if (length + line.length + 1 > budget) break;
    length += line.length + 1;
    kept += 1;
  }
  return `${lines.slice(0, kept).join("\n")}\n${note}`;
}
