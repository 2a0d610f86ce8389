// The git adapter: the base ref's migrations, read with two git processes whatever their number
// (`ls-tree` for the names, one `cat-file --batch` for every file).
import { spawn } from "node:child_process";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import type { BaseMigration } from "../core/history.js";
import { toPosix } from "../core/migrations.js";

interface RunResult { code: number; stdout: Buffer; stderr: string }

function git(cwd: string, args: string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout!.on("data", (d: Buffer) => out.push(d));
    child.stderr!.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("error", (e) => reject(new ConfigurationError(`git could not be started (${e.message}); install git or omit --base-ref.`)));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
    if (input !== undefined) {
      child.stdin!.on("error", () => {}); // git exiting early is reported by its exit code
      child.stdin!.end(input);
    }
  });
}

export async function repositoryRoot(dir: string): Promise<string | undefined> {
  const r = await git(dir, ["rev-parse", "--show-toplevel"]);
  return r.code === 0 ? r.stdout.toString().trim() : undefined;
}

export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  if (ref.startsWith("-")) throw new ConfigurationError(`Invalid base ref "${ref}". Expected a branch, tag or commit SHA.`);
  const r = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (r.code !== 0) {
    throw new ConfigurationError(
      `Base ref "${ref}" is not a commit in this repository. In GitHub Actions check out with \`fetch-depth: 0\` ` +
        `(actions/checkout fetches one commit by default), or fetch the base branch first.`,
    );
  }
  return r.stdout.toString().trim();
}

/**
 * Every `<migrationsDir>/<name>/migration.sql` at `commit`. `migrationsDir` is absolute; it may not
 * exist at that commit (first migration in this PR): then there are no base migrations.
 */
export async function migrationsAtCommit(repoRoot: string, commit: string, migrationsDir: string): Promise<BaseMigration[]> {
  const rel = toPosix(path.relative(repoRoot, migrationsDir));
  const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", commit, "--", `${rel}/`]);
  if (list.code !== 0) throw new Error(`git ls-tree failed: ${list.stderr.trim()}`);
  const files = list.stdout.toString().split("\0").filter((f) => {
    const parts = f.slice(rel.length + 1).split("/");
    return f.startsWith(`${rel}/`) && parts.length === 2 && parts[1] === "migration.sql";
  });
  if (files.length === 0) return [];
  const batch = await git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
  if (batch.code !== 0) throw new Error(`git cat-file failed: ${batch.stderr.trim()}`);
  return parseBatch(batch.stdout, files);
}

/** `git cat-file --batch` output: "<sha> <type> <size>\n<content>\n" per object. */
function parseBatch(out: Buffer, files: string[]): BaseMigration[] {
  const result: BaseMigration[] = [];
  let offset = 0;
  for (const file of files) {
    const headerEnd = out.indexOf(10, offset);
    const header = out.subarray(offset, headerEnd).toString();
    const size = Number(header.split(" ")[2]);
    if (!Number.isFinite(size)) throw new Error(`Unexpected git cat-file output for ${file}: ${header}`);
    const content = out.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
    offset = headerEnd + 1 + size + 1;
    result.push({ name: file.split("/").at(-2) ?? file, file, sql: content });
  }
  return result;
}
