// The gate's view of an environment's database: `_prisma_migrations`, the environment stamp and the
// server's own `now()`, read in one read-only transaction on a read-only session. The gate never writes.
import pg from "pg";
import type { EnvironmentStamp } from "../core/environment.js";
import { normalizeEnvironmentName } from "../core/environment.js";
import { redact } from "../core/errors.js";
import type { MigrationRecord } from "../core/migration-state.js";
import { connectClient, quoteIdentifier, urlSecrets } from "../postgres/database.js";
import { explainConnectionError, migrationsSchema, STAMP_TABLE } from "../migrate/database.js";

export interface DatabaseSnapshot {
  records: MigrationRecord[];
  /** No `_prisma_migrations` table: nothing was ever applied. */
  noHistory: boolean;
  stamp?: EnvironmentStamp;
  /** The server's clock when the rows were read. */
  now: Date;
}

export async function readDatabaseSnapshot(url: string, options: { timeoutMs?: number } = {}): Promise<DatabaseSnapshot> {
  let client: pg.Client;
  try {
    client = await connectClient(url, { timeoutMs: options.timeoutMs ?? 15_000, applicationName: "migrate-guard gate" });
  } catch (error) {
    throw explainConnectionError(error, url);
  }
  try {
    await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    await client.query("BEGIN READ ONLY");
    const now = (await client.query<{ now: Date }>("SELECT now() AS now")).rows[0]!.now;
    const schema = migrationsSchema(url);
    const table = (await client.query<{ t: string | null }>("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [schema])).rows[0]?.t;
    const records: MigrationRecord[] = [];
    if (table) {
      const { rows } = await client.query<{ migration_name: string; checksum: string; started_at: Date; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`,
      );
      for (const r of rows) {
        records.push({
          name: r.migration_name,
          checksum: r.checksum,
          startedAt: r.started_at,
          ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
          ...(r.rolled_back_at ? { rolledBackAt: r.rolled_back_at } : {}),
        });
      }
    }
    const stamp = await readStamp(client);
    await client.query("COMMIT");
    return { records, noHistory: !table, now, ...(stamp ? { stamp } : {}) };
  } catch (error) {
    if (error instanceof Error) error.message = redact(error.message, urlSecrets(url));
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function readStamp(client: pg.Client): Promise<EnvironmentStamp | undefined> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [STAMP_TABLE]);
  if (!exists.rows[0]?.t) return undefined;
  const { rows } = await client.query<{ name: string; normalized_name: string; production: boolean; stamped_at: Date }>(
    `SELECT name, normalized_name, production, stamped_at FROM ${STAMP_TABLE} LIMIT 1`,
  );
  const r = rows[0];
  return r ? { name: r.name, normalized: normalizeEnvironmentName(r.normalized_name), production: r.production, stampedAt: r.stamped_at } : undefined;
}
