// Small helpers over `pg`. Each opens one connection and closes it in finally; errors that reach the
// user name host, port and database but never the password or the full URL.
import pg from "pg";
import { ConfigurationError, redact } from "../core/errors.js";

export interface ServerVersion {
  /** server_version_num, e.g. 150018. */
  num: number;
  /** 15 for 15.18; 9 for 9.6.x (pre-10 numbering). */
  major: number;
  /** server_version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  text: string;
}

/** A row of `_prisma_migrations`, column names as in the table. */
export interface PrismaMigrationRow {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** "host:port/database" (and user) for messages; nothing secret. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || new URLSearchParams(u.search).get("host") || "localhost";
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
    const user = u.username ? ` as user "${decodeURIComponent(u.username)}"` : "";
    return `${host}:${u.port || "5432"}/${database}${user}`;
  } catch {
    return "the database (the URL could not be parsed)";
  }
}

/** Every form a URL's credentials can take in a message (the URL itself, encoded and decoded password). */
export function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    return [
      url,
      u.password,
      decodeURIComponent(u.password),
      u.searchParams.get("password") ?? "",
      u.searchParams.get("sslpassword") ?? "",
    ].filter((s) => s.length >= 4);
  } catch {
    return url.length >= 4 ? [url] : [];
  }
}

/**
 * node-postgres treats sslmode=require as verify-full; every other PostgreSQL client (libpq, psql,
 * pg_dump, Prisma) treats it as "encrypt, do not verify". A URL written for those clients must behave
 * the same here, so libpq semantics are asked for explicitly.
 */
export function pgConnectionString(url: string): string {
  try {
    const u = new URL(url);
    if (u.searchParams.has("sslmode") && !u.searchParams.has("uselibpqcompat")) u.searchParams.set("uselibpqcompat", "true");
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * A connected client with libpq URL semantics and a listener for server-side disconnects (without
 * one the 'error' event would crash the process; the failing query reports it instead).
 */
export async function connectClient(url: string, options: { timeoutMs?: number; applicationName?: string } = {}): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: pgConnectionString(url),
    connectionTimeoutMillis: options.timeoutMs ?? 15_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

/** Same URL, other database: for scratch databases created with createDatabase. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const secrets = urlSecrets(url);
  let client: pg.Client;
  try {
    client = await connectClient(url);
  } catch (error) {
    const reason = redact(error instanceof Error ? error.message : String(error), secrets);
    throw new ConfigurationError(`Could not connect to PostgreSQL at ${describeUrl(url)}: ${reason}`);
  }
  try {
    return await work(client);
  } catch (error) {
    // Server messages can quote parts of the URL back (e.g. a bad database name): keep them clean.
    if (error instanceof Error) error.message = redact(error.message, secrets);
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Refuses a database that holds any table, view or foreign table outside the system schemas
 * (including `_prisma_migrations`): verify applies every migration from scratch and must never touch
 * a database with data or an environment's schema. Relations owned by extensions (PostGIS's
 * spatial_ref_sys) do not count: they come with the server image, not from the user.
 */
export async function assertDisposableDatabase(url: string): Promise<void> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ name: string; total: string }>(`
      SELECT format('%I.%I', n.nspname, c.relname) AS name, count(*) OVER () AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname = '_prisma_migrations' DESC, n.nspname, c.relname
      LIMIT 5`),
  );
  if (rows.length === 0) return;
  const total = Number(rows[0]!.total);
  const listed = rows.map((r) => r.name).join(", ") + (total > rows.length ? ` and ${total - rows.length} more` : "");
  throw new ConfigurationError(
    `The database at ${describeUrl(url)} is not empty: it has ${total} table(s) or view(s) (${listed}). ` +
      "verify applies every migration from scratch, so it must never run against a database that holds data or an environment's schema. " +
      "Point database-url at an empty database (for example a fresh postgres service container), or leave database-url empty to use a throwaway server.",
  );
}

export async function serverVersion(url: string): Promise<ServerVersion> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ num: string; text: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text",
    ),
  );
  const num = Number(rows[0]!.num);
  return { num, major: Math.floor(num / 10000), text: rows[0]!.text };
}

/**
 * Rows of `_prisma_migrations` by started_at, or [] when the table does not exist. Looks in the
 * schema named by the URL's `schema` parameter (Prisma's convention), default `public`.
 */
export async function readPrismaMigrations(url: string): Promise<PrismaMigrationRow[]> {
  let schema = "public";
  try {
    schema = new URL(url).searchParams.get("schema") || "public";
  } catch {
    // pg parses more URL shapes than WHATWG URL; those use the default schema.
  }
  return withClient(url, async (client) => {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [
      schema,
    ]);
    if (!exists.rows[0]?.t) return [];
    const { rows } = await client.query<PrismaMigrationRow>(
      `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`,
    );
    return rows;
  });
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}

/** Drops the database if it exists, disconnecting its sessions first (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ num: string }>("SELECT current_setting('server_version_num') AS num");
    const force = Number(rows[0]!.num) >= 130000 ? " WITH (FORCE)" : "";
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}${force}`);
  });
}
