// GitHub Deployments as the audit trail: src/github/deployments.ts through the real octokit against the
// API double, and the double itself held to GitHub's OpenAPI description (responses and the requests
// our code sends) and to the behaviours a careless caller would trip over.
import { getOctokit } from "@actions/github";
import { GitHubDeployments, clipDescription } from "../../src/github/deployments.js";
import { deploymentsOf, startGitHubApiDouble, statusesOf, type GitHubApiDouble } from "../support/github-api-double.js";
import { documentedStatuses, operationSchema, shapeProblems } from "./openapi-shape.js";

const DEPLOYMENTS = "/repos/{owner}/{repo}/deployments";
const DEPLOYMENT = "/repos/{owner}/{repo}/deployments/{deployment_id}";
const STATUSES = "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses";
const SHA = "89abcdef0123456789abcdef0123456789abcdef";

let api: GitHubApiDouble;
beforeEach(async () => {
  api = await startGitHubApiDouble();
  api.state.addRepository("acme", "shop");
});
afterEach(() => api.close());

async function call(method: string, path: string, body?: unknown, token = "ghs_test") {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

function audit(token = "ghs_test") {
  return new GitHubDeployments(getOctokit(token, { baseUrl: api.url }), {
    owner: "acme",
    repo: "shop",
    ref: SHA,
    logUrl: "https://github.com/acme/shop/actions/runs/7",
    serverUrl: "https://github.com",
  });
}

const request = {
  environment: "staging",
  production: false,
  task: "deploy:migrations",
  description: "migrate-guard deploy: 2 pending migration(s)",
  payload: { migrations: [{ name: "a", checksum: "0".repeat(64) }], actor: "octocat" },
};

describe("GitHubDeployments", () => {
  it("creates the deployment and its in_progress → success statuses, every exchange in GitHub's documented shapes", async () => {
    const record = await audit().start(request);
    await record.finish("success", '2 migrations applied to "staging"');
    expect(record.url).toBe("https://github.com/acme/shop/deployments/staging");

    const stored = deploymentsOf(api.state).deployments;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: record.id,
      ref: SHA,
      sha: SHA,
      task: "deploy:migrations",
      environment: "staging",
      production: false,
      payload: request.payload,
    });
    expect(statusesOf(api.state, record.id).map((s) => [s.state, s.logUrl, s.environment])).toEqual([
      ["in_progress", "https://github.com/acme/shop/actions/runs/7", "staging"],
      ["success", "https://github.com/acme/shop/actions/runs/7", "staging"],
    ]);

    // What our code sent is what GitHub documents (no property it does not know)…
    const sent = api.requests.filter((r) => r.method === "POST");
    expect(sent.map((r) => r.path)).toEqual([
      "/repos/acme/shop/deployments",
      `/repos/acme/shop/deployments/${record.id}/statuses`,
      `/repos/acme/shop/deployments/${record.id}/statuses`,
    ]);
    expect(shapeProblems(sent[0]!.body, operationSchema(DEPLOYMENTS, "post", "request"), "$", true)).toEqual([]);
    expect(sent[0]!.body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
      production_environment: false,
      transient_environment: false,
    });
    for (const s of sent.slice(1)) expect(shapeProblems(s.body, operationSchema(STATUSES, "post", "request"), "$", true)).toEqual([]);
    // …and what the double answered is what GitHub answers.
    for (const [i, r] of sent.entries()) expect(documentedStatuses(i === 0 ? DEPLOYMENTS : STATUSES, "post")).toContain(String(r.status));
    const created = await call("GET", `/repos/acme/shop/deployments/${record.id}`);
    expect(shapeProblems(created.json, operationSchema(DEPLOYMENT, "get", "200"))).toEqual([]);
    const list = await call("GET", "/repos/acme/shop/deployments?environment=staging&task=deploy:migrations");
    expect(shapeProblems(list.json, operationSchema(DEPLOYMENTS, "get", "200"))).toEqual([]);
    expect((list.json as unknown as unknown[]).length).toBe(1);
    const statuses = await call("GET", `/repos/acme/shop/deployments/${record.id}/statuses`);
    expect(shapeProblems(statuses.json, operationSchema(STATUSES, "get", "200"))).toEqual([]);
    expect((statuses.json as unknown as { state: string }[]).map((s) => s.state)).toEqual(["success", "in_progress"]);
  });

  it("the checker finds a shape GitHub would not send", () => {
    const schema = operationSchema(DEPLOYMENT, "get", "200");
    const problems = shapeProblems({ id: "1" }, schema);
    expect(problems).toContain("$.id is not an integer");
    expect(problems).toContain("$.sha is missing");
    expect(shapeProblems({ ref: "x", colour: "red" }, operationSchema(DEPLOYMENTS, "post", "request"), "$", true)).toEqual([
      "$.colour is not a documented property",
    ]);
  });

  it("clips status descriptions to GitHub's 140 characters, which the double enforces", async () => {
    const record = await audit().start(request);
    const long = "x".repeat(300);
    await record.finish("failure", long);
    expect(statusesOf(api.state, record.id).at(-1)!.description).toBe(clipDescription(long));
    expect(clipDescription(long)).toHaveLength(140);
    const raw = await call("POST", `/repos/acme/shop/deployments/${record.id}/statuses`, { state: "failure", description: long });
    expect(raw.status).toBe(422);
    expect(shapeProblems(raw.json, { $ref: "#/components/schemas/basic-error" })).toEqual([]);
  });

  it("says which permission is missing when the token may not write deployments", async () => {
    api.state.tokens.set("ghs_read_only", { actor: { login: "github-actions[bot]", id: 41898282, type: "Bot" }, permission: "read" });
    await expect(audit("ghs_read_only").start(request)).rejects.toThrow(
      /GitHub refused to create a deployment for environment "staging" \(403: Resource not accessible by integration.*`permissions: deployments: write`/,
    );
    expect(deploymentsOf(api.state).deployments).toHaveLength(0);
  });
});

describe("the deployments double behaves like GitHub", () => {
  it("defaults the environment to production, and checks commit statuses unless required_contexts is given", async () => {
    const refused = await call("POST", "/repos/acme/shop/deployments", { ref: SHA });
    expect(refused.status).toBe(409);
    expect(documentedStatuses(DEPLOYMENTS, "post")).toContain("409");
    const created = await call("POST", "/repos/acme/shop/deployments", { ref: SHA, required_contexts: [] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      environment: "production",
      production_environment: true,
      task: "deploy",
      transient_environment: false,
    });
  });

  it("auto-merges a branch ref unless told not to (202), and validates what it stores", async () => {
    const merged = await call("POST", "/repos/acme/shop/deployments", { ref: "feature", required_contexts: [] });
    expect(merged.status).toBe(202);
    expect(shapeProblems(merged.json, operationSchema(DEPLOYMENTS, "post", "202"))).toEqual([]);
    expect((await call("POST", "/repos/acme/shop/deployments", { ref: "feature", required_contexts: [], auto_merge: false })).status).toBe(
      201,
    );
    expect((await call("POST", "/repos/acme/shop/deployments", { required_contexts: [] })).status).toBe(422);
    expect(
      (await call("POST", "/repos/acme/shop/deployments", { ref: SHA, required_contexts: [], description: "d".repeat(141) })).status,
    ).toBe(422);
    expect((await call("POST", "/repos/acme/nope/deployments", { ref: SHA, required_contexts: [] })).status).toBe(404);
    const id = (await call("POST", "/repos/acme/shop/deployments", { ref: SHA, required_contexts: [], environment: "qa" })).json!
      .id as number;
    expect((await call("POST", `/repos/acme/shop/deployments/${id}/statuses`, { state: "done" })).status).toBe(422);
    expect((await call("POST", `/repos/acme/shop/deployments/999/statuses`, { state: "success" })).status).toBe(404);
  });

  it("marks earlier successful deployments of a non-production environment inactive (auto_inactive)", async () => {
    const first = await audit().start(request);
    await first.finish("success", "ok");
    const second = await audit().start(request);
    await second.finish("success", "ok");
    expect(statusesOf(api.state, first.id).map((s) => s.state)).toEqual(["in_progress", "success", "inactive"]);
    expect(statusesOf(api.state, second.id).map((s) => s.state)).toEqual(["in_progress", "success"]);
  });
});
