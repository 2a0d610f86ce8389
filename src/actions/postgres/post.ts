// Post step of the postgres action: stops the server the main step left running and deletes its files.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import { stopClusterFromState, type ClusterState } from "../../postgres/cluster.js";

export async function run(): Promise<void> {
  try {
    const saved = core.getState("cluster");
    if (!saved) {
      core.info("No PostgreSQL server to stop: the main step did not start one.");
      return;
    }
    await stopClusterFromState(JSON.parse(saved) as ClusterState);
    core.info("Stopped the throwaway PostgreSQL server and deleted its files.");
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(error.message);
    } else {
      const err = error instanceof Error ? error : new Error(String(error));
      core.setFailed(err.message);
      if (err.stack) core.debug(err.stack);
    }
  }
}

void run();
