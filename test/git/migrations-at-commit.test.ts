// The base ref's migrations: unchanged files are taken from the working tree only when their bytes
// hash to the base commit's blob id; anything else is read from git.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { blobId, migrationsAtCommit } from "../../src/git/git.js";
import { readMigrationsDirectory } from "../../src/core/migrations.js";

let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
  }).trim();

async function migration(name: string, sql: string | Buffer): Promise<void> {
  await mkdir(path.join(repo, "prisma/migrations", name), { recursive: true });
  await writeFile(path.join(repo, "prisma/migrations", name, "migration.sql"), sql);
}

beforeEach(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-git-"));
  git("init", "-q", "-b", "main");
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe("migrationsAtCommit", () => {
  it("returns the base commit's bytes: unchanged files match, an edited file comes from git", async () => {
    await migration("20240101000000_a", "CREATE TABLE a (id int);\n");
    await migration("20240102000000_b", "CREATE TABLE b (id int);\r\n-- crlf and ünïcode\r\n");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD");
    await migration("20240102000000_b", "CREATE TABLE b (id bigint);\n"); // edited after the base
    await migration("20240103000000_c", "CREATE TABLE c (id int);\n"); // new

    const dir = await readMigrationsDirectory(path.join(repo, "prisma/migrations"), repo);
    const atBase = await migrationsAtCommit(repo, base, path.join(repo, "prisma/migrations"), dir.migrations);
    expect(atBase.map((m) => [m.name, m.sql])).toEqual([
      ["20240101000000_a", "CREATE TABLE a (id int);\n"],
      ["20240102000000_b", "CREATE TABLE b (id int);\r\n-- crlf and ünïcode\r\n"],
    ]);
    // Without the working tree's files the answer is the same (all read from git).
    expect(await migrationsAtCommit(repo, base, path.join(repo, "prisma/migrations"))).toEqual(atBase);
  });

  it("blobId is git's object id", async () => {
    const bytes = Buffer.from("SELECT 'é';\r\n\u0000binary", "utf8");
    await writeFile(path.join(repo, "f"), bytes);
    expect(blobId(bytes, 40)).toBe(git("hash-object", "f"));
  });
});
