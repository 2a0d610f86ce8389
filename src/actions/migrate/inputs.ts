// Every input of the migrate action, read and validated in one place. Secrets are registered with the
// runner before anything can print them.
import * as core from "@actions/core";
import { urlSecrets } from "../../postgres/environment-database.js";
import type { MigrateRequest } from "../../migrate/settings.js";
import { booleanInput } from "../action-runtime.js";

export interface MigrateActionInputs {
  request: MigrateRequest;
  /** Record deploys and resolves as GitHub deployments. */
  recordDeployment: boolean;
  githubToken?: string;
  /** After a successful production deploy, write the environment's table sizes here (`migrate-guard stats`). */
  statsFile?: string;
  /** Everything that must never be printed (URL, password, token). */
  secrets: string[];
}

export function readInputs(
  getInput: (name: string) => string = (name) => core.getInput(name),
  env: NodeJS.ProcessEnv = process.env,
): MigrateActionInputs {
  const text = (name: string) => getInput(name).trim() || undefined;
  const databaseUrl = text("database-url");
  const githubToken = text("github-token");
  const stagingDatabaseUrl = text("staging-database-url");
  const rawOverride = core.getInput("override-reason", { trimWhitespace: false });
  const secrets = [
    ...(databaseUrl ? urlSecrets(databaseUrl) : []),
    ...(stagingDatabaseUrl ? urlSecrets(stagingDatabaseUrl) : []),
    ...(githubToken ? [githubToken] : []),
  ];
  for (const secret of secrets) core.setSecret(secret);
  const request: MigrateRequest = {
    command: getInput("command"),
    environment: text("environment"),
    databaseUrl,
    workingDirectory: text("working-directory"),
    schema: text("schema"),
    // Not trimmed: a confirmation is compared as typed (normalised where the rule says so).
    ...(getInput("confirm") !== "" ? { confirm: getInput("confirm") } : {}),
    rolledBack: text("rolled-back"),
    applied: text("applied"),
    environments: text("environments"),
    productionEnvironments: text("production-environments"),
    slowMigrationSeconds: text("slow-migration-seconds"),
    lockTimeoutSeconds: text("lock-timeout-seconds"),
    backup: booleanInput("backup", getInput("backup"), false),
    backupFile: text("backup-file"),
    backupDir: env.RUNNER_TEMP || ".",
    gate: {
      stagingDatabaseUrl: stagingDatabaseUrl ?? env.STAGING_DATABASE_URL,
      soakHours: text("soak-hours"),
      soakGate: text("soak-gate"),
      // Not trimmed: a reason of only spaces is refused, not taken for "no override".
      ...(rawOverride !== "" ? { overrideReason: rawOverride } : {}),
      overrideActors: text("override-actors"),
    },
  };
  return {
    request,
    recordDeployment: booleanInput("deployment", getInput("deployment"), true),
    ...(githubToken ? { githubToken } : {}),
    ...(text("stats-file") ? { statsFile: text("stats-file")! } : {}),
    secrets,
  };
}
