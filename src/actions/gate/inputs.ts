// Every input of the gate action, read in one place. Database URLs and the token are registered as
// secrets before anything can print them.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import type { GateRequest } from "../../gate/settings.js";
import { urlSecrets } from "../../postgres/database.js";
import { booleanInput } from "../action-runtime.js";

export type FailOn = "block" | "wait" | "never";

export interface GateActionInputs {
  request: GateRequest;
  githubToken?: string;
  commitStatus: boolean;
  failOn: FailOn;
  /** Everything that must never be printed (URLs, passwords, token). */
  secrets: string[];
}

export function readGateInputs(
  getInput: (name: string, options?: core.InputOptions) => string = (name, options) => core.getInput(name, options),
  env: NodeJS.ProcessEnv = process.env,
): GateActionInputs {
  const text = (name: string) => getInput(name).trim() || undefined;
  const fromDatabaseUrl = text("from-database-url") ?? env.STAGING_DATABASE_URL;
  const toDatabaseUrl = text("to-database-url") ?? env.PRODUCTION_DATABASE_URL;
  const githubToken = text("github-token");
  const secrets = [
    ...(fromDatabaseUrl ? urlSecrets(fromDatabaseUrl) : []),
    ...(toDatabaseUrl ? urlSecrets(toDatabaseUrl) : []),
    ...(githubToken ? [githubToken] : []),
  ];
  for (const secret of secrets) core.setSecret(secret);
  // Not trimmed: an override reason of only spaces is refused, not taken for "no override".
  const overrideReason = getInput("override-reason", { trimWhitespace: false });
  const failOn = (text("fail-on") ?? "block").toLowerCase();
  if (failOn !== "block" && failOn !== "wait" && failOn !== "never")
    throw new ConfigurationError(
      `Input "fail-on" is "${failOn}". Expected block (fail the step on block), wait (on wait or block) or never.`,
    );
  return {
    request: {
      workingDirectory: text("working-directory"),
      schema: text("schema"),
      fromDatabaseUrl,
      toDatabaseUrl,
      soakHours: text("soak-hours"),
      sha: text("sha"),
      from: text("from"),
      to: text("to"),
      deploymentTasks: text("deployment-tasks"),
      ...(overrideReason !== "" ? { overrideReason } : {}),
      overrideActors: text("override-actors"),
    },
    ...(githubToken ? { githubToken } : {}),
    commitStatus: booleanInput("commit-status", getInput("commit-status"), true),
    failOn,
    secrets,
  };
}
