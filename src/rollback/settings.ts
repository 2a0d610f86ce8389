// What a rollback was asked to do, validated before anything is read or changed: every mistake is a
// ConfigurationError (CLI exit 2) and leaves the database, the working tree and GitHub untouched.
// `--rolled-back` becomes the migrate runner's resolve (the same guards); `--revert` is its own run.
import path from "node:path";
import {
  DEFAULT_ENVIRONMENTS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  parseEnvironmentList,
  resolveEnvironment,
  type EnvironmentPolicy,
  type ResolvedEnvironment,
} from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";
import { assertMigrationName } from "../core/migration-state.js";
import { validateDatabaseUrl, validateRequest, type MigrateSettings } from "../migrate/settings.js";

/** Raw strings as given (flags or action inputs); undefined or "" when not given. */
export interface RollbackRequest {
  environment?: string;
  databaseUrl?: string;
  workingDirectory?: string;
  schema?: string;
  rolledBack?: string;
  revert?: string;
  outputDir?: string;
  allowDataLoss?: boolean;
  confirm?: string;
  reason?: string;
  environments?: string;
  productionEnvironments?: string;
  lockTimeoutSeconds?: string;
}

export interface RevertSettings {
  kind: "revert";
  migration: string;
  environment: ResolvedEnvironment;
  policy: EnvironmentPolicy;
  databaseUrl: string;
  workingDirectory: string;
  schema?: string;
  /** Where the new migration folder goes; default the project's migrations directory. */
  outputDir?: string;
  allowDataLoss: boolean;
  reason?: string;
}

export type RollbackSettings = { kind: "rolled-back"; migration: string; migrate: MigrateSettings } | RevertSettings;

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function validateRollback(request: RollbackRequest): RollbackSettings {
  const rolledBack = text(request.rolledBack);
  const revert = text(request.revert);
  if (rolledBack && revert)
    throw new ConfigurationError(
      "rollback takes either --rolled-back NAME (a migration in the failed state) or --revert NAME (an applied migration to undo), not both.",
    );
  if (!rolledBack && !revert) {
    throw new ConfigurationError(
      "rollback needs --rolled-back NAME (mark a failed migration rolled back) or --revert NAME (write a new migration that undoes an applied one). Run it at a terminal to be asked.",
    );
  }
  if (rolledBack) {
    if (request.allowDataLoss || text(request.outputDir))
      throw new ConfigurationError(
        "--output-dir and --allow-data-loss belong to --revert; --rolled-back changes only the migration's record.",
      );
    // The migrate runner's own validation: environment policy, URL, typed confirmation.
    const migrate = validateRequest({
      command: "resolve",
      rolledBack,
      environment: request.environment,
      databaseUrl: request.databaseUrl,
      workingDirectory: request.workingDirectory,
      schema: request.schema,
      ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
      environments: request.environments,
      productionEnvironments: request.productionEnvironments,
      lockTimeoutSeconds: request.lockTimeoutSeconds,
      reason: request.reason,
    });
    return { kind: "rolled-back", migration: rolledBack, migrate };
  }

  const migration = revert!;
  assertMigrationName(migration, "--revert");
  const policy: EnvironmentPolicy = {
    known: text(request.environments) ? parseEnvironmentList(request.environments!, "environments") : DEFAULT_ENVIRONMENTS,
    production: text(request.productionEnvironments)
      ? parseEnvironmentList(request.productionEnvironments!, "production-environments")
      : DEFAULT_PRODUCTION_ENVIRONMENTS,
  };
  if (!text(request.environment))
    throw new ConfigurationError(
      `No environment. Pass --environment NAME: the environment whose database the reverted migration is applied to (one of: ${[...policy.known, ...policy.production].join(", ")}).`,
    );
  const environment = resolveEnvironment(request.environment!, policy);
  const databaseUrl = validateDatabaseUrl(request.databaseUrl);
  // Typed like resolve: the migration's name, whatever the environment.
  if (request.confirm?.trim() !== migration) {
    const given = !request.confirm?.trim() ? "no confirmation was given" : `the confirmation was ${JSON.stringify(request.confirm)}`;
    throw new ConfigurationError(
      `Reverting a migration must be confirmed: set --confirm (the action: \`confirm\`) to the migration's name, "${migration}"; ${given}. Nothing was changed.`,
    );
  }
  const schema = text(request.schema);
  const outputDir = text(request.outputDir);
  const reason = text(request.reason);
  return {
    kind: "revert",
    migration,
    environment,
    policy,
    databaseUrl,
    workingDirectory: text(request.workingDirectory) ?? ".",
    ...(schema ? { schema } : {}),
    ...(outputDir ? { outputDir: path.resolve(outputDir) } : {}),
    allowDataLoss: Boolean(request.allowDataLoss),
    ...(reason ? { reason } : {}),
  };
}
