// Environments of the manual migration jobs (status, deploy, resolve): which names exist, which of them
// are production, what a production deploy must be confirmed with, and how the identity stamped into a
// database is compared with the environment a run claims. Pure: no I/O, no @actions imports.
import { ConfigurationError } from "./errors.js";

export const DEFAULT_ENVIRONMENTS = ["staging", "production"];
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ["production"];

/** GitHub's limit for an environment name. */
const MAX_NAME_LENGTH = 255;

/**
 * The form names are compared in: case-folded, trimmed, inner whitespace collapsed. GitHub treats
 * environment names case-insensitively too, so "Production " and "production" are one environment.
 */
export function normalizeEnvironmentName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Throws a ConfigurationError naming `what` when `name` cannot be an environment name. */
export function assertEnvironmentName(name: string, what = "environment"): void {
  if (normalizeEnvironmentName(name) === "") {
    throw new ConfigurationError(`${what} is empty. Expected the name of an environment, e.g. "staging" or "production".`);
  }
  // Control characters would forge log lines and workflow commands.
  if (/[\u0000-\u001f\u007f]/.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new ConfigurationError(
      `${what} ${JSON.stringify(name)} is not a valid environment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`,
    );
  }
}

/** "staging, production" → ["staging", "production"] (as written, deduplicated by normalised form). */
export function parseEnvironmentList(text: string, what: string): string[] {
  const names: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    if (part.trim() === "") continue;
    assertEnvironmentName(part, `A name in ${what}`);
    if (!names.some((n) => normalizeEnvironmentName(n) === normalizeEnvironmentName(part))) names.push(part.trim());
  }
  if (names.length === 0)
    throw new ConfigurationError(`${what} is empty. Expected a comma-separated list of environment names, e.g. "staging, production".`);
  return names;
}

export interface EnvironmentPolicy {
  /** Environments a run may name. */
  known: string[];
  /** Of those (or not), the ones that are production. */
  production: string[];
}

export interface ResolvedEnvironment {
  /** The name as the caller wrote it, trimmed: what GitHub deployments and the stamp show. */
  name: string;
  normalized: string;
  /** Production by configuration (the stamp can make it production too: see isProductionRun). */
  production: boolean;
}

/** The environment a run names, checked against the policy. Unknown names are refused. */
export function resolveEnvironment(requested: string, policy: EnvironmentPolicy): ResolvedEnvironment {
  assertEnvironmentName(requested, "environment");
  const normalized = normalizeEnvironmentName(requested);
  const knownNames = [...policy.known, ...policy.production];
  if (!knownNames.some((n) => normalizeEnvironmentName(n) === normalized)) {
    throw new ConfigurationError(
      `Unknown environment ${JSON.stringify(requested.trim())}. Expected one of: ${unique(knownNames).join(", ")} ` +
        "(configure the list with --environments / the `environments` input).",
    );
  }
  return { name: requested.trim(), normalized, production: policy.production.some((n) => normalizeEnvironmentName(n) === normalized) };
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = normalizeEnvironmentName(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a database says about itself: the identity migrate-guard wrote into it on its first deploy. */
export interface EnvironmentStamp {
  name: string;
  normalized: string;
  production: boolean;
  stampedAt: Date;
  stampedBy?: string;
  repository?: string;
  runUrl?: string;
}

export type StampDecision =
  /** No stamp yet: a deploy writes one; read-only commands go ahead. */
  { kind: "unstamped" } | { kind: "match"; stamp: EnvironmentStamp } | { kind: "mismatch"; stamp: EnvironmentStamp; reason: string };

/**
 * Compares the run's environment with the database's stamp. A mismatch is what stops a staging job
 * that holds the production URL (or the other way round).
 */
export function compareStamp(environment: ResolvedEnvironment, stamp: EnvironmentStamp | undefined): StampDecision {
  if (!stamp) return { kind: "unstamped" };
  if (stamp.normalized === environment.normalized) return { kind: "match", stamp };
  const by = stamp.stampedBy ? ` by ${stamp.stampedBy}` : "";
  return {
    kind: "mismatch",
    stamp,
    reason:
      `This run is for environment "${environment.name}", but the database belongs to environment "${stamp.name}"` +
      `${stamp.production ? " (production)" : ""} (stamped ${stamp.stampedAt.toISOString()}${by}). ` +
      `The database URL given to the "${environment.name}" job points at the wrong database: fix the secret. ` +
      `Nothing was changed. If this database really is "${environment.name}" now (for example restored from a dump of "${stamp.name}"), ` +
      "a database administrator removes the old identity with `DROP TABLE migrate_guard.environment;` after checking the URL twice; migrate-guard never overwrites a stamp itself.",
  };
}

/** Production when configured so, or when the database was stamped as production. */
export function isProductionRun(environment: ResolvedEnvironment, stamp: EnvironmentStamp | undefined): boolean {
  return environment.production || Boolean(stamp?.production && stamp.normalized === environment.normalized);
}

/**
 * A production deploy must be confirmed by typing the environment's name (compared normalised, like
 * every environment name). Throws a ConfigurationError that says what to type.
 */
export function assertProductionConfirmed(environment: ResolvedEnvironment, confirm: string | undefined): void {
  if (confirm !== undefined && normalizeEnvironmentName(confirm) === environment.normalized) return;
  const given =
    confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
  throw new ConfigurationError(
    `Deploying to the production environment "${environment.name}" must be confirmed: set confirm (--confirm) to "${environment.name}"; ${given}. Nothing was changed.`,
  );
}

/** `resolve` is confirmed by typing the migration's name exactly. */
export function assertResolveConfirmed(migration: string, confirm: string | undefined): void {
  if (confirm?.trim() === migration) return;
  const given =
    confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
  throw new ConfigurationError(
    `Resolving a migration must be confirmed: set confirm (--confirm) to the migration's name, "${migration}"; ${given}. Nothing was changed.`,
  );
}
