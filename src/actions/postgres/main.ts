// Main step of the postgres action: starts a throwaway server that outlives this step (later steps
// use it); the post step stops it from the state saved here.
import * as core from "@actions/core";
import { startCluster } from "../../postgres/cluster.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs } from "./inputs.js";

export async function run(): Promise<void> {
  const settings = readInputs();
  const started = performance.now();
  // On disk: the app's tests may load more data than /dev/shm holds.
  const cluster = await startCluster({
    version: settings.postgresVersion,
    database: settings.database,
    logger: actionsLogger,
    detached: true,
    storage: "disk",
  });
  // Saved first: should anything below fail, the post step still stops the server.
  core.saveState("cluster", JSON.stringify({ pid: cluster.pid, dataDir: cluster.dataDir, rootDir: cluster.rootDir }));
  // The URL has no password (trust authentication on 127.0.0.1 only), so there is nothing to mask.
  core.setOutput("database-url", cluster.url);
  core.setOutput("port", String(cluster.port));
  core.setOutput("postgres-version", cluster.version);
  core.info(
    `PostgreSQL ${cluster.version} is accepting connections at ${cluster.url} (started in ${Math.round(performance.now() - started)} ms).`,
  );
}

void runAction(run);
