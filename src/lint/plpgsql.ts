// Statements that run inside DO blocks (and inside plpgsql functions the migration itself calls):
// read with libpg-query's PL/pgSQL parser, each embedded SQL statement parsed like a top-level one and
// placed at its own line in the file. EXECUTE of a constant string, or of format() with a constant
// format string and constant arguments, is read too; any other EXECUTE cannot be read and is reported
// as not checked. Hostile input (bodies the parser rejects, odd nesting) yields a finding, never a throw.
import { firstLine, strings, walk } from "./ast.js";
import { parseScript, type Node, type ParsedScript, type ParsedStatement } from "./parse.js";
import { loadParser } from "../sql/statements.js";

export interface Unchecked {
  /** warning: PostgreSQL rejects the code when it runs; notice: SQL built at run time, unreadable here. */
  severity: "warning" | "notice";
  offset: number;
  message: string;
  statement: ParsedStatement;
}

export interface Expanded {
  /** Top-level statements with the embedded ones after the statement that holds them, renumbered. */
  statements: ParsedStatement[];
  /** Code inside a body that could not be read. */
  unchecked: Unchecked[];
}

const MAX_DEPTH = 4;

/** Whether the script has any body worth reading (the common case has none: nothing to do). */
export function hasBodies(statements: readonly ParsedStatement[]): boolean {
  return statements.some((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt");
}

export async function expandBodies(script: ParsedScript & { ok: true }): Promise<Expanded> {
  if (!hasBodies(script.statements)) return { statements: script.statements, unchecked: [] };
  try {
    return await expand(script);
  } catch (error) {
    // A parser failure nobody foresaw: the top-level statements are still linted, and the rest is said.
    const first = script.statements.find((s) => s.kind === "DoStmt" || s.kind === "CreateFunctionStmt")!;
    return {
      statements: script.statements,
      unchecked: [
        {
          severity: "warning",
          offset: first.start,
          statement: first,
          message: `The DO blocks and function bodies of this migration could not be read (${(error as Error).message.split("\n")[0]}), so the statements in them were not checked.`,
        },
      ],
    };
  }
}

async function expand(script: ParsedScript & { ok: true }): Promise<Expanded> {
  const parser = await loadParser();
  const lines = script.lines;
  const unchecked: Unchecked[] = [];
  const out: ParsedStatement[] = [];

  const inner = async (text: string, at: number, exact: boolean, holder: ParsedStatement, depth: number): Promise<void> => {
    const parsed = await parseScript(text);
    if (!parsed.ok) {
      unchecked.push({
        severity: "warning",
        offset: at,
        statement: holder,
        message: `SQL inside ${what(holder)} does not parse (${parsed.message}), so it was not checked: ${firstLine(text)}`,
      });
      return;
    }
    for (const s of parsed.statements) {
      const start = exact ? at + s.start : at;
      const end = exact ? at + s.end : at + 1;
      const placed: ParsedStatement = {
        ...s,
        start,
        end,
        ...lines.at(start),
        parts: exact ? s.parts.map((p) => at + p) : s.parts.map(() => start),
        parent: holder.parent ?? holder.index,
      };
      out.push(placed);
      if (depth < MAX_DEPTH && (s.kind === "DoStmt" || s.kind === "CreateFunctionStmt")) await body(placed, depth + 1, exact);
    }
  };

  // `exactOffsets`: the statement's text sits verbatim at its offsets in the file (else they are approximate).
  const body = async (stmt: ParsedStatement, depth: number, exactOffsets: boolean): Promise<void> => {
    const src = bodyOf(stmt);
    if (!src) return;
    let fn: Node;
    try {
      const result = parser.parsePlPgSQLSync(stmt.text) as { plpgsql_funcs?: Node[] };
      fn = result.plpgsql_funcs?.[0]?.PLpgSQL_function;
    } catch (error) {
      const message = (error as { sqlDetails?: { message?: string } }).sqlDetails?.message ?? (error as Error).message;
      unchecked.push({
        severity: "warning",
        offset: stmt.start,
        statement: stmt,
        message: `The PL/pgSQL body of ${what(stmt)} does not parse (${message}): PostgreSQL rejects it when the migration runs, and the statements in it were not checked.`,
      });
      return;
    }
    if (!fn) return;
    // Where the body text starts in the file: exact when it appears verbatim (dollar quoting).
    const inText = stmt.text.indexOf(src);
    const exact = exactOffsets && inText >= 0;
    const bodyAt = stmt.start + Math.max(0, inText);
    const lineStart = (lineno: number) => lineStartOf(src, lineno);
    const locate = (lineno: number, text: string): { at: number; exact: boolean } => {
      const from = lineStart(lineno);
      const i = src.indexOf(text, from);
      if (exact && i >= 0) return { at: bodyAt + i, exact: true };
      const indent = /^[ \t]*/.exec(src.slice(from))![0].length;
      return { at: exact ? bodyAt + from + indent : stmt.start, exact: false };
    };
    const found: { lineno: number; kind: "sql" | "execute"; text: string }[] = [];
    walk(fn.action, (n) => {
      const exec = n?.PLpgSQL_stmt_execsql;
      if (exec?.sqlstmt?.PLpgSQL_expr?.query) found.push({ lineno: exec.lineno ?? 1, kind: "sql", text: exec.sqlstmt.PLpgSQL_expr.query });
      const dyn = n?.PLpgSQL_stmt_dynexecute;
      if (dyn?.query?.PLpgSQL_expr?.query) found.push({ lineno: dyn.lineno ?? 1, kind: "execute", text: dyn.query.PLpgSQL_expr.query });
    });
    // In the order they appear (stable for several on one line): the state model replays them so.
    found.sort((a, b) => a.lineno - b.lineno);
    for (const f of found) {
      const where = locate(f.lineno, f.text);
      if (f.kind === "sql") {
        await inner(f.text, where.at, where.exact, stmt, depth);
        continue;
      }
      const constant = constantSql(parser, f.text);
      if (constant === undefined) {
        unchecked.push({
          severity: "notice",
          offset: where.at,
          statement: stmt,
          message: `EXECUTE ${firstLine(f.text)} inside ${what(stmt)} builds its SQL at run time: the linter cannot read it, so it was not checked. Review what it runs by hand, or write the statements directly.`,
        });
        continue;
      }
      // A plain quoted literal without escapes maps character for character; anything else sits at the expression.
      const literal = f.text === `'${constant}'`;
      await inner(constant, literal ? where.at + 1 : where.at, literal && where.exact, stmt, depth);
    }
  };

  for (const stmt of script.statements) {
    out.push(stmt);
    if (stmt.kind === "DoStmt" || (stmt.kind === "CreateFunctionStmt" && calledLater(stmt, script.statements))) {
      await body(stmt, 1, true);
    }
  }
  // Renumbered in place (unchecked findings hold these objects): `parent` held the holder's old index.
  const newIndex = new Map<number, number>();
  out.forEach((s, i) => {
    if (s.parent === undefined) newIndex.set(s.index, i);
  });
  out.forEach((s, i) => {
    s.index = i;
    if (s.parent !== undefined) s.parent = newIndex.get(s.parent)!;
  });
  return { statements: out, unchecked };
}

function what(stmt: ParsedStatement): string {
  return stmt.kind === "DoStmt" ? "a DO block" : "a plpgsql function";
}

function lineStartOf(text: string, lineno: number): number {
  let at = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return at;
    at = nl + 1;
  }
  return at;
}

function defElems(list: Node[] | undefined): Map<string, Node> {
  return new Map((list ?? []).filter((o) => o?.DefElem?.defname).map((o) => [o.DefElem.defname as string, o.DefElem.arg]));
}

/** The plpgsql source of a DO block or function; undefined for other languages. */
function bodyOf(stmt: ParsedStatement): string | undefined {
  const opts = defElems(stmt.kind === "DoStmt" ? stmt.node.args : stmt.node.options);
  const language = opts.get("language")?.String?.sval ?? (stmt.kind === "DoStmt" ? "plpgsql" : undefined);
  if (language?.toLowerCase() !== "plpgsql") return undefined;
  const as = opts.get("as");
  const text = as?.String?.sval ?? as?.List?.items?.[0]?.String?.sval;
  return typeof text === "string" ? text : undefined;
}

/** A function body runs in the migration only when a later statement calls it. */
function calledLater(stmt: ParsedStatement, all: readonly ParsedStatement[]): boolean {
  const name = strings(stmt.node.funcname).at(-1);
  if (!name) return false;
  let called = false;
  for (const s of all) {
    if (s.index <= stmt.index || called) continue;
    walk(s.node, (n) => {
      if (n?.FuncCall && strings(n.FuncCall.funcname).at(-1) === name) called = true;
    });
  }
  return called;
}

/** The SQL text a constant PL/pgSQL expression evaluates to, or undefined when it is not constant. */
export function constantSql(parser: { parseSync(sql: string): unknown }, expr: string): string | undefined {
  let tree: Node;
  try {
    tree = parser.parseSync(`SELECT ${expr}`);
  } catch {
    return undefined;
  }
  const targets = tree?.stmts?.[0]?.stmt?.SelectStmt?.targetList;
  if (tree?.stmts?.length !== 1 || targets?.length !== 1) return undefined;
  const value = evaluate(targets[0]?.ResTarget?.val, 0);
  return typeof value === "string" ? value : undefined;
}

type Value = string | null | undefined;

function evaluate(n: Node, depth: number): Value {
  if (!n || depth > 32) return undefined;
  if (n.A_Const) {
    const c = n.A_Const;
    if (c.isnull) return null;
    if (c.sval) return c.sval.sval ?? "";
    if (c.ival) return String(c.ival.ival ?? 0);
    if (c.fval) return String(c.fval.fval);
    if (c.boolval) return c.boolval.boolval ? "true" : "false";
    return undefined;
  }
  if (n.TypeCast) return evaluate(n.TypeCast.arg, depth + 1);
  if (n.A_Expr && n.A_Expr.kind === "AEXPR_OP" && strings(n.A_Expr.name).join() === "||") {
    const [l, r] = [evaluate(n.A_Expr.lexpr, depth + 1), evaluate(n.A_Expr.rexpr, depth + 1)];
    return typeof l === "string" && typeof r === "string" ? l + r : undefined;
  }
  const fc = n.FuncCall;
  if (!fc) return undefined;
  const name = strings(fc.funcname)
    .filter((p) => p !== "pg_catalog")
    .join(".");
  const args: Value[] = (fc.args ?? []).map((a: Node) => evaluate(a, depth + 1));
  if (args.some((a) => a === undefined)) return undefined;
  switch (name) {
    case "format":
      return typeof args[0] === "string" ? format(args[0], args.slice(1)) : undefined;
    case "quote_ident":
      return typeof args[0] === "string" ? quoteIdent(args[0]) : undefined;
    case "quote_literal":
    case "quote_nullable":
      return quoteLiteral(args[0]!);
    case "concat":
      return args.map((a) => a ?? "").join("");
    default:
      return undefined;
  }
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteLiteral = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);

/** PostgreSQL's format(): %s, %I, %L, %%, and positional %n$…; widths and flags make it unreadable. */
function format(spec: string, args: Value[]): string | undefined {
  let out = "";
  let next = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch !== "%") {
      out += ch;
      continue;
    }
    const m = /^(?:(\d+)\$)?([sIL%])/.exec(spec.slice(i + 1));
    if (!m) return undefined;
    i += m[0].length;
    if (m[2] === "%") {
      out += "%";
      continue;
    }
    const index = m[1] ? Number(m[1]) - 1 : next;
    next = index + 1;
    if (index >= args.length) return undefined;
    const v = args[index]!;
    if (v === undefined) return undefined;
    out += m[2] === "I" ? (v === null ? undefined : quoteIdent(v)) : m[2] === "L" ? quoteLiteral(v) : (v ?? "");
    if (m[2] === "I" && v === null) return undefined;
  }
  return out;
}
