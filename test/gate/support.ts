// Test support for the soak gate: two real PostgreSQL clusters playing staging and production, whose
// `_prisma_migrations` are written by the real Prisma CLI (migrate-guard deploy of the example app),
// staging's deploys recorded as GitHub deployments in the API double, and helpers that move time the
// way it really moves: on the servers' own records (finished_at, a status's created_at).
import { getOctokit } from "@actions/github";
import { RecordingLogger } from "../../src/core/logger.js";
import { GitHubDeployments } from "../../src/github/deployments.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest, type MigrateRequest } from "../../src/migrate/settings.js";
import { deploymentsOf, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, type EnvironmentCluster } from "../migrate/support.js";

/** The commit checked out in `repo`: the target a gate run judges. */
export const head = (repo: ProjectRepo) => repo.git("rev-parse", "HEAD");
export const ADD_BIO = "20250103000000_add_bio";
export const ADD_BIO_SQL = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`;
export const ADD_TAGS = "20250104000000_add_tags";
export const ADD_TAGS_SQL = `ALTER TABLE "Post" ADD COLUMN "tags" TEXT[];\n`;
export const BROKEN = "20250103000000_add_bio";
export const BROKEN_SQL = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n`;

/** A deploy through migrate-guard with the real Prisma CLI; staging deploys are recorded in `github`. */
export async function deploy(
  repo: ProjectRepo,
  environment: "staging" | "production",
  databaseUrl: string,
  github?: GitHubApiDouble,
  extra: Partial<MigrateRequest> = {},
) {
  const settings = validateRequest({
    command: "deploy",
    environment,
    databaseUrl,
    workingDirectory: repo.dir,
    ...(environment === "production" ? { confirm: "production", gate: { soakGate: "off" } } : {}),
    ...extra,
  });
  const sha = head(repo);
  const audit = github
    ? new GitHubDeployments(getOctokit("ghs_deployer", { baseUrl: github.url }), { owner: "acme", repo: "shop", ref: sha })
    : undefined;
  return runMigrate(settings, { logger: new RecordingLogger(), ...(audit ? { audit } : {}), context: { actor: "deployer", sha } });
}

/** Moves a migration's finish on `db` to `hours` before the server's now() (the server-side record). */
export async function finishedHoursAgo(env: EnvironmentCluster, db: string, name: string, hours: number): Promise<void> {
  await env.query(
    db,
    `UPDATE _prisma_migrations SET started_at = now() - make_interval(secs => $2 * 3600 + 1), finished_at = now() - make_interval(secs => $2 * 3600) WHERE migration_name = $1 AND finished_at IS NOT NULL`,
    [name, hours],
  );
}

/** Sets a deployment's statuses to happen `hoursAgo` before real time, in order (GitHub's created_at). */
export function statusTimes(github: GitHubApiDouble, deploymentId: number, hoursAgo: number[]): void {
  const statuses = statusesOf(github.state, deploymentId);
  if (statuses.length !== hoursAgo.length)
    throw new Error(`deployment ${deploymentId} has ${statuses.length} statuses, not ${hoursAgo.length}`);
  statuses.forEach((s, i) => (s.createdAt = new Date(Date.now() - hoursAgo[i]! * 3600_000)));
}

/** Adds a deployment status directly in the double's store, `hoursAgo` before real time. */
export function addStatus(
  github: GitHubApiDouble,
  deploymentId: number,
  state: "success" | "failure" | "error" | "inactive",
  hoursAgo: number,
): void {
  const last = statusesOf(github.state, deploymentId).at(-1)!;
  deploymentsOf(github.state).statuses.push({
    ...last,
    id: github.state.newId(),
    state,
    createdAt: new Date(Date.now() - hoursAgo * 3600_000),
  });
}

export function stagingRepo(): ProjectRepo {
  return appRepo({ [ADD_BIO]: ADD_BIO_SQL });
}
