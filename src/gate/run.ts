// A gate run: the repository's migrations at the target, what `to` (production) lacks of them, what
// `from` (staging) says about those (read-only), what GitHub's deployments say about the code soak,
// the decision (src/core/soak.ts), and the `migrate-guard/soak` commit status. The override is checked
// before anything is read. Unreachable databases, GitHub failures and wrong stamps block; they never
// pass, not even with an override.
import { normalizeEnvironmentName } from "../core/environment.js";
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { MigrationRecord } from "../core/migration-state.js";
import {
  checkOverride,
  evaluateSoak,
  verdictHeadline,
  type Override,
  type SoakPolicy,
  type SoakVerdict,
  type SourceState,
  type TargetMigration,
} from "../core/soak.js";
import { evaluateCodeSoak, migrateGuardDeployMigrations, type CodeSoak, type DeploymentView } from "../core/soak-code.js";
import { describeUrl, urlSecrets } from "../postgres/database.js";
import { DatabaseConnectionError } from "../postgres/environment-database.js";
import { loadProject, type LoadedProject } from "../prisma/load-project.js";
import { migrationsAtCommit, resolveCommit } from "../git/git.js";
import { checksum, compareMigrationNames } from "../core/migrations.js";
import { readDatabaseSnapshot, type DatabaseSnapshot } from "./database.js";
import { GateGitHubError, mapLimited, type CommitState, type GateGitHub } from "./github.js";
import type { GateSettings } from "./settings.js";

export interface GateContext {
  logger: Logger;
  /** The gate's clock (injected in tests). */
  clock?: () => Date;
  /** Absent: the code soak is not checked and no commit status is set. */
  github?: GateGitHub;
  /** Who runs the gate (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR): checked against override-actors. */
  actor?: string;
  runUrl?: string;
  /** Set the commit status on the target (default true when GitHub and a SHA are there). */
  commitStatus?: boolean;
}

export interface GateReport {
  verdict: SoakVerdict;
  sha?: string;
  from: { name: string; database: string };
  to: { name: string; database: string };
  /** Set when the commit status could not be written (the run then fails). */
  statusError?: string;
  commitStatus?: { state: CommitState; description: string };
  warnings: string[];
  durationMs: number;
}

/** Repository migrations not applied on `to` (no finished, not rolled back row), in apply order. */
export function pendingOn(repo: readonly TargetMigration[], records: readonly MigrationRecord[]): TargetMigration[] {
  const applied = new Set(records.filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.name));
  return repo.filter((m) => !applied.has(m.name));
}

function stampProblem(snapshot: DatabaseSnapshot, expected: string, flag: string): string | undefined {
  const stamp = snapshot.stamp;
  if (!stamp || stamp.normalized === normalizeEnvironmentName(expected)) return undefined;
  return `The ${flag} database belongs to environment "${stamp.name}" (its migrate-guard stamp), not "${expected}": the URL points at the wrong database.`;
}

export interface SoakAssessment {
  policy: SoakPolicy;
  pending: TargetMigration[];
  fromDatabaseUrl: string;
  sha?: string;
  deploymentTasks: string[];
  override?: Override;
  /** Problems found before (e.g. the `to` database's stamp): each blocks, and no override covers it. */
  blockers?: string[];
}

/** The soak of `pending` on `from`: the staging database (read-only) and GitHub's deployments. */
export async function assessSoak(input: SoakAssessment, ctx: GateContext): Promise<SoakVerdict> {
  const clock = ctx.clock ?? (() => new Date());
  const { policy, pending } = input;
  let source: SourceState;
  const blockers = [...(input.blockers ?? [])];
  try {
    const snapshot = await readDatabaseSnapshot(input.fromDatabaseUrl);
    source = { records: snapshot.records, now: snapshot.now };
    const problem = stampProblem(snapshot, policy.from, `from (${policy.from})`);
    if (problem) blockers.push(problem);
  } catch (error) {
    const message =
      error instanceof DatabaseConnectionError
        ? error.message
        : `Could not read ${describeUrl(input.fromDatabaseUrl)}: ${(error as Error).message}`;
    source = { error: redact(message, urlSecrets(input.fromDatabaseUrl)) };
  }
  const codeSoak =
    pending.length === 0 ? ({ kind: "not-checked", why: "nothing is pending" } as CodeSoak) : await readCodeSoak(input, ctx, clock);
  // An unreadable database and a wrong stamp block whatever is pending, and no override covers them.
  return evaluateSoak({
    policy,
    pending,
    source,
    codeSoak,
    now: clock(),
    blockers,
    ...(input.override ? { override: input.override } : {}),
  });
}

async function readCodeSoak(input: SoakAssessment, ctx: GateContext, clock: () => Date): Promise<CodeSoak> {
  if (input.deploymentTasks.length === 0) return { kind: "not-checked", why: "deployment-tasks is none." };
  const github = ctx.github;
  if (!github)
    return { kind: "not-checked", why: "no GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY): the schema soak alone decided." };
  try {
    const listed = (await Promise.all(input.deploymentTasks.map((task) => github.listDeployments(input.policy.from, task)))).flat();
    // Only deployments from the first one that could cover the target on can matter to its soak.
    const names = new Set(input.pending.map((m) => m.name));
    const relevant = (d: Omit<DeploymentView, "statuses">) =>
      (input.sha !== undefined && d.sha.toLowerCase() === input.sha) ||
      (migrateGuardDeployMigrations(d.payload) ?? []).some((m) => names.has(m.name));
    const first = Math.min(...listed.filter(relevant).map((d) => d.createdAt.getTime()));
    const candidates = listed.filter((d) => d.createdAt.getTime() >= first);
    ctx.logger.info(
      `Code soak: ${listed.length} deployment(s) to "${input.policy.from}" (task ${input.deploymentTasks.join(", ")}), ${candidates.length} from the first covering one on.`,
    );
    const statuses = await mapLimited(candidates, 8, (d) => github.listStatuses(d.id));
    const deployments = candidates.map((d, i) => ({ ...d, statuses: statuses[i]! }));
    return evaluateCodeSoak({
      deployments,
      pending: input.pending,
      ...(input.sha ? { targetSha: input.sha } : {}),
      githubNow: github.githubNow ?? clock(),
      soakSeconds: Math.round(input.policy.soakHours * 3600),
      from: input.policy.from,
      tasks: input.deploymentTasks,
    });
  } catch (error) {
    if (!(error instanceof GateGitHubError)) throw error;
    ctx.logger.error(error.message);
    return {
      kind: "blocked",
      unreadable: true,
      reason: `Code soak could not be read from GitHub (the gate never passes without it): ${error.message}`,
    };
  }
}

export async function runGate(settings: GateSettings, ctx: GateContext): Promise<GateReport> {
  const started = Date.now();
  const { override, refused } = checkOverride(settings.overrideReason, ctx.actor, settings.overrideActors);
  if (refused) throw new ConfigurationError(`The override is refused, so nothing was evaluated: ${refused}`);
  const policy = settings.policy;
  const report: GateReport = {
    verdict: undefined as unknown as SoakVerdict,
    ...(settings.sha ? { sha: settings.sha } : {}),
    from: { name: policy.from, database: describeUrl(settings.fromDatabaseUrl) },
    to: { name: policy.to, database: describeUrl(settings.toDatabaseUrl) },
    warnings: [],
    durationMs: 0,
  };
  const loaded = await loadProject(settings.workingDirectory, settings.schema);
  const repo = await targetMigrations(loaded, settings.sha, report.warnings, ctx.logger);
  ctx.logger.info(
    `Soak gate ${policy.from} → ${policy.to} (${policy.soakHours}h)${settings.sha ? ` for ${settings.sha}` : ""}: ${repo.length} migrations in ${loaded.dir.dir}.`,
  );

  let pending: TargetMigration[];
  const blockers: string[] = [];
  try {
    const target = await readDatabaseSnapshot(settings.toDatabaseUrl);
    pending = pendingOn(repo, target.records);
    const problem = stampProblem(target, policy.to, `to (${policy.to})`);
    if (problem) blockers.push(problem);
  } catch (error) {
    const message = error instanceof DatabaseConnectionError ? error.message : (error as Error).message;
    // Without production's history everything may be pending: judge every migration.
    pending = repo;
    blockers.push(
      `The ${policy.to} database could not be read, so what is pending there is unknown: ${redact(message, urlSecrets(settings.toDatabaseUrl))}`,
    );
  }
  ctx.logger.info(
    `${pending.length} migration(s) pending on "${policy.to}"${pending.length ? `: ${pending.map((m) => m.name).join(", ")}` : ""}.`,
  );

  report.verdict = await assessSoak(
    {
      policy,
      pending,
      fromDatabaseUrl: settings.fromDatabaseUrl,
      deploymentTasks: settings.deploymentTasks,
      blockers,
      ...(settings.sha ? { sha: settings.sha } : {}),
      ...(override ? { override } : {}),
    },
    ctx,
  );
  await setStatus(report, ctx);
  report.durationMs = Date.now() - started;
  return report;
}

async function setStatus(report: GateReport, ctx: GateContext): Promise<void> {
  if (!ctx.github || !report.sha || ctx.commitStatus === false) return;
  const state: CommitState = report.verdict.decision === "pass" ? "success" : report.verdict.decision === "wait" ? "pending" : "failure";
  const description = verdictHeadline(report.verdict);
  try {
    await ctx.github.setCommitStatus(report.sha, state, description, ctx.runUrl);
    report.commitStatus = { state, description };
  } catch (error) {
    report.statusError = (error as Error).message;
    ctx.logger.error(report.statusError);
  }
}

/**
 * The migrations in the repository at the target: the working tree when it is checked out at the target
 * (or no SHA was given), else the target commit's files read from git. A target that is in neither is a
 * configuration error: judging other migrations than the target's could pass the wrong ones.
 */
async function targetMigrations(
  loaded: LoadedProject,
  sha: string | undefined,
  warnings: string[],
  logger: Logger,
): Promise<TargetMigration[]> {
  const tree = loaded.dir.migrations.map((m) => ({ name: m.name, checksum: m.checksum, sql: m.sql }));
  if (!sha) return tree;
  const head = await resolveCommit(loaded.repoRoot, "HEAD").catch(() => undefined);
  if (head === undefined) {
    warnings.push(`${loaded.repoRoot} is not a git checkout: its migrations were judged as the target ${sha}'s.`);
    return tree;
  }
  if (head.toLowerCase() === sha) return tree;
  const commit = await resolveCommit(loaded.repoRoot, sha).catch(() => undefined);
  if (!commit) {
    throw new ConfigurationError(
      `The target ${sha} is neither checked out in ${loaded.repoRoot} (HEAD is ${head}) nor in its git history. Check out the target (actions/checkout with \`ref: <sha>\`), or pass the SHA that is checked out.`,
    );
  }
  const atCommit = await migrationsAtCommit(loaded.repoRoot, commit, loaded.dir.dir);
  logger.info(`The target ${sha} is not checked out (HEAD is ${head}): judging its ${atCommit.length} migrations as committed.`);
  return atCommit
    .map((m) => ({ name: m.name, sql: m.sql, checksum: checksum(Buffer.from(m.sql, "utf8")) }))
    .sort((a, b) => compareMigrationNames(a.name, b.name));
}
