// Deployment and deployment status endpoints of the GitHub API double, after
// https://docs.github.com/rest/deployments (API version 2022-11-28), shapes checked against
// @octokit/openapi's description in test/migrate/github-deployments-double.test.ts. The behaviours that
// matter to a caller are modelled: `environment` defaults to "production", omitted `required_contexts`
// makes GitHub check the commit's statuses (409 while a check has not passed), `auto_merge` defaults to
// true (202 for a branch behind the default branch), descriptions over 140 characters are rejected,
// `log_url` sets `target_url`, and `auto_inactive` deactivates earlier successful non-production ones.
import { createHash } from "node:crypto";
import { errorBody, notFound, paginate, type Route, type RouteContext, type RouteResponse } from "./github-api-double-http.js";
import type { Actor, GitHubState } from "./github-api-double-state.js";

const DOCS = {
  list: "https://docs.github.com/rest/deployments/deployments#list-deployments",
  create: "https://docs.github.com/rest/deployments/deployments#create-a-deployment",
  get: "https://docs.github.com/rest/deployments/deployments#get-a-deployment",
  createStatus: "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status",
  listStatuses: "https://docs.github.com/rest/deployments/statuses#list-deployment-statuses",
};

export const DEPLOYMENT_STATES = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

export interface StoredDeployment {
  id: number;
  repository: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: Actor;
  transient: boolean;
  production: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredDeploymentStatus {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: Actor;
  createdAt: Date;
}

export interface DeploymentStore {
  deployments: StoredDeployment[];
  statuses: StoredDeploymentStatus[];
  /**
   * The commit's status checks have not all passed: a deployment request that omits `required_contexts`
   * is refused with 409, as GitHub does. True by default so that callers must opt out explicitly.
   */
  pendingCommitStatuses: boolean;
}

const stores = new WeakMap<GitHubState, DeploymentStore>();

/** The deployments kept for this state (created on first use). */
export function deploymentsOf(state: GitHubState): DeploymentStore {
  let store = stores.get(state);
  if (!store) {
    store = { deployments: [], statuses: [], pendingCommitStatuses: true };
    stores.set(state, store);
  }
  return store;
}

/** A deployment's statuses, oldest first. */
export function statusesOf(state: GitHubState, deploymentId: number): StoredDeploymentStatus[] {
  return deploymentsOf(state)
    .statuses.filter((s) => s.deploymentId === deploymentId)
    .sort((a, b) => a.id - b.id);
}

const isSha = (ref: string) => /^[0-9a-f]{40}$/i.test(ref);

export const DEPLOYMENT_ROUTES: Route[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/deployments",
    docs: DOCS.create,
    handler: (ctx) => {
      const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
      if (!repository) return notFound(DOCS.create);
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      const invalid =
        typeOf(body, "ref", "string", true) ??
        typeOf(body, "task", "string") ??
        typeOf(body, "auto_merge", "boolean") ??
        typeOf(body, "environment", "string") ??
        typeOf(body, "description", "string") ??
        typeOf(body, "transient_environment", "boolean") ??
        typeOf(body, "production_environment", "boolean");
      if (invalid) return invalid;
      if (
        body.required_contexts !== undefined &&
        !(Array.isArray(body.required_contexts) && body.required_contexts.every((c) => typeof c === "string"))
      ) {
        return errorBody(
          422,
          `Invalid request.\n\nFor 'properties/required_contexts', ${JSON.stringify(body.required_contexts)} is not an array of strings.`,
          DOCS.create,
        );
      }
      if (
        body.payload !== undefined &&
        typeof body.payload !== "string" &&
        (typeof body.payload !== "object" || body.payload === null || Array.isArray(body.payload))
      ) {
        return errorBody(422, "Invalid request.\n\nFor 'properties/payload', it is not an object or a string.", DOCS.create);
      }
      const ref = body.ref as string;
      if (ref.trim() === "") return errorBody(422, `No ref found for: ${ref}`, DOCS.create);
      if (body.auto_merge !== false && !isSha(ref))
        return { status: 202, body: { message: `Auto-merged main into ${ref} on deployment.` } };
      if (body.required_contexts === undefined && deploymentsOf(ctx.state).pendingCommitStatuses) {
        return errorBody(409, "Conflict: Commit status checks failed for " + ref + ".", DOCS.create, {
          errors: [
            { contexts: [{ context: "ci/test", state: "pending" }], resource: "Deployment", field: "required_contexts", code: "invalid" },
          ],
        });
      }
      const environment = (body.environment as string | undefined) ?? "production";
      let payload: unknown = body.payload ?? {};
      if (typeof payload === "string") {
        try {
          payload = payload === "" ? {} : JSON.parse(payload);
        } catch {
          // GitHub keeps a non-JSON string payload as it is.
        }
      }
      const now = ctx.state.now();
      const description = body.description === undefined ? null : (body.description as string | null);
      if (description && description.length > 140)
        return validationFailed("Deployment", "description", "description is too long (maximum is 140 characters)", DOCS.create);
      const deployment: StoredDeployment = {
        id: ctx.state.newId(),
        repository: `${repository.owner}/${repository.name}`.toLowerCase(),
        sha: isSha(ref) ? ref.toLowerCase() : createHash("sha1").update(ref).digest("hex"),
        ref,
        task: (body.task as string | undefined) ?? "deploy",
        payload,
        environment,
        originalEnvironment: environment,
        description,
        creator: ctx.actor,
        transient: (body.transient_environment as boolean | undefined) ?? false,
        production: (body.production_environment as boolean | undefined) ?? environment === "production",
        createdAt: now,
        updatedAt: now,
      };
      deploymentsOf(ctx.state).deployments.push(deployment);
      return { status: 201, body: deploymentJson(ctx, deployment) };
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/deployments",
    docs: DOCS.list,
    handler: (ctx) => {
      const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
      if (!repository) return notFound(DOCS.list);
      const key = `${repository.owner}/${repository.name}`.toLowerCase();
      const q = ctx.url.searchParams;
      const list = deploymentsOf(ctx.state)
        .deployments.filter((d) => d.repository === key)
        .filter(
          (d) =>
            (!q.get("sha") || d.sha === q.get("sha")) &&
            (!q.get("ref") || d.ref === q.get("ref")) &&
            (!q.get("task") || d.task === q.get("task")),
        )
        .filter((d) => !q.get("environment") || d.environment === q.get("environment"))
        .sort((a, b) => b.id - a.id);
      return paginate(
        ctx,
        list.map((d) => deploymentJson(ctx, d)),
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/deployments/:deployment_id",
    docs: DOCS.get,
    handler: (ctx) => {
      const deployment = findDeployment(ctx);
      return deployment ? { status: 200, body: deploymentJson(ctx, deployment) } : notFound(DOCS.get);
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/deployments/:deployment_id/statuses",
    docs: DOCS.createStatus,
    handler: (ctx) => {
      const deployment = findDeployment(ctx);
      if (!deployment) return notFound(DOCS.createStatus);
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      const invalid =
        typeOf(body, "state", "string", true) ??
        typeOf(body, "target_url", "string") ??
        typeOf(body, "log_url", "string") ??
        typeOf(body, "description", "string") ??
        typeOf(body, "environment", "string") ??
        typeOf(body, "environment_url", "string") ??
        typeOf(body, "auto_inactive", "boolean");
      if (invalid) return invalid;
      if (!(DEPLOYMENT_STATES as readonly string[]).includes(body.state as string)) {
        return errorBody(
          422,
          `Invalid request.\n\nFor 'properties/state', ${JSON.stringify(body.state)} is not one of ${JSON.stringify(DEPLOYMENT_STATES)}.`,
          DOCS.createStatus,
        );
      }
      const description = (body.description as string | undefined) ?? "";
      if (description.length > 140)
        return validationFailed(
          "DeploymentStatus",
          "description",
          "description is too long (maximum is 140 characters)",
          DOCS.createStatus,
        );
      const store = deploymentsOf(ctx.state);
      const previous = statusesOf(ctx.state, deployment.id).at(-1);
      const environment = (body.environment as string | undefined) ?? previous?.environment ?? deployment.environment;
      const logUrl = (body.log_url as string | undefined) ?? (body.target_url as string | undefined) ?? "";
      const now = ctx.state.now();
      const status: StoredDeploymentStatus = {
        id: ctx.state.newId(),
        deploymentId: deployment.id,
        state: body.state as DeploymentState,
        description,
        environment,
        targetUrl: logUrl,
        logUrl,
        environmentUrl: (body.environment_url as string | undefined) ?? "",
        creator: ctx.actor,
        createdAt: now,
      };
      store.statuses.push(status);
      deployment.environment = environment;
      deployment.updatedAt = now;
      if (status.state === "success" && body.auto_inactive !== false) deactivateEarlier(ctx, deployment);
      return { status: 201, body: statusJson(ctx, deployment, status) };
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/deployments/:deployment_id/statuses",
    docs: DOCS.listStatuses,
    handler: (ctx) => {
      const deployment = findDeployment(ctx);
      if (!deployment) return notFound(DOCS.listStatuses);
      return paginate(
        ctx,
        statusesOf(ctx.state, deployment.id)
          .reverse()
          .map((s) => statusJson(ctx, deployment, s)),
      );
    },
  },
];

/** auto_inactive: earlier successful, non-transient, non-production deployments of the environment get `inactive`. */
function deactivateEarlier(ctx: RouteContext, current: StoredDeployment): void {
  const store = deploymentsOf(ctx.state);
  for (const d of store.deployments) {
    if (d.id === current.id || d.repository !== current.repository || d.environment !== current.environment || d.transient || d.production)
      continue;
    const last = statusesOf(ctx.state, d.id).at(-1);
    if (last?.state !== "success") continue;
    store.statuses.push({
      ...last,
      id: ctx.state.newId(),
      state: "inactive",
      description: "",
      createdAt: ctx.state.now(),
      creator: ctx.actor,
    });
  }
}

function typeOf(body: Record<string, unknown>, field: string, type: "string" | "boolean", required = false): RouteResponse | undefined {
  const value = body[field];
  if (value === undefined) return required ? errorBody(422, `Invalid request.\n\n"${field}" wasn't supplied.`, docsFor(field)) : undefined;
  if (value === null && field === "description") return undefined;
  if (typeof value !== type)
    return errorBody(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a ${type}.`, docsFor(field));
  return undefined;
}

function docsFor(field: string): string {
  return field === "state" ? DOCS.createStatus : DOCS.create;
}

function validationFailed(resource: string, field: string, message: string, docs: string): RouteResponse {
  return errorBody(422, "Validation Failed", docs, { errors: [{ resource, code: "custom", field, message }] });
}

function findDeployment(ctx: RouteContext): StoredDeployment | undefined {
  const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
  if (!repository || !/^\d+$/.test(ctx.params.deployment_id ?? "")) return undefined;
  const key = `${repository.owner}/${repository.name}`.toLowerCase();
  return deploymentsOf(ctx.state).deployments.find((d) => d.id === Number(ctx.params.deployment_id) && d.repository === key);
}

function slugOf(ctx: RouteContext, deployment: StoredDeployment): string {
  const [owner, name] = deployment.repository.split("/");
  const repository = ctx.state.repository(owner!, name!)!;
  return `${repository.owner}/${repository.name}`;
}

function deploymentJson(ctx: RouteContext, d: StoredDeployment): object {
  const slug = slugOf(ctx, d);
  return {
    url: `${ctx.baseUrl}/repos/${slug}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_kwDO${Buffer.from(String(d.id)).toString("base64url")}`,
    task: d.task,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    created_at: isoSeconds(d.createdAt),
    updated_at: isoSeconds(d.updatedAt),
    statuses_url: `${ctx.baseUrl}/repos/${slug}/deployments/${d.id}/statuses`,
    repository_url: `${ctx.baseUrl}/repos/${slug}`,
    creator: simpleUser(ctx, d.creator),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

function statusJson(ctx: RouteContext, d: StoredDeployment, s: StoredDeploymentStatus): object {
  const slug = slugOf(ctx, d);
  return {
    url: `${ctx.baseUrl}/repos/${slug}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_kwDO${Buffer.from(String(s.id)).toString("base64url")}`,
    state: s.state,
    creator: simpleUser(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: isoSeconds(s.createdAt),
    updated_at: isoSeconds(s.createdAt),
    deployment_url: `${ctx.baseUrl}/repos/${slug}/deployments/${d.id}`,
    repository_url: `${ctx.baseUrl}/repos/${slug}`,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}

/** GitHub's `simple-user`. */
export function simpleUser(ctx: RouteContext, user: Actor): object {
  const api = `${ctx.baseUrl}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `${user.type === "Bot" ? "BOT" : "U"}_kgDO${Buffer.from(String(user.id)).toString("base64url")}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `https://github.com/${user.type === "Bot" ? "apps/" + user.login.replace(/\[bot\]$/, "") : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
