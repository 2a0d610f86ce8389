// The soak gate's decision: may the target's migrations go from `from` (staging) to `to` (production)?
// Pure. Every elapsed time is measured on the clock of the server that wrote the timestamp (staging's
// `now()` against its `finished_at`; GitHub's response `Date` against its `created_at`), so a runner or
// database with a wrong clock cannot make the gate pass early. The gate's own clock (injected) only turns
// "remaining seconds" into `earliestPassAt`. A timestamp ahead of its server's "now" (replicas, clock
// steps) counts as soaked for zero seconds: skew can delay a pass, never hasten it.
import type { MigrationRecord } from "./migration-state.js";
import { scriptMatchesChecksum } from "./migration-state.js";
import type { CodeSoak } from "./soak-code.js";
import { elapsedSeconds, type TargetMigration } from "./soak-target.js";

export { elapsedSeconds, type TargetMigration } from "./soak-target.js";

export type GateDecision = "pass" | "wait" | "block";
export type MigrationSoakStatus = "soaked" | "soaking" | "missing" | "failed" | "rolled-back" | "checksum-mismatch";

export interface SoakPolicy {
  soakHours: number;
  /** The environment the migrations soak in (default staging). */
  from: string;
  /** The environment they are promoted to (default production). */
  to: string;
}

/** What the `from` database told: its `_prisma_migrations` rows and its own `now()`, or why it could not be read. */
export type SourceState = { records: readonly MigrationRecord[]; now: Date } | { error: string };

export interface MigrationSoak {
  name: string;
  /** When it finished on `from` (its server's `finished_at`), null when it did not. */
  appliedOnSourceAt: Date | null;
  soakedSeconds: number | null;
  remainingSeconds: number | null;
  status: MigrationSoakStatus;
  /** Why it blocks or waits, in words. */
  reason?: string;
}

export interface Override {
  actor: string;
  reason: string;
}

export interface SoakVerdict {
  decision: GateDecision;
  /** What the decision would have been without the override. */
  decisionWithoutOverride: GateDecision;
  /** 0 on pass, null on block. */
  remainingSeconds: number | null;
  /** Gate clock + remaining; the evaluation time on pass; null on block. */
  earliestPassAt: Date | null;
  reasons: string[];
  migrations: MigrationSoak[];
  codeSoak: CodeSoak;
  override?: Override;
  policy: SoakPolicy;
  evaluatedAt: Date;
}

export interface SoakInput {
  policy: SoakPolicy;
  /** Migrations pending on `to`: in the repository at the target, not applied there. In apply order. */
  pending: readonly TargetMigration[];
  source: SourceState;
  codeSoak: CodeSoak;
  /** The gate's clock. */
  now: Date;
  override?: Override;
  /** Configuration problems the caller found (a database stamped as another environment, `to` unreadable): each blocks, override or not. */
  blockers?: readonly string[];
}

export const DEFAULT_SOAK_HOURS = 24;

/** Prisma's own check plus the plain sha256 of the bytes (files that are not valid UTF-8). */
function sameChecksum(migration: TargetMigration, stored: string): boolean {
  return stored === migration.checksum || scriptMatchesChecksum(migration.sql, stored);
}

export function migrationSoak(
  migration: TargetMigration,
  records: readonly MigrationRecord[],
  sourceNow: Date,
  soakSeconds: number,
  from: string,
): MigrationSoak {
  const rows = records.filter((r) => r.name === migration.name);
  const finished = rows.filter((r) => r.finishedAt && !r.rolledBackAt).at(-1);
  const base = { name: migration.name, appliedOnSourceAt: null, soakedSeconds: null, remainingSeconds: null };
  if (finished) {
    const finishedAt = finished.finishedAt!;
    if (!sameChecksum(migration, finished.checksum)) {
      return {
        ...base,
        appliedOnSourceAt: finishedAt,
        status: "checksum-mismatch",
        reason: `${migration.name} on ${from} was applied from a different file (checksum ${finished.checksum.slice(0, 12)}…, the target's is ${migration.checksum.slice(0, 12)}…): ${from} did not run what would be promoted. Deploy the target to ${from} and let it soak.`,
      };
    }
    const soaked = elapsedSeconds(finishedAt, sourceNow);
    const remaining = Math.max(0, soakSeconds - soaked);
    return {
      ...base,
      appliedOnSourceAt: finishedAt,
      soakedSeconds: soaked,
      remainingSeconds: remaining,
      status: remaining === 0 ? "soaked" : "soaking",
      ...(remaining > 0
        ? { reason: `${migration.name} has soaked ${formatHours(soaked)} on ${from}; ${formatHours(remaining)} left.` }
        : {}),
    };
  }
  const unfinished = rows.find((r) => !r.finishedAt && !r.rolledBackAt);
  if (unfinished) {
    return {
      ...base,
      status: "failed",
      reason: `${migration.name} failed on ${from} (started ${unfinished.startedAt.toISOString()}, never finished): resolve it there and deploy it successfully before it can be promoted.`,
    };
  }
  if (rows.length > 0) {
    return {
      ...base,
      status: "rolled-back",
      reason: `${migration.name} was rolled back on ${from} and not applied again: deploy it to ${from} successfully and let it soak.`,
    };
  }
  return {
    ...base,
    status: "missing",
    reason: `${migration.name} was never applied on ${from}: never skip ${from}. Deploy it there first and let it soak.`,
  };
}

/** "18h12m", "45m", "0m": for messages and the commit status. */
export function formatHours(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m`;
}

/** What an accepted override may cover, in the words the report uses when it cannot. */
const OVERRIDE_SCOPE =
  "An override covers only a soak that is not long enough yet (schema or code) and problems of the code soak's deployments; a migration missing, failed, rolled back or edited on the soak environment, a database or GitHub that cannot be read, and a database stamped as another environment must be fixed first";

export function evaluateSoak(input: SoakInput): SoakVerdict {
  const { policy, pending, source, codeSoak, now } = input;
  const soakSeconds = Math.round(policy.soakHours * 3600);
  const reasons: string[] = [];
  let migrations: MigrationSoak[] = [];
  // Two kinds of block: `hard` ones no override covers (the soak cannot be proven, or what would be
  // promoted never ran on `from`); `soft` ones an accepted override covers (the code soak's deployments).
  const hard: string[] = [...(input.blockers ?? [])];
  let soft = false;
  let remaining = 0;

  if ("error" in source) {
    // Even with nothing pending: an unreadable `from` database is never a pass.
    hard.push(
      `The ${policy.from} database could not be read, so the soak cannot be proven (the gate never passes without it): ${source.error}`,
    );
  }
  reasons.push(...hard);
  if (pending.length === 0) {
    reasons.push(`Nothing to promote: every migration in the repository at the target is already applied on ${policy.to}.`);
  } else if ("error" in source) {
    migrations = pending.map((m) => ({
      name: m.name,
      appliedOnSourceAt: null,
      soakedSeconds: null,
      remainingSeconds: null,
      status: "missing",
      reason: `${policy.from} could not be read.`,
    }));
  } else {
    migrations = pending.map((m) => migrationSoak(m, source.records, source.now, soakSeconds, policy.from));
    for (const m of migrations) {
      if (m.status === "soaked") continue;
      if (m.status === "soaking") remaining = Math.max(remaining, m.remainingSeconds ?? 0);
      else hard.push(m.reason!);
      reasons.push(m.reason!);
    }
  }

  if (pending.length > 0) {
    switch (codeSoak.kind) {
      case "not-checked":
        reasons.push(`Code soak not checked: ${codeSoak.why}`);
        break;
      case "blocked":
        if (codeSoak.unreadable) hard.push(codeSoak.reason);
        else soft = true;
        reasons.push(codeSoak.reason);
        break;
      case "soaking":
        if (codeSoak.remainingSeconds > 0) {
          remaining = Math.max(remaining, codeSoak.remainingSeconds);
          reasons.push(`Code soak: ${codeSoak.description}; ${formatHours(codeSoak.remainingSeconds)} left.`);
        } else {
          reasons.push(`Code soak: ${codeSoak.description}.`);
        }
        break;
      case "waiting":
        remaining = Math.max(remaining, soakSeconds);
        reasons.push(codeSoak.reason);
        break;
    }
  }

  const decision: GateDecision = hard.length > 0 || soft ? "block" : remaining > 0 ? "wait" : "pass";
  if (decision === "pass" && pending.length > 0) {
    reasons.unshift(`All ${pending.length} pending migration(s) soaked at least ${policy.soakHours}h on ${policy.from}.`);
  }
  const verdict: SoakVerdict = {
    decision,
    decisionWithoutOverride: decision,
    remainingSeconds: decision === "block" ? null : remaining,
    earliestPassAt: decision === "block" ? null : new Date(now.getTime() + remaining * 1000),
    reasons,
    migrations,
    codeSoak,
    policy,
    evaluatedAt: now,
  };
  if (input.override && hard.length > 0) {
    const what = hard.length === 1 ? "the block above" : `the ${hard.length} blocks above`;
    verdict.reasons.push(
      `The override by ${input.override.actor} ("${input.override.reason}") is not applied: it cannot cover ${what}, so the gate still blocks. ${OVERRIDE_SCOPE}.`,
    );
  } else if (input.override && decision !== "pass") {
    verdict.override = input.override;
    verdict.decision = "pass";
    verdict.remainingSeconds = 0;
    verdict.earliestPassAt = now;
    verdict.reasons.unshift(`Overridden by ${input.override.actor} (the gate said ${decision}): ${input.override.reason}`);
  } else if (input.override) {
    verdict.reasons.push(`An override by ${input.override.actor} was given but not needed: the gate passed by itself.`);
  }
  return verdict;
}

/** One line for the commit status and logs (the caller clips it to GitHub's 140 characters). */
export function verdictHeadline(verdict: SoakVerdict): string {
  const { policy } = verdict;
  if (verdict.override) return `Override by ${verdict.override.actor}: ${verdict.override.reason}`;
  switch (verdict.decision) {
    case "wait":
      return `${formatHours(verdict.remainingSeconds ?? 0)} left on ${policy.from}`;
    case "block":
      return `Blocked: ${verdict.reasons[0] ?? "see the gate's report"}`;
    default:
      return verdict.migrations.length === 0
        ? `Nothing pending for ${policy.to}`
        : `${verdict.migrations.length} migration(s) soaked ≥${policy.soakHours}h on ${policy.from}`;
  }
}

/** The `--json` document and the action's `report` output: exactly these keys (the CLI contract). */
export function toSoakJson(verdict: SoakVerdict): object {
  return {
    decision: verdict.decision,
    remainingSeconds: verdict.remainingSeconds,
    earliestPassAt: verdict.earliestPassAt?.toISOString() ?? null,
    reasons: verdict.reasons,
    migrations: verdict.migrations.map((m) => ({
      name: m.name,
      appliedOnSourceAt: m.appliedOnSourceAt?.toISOString() ?? null,
      soakedHours: m.soakedSeconds === null ? null : Math.floor((m.soakedSeconds / 3600) * 100) / 100,
      status: m.status,
    })),
  };
}

/**
 * The override, checked: a reason that is not empty once trimmed, by an actor on the allowlist
 * (compared ignoring case, as GitHub logins are). Returns the refusal in words, or the override.
 */
export function checkOverride(
  reason: string | undefined,
  actor: string | undefined,
  allowed: readonly string[],
): { override?: Override; refused?: string } {
  if (reason === undefined) return {};
  const text = reason.trim();
  if (text === "")
    return {
      refused:
        'The override reason is empty. An override needs a reason a reviewer can read later, e.g. "hotfix for incident 123, approved by @lead".',
    };
  if (allowed.length === 0)
    return {
      refused:
        "Overrides are not allowed: override-actors is empty. List the GitHub logins who may override the soak gate (comma-separated).",
    };
  if (!actor)
    return {
      refused: `No actor is known for this run (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR), so the override cannot be checked against override-actors (${allowed.join(", ")}).`,
    };
  if (!allowed.some((a) => a.toLowerCase() === actor.toLowerCase())) {
    return { refused: `${actor} may not override the soak gate: only ${allowed.join(", ")} may (override-actors).` };
  }
  return { override: { actor, reason: text.replace(/\s+/g, " ") } };
}
