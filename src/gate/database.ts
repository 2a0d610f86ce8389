// The gate's view of an environment's database: `_prisma_migrations`, the environment stamp and the
// server's own `now()`, read in one read-only transaction on a read-only session. The gate never writes.
import type { EnvironmentStamp } from "../core/environment.js";
import type { MigrationRecord } from "../core/migration-state.js";
import { EnvironmentDatabase } from "../postgres/environment-database.js";

export interface DatabaseSnapshot {
  records: MigrationRecord[];
  /** No `_prisma_migrations` table: nothing was ever applied. */
  noHistory: boolean;
  stamp?: EnvironmentStamp;
  /** The server's clock when the rows were read. */
  now: Date;
}

export async function readDatabaseSnapshot(url: string, options: { timeoutMs?: number } = {}): Promise<DatabaseSnapshot> {
  const db = await EnvironmentDatabase.connect(url, { timeoutMs: options.timeoutMs ?? 15_000, applicationName: "migrate-guard gate" });
  try {
    return await db.readOnly(async (now) => {
      const records = await db.readMigrationRecords();
      const stamp = await db.readStamp();
      return { records: records ?? [], noHistory: !records, now, ...(stamp ? { stamp } : {}) };
    });
  } finally {
    await db.close();
  }
}
