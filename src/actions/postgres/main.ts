// Main step of the postgres action: starts a throwaway server that outlives this step (later steps
// use it); the post step stops it from the state saved here.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { startCluster } from "../../postgres/cluster.js";
import { readInputs } from "./inputs.js";

const logger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  debug: (message) => core.debug(message),
};

export async function run(): Promise<void> {
  try {
    const settings = readInputs();
    const started = performance.now();
    const cluster = await startCluster({ version: settings.postgresVersion, database: settings.database, logger, detached: true });
    // Saved first: should anything below fail, the post step still stops the server.
    core.saveState("cluster", JSON.stringify({ pid: cluster.pid, dataDir: cluster.dataDir, rootDir: cluster.rootDir }));
    // The URL has no password (trust authentication on 127.0.0.1 only), so there is nothing to mask.
    core.setOutput("database-url", cluster.url);
    core.setOutput("port", String(cluster.port));
    core.setOutput("postgres-version", cluster.version);
    core.info(`PostgreSQL ${cluster.version} is accepting connections at ${cluster.url} (started in ${Math.round(performance.now() - started)} ms).`);
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
