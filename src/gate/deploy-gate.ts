// The soak gate inside `deploy` to a production environment: it runs after the production database was
// read and before anything changes, and a `wait` or `block` refuses the deploy (nothing changed, no
// deployment record). A production deploy needs the staging database URL; a team without a staging
// database opts out explicitly with `soak-gate: off`, which the deployment record and summary show.
// Never skipped silently: a database stamped production without the gate configured is refused too.
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { checkOverride, formatHours, type SoakVerdict } from "../core/soak.js";
import type { GateGitHub } from "./github.js";
import { assessSoak } from "./run.js";
import { DEFAULT_DEPLOYMENT_TASKS, gateDatabaseUrl, parseList, parseSoakHours } from "./settings.js";

/** What the deploy request carries for the gate (raw strings, as given). */
export interface DeployGateRequest {
  stagingDatabaseUrl?: string;
  soakHours?: string;
  /** "on" (default) or "off". */
  soakGate?: string;
  overrideReason?: string;
  overrideActors?: string;
  /** Name of the environment the migrations soak in (default staging). */
  soakFrom?: string;
}

export type DeployGateSettings =
  | { off: true }
  | { off: false; stagingDatabaseUrl: string; soakHours: number; from: string; overrideReason?: string; overrideActors: string[] };

export const SOAK_GATE_REQUIRED =
  "A production deploy runs the soak gate first, and it needs the staging database URL: set `staging-database-url` (the reusable workflow: the STAGING_DATABASE_URL secret; the CLI: --staging-database-url or STAGING_DATABASE_URL). " +
  "A team without a staging database opts out explicitly with `soak-gate: off` (--soak-gate off); the deployment record then says the gate was skipped.";

export function deployGateSettings(request: DeployGateRequest, production: boolean): DeployGateSettings | undefined {
  const mode = (request.soakGate?.trim() || "on").toLowerCase();
  if (mode !== "on" && mode !== "off")
    throw new ConfigurationError(
      `soak-gate is ${JSON.stringify(request.soakGate)}. Expected on (the default: production deploys wait for the soak) or off.`,
    );
  if (mode === "off") return { off: true };
  if (!production) return undefined;
  if (!request.stagingDatabaseUrl?.trim()) throw new ConfigurationError(SOAK_GATE_REQUIRED);
  const stagingDatabaseUrl = gateDatabaseUrl(request.stagingDatabaseUrl, "--staging-database-url", "STAGING_DATABASE_URL", "staging");
  return {
    off: false,
    stagingDatabaseUrl,
    soakHours: parseSoakHours(request.soakHours),
    from: request.soakFrom?.trim() || "staging",
    ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
    overrideActors: parseList(request.overrideActors).map((a) => a.replace(/^@/, "")),
  };
}

export interface DeployGateContext {
  logger: Logger;
  github?: GateGitHub;
  actor?: string;
  sha?: string;
  clock?: () => Date;
}

export type DeployGateOutcome = { verdict?: SoakVerdict; skipped?: string; refusal?: string };

/** Runs the gate for a production deploy of `pending`; a refusal means: stop, change nothing. */
export async function runDeployGate(
  settings: DeployGateSettings | undefined,
  environment: string,
  databaseUrl: string,
  pending: readonly { name: string; checksum: string; sql: string }[],
  ctx: DeployGateContext,
): Promise<DeployGateOutcome> {
  if (!settings) return { refusal: `The database is stamped as production, so the soak gate must run first. ${SOAK_GATE_REQUIRED}` };
  if (settings.off) {
    ctx.logger.warning(
      `The soak gate is off (soak-gate: off): "${environment}" is deployed without proof that its migrations ran on staging first.`,
    );
    return { skipped: "soak-gate: off" };
  }
  if (settings.stagingDatabaseUrl === databaseUrl)
    return {
      refusal:
        "The staging database URL is the production database's URL: the soak gate would compare production with itself. Set staging-database-url to the staging database.",
    };
  const { override, refused } = checkOverride(settings.overrideReason, ctx.actor, settings.overrideActors);
  if (refused) return { refusal: `The soak gate's override is refused: ${refused}` };
  const verdict = await assessSoak(
    {
      policy: { soakHours: settings.soakHours, from: settings.from, to: environment },
      pending: [...pending],
      fromDatabaseUrl: settings.stagingDatabaseUrl,
      deploymentTasks: DEFAULT_DEPLOYMENT_TASKS,
      ...(ctx.sha ? { sha: ctx.sha.toLowerCase() } : {}),
      ...(override ? { override } : {}),
    },
    { logger: ctx.logger, ...(ctx.github ? { github: ctx.github } : {}), ...(ctx.clock ? { clock: ctx.clock } : {}) },
  );
  ctx.logger.info(
    `Soak gate (${settings.from} → ${environment}, ${settings.soakHours}h): ${verdict.decision}${verdict.override ? ` (override by ${verdict.override.actor})` : ""}.`,
  );
  if (verdict.decision === "wait") {
    return {
      verdict,
      refusal: `The soak gate says wait: ${formatHours(verdict.remainingSeconds ?? 0)} left on ${settings.from} (earliest ${verdict.earliestPassAt?.toISOString()}). ${verdict.reasons.join(" ")}`,
    };
  }
  if (verdict.decision === "block") return { verdict, refusal: `The soak gate blocks this deploy. ${verdict.reasons.join(" ")}` };
  return { verdict };
}

/** What the deployment record's payload keeps about the gate. */
export function gatePayload(outcome: DeployGateOutcome): Record<string, unknown> | undefined {
  if (outcome.skipped) return { skipped: outcome.skipped };
  const v = outcome.verdict;
  if (!v) return undefined;
  return {
    decision: v.decision,
    soakHours: v.policy.soakHours,
    from: v.policy.from,
    ...(v.override ? { override: { actor: v.override.actor, reason: v.override.reason, gateSaid: v.decisionWithoutOverride } } : {}),
  };
}

/** One line for summaries and the deployment's description. */
export function gateLine(outcome: DeployGateOutcome): string | undefined {
  if (outcome.skipped) return "soak gate skipped (soak-gate: off)";
  const v = outcome.verdict;
  if (!v) return undefined;
  if (v.override) return `soak gate overridden by ${v.override.actor} (it said ${v.decisionWithoutOverride}): ${v.override.reason}`;
  return `soak gate ${v.decision} (${v.policy.soakHours}h on ${v.policy.from})`;
}
