// The reversal of one migration as SQL, from two catalogs: `current` (every migration applied) and
// `target` (every migration except the one to revert). The statements come from the same catalog
// comparison drift uses (compareCatalogs, current → target); this module adds what a reversal needs on
// top: which drops lose data, what is re-created empty, what cannot be reverted from a catalog at all,
// sequences behind re-created serial columns, and the migration file with its explanatory header. Pure.
import type { Catalog, Column, Table } from "./catalog.js";
import { compareCatalogs } from "./drift.js";

/** Something the reversal destroys: refused without an explicit data-loss flag. */
export interface DataLoss {
  kind: "table" | "column" | "column-type" | "enum-type";
  schema: string;
  table: string;
  column?: string;
  /** In words, e.g. `table "Comment" is dropped`. */
  description: string;
}

export interface RevertPlan {
  /** The reversal, in the order a migration applies it. Empty when the catalogs are equal. */
  statements: string[];
  dataLoss: DataLoss[];
  /** Objects the reversal re-creates whose former contents cannot come back. */
  recreatedEmpty: string[];
  /** Differences the reversal leaves in place (do them by hand if they matter). */
  notReverted: string[];
  /** Statements that can fail on a database with rows (re-added NOT NULL columns, SET NOT NULL). */
  mayFail: string[];
}

const label = (schema: string, name: string) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const key = (schema: string, name: string) => `${schema}.${name}`;

/** Partial/expression indexes are compared like any other: a reversal drops or re-creates them. */
function comparable(catalog: Catalog): Catalog {
  return { ...catalog, indexes: catalog.indexes.map((i) => ({ ...i, notRepresentable: false })) };
}

function sequenceOf(column: Column): string | undefined {
  return /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(column.default ?? "")?.[1]?.replace(/''/g, "'");
}

function tableMap(catalog: Catalog): Map<string, Table> {
  return new Map(catalog.tables.map((t) => [key(t.schema, t.name), t]));
}

function describeTables(current: Catalog, target: Catalog, plan: RevertPlan, sequences: { before: string[]; after: string[] }): void {
  const have = tableMap(current);
  const want = tableMap(target);
  for (const [k, t] of have) {
    if (!want.has(k))
      plan.dataLoss.push({ kind: "table", schema: t.schema, table: t.name, description: `table ${label(t.schema, t.name)} is dropped` });
  }
  for (const [k, t] of want) {
    const got = have.get(k);
    const added = got ? t.columns.filter((c) => !got.columns.some((g) => g.name === c.name)) : t.columns;
    if (!got)
      plan.recreatedEmpty.push(
        `table ${label(t.schema, t.name)} is re-created empty: its rows from before the reverted migration are gone`,
      );
    for (const c of added) {
      const where = `${label(t.schema, t.name)}.${q(c.name)}`;
      if (got)
        plan.recreatedEmpty.push(
          `column ${where} is re-added${c.default !== undefined ? ` with its default (${c.default}) in every row` : " as NULL in every row"}: its former values are gone`,
        );
      if (got && c.notNull && c.default === undefined)
        plan.mayFail.push(`re-adding NOT NULL column ${where} without a default fails while ${label(t.schema, t.name)} has rows`);
      if (c.identity)
        plan.notReverted.push(
          `column ${where} was an identity column (GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY); it is re-added without identity`,
        );
      const seq = sequenceOf(c);
      if (seq) {
        sequences.before.push(`CREATE SEQUENCE IF NOT EXISTS ${seq};`);
        sequences.after.push(
          `ALTER SEQUENCE ${seq} OWNED BY ${t.schema === "public" ? q(t.name) : `${q(t.schema)}.${q(t.name)}`}.${q(c.name)};`,
        );
      }
    }
    if (!got) continue;
    for (const g of got.columns) {
      const w = t.columns.find((c) => c.name === g.name);
      const where = `${label(t.schema, t.name)}.${q(g.name)}`;
      if (!w) {
        plan.dataLoss.push({ kind: "column", schema: t.schema, table: t.name, column: g.name, description: `column ${where} is dropped` });
      } else if (w.type !== g.type) {
        plan.dataLoss.push({
          kind: "column-type",
          schema: t.schema,
          table: t.name,
          column: g.name,
          description: `column ${where} changes type back from ${g.type} to ${w.type} (values that do not fit make the migration fail or are converted)`,
        });
      } else if (w.notNull && !g.notNull && !w.type.endsWith("[]")) {
        plan.mayFail.push(`setting ${where} NOT NULL again fails while it holds NULLs`);
      }
    }
  }
}

function describeEnums(current: Catalog, target: Catalog, plan: RevertPlan): void {
  const want = new Map(target.enums.map((e) => [key(e.schema, e.name), e]));
  for (const e of current.enums) {
    const w = want.get(key(e.schema, e.name));
    if (!w) {
      plan.dataLoss.push({ kind: "enum-type", schema: e.schema, table: e.name, description: `enum ${label(e.schema, e.name)} is dropped` });
      continue;
    }
    const extra = e.values.filter((v) => !w.values.includes(v));
    if (extra.length > 0) {
      plan.notReverted.push(
        `enum ${label(e.schema, e.name)} keeps value(s) ${extra.map((v) => `'${v}'`).join(", ")}: PostgreSQL cannot remove a value from an enum; it needs the type rebuilt ` +
          "(create a new type, ALTER COLUMN … TYPE new USING col::text::new for every column using it, drop the old one), which fails while rows hold those values",
      );
    }
  }
}

/** The reversal from `current` back to `target`. */
export function planRevert(current: Catalog, target: Catalog): RevertPlan {
  const plan: RevertPlan = { statements: [], dataLoss: [], recreatedEmpty: [], notReverted: [], mayFail: [] };
  const sequences = { before: [] as string[], after: [] as string[] };
  describeTables(current, target, plan, sequences);
  describeEnums(current, target, plan);
  const items = compareCatalogs(comparable(current), comparable(target));
  const statements: string[] = [];
  for (const item of items) {
    if (item.informational) {
      plan.notReverted.push(item.message.replace(/schema\.prisma/g, "the state before"));
      continue;
    }
    if (item.sql.startsWith("-- Removing enum values")) continue; // said in describeEnums
    statements.push(item.sql);
  }
  plan.statements = statements.length ? [...new Set(sequences.before), ...statements, ...new Set(sequences.after)] : [];
  return plan;
}

/** Prisma's folder timestamp: YYYYMMDDHHMMSS in UTC. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * `<timestamp>_revert_<name>`: now, or one second after the newest existing migration when that sorts
 * later (a clock behind the repository, or migrations named in the future), so that it applies last.
 */
export function revertMigrationName(reverted: string, existing: readonly string[], now: Date): string {
  let stamp = migrationTimestamp(now);
  const newest = existing
    .map((n) => /^(\d{14})/.exec(n)?.[1])
    .filter((s): s is string => Boolean(s))
    .sort()
    .at(-1);
  if (newest && newest >= stamp) stamp = nextSecond(newest);
  return `${stamp}_revert_${reverted}`;
}

function nextSecond(stamp: string): string {
  const d = new Date(
    Date.UTC(
      +stamp.slice(0, 4),
      +stamp.slice(4, 6) - 1,
      +stamp.slice(6, 8),
      +stamp.slice(8, 10),
      +stamp.slice(10, 12),
      +stamp.slice(12, 14),
    ),
  );
  return migrationTimestamp(new Date(d.getTime() + 1000));
}

export interface RevertFileInput {
  reverted: string;
  plan: RevertPlan;
  environment: string;
  generatedAt: Date;
  tool: string;
  postgresVersion: string;
  /** Per data-loss item, what the environment held when the file was generated. */
  measured?: Map<DataLoss, string>;
  /** Statements in the reverted migration that a catalog comparison does not see. */
  unseen: string[];
}

const lintRule: Partial<Record<string, string>> = { "DROP TABLE": "drop-table", "DROP COLUMN": "drop-column" };

/** The new migration.sql: a header that says what it undoes and what it cannot restore, then the SQL. */
export function renderRevertMigration(input: RevertFileInput): string {
  const { plan } = input;
  const lines = [
    `-- Reverts migration ${input.reverted}.`,
    `-- Generated by ${input.tool} on ${input.generatedAt.toISOString()} for environment "${input.environment}":`,
    `-- \`migrate-guard rollback --revert ${input.reverted}\`. The SQL takes the schema from "every migration"`,
    `-- back to "every migration except ${input.reverted}", computed on throwaway databases (PostgreSQL`,
    `-- ${input.postgresVersion}) and checked there. The reverted migration's own file is left as it is.`,
    "--",
  ];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`-- ${title}`);
    for (const item of items) lines.push(`--   - ${item}`);
    lines.push("--");
  };
  section(
    "Data this migration destroys (accepted with --allow-data-loss):",
    plan.dataLoss.map((d) => `${d.description}${input.measured?.get(d) ? ` — ${input.measured.get(d)}` : ""}`),
  );
  section("Data it cannot restore:", plan.recreatedEmpty);
  section("May fail when applied:", plan.mayFail);
  section("Not reverted (do it by hand if it matters):", [...plan.notReverted, ...input.unseen]);
  lines.push("-- Rows the reverted migration inserted, updated or deleted are not restored either.", "");
  for (const statement of plan.statements) {
    const kind = /^(DROP TABLE)|^ALTER TABLE \S+ (DROP COLUMN)/.exec(statement);
    const rule = kind ? lintRule[kind[1] ?? kind[2] ?? ""] : undefined;
    if (rule) lines.push(`-- migrate-guard-ignore ${rule}: reverting ${input.reverted}; the data loss was accepted with --allow-data-loss`);
    lines.push(statement, "");
  }
  return lines.join("\n");
}

/** Statements of a migration that a catalog comparison cannot see, named for the header. */
export function unseenStatements(sql: string): string[] {
  const kinds = [
    [/\bCREATE\s+(OR\s+REPLACE\s+)?(MATERIALIZED\s+)?VIEW\b/i, "views"],
    [/\bCREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b/i, "functions or procedures"],
    [/\bCREATE\s+(CONSTRAINT\s+)?TRIGGER\b/i, "triggers"],
    [/\bCREATE\s+EXTENSION\b/i, "extensions"],
    [/\bCHECK\s*\(/i, "check constraints"],
    [/\bCREATE\s+POLICY\b|\bROW\s+LEVEL\s+SECURITY\b/i, "row-level security"],
    [/\bGRANT\b|\bREVOKE\b/i, "privileges"],
    [/\bCREATE\s+SCHEMA\b/i, "schemas"],
  ] as const;
  const found = kinds.filter(([re]) => re.test(sql.replace(/--.*$/gm, ""))).map(([, what]) => what);
  return found.length
    ? [`the reverted migration also touches ${found.join(", ")}: migrate-guard compares tables, columns, keys, indexes and enums only`]
    : [];
}
