// In-memory state behind the GitHub API double: what tests seed before a run and inspect after it.
// Keyed the way GitHub is: repositories by lower-cased "owner/repo", comment ids global.

export interface Actor {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
}

/** The identity behind a GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: Actor = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export interface TokenGrant {
  actor: Actor;
  /** "read" is a fork PR's GITHUB_TOKEN: reads work, writes get 403. "none" is a revoked token: 401. */
  permission: "read" | "write" | "none";
}

/** Force the next matching request(s) to fail, before authentication and routing. */
export interface Fault {
  method?: string;
  path: string | RegExp;
  status: number;
  message?: string;
  /** Replaces GitHub's standard error body. */
  body?: unknown;
  /** How many requests it applies to; 1 when not given, Infinity for all. */
  times?: number;
  /** How many matching requests pass untouched before it applies (e.g. fail the second status only). */
  after?: number;
}

export interface StoredIssue {
  number: number;
  isPullRequest: boolean;
}

export interface StoredRepository {
  id: number;
  owner: string;
  name: string;
  issues: Map<number, StoredIssue>;
}

export interface StoredComment {
  id: number;
  repository: string;
  issueNumber: number;
  body: string;
  user: Actor;
  authorAssociation: string;
  createdAt: Date;
  updatedAt: Date;
}

export class GitHubState {
  readonly repositories = new Map<string, StoredRepository>();
  readonly comments = new Map<number, StoredComment>();
  /** Tokens not listed here act as `defaultGrant` (a GITHUB_TOKEN with write access). */
  readonly tokens = new Map<string, TokenGrant>();
  readonly faults: Fault[] = [];
  defaultGrant: TokenGrant = { actor: GITHUB_ACTIONS_BOT, permission: "write" };

  private nextId = 1_000_000_001;
  // A deterministic clock: each read is one second later, so created_at orders like ids do.
  private time = Date.parse("2024-05-01T12:00:00Z");

  now(): Date {
    this.time += 1_000;
    return new Date(this.time);
  }

  newId(): number {
    return this.nextId++;
  }

  addRepository(owner: string, name: string): StoredRepository {
    const key = repoKey(owner, name);
    let repository = this.repositories.get(key);
    if (!repository) {
      repository = { id: this.newId(), owner, name, issues: new Map() };
      this.repositories.set(key, repository);
    }
    return repository;
  }

  repository(owner: string, name: string): StoredRepository | undefined {
    return this.repositories.get(repoKey(owner, name));
  }

  /** Creates the repository too when needed. */
  addPullRequest(owner: string, name: string, number: number): StoredIssue {
    return this.addIssue(owner, name, number, true);
  }

  addIssue(owner: string, name: string, number: number, isPullRequest = false): StoredIssue {
    const issue = { number, isPullRequest };
    this.addRepository(owner, name).issues.set(number, issue);
    return issue;
  }

  issue(owner: string, name: string, number: number): StoredIssue | undefined {
    return this.repository(owner, name)?.issues.get(number);
  }

  addComment(
    owner: string,
    name: string,
    issueNumber: number,
    fields: { body: string; user?: Actor; authorAssociation?: string },
  ): StoredComment {
    if (!this.issue(owner, name, issueNumber)) this.addPullRequest(owner, name, issueNumber);
    const createdAt = this.now();
    const comment: StoredComment = {
      id: this.newId(),
      repository: repoKey(owner, name),
      issueNumber,
      body: fields.body,
      user: fields.user ?? GITHUB_ACTIONS_BOT,
      authorAssociation: fields.authorAssociation ?? "NONE",
      createdAt,
      updatedAt: createdAt,
    };
    this.comments.set(comment.id, comment);
    return comment;
  }

  /** An issue's comments in GitHub's order (ascending id). */
  commentsOn(owner: string, name: string, issueNumber: number): StoredComment[] {
    const key = repoKey(owner, name);
    return [...this.comments.values()].filter((c) => c.repository === key && c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
  }

  grantFor(token: string): TokenGrant {
    return this.tokens.get(token) ?? this.defaultGrant;
  }

  /** Returns (and uses up) the first fault matching this request. */
  takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => (!f.method || f.method.toUpperCase() === method) && (typeof f.path === "string" ? f.path === path : f.path.test(path)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (fault.after && fault.after > 0) {
      fault.after -= 1;
      return undefined;
    }
    const remaining = (fault.times ?? 1) - 1;
    if (remaining <= 0) this.faults.splice(index, 1);
    else fault.times = remaining;
    return fault;
  }
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}
