// The verify action's built-in cache: the snapshot cache directory restored from and saved to GitHub's
// cache service through @actions/cache (cache service v2 on github.com, the v1 API on GitHub
// Enterprise Server; the toolkit chooses from the runner's environment). Loaded only when the cache
// is on and verify has a key to look for, so it costs the action's start nothing. The cache is an
// optimisation: a service that is missing, rate-limited or failing is reported as a warning and the
// run goes on without it; nothing here throws.
import * as cache from "@actions/cache";
import * as core from "@actions/core";
import { redact } from "../../core/errors.js";

export interface RestoreResult {
  /** The key of the entry restored; undefined: none (a miss, or the service failed). */
  matchedKey?: string;
  /** The service could not be used (the toolkit's warning says why). */
  failed: boolean;
}

const UNAVAILABLE =
  "Snapshot cache: GitHub's cache service is not available to this job (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, " +
  "e.g. GitHub Enterprise Server without Actions cache storage): every run applies the base branch's migrations from scratch. " +
  "Set `cache: false` to run without the cache and without this warning.";

/**
 * Runs a toolkit call, turning the error annotations it writes for a failing service (HTTP 5xx) into
 * warnings: a cache that fails costs speed, never the check. Reports whether the toolkit logged a
 * failure ("Failed to restore/save: …", its words for every swallowed error).
 */
async function softly<T>(work: () => Promise<T>): Promise<{ value: T; failed: boolean; reserveError?: string }> {
  const write = process.stdout.write;
  let failed = false;
  let reserveError: string | undefined;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (
      typeof chunk === "string" &&
      /^::(error|warning)::(Failed to (restore|save)|uploadCacheArchiveSDK|Cache reservation failed|You've hit a rate limit)/.test(chunk)
    ) {
      failed = true;
      if (chunk.startsWith("::error::")) chunk = `::warning::${chunk.slice("::error::".length)}`;
    }
    // The toolkit logs any failure to reserve an entry (an existing key, but also a service that
    // kept failing) as the same info line; only its debug line tells them apart.
    const reserve = typeof chunk === "string" ? /^::debug::Failed to reserve cache: (.*)/.exec(chunk) : null;
    if (reserve) reserveError = reserve[1]!.replace(/%0A/g, " ").replace(/%0D/g, "").replace(/%25/g, "%").trim();
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    return { value: await work(), failed, ...(reserveError ? { reserveError } : {}) };
  } finally {
    process.stdout.write = write;
  }
}

export async function restoreCacheDir(dir: string, key: string, restoreKeys: string[]): Promise<RestoreResult> {
  if (!cache.isFeatureAvailable()) {
    core.warning(UNAVAILABLE);
    return { failed: true };
  }
  try {
    // The exact key first, in every scope the job reads: the service tries a restore key in the job's own
    // branch before the exact key in the base branch, and a pull request's own older entry (made
    // before a rebase) must not win over the base branch's entry for exactly these migrations.
    const exact = await softly(() => cache.restoreCache([dir], key, []));
    const { value, failed } = exact.value || exact.failed ? exact : await softly(() => cache.restoreCache([dir], key, restoreKeys));
    if (value)
      core.info(
        `Snapshot cache: restored the cache entry ${value}${value === key ? "" : " (the latest entry for this app, Prisma and PostgreSQL major)"}.`,
      );
    else if (!failed) core.info(`Snapshot cache: no cache entry yet for ${key}; this run saves one when it makes a snapshot.`);
    return { ...(value ? { matchedKey: value } : {}), failed };
  } catch (error) {
    // ValidationError (a key the service would refuse): a bug of ours, not a reason to fail the check.
    core.warning(`Snapshot cache: not restored: ${redact((error as Error).message)}`);
    return { failed: true };
  }
}

/** Saves `dir` under `key`. An existing entry for the key (another job saved it first) is not an error. */
export async function saveCacheDir(dir: string, key: string): Promise<boolean> {
  if (!cache.isFeatureAvailable()) {
    core.info("Snapshot cache: GitHub's cache service is not available to this job; the snapshot is not saved.");
    return false;
  }
  try {
    const { value, failed, reserveError } = await softly(() => cache.saveCache([dir], key));
    if (value !== -1) core.info(`Snapshot cache: saved the cache entry ${key}.`);
    else if (!failed && reserveError && !/\(409\)|already exists/i.test(reserveError))
      core.warning(`Snapshot cache: not saved, the cache service failed: ${redact(reserveError)}`);
    return value !== -1;
  } catch (error) {
    core.warning(`Snapshot cache: not saved: ${redact((error as Error).message)}`);
    return false;
  }
}
