// The revert migration as a pull request: one commit holding the new folder (and the reverted schema
// file(s), when the schema was reverted), made on top of the
// checked-out commit without touching the working tree, HEAD or the index (a temporary index file),
// pushed to a new branch, and a pull request opened for it through the GitHub API.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ConfigurationError, redact } from "../core/errors.js";
import { explainGitHubError, type GitHubClient } from "../github/deployments.js";

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, secrets: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: "0" }, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(
            redact(`git ${args.filter((a) => !a.startsWith("http.")).join(" ")} failed: ${stderr.trim() || error.message}`, secrets),
          ),
        );
      else resolve(stdout.trim());
    });
  });
}

export interface PushOptions {
  repoRoot: string;
  /** Absolute paths to commit: the new migration folder, and the schema file(s) when reverted. */
  paths: string[];
  branch: string;
  message: string;
  remote?: string;
  /** For an https remote: sent as the Basic credentials GitHub expects (x-access-token). */
  token?: string;
}

interface Remote {
  name: string;
  /** Git configuration for the token, passed in the environment (not on the command line, where `ps` shows it). */
  env: Record<string, string>;
  secrets: string[];
}

async function remoteOf(options: Pick<PushOptions, "repoRoot" | "remote" | "token">): Promise<Remote> {
  const name = options.remote ?? "origin";
  const secrets = options.token ? [options.token, Buffer.from(`x-access-token:${options.token}`).toString("base64")] : [];
  const url = await git(options.repoRoot, ["remote", "get-url", name]).catch(() => {
    throw new ConfigurationError(`The checkout has no git remote "${name}" to push the revert branch to.`);
  });
  return { name, env: options.token && /^https?:/i.test(url) ? tokenConfig(url, secrets[1]!) : {}, secrets };
}

/**
 * The token as the remote's Authorization header. actions/checkout saves its own token under
 * `http.<origin>/.extraheader`; a URL-scoped key wins over an unscoped one, so the header is set on
 * the same key, after an empty value that clears the saved one (two Authorization headers are a 400).
 */
function tokenConfig(url: string, basic: string): Record<string, string> {
  const key = `http.${new URL(url).origin}/.extraheader`;
  return {
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: "",
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`,
  };
}

/** Refuses a branch name that already exists on the remote (checked before anything is written). */
export async function assertBranchFree(options: Pick<PushOptions, "repoRoot" | "remote" | "token" | "branch">): Promise<void> {
  const remote = await remoteOf(options);
  const existing = await git(
    options.repoRoot,
    ["ls-remote", "--heads", remote.name, `refs/heads/${options.branch}`],
    remote.env,
    remote.secrets,
  );
  if (existing)
    throw new ConfigurationError(
      `Branch "${options.branch}" already exists on ${remote.name}: delete it (or merge its pull request), or set the \`branch\` input to another name.`,
    );
}

/** Commits `paths` on top of HEAD and pushes it as a new branch; returns the commit. */
export async function pushRevertBranch(options: PushOptions): Promise<string> {
  const remote = await remoteOf(options);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-index-"));
  try {
    const env = {
      GIT_INDEX_FILE: path.join(tmp, "index"),
      GIT_AUTHOR_NAME: "github-actions[bot]",
      GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
      GIT_COMMITTER_NAME: "github-actions[bot]",
      GIT_COMMITTER_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
    };
    await git(options.repoRoot, ["read-tree", "HEAD"], env);
    // -A: a schema file the reversal removed (prismaSchemaFolder) is committed as removed.
    await git(options.repoRoot, ["add", "-A", "--", ...options.paths.map((p) => path.relative(options.repoRoot, p))], env);
    const tree = await git(options.repoRoot, ["write-tree"], env);
    const commit = await git(options.repoRoot, ["commit-tree", tree, "-p", "HEAD", "-m", options.message], env);
    await git(options.repoRoot, ["push", "--quiet", remote.name, `${commit}:refs/heads/${options.branch}`], remote.env, remote.secrets);
    return commit;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export async function openPullRequest(
  octokit: GitHubClient,
  params: { owner: string; repo: string; head: string; base: string; title: string; body: string },
): Promise<{ number: number; url: string }> {
  try {
    const { data } = await octokit.rest.pulls.create({
      owner: params.owner,
      repo: params.repo,
      head: params.head,
      base: params.base,
      title: params.title,
      body: params.body,
    });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    const e = error as { status?: number };
    if (e.status === 403 || e.status === 401) {
      throw new Error(
        `GitHub refused to open the pull request (${e.status}). The job's token needs \`permissions: pull-requests: write\` and \`contents: write\`, and the repository must allow GitHub Actions to create pull requests (Settings → Actions → General).`,
      );
    }
    throw explainGitHubError(error, `open a pull request from ${params.head} into ${params.base}`);
  }
}
