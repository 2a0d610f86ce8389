// The linter's model: rules, the context a rule sees, and the findings it produces. Pure: no I/O,
// no @actions imports.
import type { Severity } from "../core/report.js";
import type { ParsedScript, ParsedStatement } from "./parse.js";
import type { PrismaModels } from "./prisma-models.js";
import type { PrismaWarning } from "./prisma-warnings.js";
import type { SchemaState } from "./state.js";

/** What the 3-phase rules (phases.ts) know about the base branch and production. */
export interface PhaseEvidence {
  /** schema.prisma as on the base branch; undefined when unknown (file mode, history linting). */
  baseModels?: PrismaModels;
  /** Whether a migration is applied in production; undefined when unknown. */
  deployed?: (migration: string) => boolean | undefined;
}

/** What a finding is about; the benchmark counts findings per class. */
export type RuleClass = "destructive" | "breaking" | "data" | "locking" | "hygiene" | "meta";

export interface RuleMeta {
  /** kebab-case; also the file name under rules/ and docs/rules/. */
  id: string;
  /** The severity the rule usually reports (a finding may be lower or higher, e.g. by phase). */
  severity: Severity;
  class: RuleClass;
  /** One line: what the rule reports. */
  summary: string;
  /** The safe recipe: what to do instead (SARIF help, docs/rules/<id>.md). */
  recipe: string;
}

export interface Hit {
  message: string;
  /** 0-based character offset in the file; default: the statement's first token. */
  offset?: number;
  /** Overrides the rule's severity for this hit. */
  severity?: Severity;
  /** What the hit is about ("User" or "User.email", see subjectOf), for matching Prisma's warnings header. */
  subjects?: string[];
}

export interface LintMigration {
  /** Folder name (or the file path in file mode). */
  name: string;
  /** Path shown in findings: relative to the repository / working directory, POSIX separators. */
  file: string;
  sql: string;
}

export interface MigrationInfo {
  migration: LintMigration;
  script: ParsedScript & { ok: true };
  /** Prisma's `/* Warnings: … *\/` header, item by item. */
  prismaWarnings: PrismaWarning[];
  /** Change-set id of the migration: tables created in the same group count as new. */
  group: string;
  /**
   * The state holds the whole migration history (project mode): a table it does not know was never
   * created by a migration. In file mode it is false, and unknown tables are assumed to exist.
   */
  completeHistory: boolean;
}

export interface StatementContext extends MigrationInfo {
  stmt: ParsedStatement;
  /** Schema state just before this statement. */
  state: SchemaState;
  /** Group of any migration, by name. */
  groupOf(migration: string): string;
  /** A table (key "schema.name") that holds rows and has readers: not created in this change set. */
  isExistingTable(key: string): boolean;
  /** A column of an existing table that was not added in this change set. */
  isExistingColumn(key: string, column: string): boolean;
  evidence: PhaseEvidence;
}

export interface MigrationContext extends MigrationInfo {
  /** Schema state after the migration's last statement. */
  state: SchemaState;
  /** Enum values at the start of the migration, by enum key. */
  enumsAtStart: Record<string, { values: string[]; createdIn: string }>;
  /** Whether any statement of the migration changes an enum (else enumsAtStart is the state's own map). */
  enumsChanged: boolean;
  groupOf(migration: string): string;
  isExistingTable(key: string): boolean;
  /** Tables each statement locks, as the static lock model predicts. */
  locks: { stmt: ParsedStatement; table: string; mode: import("./locks.js").LockMode; existing: boolean }[];
}

export interface StatementRule extends RuleMeta {
  scope: "statement";
  /** AST node kinds the rule looks at (the linter skips the rest). */
  kinds: string[];
  check(ctx: StatementContext): Hit[];
}

export interface MigrationRule extends RuleMeta {
  scope: "migration";
  check(ctx: MigrationContext): Hit[];
}

/** Rules the linter itself reports (parse errors, ignores); listed so docs and SARIF know them. */
export interface BuiltinRule extends RuleMeta {
  scope: "builtin";
}

export type Rule = StatementRule | MigrationRule | BuiltinRule;

export interface LintFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Last line of the offending statement (for a command of a multi-command ALTER TABLE too). */
  endLine: number;
  /** Migration (folder) name. */
  migration: string;
  class: RuleClass;
  /** The statement's text, first line only, for reports. */
  statement?: string;
}

export type { ParsedStatement };
