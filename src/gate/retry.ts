// Bounded retries for GitHub requests. @octokit/plugin-retry is not part of @actions/github (and does not
// read Retry-After), so this is a small request hook: 5xx, 429 and rate-limited 403 answers are retried
// at most `retries` times, waiting what GitHub asks for (Retry-After, else x-ratelimit-reset) or an
// exponential backoff for 5xx; a wait longer than `maxDelayMs` is not waited for — the error goes up.
import type { GitHubClient } from "../github/deployments.js";

export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Wall clock for x-ratelimit-reset (epoch seconds). */
  now: () => number;
  onRetry?: (message: string) => void;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

type Headers = Record<string, string | number | undefined>;
interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Headers };
}

export function isRateLimited(error: HttpError): boolean {
  const h = error.response?.headers ?? {};
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  return String(h["x-ratelimit-remaining"]) === "0" || h["retry-after"] !== undefined || /rate limit/i.test(error.message ?? "");
}

/** How long to wait before retrying `error` (attempt 0 is the first retry), or undefined: do not retry. */
export function retryDelay(error: HttpError, attempt: number, options: Pick<RetryOptions, "baseDelayMs" | "now">): number | undefined {
  const status = error.status ?? 0;
  const h = error.response?.headers ?? {};
  const limited = isRateLimited(error);
  if (!limited && status < 500) return undefined;
  const retryAfter = Number(h["retry-after"]);
  if (h["retry-after"] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  const reset = Number(h["x-ratelimit-reset"]);
  if (limited && h["x-ratelimit-reset"] !== undefined && Number.isFinite(reset)) return Math.max(0, reset * 1000 - options.now()) + 1000;
  return options.baseDelayMs * 2 ** attempt;
}

/** Adds the bounded retries to an octokit instance (every request it makes). */
export function addRetries(octokit: GitHubClient, overrides: Partial<RetryOptions> = {}): GitHubClient {
  const options = { ...DEFAULT_RETRY, ...overrides };
  octokit.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const delay = attempt < options.retries ? retryDelay(error as HttpError, attempt, options) : undefined;
        if (delay === undefined || delay > options.maxDelayMs) throw error;
        options.onRetry?.(
          `GitHub answered ${(error as HttpError).status} to ${requestOptions.method} ${requestOptions.url}; retry ${attempt + 1} of ${options.retries} in ${Math.round(delay / 100) / 10} s.`,
        );
        await options.sleep(delay);
      }
    }
  });
  return octokit;
}

/** A retrying octokit, loaded lazily (it is a large part of the bundle's start-up). */
export async function gateOctokit(token: string, apiUrl: string | undefined, overrides: Partial<RetryOptions> = {}): Promise<GitHubClient> {
  const { getOctokit } = await import("@actions/github");
  return addRetries(getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {}), overrides);
}
