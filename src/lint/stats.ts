// Size-aware risk: a stats document (`migrate-guard stats`: each table's estimated rows and total
// bytes in one environment) turns "takes ACCESS EXCLUSIVE" into "takes ACCESS EXCLUSIVE on 12.4 M
// rows". A lock or rewrite hazard on a table at or above `raiseRows` is raised one level (notice →
// warning → error); at or above `hugeRows` the message says so; every hazard on a table the document
// knows names its rows and size. Pure: the caller reads the file.
import { ConfigurationError } from "../core/errors.js";
import { majorOf } from "../core/postgres-major.js";
import type { Severity } from "../core/report.js";
import { display } from "./ast.js";
import type { LockMode } from "./locks.js";
import type { ParsedStatement } from "./parse.js";

export interface TableStats {
  schema: string;
  name: string;
  /** PostgreSQL's estimate (pg_class.reltuples); null when the table was never analyzed. */
  rows: number | null;
  /** pg_total_relation_size: heap, indexes and TOAST. */
  bytes: number;
}

export interface StatsDocument {
  environment: string;
  /** ISO time the statistics were read (the server's clock). */
  takenAt: string;
  /**
   * The server's major as the file wrote it, e.g. "16"; absent when the file has none (sizes alone
   * need none). Production's major for `postgres-version: production` (see `major`).
   */
  server?: string;
  /** `server` read as a PostgreSQL major; undefined when absent or not a version. */
  major?: number;
  tables: TableStats[];
}

export const DEFAULT_RAISE_ROWS = 1_000_000;
export const DEFAULT_HUGE_ROWS = 10_000_000;

export interface SizeRisk {
  stats: StatsDocument;
  /** Raise lock/rewrite hazards on tables with at least this many rows (default 1 M). */
  raiseRows: number;
  /** Say so in the message at this many rows (default 10 M). */
  hugeRows: number;
}

/** Rules whose findings are about a lock or a table rewrite/scan: their cost grows with the table. */
export const SIZE_RULES = new Set([
  "add-unique-constraint",
  "blocking-maintenance-command",
  "change-column-type",
  "constraint-not-valid",
  "create-index-non-concurrently",
  "drop-index-non-concurrently",
  "missing-lock-timeout",
  "set-not-null",
  "several-access-exclusive",
  "volatile-default",
]);
/** Migration-wide lock rules: every existing table the migration locks ACCESS EXCLUSIVE counts. */
const MIGRATION_WIDE = new Set(["missing-lock-timeout", "several-access-exclusive"]);

/** Parses and checks a stats document; a bad one is bad input (names the file and what is wrong). */
export function parseStatsDocument(text: string, source: string): StatsDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigurationError(
      `The stats file ${source} is not JSON (${(error as Error).message}). Expected the document \`migrate-guard stats\` writes.`,
    );
  }
  const bad = (what: string) =>
    new ConfigurationError(
      `The stats file ${source} is not a migrate-guard stats document: ${what}. Expected { "environment", "takenAt", "server", "tables": [{ "schema", "name", "rows", "bytes" }] } as \`migrate-guard stats\` writes it.`,
    );
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw bad("not an object");
  const d = doc as Record<string, unknown>;
  if (typeof d.environment !== "string" || d.environment.trim() === "") throw bad(`"environment" is not a name`);
  if (typeof d.takenAt !== "string") throw bad(`"takenAt" is missing`);
  if (!Array.isArray(d.tables)) throw bad(`"tables" is not a list`);
  const tables: TableStats[] = d.tables.map((t: unknown, i: number) => {
    const r = (t ?? {}) as Record<string, unknown>;
    const count = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;
    if (typeof r.schema !== "string" || typeof r.name !== "string") throw bad(`tables[${i}] has no "schema" and "name"`);
    if (!(r.rows === null || count(r.rows)) || !count(r.bytes))
      throw bad(`tables[${i}] ("${r.name}") needs "rows" (a count or null) and "bytes" (a count)`);
    return { schema: r.schema, name: r.name, rows: r.rows as number | null, bytes: r.bytes as number };
  });
  // Control characters in the environment name (or server) would forge log lines.
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, "?");
  const server = typeof d.server === "string" || typeof d.server === "number" ? clean(String(d.server)).slice(0, 100) : undefined;
  const major = majorOf(d.server);
  return {
    environment: clean(d.environment),
    takenAt: d.takenAt,
    ...(server !== undefined ? { server } : {}),
    ...(major !== undefined ? { major } : {}),
    tables,
  };
}

/** "100 rows", "12.4 k rows", "12.4 M rows", "1.2 G rows". */
export function formatRows(rows: number): string {
  const units: [number, string][] = [
    [1e9, " G"],
    [1e6, " M"],
    [1e3, " k"],
  ];
  for (const [size, unit] of units) if (rows >= size) return `${(rows / size).toFixed(1).replace(/\.0$/, "")}${unit} rows`;
  return `${Math.round(rows)} ${Math.round(rows) === 1 ? "row" : "rows"}`;
}

/** "16 kB", "3.1 GB", like pg_size_pretty. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [2 ** 40, "TB"],
    [2 ** 30, "GB"],
    [2 ** 20, "MB"],
    [2 ** 10, "kB"],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${(bytes / size).toFixed(1).replace(/\.0$/, "")} ${unit}`;
  return `${bytes} bytes`;
}

const RAISED: Record<Severity, Severity> = { notice: "warning", warning: "error", error: "error" };

export interface SizedFinding {
  rule: string;
  severity: Severity;
  message: string;
  statement?: ParsedStatement;
}

export interface StatementLock {
  stmt: ParsedStatement;
  table: string;
  mode: LockMode;
  existing: boolean;
}

/** Index of the document by "schema.name". */
export function statsIndex(stats: StatsDocument): Map<string, TableStats> {
  return new Map(stats.tables.map((t) => [`${t.schema}.${t.name}`, t]));
}

/**
 * Raises and annotates the size-sensitive findings of one migration in place. `locks` are the
 * migration's statement locks (the linter's static model).
 */
export function applySizeRisk(
  findings: SizedFinding[],
  locks: readonly StatementLock[],
  risk: SizeRisk,
  index = statsIndex(risk.stats),
): void {
  for (const f of findings) {
    if (!SIZE_RULES.has(f.rule)) continue;
    const candidates = MIGRATION_WIDE.has(f.rule)
      ? locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE")
      : locks.filter((l) => l.existing && l.stmt === f.statement);
    let worst: { lock: StatementLock; table: TableStats } | undefined;
    for (const lock of candidates) {
      const table = index.get(lock.table);
      if (
        table &&
        (!worst || (table.rows ?? -1) > (worst.table.rows ?? -1) || (table.rows === worst.table.rows && table.bytes > worst.table.bytes))
      )
        worst = { lock, table };
    }
    if (!worst) continue;
    const { lock, table } = worst;
    const on = `on ${risk.stats.environment}`;
    if (table.rows === null) {
      f.message += ` (${lock.mode} on ${display(lock.table)} — ${formatBytes(table.bytes)} ${on}; row count unknown: the table was never analyzed.)`;
      continue;
    }
    let note = ` (${lock.mode} on ${display(lock.table)} — ${formatRows(table.rows)}, ${formatBytes(table.bytes)} ${on}`;
    if (table.rows >= risk.raiseRows && f.severity !== "error") {
      note += `; raised to ${RAISED[f.severity]}: at least ${formatRows(risk.raiseRows)}`;
      f.severity = RAISED[f.severity];
    }
    if (table.rows >= risk.hugeRows)
      note += `; over ${formatRows(risk.hugeRows)}: expect the lock or rewrite to last minutes, not seconds — use the safe recipe, or a maintenance window`;
    f.message += `${note}.)`;
  }
}
