// What several rules share: ALTER TABLE commands with their own offsets, subjects for matching
// Prisma's warnings, and the "new in this change set" note of destructive rules.
import { columnInfo, rangeVarKey, typeString } from "./ast.js";
import type { Node, ParsedStatement } from "./parse.js";
import type { StatementContext } from "./types.js";

export interface AlterCommand {
  cmd: Node;
  /** Character offset of the command in the file. */
  offset: number;
}

const NO_COMMANDS: readonly AlterCommand[] = [];
/** Listed once per statement: a dozen rules walk the same ALTER TABLE. */
const commandLists = new WeakMap<ParsedStatement, readonly AlterCommand[]>();

/** The commands of an ALTER TABLE (not ALTER INDEX/VIEW …), each with where it starts. */
export function alterCommands(stmt: ParsedStatement): readonly AlterCommand[] {
  if (stmt.kind !== "AlterTableStmt" || (stmt.node.objtype && stmt.node.objtype !== "OBJECT_TABLE")) return NO_COMMANDS;
  let list = commandLists.get(stmt);
  if (!list) {
    list = (stmt.node.cmds ?? []).map((item: Node, i: number) => ({ cmd: item.AlterTableCmd, offset: stmt.parts[i] ?? stmt.start }));
    commandLists.set(stmt, list!);
  }
  return list!;
}

export function alterTarget(stmt: ParsedStatement): string {
  return rangeVarKey(stmt.node.relation);
}

/** "User" / "User.email": table name without schema, as Prisma's warnings name them. */
export function subjectOf(tableKey: string, column?: string): string {
  const name = tableKey.slice(tableKey.indexOf(".") + 1);
  return column === undefined ? name : `${name}.${column}`;
}

/** Severity and wording for a change to something created in this same change set. */
export function newObjectNote(what: string): string {
  return `${what} is created in this same change set (no rows, no readers yet), so nothing is lost; reported so the change is visible.`;
}

/** Whether the migration, anywhere, drops table `tableKey`. */
export function dropsTable(ctx: StatementContext, tableKey: string): boolean {
  return ctx.script.statements.some(
    (s) =>
      s.kind === "DropStmt" &&
      s.node.removeType === "OBJECT_TABLE" &&
      (s.node.objects ?? []).some((o: Node) => o?.List && rangeVarKeyOfList(o.List.items) === tableKey),
  );
}

function rangeVarKeyOfList(items: Node[]): string {
  const parts = (items ?? []).map((i: Node) => i?.String?.sval ?? "");
  return parts.length > 1 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `public.${parts[0]}`;
}

/**
 * Columns a CREATE TABLE or ALTER TABLE (ADD COLUMN / ALTER COLUMN TYPE) gives a type matching
 * `isType`, with the offset to report each at: the shape of the "prefer type X" hygiene rules.
 */
export function columnsOfType(
  ctx: StatementContext,
  isType: (type: string) => boolean,
): { table: string; found: { column: string; offset: number }[] } {
  const n = ctx.stmt.node;
  const found: { column: string; offset: number }[] = [];
  if (ctx.stmt.kind === "CreateStmt") {
    for (const e of n.tableElts ?? [])
      if (e.ColumnDef && isType(columnInfo(e.ColumnDef).type)) found.push({ column: e.ColumnDef.colname, offset: ctx.stmt.start });
    return { table: rangeVarKey(n.relation), found };
  }
  for (const { cmd, offset } of alterCommands(ctx.stmt)) {
    const def: Node = cmd.def?.ColumnDef;
    if (cmd.subtype === "AT_AddColumn" && isType(columnInfo(def).type)) found.push({ column: def.colname, offset });
    if (cmd.subtype === "AT_AlterColumnType" && isType(typeString(def?.typeName))) found.push({ column: cmd.name, offset });
  }
  return { table: alterTarget(ctx.stmt), found };
}
