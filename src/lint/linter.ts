// The linter: replays migrations in order into the schema state model, and runs the rules on the
// ones to lint, each statement seeing the state just before it. Pure: the caller reads the files.
import { firstLine } from "./ast.js";
import { checkEncoding } from "./encoding.js";
import { ignoreProblems, parseIgnores, suppressing } from "./ignore.js";
import { statementLocks } from "./locks.js";
import { parseScript, type LineIndex, type ParsedStatement } from "./parse.js";
import { expandBodies } from "./plpgsql.js";
import type { PhaseEvidence } from "./phases.js";
import { parsePrismaWarnings } from "./prisma-warnings.js";
import { RULES, ruleById } from "./registry.js";
import { uncoveredPrismaWarnings } from "./rules/prisma-data-loss-warning.js";
import { changesEnums, SchemaState, type SchemaStateData } from "./state.js";
import { applySizeRisk, statsIndex, type SizeRisk } from "./stats.js";
import type {
  Hit,
  LintFinding,
  LintMigration,
  MigrationContext,
  MigrationInfo,
  MigrationRule,
  Rule,
  StatementContext,
  StatementRule,
} from "./types.js";

export interface LintOptions {
  /** Every migration, in the order they apply (base first). */
  migrations: LintMigration[];
  /** Which migrations get findings; the others only build the state. */
  shouldLint(name: string): boolean;
  /**
   * Change set of a migration: tables created within the same group are new (no rows, no readers).
   * A pull request's new migrations share one group; history migrations each have their own.
   */
  groupOf(name: string): string;
  evidence?: PhaseEvidence;
  /** See MigrationInfo.completeHistory. */
  completeHistory?: boolean;
  /** State after the first `covers` migrations (from a cache): they are not parsed again. Taken over (mutated). */
  initialState?: { data: SchemaStateData; covers: number };
  /** Return the state before the first linted migration (a caller that caches it). */
  wantBaseState?: boolean;
  rules?: Rule[];
  /** Table sizes of an environment: lock and rewrite hazards on large tables are raised and sized. */
  sizeRisk?: SizeRisk;
}

export interface LintResult {
  findings: LintFinding[];
  /** Names of the migrations linted. */
  linted: string[];
  statements: number;
  /** State before the first linted migration, when every migration before it was only replayed: cacheable. */
  baseState?: { data: SchemaStateData; covers: number };
}

interface RawFinding {
  rule: string;
  severity: LintFinding["severity"];
  message: string;
  offset: number;
  statement?: ParsedStatement;
  subjects?: string[];
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const rules = options.rules ?? RULES;
  const statementRules = rules.filter((r): r is StatementRule => r.scope === "statement");
  const migrationRules = rules.filter((r): r is MigrationRule => r.scope === "migration");
  const byKind = new Map<string, StatementRule[]>();
  for (const r of statementRules) for (const k of r.kinds) byKind.set(k, [...(byKind.get(k) ?? []), r]);
  const known = new Set([...RULES, ...rules].map((r) => r.id));

  const covers = options.initialState?.covers ?? 0;
  const state = new SchemaState(options.initialState?.data);
  const evidence = options.evidence ?? {};
  const result: LintResult = { findings: [], linted: [], statements: 0 };
  let onlyReplayed = true;
  const sizes = options.sizeRisk ? statsIndex(options.sizeRisk.stats) : undefined;

  for (const [i, file] of options.migrations.entries()) {
    if (i < covers) continue;
    // A BOM or NUL bytes are blanked (positions unchanged) so the rest of the file is still linted.
    const encoding = checkEncoding(file.sql);
    const migration = encoding.text === file.sql ? file : { ...file, sql: encoding.text };
    const linting = options.shouldLint(migration.name);
    if (linting && onlyReplayed) {
      if (options.wantBaseState) result.baseState = { data: structuredClone(state.data), covers: i };
      onlyReplayed = false;
    }
    const parsed = await parseScript(migration.sql);
    // Statements inside DO blocks (and called plpgsql functions) run too: they join the list.
    const expanded = parsed.ok ? await expandBodies(parsed) : undefined;
    const script = parsed.ok ? { ...parsed, statements: expanded!.statements } : parsed;
    if (!linting) {
      if (script.ok) for (const stmt of script.statements) state.apply(stmt, migration.name);
      continue;
    }
    result.linted.push(migration.name);
    for (const p of encoding.problems) {
      result.findings.push(
        toFinding(migration, script.lines, { rule: "file-encoding", severity: "error", offset: p.offset, message: p.message }),
      );
    }
    if (!script.ok) {
      result.findings.push(
        toFinding(migration, script.lines, {
          rule: "parse-error",
          severity: "error",
          offset: script.offset,
          message: `PostgreSQL cannot parse this migration: ${script.message}. Prisma would fail to apply it; nothing else in the file was checked.`,
        }),
      );
      continue;
    }
    result.statements += script.statements.length;
    const group = options.groupOf(migration.name);
    const info: MigrationInfo = {
      migration,
      script,
      prismaWarnings: parsePrismaWarnings(migration.sql),
      group,
      completeHistory: options.completeHistory ?? false,
    };
    const isExistingTable = (k: string) => {
      const t = state.table(k);
      return !t || options.groupOf(t.createdIn) !== group;
    };
    const isExistingColumn = (k: string, c: string) => {
      const col = state.column(k, c);
      return isExistingTable(k) && (!col || options.groupOf(col.createdIn) !== group);
    };
    // Enums as they were at the migration's start, for drop-enum-value: copied just before the first
    // statement that changes one (most migrations have none; then the live map is still the start).
    let enumsAtStart: MigrationContext["enumsAtStart"] | undefined;
    state.resetDropped();
    const raw: RawFinding[] = [];
    const locks: MigrationContext["locks"] = [];
    const hitsOf = (rule: Rule, hits: Hit[], stmt?: ParsedStatement) => {
      for (const h of hits)
        raw.push({
          rule: rule.id,
          severity: h.severity ?? rule.severity,
          message: h.message,
          offset: h.offset ?? stmt?.start ?? 0,
          ...(stmt ? { statement: stmt } : {}),
          ...(h.subjects ? { subjects: h.subjects } : {}),
        });
    };

    // One context per migration, its `stmt` moved along (rules read it synchronously and keep
    // nothing): a fresh spread per statement was the linter's largest cost of its own.
    const ctx: StatementContext = {
      migration,
      script,
      prismaWarnings: info.prismaWarnings,
      group,
      completeHistory: info.completeHistory,
      stmt: script.statements[0]!,
      state,
      groupOf: options.groupOf,
      isExistingTable,
      isExistingColumn,
      evidence,
    };
    for (const stmt of script.statements) {
      ctx.stmt = stmt;
      const statementRules = byKind.get(stmt.kind);
      if (statementRules) for (const rule of statementRules) hitsOf(rule, rule.check(ctx), stmt);
      // DROP … IF EXISTS of a table the complete history never created is a no-op: no lock to speak of.
      const maybeNoop = stmt.kind === "DropStmt" && stmt.node.missing_ok && info.completeHistory;
      for (const l of statementLocks(stmt, state))
        locks.push({ stmt, table: l.table, mode: l.mode, existing: isExistingTable(l.table) && !(maybeNoop && !state.table(l.table)) });
      if (!enumsAtStart && changesEnums(stmt)) enumsAtStart = { ...state.data.enums };
      state.apply(stmt, migration.name);
    }
    const mctx: MigrationContext = {
      migration,
      script,
      prismaWarnings: info.prismaWarnings,
      group,
      completeHistory: info.completeHistory,
      state,
      enumsAtStart: enumsAtStart ?? state.data.enums,
      enumsChanged: enumsAtStart !== undefined,
      groupOf: options.groupOf,
      isExistingTable,
      locks,
    };
    for (const rule of migrationRules) {
      for (const h of rule.check(mctx)) {
        const stmt = script.statements.find((s) => s.start <= (h.offset ?? 0) && (h.offset ?? 0) <= s.end);
        hitsOf(rule, [h], stmt);
      }
    }
    for (const u of expanded?.unchecked ?? []) {
      raw.push({ rule: "unchecked-sql", severity: u.severity, offset: u.offset, statement: u.statement, message: u.message });
    }
    for (const w of uncoveredPrismaWarnings(
      info.prismaWarnings,
      raw,
      state,
      script.statements.map((s) => s.kind),
    )) {
      raw.push({ rule: "prisma-data-loss-warning", severity: "warning", offset: w.offset, message: `Prisma warns: ${w.text}` });
    }

    if (options.sizeRisk) applySizeRisk(raw, locks, options.sizeRisk, sizes);

    const directives = parseIgnores(script.comments, script.statements);
    for (const f of raw) {
      // A directive before a DO block covers the statements inside it too.
      const parent = f.statement?.parent;
      const d =
        suppressing(directives, f.rule, f.statement?.index) ?? (parent !== undefined ? suppressing(directives, f.rule, parent) : undefined);
      if (d) d.used.add(f.rule);
      else result.findings.push(toFinding(migration, script.lines, f));
    }
    for (const p of ignoreProblems(directives, known)) {
      result.findings.push(
        toFinding(migration, script.lines, {
          rule: p.rule,
          severity: ruleById(p.rule)?.severity ?? "warning",
          offset: p.offset,
          message: p.message,
        }),
      );
    }
  }
  if (onlyReplayed && options.wantBaseState) result.baseState = { data: state.data, covers: options.migrations.length };
  return result;
}

function toFinding(migration: LintMigration, lines: LineIndex, f: RawFinding): LintFinding {
  const { line, column } = lines.at(f.offset);
  const endLine = f.statement ? Math.max(line, lines.at(Math.max(f.statement.start, f.statement.end - 1)).line) : line;
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: migration.file,
    line,
    column,
    endLine,
    migration: migration.name,
    class: ruleById(f.rule)?.class ?? "meta",
    ...(f.statement ? { statement: firstLine(f.statement.text) } : {}),
  };
}

export type { RawFinding };
