// Wiring of the linter for its three callers (verify's lint check, `migrate-guard lint`, the lint
// action): which migrations are base and which are new, the base branch's schema.prisma for the
// 3-phase check, and the cached base state. The rules themselves live in src/lint (pure).
//
// Reading is lazy because the common case is one new migration on top of hundreds: names come from
// readdir and `git ls-tree` (blob ids, no contents); with the base state cached under those ids only
// the new files are read and parsed.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { compareMigrationNames, toPosix } from "../core/migrations.js";
import { statusFromFindings, type CheckResult, type Finding } from "../core/report.js";
import { migrationBlobsAtCommit, readBlobs, schemaAtCommit } from "../git/file-at-commit.js";
import { repositoryRoot, resolveCommit } from "../git/git.js";
import { lint, type LintResult } from "../lint/linter.js";
import type { PhaseEvidence } from "../lint/phases.js";
import type { SizeRisk } from "../lint/stats.js";
import { parsePrismaModels } from "../lint/prisma-models.js";
import type { LintFinding, LintMigration } from "../lint/types.js";
import { locateProject } from "../prisma/project.js";
import { loadParser } from "../sql/statements.js";
import { blobId, cacheKey, defaultCacheDir, readCachedState, writeCachedState } from "./lint-cache.js";

/** Migrations known by name and content id; contents read only when needed. */
export interface LazyMigrations {
  names: string[];
  /** Content ids (git blob ids), parallel to names. */
  ids: string[];
  read(names: string[]): Promise<LintMigration[]>;
}

export interface MigrationSet {
  /** The working tree's migrations, in Prisma's order. */
  current: LazyMigrations;
  /** The base branch's migrations; undefined without a base ref (then every migration is history). */
  base?: LazyMigrations;
  /** Lint every migration, not only the new ones. */
  all?: boolean;
  /** Judge each migration on its own against the ones before it (implies all). */
  eachMigration?: boolean;
  /** schema.prisma as on the base branch. */
  baseSchemaText?: string;
  /** Directory for the cached base state; false: no cache. */
  cacheDir?: string | false;
  /** Table sizes (a stats file): lock and rewrite hazards on large tables are raised and sized. */
  sizeRisk?: SizeRisk;
}

export interface LintOutcome {
  result: LintResult;
  /** One line: what was linted, for reports. */
  summary: string;
  newCount: number;
  durationMs: number;
}

/** Already-read migrations (verify has them) as LazyMigrations. */
export function loaded(migrations: readonly LintMigration[]): LazyMigrations {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  return {
    names: migrations.map((m) => m.name),
    ids: migrations.map((m) => blobId(m.sql)),
    read: async (names) => names.map((n) => byName.get(n)!),
  };
}

export async function lintMigrationSet(set: MigrationSet): Promise<LintOutcome> {
  const started = performance.now();
  const base = set.base ?? set.current;
  const baseNames = new Set(base.names);
  const freshNames = set.current.names.filter((n) => !baseNames.has(n));
  const all = Boolean(set.all || set.eachMigration);
  const done = (result: LintResult) => ({
    result,
    summary: summaryOf(set, all, result.linted.length, freshNames.length, base.names.length),
    newCount: freshNames.length,
    durationMs: performance.now() - started,
  });
  if (!all && freshNames.length === 0) return done({ findings: [], linted: [], statements: 0 });

  const fresh = new Set(freshNames);
  const shouldLint = (name: string) => all || fresh.has(name);
  const groupOf = set.eachMigration ? (name: string) => name : (name: string) => (fresh.has(name) ? "new" : "base");
  const evidence: PhaseEvidence =
    !set.eachMigration && set.baseSchemaText !== undefined ? { baseModels: parsePrismaModels(set.baseSchemaText) } : {};

  // The base is a pure replay prefix unless everything is linted: its state can come from the cache.
  const cacheDir = all || !set.base || set.cacheDir === false ? undefined : (set.cacheDir ?? defaultCacheDir());
  const key = cacheDir ? cacheKey(base.names.map((name, i) => ({ name, id: base.ids[i]! }))) : undefined;
  const cached = key ? await readCachedState(cacheDir!, key) : undefined;
  const baseMigrations = cached ? base.names.map((name) => ({ name, file: name, sql: "" })) : await base.read(base.names);
  const migrations = [...baseMigrations, ...(await set.current.read(freshNames))];
  const result = await lint({
    migrations,
    shouldLint,
    groupOf,
    evidence,
    completeHistory: true,
    ...(set.sizeRisk ? { sizeRisk: set.sizeRisk } : {}),
    ...(cached ? { initialState: { data: cached, covers: base.names.length } } : { wantBaseState: key !== undefined }),
  });
  if (key && !cached && result.baseState?.covers === base.names.length) await writeCachedState(cacheDir!, key, result.baseState.data);
  return done(result);
}

function summaryOf(set: MigrationSet, all: boolean, linted: number, fresh: number, base: number): string {
  if (set.eachMigration) return `${linted} migrations linted, each against the ones before it`;
  if (all)
    return `all ${linted} migrations linted${set.base ? ` (${fresh} new against the base branch's ${base}, those from an empty database)` : " as one change set from an empty database"}`;
  if (set.base) return `${linted} new migration(s) linted against the base branch's ${base}`;
  return "no base ref: every migration is existing history, none linted (--all lints them)";
}

/** The verify report's `lint` check. */
export function lintCheck(outcome: LintOutcome, extra: Finding[] = []): CheckResult {
  const findings: Finding[] = [...outcome.result.findings.map(toFinding), ...extra];
  return {
    id: "lint",
    status: statusFromFindings(findings),
    summary: `${outcome.summary}: ${countText(outcome.result.findings)}`,
    findings,
  };
}

export function toFinding(f: LintFinding): Finding {
  return { rule: f.rule, message: f.message, file: f.file, line: f.line, column: f.column, severity: f.severity };
}

export function countText(findings: readonly { severity: string }[]): string {
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${part(n("error"), "error")}, ${part(n("warning"), "warning")}, ${part(n("notice"), "notice")}`;
}

export interface LintSettings {
  workingDirectory: string;
  schema?: string;
  baseRef?: string;
  all?: boolean;
  eachMigration?: boolean;
  /** Lint these .sql files directly: no Prisma project, no base state. */
  files?: string[];
  /** Finding paths are relative to this directory (default: the process's working directory). */
  pathBase?: string;
  cacheDir?: string | false;
  sizeRisk?: SizeRisk;
  logger: Logger;
}

/** `migrate-guard lint` and the lint action: a project's migrations, or the files given. */
export async function runLint(settings: LintSettings): Promise<LintOutcome> {
  // The parser's WASM compiles in the background while git and the file system answer.
  loadParser().catch(() => {});
  if (settings.files && settings.files.length > 0) return lintFiles(settings.files, settings.sizeRisk);
  const pathBase = path.resolve(settings.pathBase ?? ".");
  const display = (abs: string) => toPosix(path.relative(pathBase, abs)) || ".";

  const project = await locateProject({
    workingDirectory: settings.workingDirectory,
    ...(settings.schema ? { schema: settings.schema } : {}),
  });
  // Both git questions at once: rev-parse works from any folder inside the repository.
  const commitPromise = settings.baseRef ? resolveCommit(project.workingDirectory, settings.baseRef) : undefined;
  commitPromise?.catch(() => {});
  // Only a base ref needs git: --all and --each-migration read the working tree alone (no git process).
  const gitRoot = settings.baseRef ? await repositoryRoot(project.workingDirectory) : undefined;
  if (settings.baseRef && !gitRoot) {
    throw new ConfigurationError(
      `--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`,
    );
  }
  const baseCommit = await commitPromise;
  const [current, base, baseSchemaText] = await Promise.all([
    workingTree(project.migrationsDir, display),
    baseCommit ? atCommit(gitRoot!, baseCommit, project.migrationsDir, display) : undefined,
    baseCommit ? schemaAtCommit(gitRoot!, baseCommit, project.schemaPath) : undefined,
  ]);
  settings.logger.debug(
    `lint: ${current.names.length} migrations in ${display(project.migrationsDir)}${base ? `, ${base.names.length} on the base branch` : ""}`,
  );
  return lintMigrationSet({
    current,
    ...(base ? { base } : {}),
    ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
    all: Boolean(settings.all),
    eachMigration: Boolean(settings.eachMigration),
    ...(settings.cacheDir !== undefined ? { cacheDir: settings.cacheDir } : {}),
    ...(settings.sizeRisk ? { sizeRisk: settings.sizeRisk } : {}),
  });
}

/** Migration folders of the working tree; a folder without migration.sql is skipped (verify's naming check reports it). */
async function workingTree(dir: string, display: (abs: string) => string): Promise<LazyMigrations> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(compareMigrationNames);
  // Synchronous: hundreds of small files read in a loop cost a fraction of as many promises.
  const readOne = (name: string): string | undefined => {
    try {
      return readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    } catch {
      return undefined;
    }
  };
  const lazy: LazyMigrations = {
    names,
    // Content ids are only needed for a cached base, and the working tree is never one.
    ids: [],
    read: async (wanted) => {
      const sqls = wanted.map(readOne);
      return wanted.flatMap((name, i) =>
        sqls[i] === undefined ? [] : [{ name, file: display(path.join(dir, name, "migration.sql")), sql: sqls[i]! }],
      );
    },
  };
  return lazy;
}

async function atCommit(
  repoRoot: string,
  commit: string,
  migrationsDir: string,
  display: (abs: string) => string,
): Promise<LazyMigrations> {
  const tree = (await migrationBlobsAtCommit(repoRoot, commit, migrationsDir)).sort((a, b) => compareMigrationNames(a.name, b.name));
  return {
    names: tree.map((t) => t.name),
    ids: tree.map((t) => t.blob),
    read: async (names) => {
      const wanted = new Set(names);
      const picked = tree.filter((t) => wanted.has(t.name));
      const texts = await readBlobs(
        repoRoot,
        picked.map((t) => t.blob),
      );
      return picked.map((t, i) => ({ name: t.name, file: display(path.join(repoRoot, t.file)), sql: texts[i]! }));
    },
  };
}

/**
 * Files linted as given, in the order given, each judged against the files before it (without a
 * base, the conservative reading: a table another file creates counts as existing).
 */
async function lintFiles(files: string[], sizeRisk?: SizeRisk): Promise<LintOutcome> {
  const started = performance.now();
  const migrations = await Promise.all(
    files.map(async (file) => {
      try {
        return { name: file, file, sql: await readFile(path.resolve(file), "utf8") };
      } catch (error) {
        throw new ConfigurationError(
          `Cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Expected paths of .sql files.`,
        );
      }
    }),
  );
  const result = await lint({ migrations, shouldLint: () => true, groupOf: (name) => name, ...(sizeRisk ? { sizeRisk } : {}) });
  return { result, summary: `${files.length} file(s) linted`, newCount: files.length, durationMs: performance.now() - started };
}
