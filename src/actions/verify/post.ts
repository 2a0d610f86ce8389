// Post step of verify. Stops the throwaway server when the main step was killed (timeout,
// cancellation) before it could stop it itself, and saves the built-in cache when the main step made
// a new snapshot (@actions/cache is loaded only then).
import * as core from "@actions/core";
import { stopClusterFromState, type ClusterState } from "../../postgres/cluster.js";
import { runAction } from "../action-runtime.js";
import type { CacheServiceState } from "../../cache/remote-key.js";

void runAction(async () => {
  const saved = core.getState("cluster");
  if (saved) {
    await stopClusterFromState(JSON.parse(saved) as ClusterState);
    core.info("Stopped the throwaway PostgreSQL server left by an interrupted verify step.");
  }
  const service = core.getState("snapshot-cache");
  if (service) {
    const { dir, key } = JSON.parse(service) as CacheServiceState;
    const { saveCacheDir } = await import("./remote-cache.js");
    await saveCacheDir(dir, key);
  }
});
