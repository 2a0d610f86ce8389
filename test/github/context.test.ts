import { readActionsContext } from "../../src/github/context.js";

const env = {
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_EVENT_PATH: "/runner/event.json",
  GITHUB_SHA: "mergesha",
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_API_URL: "https://api.github.com",
  GITHUB_RUN_ID: "123456",
  GITHUB_RUN_ATTEMPT: "1",
};

const pullRequestPayload = {
  number: 7,
  pull_request: {
    number: 7,
    base: { sha: "basesha", ref: "main", repo: { full_name: "acme/shop" } },
    head: { sha: "headsha", ref: "feature", repo: { full_name: "someone/shop" } },
  },
};

const files = (contents: Record<string, string>) => (path: string) => {
  const text = contents[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
  return text;
};

describe("readActionsContext", () => {
  it("reads repository, pull request and run URL", () => {
    const context = readActionsContext(env, files({ "/runner/event.json": JSON.stringify(pullRequestPayload) }));
    expect(context).toEqual({
      repository: { owner: "acme", repo: "shop", fullName: "acme/shop" },
      eventName: "pull_request",
      sha: "mergesha",
      serverUrl: "https://github.com",
      apiUrl: "https://api.github.com",
      runId: "123456",
      runUrl: "https://github.com/acme/shop/actions/runs/123456",
      pullRequest: { number: 7, baseSha: "basesha", headSha: "headsha", baseRef: "main", headRef: "feature", fromFork: true },
    });
  });

  it("links the run attempt when it is a re-run", () => {
    expect(readActionsContext({ ...env, GITHUB_EVENT_PATH: undefined, GITHUB_RUN_ATTEMPT: "3" }).runUrl).toBe(
      "https://github.com/acme/shop/actions/runs/123456/attempts/3",
    );
  });

  it("gives undefined parts outside Actions", () => {
    expect(readActionsContext({}, () => "{}")).toEqual({});
  });

  it("has no pull request for a push event", () => {
    const context = readActionsContext(
      { ...env, GITHUB_EVENT_NAME: "push" },
      files({ "/runner/event.json": JSON.stringify({ ref: "refs/heads/main" }) }),
    );
    expect(context.pullRequest).toBeUndefined();
    expect(context.eventPayloadError).toBeUndefined();
  });

  it("takes the number from an issue_comment on a pull request", () => {
    const payload = { issue: { number: 9, pull_request: { url: "https://api.github.com/repos/acme/shop/pulls/9" } } };
    expect(readActionsContext(env, files({ "/runner/event.json": JSON.stringify(payload) })).pullRequest).toEqual({ number: 9 });
  });

  it("reports an unreadable or invalid payload instead of throwing", () => {
    expect(readActionsContext(env, files({})).eventPayloadError).toMatch(/cannot read the event payload at \/runner\/event.json: ENOENT/);
    const invalid = readActionsContext(env, files({ "/runner/event.json": "{not json" }));
    expect(invalid.pullRequest).toBeUndefined();
    expect(invalid.eventPayloadError).toMatch(/cannot read the event payload/);
  });

  it("ignores a malformed repository and leaves the run URL out", () => {
    const context = readActionsContext({ ...env, GITHUB_REPOSITORY: "not-a-repo", GITHUB_EVENT_PATH: "" });
    expect(context.repository).toBeUndefined();
    expect(context.runUrl).toBeUndefined();
  });

  it("reads a real file by default", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "mg-event-")), "event.json");
    writeFileSync(path, JSON.stringify(pullRequestPayload));
    expect(readActionsContext({ GITHUB_EVENT_PATH: path }).pullRequest?.number).toBe(7);
  });
});
