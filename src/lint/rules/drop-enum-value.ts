// Removing values from an enum that existing rows may hold. PostgreSQL has no DROP VALUE, so tools
// (Prisma included) recreate the type: new type, ALTER COLUMN … TYPE new USING text cast, drop the
// old one. The cast fails on any row that still holds a removed value, and rewrites each table.
// Detected from the model (an existing enum lost values across the migration) and from Prisma's header.
import { display, key, listKey } from "../ast.js";
import type { Hit, MigrationRule } from "../types.js";

export const rule: MigrationRule = {
  id: "drop-enum-value",
  scope: "migration",
  severity: "error",
  class: "destructive",
  summary: "Removing enum values fails on rows that still hold them and breaks code that writes them.",
  recipe:
    "First stop writing the value (deploy), then update the rows that hold it to another value in batches, then recreate the enum without it in a later migration. Expect the recreation to rewrite every table that uses the enum: do it for small tables only, or keep the value and stop using it.",
  check(ctx) {
    const hits: Hit[] = [];
    const reported = new Set<string>();
    // Enum records are replaced on change, never edited: an unchanged migration removed nothing.
    for (const [k, before] of ctx.enumsChanged ? Object.entries(ctx.enumsAtStart) : []) {
      if (ctx.groupOf(before.createdIn) === ctx.group) continue;
      const after = ctx.state.enumType(k);
      if (!after) continue; // dropped entirely: no column can still use it
      const removed = before.values.filter((v) => !after.values.includes(v));
      if (removed.length === 0) continue;
      const name = k.slice(k.indexOf(".") + 1);
      // Anchor at the statement that put the new type in place (RENAME … TO the enum's name).
      const at =
        ctx.script.statements.find((s) => s.kind === "RenameStmt" && s.node.renameType === "OBJECT_TYPE" && s.node.newname === name) ??
        ctx.script.statements.find((s) => s.kind === "AlterEnumStmt" && listKey(s.node.typeName) === k);
      reported.add(name);
      hits.push({ ...(at ? { offset: at.start } : {}), subjects: [name], message: message(display(k), removed) });
    }
    for (const w of ctx.prismaWarnings) {
      if (w.kind !== "drop-enum-values" || !w.enumName || reported.has(w.enumName)) continue;
      const before = ctx.enumsAtStart[key(undefined, w.enumName)];
      if (before && ctx.groupOf(before.createdIn) === ctx.group) continue; // new in this change set: no rows hold it
      hits.push({ offset: w.offset, subjects: [w.enumName], message: message(`"${w.enumName}"`, w.values ?? []) });
    }
    return hits;
  },
};

function message(name: string, removed: string[]): string {
  return (
    `Removes value(s) ${removed.map((v) => `'${v}'`).join(", ")} from enum ${name}: the migration fails if any row still holds one, rewrites every table that uses the enum, and deployed code that writes them breaks. ` +
    `First stop writing the values and migrate the rows (deploy), then remove them.`
  );
}
