// The soak gate's picture: a Mermaid gantt of each pending migration's time on the soak environment
// against the soak period (GitHub renders it in the job summary). One section per migration: the time
// it has soaked (done), the time left (active), or why it has no soak at all (crit). Times are the
// soak server's own (applied at + soaked = that server's "now"), as the verdict measured them. Pure.
import type { MigrationSoak, SoakVerdict } from "../core/soak.js";
import { formatHours } from "../core/soak.js";
import { plural } from "../report/markdown-text.js";

export const MAX_CHART_MIGRATIONS = 20;

/** Text for a gantt title, section or task name: no colon (ends a task name), `#`, `;` or `%%`, one line. */
function label(text: string): string {
  const clean = text
    .replace(/[:#;\r\n]/g, " ")
    .replace(/%%/g, "%")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean || "-";
}

const NOT_SOAKING: Record<Exclude<MigrationSoak["status"], "soaked" | "soaking">, string> = {
  missing: "never applied here",
  failed: "failed here",
  "rolled-back": "rolled back here",
  "checksum-mismatch": "applied from a different file",
};

function tasks(m: MigrationSoak, i: number, soakMs: number, fallbackStart: number): string[] {
  const out = [`  section ${label(m.name)}`];
  const applied = m.appliedOnSourceAt?.getTime();
  if ((m.status === "soaked" || m.status === "soaking") && applied !== undefined && m.soakedSeconds !== null) {
    const now = applied + m.soakedSeconds * 1000;
    out.push(`    soaked ${label(formatHours(m.soakedSeconds))} :done, m${i}s, ${applied}, ${now}`);
    if ((m.remainingSeconds ?? 0) > 0)
      out.push(`    ${label(formatHours(m.remainingSeconds!))} left :active, m${i}l, ${now}, ${applied + soakMs}`);
    return out;
  }
  // No soak counts: the bar is the whole soak period it still needs, from when it was applied (or now).
  const start = applied ?? fallbackStart;
  out.push(`    ${label(NOT_SOAKING[m.status as keyof typeof NOT_SOAKING])} :crit, m${i}x, ${start}, ${start + Math.max(soakMs, 60_000)}`);
  return out;
}

/** Markdown lines: a ```mermaid gantt, or nothing when no migration is pending. */
export function soakGantt(verdict: SoakVerdict): string[] {
  if (verdict.migrations.length === 0) return [];
  const soakMs = Math.round(verdict.policy.soakHours * 3600) * 1000;
  const shown = verdict.migrations.slice(0, MAX_CHART_MIGRATIONS);
  const body = [
    "gantt",
    `  title ${label(`Time on ${verdict.policy.from} against the ${verdict.policy.soakHours} h soak`)}`,
    "  dateFormat x",
    "  axisFormat %m-%d %H:%M",
    ...shown.flatMap((m, i) => tasks(m, i, soakMs, verdict.evaluatedAt.getTime())),
  ];
  const lines = ["```mermaid", ...body, "```", ""];
  const rest = verdict.migrations.length - shown.length;
  if (rest > 0) lines.push(`_… and ${plural(rest, "more pending migration")} (in the table above)._`, "");
  return lines;
}
