// `migrate-guard stats`' adapter: one environment's table sizes, read on a read-only session in one
// read-only transaction (as the gate reads), after checking the database's environment stamp.
// Messages never quote the database URL or its host.
import { compareStamp, normalizeEnvironmentName } from "../core/environment.js";
import { redact } from "../core/errors.js";
import type { StatsDocument } from "../lint/stats.js";
import { EnvironmentDatabase, urlSecrets } from "../postgres/environment-database.js";
import { describeUrl } from "../postgres/database.js";

export type StatsOutcome = { kind: "ok"; document: StatsDocument; stamped: boolean } | { kind: "refused"; reason: string };

/** Reads the sizes; refuses (without reading them) a database stamped as another environment. */
export async function readTableStats(url: string, environment: string): Promise<StatsOutcome> {
  const hide = (error: unknown): Error => {
    // Connection messages name the host and database: this command keeps every part of the URL out.
    let host = "";
    try {
      host = new URL(url).hostname;
    } catch {
      /* validated before */
    }
    const message = redact((error as Error).message ?? String(error), [...urlSecrets(url), describeUrl(url), host]);
    return new Error(message.replace(/\*\*\*/g, "(hidden)"));
  };
  let db: EnvironmentDatabase;
  try {
    db = await EnvironmentDatabase.connect(url, { applicationName: "migrate-guard stats" });
  } catch (error) {
    throw hide(error);
  }
  try {
    return await db.readOnly(async (now) => {
      const stamp = await db.readStamp();
      const decision = compareStamp(
        { name: environment.trim(), normalized: normalizeEnvironmentName(environment), production: false },
        stamp,
      );
      if (decision.kind === "mismatch") {
        return {
          kind: "refused",
          reason: `The database given is stamped as environment "${decision.stamp.name}", not "${environment.trim()}": its statistics were not read. Pass the "${environment.trim()}" database, or --environment ${JSON.stringify(decision.stamp.name)}.`,
        } as const;
      }
      const major = await db.serverMajor();
      const tables = await db.tableSizes();
      return {
        kind: "ok",
        stamped: decision.kind === "match",
        document: { environment: environment.trim(), takenAt: now.toISOString(), server: String(major), tables },
      } as const;
    });
  } catch (error) {
    throw hide(error);
  } finally {
    await db.close();
  }
}
