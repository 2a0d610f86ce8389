// Post step of the postgres action: stops the server the main step left running and deletes its files.
import * as core from "@actions/core";
import { stopClusterFromState, type ClusterState } from "../../postgres/cluster.js";
import { runAction } from "../action-runtime.js";

export async function run(): Promise<void> {
  const saved = core.getState("cluster");
  if (!saved) {
    core.info("No PostgreSQL server to stop: the main step did not start one.");
    return;
  }
  await stopClusterFromState(JSON.parse(saved) as ClusterState);
  core.info("Stopped the throwaway PostgreSQL server and deleted its files.");
}

void runAction(run);
