// Commit status endpoints of the GitHub API double, after https://docs.github.com/rest/commits/statuses
// (API version 2022-11-28): create a status on a SHA, list a ref's statuses (newest first, paginated).
// GitHub's rules a caller can trip over are modelled: `state` must be one of four, a description over
// 140 characters is rejected, the context defaults to "default", the SHA must be a full commit SHA.
import { simpleUser, isoSeconds } from "./github-api-double-deployments.js";
import { errorBody, notFound, paginate, type Route, type RouteContext } from "./github-api-double-http.js";
import type { Actor, GitHubState } from "./github-api-double-state.js";

const DOCS = {
  create: "https://docs.github.com/rest/commits/statuses#create-a-commit-status",
  list: "https://docs.github.com/rest/commits/statuses#list-commit-statuses-for-a-reference",
};
export const COMMIT_STATES = ["error", "failure", "pending", "success"] as const;

export interface StoredCommitStatus {
  id: number;
  repository: string;
  sha: string;
  state: (typeof COMMIT_STATES)[number];
  description: string | null;
  targetUrl: string | null;
  context: string;
  creator: Actor;
  createdAt: Date;
}

const stores = new WeakMap<GitHubState, StoredCommitStatus[]>();

/** Every commit status set in this state, oldest first. */
export function commitStatusesOf(state: GitHubState): StoredCommitStatus[] {
  let store = stores.get(state);
  if (!store) {
    store = [];
    stores.set(state, store);
  }
  return store;
}

function statusJson(ctx: RouteContext, s: StoredCommitStatus): object {
  const [owner, name] = s.repository.split("/");
  const repository = ctx.state.repository(owner!, name!)!;
  return {
    url: `${ctx.baseUrl}/repos/${repository.owner}/${repository.name}/statuses/${s.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${s.creator.id}?v=4`,
    id: s.id,
    node_id: `SC_kwDO${Buffer.from(String(s.id)).toString("base64url")}`,
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: isoSeconds(s.createdAt),
    updated_at: isoSeconds(s.createdAt),
    creator: simpleUser(ctx, s.creator),
  };
}

export const COMMIT_STATUS_ROUTES: Route[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/statuses/:sha",
    docs: DOCS.create,
    handler: (ctx) => {
      const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
      if (!repository) return notFound(DOCS.create);
      if (!/^[0-9a-f]{40}$/i.test(ctx.params.sha!)) return errorBody(422, `No commit found for SHA: ${ctx.params.sha}`, DOCS.create);
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      if (!(COMMIT_STATES as readonly unknown[]).includes(body.state)) {
        return errorBody(
          422,
          `Invalid request.\n\nFor 'properties/state', ${JSON.stringify(body.state)} is not one of ${JSON.stringify(COMMIT_STATES)}.`,
          DOCS.create,
        );
      }
      for (const field of ["target_url", "description", "context"]) {
        if (body[field] !== undefined && body[field] !== null && typeof body[field] !== "string")
          return errorBody(
            422,
            `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(body[field])} is not a string.`,
            DOCS.create,
          );
      }
      const description = (body.description as string | null | undefined) ?? null;
      if (description && description.length > 140) {
        return errorBody(422, "Validation Failed", DOCS.create, {
          errors: [
            { resource: "Status", code: "custom", field: "description", message: "description is too long (maximum is 140 characters)" },
          ],
        });
      }
      const status: StoredCommitStatus = {
        id: ctx.state.newId(),
        repository: `${repository.owner}/${repository.name}`.toLowerCase(),
        sha: ctx.params.sha!.toLowerCase(),
        state: body.state as StoredCommitStatus["state"],
        description,
        targetUrl: (body.target_url as string | null | undefined) ?? null,
        context: (body.context as string | undefined) ?? "default",
        creator: ctx.actor,
        createdAt: ctx.state.now(),
      };
      commitStatusesOf(ctx.state).push(status);
      return { status: 201, body: statusJson(ctx, status) };
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits/:ref/statuses",
    docs: DOCS.list,
    handler: (ctx) => {
      const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
      if (!repository) return notFound(DOCS.list);
      const key = `${repository.owner}/${repository.name}`.toLowerCase();
      const list = commitStatusesOf(ctx.state)
        .filter((s) => s.repository === key && s.sha === ctx.params.ref!.toLowerCase())
        .reverse();
      return paginate(
        ctx,
        list.map((s) => statusJson(ctx, s)),
      );
    },
  },
];
