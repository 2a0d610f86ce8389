// Throwaway git repositories holding a Prisma project, for tests that need a base ref. The project's
// node_modules is a link to this repository's, so the real Prisma CLI resolves as in a monorepo.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const exampleApp = path.join(repoRoot, "examples/app");
export const corpus = (name: string) => path.join(repoRoot, "test/fixtures/corpus", name);

export interface ProjectRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, content: string): void;
  read(rel: string): string;
  commitAll(message: string): string;
  remove(): void;
}

export function createProjectRepo(source: string): ProjectRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-repo-"));
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\n");
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
    }).trim();
  git("init", "-q", "-b", "main");
  const repo: ProjectRepo = {
    dir,
    git,
    write(rel, content) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    },
    read: (rel) => readFileSync(path.join(dir, rel), "utf8"),
    commitAll(message) {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      return git("rev-parse", "HEAD");
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.commitAll("base");
  return repo;
}
