// The `order` check: Prisma applies migrations in folder-name order. A new migration that sorts before
// one that is already on the base branch is applied in one order on a fresh database and in another on
// every database that already has the base migrations.
import type { Finding } from "./report.js";
import { compareMigrationNames, type Migration } from "./migrations.js";

export function checkOrder(params: { migrations: readonly Migration[]; baseNames: ReadonlySet<string> }): Finding[] {
  let lastBase: string | undefined;
  for (const name of params.baseNames) {
    if (lastBase === undefined || compareMigrationNames(name, lastBase) > 0) lastBase = name;
  }
  if (lastBase === undefined) return [];
  const findings: Finding[] = [];
  for (const m of params.migrations) {
    if (params.baseNames.has(m.name)) continue;
    if (compareMigrationNames(m.name, lastBase) < 0) {
      findings.push({
        rule: "out-of-order",
        severity: "error",
        file: m.file,
        line: 1,
        message:
          `New migration "${m.name}" sorts before "${lastBase}", which is already on the base branch. ` +
          `Databases that have the base migrations would apply it last, fresh ones in the middle. ` +
          `Rename its folder with a timestamp after ${lastBase.slice(0, 14)} (e.g. recreate it with \`prisma migrate dev\`).`,
      });
    }
  }
  return findings;
}
