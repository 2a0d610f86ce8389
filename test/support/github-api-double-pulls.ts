// Pull request creation in the GitHub API double, after https://docs.github.com/rest/pulls/pulls#create-a-pull-request
// (API version 2022-11-28), shapes checked against @octokit/openapi in test/rollback/action.test.ts.
// Modelled: `title`, `head` and `base` are required strings; both branches must exist in the repository's
// git repository when the test connects one (`pullsOf(state).gitDirs`), else 422 like GitHub; head equal
// to base is refused; an open pull request for the same head and base is refused ("already exists").
import { execFileSync } from "node:child_process";
import { errorBody, notFound, type Route, type RouteContext, type RouteResponse } from "./github-api-double-http.js";
import { repoKey, type Actor, type GitHubState } from "./github-api-double-state.js";

const DOCS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";

export interface StoredPullRequest {
  id: number;
  number: number;
  repository: string;
  title: string;
  body: string | null;
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  draft: boolean;
  user: Actor;
  createdAt: Date;
}

export interface PullStore {
  pulls: StoredPullRequest[];
  /** owner/repo (lower case) → a git directory holding its branches (a bare repository used as origin). */
  gitDirs: Map<string, string>;
}

const stores = new WeakMap<GitHubState, PullStore>();

export function pullsOf(state: GitHubState): PullStore {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = { pulls: [], gitDirs: new Map() }));
  return store;
}

function branchSha(gitDir: string | undefined, branch: string): string | undefined {
  if (!gitDir) return "0".repeat(40);
  try {
    return execFileSync("git", ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], {
      cwd: gitDir,
      encoding: "utf8",
    }).trim();
  } catch {
    return undefined;
  }
}

const invalid = (field: string, message?: string): RouteResponse =>
  errorBody(422, "Validation Failed", DOCS, {
    errors: [{ resource: "PullRequest", field, code: "invalid", ...(message ? { message } : {}) }],
  });

export const PULL_ROUTES: Route[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/pulls",
    docs: DOCS,
    handler: (ctx) => {
      const repository = ctx.state.repository(ctx.params.owner!, ctx.params.repo!);
      if (!repository) return notFound(DOCS);
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      for (const field of ["title", "head", "base"]) {
        if (typeof body[field] !== "string") return errorBody(422, `Invalid request.\n\n"${field}" wasn't supplied.`, DOCS);
      }
      if (body.body !== undefined && typeof body.body !== "string")
        return errorBody(422, `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body.body)} is not a string.`, DOCS);
      const head = (body.head as string).replace(/^[^:]+:/, "");
      const base = body.base as string;
      const store = pullsOf(ctx.state);
      const gitDir = store.gitDirs.get(repoKey(repository.owner, repository.name));
      const headSha = branchSha(gitDir, head);
      const baseSha = branchSha(gitDir, base);
      if (!baseSha) return invalid("base");
      if (!headSha) return invalid("head");
      if (head === base)
        return errorBody(422, "Validation Failed", DOCS, {
          errors: [{ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` }],
        });
      const key = repoKey(repository.owner, repository.name);
      if (store.pulls.some((p) => p.repository === key && p.head === head && p.base === base)) {
        return errorBody(422, "Validation Failed", DOCS, {
          errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repository.owner}:${head}.` }],
        });
      }
      const number = Math.max(0, ...[...repository.issues.keys()]) + 1;
      ctx.state.addPullRequest(repository.owner, repository.name, number);
      const pull: StoredPullRequest = {
        id: ctx.state.newId(),
        number,
        repository: key,
        title: body.title as string,
        body: (body.body as string | undefined) ?? null,
        head,
        base,
        headSha,
        baseSha,
        draft: body.draft === true,
        user: ctx.actor,
        createdAt: ctx.state.now(),
      };
      store.pulls.push(pull);
      return { status: 201, body: pullJson(ctx, pull, `${repository.owner}/${repository.name}`, repository.id) };
    },
  },
];

function userJson(ctx: RouteContext, user: Actor): object {
  const api = `${ctx.baseUrl}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_kgDO${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `https://github.com/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

const REPO_URLS = [
  "archive_url:/{archive_format}{/ref}",
  "assignees_url:/assignees{/user}",
  "blobs_url:/git/blobs{/sha}",
  "branches_url:/branches{/branch}",
  "collaborators_url:/collaborators{/collaborator}",
  "comments_url:/comments{/number}",
  "commits_url:/commits{/sha}",
  "compare_url:/compare/{base}...{head}",
  "contents_url:/contents/{+path}",
  "contributors_url:/contributors",
  "deployments_url:/deployments",
  "downloads_url:/downloads",
  "events_url:/events",
  "forks_url:/forks",
  "git_commits_url:/git/commits{/sha}",
  "git_refs_url:/git/refs{/sha}",
  "git_tags_url:/git/tags{/sha}",
  "hooks_url:/hooks",
  "issue_comment_url:/issues/comments{/number}",
  "issue_events_url:/issues/events{/number}",
  "issues_url:/issues{/number}",
  "keys_url:/keys{/key_id}",
  "labels_url:/labels{/name}",
  "languages_url:/languages",
  "merges_url:/merges",
  "milestones_url:/milestones{/number}",
  "notifications_url:/notifications{?since,all,participating}",
  "pulls_url:/pulls{/number}",
  "releases_url:/releases{/id}",
  "stargazers_url:/stargazers",
  "statuses_url:/statuses/{sha}",
  "subscribers_url:/subscribers",
  "subscription_url:/subscription",
  "tags_url:/tags",
  "teams_url:/teams",
  "trees_url:/git/trees{/sha}",
];

function repositoryJson(ctx: RouteContext, slug: string, id: number, owner: Actor): object {
  const api = `${ctx.baseUrl}/repos/${slug}`;
  return {
    id,
    node_id: `R_kgDO${id}`,
    name: slug.split("/")[1],
    full_name: slug,
    owner: userJson(ctx, owner),
    private: true,
    html_url: `https://github.com/${slug}`,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(
      REPO_URLS.map((e) => {
        const [k, suffix] = e.split(/:(.*)/);
        return [k, `${api}${suffix}`];
      }),
    ),
    clone_url: `https://github.com/${slug}.git`,
    git_url: `git://github.com/${slug}.git`,
    ssh_url: `git@github.com:${slug}.git`,
    svn_url: `https://github.com/${slug}`,
    mirror_url: null,
    homepage: null,
    language: "TypeScript",
    default_branch: "main",
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    open_issues: 0,
    open_issues_count: 0,
    has_downloads: true,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: "2024-05-01T12:00:00Z",
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-05-01T12:00:00Z",
  };
}

function pullJson(ctx: RouteContext, p: StoredPullRequest, slug: string, repoId: number): object {
  const api = `${ctx.baseUrl}/repos/${slug}`;
  const html = `https://github.com/${slug}/pull/${p.number}`;
  const owner: Actor = { login: slug.split("/")[0]!, id: 1000 + (repoId % 1000), type: "Organization" };
  const branch = (ref: string, sha: string) => ({
    label: `${owner.login}:${ref}`,
    ref,
    sha,
    user: userJson(ctx, owner),
    repo: repositoryJson(ctx, slug, repoId, owner),
  });
  const created = p.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: `PR_kwDO${p.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: "open",
    locked: false,
    title: p.title,
    user: userJson(ctx, p.user),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: created,
    updated_at: created,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(p.head, p.headSha),
    base: branch(p.base, p.baseSha),
    _links: Object.fromEntries(
      Object.entries({
        self: `${api}/pulls/${p.number}`,
        html,
        issue: `${api}/issues/${p.number}`,
        comments: `${api}/issues/${p.number}/comments`,
        review_comments: `${api}/pulls/${p.number}/comments`,
        review_comment: `${api}/pulls/comments{/number}`,
        commits: `${api}/pulls/${p.number}/commits`,
        statuses: `${api}/statuses/${p.headSha}`,
      }).map(([k, href]) => [k, { href }]),
    ),
    author_association: "NONE",
    auto_merge: null,
    draft: p.draft,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}
