// The gate's GitHub adapter: reads the `from` environment's deployments and their statuses (every page),
// and sets the `migrate-guard/soak` commit status. Refusals name the permission the workflow must grant;
// rate limits and 5xx answers are retried a bounded number of times (src/gate/retry.ts).
import type { DeploymentStatusView, DeploymentView } from "../core/soak-code.js";
import { clipDescription, type GitHubClient } from "../github/deployments.js";
import { isRateLimited } from "./retry.js";

export const SOAK_STATUS_CONTEXT = "migrate-guard/soak";

export type CommitState = "pending" | "success" | "failure" | "error";

/** A failure to talk to GitHub, in words that say what to change. */
export class GateGitHubError extends Error {
  override name = "GateGitHubError";
}

export function explainGateGitHubError(error: unknown, what: string, permission: string): GateGitHubError {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  const status = e.status;
  const message = (e.message ?? String(error)).split("\n")[0];
  if (status === 403 && isRateLimited(e)) {
    return new GateGitHubError(
      `GitHub's rate limit stopped the gate from trying to ${what} (${message}); it retried and gave up. Run the gate again later.`,
    );
  }
  if (status === 401 || status === 403) {
    return new GateGitHubError(
      `GitHub refused to ${what} (${status}: ${message}). The job's token needs \`permissions: ${permission}\` — add it to the workflow job that runs the gate.`,
    );
  }
  if (status === 404) {
    return new GateGitHubError(
      `GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it (a private repository needs \`permissions: ${permission}\`).`,
    );
  }
  if (status !== undefined && status >= 500)
    return new GateGitHubError(`GitHub failed to ${what} (${status}: ${message}), also after retries. Run the gate again later.`);
  return new GateGitHubError(`Could not ${what}: ${message}`);
}

export interface Repo {
  owner: string;
  repo: string;
}

export class GateGitHub {
  /** GitHub's clock: the `Date` of the latest response. */
  private serverDate: Date | undefined;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly target: Repo,
  ) {}

  /** The `Date` header of GitHub's latest answer, or undefined before any answer had one. */
  get githubNow(): Date | undefined {
    return this.serverDate;
  }

  private noteDate(headers: Record<string, unknown>): void {
    const date = typeof headers.date === "string" ? new Date(headers.date) : undefined;
    if (date && !Number.isNaN(date.getTime())) this.serverDate = date;
  }

  /** Every deployment of `environment` with `task` (newest first, as GitHub lists them), all pages. */
  async listDeployments(environment: string, task: string): Promise<Omit<DeploymentView, "statuses">[]> {
    const out: Omit<DeploymentView, "statuses">[] = [];
    try {
      const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeployments, {
        ...this.target,
        environment,
        task,
        per_page: 100,
      });
      for await (const page of pages) {
        this.noteDate(page.headers as Record<string, unknown>);
        for (const d of page.data) out.push({ id: d.id, sha: d.sha, task: d.task, createdAt: new Date(d.created_at), payload: d.payload });
      }
    } catch (error) {
      throw explainGateGitHubError(error, `list the deployments of environment "${environment}" (task ${task})`, "deployments: read");
    }
    return out;
  }

  /** A deployment's statuses, oldest first, all pages. */
  async listStatuses(deploymentId: number): Promise<DeploymentStatusView[]> {
    const out: DeploymentStatusView[] = [];
    try {
      const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeploymentStatuses, {
        ...this.target,
        deployment_id: deploymentId,
        per_page: 100,
      });
      for await (const page of pages) {
        this.noteDate(page.headers as Record<string, unknown>);
        for (const s of page.data) out.push({ id: s.id, state: s.state, createdAt: new Date(s.created_at) });
      }
    } catch (error) {
      throw explainGateGitHubError(error, `list the statuses of deployment ${deploymentId}`, "deployments: read");
    }
    return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  }

  async setCommitStatus(sha: string, state: CommitState, description: string, targetUrl?: string): Promise<void> {
    try {
      await this.octokit.rest.repos.createCommitStatus({
        ...this.target,
        sha,
        state,
        context: SOAK_STATUS_CONTEXT,
        description: clipDescription(description),
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    } catch (error) {
      throw explainGateGitHubError(error, `set the commit status ${SOAK_STATUS_CONTEXT} on ${sha}`, "statuses: write");
    }
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
