// What a status/deploy/resolve run was asked to do, validated before anything is read or changed:
// every mistake here is a ConfigurationError (CLI exit 2) and leaves the database and the GitHub
// deployments untouched. The CLI flags and the action inputs both arrive as a MigrateRequest.
import path from "node:path";
import {
  assertProductionConfirmed,
  assertResolveConfirmed,
  DEFAULT_ENVIRONMENTS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  parseEnvironmentList,
  resolveEnvironment,
  type EnvironmentPolicy,
  type ResolvedEnvironment,
} from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";
import { assertMigrationName } from "../core/migration-state.js";
import { deployGateSettings, type DeployGateRequest, type DeployGateSettings } from "../gate/deploy-gate.js";
import { validateDatabaseUrl } from "../postgres/database-url.js";

export { validateDatabaseUrl } from "../postgres/database-url.js";

export const MIGRATE_COMMANDS = ["status", "deploy", "resolve"] as const;
export type MigrateCommand = (typeof MIGRATE_COMMANDS)[number];

/** Raw strings as the user gave them (flags or action inputs); undefined or "" when not given. */
export interface MigrateRequest {
  command: string;
  environment?: string;
  databaseUrl?: string;
  workingDirectory?: string;
  schema?: string;
  confirm?: string;
  rolledBack?: string;
  applied?: string;
  /** Comma-separated names of the environments runs may name. */
  environments?: string;
  /** Comma-separated names of the production environments. */
  productionEnvironments?: string;
  slowMigrationSeconds?: string;
  lockTimeoutSeconds?: string;
  backup?: boolean;
  backupFile?: string;
  /** Folder for the default backup file name. */
  backupDir?: string;
  /** Why (rollback): kept in the deployment record's description and payload. */
  reason?: string;
  /** The soak gate of production deploys (src/gate/deploy-gate.ts). */
  gate?: DeployGateRequest;
}

export interface MigrateSettings {
  command: MigrateCommand;
  environment: ResolvedEnvironment;
  policy: EnvironmentPolicy;
  databaseUrl: string;
  workingDirectory: string;
  schema?: string;
  confirm?: string;
  resolve?: { kind: "applied" | "rolled-back"; name: string };
  slowMigrationSeconds: number;
  /** How long a deploy waits for another session's migration lock before it gives up. */
  lockTimeoutSeconds: number;
  backup?: { file: string };
  /** Why the change is made (rollback --reason), for the audit record. */
  reason?: string;
  /** deploy to production: the soak gate that runs first (or its explicit opt-out). */
  gate?: DeployGateSettings;
}

/**
 * Commands migrate-guard refuses to run against an environment, with the reason. They exist for local
 * development databases, where Prisma is run directly.
 */
const DANGEROUS: Record<string, string> = {
  dev: "`prisma migrate dev` generates migrations from schema changes and resets the database (deleting every row) when it detects drift",
  reset: "`prisma migrate reset` drops the database's schema and every row in it",
  push: "`prisma db push` changes the schema without a migration, outside the history, and can drop data",
  execute: "`prisma db execute` runs arbitrary SQL outside the migration history",
};

export function dangerousCommandReason(command: string): string | undefined {
  const words = command
    .trim()
    .toLowerCase()
    .replace(/^(prisma\s+)?(migrate\s+|db\s+)?/, "")
    .replace(/^db-/, "");
  return DANGEROUS[words];
}

export function refuseDangerousCommand(command: string): never {
  const reason = dangerousCommandReason(command)!;
  throw new ConfigurationError(
    `"${command.trim()}" is refused: ${reason}. migrate-guard never runs it against an environment's database (local or not); it runs only status, deploy and resolve. ` +
      "Run it yourself with Prisma against a local development database.",
  );
}

function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

function positiveSeconds(value: string | undefined, name: string, fallback: number): number {
  const t = text(value);
  if (t === undefined) return fallback;
  const n = Number(t);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigurationError(`${name} is "${value}". Expected a positive number of seconds, e.g. ${fallback}.`);
  return n;
}

function backupFileName(environment: ResolvedEnvironment, now: Date): string {
  const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
  return `migrate-guard-${slug}-${now.toISOString().replace(/[:.]/g, "-")}.dump`;
}

export function validateRequest(request: MigrateRequest, now = new Date()): MigrateSettings {
  const command = request.command.trim().toLowerCase();
  if (dangerousCommandReason(command)) refuseDangerousCommand(request.command);
  if (!(MIGRATE_COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigurationError(`Unknown command ${JSON.stringify(request.command)}. Expected one of: ${MIGRATE_COMMANDS.join(", ")}.`);
  }
  const policy: EnvironmentPolicy = {
    known: text(request.environments) ? parseEnvironmentList(request.environments!, "environments") : DEFAULT_ENVIRONMENTS,
    production: text(request.productionEnvironments)
      ? parseEnvironmentList(request.productionEnvironments!, "production-environments")
      : DEFAULT_PRODUCTION_ENVIRONMENTS,
  };
  if (!text(request.environment)) {
    throw new ConfigurationError(
      `No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${[...policy.known, ...policy.production].filter((n, i, a) => a.indexOf(n) === i).join(", ")}.`,
    );
  }
  const environment = resolveEnvironment(request.environment!, policy);

  const rolledBack = text(request.rolledBack);
  const applied = text(request.applied);
  let resolve: MigrateSettings["resolve"];
  if (command === "resolve") {
    if (rolledBack && applied) throw new ConfigurationError("resolve takes either --rolled-back NAME or --applied NAME, not both.");
    if (!rolledBack && !applied) {
      throw new ConfigurationError(
        "resolve needs --rolled-back NAME (a failed migration whose changes did not stay) or --applied NAME (a migration whose changes you made by hand).",
      );
    }
    const kind = rolledBack ? "rolled-back" : "applied";
    const name = (rolledBack ?? applied)!;
    assertMigrationName(name, `--${kind}`);
    resolve = { kind, name };
  } else if (rolledBack || applied) {
    throw new ConfigurationError(`--rolled-back and --applied belong to the resolve command, not to ${command}.`);
  }

  const databaseUrl = validateDatabaseUrl(request.databaseUrl);
  const confirm = request.confirm;
  if (command === "deploy" && environment.production) assertProductionConfirmed(environment, confirm);
  if (resolve) assertResolveConfirmed(resolve.name, confirm);

  let backup: MigrateSettings["backup"];
  if (request.backup) {
    if (command !== "deploy")
      throw new ConfigurationError(
        `backup is for deploy; ${command} changes ${command === "status" ? "nothing" : "only migration records"}. Remove backup: true.`,
      );
    const file = text(request.backupFile) ?? path.join(request.backupDir ?? ".", backupFileName(environment, now));
    backup = { file: path.resolve(file) };
  }

  const gate = command === "deploy" ? deployGateSettings(request.gate ?? {}, environment.production) : undefined;
  const schema = text(request.schema);
  return {
    command: command as MigrateCommand,
    environment,
    policy,
    databaseUrl,
    workingDirectory: text(request.workingDirectory) ?? ".",
    ...(schema ? { schema } : {}),
    ...(confirm !== undefined ? { confirm } : {}),
    ...(resolve ? { resolve } : {}),
    slowMigrationSeconds: positiveSeconds(request.slowMigrationSeconds, "slow-migration-seconds", 30),
    lockTimeoutSeconds: positiveSeconds(request.lockTimeoutSeconds, "lock-timeout-seconds", 60),
    ...(backup ? { backup } : {}),
    ...(text(request.reason) ? { reason: text(request.reason)! } : {}),
    ...(command === "deploy" && gate ? { gate } : {}),
  };
}
