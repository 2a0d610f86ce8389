// The gate's GitHub adapter through the real octokit against the API double, and the double's commit
// status endpoints held to GitHub's OpenAPI description (@octokit/openapi): what we send and what it answers.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { getOctokit } from "@actions/github";
import { GateGitHub } from "../../src/gate/github.js";
import { addRetries, retryDelay } from "../../src/gate/retry.js";
import { commitStatusesOf, startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";
import { documentedStatuses, operationSchema, shapeProblems } from "../migrate/openapi-shape.js";

const STATUSES = "/repos/{owner}/{repo}/statuses/{sha}";
const LIST = "/repos/{owner}/{repo}/commits/{ref}/statuses";
const SHA = "0123456789abcdef0123456789abcdef01234567";

let api: GitHubApiDouble;
beforeEach(async () => {
  api = await startGitHubApiDouble();
  api.state.addRepository("acme", "shop");
});
afterEach(() => api.close());

const adapter = (sleeps: number[] = []) =>
  new GateGitHub(addRetries(getOctokit("ghs_t", { baseUrl: api.url }), { sleep: async (ms) => void sleeps.push(ms) }), {
    owner: "acme",
    repo: "shop",
  });

describe("commit status", () => {
  it("sets migrate-guard/soak in GitHub's documented shapes, clipping the description to 140 characters", async () => {
    await adapter().setCommitStatus(SHA, "pending", `${"x".repeat(200)}`, "https://github.com/acme/shop/actions/runs/1");
    const sent = api.requests.find((r) => r.method === "POST")!;
    expect(sent.path).toBe(`/repos/acme/shop/statuses/${SHA}`);
    expect(shapeProblems(sent.body, operationSchema(STATUSES, "post", "request"), "$", true)).toEqual([]);
    expect((sent.body as { description: string }).description).toHaveLength(140);
    expect(documentedStatuses(STATUSES, "post")).toContain(String(sent.status));
    expect(commitStatusesOf(api.state)).toEqual([expect.objectContaining({ sha: SHA, state: "pending", context: "migrate-guard/soak" })]);

    const listed = await fetch(`${api.url}/repos/acme/shop/commits/${SHA}/statuses`, { headers: { authorization: "token ghs_t" } });
    const body = (await listed.json()) as unknown[];
    expect(shapeProblems(body, operationSchema(LIST, "get", "200"))).toEqual([]);
    const created = await fetch(`${api.url}/repos/acme/shop/statuses/${SHA}`, {
      method: "POST",
      headers: { authorization: "token ghs_t" },
      body: JSON.stringify({ state: "success" }),
    });
    expect(created.status).toBe(201);
    expect(shapeProblems(await created.json(), operationSchema(STATUSES, "post", "201"))).toEqual([]);
  });

  it("rejects what GitHub rejects: an unknown state, a long description, a short SHA", async () => {
    const post = (path: string, body: object) =>
      fetch(`${api.url}${path}`, { method: "POST", headers: { authorization: "token ghs_t" }, body: JSON.stringify(body) }).then(
        (r) => r.status,
      );
    expect(await post(`/repos/acme/shop/statuses/${SHA}`, { state: "waiting" })).toBe(422);
    expect(await post(`/repos/acme/shop/statuses/${SHA}`, { state: "success", description: "y".repeat(141) })).toBe(422);
    expect(await post("/repos/acme/shop/statuses/abc123", { state: "success" })).toBe(422);
  });
});

describe("deployments", () => {
  it("lists with environment and task filters, 100 a page, and keeps GitHub's clock from the Date header", async () => {
    const gh = adapter();
    expect(await gh.listDeployments("staging", "deploy:migrations")).toEqual([]);
    expect(api.requests[0]!.query).toEqual({ environment: "staging", task: "deploy:migrations", per_page: "100" });
    expect(Math.abs(gh.githubNow!.getTime() - Date.now())).toBeLessThan(5000);
  });

  it("a 5xx is retried at most three times, then explained", async () => {
    const sleeps: number[] = [];
    api.state.faults.push({ method: "GET", path: "/repos/acme/shop/deployments", status: 503, times: Infinity });
    await expect(adapter(sleeps).listDeployments("staging", "deploy")).rejects.toThrow(
      /GitHub failed to list the deployments of environment "staging" \(task deploy\) \(503: .*\), also after retries/,
    );
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(api.requests).toHaveLength(4);
  });
});

it("retry delays: Retry-After, x-ratelimit-reset, backoff, and no retry for other 4xx", () => {
  const opts = { baseDelayMs: 1000, now: () => 1_700_000_000_000 };
  expect(retryDelay({ status: 502 }, 2, opts)).toBe(4000);
  expect(retryDelay({ status: 429, response: { headers: { "retry-after": "3" } } }, 0, opts)).toBe(3000);
  expect(
    retryDelay({ status: 403, response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000030" } } }, 0, opts),
  ).toBe(31_000);
  expect(retryDelay({ status: 403, message: "Resource not accessible by integration" }, 0, opts)).toBeUndefined();
  expect(retryDelay({ status: 404 }, 0, opts)).toBeUndefined();
});
