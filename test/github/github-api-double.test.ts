// The double itself, over plain fetch: the GitHub behaviours other tests rely on.
import { GITHUB_ACTIONS_BOT, startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";

let api: GitHubApiDouble;
const auth = { authorization: "token ghs_test" };

beforeEach(async () => {
  api = await startGitHubApiDouble();
  api.state.addPullRequest("acme", "shop", 7);
});

afterEach(async () => {
  await api.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe("GitHub API double", () => {
  it("listens on 127.0.0.1 with a random port", () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers 401 without an authorization header", async () => {
    const res = await call("GET", "/repos/acme/shop/issues/7/comments", undefined, {});
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      message: "Requires authentication",
      documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com/),
    });
  });

  it("answers 404 with GitHub's JSON for unknown routes, repositories and issues", async () => {
    for (const path of [
      "/nope",
      "/repos/acme/other/issues/7/comments",
      "/repos/acme/shop/issues/8/comments",
      "/repos/acme/shop/issues/comments/1",
    ]) {
      const res = await call("GET", path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.json).toEqual({ message: "Not Found", documentation_url: expect.any(String), status: "404" });
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
  });

  it("creates a comment with 201, a Location header and GitHub's comment shape", async () => {
    const res = await call("POST", "/repos/acme/shop/issues/7/comments", { body: "hello" });
    expect(res.status).toBe(201);
    const id = res.json!.id as number;
    expect(res.headers.get("location")).toBe(`${api.url}/repos/acme/shop/issues/comments/${id}`);
    expect(res.json).toEqual(
      expect.objectContaining({
        id,
        node_id: expect.stringMatching(/^IC_/),
        url: `${api.url}/repos/acme/shop/issues/comments/${id}`,
        html_url: `https://github.com/acme/shop/pull/7#issuecomment-${id}`,
        body: "hello",
        user: expect.objectContaining({ login: GITHUB_ACTIONS_BOT.login, id: GITHUB_ACTIONS_BOT.id, type: "Bot" }),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        author_association: "NONE",
      }),
    );
    const fetched = await call("GET", `/repos/acme/shop/issues/comments/${id}`);
    expect(fetched.json).toEqual(res.json);
  });

  it("updates a comment with PATCH, moving updated_at but not created_at", async () => {
    const created = (await call("POST", "/repos/acme/shop/issues/7/comments", { body: "v1" })).json!;
    const updated = await call("PATCH", `/repos/acme/shop/issues/comments/${created.id}`, { body: "v2" });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: created.id, body: "v2", created_at: created.created_at });
    expect(updated.json!.updated_at).not.toBe(created.updated_at);
    expect((await call("PATCH", "/repos/acme/shop/issues/comments/42", { body: "x" })).status).toBe(404);
  });

  it("paginates with per_page/page and Link rel=next/last/prev/first", async () => {
    for (let i = 0; i < 75; i++) api.state.addComment("acme", "shop", 7, { body: `c${i}` });
    const first = await call("GET", "/repos/acme/shop/issues/7/comments");
    expect((first.json as unknown as unknown[]).length).toBe(30);
    const base = `${api.url}/repos/acme/shop/issues/7/comments`;
    expect(first.headers.get("link")).toBe(`<${base}?page=2>; rel="next", <${base}?page=3>; rel="last"`);

    const middle = await call("GET", "/repos/acme/shop/issues/7/comments?per_page=25&page=2");
    expect((middle.json as unknown as { body: string }[]).map((c) => c.body)[0]).toBe("c25");
    expect(middle.headers.get("link")).toBe(
      [
        `<${base}?per_page=25&page=1>; rel="prev"`,
        `<${base}?per_page=25&page=3>; rel="next"`,
        `<${base}?per_page=25&page=3>; rel="last"`,
        `<${base}?per_page=25&page=1>; rel="first"`,
      ].join(", "),
    );

    const capped = await call("GET", "/repos/acme/shop/issues/7/comments?per_page=500");
    expect((capped.json as unknown as unknown[]).length).toBe(75);
    expect(capped.headers.get("link")).toBeNull();
  });

  it("validates bodies like GitHub: bad JSON 400, missing body 422, over-long body 422", async () => {
    expect((await call("POST", "/repos/acme/shop/issues/7/comments", "{nope")).status).toBe(400);
    const missing = await call("POST", "/repos/acme/shop/issues/7/comments", {});
    expect(missing.status).toBe(422);
    expect(missing.json!.message).toContain('"body" wasn\'t supplied');
    // 65,536 code points are fine even when they are 131,072 UTF-16 units.
    expect((await call("POST", "/repos/acme/shop/issues/7/comments", { body: "😀".repeat(65_536) })).status).toBe(201);
    const tooLong = await call("POST", "/repos/acme/shop/issues/7/comments", { body: "x".repeat(65_537) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }],
    });
  });

  it("answers 403 to writes with a read-only token and 401 to a revoked one", async () => {
    api.state.tokens.set("ro", { actor: GITHUB_ACTIONS_BOT, permission: "read" });
    api.state.tokens.set("revoked", { actor: GITHUB_ACTIONS_BOT, permission: "none" });
    expect((await call("GET", "/repos/acme/shop/issues/7/comments", undefined, { authorization: "token ro" })).status).toBe(200);
    const write = await call("POST", "/repos/acme/shop/issues/7/comments", { body: "x" }, { authorization: "Bearer ro" });
    expect(write.status).toBe(403);
    expect(write.json!.message).toBe("Resource not accessible by integration");
    expect((await call("GET", "/repos/acme/shop/issues/7/comments", undefined, { authorization: "token revoked" })).json!.message).toBe(
      "Bad credentials",
    );
  });

  it("injects faults a given number of times", async () => {
    api.state.faults.push({ path: /\/comments$/, status: 502, message: "Server Error", times: 2 });
    expect((await call("GET", "/repos/acme/shop/issues/7/comments")).status).toBe(502);
    expect((await call("GET", "/repos/acme/shop/issues/7/comments")).status).toBe(502);
    expect((await call("GET", "/repos/acme/shop/issues/7/comments")).status).toBe(200);
  });

  it("records every request and accepts new routes", async () => {
    api.route({
      method: "POST",
      path: "/repos/:owner/:repo/statuses/:sha",
      handler: (ctx) => ({ status: 201, body: { state: (ctx.body as { state: string }).state, sha: ctx.params.sha } }),
    });
    const res = await call("POST", "/repos/acme/shop/statuses/abc123", { state: "success" });
    expect(res).toMatchObject({ status: 201, json: { state: "success", sha: "abc123" } });
    expect(api.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/repos/acme/shop/statuses/abc123", body: { state: "success" }, status: 201 }),
    ]);
  });
});
