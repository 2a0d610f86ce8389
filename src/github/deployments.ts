// The migrate commands' audit trail as GitHub Deployments: one deployment per deploy/resolve (task
// `deploy:migrations`, the run's commit, the migrations in its payload) and its statuses in_progress →
// success/failure, each linking the run's log. Octokit is passed in (the action loads it lazily).
import type { getOctokit } from "@actions/github";
import type { AuditOutcome, AuditRecord, AuditRequest, AuditTrail } from "../migrate/audit.js";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface DeploymentTarget {
  owner: string;
  repo: string;
  /** The commit whose migrations are deployed (GITHUB_SHA). */
  ref: string;
  /** The workflow run, shown as the status's log. */
  logUrl?: string;
  /** https://github.com — for the link people click. */
  serverUrl?: string;
}

export type DeploymentState = AuditOutcome | "in_progress" | "inactive" | "queued" | "pending";

/** GitHub rejects status descriptions longer than 140 characters. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export function clipDescription(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= STATUS_DESCRIPTION_LIMIT ? flat : `${flat.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}

/** Turns GitHub's refusals into messages that say which permission is missing. */
export function explainGitHubError(error: unknown, what: string): Error {
  const e = error as { status?: number; message?: string };
  const status = e.status;
  if (status === 403 || status === 401) {
    return new Error(
      `GitHub refused to ${what} (${status}: ${e.message ?? "forbidden"}). The job's token needs \`permissions: deployments: write\` (and a repository the token belongs to).`,
    );
  }
  if (status === 404)
    return new Error(`GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it.`);
  if (status === 409)
    return new Error(`GitHub refused to ${what} (409: ${e.message ?? "conflict"}): commit status checks or a merge conflict blocked it.`);
  if (status === 422) return new Error(`GitHub refused to ${what} (422: ${e.message ?? "validation failed"}).`);
  return new Error(`Could not ${what}: ${e.message ?? String(error)}`);
}

export async function setDeploymentStatus(
  octokit: GitHubClient,
  target: Pick<DeploymentTarget, "owner" | "repo" | "logUrl">,
  deploymentId: number,
  state: DeploymentState,
  description: string,
  environment?: string,
): Promise<void> {
  try {
    await octokit.rest.repos.createDeploymentStatus({
      owner: target.owner,
      repo: target.repo,
      deployment_id: deploymentId,
      state,
      description: clipDescription(description),
      ...(target.logUrl ? { log_url: target.logUrl } : {}),
      ...(environment ? { environment } : {}),
    });
  } catch (error) {
    throw explainGitHubError(error, `set the status of deployment ${deploymentId} to ${state}`);
  }
}

export class GitHubDeployments implements AuditTrail {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly target: DeploymentTarget,
    /** Called as soon as the deployment exists: the action saves its id for the post step. */
    private readonly onCreated?: (id: number) => void,
    /** Called once its final status is set: the post step has nothing left to close. */
    private readonly onClosed?: (id: number) => void,
  ) {}

  async start(request: AuditRequest): Promise<AuditRecord> {
    const { owner, repo, ref } = this.target;
    let id: number;
    try {
      const response = await this.octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref,
        task: request.task,
        // A migration run deploys exactly this commit: never merge the default branch into it, and do
        // not wait for (or fail on) its commit statuses.
        auto_merge: false,
        required_contexts: [],
        payload: request.payload,
        environment: request.environment,
        description: clipDescription(request.description),
        production_environment: request.production,
        transient_environment: false,
      });
      if (response.status !== 201 || !("id" in response.data)) {
        throw Object.assign(new Error(("message" in response.data && response.data.message) || "no deployment was created"), {
          status: response.status,
        });
      }
      id = response.data.id;
    } catch (error) {
      throw explainGitHubError(error, `create a deployment for environment "${request.environment}"`);
    }
    this.onCreated?.(id);
    await setDeploymentStatus(this.octokit, this.target, id, "in_progress", request.description, request.environment);
    const url = this.target.serverUrl
      ? `${this.target.serverUrl}/${owner}/${repo}/deployments/${encodeURIComponent(request.environment)}`
      : undefined;
    return {
      id,
      ...(url ? { url } : {}),
      finish: async (outcome, description) => {
        await setDeploymentStatus(this.octokit, this.target, id, outcome, description, request.environment);
        this.onClosed?.(id);
      },
    };
  }
}

/** Loads octokit only when a deployment is recorded: it is a large part of the bundle's start-up. */
export async function createGitHubDeployments(
  options: DeploymentTarget & { token: string; apiUrl?: string; onCreated?: (id: number) => void; onClosed?: (id: number) => void },
): Promise<GitHubDeployments> {
  const octokit = await githubClient(options.token, options.apiUrl);
  return new GitHubDeployments(octokit, options, options.onCreated, options.onClosed);
}

export async function githubClient(token: string, apiUrl?: string): Promise<GitHubClient> {
  const { getOctokit } = await import("@actions/github");
  return getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
}
