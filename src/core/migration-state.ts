// The state of an environment's migrations: the repository's migration folders compared with the rows
// of `_prisma_migrations`, classified the way Prisma Migrate classifies them (applied, pending, failed
// — Prisma's P3009 state —, rolled back, edited after apply, missing from the repository). Pure.
import { createHash } from "node:crypto";
import { ConfigurationError } from "./errors.js";

/** A row of `_prisma_migrations`, in domain terms. */
export interface MigrationRecord {
  name: string;
  checksum: string;
  startedAt: Date;
  finishedAt?: Date;
  rolledBackAt?: Date;
  /** What Prisma recorded about a failure (the database error). */
  logs?: string;
}

export interface RepoMigration {
  name: string;
  sql: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** Took longer than the slow-migration threshold. */
  slow: boolean;
  /** False for a migration the database has and the repository does not. */
  inRepo: boolean;
}

export interface FailedMigration {
  name: string;
  startedAt: Date;
  logs?: string;
  inRepo: boolean;
}

export interface MigrationState {
  /** In the repository, not applied (and not failed): what `migrate deploy` would apply, in order. */
  pending: string[];
  applied: AppliedMigration[];
  /** Started and never finished nor rolled back: Prisma refuses to deploy until they are resolved. */
  failed: FailedMigration[];
  /** Attempts marked rolled back, without a later successful apply. */
  rolledBack: string[];
  /** Applied, but the file in the repository differs from what was applied (edited after apply). */
  checksumMismatch: string[];
  /** Applied (or failed) in the database, absent from the repository. */
  missingFromRepo: string[];
}

const CHECKSUM_LENGTH = 64;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * Whether `script` is what a stored checksum was computed from, with Prisma's tolerance: line endings
 * may have been converted either way by git, and checksums written by old Prisma versions lack the
 * zero padding of each byte (prisma-engines#1887).
 */
export function scriptMatchesChecksum(script: string, stored: string): boolean {
  const variants = [script, script.split("\r\n").join("\n"), script.split("\n").join("\r\n")];
  const unpadded = stored.length !== 0 && stored.length !== CHECKSUM_LENGTH;
  return variants.some((variant) => {
    const digest = sha256(variant);
    const rendered = unpadded ? [...digest].map((b) => b.toString(16)).join("") : digest.toString("hex");
    return rendered === stored;
  });
}

/** Prisma applies migrations in the byte order of their folder names. */
function byName(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function classifyMigrations(
  repo: readonly RepoMigration[],
  records: readonly MigrationRecord[],
  slowMigrationSeconds: number,
): MigrationState {
  const repoByName = new Map(repo.map((m) => [m.name, m]));
  const live = records.filter((r) => !r.rolledBackAt);
  const appliedRecords = new Map<string, MigrationRecord>();
  for (const r of live) if (r.finishedAt) appliedRecords.set(r.name, r);
  const failedRecords = live.filter((r) => !r.finishedAt && !appliedRecords.has(r.name));

  const applied: AppliedMigration[] = [...appliedRecords.values()]
    .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime() || byName(a.name, b.name))
    .map((r) => {
      const durationMs = Math.max(0, r.finishedAt!.getTime() - r.startedAt.getTime());
      return {
        name: r.name,
        checksum: r.checksum,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt!,
        durationMs,
        slow: durationMs > slowMigrationSeconds * 1000,
        inRepo: repoByName.has(r.name),
      };
    });
  const failed: FailedMigration[] = failedRecords.map((r) => ({
    name: r.name,
    startedAt: r.startedAt,
    ...(r.logs ? { logs: r.logs } : {}),
    inRepo: repoByName.has(r.name),
  }));
  const failedNames = new Set(failed.map((f) => f.name));
  const pending = repo
    .map((m) => m.name)
    .filter((n) => !appliedRecords.has(n) && !failedNames.has(n))
    .sort(byName);
  const rolledBack = [
    ...new Set(records.filter((r) => r.rolledBackAt && !appliedRecords.has(r.name) && !failedNames.has(r.name)).map((r) => r.name)),
  ].sort(byName);
  const checksumMismatch = applied
    .filter((a) => {
      const file = repoByName.get(a.name);
      return file !== undefined && !scriptMatchesChecksum(file.sql, a.checksum);
    })
    .map((a) => a.name);
  const missingFromRepo = [
    ...new Set([...applied.filter((a) => !a.inRepo).map((a) => a.name), ...failed.filter((f) => !f.inRepo).map((f) => f.name)]),
  ].sort(byName);
  return { pending, applied, failed, rolledBack, checksumMismatch, missingFromRepo };
}

/**
 * A migration name as the user typed it for `resolve`: a single folder name, never a path. Checked
 * before anything else so that `../../etc` cannot reach a file system call or Prisma.
 */
export function assertMigrationName(name: string, flag: string): void {
  const ok = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes("..") && name.length <= 255;
  if (!ok) {
    throw new ConfigurationError(
      `${flag} ${JSON.stringify(name)} is not a migration name. Expected the name of one folder in the migrations directory, e.g. 20240101120000_add_users (letters, digits, "_", "-", "."; no path).`,
    );
  }
}

/**
 * The migrations `prisma migrate deploy` says it applied, from its output ("The following migration(s)
 * have been applied: … └─ NAME/"), or [] for "No pending migrations to apply.". Undefined when the output
 * has neither form (a Prisma version that words it differently): callers then fall back to the database.
 */
export function parseDeployOutput(stdout: string): string[] | undefined {
  if (/No pending migrations to apply/i.test(stdout)) return [];
  const start = stdout.search(/have been applied:/i);
  if (start < 0) return undefined;
  const names: string[] = [];
  for (const line of stdout.slice(start).split("\n")) {
    const m = /^\s*└─\s+(.+?)\/\s*$/.exec(line);
    if (m && m[1] !== "migrations") names.push(m[1]!);
  }
  return names;
}

/** The first lines of what Prisma recorded for a failed migration, for messages. */
export function failureSummary(logs: string | undefined, maxLines = 6): string {
  if (!logs) return "no error was recorded";
  // Prisma's engines append a Rust backtrace ("   0: sql_schema_connector::…", "at …/apply_migration.rs:113").
  const lines = logs
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !/^\s*(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
  return lines.slice(0, maxLines).join("\n") + (lines.length > maxLines ? "\n…" : "");
}

/**
 * What to do about failed migrations (Prisma's P3009 state), as exact commands for this environment.
 * `resolveCommand` renders one resolve invocation (CLI or workflow form).
 */
export function recoverySteps(failed: readonly FailedMigration[], environment: string): string[] {
  const steps: string[] = [];
  for (const f of failed) {
    const cli = (kind: string) => `migrate-guard resolve --environment ${shellWord(environment)} --${kind} ${f.name} --confirm ${f.name}`;
    steps.push(
      `Migration "${f.name}" failed on "${environment}" (started ${f.startedAt.toISOString()}). Prisma applies nothing else until it is resolved (P3009). ` +
        `Recorded error: ${failureSummary(f.logs, 3).replace(/\n/g, " ")}`,
      `1. Check what of "${f.name}" is in the database. PostgreSQL normally rolled the whole script back, but statements that commit on their own (or an explicit COMMIT in the script) may have stayed.`,
      `2. If none of it took effect: fix the migration in the repository (it was never applied, so it may be edited), mark the failed attempt rolled back with \`${cli("rolled-back")}\` (workflow: command resolve, resolve-as rolled-back, migration ${f.name}, confirm ${f.name}), then run deploy again.`,
      `3. If you completed its changes by hand instead: record it as applied with \`${cli("applied")}\` (workflow: resolve-as applied).`,
    );
  }
  return steps;
}

function shellWord(text: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
