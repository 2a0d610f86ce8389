// One sticky comment per pull request (and marker): created on the first run, edited in place after,
// so a busy PR does not collect a report per push.
import * as core from "@actions/core";
import type { getOctokit } from "@actions/github";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { GITHUB_COMMENT_LIMIT } from "../report/markdown.js";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  /** Tells this comment apart from other migrate-guard comments on the same PR (e.g. one per job). */
  marker: string;
  /** Receives the warning when commenting is not permitted; @actions/core's warning by default. */
  logger?: Pick<Logger, "warning">;
}

export type UpsertCommentResult = { id: number; action: "created" | "updated" | "unchanged" } | { action: "skipped"; reason: string };

export function commentMarker(marker: string): string {
  // `--` or `>` would end the HTML comment early and leak the rest of the marker into the page.
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(marker) || marker.includes("--")) {
    throw new ConfigurationError(
      `comment marker "${marker}" is not usable: use letters, digits and . _ : / - (no "--"), e.g. "verify" or "verify/postgres-16"`,
    );
  }
  return `<!-- migrate-guard:${marker} -->`;
}

export async function upsertPullRequestComment(octokit: GitHubClient, options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { owner, repo, issueNumber: issue_number } = options;
  const tag = commentMarker(options.marker);
  const body = fitToLimit(`${tag}\n${options.body}`);
  const logger = options.logger ?? { warning: (message: string) => core.warning(message) };

  let step = "listing the comments of";
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
    const existing = ownComment(comments, tag);

    if (existing) {
      if (normalise(existing.body ?? "") === normalise(body)) return { id: existing.id, action: "unchanged" };
      step = "updating the comment on";
      try {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
        return { id: data.id, action: "updated" };
      } catch (error) {
        // Deleted between listing and updating: fall through and create a fresh one.
        if (statusOf(error) !== 404) throw error;
      }
    }

    step = "creating a comment on";
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    return { id: data.id, action: "created" };
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw error;
    // A pull request from a fork gets a read-only token; that must not fail the verification itself.
    const reason =
      `GitHub answered ${status} (${messageOf(error)}) when ${step} ${owner}/${repo}#${issue_number}, so the report was not posted as a comment. ` +
      `Pull requests from forks get a read-only token; otherwise give the job "permissions: pull-requests: write". The job summary has the report.`;
    logger.warning(reason);
    return { action: "skipped", reason };
  }
}

interface ListedComment {
  id: number;
  body?: string | null;
  created_at: string;
  user?: { type?: string } | null;
}

/**
 * The comment this job wrote before: it starts with the marker (a person quoting or mentioning the
 * marker elsewhere in a comment is not it). Bot-authored ones (GITHUB_TOKEN, a GitHub App) win over a
 * person's comment that happens to start with the marker; with a personal token the job's comments are
 * a person's, so those still count when no bot wrote one.
 */
function ownComment<T extends ListedComment>(comments: T[], tag: string): T | undefined {
  const marked = comments.filter((c) =>
    normalise(c.body ?? "")
      .trimStart()
      .startsWith(tag),
  );
  const byBots = marked.filter((c) => c.user?.type === "Bot");
  return newest(byBots.length > 0 ? byBots : marked);
}

/** Several marker comments (e.g. from an old bug or a manual copy): edit the most recent one only. */
function newest<T extends ListedComment>(comments: T[]): T | undefined {
  let best: T | undefined;
  for (const comment of comments) {
    if (!best) {
      best = comment;
      continue;
    }
    const byDate = Date.parse(comment.created_at) - Date.parse(best.created_at);
    if (byDate > 0 || (byDate === 0 && comment.id > best.id)) best = comment;
  }
  return best;
}

/** GitHub may hand back CRLF for text it stored as LF; either way it is the same comment. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/**
 * The renderer already keeps reports under the limit; this only protects against a caller passing
 * its own text, because GitHub answers 422 and the whole comment would be lost.
 */
function fitToLimit(body: string): string {
  if (body.length <= GITHUB_COMMENT_LIMIT) return body;
  const note = "\n\n_…cut to fit GitHub's comment size limit; see the job summary for the full report._";
  const cut = body.lastIndexOf("\n", GITHUB_COMMENT_LIMIT - note.length);
  return `${body.slice(0, cut > 0 ? cut : GITHUB_COMMENT_LIMIT - note.length)}${note}`;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}

function messageOf(error: unknown): string {
  const data =
    typeof error === "object" && error !== null && "response" in error ? (error.response as { data?: unknown })?.data : undefined;
  if (typeof data === "object" && data !== null && "message" in data && typeof data.message === "string") return data.message;
  return error instanceof Error ? error.message : String(error);
}
