// What a gate run was asked to do, validated before anything is read: every mistake is a
// ConfigurationError (CLI exit 2) that names the flag/input and the expected form. URLs are never quoted.
import { assertEnvironmentName, normalizeEnvironmentName } from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";
import { DEFAULT_SOAK_HOURS, type SoakPolicy } from "../core/soak.js";
import { validateDatabaseUrl } from "../postgres/database-url.js";

export const DEFAULT_DEPLOYMENT_TASKS = ["deploy:migrations"];

/** Raw strings as given (flags, inputs, environment); undefined or "" when not given. */
export interface GateRequest {
  workingDirectory?: string;
  schema?: string;
  fromDatabaseUrl?: string;
  toDatabaseUrl?: string;
  soakHours?: string;
  sha?: string;
  from?: string;
  to?: string;
  /** Not trimmed: a reason of only spaces is refused, not ignored. */
  overrideReason?: string;
  overrideActors?: string;
  deploymentTasks?: string;
}

export interface GateSettings {
  workingDirectory: string;
  schema?: string;
  fromDatabaseUrl: string;
  toDatabaseUrl: string;
  policy: SoakPolicy;
  sha?: string;
  overrideReason?: string;
  overrideActors: string[];
  /** Deployment tasks whose records count for the code soak; [] turns the code soak off. */
  deploymentTasks: string[];
}

function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

export function parseSoakHours(value: string | undefined, name = "soak-hours"): number {
  const t = text(value);
  if (t === undefined) return DEFAULT_SOAK_HOURS;
  const n = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || !Number.isFinite(n) || n > 8760) {
    throw new ConfigurationError(
      `${name} is ${JSON.stringify(value)}. Expected a number of hours from 0 to 8760, e.g. ${DEFAULT_SOAK_HOURS} (the default) or 48.`,
    );
  }
  return n;
}

/** A database URL flag: present, PostgreSQL, well formed — checked without ever quoting it. */
export function gateDatabaseUrl(value: string | undefined, flag: string, variable: string, what: string): string {
  if (!text(value)) {
    throw new ConfigurationError(
      `No ${what} database URL. Pass ${flag} URL or set ${variable} (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE; a read-only role is enough).`,
    );
  }
  try {
    return validateDatabaseUrl(value);
  } catch (error) {
    throw new ConfigurationError(`${flag}: ${(error as Error).message}`);
  }
}

export function parseList(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateGateRequest(request: GateRequest): GateSettings {
  const from = text(request.from) ?? "staging";
  const to = text(request.to) ?? "production";
  assertEnvironmentName(from, "from");
  assertEnvironmentName(to, "to");
  if (normalizeEnvironmentName(from) === normalizeEnvironmentName(to))
    throw new ConfigurationError(
      `from and to are both "${from}". The gate promotes from one environment to another, e.g. from staging to production.`,
    );
  const soakHours = parseSoakHours(request.soakHours);
  const sha = text(request.sha);
  if (sha !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(sha)) {
    throw new ConfigurationError(
      `sha is ${JSON.stringify(sha)}. Expected a full commit SHA (40 hexadecimal characters), e.g. the output of \`git rev-parse HEAD\`.`,
    );
  }
  const fromDatabaseUrl = gateDatabaseUrl(request.fromDatabaseUrl, "--from-database-url", "STAGING_DATABASE_URL", `"${from}"`);
  const toDatabaseUrl = gateDatabaseUrl(request.toDatabaseUrl, "--to-database-url", "PRODUCTION_DATABASE_URL", `"${to}"`);
  if (fromDatabaseUrl === toDatabaseUrl)
    throw new ConfigurationError(
      `The ${from} and ${to} database URLs are the same (not shown: they hold a password). Each environment has its own database.`,
    );
  const tasks = parseList(request.deploymentTasks);
  if (tasks.some((t) => /[\u0000-\u001f\u007f]/.test(t) || t.length > 100))
    throw new ConfigurationError(
      'deployment-tasks has a name with control characters or over 100 characters. Expected comma-separated tasks, e.g. "deploy:migrations, deploy", or "none".',
    );
  const deploymentTasks =
    request.deploymentTasks === undefined || text(request.deploymentTasks) === undefined
      ? DEFAULT_DEPLOYMENT_TASKS
      : tasks.some((t) => t.toLowerCase() === "none")
        ? []
        : tasks;
  const schema = text(request.schema);
  return {
    workingDirectory: text(request.workingDirectory) ?? ".",
    ...(schema ? { schema } : {}),
    fromDatabaseUrl,
    toDatabaseUrl,
    policy: { soakHours, from, to },
    ...(sha ? { sha: sha.toLowerCase() } : {}),
    ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
    overrideActors: parseList(request.overrideActors).map((a) => a.replace(/^@/, "")),
    deploymentTasks,
  };
}
