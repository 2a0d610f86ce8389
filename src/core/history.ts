// The `history` check: a migration that exists on the base branch is immutable. Editing, deleting or
// renaming it makes every environment that applied it disagree with the repository (Prisma compares
// checksums), and a fresh database gets a different schema than production has.
import type { Finding } from "./report.js";
import { checksum, type Migration } from "./migrations.js";

export interface BaseMigration {
  name: string;
  file: string;
  sql: string;
}

/** First line that differs, as a line that exists in the edited file (annotations must land on it). */
function firstDifferentLine(before: string, after: string): number {
  const a = before.split("\n");
  const b = after.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return Math.min(i + 1, b.length);
  }
  return 1;
}

export function checkHistory(params: { base: readonly BaseMigration[]; current: readonly Migration[] }): Finding[] {
  const current = new Map(params.current.map((m) => [m.name, m]));
  const byChecksum = new Map<string, Migration>();
  for (const m of params.current) byChecksum.set(m.checksum, m);
  const baseNames = new Set(params.base.map((b) => b.name));
  const findings: Finding[] = [];

  for (const b of params.base) {
    const now = current.get(b.name);
    if (now) {
      if (now.sql !== b.sql) {
        const onlyLineEndings = now.sql.replace(/\r\n/g, "\n") === b.sql.replace(/\r\n/g, "\n");
        // Prisma's checksum comparison tolerates line-ending changes (a Windows checkout), so those
        // are a warning; any other edit breaks every environment that applied the migration.
        findings.push({
          rule: "edited-migration",
          severity: onlyLineEndings ? "warning" : "error",
          file: now.file,
          line: firstDifferentLine(b.sql, now.sql),
          message: onlyLineEndings
            ? `Migration "${b.name}" is already on the base branch and its line endings changed (line endings only). Prisma accepts this, but restore the original file (check .gitattributes / core.autocrlf) so the history stays byte for byte.`
            : `Migration "${b.name}" is already on the base branch and was edited. ` +
              `Databases that applied it keep the old version and \`prisma migrate deploy\` reports a checksum mismatch. ` +
              `Revert this file and put the change in a new migration.`,
        });
      }
      continue;
    }
    const moved = byChecksum.get(checksum(b.sql));
    if (moved && !baseNames.has(moved.name)) {
      findings.push({
        rule: "renamed-migration",
        severity: "error",
        file: moved.file,
        line: 1,
        message: `Migration "${b.name}" was renamed to "${moved.name}". Databases that applied it would apply it again under the new name. Restore the original folder name.`,
      });
    } else {
      findings.push({
        rule: "deleted-migration",
        severity: "error",
        file: b.file,
        message: `Migration "${b.name}" exists on the base branch and was deleted. Environments that applied it keep its changes; a fresh database would not. Restore it; undo its effect with a new migration instead.`,
      });
    }
  }
  return findings;
}
