// Reading files as they are at a commit (the base branch's schema.prisma for lint's 3-phase check):
// one `git ls-tree` for the paths under a folder, one `git cat-file --batch` for their contents.
import { spawn } from "node:child_process";
import path from "node:path";
import { toPosix } from "../core/migrations.js";

function git(cwd: string, args: string[], input?: string): Promise<{ code: number; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "ignore"] });
    const out: Buffer[] = [];
    child.stdout!.on("data", (d: Buffer) => out.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out) }));
    if (input !== undefined) {
      child.stdin!.on("error", () => {});
      child.stdin!.end(input);
    }
  });
}

/**
 * The text of `absPath` at `commit`: the file, or for a folder every `.prisma` file under it joined
 * (prismaSchemaFolder). undefined when it does not exist there.
 */
export async function schemaAtCommit(repoRoot: string, commit: string, absPath: string): Promise<string | undefined> {
  const rel = toPosix(path.relative(repoRoot, absPath));
  // The common case, one file: a single cat-file. Its header says "blob", "tree" or "missing".
  const direct = await git(repoRoot, ["cat-file", "--batch"], `${commit}:${rel}\n`);
  const header = direct.stdout
    .subarray(0, Math.max(0, direct.stdout.indexOf(10)))
    .toString()
    .split(" ");
  if (direct.code !== 0 || header[1] === "missing" || header.length < 3) return undefined;
  if (header[1] === "blob")
    return direct.stdout.subarray(direct.stdout.indexOf(10) + 1, direct.stdout.indexOf(10) + 1 + Number(header[2])).toString("utf8");
  const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", commit, "--", rel]);
  if (list.code !== 0) return undefined;
  const files = list.stdout
    .toString()
    .split("\0")
    .filter((f) => f === rel || (f.startsWith(`${rel}/`) && f.endsWith(".prisma")))
    .sort();
  if (files.length === 0) return undefined;
  const batch = await git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
  if (batch.code !== 0) return undefined;
  const texts: string[] = [];
  let offset = 0;
  for (let i = 0; i < files.length; i++) {
    const headerEnd = batch.stdout.indexOf(10, offset);
    const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
    if (!Number.isFinite(size)) return undefined;
    texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    offset = headerEnd + 1 + size + 1;
  }
  return texts.join("\n");
}

export interface TreeMigration {
  /** Folder name. */
  name: string;
  /** Path relative to the repository root. */
  file: string;
  /** Git blob id of migration.sql: identifies its content without reading it. */
  blob: string;
}

/** `<migrationsDir>/<name>/migration.sql` at `commit`, with blob ids; one `git ls-tree`, no contents. */
export async function migrationBlobsAtCommit(repoRoot: string, commit: string, migrationsDir: string): Promise<TreeMigration[]> {
  const rel = toPosix(path.relative(repoRoot, migrationsDir));
  const list = await git(repoRoot, ["ls-tree", "-r", "-z", commit, "--", `${rel}/`]);
  if (list.code !== 0) throw new Error(`git ls-tree ${commit} failed`);
  const result: TreeMigration[] = [];
  for (const entry of list.stdout.toString().split("\0")) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(entry);
    if (!m || !m[2]!.startsWith(`${rel}/`)) continue;
    const parts = m[2]!.slice(rel.length + 1).split("/");
    if (parts.length === 2 && parts[1] === "migration.sql") result.push({ name: parts[0]!, file: m[2]!, blob: m[1]! });
  }
  return result;
}

/** Contents of blobs, in order, with one `git cat-file --batch`. */
export async function readBlobs(repoRoot: string, blobs: string[]): Promise<string[]> {
  if (blobs.length === 0) return [];
  const batch = await git(repoRoot, ["cat-file", "--batch"], blobs.join("\n") + "\n");
  if (batch.code !== 0) throw new Error("git cat-file failed");
  const texts: string[] = [];
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = batch.stdout.indexOf(10, offset);
    const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: unexpected output for ${blob}`);
    texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    offset = headerEnd + 1 + size + 1;
  }
  return texts;
}
