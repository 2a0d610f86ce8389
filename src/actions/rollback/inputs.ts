// Every input of the rollback action, read in one place. Secrets are registered with the runner before
// anything can print them.
import * as core from "@actions/core";
import { urlSecrets } from "../../postgres/environment-database.js";
import type { RollbackRequest } from "../../rollback/settings.js";
import { booleanInput } from "../action-runtime.js";

export interface RollbackActionInputs {
  request: RollbackRequest;
  /** Branch the revert pull request targets; empty: the repository's default branch from the event. */
  baseBranch?: string;
  /** Branch the revert is pushed to; default migrate-guard/revert-<migration>. */
  branch?: string;
  /** Push the revert and open its pull request (false: only write it into the workspace). */
  pullRequest: boolean;
  /** Record --rolled-back as a GitHub deployment. */
  recordDeployment: boolean;
  githubToken?: string;
  secrets: string[];
}

export function readInputs(getInput: (name: string) => string = (name) => core.getInput(name)): RollbackActionInputs {
  const text = (name: string) => getInput(name).trim() || undefined;
  const databaseUrl = text("database-url");
  const githubToken = text("github-token");
  const secrets = [...(databaseUrl ? urlSecrets(databaseUrl) : []), ...(githubToken ? [githubToken] : [])];
  for (const secret of secrets) core.setSecret(secret);
  const baseBranch = text("base-branch");
  const branch = text("branch");
  return {
    request: {
      environment: text("environment"),
      databaseUrl,
      workingDirectory: text("working-directory"),
      schema: text("schema"),
      rolledBack: text("rolled-back"),
      revert: text("revert"),
      allowDataLoss: booleanInput("allow-data-loss", getInput("allow-data-loss"), false),
      // Not trimmed: compared as typed.
      ...(getInput("confirm") !== "" ? { confirm: getInput("confirm") } : {}),
      reason: text("reason"),
      environments: text("environments"),
      productionEnvironments: text("production-environments"),
      lockTimeoutSeconds: text("lock-timeout-seconds"),
    },
    ...(baseBranch ? { baseBranch } : {}),
    ...(branch ? { branch } : {}),
    pullRequest: booleanInput("pull-request", getInput("pull-request"), true),
    recordDeployment: booleanInput("deployment", getInput("deployment"), true),
    ...(githubToken ? { githubToken } : {}),
    secrets,
  };
}
