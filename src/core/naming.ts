// The `naming` check: every folder has a migration.sql; new migrations say what they do.
import type { Finding } from "./report.js";
import type { Migration } from "./migrations.js";

/** Names that say nothing about the change. Compared after removing the numeric prefix. */
export const DEFAULT_GENERIC_NAMES = [
  "changes",
  "change",
  "fix",
  "fixes",
  "update",
  "updates",
  "test",
  "tests",
  "tmp",
  "temp",
  "wip",
  "migration",
  "migrations",
  "new",
  "misc",
  "stuff",
  "patch",
  "edit",
  "edits",
  "draft",
  "untitled",
  "foo",
  "bar",
  "asdf",
  "todo",
  "dev",
  "schema",
  "db",
  "prisma",
  "auto",
  "generated",
];

/** `20240101120000_add_users` → `add_users`; `01_init` → `init`. */
export function descriptivePart(name: string): string {
  return name.replace(/^\d+(?:[_-]|$)/, "");
}

function normalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\s_-]+/g, "_")
    .replace(/_?\d+$/, "");
}

export function checkNaming(params: {
  migrations: readonly Migration[];
  newNames: ReadonlySet<string>;
  foldersWithoutSql: readonly string[];
  migrationsDirRel: string;
  genericNames?: readonly string[];
}): Finding[] {
  const generic = new Set((params.genericNames ?? DEFAULT_GENERIC_NAMES).map(normalise));
  const findings: Finding[] = [];
  for (const folder of params.foldersWithoutSql) {
    findings.push({
      rule: "missing-migration-sql",
      severity: "error",
      file: `${params.migrationsDirRel}/${folder}`,
      message: `Migration folder "${folder}" has no migration.sql. Prisma fails on it: add the SQL or delete the folder.`,
    });
  }
  for (const m of params.migrations) {
    if (!params.newNames.has(m.name)) continue;
    const part = descriptivePart(m.name);
    const words = normalise(part);
    if (words === "" || generic.has(words)) {
      findings.push({
        rule: "generic-name",
        severity: "error",
        file: m.file,
        line: 1,
        message:
          `Migration name "${m.name}" does not say what it changes${part ? ` ("${part}" is generic)` : ""}. ` +
          `Recreate it with a descriptive name, e.g. \`prisma migrate dev --create-only --name add_user_email\`.`,
      });
    }
  }
  return findings;
}
