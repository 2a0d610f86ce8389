// Where test data may be written, decided from what the run names and what the database says about
// itself (the environment stamp written by the first `migrate-guard deploy`). Pure: no I/O.
// Production is refused by name (production-environments) and by stamp, whatever else the inputs say.
import {
  normalizeEnvironmentName,
  parseEnvironmentList,
  resolveEnvironment,
  type EnvironmentStamp,
  type ResolvedEnvironment,
} from "../core/environment.js";
import { ConfigurationError } from "../core/errors.js";

export const TEST_DATA_OPERATIONS = ["create", "cleanup"] as const;
export type TestDataOperation = (typeof TEST_DATA_OPERATIONS)[number];

/** The environments test data may be written to unless configured otherwise. */
export const DEFAULT_TEST_DATA_ENVIRONMENTS = ["staging", "local"];
/** What `cleanup` must be confirmed with. */
export const CLEANUP_CONFIRMATION = "DELETE";

export interface TestDataPolicy {
  /** Environments test data may be written to. */
  allowed: string[];
  /** Production environments: never, whatever `allowed` says. */
  production: string[];
}

const has = (names: readonly string[], normalized: string) => names.some((n) => normalizeEnvironmentName(n) === normalized);

export function testDataPolicy(allowed: string | undefined, production: string | undefined): TestDataPolicy {
  return {
    allowed: allowed?.trim() ? parseEnvironmentList(allowed, "environments") : DEFAULT_TEST_DATA_ENVIRONMENTS,
    // "production" is production whatever the list says: a list replaces the default, it never
    // makes the name safe for test data.
    production: withProductionName(production?.trim() ? parseEnvironmentList(production, "production-environments") : []),
  };
}

function withProductionName(names: string[]): string[] {
  return has(names, "production") ? names : ["production", ...names];
}

/** The environment the run names; a production or unlisted name is a refusal (exit 2, nothing read). */
export function resolveTestDataEnvironment(requested: string, policy: TestDataPolicy): ResolvedEnvironment {
  const environment = resolveEnvironment(requested, { known: policy.allowed, production: policy.production });
  if (environment.production) {
    throw new ConfigurationError(
      `Test data is never written to a production environment, and "${environment.name}" is one (production-environments: ${policy.production.join(", ")}). Nothing was run.`,
    );
  }
  if (!has(policy.allowed, environment.normalized)) {
    throw new ConfigurationError(
      `Test data is written only to ${policy.allowed.join(", ")} (configure with --environments); "${environment.name}" is not one of them. Nothing was run.`,
    );
  }
  return environment;
}

export type TestDataDecision =
  | { kind: "run"; stamp: EnvironmentStamp }
  /** Unstamped, and the user stated the environment with --stamp: stamp it, then run. */
  | { kind: "stamp-then-run" }
  | { kind: "refuse"; reason: string };

/** What the database's stamp allows. `stampRequested`: the user asked to stamp an unstamped database. */
export function decideTestData(
  environment: ResolvedEnvironment,
  stamp: EnvironmentStamp | undefined,
  policy: TestDataPolicy,
  stampRequested: boolean,
): TestDataDecision {
  if (!stamp) {
    if (stampRequested) return { kind: "stamp-then-run" };
    return {
      kind: "refuse",
      reason:
        `The database has no environment stamp, so nothing says it is "${environment.name}" and not production. Nothing was run. ` +
        `If you are sure it is the "${environment.name}" database, pass --stamp (the action: stamp: true) to record it as "${environment.name}" first; ` +
        "a deploy with migrate-guard stamps it too.",
    };
  }
  const when = `stamped ${stamp.stampedAt.toISOString()}${stamp.stampedBy ? ` by ${stamp.stampedBy}` : ""}`;
  if (stamp.production || has(policy.production, stamp.normalized)) {
    return {
      kind: "refuse",
      reason: `The database is stamped as the production environment "${stamp.name}" (${when}). Test data is never written to production, whatever the run names ("${environment.name}"). Nothing was run: check the database URL.`,
    };
  }
  if (stamp.normalized !== environment.normalized) {
    return {
      kind: "refuse",
      reason: `This run is for "${environment.name}", but the database is stamped as "${stamp.name}" (${when}). Nothing was run: the database URL points at another environment's database.`,
    };
  }
  if (!has(policy.allowed, stamp.normalized)) {
    return {
      kind: "refuse",
      reason: `The database is stamped as "${stamp.name}", which is not one of the test-data environments (${policy.allowed.join(", ")}). Nothing was run.`,
    };
  }
  return { kind: "run", stamp };
}
