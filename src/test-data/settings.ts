// A test-data run as the user asked for it (CLI flags or action inputs), validated before anything is
// read: every mistake is a ConfigurationError (exit 2) and nothing has been run or changed.
import type { ResolvedEnvironment } from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";
import { validateDatabaseUrl } from "../migrate/settings.js";
import { resolveTestDataEnvironment, TEST_DATA_OPERATIONS, testDataPolicy, type TestDataOperation, type TestDataPolicy } from "./policy.js";

/** Raw strings as given; undefined or "" when not given. */
export interface TestDataRequest {
  operation?: string;
  environment?: string;
  databaseUrl?: string;
  workingDirectory?: string;
  /** The app's own script, run through the shell. */
  command?: string;
  confirm?: string;
  /** Stamp an unstamped database as `environment` before running. */
  stamp?: boolean;
  environments?: string;
  productionEnvironments?: string;
}

export interface TestDataSettings {
  operation: TestDataOperation;
  environment: ResolvedEnvironment;
  policy: TestDataPolicy;
  databaseUrl: string;
  workingDirectory: string;
  command: string;
  confirm?: string;
  stamp: boolean;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function validateTestDataRequest(request: TestDataRequest): TestDataSettings {
  const operation = text(request.operation)?.toLowerCase();
  if (!operation || !(TEST_DATA_OPERATIONS as readonly string[]).includes(operation)) {
    throw new ConfigurationError(
      `${operation ? `Unknown operation ${JSON.stringify(request.operation)}` : "No operation"}. Expected create or cleanup, e.g. migrate-guard test-data create --environment staging --command "npm run seed".`,
    );
  }
  const policy = testDataPolicy(request.environments, request.productionEnvironments);
  if (!text(request.environment)) {
    throw new ConfigurationError(
      `No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${policy.allowed.join(", ")}.`,
    );
  }
  const environment = resolveTestDataEnvironment(request.environment!, policy);
  const command = text(request.command);
  if (!command) {
    throw new ConfigurationError(
      `No command. Pass --command "<your script>" (the action: the \`command\` input): the app's own script that ${operation === "create" ? "creates" : "deletes"} the test data, e.g. --command "npm run test-data:${operation}".`,
    );
  }
  const databaseUrl = validateDatabaseUrl(request.databaseUrl);
  return {
    operation: operation as TestDataOperation,
    environment,
    policy,
    databaseUrl,
    workingDirectory: text(request.workingDirectory) ?? ".",
    command,
    ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
    stamp: request.stamp === true,
  };
}
