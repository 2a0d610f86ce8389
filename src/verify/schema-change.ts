// verify's picture of the schema change: the base state's catalog (read wherever the lock measurement
// builds or restores it: a replay of the base migrations, a copy of the snapshot, or the restored
// snapshot itself before Prisma touches it) against the migrated database's catalog.
import type pg from "pg";
import type { Catalog } from "../core/catalog.js";
import type { SchemaChangeOutcome } from "../core/report.js";
import { diffSchemas } from "../core/schema-change.js";
import { readCatalog, readCatalogWith } from "../postgres/catalog-reader.js";

export interface SchemaChangeCollector {
  /** For the lock measurement (see startLintCheck's onBaseState). Never throws. */
  onBaseState(client: pg.Client): Promise<void>;
  /** The outcome once the lock measurement is over; undefined when there is nothing new to draw. */
  outcome(params: { url: string; applied: boolean }): Promise<SchemaChangeOutcome | undefined>;
}

export function collectSchemaChange(params: {
  schemas: readonly string[];
  hasBase: boolean;
  newMigrations: number;
}): SchemaChangeCollector {
  let before: Promise<Catalog | Error> | undefined;
  return {
    async onBaseState(client) {
      // The first base state wins: a later one (there is none today) would be the same state.
      before ??= readCatalogWith(client, params.schemas).catch((error: Error) => error);
      await before;
    },
    async outcome({ url, applied }) {
      if (!params.hasBase || params.newMigrations === 0) return undefined;
      if (!applied) return { missing: "the migrations did not apply, so there is no migrated state to compare" };
      const base = await before;
      if (!base) return { missing: "the base branch's state was not built on the verify server (the lint check's lock notices say why)" };
      if (base instanceof Error) return { missing: `the base branch's catalog could not be read (${base.message.split("\n")[0]})` };
      try {
        return { change: diffSchemas(base, await readCatalog(url, params.schemas)) };
      } catch (error) {
        return { missing: `the migrated database's catalog could not be read (${(error as Error).message.split("\n")[0]})` };
      }
    },
  };
}
