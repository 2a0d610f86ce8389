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
  const settings = validateRequest({ command: "deploy", environment, databaseUrl, workingDirectory, ...(environment === "production" ? { confirm: "production" } : {}) });
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
  const sink = new Writable({ write(chunk, _enc, done) { stdout += String(chunk); done(); } });
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
