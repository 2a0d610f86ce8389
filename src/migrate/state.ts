// Reading what the run needs before it decides anything: the repository's migrations (what Prisma would
// see) and the environment database's state (stamp, history, lock). Both read-only.
import type { EnvironmentStamp } from "../core/environment.js";
import { classifyMigrations, type MigrationState } from "../core/migration-state.js";
import { findPrismaCli, type PrismaCli } from "../prisma/cli.js";
import type { LoadedProject } from "../prisma/load-project.js";
import { redact } from "../core/errors.js";
import { EnvironmentDatabase, urlSecrets, type LockHolder } from "../postgres/environment-database.js";
import { prismaWarnings, type MigrateReport, type PendingMigration } from "./report.js";
import type { MigrateSettings } from "./settings.js";

export { loadProject, type LoadedProject } from "../prisma/load-project.js";

export function projectPrisma(loaded: LoadedProject, explicitSchema: boolean): PrismaCli {
  const { project } = loaded;
  return findPrismaCli({
    workingDirectory: project.workingDirectory,
    schemaPath: project.schemaPath,
    urlVariables: project.urlVariables,
    explicitSchema,
  });
}

export interface EnvironmentState {
  stamp?: EnvironmentStamp;
  state: MigrationState;
  /** No `_prisma_migrations` table. */
  noHistory: boolean;
  /** Tables besides Prisma's in the migrations schema. */
  userTables: number;
  lockHolder?: LockHolder;
  postgresVersion: string;
}

export async function readEnvironmentState(
  db: EnvironmentDatabase,
  loaded: LoadedProject,
  slowMigrationSeconds: number,
): Promise<EnvironmentState> {
  const [stamp, records, userTables, lockHolder, postgresVersion] = [
    await db.readStamp(),
    await db.readMigrationRecords(),
    await db.countUserTables(),
    await db.migrationLockHolder(),
    await db.serverVersion(),
  ];
  return {
    ...(stamp ? { stamp } : {}),
    state: classifyMigrations(loaded.dir.migrations, records ?? [], slowMigrationSeconds),
    noHistory: records === undefined,
    userTables,
    ...(lockHolder ? { lockHolder } : {}),
    postgresVersion,
  };
}

export function pendingMigrations(loaded: LoadedProject, names: readonly string[]): PendingMigration[] {
  const byName = new Map(loaded.dir.migrations.map((m) => [m.name, m]));
  return names.flatMap((name) => {
    const m = byName.get(name);
    return m ? [{ name, checksum: m.checksum, file: m.file, sql: m.sql, warnings: prismaWarnings(m.sql) }] : [];
  });
}

export function describeLockHolder(holder: LockHolder): string {
  const parts = [`pid ${holder.pid}`];
  if (holder.application) parts.push(`application "${holder.application}"`);
  if (holder.client) parts.push(`from ${holder.client}`);
  if (holder.since) parts.push(`since ${holder.since.toISOString()}`);
  return parts.join(", ");
}

/** The state after the change, from a fresh connection (the first may have died with the server). */
export async function readBack(
  settings: Pick<MigrateSettings, "databaseUrl" | "slowMigrationSeconds">,
  loaded: LoadedProject,
  report: MigrateReport,
): Promise<void> {
  try {
    const db = await EnvironmentDatabase.connect(settings.databaseUrl);
    try {
      const after = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
      report.state = after.state;
      if (after.stamp) report.stamp = after.stamp;
    } finally {
      await db.close();
    }
  } catch (error) {
    // The state read before the change would be stale now: report none rather than a wrong one.
    delete report.state;
    report.stateUnknown =
      `${redact(error instanceof Error ? error.message : String(error), urlSecrets(settings.databaseUrl))} ` +
      "Run status once the database is reachable: a migration that was running is then either applied or recorded as failed.";
  }
}
