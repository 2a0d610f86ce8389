// The code soak: how long the `from` environment has run a deployment that carries the target's pending
// migrations, from GitHub's deployment records. Pure.
//
// A deployment covers the target when its commit is the target SHA, or when it is a migrate-guard
// `deploy` (payload.tool "migrate-guard") and the migrations deployed to `from` by it and by the
// successful migrate-guard deploys before it include every pending migration with the target's checksum
// (migrations accumulate: a later deploy never takes an earlier one's migrations away).
// The soak starts at the `created_at` of the first `success` status of a covering deployment — never
// at commit dates or at a deployment's own `created_at` — and keeps running until a covering deployment
// reports a failure:
// - `failure` or `error` on a covering deployment RESTARTS the soak: it counts again from the next
//   `success` of a covering deployment; until there is one the gate blocks.
// - `inactive` means superseded, not broken: GitHub marks every older deployment of an environment
//   inactive when a newer one of that environment succeeds, whatever its task (the app's own deploy job
//   with `environment: staging` does it too, and the gate does not list those). The newer deployment runs
//   on top of what was deployed, so `inactive` neither ends nor restarts the soak.
import { scriptMatchesChecksum } from "./migration-state.js";
import { elapsedSeconds, type TargetMigration } from "./soak-target.js";

export type CodeSoak =
  | { kind: "not-checked"; why: string }
  /** `unreadable`: GitHub could not be read, so nothing is known (an override cannot cover that). */
  | { kind: "blocked"; reason: string; unreadable?: boolean }
  /** A covering deployment is being deployed and has not succeeded yet. */
  | { kind: "waiting"; reason: string; deploymentId: number }
  | {
      kind: "soaking";
      since: Date;
      deploymentId: number;
      elapsedSeconds: number;
      remainingSeconds: number;
      description: string;
      restartedAfter?: string;
    };

export interface DeploymentStatusView {
  id: number;
  state: string;
  createdAt: Date;
}

export interface DeploymentView {
  id: number;
  sha: string;
  task: string;
  createdAt: Date;
  payload: unknown;
  /** Oldest first. */
  statuses: DeploymentStatusView[];
}

export interface CodeSoakInput {
  deployments: readonly DeploymentView[];
  pending: readonly TargetMigration[];
  targetSha?: string;
  /** GitHub's clock at the time of reading (the responses' `Date`). */
  githubNow: Date;
  soakSeconds: number;
  from: string;
  tasks: readonly string[];
}

interface PayloadMigration {
  name: string;
  checksum: string;
}

/** The migrations a migrate-guard `deploy` payload records, or undefined when it is not one. */
export function migrateGuardDeployMigrations(payload: unknown): PayloadMigration[] | undefined {
  let p = payload;
  if (typeof p === "string") {
    try {
      p = JSON.parse(p);
    } catch {
      return undefined;
    }
  }
  if (typeof p !== "object" || p === null) return undefined;
  const o = p as Record<string, unknown>;
  if (o.tool !== "migrate-guard" || o.command !== "deploy" || !Array.isArray(o.migrations)) return undefined;
  return o.migrations.filter(
    (m): m is PayloadMigration =>
      typeof m === "object" &&
      m !== null &&
      typeof (m as PayloadMigration).name === "string" &&
      typeof (m as PayloadMigration).checksum === "string",
  );
}

const byTime = <T extends { createdAt: Date; id: number }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;

function matches(m: TargetMigration, checksum: string | undefined): boolean {
  return checksum !== undefined && (checksum === m.checksum || scriptMatchesChecksum(m.sql, checksum));
}

/** Ids of the deployments that cover the target, oldest first. */
export function coveringDeployments(input: Pick<CodeSoakInput, "deployments" | "pending" | "targetSha">): DeploymentView[] {
  const sorted = [...input.deployments].sort(byTime);
  const deployed = new Map<string, string>();
  const covering: DeploymentView[] = [];
  const target = input.targetSha?.toLowerCase();
  for (const d of sorted) {
    const migrations = migrateGuardDeployMigrations(d.payload);
    const succeeded = d.statuses.some((s) => s.state === "success");
    const bySha = target !== undefined && d.sha.toLowerCase() === target;
    // The deployment's own migrations count for its coverage whether it succeeded yet or not (one in
    // progress covers the target and is waited for); only successful ones carry over to later deploys.
    const own = new Map((migrations ?? []).map((m) => [m.name, m.checksum]));
    const byMigrations =
      migrations !== undefined && input.pending.every((m) => matches(m, own.get(m.name)) || matches(m, deployed.get(m.name)));
    if (bySha || byMigrations) covering.push(d);
    if (migrations && succeeded) for (const m of migrations) deployed.set(m.name, m.checksum);
  }
  return covering;
}

export function evaluateCodeSoak(input: CodeSoakInput): CodeSoak {
  const tasks = input.tasks.join(", ");
  const covering = coveringDeployments(input);
  // At the same second, a success goes first: a failure stamped with the same second counts as later.
  const rank = (state: string) => (state === "success" ? 0 : 1);
  const events = covering
    .flatMap((d) => d.statuses.map((s) => ({ ...s, deployment: d })))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.state) - rank(b.state) || a.id - b.id);
  let since: { at: Date; deploymentId: number; supersededAt?: Date } | undefined;
  let broken: { state: string; at: Date; deploymentId: number } | undefined;
  let restartedAfter: string | undefined;
  for (const e of events) {
    const id = e.deployment.id;
    if (e.state === "success") {
      if (!since) {
        since = { at: e.createdAt, deploymentId: id };
        if (broken)
          restartedAfter = `restarted after deployment ${broken.deploymentId} got \`${broken.state}\` at ${broken.at.toISOString()}`;
        broken = undefined;
      }
    } else if (e.state === "failure" || e.state === "error") {
      // A covering deployment that fails (even a newer one) means from may not run the target's code.
      since = undefined;
      broken = { state: e.state, at: e.createdAt, deploymentId: id };
    } else if (e.state === "inactive" && since?.deploymentId === id && !since.supersededAt) {
      // Superseded by a newer deployment of the environment (see the header): the soak goes on.
      since.supersededAt = e.createdAt;
    }
  }

  if (since) {
    const elapsed = elapsedSeconds(since.at, input.githubNow);
    return {
      kind: "soaking",
      since: since.at,
      deploymentId: since.deploymentId,
      elapsedSeconds: elapsed,
      remainingSeconds: Math.max(0, input.soakSeconds - elapsed),
      description: `${input.from} deployment ${since.deploymentId} succeeded at ${since.at.toISOString()}${restartedAfter ? ` (${restartedAfter})` : ""}${since.supersededAt ? `; superseded since ${since.supersededAt.toISOString()} (\`inactive\`: a newer deployment to ${input.from} succeeded), which does not end the soak` : ""}`,
      ...(restartedAfter ? { restartedAfter } : {}),
    };
  }
  if (broken) {
    return {
      kind: "blocked",
      reason: `Code soak: deployment ${broken.deploymentId} to ${input.from} got \`${broken.state}\` at ${broken.at.toISOString()}: the code soak restarts at the next \`success\` of a deployment covering the target, and blocks until then.`,
    };
  }
  const pendingDeploy = covering.find(
    (d) => d.statuses.length === 0 || ["queued", "pending", "in_progress"].includes(d.statuses.at(-1)!.state),
  );
  if (pendingDeploy) {
    return {
      kind: "waiting",
      deploymentId: pendingDeploy.id,
      reason: `Code soak: deployment ${pendingDeploy.id} to ${input.from} covers the target but has not succeeded yet; the soak starts at its \`success\` status.`,
    };
  }
  return {
    kind: "blocked",
    reason: `Code soak: no successful deployment to ${input.from} (task ${tasks}) covers the target's pending migrations — never skip ${input.from}. Deploy them there (migrate-guard deploy records one) and let them soak.`,
  };
}
