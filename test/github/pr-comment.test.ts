// upsertPullRequestComment against the GitHub API double through the real octokit from @actions/github.
import { getOctokit } from "@actions/github";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { upsertPullRequestComment, type GitHubClient } from "../../src/github/pr-comment.js";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "../../src/report/markdown.js";
import { GITHUB_ACTIONS_BOT, startGitHubApiDouble, type GitHubApiDouble } from "../support/github-api-double.js";
import { aHugeReport } from "../support/report-builders.js";

const OCTOCAT = { login: "octocat", id: 583231, type: "User" as const };
const PR = { owner: "acme", repo: "shop", issueNumber: 7 };
const TAG = "<!-- migrate-guard:verify -->";

let api: GitHubApiDouble;
let octokit: GitHubClient;

beforeEach(async () => {
  api = await startGitHubApiDouble();
  api.state.addPullRequest("acme", "shop", 7);
  octokit = getOctokit("ghs_test_token", { baseUrl: api.url });
});

afterEach(async () => {
  await api.close();
});

const writes = () => api.requests.filter((r) => r.method !== "GET");
const upsert = (body: string, extra: { marker?: string; logger?: RecordingLogger } = {}) =>
  upsertPullRequestComment(octokit, { ...PR, body, marker: extra.marker ?? "verify", ...(extra.logger ? { logger: extra.logger } : {}) });

describe("upsertPullRequestComment", () => {
  it("creates the comment on the first run and updates the same one on the next", async () => {
    const first = await upsert("report one");
    expect(first).toEqual({ id: expect.any(Number), action: "created" });
    const second = await upsert("report two");
    expect(second).toEqual({ id: (first as { id: number }).id, action: "updated" });

    const comments = api.state.commentsOn("acme", "shop", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${TAG}\nreport two`);
    expect(comments[0]!.user).toEqual(GITHUB_ACTIONS_BOT);
    expect(writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /repos/acme/shop/issues/7/comments 201",
      `PATCH /repos/acme/shop/issues/comments/${comments[0]!.id} 200`,
    ]);
    // The real client authenticated, as GitHub requires.
    expect(api.requests[0]!.headers.authorization).toBe("token ghs_test_token");
  });

  it("finds the marker comment on page 3 of 250 comments", async () => {
    let target = 0;
    for (let i = 0; i < 250; i++) {
      const isTarget = i === 230;
      const comment = api.state.addComment("acme", "shop", 7, {
        body: isTarget ? `${TAG}\nold report` : `comment ${i} mentioning migrate-guard`,
        user: isTarget ? GITHUB_ACTIONS_BOT : OCTOCAT,
      });
      if (isTarget) target = comment.id;
    }
    const result = await upsert("new report");
    expect(result).toEqual({ id: target, action: "updated" });
    const listed = api.requests.filter((r) => r.method === "GET");
    expect(listed.map((r) => r.query)).toEqual([{ per_page: "100" }, { per_page: "100", page: "2" }, { per_page: "100", page: "3" }]);
    expect(api.state.comments.get(target)!.body).toBe(`${TAG}\nnew report`);
    expect(api.state.commentsOn("acme", "shop", 7)).toHaveLength(250);
  });

  it("makes no PATCH when the body is unchanged", async () => {
    const first = await upsert("same report");
    const second = await upsert("same report");
    expect(second).toEqual({ id: (first as { id: number }).id, action: "unchanged" });
    expect(writes().map((r) => r.method)).toEqual(["POST"]);
  });

  it("updates the newest of several marker comments and leaves the others alone", async () => {
    const older = api.state.addComment("acme", "shop", 7, { body: `${TAG}\nolder` });
    api.state.addComment("acme", "shop", 7, { body: "unrelated", user: OCTOCAT });
    const newer = api.state.addComment("acme", "shop", 7, { body: `${TAG}\nnewer` });
    expect(await upsert("latest")).toEqual({ id: newer.id, action: "updated" });
    expect(api.state.comments.get(older.id)!.body).toBe(`${TAG}\nolder`);
    expect(api.state.comments.get(newer.id)!.body).toBe(`${TAG}\nlatest`);
  });

  it("never edits a person's comment that quotes the marker, and prefers the bot's comment over one a person started with it", async () => {
    const quoting = api.state.addComment("acme", "shop", 7, { body: `Why does ${TAG} show up here?`, user: OCTOCAT });
    const bots = api.state.addComment("acme", "shop", 7, { body: `${TAG}\nold report`, user: GITHUB_ACTIONS_BOT });
    const copied = api.state.addComment("acme", "shop", 7, { body: `${TAG}\ncopied by hand`, user: OCTOCAT });
    expect(await upsert("new report")).toEqual({ id: bots.id, action: "updated" });
    expect(api.state.comments.get(quoting.id)!.body).toBe(`Why does ${TAG} show up here?`);
    expect(api.state.comments.get(copied.id)!.body).toBe(`${TAG}\ncopied by hand`);
  });

  it("creates its own comment when the only mention of the marker is inside a person's comment", async () => {
    const quoting = api.state.addComment("acme", "shop", 7, { body: `> ${TAG}\n> old report\nlooks wrong`, user: OCTOCAT });
    const result = await upsert("report");
    expect(result).toEqual({ id: expect.any(Number), action: "created" });
    expect((result as { id: number }).id).not.toBe(quoting.id);
    expect(api.state.comments.get(quoting.id)!.body).toBe(`> ${TAG}\n> old report\nlooks wrong`);
  });

  it("keeps comments with different markers apart", async () => {
    await upsert("postgres 15", { marker: "verify/pg15" });
    await upsert("postgres 16", { marker: "verify/pg16" });
    const bodies = api.state.commentsOn("acme", "shop", 7).map((c) => c.body);
    expect(bodies).toEqual(["<!-- migrate-guard:verify/pg15 -->\npostgres 15", "<!-- migrate-guard:verify/pg16 -->\npostgres 16"]);
  });

  it("turns a 403 from a read-only (fork) token into a skipped comment and a warning", async () => {
    api.state.tokens.set("ghs_fork", { actor: GITHUB_ACTIONS_BOT, permission: "read" });
    octokit = getOctokit("ghs_fork", { baseUrl: api.url });
    const logger = new RecordingLogger();
    const result = await upsert("report", { logger });
    expect(result).toEqual({ action: "skipped", reason: expect.stringContaining("403 (Resource not accessible by integration)") });
    expect((result as { reason: string }).reason).toContain("creating a comment on acme/shop#7");
    expect(logger.lines).toEqual([{ level: "warning", message: (result as { reason: string }).reason }]);
    expect(api.state.commentsOn("acme", "shop", 7)).toEqual([]);
  });

  it("turns a 404 (no such pull request or no access) into a skipped comment", async () => {
    const logger = new RecordingLogger();
    const result = await upsertPullRequestComment(octokit, { ...PR, issueNumber: 999, body: "x", marker: "verify", logger });
    expect(result).toMatchObject({
      action: "skipped",
      reason: expect.stringContaining("404 (Not Found) when listing the comments of acme/shop#999"),
    });
  });

  it("still fails on other errors, e.g. a bad token", async () => {
    api.state.tokens.set("revoked", { actor: GITHUB_ACTIONS_BOT, permission: "none" });
    octokit = getOctokit("revoked", { baseUrl: api.url });
    await expect(upsert("report")).rejects.toMatchObject({ status: 401 });
  });

  it("creates a new comment when the marker comment vanished before the update", async () => {
    const gone = api.state.addComment("acme", "shop", 7, { body: `${TAG}\nold` });
    api.state.faults.push({ method: "PATCH", path: `/repos/acme/shop/issues/comments/${gone.id}`, status: 404, message: "Not Found" });
    const result = await upsert("new");
    expect(result).toMatchObject({ action: "created" });
    expect(writes().map((r) => `${r.method} ${r.status}`)).toEqual(["PATCH 404", "POST 201"]);
  });

  it("rejects a marker that would break out of the HTML comment", async () => {
    await expect(upsert("x", { marker: "a-->b" })).rejects.toBeInstanceOf(ConfigurationError);
    expect(api.requests).toEqual([]);
  });

  it("posts a huge report within GitHub's limit because the renderer keeps it short", async () => {
    const body = renderMarkdown(aHugeReport(), { runUrl: "https://github.com/acme/shop/actions/runs/1" });
    const result = await upsert(body);
    expect(result).toMatchObject({ action: "created" });
    const post = writes()[0]!;
    expect(post.status).toBe(201);
    expect((post.body as { body: string }).body).toBe(`${TAG}\n${body}`);
    expect([...(post.body as { body: string }).body].length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });

  it("proves the double enforces the limit: an unrendered 70,000-character body gets GitHub's 422", async () => {
    const error = await octokit.rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: 7, body: "x".repeat(70_000) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      status: 422,
      response: {
        data: {
          message: "Validation Failed",
          errors: [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }],
        },
      },
    });
  });
});
