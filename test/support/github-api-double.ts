// A GitHub REST API double: a real HTTP server on 127.0.0.1, so tests drive the real octokit
// (@actions/github's getOctokit with `baseUrl`) over real fetch, and see GitHub's status codes,
// JSON shapes, Link pagination and limits.
// To add an endpoint family (deployments, statuses, ...): write github-api-double-<name>.ts exporting
// a Route[] built with the kit in github-api-double-http.ts (see ISSUE_COMMENT_ROUTES), keep its data
// in GitHubState, and add the table to `routes` below. A single test can also call `double.route()`.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorBody, notFound, REST_DOCS, type Route, type RouteResponse } from "./github-api-double-http.js";
import { DEPLOYMENT_ROUTES } from "./github-api-double-deployments.js";
import { ISSUE_COMMENT_ROUTES } from "./github-api-double-issue-comments.js";
import { PULL_ROUTES } from "./github-api-double-pulls.js";
import { COMMIT_STATUS_ROUTES } from "./github-api-double-statuses.js";
import { GitHubState } from "./github-api-double-state.js";

export * from "./github-api-double-http.js";
export * from "./github-api-double-state.js";
export { ISSUE_COMMENT_ROUTES } from "./github-api-double-issue-comments.js";
export { DEPLOYMENT_ROUTES, deploymentsOf, statusesOf } from "./github-api-double-deployments.js";
export { PULL_ROUTES, pullsOf } from "./github-api-double-pulls.js";
export { COMMIT_STATUS_ROUTES, commitStatusesOf } from "./github-api-double-statuses.js";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  status: number;
}

export interface GitHubApiDouble {
  url: string;
  state: GitHubState;
  requests: RecordedRequest[];
  /** Add an endpoint (checked before the built-in ones, so it can also override one). */
  route(route: Route): void;
  close(): Promise<void>;
}

export async function startGitHubApiDouble(options: { routes?: Route[]; state?: GitHubState } = {}): Promise<GitHubApiDouble> {
  const state = options.state ?? new GitHubState();
  const requests: RecordedRequest[] = [];
  const routes: Route[] = [
    ...(options.routes ?? []),
    ...ISSUE_COMMENT_ROUTES,
    ...DEPLOYMENT_ROUTES,
    ...COMMIT_STATUS_ROUTES,
    ...PULL_ROUTES,
  ];
  let baseUrl = "";

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in a handler: answer like GitHub's 500 so the test sees a failed request, not a hang.
      if (!res.headersSent) send(res, errorBody(500, `double: ${error instanceof Error ? error.stack : String(error)}`));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      rawBody,
      body: undefined,
      status: 0,
    };
    requests.push(entry);
    const response = await respond(method, url, req.headers, rawBody, entry);
    entry.status = response.status;
    send(res, response);
  }

  async function respond(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    rawBody: string,
    entry: RecordedRequest,
  ): Promise<RouteResponse> {
    const fault = state.takeFault(method, url.pathname);
    if (fault) return { status: fault.status, body: fault.body ?? errorBody(fault.status, fault.message ?? "Fault injected").body };

    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
    if (!headers.authorization) return errorBody(401, "Requires authentication");
    const grant = token ? state.grantFor(token) : undefined;
    if (!grant || grant.permission === "none") return errorBody(401, "Bad credentials");

    const match = matchRoute(routes, method, url.pathname);
    if (!match) return notFound();
    const { route, params } = match;
    const docs = route.docs ?? REST_DOCS;
    if (method !== "GET" && grant.permission === "read") return errorBody(403, "Resource not accessible by integration", docs);

    let body: unknown;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return errorBody(400, "Problems parsing JSON", docs);
      }
    }
    entry.body = body;
    return route.handler({ method, url, params, body, headers, actor: grant.actor, state, baseUrl });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    state,
    requests,
    route(route) {
      routes.unshift(route);
    },
    close() {
      // octokit's fetch keeps connections alive; without this close() would wait for them to idle out.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = pathname.replace(/\/+$/, "").split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/");
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const segment = decodeURIComponent(segments[i]!);
      if (part.startsWith(":")) {
        params[part.slice(1)] = segment;
        return segment.length > 0;
      }
      return part === segment;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

function send(res: ServerResponse, response: RouteResponse): void {
  const headers: Record<string, string> = {
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-resource": "core",
    ...response.headers,
  };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  res
    .writeHead(response.status, {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
    })
    .end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
