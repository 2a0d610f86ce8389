// The migrate report as CLI text and as the job summary (Markdown): who, what, when, how long; what was
// pending with its SQL; what was applied and how long each took (🚩 above slow-migration-seconds); and,
// when something is wrong, why and the exact way out. Pure.
import { blockFence, cell, clip, code, formatDuration, inline, plural, safeUrl } from "../report/markdown-text.js";
import { majorOf } from "../core/postgres-major.js";
import { headline, type MigrateReport } from "./report.js";
import { gateLine } from "../gate/deploy-gate.js";

const MAX_SQL_CHARS = 20_000;
const MAX_TOTAL_SQL_CHARS = 400_000;

function outcomeIcon(report: MigrateReport): string {
  if (report.refused) return "⛔";
  return report.ok ? "✅" : "❌";
}

export function renderMigrateText(report: MigrateReport): string {
  const lines: string[] = [];
  lines.push(`${report.ok ? "✔" : "✖"} ${headline(report)}`);
  lines.push(
    `  database   ${report.database}${report.postgresVersion ? ` (PostgreSQL ${report.postgresVersion})` : ""}${report.production ? " — production" : ""}`,
  );
  if (report.stamp)
    lines.push(
      `  identity   "${report.stamp.name}"${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""}`,
    );
  else if (!report.refused && !report.error) lines.push("  identity   not stamped yet (the first deploy stamps it)");
  const s = report.state;
  if (s) {
    lines.push(
      `  applied    ${s.applied.length}${
        s.applied.some((a) => a.slow)
          ? ` (🚩 slow: ${s.applied
              .filter((a) => a.slow)
              .map((a) => a.name)
              .join(", ")})`
          : ""
      }`,
    );
    lines.push(`  pending    ${s.pending.length}${s.pending.length ? `: ${s.pending.join(", ")}` : ""}`);
    if (s.failed.length) lines.push(`  failed     ${s.failed.map((f) => f.name).join(", ")}`);
    if (s.rolledBack.length) lines.push(`  rolled back ${s.rolledBack.join(", ")}`);
    if (s.checksumMismatch.length) lines.push(`  edited after apply ${s.checksumMismatch.join(", ")}`);
    if (s.missingFromRepo.length) lines.push(`  not in repository ${s.missingFromRepo.join(", ")}`);
  } else if (report.stateUnknown) {
    lines.push(`  state      unknown: ${report.stateUnknown}`);
  }
  for (const a of report.appliedNow ?? []) lines.push(`  ${a.slow ? "🚩" : "✔"} ${a.name}  ${formatDuration(a.durationMs)}`);
  if (report.resolved)
    lines.push(
      `  resolved   ${report.resolved.name} → ${report.resolved.kind}${report.resolved.via === "migrate-guard" ? " (row updated by migrate-guard: Prisma could not run without its native engine)" : ""}`,
    );
  if (report.backup) lines.push(`  backup     ${report.backup.file} (${report.backup.bytes} bytes, pg_dump ${report.backup.pgDump})`);
  if (report.deployment) lines.push(`  deployment ${report.deployment.id}${report.deployment.url ? ` ${report.deployment.url}` : ""}`);
  if (report.gate && gateLine(report.gate)) lines.push(`  soak gate  ${gateLine(report.gate)}`);
  if (report.refused) lines.push("", `refused: ${report.refused}`);
  if (report.error) lines.push("", `error: ${report.error}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  if (report.recovery.length) lines.push("", "How to recover:", ...report.recovery.map((r) => `  ${r}`));
  lines.push("", `${report.command} took ${formatDuration(report.durationMs)}.`);
  return lines.join("\n") + "\n";
}

export interface MigrateMarkdownOptions {
  title?: string;
}

export function renderMigrateMarkdown(report: MigrateReport, options: MigrateMarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`## ${outcomeIcon(report)} ${inline(options.title ?? `migrate-guard ${report.command}: ${headline(report)}`)}`, "");
  const run = safeUrl(report.runUrl);
  const deployment = report.deployment
    ? safeUrl(report.deployment.url)
      ? `[#${report.deployment.id}](${safeUrl(report.deployment.url)})`
      : `#${report.deployment.id}`
    : "none";
  out.push("| | |", "| --- | --- |");
  out.push(`| Environment | ${cell(report.environment)}${report.production ? " (production)" : ""} |`);
  out.push(
    `| Database | ${code(report.database, { inTable: true })}${report.postgresVersion ? ` PostgreSQL ${cell(report.postgresVersion)}` : ""} |`,
  );
  const major = report.postgresVersion ? majorOf(report.postgresVersion) : undefined;
  if (major !== undefined) out.push(`| PostgreSQL major | ${major} — verify runs on it with \`postgres-version: ${major}\` |`);
  out.push(`| Who | ${report.actor ? cell(report.actor) : "unknown"} |`);
  out.push(`| When | ${report.startedAt.toISOString()} |`);
  out.push(`| How long | ${formatDuration(report.durationMs)} |`);
  if (report.command !== "status") out.push(`| Deployment | ${deployment} |`);
  if (run) out.push(`| Run | [log](${run}) |`);
  if (report.prismaVersion) out.push(`| Prisma | ${cell(report.prismaVersion)} |`);
  if (report.stamp)
    out.push(
      `| Database identity | ${cell(report.stamp.name)}${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""} |`,
    );
  if (report.backup)
    out.push(
      `| Backup | ${code(report.backup.file, { inTable: true })} (${report.backup.bytes} bytes, ${formatDuration(report.backup.durationMs)}) |`,
    );
  if (report.gate && gateLine(report.gate)) out.push(`| Soak gate | ${cell(gateLine(report.gate)!)} |`);
  out.push("");

  if (report.refused) out.push(`> [!CAUTION]`, `> **Refused — nothing was changed.** ${inline(report.refused)}`, "");
  if (report.error) out.push(`> [!WARNING]`, `> **${report.ok ? "Problem" : "Failed"}.** ${inline(report.error)}`, "");
  if (report.recovery.length) out.push("### How to recover", "", ...report.recovery.map((r) => `- ${inline(r)}`), "");

  if (report.appliedNow) {
    out.push(`### Applied by this run (${report.appliedNow.length})`, "");
    if (report.appliedNow.length === 0) out.push("Nothing: there were no pending migrations when Prisma ran.", "");
    else {
      out.push("| Migration | Duration | |", "| --- | --- | --- |");
      for (const a of report.appliedNow)
        out.push(
          `| ${code(a.name, { inTable: true })} | ${formatDuration(a.durationMs)} | ${a.slow ? `🚩 slower than ${report.slowMigrationSeconds} s` : ""} |`,
        );
      out.push("");
    }
  }
  if (report.resolved) out.push(`### Resolved`, "", `${code(report.resolved.name)} is now marked **${report.resolved.kind}**.`, "");

  if (report.pendingBefore && report.pendingBefore.length > 0) {
    out.push(`### Pending before the deploy (${report.pendingBefore.length})`, "");
    let budget = MAX_TOTAL_SQL_CHARS;
    for (const m of report.pendingBefore) {
      // The linter reports Prisma's header warnings itself; without it they are shown as they are.
      const notes = m.lint
        ? m.lint.map((f) => `${f.severity === "error" ? "❌" : f.severity === "warning" ? "⚠️" : "ℹ️"} ${code(f.rule)}: ${inline(f.message)}`)
        : m.warnings.map((w) => `⚠️ Prisma: ${inline(w)}`);
      const sql = clip(m.sql, Math.max(0, Math.min(MAX_SQL_CHARS, budget)));
      budget -= sql.length;
      const fence = blockFence(sql);
      const verdict = notes.length ? ` — ${plural(notes.length, "finding")}` : m.lint ? " — lint: no findings" : "";
      out.push(`<details${notes.length ? " open" : ""}><summary><code>${inline(m.name)}</code>${verdict}</summary>`, "");
      if (notes.length) out.push(...notes.map((n) => `- ${n}`), "");
      out.push(`${fence}sql`, sql, fence, "", "</details>", "");
    }
  }

  const s = report.state;
  if (s) {
    out.push("### State of the environment", "");
    out.push("| | Migrations |", "| --- | --- |");
    const list = (names: string[]) => (names.length ? names.map((n) => code(n, { inTable: true })).join(", ") : "–");
    out.push(`| Applied | ${s.applied.length} |`);
    out.push(`| Pending | ${list(s.pending)} |`);
    out.push(`| Failed | ${list(s.failed.map((f) => f.name))} |`);
    if (s.rolledBack.length) out.push(`| Rolled back | ${list(s.rolledBack)} |`);
    out.push(`| Edited after apply | ${list(s.checksumMismatch)} |`);
    if (s.missingFromRepo.length) out.push(`| Not in this repository | ${list(s.missingFromRepo)} |`);
    const slow = s.applied.filter((a) => a.slow);
    if (slow.length)
      out.push(
        `| 🚩 Slow (> ${report.slowMigrationSeconds} s) | ${slow.map((a) => `${code(a.name, { inTable: true })} ${formatDuration(a.durationMs)}`).join(", ")} |`,
      );
    out.push("");
  } else if (report.stateUnknown) {
    out.push("### State of the environment", "", `Unknown: ${inline(report.stateUnknown)}`, "");
  }
  if (report.warnings.length) out.push("### Warnings", "", ...report.warnings.map((w) => `- ${inline(w)}`), "");
  return out.join("\n");
}
