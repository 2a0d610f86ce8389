// `rollback --revert X` also takes X's change out of schema.prisma, so that the revert's pull request
// passes verify's drift check. The change is found in git: the commit that added X's migration.sql (on
// the first-parent line, so a merged pull request counts as one commit), whose diff of the schema
// file(s) is applied in reverse to the working tree. Refused — the schema left as it is, with the reason
// — when there is no history, when that commit added other migrations too (its schema diff mixes their
// changes), when it did not touch the schema, or when later edits make the reverse patch not apply.
// Nothing is ever half-applied: `git apply --check` first, and the caller restores the saved files when
// the result fails its drift check.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { toPosix } from "../core/migrations.js";

export interface SchemaChange {
  status: "reverted" | "unchanged";
  /** Why (both cases), in one sentence. */
  reason: string;
  /** Schema files changed (repository-relative, posix). */
  files: string[];
  /** The commit whose schema change was (or would have been) reverted. */
  commit?: string;
  /** What a person runs instead, when unchanged. */
  fix?: string;
  /** Drift findings when the reverted schema did not match the reverted migrations. */
  findings?: string[];
}

export interface AppliedSchemaRevert {
  change: SchemaChange;
  /** Puts the files back as they were before the reverse patch. */
  restore(): Promise<void>;
}

function git(cwd: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (input !== undefined) {
      child.stdin!.on("error", () => {});
      child.stdin!.end(input);
    }
  });
}

const handEdit = (schema: string, migration: string) =>
  `edit ${schema} by hand so that it no longer describes what ${migration} added, then check it with \`npx migrate-guard verify\``;

function unchanged(reason: string, fix: string, commit?: string): AppliedSchemaRevert {
  return { change: { status: "unchanged", reason, files: [], fix, ...(commit ? { commit } : {}) }, restore: async () => {} };
}

/**
 * Applies the reverse of the schema change made by the commit that added `migration` to the working
 * tree. `schemaPath` is the project's schema file or folder, `migrationsDir` its migrations folder
 * (both absolute).
 */
export async function revertSchemaChange(params: {
  workingDirectory: string;
  schemaPath: string;
  migrationsDir: string;
  migration: string;
}): Promise<AppliedSchemaRevert> {
  const { migration } = params;
  const top = await git(params.workingDirectory, ["rev-parse", "--show-toplevel"]).catch(() => undefined);
  const schemaName = path.basename(params.schemaPath);
  if (top?.code !== 0)
    return unchanged(
      "the project is not in a git repository, so the schema change that came with the migration cannot be found",
      handEdit(schemaName, migration),
    );
  const root = top.stdout.trim();
  const schemaRel = toPosix(path.relative(root, params.schemaPath));
  const migrationsRel = toPosix(path.relative(root, params.migrationsDir));
  const fileRel = `${migrationsRel}/${migration}/migration.sql`;
  const handFix = handEdit(schemaRel, migration);

  const log = await git(root, ["log", "--first-parent", "--diff-filter=A", "--format=%H", "HEAD", "--", fileRel]);
  const commit = log.code === 0 ? log.stdout.trim().split("\n").filter(Boolean).at(-1) : undefined;
  if (!commit)
    return unchanged(
      `${fileRel} is not in the git history of HEAD (not committed yet?), so the schema change that came with it cannot be found`,
      handFix,
    );
  const short = commit.slice(0, 12);
  const parents = (await git(root, ["rev-list", "--parents", "-n", "1", commit])).stdout.trim().split(" ").slice(1);
  if (parents.length === 0) {
    const shallow = (await git(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
    return unchanged(
      shallow
        ? `the checkout is shallow: commit ${short} stands for all earlier history (in GitHub Actions check out with \`fetch-depth: 0\`)`
        : `${migration} came with the repository's first commit ${short}, whose schema is not a change to revert`,
      handFix,
      commit,
    );
  }
  const parent = parents[0]!;
  const added = await git(root, ["diff", "--name-only", "--diff-filter=A", parent, commit, "--", `${migrationsRel}/`]);
  const others = added.stdout
    .split("\n")
    .filter((f) => f.endsWith("/migration.sql") && f !== fileRel)
    .map((f) => f.split("/").at(-2)!);
  if (others.length > 0) {
    return unchanged(
      `commit ${short} added ${migration} together with ${others.join(", ")}: its schema change mixes theirs, so it is not reverted automatically`,
      handFix,
      commit,
    );
  }
  // A schema folder (prismaSchemaFolder) may hold the migrations folder too: only its .prisma files.
  const isFolder = statSync(params.schemaPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const pathspec = isFolder ? `:(glob)${schemaRel}/**/*.prisma` : schemaRel;
  const patch = await git(root, ["diff", "--binary", "--no-color", "--no-ext-diff", "--no-renames", parent, commit, "--", pathspec]);
  if (patch.code !== 0) throw new Error(`git diff ${short} failed: ${patch.stderr.trim()}`);
  if (patch.stdout.trim() === "")
    return unchanged(`commit ${short}, which added ${migration}, did not change ${schemaRel}`, handFix, commit);

  const check = await git(root, ["apply", "-R", "--check", "-"], patch.stdout);
  if (check.code !== 0) {
    const firstError = check.stderr.trim().split("\n")[0] ?? "";
    return unchanged(
      `the schema change of commit ${short} no longer reverses cleanly: later changes touch the same lines (${firstError.replace(/^error: /, "")})`,
      `git diff ${parent.slice(0, 12)} ${short} -- ${isFolder ? `'${pathspec}'` : schemaRel} | git apply -R --3way  (then resolve the conflicts and check with \`npx migrate-guard verify\`)`,
      commit,
    );
  }
  const files = (await git(root, ["diff", "--name-only", "--no-renames", parent, commit, "--", pathspec])).stdout
    .split("\n")
    .filter(Boolean);
  const saved = new Map<string, string | undefined>();
  for (const f of files) saved.set(f, await readFile(path.join(root, f), "utf8").catch(() => undefined));
  const restore = async () => {
    for (const [f, text] of saved) {
      if (text === undefined) await rm(path.join(root, f), { force: true });
      else await writeFile(path.join(root, f), text);
    }
  };
  const applied = await git(root, ["apply", "-R", "-"], patch.stdout);
  if (applied.code !== 0) {
    await restore();
    return unchanged(`git apply failed after its check passed: ${applied.stderr.trim().split("\n")[0]}`, handFix, commit);
  }
  const kind = isFolder ? "schema folder" : "schema";
  return {
    change: { status: "reverted", reason: `the ${kind} change of commit ${short}, which added ${migration}, is reversed`, files, commit },
    restore,
  };
}
