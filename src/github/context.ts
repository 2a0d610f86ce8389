// What verify needs from the Actions environment. Unlike @actions/github's `context` (read once at
// import time from process.env) this is a pure function of its inputs, so tests pass plain objects.
import { readFileSync } from "node:fs";

export type Env = Readonly<Record<string, string | undefined>>;

export interface PullRequestContext {
  number: number;
  baseSha?: string;
  headSha?: string;
  baseRef?: string;
  headRef?: string;
  /**
   * The head branch lives in another repository: the token is then read-only, so commenting will
   * be skipped. Undefined when the payload does not say.
   */
  fromFork?: boolean;
}

export interface ActionsContext {
  repository?: { owner: string; repo: string; fullName: string };
  eventName?: string;
  /** The commit the workflow runs on (for pull_request: the merge commit, not the head). */
  sha?: string;
  pullRequest?: PullRequestContext;
  serverUrl?: string;
  apiUrl?: string;
  runId?: string;
  runUrl?: string;
  /** Why the event payload could not be used, when GITHUB_EVENT_PATH was set but unreadable. */
  eventPayloadError?: string;
}

export function readActionsContext(
  env: Env = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): ActionsContext {
  const context: ActionsContext = {};
  const repository = parseRepository(env.GITHUB_REPOSITORY);
  if (repository) context.repository = repository;
  assign(context, "eventName", nonEmpty(env.GITHUB_EVENT_NAME));
  assign(context, "sha", nonEmpty(env.GITHUB_SHA));
  const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, "");
  assign(context, "serverUrl", serverUrl);
  assign(context, "apiUrl", nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ""));
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  assign(context, "runId", runId);
  if (serverUrl && repository && runId) {
    const attempt = Number(env.GITHUB_RUN_ATTEMPT);
    // Link the attempt that produced this report, not whichever attempt is latest when clicked.
    const attemptPath = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : "";
    context.runUrl = `${serverUrl}/${repository.fullName}/actions/runs/${runId}${attemptPath}`;
  }

  const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
  if (eventPath) {
    let payload: unknown;
    try {
      payload = JSON.parse(readFile(eventPath));
    } catch (error) {
      context.eventPayloadError = `cannot read the event payload at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`;
    }
    const pullRequest = payload === undefined ? undefined : pullRequestOf(payload);
    if (pullRequest) context.pullRequest = pullRequest;
  }
  return context;
}

function pullRequestOf(payload: unknown): PullRequestContext | undefined {
  if (!isObject(payload)) return undefined;
  const pr = payload.pull_request;
  if (isObject(pr) && isPositiveInteger(pr.number)) {
    const base = isObject(pr.base) ? pr.base : {};
    const head = isObject(pr.head) ? pr.head : {};
    const result: PullRequestContext = { number: pr.number };
    assign(result, "baseSha", stringOrUndefined(base.sha));
    assign(result, "headSha", stringOrUndefined(head.sha));
    assign(result, "baseRef", stringOrUndefined(base.ref));
    assign(result, "headRef", stringOrUndefined(head.ref));
    const baseRepo = isObject(base.repo) ? stringOrUndefined(base.repo.full_name) : undefined;
    const headRepo = isObject(head.repo) ? stringOrUndefined(head.repo.full_name) : undefined;
    if (baseRepo && headRepo) result.fromFork = baseRepo.toLowerCase() !== headRepo.toLowerCase();
    return result;
  }
  // issue_comment on a pull request: only the number is in the payload.
  const issue = payload.issue;
  if (isObject(issue) && isObject(issue.pull_request) && isPositiveInteger(issue.number)) return { number: issue.number };
  return undefined;
}

function parseRepository(value: string | undefined): ActionsContext["repository"] {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? "");
  if (!match) return undefined;
  return { owner: match[1]!, repo: match[2]!, fullName: `${match[1]}/${match[2]}` };
}

// Leave the key out rather than set it to undefined, so the object serialises and compares cleanly.
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
