// The gate's report as CLI text and as the job summary: the decision, why, and a table per migration
// (applied on staging at, hours soaked, hours left). Pure.
import { formatHours, type MigrationSoak, type SoakVerdict } from "../core/soak.js";
import { cell, code, inline } from "../report/markdown-text.js";
import type { GateReport } from "./run.js";
import { soakGantt } from "./soak-chart.js";

const ICON = { pass: "✅", wait: "⏳", block: "⛔" } as const;

/** Exit code of the CLI: 0 pass, 1 wait or block (2, usage errors, is thrown before a report exists). */
export function gateExitCode(report: GateReport): number {
  return report.verdict.decision === "pass" && !report.statusError ? 0 : 1;
}

export function gateHeadline(verdict: SoakVerdict): string {
  const { policy } = verdict;
  const what = `${policy.from} → ${policy.to}`;
  if (verdict.override) return `pass (override by ${verdict.override.actor}; the gate said ${verdict.decisionWithoutOverride}) for ${what}`;
  if (verdict.decision === "wait")
    return `wait: ${formatHours(verdict.remainingSeconds ?? 0)} left on ${policy.from} (earliest pass ${verdict.earliestPassAt?.toISOString()}) for ${what}`;
  return `${verdict.decision} for ${what}`;
}

function hours(seconds: number | null): string {
  return seconds === null ? "–" : (seconds / 3600).toFixed(1);
}

function row(m: MigrationSoak): string[] {
  return [m.name, m.appliedOnSourceAt?.toISOString() ?? "–", hours(m.soakedSeconds), hours(m.remainingSeconds), m.status];
}

export function renderGateText(report: GateReport): string {
  const v = report.verdict;
  const lines = [`${ICON[v.decision]} ${gateHeadline(v)}`];
  lines.push(`  ${report.from.name.padEnd(10)} ${report.from.database}`, `  ${report.to.name.padEnd(10)} ${report.to.database}`);
  if (report.sha) lines.push(`  target     ${report.sha}`);
  lines.push(`  soak       ${v.policy.soakHours}h`);
  if (v.migrations.length > 0) {
    lines.push("", `  ${"migration".padEnd(40)} applied on ${v.policy.from} at`.padEnd(80) + "soaked h  left h  status");
    for (const m of v.migrations) {
      const [name, at, soaked, left, status] = row(m);
      lines.push(`  ${name!.padEnd(40)} ${at!.padEnd(36)} ${soaked!.padStart(8)}  ${left!.padStart(6)}  ${status}`);
    }
  }
  lines.push("", ...v.reasons.map((r) => `- ${r}`));
  if (report.commitStatus) lines.push("", `commit status ${report.commitStatus.state}: ${report.commitStatus.description}`);
  if (report.statusError) lines.push("", `error: ${report.statusError}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  lines.push("", `gate took ${(report.durationMs / 1000).toFixed(1)} s.`);
  return lines.join("\n") + "\n";
}

export function renderGateMarkdown(report: GateReport): string {
  const v = report.verdict;
  const out = [`## ${ICON[v.decision]} Soak gate: ${inline(gateHeadline(v))}`, ""];
  out.push("| | |", "| --- | --- |");
  out.push(
    `| From | ${cell(report.from.name)} — ${cell(report.from.database)} |`,
    `| To | ${cell(report.to.name)} — ${cell(report.to.database)} |`,
  );
  if (report.sha) out.push(`| Target | ${code(report.sha, { inTable: true })} |`);
  out.push(`| Soak | ${v.policy.soakHours} h |`);
  if (v.remainingSeconds !== null && v.decision === "wait") out.push(`| Earliest pass | ${v.earliestPassAt?.toISOString() ?? "–"} |`);
  if (v.override)
    out.push(`| Override | by **${cell(v.override.actor)}** (the gate said ${v.decisionWithoutOverride}): ${cell(v.override.reason)} |`);
  out.push("");
  if (v.migrations.length > 0) {
    out.push(
      `| Migration | Applied on ${cell(v.policy.from)} at | Hours soaked | Hours left | Status |`,
      "| --- | --- | ---: | ---: | --- |",
    );
    for (const m of v.migrations) {
      const [name, at, soaked, left, status] = row(m);
      out.push(`| ${code(name!, { inTable: true })} | ${cell(at!)} | ${soaked} | ${left} | ${cell(status!)} |`);
    }
    out.push("", ...soakGantt(v));
  }
  out.push(...v.reasons.map((r) => `- ${inline(r)}`), "");
  if (report.statusError) out.push(`**Error:** ${inline(report.statusError)}`, "");
  return out.join("\n");
}
