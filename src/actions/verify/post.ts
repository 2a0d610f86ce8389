// Post step of verify: the main step stops its throwaway server itself; this only acts when the main
// step was killed (timeout, cancellation) before it could.
import * as core from "@actions/core";
import { stopClusterFromState, type ClusterState } from "../../postgres/cluster.js";
import { runAction } from "../action-runtime.js";

void runAction(async () => {
  const saved = core.getState("cluster");
  if (!saved) return;
  await stopClusterFromState(JSON.parse(saved) as ClusterState);
  core.info("Stopped the throwaway PostgreSQL server left by an interrupted verify step.");
});
