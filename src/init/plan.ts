// What `migrate-guard init` adds to an app, computed from the files as they are: pure (no I/O), so a
// second run over its own output finds nothing to do. Nothing existing is replaced without `force`.

/** The npm scripts, in the order they are added. */
export function initScripts(options: { baseRef?: string }): [string, string][] {
  const testData = (op: string) => `migrate-guard test-data ${op} --environment staging --command "npm run --silent test-data:${op}"`;
  return [
    ["db:local:start", "migrate-guard local start"],
    ["db:local:stop", "migrate-guard local stop"],
    ["db:migrate:create", "migrate-guard local exec -- prisma migrate dev --create-only"],
    ["db:migrate:dev", "migrate-guard local exec -- prisma migrate dev"],
    ["db:migrate:status", "migrate-guard local exec -- prisma migrate status"],
    ["db:migrate:staging", "migrate-guard deploy --environment staging"],
    ["db:migrate:staging:status", "migrate-guard status --environment staging"],
    ["db:migrate:production", "migrate-guard deploy --environment production"],
    ["db:migrate:production:status", "migrate-guard status --environment production"],
    ["db:verify", `migrate-guard verify${options.baseRef ? ` --base-ref ${options.baseRef}` : ""}`],
    ["db:migrate:rollback", "migrate-guard rollback --environment staging"],
    ["db:test-data:create", testData("create")],
    ["db:test-data:cleanup", `${testData("cleanup")}`],
    ["db:backup", "migrate-guard backup --environment production"],
  ];
}

export type ChangeKind = "create" | "update" | "unchanged" | "kept";

export interface Change {
  /** File (relative to the app) or `package.json#scripts.NAME`. */
  target: string;
  kind: ChangeKind;
  detail?: string;
}

export interface FilePlan {
  /** New content to write; undefined when the file stays as it is. */
  content?: string;
  changes: Change[];
}

/** The indentation of a JSON text: its first indented line's (two spaces when there is none). */
export function detectIndent(text: string): string {
  return /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
}

/**
 * package.json with the scripts added. Keys keep their order (new scripts go after the existing ones;
 * a new "scripts" object after the last key), the indentation and the final newline are kept:
 * the same form `npm pkg set` writes.
 */
export function planPackageJson(text: string, scripts: [string, string][], force: boolean): FilePlan {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`package.json is not valid JSON (${(error as Error).message}); fix it first.`);
  }
  const existing = (pkg.scripts && typeof pkg.scripts === "object" ? pkg.scripts : {}) as Record<string, string>;
  const next: Record<string, string> = { ...existing };
  const changes: Change[] = [];
  for (const [name, command] of scripts) {
    const target = `package.json#scripts.${name}`;
    if (!(name in existing)) {
      next[name] = command;
      changes.push({ target, kind: "create", detail: command });
    } else if (existing[name] === command) {
      changes.push({ target, kind: "unchanged" });
    } else if (force) {
      next[name] = command;
      changes.push({ target, kind: "update", detail: `${existing[name]} → ${command}` });
    } else {
      changes.push({ target, kind: "kept", detail: `has "${existing[name]}" (--force replaces it with "${command}")` });
    }
  }
  if (!changes.some((c) => c.kind === "create" || c.kind === "update")) return { changes };
  pkg.scripts = next;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let out = JSON.stringify(pkg, null, detectIndent(text));
  if (eol !== "\n") out = out.replace(/\n/g, eol);
  if (/\r?\n$/.test(text)) out += eol;
  return { content: out, changes };
}

/** Lines .gitignore must have: the env files with real URLs, and the local PostgreSQL's data. */
export const IGNORED = [".env.staging", ".env.production", ".migrate-guard/", "migrate-guard-*.dump"];

function covered(lines: string[], entry: string): boolean {
  const bare = entry.replace(/\/$/, "");
  return lines.some(
    (l) =>
      l === entry ||
      l === bare ||
      l === `/${entry}` ||
      l === `/${bare}` ||
      (entry.startsWith(".env.") && (l === ".env*" || l === ".env.*" || l === "/.env*" || l === "/.env.*")),
  );
}

export function planGitignore(text: string | undefined): FilePlan {
  const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
  const missing = IGNORED.filter((e) => !covered(lines, e));
  if (missing.length === 0) return { changes: [{ target: ".gitignore", kind: "unchanged" }] };
  const eol = text?.includes("\r\n") ? "\r\n" : "\n";
  const prefix = text === undefined || text === "" ? "" : text.endsWith("\n") ? eol : eol + eol;
  const block = ["# migrate-guard: database URLs per environment, the local PostgreSQL's data, backups", ...missing].join(eol) + eol;
  return {
    content: `${text ?? ""}${prefix}${block}`,
    changes: [{ target: ".gitignore", kind: text === undefined ? "create" : "update", detail: `ignores ${missing.join(", ")}` }],
  };
}

export const ENV_EXAMPLE = `# Copy to .env.staging and .env.production (both git-ignored) and fill in the real URLs.
# migrate-guard reads .env.<environment> when a command names --environment <environment>;
# flags and --env-file files take precedence. In CI, use the environment's DATABASE_URL secret instead.
DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
# .env.production only: a production deploy first runs the soak gate, which reads staging's
# _prisma_migrations (read-only) to check every pending migration ran there long enough.
# STAGING_DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
`;

/** A whole file migrate-guard provides: created when missing, replaced only with `force`. */
export function planFile(target: string, existing: string | undefined, wanted: string, force: boolean): FilePlan {
  if (existing === undefined) return { content: wanted, changes: [{ target, kind: "create" }] };
  if (existing === wanted) return { changes: [{ target, kind: "unchanged" }] };
  if (force) return { content: wanted, changes: [{ target, kind: "update" }] };
  return { changes: [{ target, kind: "kept", detail: "differs from migrate-guard's (--force replaces it)" }] };
}

/** A caller workflow for an app in `appDir` (relative to the repository root, "." at the root). */
export function workflowFor(template: string, appDir: string): string {
  if (appDir === "." || appDir === "") return template;
  return template.replace(/^(\s*working-directory:\s*)\.\s*$/gm, `$1${appDir}`);
}
