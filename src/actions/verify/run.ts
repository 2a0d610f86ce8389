// The verify action's work once its inputs are read (main.ts). Verify starts at once, logging through
// plain workflow commands; @actions/core (which loads an HTTP client at import), the renderers and the
// GitHub adapters (publish.ts) load meanwhile and report when verify is done.
import path from "node:path";
import { type CacheServiceState, remoteCacheKeys } from "../../cache/remote-key.js";
import type { ActionsContext } from "../../github/context.js";
import { VERSION } from "../../version.js";
import { verify, type SnapshotStore } from "../../verify/verify.js";
import { runnerLogger } from "../action-start.js";
import type { VerifyActionSettings } from "./inputs.js";
import { statsAndProductionMajor } from "./stats-and-major.js";

/** What the post step needs to save the built-in cache: the directory and the key this run looked for. */
/**
 * The built-in cache's restore. @actions/cache (and the Azure SDK under it) loads only here, once
 * verify knows the key, while the server starts: the action's start does not wait for it.
 */
function serviceStore(dir: string, workingDirectory: string, remember: (state: CacheServiceState) => void): SnapshotStore {
  return {
    async restore(parts) {
      const { key, restoreKeys } = remoteCacheKeys({ ...parts, productVersion: VERSION, workingDirectory });
      remember({ dir, key });
      const { restoreCacheDir } = await import("./remote-cache.js");
      await restoreCacheDir(dir, key, restoreKeys);
    },
  };
}

export async function run(context: ActionsContext, settings: VerifyActionSettings): Promise<void> {
  const publishing = import("./publish.js");
  publishing.catch(() => {}); // awaited below
  const {
    comment: _comment,
    githubToken: _token,
    sarifFile: _sarif,
    cacheService,
    productionPostgresVersion: _production,
    stats: _stats,
    productionEnvironment: _environment,
    ...verifySettings
  } = settings;
  let clusterState: Promise<void> = Promise.resolve();
  let serviceState: CacheServiceState | undefined;
  let outcome: Parameters<Awaited<typeof publishing>["publish"]>[0];
  try {
    const { sizeRisk, production } = await statsAndProductionMajor(context, settings, runnerLogger);
    const report = await verify({
      ...verifySettings,
      ...(production !== undefined ? { productionPostgresMajor: production } : {}),
      ...(sizeRisk ? { sizeRisk } : {}),
      workingDirectory: path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory),
      logger: runnerLogger,
      onCluster: (c) => {
        clusterState = publishing.then((p) => p.saveClusterState(c));
      },
      ...(cacheService && settings.cacheDir
        ? {
            snapshotStore: serviceStore(settings.cacheDir, settings.workingDirectory, (s) => {
              serviceState = s;
            }),
          }
        : {}),
    });
    outcome = { report };
  } catch (error) {
    outcome = { error };
  }
  const { publish } = await publishing;
  await clusterState.catch(() => {});
  await publish(outcome, context, settings, serviceState);
}
