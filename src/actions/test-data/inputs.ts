// Every input of the test-data action, read in one place. The database URL is registered as a secret
// before anything can print it.
import * as core from "@actions/core";
import { urlSecrets } from "../../postgres/environment-database.js";
import type { TestDataRequest } from "../../test-data/settings.js";
import { booleanInput } from "../action-runtime.js";

export interface TestDataActionInputs {
  request: TestDataRequest;
  /** Everything that must never be printed (the URL and its password). */
  secrets: string[];
}

export function readInputs(getInput: (name: string) => string = (name) => core.getInput(name)): TestDataActionInputs {
  const text = (name: string) => getInput(name).trim() || undefined;
  const databaseUrl = text("database-url");
  const secrets = databaseUrl ? urlSecrets(databaseUrl) : [];
  for (const secret of secrets) core.setSecret(secret);
  return {
    request: {
      operation: text("operation"),
      environment: text("environment"),
      databaseUrl,
      workingDirectory: text("working-directory"),
      command: text("command"),
      // Compared exactly as typed.
      ...(getInput("confirm") !== "" ? { confirm: getInput("confirm") } : {}),
      stamp: booleanInput("stamp", getInput("stamp"), false),
      environments: text("environments"),
      productionEnvironments: text("production-environments"),
    },
    secrets,
  };
}
