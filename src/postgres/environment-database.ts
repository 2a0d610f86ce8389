// The environment's database as the migrate commands see it: one connection for the reads before and
// after Prisma runs (server version, the environment stamp, `_prisma_migrations`, who holds Prisma's
// migration lock), and the few writes migrate-guard makes itself (the stamp). Connection failures are
// turned into messages that say what to fix, never quoting the URL or its password.
import type pg from "pg";
import { redact } from "../core/errors.js";
import { normalizeEnvironmentName, type EnvironmentStamp } from "../core/environment.js";
import type { MigrationRecord } from "../core/migration-state.js";
import { connectClient, describeUrl, quoteIdentifier, urlSecrets } from "./database.js";

/** The key of `pg_advisory_lock` Prisma Migrate takes while it applies or resolves migrations. */
// Credentials scrubbing and libpq URL semantics are the Postgres adapter's; re-exported for migrate.
export { pgConnectionString, urlSecrets } from "./database.js";

export const PRISMA_ADVISORY_LOCK = 72707369;
export const STAMP_SCHEMA = "migrate_guard";
export const STAMP_TABLE = `${STAMP_SCHEMA}.environment`;
/** migrate-guard's own advisory lock key (for writing the stamp): "mgst" in ASCII. */
const STAMP_LOCK = 0x6d677374;

/** A failure to reach or log in to the database, with what the user should do about it. */
export class DatabaseConnectionError extends Error {
  override name = "DatabaseConnectionError";
  constructor(
    message: string,
    readonly kind: "unreachable" | "authentication" | "tls-required" | "tls" | "database-missing" | "other",
  ) {
    super(message);
  }
}

/** The schema holding `_prisma_migrations`: the URL's `schema` parameter (Prisma's convention), default public. */
export function migrationsSchema(url: string): string {
  try {
    return new URL(url).searchParams.get("schema") || "public";
  } catch {
    return "public";
  }
}

export function explainConnectionError(error: unknown, url: string): DatabaseConnectionError {
  const e = error as Partial<pg.DatabaseError> & { code?: string; message?: string };
  const raw = redact(e.message ?? String(error), urlSecrets(url));
  const where = describeUrl(url);
  const code = e.code ?? "";
  if (
    ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"].includes(code) ||
    /timeout expired|Connection terminated due to connection timeout/i.test(raw)
  ) {
    return new DatabaseConnectionError(
      `Could not reach PostgreSQL at ${where} (${code || raw}). Check the host and port in the database URL, and that the runner can reach the server (firewall, private network, allow-list).`,
      "unreachable",
    );
  }
  if (code === "28P01" || /password authentication failed|no password supplied|SASL/i.test(raw)) {
    return new DatabaseConnectionError(
      `PostgreSQL at ${where} rejected the credentials (${raw}). Check the user and password in the environment's database URL secret.`,
      "authentication",
    );
  }
  if (code === "28000" && /no encryption|SSL off/i.test(raw)) {
    return new DatabaseConnectionError(
      `PostgreSQL at ${where} requires an encrypted connection (TLS) and refused a plain one (${raw}). Add \`sslmode=require\` (or \`sslmode=verify-full\` with \`sslrootcert\`) to the database URL.`,
      "tls-required",
    );
  }
  if (/does not support SSL|self[- ]signed|certificate|SSL|TLS/i.test(raw)) {
    return new DatabaseConnectionError(
      `TLS with PostgreSQL at ${where} failed (${raw}). Check the URL's sslmode/sslrootcert against the server's TLS set-up.`,
      "tls",
    );
  }
  if (code === "3D000") {
    return new DatabaseConnectionError(
      `PostgreSQL at ${where} has no such database (${raw}). migrate-guard never creates an environment's database: check the database name in the URL.`,
      "database-missing",
    );
  }
  return new DatabaseConnectionError(`Could not connect to PostgreSQL at ${where}: ${raw}`, "other");
}

export interface LockHolder {
  pid: number;
  application?: string;
  client?: string;
  since?: Date;
}

export class EnvironmentDatabase {
  private constructor(
    private readonly client: pg.Client,
    readonly url: string,
  ) {}

  static async connect(url: string, options: { timeoutMs?: number; applicationName?: string } = {}): Promise<EnvironmentDatabase> {
    let client: pg.Client;
    try {
      client = await connectClient(url, {
        timeoutMs: options.timeoutMs ?? 15_000,
        applicationName: options.applicationName ?? "migrate-guard",
      });
    } catch (error) {
      throw explainConnectionError(error, url);
    }
    return new EnvironmentDatabase(client, url);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(text, values);
    } catch (error) {
      // Server messages can quote parts of the URL back: keep them clean.
      if (error instanceof Error) error.message = redact(error.message, urlSecrets(this.url));
      throw error;
    }
  }

  /**
   * Runs `work` in one READ ONLY transaction on a session made read-only first, so nothing it calls can
   * write; `now` is the server's clock at the transaction's start.
   */
  async readOnly<T>(work: (now: Date) => Promise<T>): Promise<T> {
    await this.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    await this.query("BEGIN READ ONLY");
    try {
      const now = (await this.query<{ now: Date }>("SELECT now() AS now")).rows[0]!.now;
      const result = await work(now);
      await this.query("COMMIT");
      return result;
    } catch (error) {
      await this.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]!.v;
  }

  async serverMajor(): Promise<number> {
    const { rows } = await this.query<{ n: string }>("SELECT current_setting('server_version_num') AS n");
    return Math.floor(Number(rows[0]!.n) / 10000);
  }

  async readStamp(): Promise<EnvironmentStamp | undefined> {
    const exists = await this.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [STAMP_TABLE]);
    if (!exists.rows[0]?.t) return undefined;
    const { rows } = await this.query<{
      name: string;
      normalized_name: string;
      production: boolean;
      stamped_at: Date;
      stamped_by: string | null;
      repository: string | null;
      run_url: string | null;
    }>(`SELECT name, normalized_name, production, stamped_at, stamped_by, repository, run_url FROM ${STAMP_TABLE} LIMIT 1`);
    const r = rows[0];
    if (!r) return undefined;
    return {
      name: r.name,
      normalized: normalizeEnvironmentName(r.normalized_name),
      production: r.production,
      stampedAt: r.stamped_at,
      ...(r.stamped_by ? { stampedBy: r.stamped_by } : {}),
      ...(r.repository ? { repository: r.repository } : {}),
      ...(r.run_url ? { runUrl: r.run_url } : {}),
    };
  }

  /**
   * Writes the stamp unless one exists, and returns whatever stamp is there afterwards: when two first
   * deploys race, one insert wins and the other run sees (and compares with) the winner's stamp.
   * Its own schema keeps the table out of Prisma's view (Prisma manages only the datasource's schemas).
   */
  async writeStampIfAbsent(stamp: Omit<EnvironmentStamp, "stampedAt">): Promise<{ stamp: EnvironmentStamp; created: boolean }> {
    await this.query("BEGIN");
    try {
      // Concurrent CREATE … IF NOT EXISTS can still collide on the catalog's unique index: serialise
      // first deploys on a lock of migrate-guard's own (not Prisma's, which the deploy takes later).
      await this.query("SELECT pg_advisory_xact_lock($1)", [STAMP_LOCK]);
      const created = await this.createStamp(stamp);
      await this.query("COMMIT");
      return { stamp: (await this.readStamp())!, created };
    } catch (error) {
      await this.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  private async createStamp(stamp: Omit<EnvironmentStamp, "stampedAt">): Promise<boolean> {
    await this.query(`CREATE SCHEMA IF NOT EXISTS ${STAMP_SCHEMA}`);
    await this.query(`
      CREATE TABLE IF NOT EXISTS ${STAMP_TABLE} (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        name text NOT NULL,
        normalized_name text NOT NULL,
        production boolean NOT NULL,
        stamped_at timestamptz NOT NULL DEFAULT now(),
        stamped_by text,
        repository text,
        run_url text
      )`);
    await this.query(
      `COMMENT ON TABLE ${STAMP_TABLE} IS 'migrate-guard: the environment this database belongs to. Deploys for any other environment are refused.'`,
    );
    const inserted = await this.query(
      `INSERT INTO ${STAMP_TABLE} (name, normalized_name, production, stamped_by, repository, run_url) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (singleton) DO NOTHING`,
      [stamp.name, stamp.normalized, stamp.production, stamp.stampedBy ?? null, stamp.repository ?? null, stamp.runUrl ?? null],
    );
    return inserted.rowCount === 1;
  }

  /**
   * Each table's estimated rows (pg_class.reltuples; null when never analyzed) and total bytes (heap,
   * indexes, TOAST), outside the system schemas and migrate-guard's own. A partitioned table counts
   * its partitions. Catalog reads only: run it inside readOnly().
   */
  async tableSizes(): Promise<{ schema: string; name: string; rows: number | null; bytes: number }[]> {
    const partitioned = (await this.serverMajor()) >= 12;
    const leaves = (what: string) =>
      `(SELECT sum(${what}) FROM pg_partition_tree(c.oid) t JOIN pg_class l ON l.oid = t.relid WHERE t.isleaf)`;
    const rows = partitioned
      ? `CASE WHEN c.relkind = 'p' THEN ${leaves("greatest(l.reltuples, 0)")} WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END`
      : "CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END";
    const bytes = partitioned
      ? `CASE WHEN c.relkind = 'p' THEN coalesce(${leaves("pg_total_relation_size(l.oid)")}, 0) ELSE pg_total_relation_size(c.oid) END`
      : "pg_total_relation_size(c.oid)";
    const { rows: result } = await this.query<{ schema: string; name: string; rows: number | null; bytes: number }>(
      `SELECT n.nspname AS schema, c.relname AS name, (${rows})::float8 AS rows, (${bytes})::float8 AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', '${STAMP_SCHEMA}')
          AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp_%'
        ORDER BY 1, 2`,
    );
    return result.map((r) => ({
      schema: r.schema,
      name: r.name,
      rows: r.rows === null ? null : Math.round(r.rows),
      bytes: Math.round(r.bytes),
    }));
  }

  /** Rows of `_prisma_migrations` (none when the table does not exist yet). */
  async readMigrationRecords(): Promise<MigrationRecord[] | undefined> {
    const schema = migrationsSchema(this.url);
    const exists = await this.query<{ t: string | null }>("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
      schema,
    ]);
    if (!exists.rows[0]?.t) return undefined;
    const { rows } = await this.query<{
      migration_name: string;
      checksum: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
    }>(
      `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`,
    );
    return rows.map((r) => ({
      name: r.migration_name,
      checksum: r.checksum,
      startedAt: r.started_at,
      ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
      ...(r.rolled_back_at ? { rolledBackAt: r.rolled_back_at } : {}),
      ...(r.logs ? { logs: redact(r.logs, urlSecrets(this.url)) } : {}),
    }));
  }

  /** Finished migrations so far: progress while Prisma works. */
  async countFinished(): Promise<number> {
    const schema = migrationsSchema(this.url);
    const exists = await this.query<{ t: string | null }>("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
      schema,
    ]);
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdentifier(schema)}._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return Number(rows[0]!.n);
  }

  /** Tables in the migrations schema other than Prisma's own: a database with these and no history needs a baseline. */
  async countUserTables(): Promise<number> {
    const { rows } = await this.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations'",
      [migrationsSchema(this.url)],
    );
    return Number(rows[0]!.n);
  }

  /** The session holding Prisma's migration lock in this database, if any. */
  async migrationLockHolder(): Promise<LockHolder | undefined> {
    // A bigint advisory key shows up as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
    const { rows } = await this.query<{ pid: number; application_name: string | null; client_addr: string | null; since: Date | null }>(
      `SELECT l.pid, a.application_name, host(a.client_addr) AS client_addr, coalesce(a.xact_start, a.backend_start) AS since
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       LIMIT 1`,
      [PRISMA_ADVISORY_LOCK],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      pid: r.pid,
      ...(r.application_name ? { application: r.application_name } : {}),
      ...(r.client_addr ? { client: r.client_addr } : {}),
      ...(r.since ? { since: r.since } : {}),
    };
  }

  /**
   * What Prisma's schema engine does for `migrate resolve --rolled-back` (markMigrationRolledBack): set
   * rolled_back_at on the migration's unfinished, not yet rolled back rows — only when none of its
   * rows finished. Under Prisma's own advisory lock, so it never races a deploy.
   */
  async markRolledBack(name: string): Promise<number> {
    const table = `${quoteIdentifier(migrationsSchema(this.url))}._prisma_migrations`;
    await this.query("BEGIN");
    try {
      const { rows } = await this.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [PRISMA_ADVISORY_LOCK]);
      if (!rows[0]?.ok)
        throw new Error(
          "Another session holds Prisma's migration lock (a deploy is running): nothing was changed. Try again when it has finished.",
        );
      const updated = await this.query(
        `UPDATE ${table} SET rolled_back_at = now()
         WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM ${table} WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL)`,
        [name],
      );
      await this.query("COMMIT");
      return updated.rowCount ?? 0;
    } catch (error) {
      await this.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }
}

/** Opens, runs `work`, closes; connection failures become DatabaseConnectionError. */
export async function withEnvironmentDatabase<T>(url: string, work: (db: EnvironmentDatabase) => Promise<T>): Promise<T> {
  const db = await EnvironmentDatabase.connect(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
