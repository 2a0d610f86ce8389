// Issue comment endpoints of the GitHub API double, after
// https://docs.github.com/rest/issues/comments (API version 2022-11-28).
import { errorBody, notFound, paginate, type Route, type RouteContext, type RouteResponse } from "./github-api-double-http.js";
import type { Actor, StoredComment } from "./github-api-double-state.js";

/** GitHub counts characters (code points), not bytes or UTF-16 units. */
export const COMMENT_BODY_LIMIT = 65_536;

const DOCS = {
  list: "https://docs.github.com/rest/issues/comments#list-issue-comments",
  create: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
  get: "https://docs.github.com/rest/issues/comments#get-an-issue-comment",
  update: "https://docs.github.com/rest/issues/comments#update-an-issue-comment",
  delete: "https://docs.github.com/rest/issues/comments#delete-an-issue-comment",
};

export const ISSUE_COMMENT_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/comments/:comment_id",
    docs: DOCS.get,
    handler: (ctx) => {
      const comment = findComment(ctx);
      return comment ? { status: 200, body: commentJson(ctx, comment) } : notFound(DOCS.get);
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/issues/comments/:comment_id",
    docs: DOCS.update,
    handler: (ctx) => {
      const comment = findComment(ctx);
      if (!comment) return notFound(DOCS.update);
      const invalid = validateBody(ctx.body, DOCS.update);
      if (invalid) return invalid;
      comment.body = (ctx.body as { body: string }).body;
      comment.updatedAt = ctx.state.now();
      return { status: 200, body: commentJson(ctx, comment) };
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/issues/comments/:comment_id",
    docs: DOCS.delete,
    handler: (ctx) => {
      const comment = findComment(ctx);
      if (!comment) return notFound(DOCS.delete);
      ctx.state.comments.delete(comment.id);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/comments",
    docs: DOCS.list,
    handler: (ctx) => {
      const issue = findIssue(ctx);
      if (!issue) return notFound(DOCS.list);
      const { owner, repo } = ctx.params;
      return paginate(
        ctx,
        ctx.state.commentsOn(owner!, repo!, issue).map((c) => commentJson(ctx, c)),
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/issues/:issue_number/comments",
    docs: DOCS.create,
    handler: (ctx) => {
      const issue = findIssue(ctx);
      if (!issue) return notFound(DOCS.create);
      const invalid = validateBody(ctx.body, DOCS.create);
      if (invalid) return invalid;
      const { owner, repo } = ctx.params;
      const comment = ctx.state.addComment(owner!, repo!, issue, { body: (ctx.body as { body: string }).body, user: ctx.actor });
      return {
        status: 201,
        body: commentJson(ctx, comment),
        headers: { location: `${ctx.baseUrl}/repos/${owner}/${repo}/issues/comments/${comment.id}` },
      };
    },
  },
];

function validateBody(body: unknown, docs: string): RouteResponse | undefined {
  if (typeof body !== "object" || body === null || !("body" in body)) {
    return errorBody(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs);
  }
  if (typeof body.body !== "string") {
    return errorBody(422, `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body.body)} is not a string.`, docs);
  }
  if ([...body.body].length > COMMENT_BODY_LIMIT) {
    return errorBody(422, "Validation Failed", docs, {
      errors: [
        {
          resource: "IssueComment",
          code: "custom",
          field: "body",
          message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
        },
      ],
    });
  }
  return undefined;
}

/** The issue number, when the repository and issue exist. */
function findIssue(ctx: RouteContext): number | undefined {
  const { owner, repo, issue_number } = ctx.params;
  const number = /^\d+$/.test(issue_number ?? "") ? Number(issue_number) : NaN;
  return ctx.state.issue(owner!, repo!, number) ? number : undefined;
}

function findComment(ctx: RouteContext): StoredComment | undefined {
  const { owner, repo, comment_id } = ctx.params;
  if (!ctx.state.repository(owner!, repo!) || !/^\d+$/.test(comment_id ?? "")) return undefined;
  const comment = ctx.state.comments.get(Number(comment_id));
  return comment && comment.repository === `${owner}/${repo}`.toLowerCase() ? comment : undefined;
}

function commentJson(ctx: RouteContext, comment: StoredComment): object {
  const repository = ctx.state.repositories.get(comment.repository)!;
  const slug = `${repository.owner}/${repository.name}`;
  const kind = repository.issues.get(comment.issueNumber)?.isPullRequest ? "pull" : "issues";
  return {
    url: `${ctx.baseUrl}/repos/${slug}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${slug}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${ctx.baseUrl}/repos/${slug}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: `IC_kwDO${Buffer.from(`${repository.id}:${comment.id}`).toString("base64url")}`,
    user: userJson(ctx, comment.user),
    created_at: isoSeconds(comment.createdAt),
    updated_at: isoSeconds(comment.updatedAt),
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: { url: `${ctx.baseUrl}/repos/${slug}/issues/comments/${comment.id}/reactions`, total_count: 0 },
    performed_via_github_app: null,
  };
}

function userJson(ctx: RouteContext, user: Actor): object {
  return {
    login: user.login,
    id: user.id,
    node_id: `${user.type === "Bot" ? "BOT" : "U"}_kgDO${Buffer.from(String(user.id)).toString("base64url")}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    url: `${ctx.baseUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: `https://github.com/${user.type === "Bot" ? "apps/" + user.login.replace(/\[bot\]$/, "") : user.login}`,
    type: user.type,
    site_admin: false,
  };
}

/** GitHub's timestamps carry no milliseconds: 2024-05-01T12:00:01Z. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
