// The schema change as a Mermaid erDiagram (GitHub renders it in comments and job summaries): the
// touched tables and their neighbours, each column marked `+` added, `~` changed, `-` dropped in its
// comment, relations from the foreign keys (dashed when dropped), and a legend under the diagram.
// Pure. Identifiers are reduced to the ASCII words every Mermaid version GitHub has shipped accepts;
// the real names, where they differ, are listed under the diagram.
import type { SchemaChangeOutcome } from "../core/report.js";
import type { ChangeMark, ColumnChange, RelationChange, SchemaChange, TableChange } from "../core/schema-change.js";
import { code, inline, plural } from "./markdown-text.js";

export interface ErDiagramOptions {
  /** Tables drawn at most; the rest are named under the diagram. */
  maxTables?: number;
  /** Attribute rows per table at most (changed and key columns first). */
  maxColumns?: number;
}

export const DEFAULT_MAX_TABLES = 12;
export const DEFAULT_MAX_COLUMNS = 20;

const MARK: Record<ChangeMark, string> = { added: "+", changed: "~", dropped: "-", unchanged: "" };

// Words the erDiagram lexer reads as keywords (measured with mermaid.parse), and its key markers.
const RESERVED = new Set([
  "erdiagram",
  "style",
  "classdef",
  "class",
  "subgraph",
  "end",
  "one",
  "many",
  "only",
  "to",
  "optionally",
  "zero",
  "u",
  "o",
  "direction",
  "title",
  "acctitle",
  "accdescr",
  "pk",
  "fk",
  "uk",
]);

/** An identifier every erDiagram lexer accepts as an entity, attribute type or attribute name. */
export function mermaidWord(text: string, fallback = "x"): string {
  let word = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/_{2,}/g, "_");
  if (word === "") word = fallback;
  if (/^[0-9]/.test(word)) word = `_${word}`;
  if (RESERVED.has(word.toLowerCase())) word = `${word}_`;
  return word;
}

const TYPE_ALIASES: [RegExp, string][] = [
  [/^timestamp(\(\d+\))? with time zone/, "timestamptz$1"],
  [/^timestamp(\(\d+\))? without time zone/, "timestamp$1"],
  [/^time(\(\d+\))? with time zone/, "timetz$1"],
  [/^time(\(\d+\))? without time zone/, "time$1"],
  [/^character varying/, "varchar"],
  [/^character/, "char"],
  [/^double precision/, "float8"],
  [/^bit varying/, "varbit"],
];

/** `timestamp(3) without time zone` → `timestamp_3`, `character varying(255)[]` → `varchar_255_array`. */
export function mermaidType(type: string): string {
  let t = type.trim();
  const arrays = (/(\[\])+$/.exec(t)?.[0].length ?? 0) / 2;
  t = t.replace(/(\[\])+$/, "");
  for (const [pattern, alias] of TYPE_ALIASES) t = t.replace(pattern, alias);
  // An enum or domain: its own name, without schema and quotes.
  if (/^(?:"(?:[^"]|"")*"|[^".]+)\.(?:"(?:[^"]|"")*"|[^".]+)$/.test(t)) t = t.slice(t.search(/\.(?=[^.]*$|")/) + 1);
  return mermaidWord(`${t}${"_array".repeat(arrays)}`, "type");
}

/** Text for a quoted comment or label: no double quote, one `~` at most per line (the lexer's generic-type rule), no newline. */
function quoted(text: string): string {
  // The change mark `~` is the one tilde kept (first character); any other becomes `-`.
  const clean = text
    .replace(/["\r\n\\]/g, "'")
    .replace(/(?!^)~/g, "-")
    .replace(/%%/g, "%")
    .replace(/#/g, "no.");
  return `"${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}"`;
}

const tableLabel = (t: { schema: string; name: string }, qualify: boolean) => (qualify ? `${t.schema}.${t.name}` : t.name);

/** Column rows in the order a reviewer reads them: changed first, then keys, then the rest. */
function pickColumns(table: TableChange, max: number): { shown: ColumnChange[]; hidden: number } {
  const neighbour = !table.touched;
  const rank = (c: ColumnChange) => (c.status !== "unchanged" ? 0 : c.primaryKey || c.foreignKey ? 1 : 2);
  const candidates = neighbour ? table.columns.filter((c) => c.primaryKey || c.foreignKey || c.unique) : table.columns;
  const keep = new Set([...candidates].sort((a, b) => rank(a) - rank(b)).slice(0, max));
  const shown = table.columns.filter((c) => keep.has(c));
  return { shown, hidden: table.columns.length - shown.length };
}

function attributeRow(c: ColumnChange, type: string, name: string): string {
  const keys = [c.primaryKey ? "PK" : "", c.foreignKey ? "FK" : "", c.unique && !c.primaryKey ? "UK" : ""].filter(Boolean).join(", ");
  const comment = [MARK[c.status], c.detail ?? "", name !== c.name ? `column ${c.name}` : ""].filter(Boolean).join(" ");
  return `    ${type} ${name}${keys ? ` ${keys}` : ""}${comment ? ` ${quoted(comment)}` : ""}`;
}

function relationLine(r: RelationChange, ids: Map<string, string>): string {
  // Left: how many target rows each referencing row has; right: how many referencing rows per target.
  const target = r.optional ? "|o" : "||";
  const source = r.oneToOne ? "o|" : "o{";
  const line = r.status === "dropped" ? ".." : "--";
  const label = `${MARK[r.status]} ${r.from.columns.join(", ")}`.trim().replace(/direction(\s+)(TB|BT|RL|LR)/gi, "direction_$2");
  return `  ${ids.get(`${r.to.schema}.${r.to.table}`)} ${target}${line}${source} ${ids.get(`${r.from.schema}.${r.from.table}`)} : ${quoted(label)}`;
}

/** The Markdown lines of the diagram section: a ```mermaid block, its legend, and what was left out. */
export function renderErDiagram(change: SchemaChange, options: ErDiagramOptions = {}): string[] {
  const maxTables = Math.max(1, options.maxTables ?? DEFAULT_MAX_TABLES);
  const maxColumns = Math.max(1, options.maxColumns ?? DEFAULT_MAX_COLUMNS);
  const tables = change.tables.slice(0, maxTables);
  const omitted = change.tables.slice(maxTables);
  const qualify = new Set(change.tables.map((t) => t.schema)).size > 1;
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const renamed: string[] = [];
  for (const t of tables) {
    const label = tableLabel(t, qualify);
    const base = mermaidWord(label, "table");
    let id = base;
    for (let n = 2; used.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    used.add(id.toLowerCase());
    ids.set(`${t.schema}.${t.name}`, id);
    if (id !== label) renamed.push(`${code(id, { maxChars: 100 })} is ${code(label, { maxChars: 200 })}`);
  }
  const body = ["erDiagram"];
  for (const t of tables) {
    const { shown, hidden } = pickColumns(t, maxColumns);
    body.push(`  ${ids.get(`${t.schema}.${t.name}`)} {`);
    const names = new Set<string>();
    for (const c of shown) {
      let name = mermaidWord(c.name, "column");
      for (let n = 2; names.has(name.toLowerCase()); n++) name = `${mermaidWord(c.name, "column")}_${n}`;
      names.add(name.toLowerCase());
      body.push(attributeRow(c, mermaidType(c.type), name));
    }
    if (hidden > 0) body.push(`    more columns ${quoted(`${hidden} ${t.touched ? "unchanged " : ""}not shown`)}`);
    body.push("  }");
  }
  for (const r of change.relations) {
    if (ids.has(`${r.from.schema}.${r.from.table}`) && ids.has(`${r.to.schema}.${r.to.table}`)) body.push(relationLine(r, ids));
  }
  const fence = "```";
  const lines = [`${fence}mermaid`, ...body, fence, ""];
  lines.push(...legend(change.tables, tables, qualify));
  if (omitted.length > 0) {
    const names = omitted.slice(0, 30).map((t) => `${code(tableLabel(t, qualify), { maxChars: 200 })}${t.touched ? ` (${t.status})` : ""}`);
    lines.push(
      `_… and ${plural(omitted.length, "more table")} not drawn: ${names.join(", ")}${omitted.length > names.length ? ", …" : ""}._`,
      "",
    );
  }
  if (renamed.length > 0) lines.push(`Names in the diagram: ${renamed.join(", ")}.`, "");
  return lines;
}

function legend(all: TableChange[], drawn: TableChange[], qualify: boolean): string[] {
  const lines = [
    "`+` added · `~` changed · `-` dropped (in the column comments; a dashed line is a dropped foreign key). Tables without marks are neighbours, shown for their relations.",
    "",
  ];
  const group = (status: ChangeMark) =>
    all.filter((t) => t.touched && t.status === status).map((t) => code(tableLabel(t, qualify), { maxChars: 200 }));
  const parts = (["added", "changed", "dropped"] as const).map((s) => [s, group(s)] as const).filter(([, names]) => names.length > 0);
  for (const [status, names] of parts) {
    const shown = names.slice(0, 30);
    lines.push(`- **${status}**: ${shown.join(", ")}${names.length > shown.length ? `, … (${names.length - shown.length} more)` : ""}`);
  }
  for (const t of drawn) {
    if (t.notes.length === 0) continue;
    const notes = t.notes.slice(0, 10).map((n) => inline(n, 200));
    lines.push(
      `- ${code(tableLabel(t, qualify), { maxChars: 200 })}: ${notes.join("; ")}${t.notes.length > notes.length ? `; … (${t.notes.length - notes.length} more)` : ""}`,
    );
  }
  if (parts.length > 0) lines.push("");
  return lines;
}

/**
 * The report's "Schema change" section: the diagram, or why there is none. `maxTables` 0 leaves the
 * diagram out (the report is too long for GitHub) and says so.
 */
export function schemaChangeSection(outcome: SchemaChangeOutcome | undefined, options: ErDiagramOptions = {}): string[] {
  if (!outcome) return [];
  const lines = ["### Schema change", ""];
  if ("missing" in outcome) return [...lines, `_Not drawn: ${inline(outcome.missing, 500)}._`, ""];
  if (outcome.change.tables.length === 0) return [...lines, "_The new migrations change no table, column, key or index._", ""];
  if (options.maxTables === 0) {
    return [...lines, `_The diagram of ${plural(outcome.change.tables.length, "table")} was omitted to fit GitHub's size limit._`, ""];
  }
  return [...lines, ...renderErDiagram(outcome.change, options)];
}

/** One line for the terminal report, e.g. "schema change: added Comment; changed Post (diagram: --markdown FILE)". */
export function schemaChangeLine(outcome: SchemaChangeOutcome | undefined): string | undefined {
  if (!outcome) return undefined;
  if ("missing" in outcome) return `schema change: not compared — ${outcome.missing}`;
  const touched = outcome.change.tables.filter((t) => t.touched);
  if (touched.length === 0) return "schema change: no table, column, key or index changed";
  const qualify = new Set(outcome.change.tables.map((t) => t.schema)).size > 1;
  const parts = (["added", "changed", "dropped"] as const).flatMap((status) => {
    const names = touched.filter((t) => t.status === status).map((t) => tableLabel(t, qualify));
    if (names.length === 0) return [];
    return [`${status} ${names.slice(0, 10).join(", ")}${names.length > 10 ? ` and ${names.length - 10} more` : ""}`];
  });
  return `schema change: ${parts.join("; ")} (diagram: --markdown FILE)`;
}
