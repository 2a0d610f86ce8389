// The two schema states a reversal is computed from, built on one throwaway PostgreSQL: "every
// migration" and "every migration except X", each in its own scratch database. Migrations run as
// Prisma's schema engine sends them (one script per query), so what fails here fails for Prisma too.
// After the reversal is generated it is applied to the first database and the result compared with
// the second: what the file promises is checked before anyone reviews it.
import type pg from "pg";
import type { Catalog } from "../core/catalog.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import { readCatalog } from "../postgres/catalog-reader.js";
import { startCluster, type Cluster } from "../postgres/cluster.js";
import { connectClient, createDatabase, withDatabase } from "../postgres/database.js";

export interface ScratchStates {
  current: Catalog;
  without: Catalog;
  postgresVersion: string;
  /** Set when the environment's major could not be used. */
  warning?: string;
  /** The throwaway server's maintenance database (scratch databases are created from it). */
  adminUrl: string;
  /** Applies `sql` to the "every migration" database and reads its catalog again. */
  applyToCurrent(sql: string): Promise<Catalog>;
  stop(): Promise<void>;
}

/** A later migration that does not apply once X is left out: it depends on X. */
export class DependentMigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly reason: string,
  ) {
    super(`${migration} fails without it: ${reason}`);
  }
}

async function applyAll(url: string, migrations: readonly Migration[], onError: (m: Migration, error: Error) => Error): Promise<void> {
  const client: pg.Client = await connectClient(url);
  try {
    for (const m of migrations) {
      try {
        await client.query(m.sql);
      } catch (error) {
        throw onError(m, error as Error);
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** The environment's major (installed, or fetched from npm: provision.ts); the newest installed, with a warning, when neither works. */
async function startPreferring(major: number | undefined, logger: Logger): Promise<{ cluster: Cluster; warning?: string }> {
  if (major) {
    try {
      return { cluster: await startCluster({ version: String(major), logger }) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.debug(reason);
      const cluster = await startCluster({ logger });
      const warning = `The environment runs PostgreSQL ${major}, which is neither installed here nor could be fetched (${reason.split(". ")[0]}); the reversal was computed and checked on PostgreSQL ${cluster.version} instead.`;
      logger.warning(warning);
      return { cluster, warning };
    }
  }
  return { cluster: await startCluster({ logger }) };
}

export async function buildScratchStates(params: {
  migrations: readonly Migration[];
  reverted: string;
  schemas: readonly string[];
  postgresMajor?: number;
  logger: Logger;
}): Promise<ScratchStates> {
  const { migrations, reverted, schemas, logger } = params;
  const { cluster, warning } = await startPreferring(params.postgresMajor, logger);
  try {
    await Promise.all([createDatabase(cluster.url, "every_migration"), createDatabase(cluster.url, "without_reverted")]);
    const currentUrl = withDatabase(cluster.url, "every_migration");
    const withoutUrl = withDatabase(cluster.url, "without_reverted");
    const started = Date.now();
    await Promise.all([
      applyAll(
        currentUrl,
        migrations,
        (m, e) => new Error(`Migration ${m.name} does not apply to an empty database (with every migration before it): ${e.message}`),
      ),
      applyAll(
        withoutUrl,
        migrations.filter((m) => m.name !== reverted),
        (m, e) => new DependentMigrationError(m.name, e.message),
      ),
    ]);
    logger.info(
      `Built both states on a throwaway PostgreSQL ${cluster.version} in ${Date.now() - started} ms (${migrations.length} and ${migrations.length - 1} migrations).`,
    );
    const [current, without] = await Promise.all([readCatalog(currentUrl, schemas), readCatalog(withoutUrl, schemas)]);
    return {
      current,
      without,
      postgresVersion: cluster.version,
      ...(warning ? { warning } : {}),
      adminUrl: cluster.url,
      async applyToCurrent(sql) {
        const client = await connectClient(currentUrl);
        try {
          await client.query(sql);
        } finally {
          await client.end().catch(() => {});
        }
        return readCatalog(currentUrl, schemas);
      },
      stop: () => cluster.stop(),
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
