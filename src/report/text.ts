// The CLI's terminal report: one line per check, findings indented under it, drift SQL at the end.
import { describeServer, type CheckStatus, type VerifyReport } from "../core/report.js";
import { schemaChangeLine } from "./er-diagram.js";

const ICON: Record<CheckStatus, string> = { pass: "✔", fail: "✖", warn: "!", skip: "-" };

export function renderText(report: VerifyReport, options: { color?: boolean } = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colorOf: Record<CheckStatus, number> = { pass: 32, fail: 31, warn: 33, skip: 90 };
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${paint(colorOf[check.status], `${ICON[check.status]} ${check.id.padEnd(9)}`)} ${check.summary}`);
    const shown = check.findings.slice(0, 50);
    for (const f of shown) {
      const where = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "";
      lines.push(
        `    ${f.severity === "error" ? paint(31, "error") : f.severity === "warning" ? paint(33, "warning") : "note"} ${where ? `${where} ` : ""}[${f.rule}] ${f.message}`,
      );
    }
    if (check.findings.length > shown.length) lines.push(`    … and ${check.findings.length - shown.length} more`);
  }
  const drift = report.drift;
  if (drift?.existing?.length) {
    lines.push(
      "",
      `Drift already on ${drift.baseRef ?? "the base branch"} (${drift.existing.length}, not failed):`,
      ...drift.existing.map((d) => `  - ${d}`),
    );
  }
  if (drift && drift.differences.length > 0) {
    lines.push("", "SQL a new migration needs to match schema.prisma:", "", drift.sql.trimEnd(), "", `Create it with: ${drift.fixCommand}`);
  }
  if (drift?.judge) lines.push("", `drift judged by ${drift.judge}`);
  const failed = report.checks.filter((c) => c.status === "fail").length;
  const change = schemaChangeLine(report.schemaChange);
  if (change) lines.push("", change);
  if (report.cache) lines.push("", `cache: ${report.cache.state} — ${report.cache.detail}`);
  if (report.postgresServer) {
    lines.push(`postgres: ${describeServer(report.postgresServer)}`);
    if (report.postgresServer.note) lines.push(`  ${paint(33, "note")} ${report.postgresServer.note}`);
  }
  lines.push(
    "",
    `${report.ok ? paint(32, "Migrations verified") : paint(31, `${failed} check(s) failed`)} — ${report.migrations.length} migrations, ${(report.durationMs / 1000).toFixed(1)} s` +
      `${report.prismaVersion ? `, Prisma ${report.prismaVersion}` : ""}${report.postgresVersion ? `, PostgreSQL ${report.postgresVersion.split(" ")[0]}` : ""}`,
  );
  return lines.join("\n") + "\n";
}
