// The revert report as CLI text, JSON and job-summary Markdown. The --rolled-back report is the migrate
// runner's and renders through src/migrate/render.ts.
import type { RevertReport } from "./revert.js";

export function toRevertJson(report: RevertReport): object {
  return {
    ok: report.ok,
    kind: report.kind,
    environment: report.environment,
    migration: report.migration,
    refused: report.refused,
    error: report.error ?? null,
    database: report.database,
    revert: report.revert ? { name: report.revert.name, file: report.revert.file } : null,
    dataLoss: report.dataLoss,
    recreatedEmpty: report.recreatedEmpty,
    mayFail: report.mayFail,
    notReverted: report.notReverted,
    warnings: report.warnings,
    schema: report.schema ?? null,
    postgresVersion: report.postgresVersion ?? null,
    durationMs: report.durationMs,
  };
}

function list(title: string, items: string[]): string[] {
  return items.length ? [title, ...items.map((i) => `  - ${i}`)] : [];
}

function schemaLines(report: RevertReport): string[] {
  const s = report.schema;
  if (!s) return [];
  if (s.status === "reverted") return [`schema: reverted ${s.files.join(", ")} (${s.reason}; checked against the migrations)`];
  return [
    `schema: unchanged — ${s.reason}.`,
    ...list("Still in the schema after the reversal:", s.findings ?? []),
    ...(s.fix ? [`  To fix: ${s.fix}`] : []),
  ];
}

export function renderRevertText(report: RevertReport): string {
  const head = report.refused
    ? `✘ revert of ${report.migration} refused: nothing was written.\n  ${report.refused}`
    : report.error
      ? `✘ revert of ${report.migration} failed: ${report.error}`
      : `✔ wrote ${report.revert!.file}: it reverts ${report.migration} (computed for "${report.environment}" at ${report.database})`;
  const lines = [
    head,
    ...list(
      "Destroys:",
      report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`),
    ),
    ...list("Cannot restore:", report.recreatedEmpty),
    ...list("May fail when applied:", report.mayFail),
    ...list("Not reverted:", report.notReverted),
    ...report.warnings.map((w) => `warning: ${w}`),
    ...schemaLines(report),
  ];
  if (report.ok)
    lines.push(
      report.schema?.status === "reverted"
        ? "Next: commit both on a branch and open a pull request; it goes through verify, staging and production like any migration."
        : "Next: commit it on a branch and open a pull request; it goes through verify, staging and production like any migration.",
    );
  return lines.join("\n") + "\n";
}

export function renderRevertMarkdown(report: RevertReport): string {
  const title = report.refused
    ? `⛔ Revert of \`${report.migration}\` refused`
    : report.error
      ? `❌ Revert of \`${report.migration}\` failed`
      : `↩️ Revert of \`${report.migration}\``;
  const bullets = (items: string[]) => items.map((i) => `- ${i}`).join("\n");
  const parts = [`## ${title}`, ""];
  if (report.refused ?? report.error) parts.push(report.refused ?? report.error ?? "", "");
  if (report.revert) parts.push(`New migration \`${report.revert.file}\`:`, "", "```sql", report.revert.sql.trimEnd(), "```", "");
  if (report.dataLoss.length)
    parts.push("**Destroys**", "", bullets(report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`)), "");
  if (report.notReverted.length) parts.push("**Not reverted**", "", bullets(report.notReverted), "");
  const s = report.schema;
  if (s?.status === "reverted")
    parts.push(`**Schema:** reverted ${s.files.map((f) => `\`${f}\``).join(", ")} — ${s.reason}; checked against the migrations.`, "");
  if (s?.status === "unchanged") {
    parts.push(
      `**Schema:** unchanged — ${s.reason}. Verify's drift check fails until the schema no longer describes what \`${report.migration}\` added.`,
      "",
    );
    if (s.findings?.length) parts.push(bullets(s.findings), "");
    if (s.fix) parts.push(`To fix: ${s.fix}`, "");
  }
  return parts.join("\n") + "\n";
}
