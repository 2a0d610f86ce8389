// Every input of the verify action, read and validated in one place.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import type { ActionsContext } from "../../github/context.js";
import type { VerifySettings } from "../../verify/verify.js";
import { booleanInput } from "../action-runtime.js";

/** What verify itself takes (minus the logger and hooks the entry supplies), plus the reporting inputs. */
export type VerifyActionSettings = Omit<VerifySettings, "logger" | "onCluster"> & {
  /** Post or update the one PR comment with the report. */
  comment: boolean;
  githubToken?: string;
  /** Where to write SARIF; undefined: none. */
  sarifFile?: string;
};

export function readInputs(context: ActionsContext, getInput: (name: string) => string = (name) => core.getInput(name)): VerifyActionSettings {
  const text = (name: string) => getInput(name).trim() || undefined;
  const slow = text("slow-migration-seconds") ?? "30";
  const slowMigrationSeconds = Number(slow);
  if (!Number.isFinite(slowMigrationSeconds) || slowMigrationSeconds <= 0) {
    throw new ConfigurationError(`Input "slow-migration-seconds" is "${slow}". Expected a positive number of seconds, e.g. 30.`);
  }
  const databaseUrl = text("database-url");
  if (databaseUrl) core.setSecret(databaseUrl);
  const githubToken = text("github-token");
  if (githubToken) core.setSecret(githubToken);
  const generic = text("generic-names");
  const baseRef = text("base-ref") ?? context.pullRequest?.baseSha;
  const schema = text("schema");
  const postgresVersion = text("postgres-version");
  const sarifFile = text("sarif-file");
  return {
    workingDirectory: text("working-directory") ?? ".",
    ...(schema ? { schema } : {}),
    ...(baseRef ? { baseRef } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(postgresVersion ? { postgresVersion } : {}),
    slowMigrationSeconds,
    ...(generic ? { genericNames: generic.split(",").map((s) => s.trim()).filter(Boolean) } : {}),
    comment: booleanInput("comment", getInput("comment"), false),
    ...(githubToken ? { githubToken } : {}),
    ...(sarifFile ? { sarifFile } : {}),
  };
}
