// The route kit of the GitHub API double: what an endpoint module needs to answer like GitHub.
import type { IncomingHttpHeaders } from "node:http";
import type { Actor, GitHubState } from "./github-api-double-state.js";

export const REST_DOCS = "https://docs.github.com/rest";

export interface RouteContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  headers: IncomingHttpHeaders;
  actor: Actor;
  state: GitHubState;
  /** The double's own base URL, for `url` fields and Link headers. */
  baseUrl: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path with `:name` segments, e.g. "/repos/:owner/:repo/issues/:issue_number/comments". */
  path: string;
  /** Docs link GitHub puts in this endpoint's error bodies. */
  docs?: string;
  handler: (ctx: RouteContext) => RouteResponse | Promise<RouteResponse>;
}

/** GitHub's error body shape. */
export function errorBody(status: number, message: string, docs = REST_DOCS, extra: object = {}): RouteResponse {
  return { status, body: { message, documentation_url: docs, status: String(status), ...extra } };
}

export function notFound(docs = REST_DOCS): RouteResponse {
  return errorBody(404, "Not Found", docs);
}

/** `per_page` (default 30, max 100) and `page` as GitHub reads them, with its Link header. */
export function paginate<T>(ctx: RouteContext, items: readonly T[]): RouteResponse {
  const perPage = clampInt(ctx.url.searchParams.get("per_page"), 30, 1, 100);
  const page = clampInt(ctx.url.searchParams.get("page"), 1, 1, Number.MAX_SAFE_INTEGER);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl);
    target.searchParams.set("page", String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function clampInt(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
