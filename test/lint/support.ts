// Linting SQL snippets the way a pull request is linted: `base` migrations are the base branch (their
// tables exist and hold rows), `sql` is the new migration(s) of the change set.
import { lint } from "../../src/lint/linter.js";
import { parsePrismaModels } from "../../src/lint/prisma-models.js";
import type { LintFinding } from "../../src/lint/types.js";

export interface SnippetOptions {
  /** Base-branch migrations, in order. */
  base?: string[];
  /** schema.prisma on the base branch (3-phase evidence). */
  baseSchema?: string;
  /** Whether a migration is deployed to production (3-phase hook). */
  deployed?: (migration: string) => boolean | undefined;
}

export async function lintSql(sql: string | string[], options: SnippetOptions = {}): Promise<LintFinding[]> {
  const base = (options.base ?? []).map((text, i) => ({ name: `2020010100000${i}_base_${i}`, file: `base_${i}.sql`, sql: text }));
  const fresh = (Array.isArray(sql) ? sql : [sql]).map((text, i) => ({
    name: `2030010100000${i}_new_${i}`,
    file: `new_${i}.sql`,
    sql: text,
  }));
  const freshNames = new Set(fresh.map((m) => m.name));
  const result = await lint({
    migrations: [...base, ...fresh],
    shouldLint: (n) => freshNames.has(n),
    groupOf: (n) => (freshNames.has(n) ? "new" : "base"),
    completeHistory: true,
    evidence: {
      ...(options.baseSchema !== undefined ? { baseModels: parsePrismaModels(options.baseSchema) } : {}),
      ...(options.deployed ? { deployed: options.deployed } : {}),
    },
  });
  return result.findings;
}

/** Findings of one rule. */
export async function hits(rule: string, sql: string | string[], options: SnippetOptions = {}): Promise<LintFinding[]> {
  return (await lintSql(sql, options)).filter((f) => f.rule === rule);
}

/** A base branch with the usual Prisma tables: "User" (email NOT NULL, name nullable) and "Post" → "User". */
export const USERS = `
CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, "name" TEXT, "age" INTEGER NOT NULL DEFAULT 0,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
CREATE TABLE "Post" ("id" TEXT NOT NULL, "authorId" TEXT NOT NULL, "title" TEXT NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER',
  CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;
