// Test support for rollback: the migration "C" the tests revert (a table with an enum, a foreign key and
// an index; a column added, one dropped, one retyped, a unique index), deploying with the real migrate
// runner (the real Prisma CLI), catalogs compared without column order, and the CLI run in-process with
// main()'s exit-code mapping.
import { Writable } from "node:stream";
import type { Catalog } from "../../src/core/catalog.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { rollbackCommand } from "../../src/cli/rollback-command.js";
import type { PromptIo } from "../../src/cli/prompt.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest } from "../../src/migrate/settings.js";
import type { MigrateReport } from "../../src/migrate/report.js";
import { readCatalog } from "../../src/postgres/catalog-reader.js";
import { expectNoPassword } from "../migrate/support.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";

export const C_NAME = "20250103000000_add_comments";
export const C_SQL = `-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');

-- CreateTable
CREATE TABLE "Comment" (
    "id" BIGSERIAL NOT NULL,
    "postId" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "mood" "Mood",

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Comment_postId_idx" ON "Comment"("postId");
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "bio" TEXT;
ALTER TABLE "Post" DROP COLUMN "body";
ALTER TABLE "Post" ALTER COLUMN "title" SET DATA TYPE VARCHAR(200);
CREATE UNIQUE INDEX "Post_title_key" ON "Post"("title");
`;

export async function deploy(workingDirectory: string, databaseUrl: string, environment = "staging"): Promise<MigrateReport> {
  const settings = validateRequest({
    command: "deploy",
    environment,
    databaseUrl,
    workingDirectory,
    ...(environment === "production" ? { confirm: "production" } : {}),
  });
  const report = await runMigrate(settings, { logger: new RecordingLogger() });
  if (!report.ok) throw new Error(`deploy failed: ${report.refused ?? report.error}`);
  return report;
}

/** The catalog with columns sorted by name: a re-added column goes last, which a reversal cannot change. */
export async function unorderedCatalog(url: string): Promise<Catalog> {
  const c = await readCatalog(url, ["public"]);
  return { ...c, tables: c.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) })) };
}

export interface CliResult {
  code: number;
  stdout: string;
  log: string;
}

/** rollbackCommand as main() runs it (a ConfigurationError is exit 2), with no terminal unless `prompt` says. */
export async function rollback(argv: string[], options: { cwd: string; prompt?: PromptIo }): Promise<CliResult> {
  let stdout = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      stdout += String(chunk);
      done();
    },
  });
  const logger = new RecordingLogger();
  // CI=true: never a terminal, whatever runs the tests.
  const prompt = options.prompt ?? { input: process.stdin, output: sink, env: { CI: "true" } };
  let code: number;
  try {
    code = await rollbackCommand(["--working-directory", options.cwd, ...argv], { stdout: sink, logger, prompt });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    logger.error(error.message);
    code = 2;
  }
  const result = { code, stdout, log: logger.text() };
  expectNoPassword(result.stdout, result.log);
  return result;
}

export const SCHEMA_FILE = "prisma/schema.prisma";

/** schema.prisma after C (the example app's is the state after A, B): what `prisma migrate dev` made C from. */
export function schemaWithC(schemaB: string): string {
  const edits: [string, string][] = [
    ["  name      String?\n", "  name      String?\n  bio       String?\n"],
    ["  body      String?\n", ""],
    ["  title     String\n", "  title     String   @unique @db.VarChar(200)\n"],
    [
      "  author    User     @relation(fields: [authorId], references: [id])\n",
      "  author    User     @relation(fields: [authorId], references: [id])\n  comments  Comment[]\n",
    ],
  ];
  let text = schemaB;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`example schema changed: no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return `${text}
enum Mood {
  HAPPY
  SAD
}

model Comment {
  id     BigInt @id @default(autoincrement())
  postId BigInt
  text   String
  mood   Mood?
  post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)

  @@index([postId])
}
`;
}

/**
 * A repository where A, B and C were each added in their own commit together with their schema change
 * (as \`prisma migrate dev\` leaves them). Returns the repository and the commits.
 */
export function repoWithSchemaHistory(): { repo: ProjectRepo; commits: { a: string; b: string; c: string } } {
  const repo = createProjectRepo(exampleApp);
  const schemaB = repo.read(SCHEMA_FILE);
  const schemaA = schemaB.replace(/\n {2}posts +Post\[\]/, "").replace(/\nmodel Post \{[\s\S]*?\n\}\n/, "");
  if (schemaA.includes("Post")) throw new Error("example schema changed: could not derive A's schema");
  // Rebuild the history: A, then B, then C, one commit each.
  repo.git("update-ref", "-d", "HEAD");
  repo.git("rm", "-rq", "--cached", "prisma/migrations/20250102000000_add_posts");
  repo.write(SCHEMA_FILE, schemaA);
  repo.git("add", SCHEMA_FILE);
  repo.git("commit", "-q", "-m", "A: create users");
  const a = repo.git("rev-parse", "HEAD");
  repo.write(SCHEMA_FILE, schemaB);
  const b = repo.commitAll("B: add posts");
  repo.write(`prisma/migrations/${C_NAME}/migration.sql`, C_SQL);
  repo.write(SCHEMA_FILE, schemaWithC(schemaB));
  const c = repo.commitAll("C: add comments");
  return { repo, commits: { a, b, c } };
}
