// A migration script as the real PostgreSQL parser sees it: each statement's AST node and where it
// starts (line/column), where each comma-separated ALTER TABLE command starts, and the comments
// (for ignore directives). Parser and scanner locations are UTF-8 byte offsets; everything here is
// converted to character offsets once.
import { loadParser } from "../sql/statements.js";

// The AST is libpg-query's JSON; rules read it through the helpers in ast.ts.
// biome-ignore lint/suspicious/noExplicitAny: libpg-query's JSON AST has no published types; ast.ts reads it defensively.
export type Node = any;

export interface ParsedStatement {
  index: number;
  /** AST node kind, e.g. "AlterTableStmt". */
  kind: string;
  node: Node;
  /** 0-based character offsets of the first token and of the end (before `;`). */
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
  /**
   * Character offsets (in the file) of each top-level comma-separated part: ALTER TABLE's commands,
   * so that a finding about the third DROP COLUMN points at its own line.
   */
  parts: number[];
  /** Index of the top-level statement (a DO block, a called plpgsql function) this one runs inside. */
  parent?: number;
}

export interface Comment {
  text: string;
  start: number;
  end: number;
  line: number;
}

export type ParsedScript =
  | { ok: true; statements: ParsedStatement[]; comments: Comment[]; lines: LineIndex }
  | { ok: false; message: string; offset: number; line: number; column: number; lines: LineIndex };

/** 1-based line and column of character offsets, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Byte offset → character offset; the identity for ASCII scripts (nearly all migrations). */
function byteToChar(text: string): (byte: number) => number {
  if (Buffer.byteLength(text, "utf8") === text.length) return (b) => b;
  const map: number[] = [];
  let char = 0;
  for (const cp of text) {
    const n = Buffer.byteLength(cp, "utf8");
    for (let k = 0; k < n; k++) map.push(char);
    char += cp.length;
  }
  map.push(char);
  return (b) => map[Math.min(b, map.length - 1)]!;
}

/** Skips whitespace and comments: a statement's location includes what precedes it. */
function firstToken(sql: string, from: number, to: number): number {
  let i = from;
  for (;;) {
    while (i < to && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith("--", i)) {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? to : nl + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? to : end + 2;
    } else {
      return Math.min(i, to);
    }
  }
}

interface Token {
  start: number;
  end: number;
  text: string;
  tokenName: string;
}

function codePointsToIndex(text: string, codePoints: number): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return codePoints;
  return Array.from(text).slice(0, codePoints).join("").length;
}

let loadedParser: Awaited<ReturnType<typeof loadParser>> | undefined;

/**
 * Identifier tokens of a statement as written, with their length in bytes: the parser truncates
 * identifiers to 63 bytes before they reach the AST, so only the scanner sees the original.
 * Call after parseScript (the parser is loaded then).
 */
export function identifierTokens(text: string): { name: string; bytes: number }[] {
  if (!loadedParser) return [];
  return (loadedParser.scanSync(text).tokens as Token[])
    .filter((t) => t.tokenName === "IDENT")
    .map((t) => {
      const name = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
      return { name, bytes: Buffer.byteLength(name, "utf8") };
    });
}

export async function parseScript(sql: string): Promise<ParsedScript> {
  const parser = await loadParser();
  loadedParser = parser;
  const toChar = byteToChar(sql);
  const lines = new LineIndex(sql);
  // An empty file is an empty migration to Prisma (it applies it); libpg-query alone refuses "".
  if (sql === "") return { ok: true, statements: [], comments: [], lines };
  let result: { stmts?: { stmt: Node; stmt_location?: number; stmt_len?: number }[] };
  try {
    result = parser.parseSync(sql) as typeof result;
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    // PostgreSQL's error position counts characters (code points), unlike statement locations.
    const offset = codePointsToIndex(sql, details?.cursorPosition ?? 0);
    return { ok: false, message: details?.message ?? (error as Error).message, offset, ...lines.at(offset), lines };
  }
  const statements: ParsedStatement[] = (result.stmts ?? []).map((s, index) => {
    const from = toChar(s.stmt_location ?? 0);
    const end = s.stmt_len ? toChar((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
    const start = firstToken(sql, from, end);
    let kind = "";
    for (const k in s.stmt) {
      kind = k;
      break;
    }
    const { line, column } = lines.at(start);
    return { index, kind, node: s.stmt[kind], start, end, line, column, text: sql.slice(start, end).replace(/;\s*$/, ""), parts: [start] };
  });
  for (const stmt of statements) {
    // Only multi-command ALTER TABLEs need their commands located; scanning is the lexer, not a grep.
    if (stmt.kind === "AlterTableStmt" && (stmt.node.cmds?.length ?? 0) > 1) stmt.parts = partsOf(parser.scanSync(stmt.text).tokens, stmt);
  }
  // Comments matter only for ignore directives: scan the whole file only when it has one.
  const comments = /migrate-guard-ignore/.test(sql) ? commentsOf(parser.scanSync(sql).tokens, toChar, lines) : [];
  return { ok: true, statements, comments, lines };
}

function partsOf(tokens: Token[], stmt: ParsedStatement): number[] {
  const toChar = byteToChar(stmt.text);
  const parts = [stmt.start];
  let depth = 0;
  let afterComma = false;
  for (const t of tokens) {
    if (t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT") continue;
    if (afterComma) {
      parts.push(stmt.start + toChar(t.start));
      afterComma = false;
    }
    if (t.text === "(" || t.text === "[") depth++;
    else if (t.text === ")" || t.text === "]") depth--;
    else if (t.text === "," && depth === 0) afterComma = true;
  }
  return parts;
}

function commentsOf(tokens: Token[], toChar: (b: number) => number, lines: LineIndex): Comment[] {
  return tokens
    .filter((t) => t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
    .map((t) => {
      const start = toChar(t.start);
      return { text: t.text, start, end: toChar(t.end), line: lines.at(start).line };
    });
}
