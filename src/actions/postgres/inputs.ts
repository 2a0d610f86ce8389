// The postgres action's inputs, validated up front so that a typo fails before anything starts.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import { parseRequestedMajor } from "../../postgres/binaries.js";

export interface PostgresActionSettings {
  /** Requested major ("16", "15.4"); undefined: the highest installed. */
  postgresVersion?: string;
  /** Database the output URL points at; created when it is not "postgres". */
  database: string;
}

export function readInputs(getInput: (name: string) => string = (name) => core.getInput(name)): PostgresActionSettings {
  const version = getInput("postgres-version").trim();
  if (version) parseRequestedMajor(version);
  const database = getInput("database").trim() || "postgres";
  if (Buffer.byteLength(database) > 63 || database.includes("\0")) {
    throw new ConfigurationError(`database "${database}" is not a valid PostgreSQL database name (at most 63 bytes, no NUL).`);
  }
  return { postgresVersion: version || undefined, database };
}
