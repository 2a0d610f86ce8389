// The two Prisma CLIs the suite runs every Prisma-invoking path against: the repository root's
// Prisma 6.19 (offline through `engine: "js"`, see test/support/prisma-offline-pg) and Prisma 7.10
// from the test/fixtures/prisma7-app workspace, whose native schema engine is replaced by
// test/support/schema-engine-shim (PRISMA_SCHEMA_ENGINE_BINARY). A Prisma 7 project is a copy whose
// node_modules links to that workspace's, so `prisma` resolves to 7 there and to 6 everywhere else.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { corpus, createProjectRepo, exampleApp, repoRoot, type ProjectRepo } from "../support/project-repo.js";

export const prisma7App = path.join(repoRoot, "test/fixtures/prisma7-app");
export const prisma7Modules = path.join(prisma7App, "node_modules");
export const schemaEngineShim = path.join(repoRoot, "test/support/schema-engine-shim");

export interface PrismaVariant {
  label: string;
  major: 6 | 7;
  /** A throwaway git repository of the example app for this Prisma (base commit made). */
  exampleRepo(): ProjectRepo;
}

/** Prisma 7 reads the engine path from the environment of every CLI run; set for a test file's span. */
export function useSchemaEngineShim(): () => void {
  const previous = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = schemaEngineShim;
  return () => {
    if (previous === undefined) delete process.env.PRISMA_SCHEMA_ENGINE_BINARY;
    else process.env.PRISMA_SCHEMA_ENGINE_BINARY = previous;
  };
}

function linkPrisma7(dir: string): void {
  rmSync(path.join(dir, "node_modules"), { force: true });
  symlinkSync(prisma7Modules, path.join(dir, "node_modules"));
}

export const PRISMA_VARIANTS: PrismaVariant[] = [
  { label: "Prisma 6.19", major: 6, exampleRepo: () => createProjectRepo(exampleApp) },
  {
    label: "Prisma 7.10",
    major: 7,
    exampleRepo() {
      const repo = createProjectRepo(prisma7App);
      linkPrisma7(repo.dir);
      return repo;
    },
  },
];

/**
 * A corpus project (test/fixtures/corpus/NAME) set up as a Prisma 7 project: the same models and
 * migrations, the datasource URL moved from schema.prisma to prisma.config.ts (Prisma 7 rejects
 * `url`/`directUrl` in the schema). Remove the returned directory when done.
 */
export function prisma7Corpus(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `migrate-guard-p7-${name}-`));
  cpSync(path.join(corpus(name), "prisma"), path.join(dir, "prisma"), { recursive: true });
  const schemaPath = path.join(dir, "prisma/schema.prisma");
  writeFileSync(schemaPath, readFileSync(schemaPath, "utf8").replace(/^\s*(url|directUrl)\s*=\s*env\("[^"]+"\)\s*\n/gm, ""));
  writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `import { defineConfig, env } from "prisma/config";\n\nexport default defineConfig({\n  schema: "prisma/schema.prisma",\n  migrations: { path: "prisma/migrations" },\n  datasource: { url: env("DATABASE_URL") },\n});\n`,
  );
  writeFileSync(path.join(dir, "package.json"), `{ "name": "corpus-${name}-prisma7", "private": true, "type": "module" }\n`);
  symlinkSync(prisma7Modules, path.join(dir, "node_modules"));
  return dir;
}
