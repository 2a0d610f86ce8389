// The git adapter: the base ref's migrations, read with at most two git processes whatever their
// number (`ls-tree` for names and blob ids, one `cat-file --batch` for the files the working tree does
// not hold byte for byte).
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import type { BaseMigration } from "../core/history.js";
import { toPosix } from "../core/migrations.js";

interface RunResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout!.on("data", (d: Buffer) => out.push(d));
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
    });
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
export async function migrationsAtCommit(
  repoRoot: string,
  commit: string,
  migrationsDir: string,
  /** The working tree's migrations (path relative to repoRoot): a file whose blob id matches is not read from git. */
  current: readonly { file: string; sql: string }[] = [],
): Promise<BaseMigration[]> {
  const rel = toPosix(path.relative(repoRoot, migrationsDir));
  const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", `${rel}/`]);
  if (list.code !== 0) throw new Error(`git ls-tree failed: ${list.stderr.trim()}`);
  // "<mode> blob <id>\t<path>" per entry.
  const entries = list.stdout
    .toString()
    .split("\0")
    .flatMap((line) => {
      const tab = line.indexOf("\t");
      const [, type, id] = line.slice(0, tab).split(" ");
      const file = line.slice(tab + 1);
      const parts = file.slice(rel.length + 1).split("/");
      return type === "blob" && id && file.startsWith(`${rel}/`) && parts.length === 2 && parts[1] === "migration.sql"
        ? [{ file, id }]
        : [];
    });
  if (entries.length === 0) return [];
  // An unchanged file (the whole history but a PR's few new files) is taken from the working tree:
  // its bytes hash to the blob id the base commit names, so they are the base's bytes.
  const byFile = new Map(current.map((m) => [m.file, m.sql]));
  const known = new Map<string, string>();
  for (const { file, id } of entries) {
    const sql = byFile.get(file);
    if (sql !== undefined && blobId(Buffer.from(sql, "utf8"), id.length) === id) known.set(file, sql);
  }
  const missing = entries.filter((e) => !known.has(e.file)).map((e) => e.file);
  if (missing.length > 0) {
    const batch = await git(repoRoot, ["cat-file", "--batch"], missing.map((f) => `${commit}:${f}`).join("\n") + "\n");
    if (batch.code !== 0) throw new Error(`git cat-file failed: ${batch.stderr.trim()}`);
    for (const m of parseBatch(batch.stdout, missing)) known.set(m.file, m.sql);
  }
  return entries.map(({ file }) => ({ name: file.split("/").at(-2) ?? file, file, sql: known.get(file)! }));
}

/** Git's object id of a blob: sha1 (40 hex) or, in a sha256 repository, sha256 (64 hex) of "blob <size>\0<bytes>". */
export function blobId(bytes: Buffer, hexLength: number): string {
  return createHash(hexLength === 64 ? "sha256" : "sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
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
