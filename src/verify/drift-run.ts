// verify's drift check, wired: the expected catalog (rebuilt with the migrated database's extensions
// when schema.prisma's SQL needs them), the catalog comparison, the base ref's drift (cached) and
// Prisma's differ as the judge. See docs/drift.md.
import type { Catalog } from "../core/catalog.js";
import type { BaseMigration } from "../core/history.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import type { CheckResult, DriftResult } from "../core/report.js";
import { schemaAtCommit } from "../git/file-at-commit.js";
import { readExtensions } from "../postgres/catalog-reader.js";
import { PrismaCommandError, type PrismaCli } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";
import { baseDriftKey, measureBaseDrift, readBaseDrift, writeBaseDrift, type BaseState } from "./base-drift.js";
import { catalogDifferences, checkDrift, expectedCatalog, SchemaSqlError } from "./drift.js";
import { runJudge } from "./prisma-judge.js";

export interface DriftRun {
  prisma: PrismaCli;
  project: PrismaProject;
  url: string;
  adminUrl: string;
  schemaSqlPromise: Promise<string>;
  /** Built early, without extensions (most schemas need none). */
  expectedPromise: Promise<Catalog>;
  schemaFile: string;
  logger: Logger;
  /** The verify server's binaries (pg_dump), when it is a throwaway cluster. */
  bindir?: string | undefined;
  phase: (name: string, since: number) => void;
  base?: {
    ref: string;
    commit: string;
    migrations: readonly BaseMigration[];
    repoRoot: string;
    current: readonly Migration[];
    cacheDir?: string | undefined;
    postgresMajor: number;
    /** A database with the base's migrated state this run already has (see MeasureBaseDrift). */
    state?: () => Promise<BaseState | undefined>;
  };
}

const failed = (summary: string, rule: string, file: string, message: string): { check: CheckResult } => ({
  check: { id: "drift", status: "fail", summary, findings: [{ rule, severity: "error", file, message }] },
});

export async function runDriftCheck(p: DriftRun): Promise<{ check: CheckResult; drift?: DriftResult }> {
  const waited = Date.now();
  let expected: Catalog;
  try {
    expected = await p.expectedPromise;
  } catch (error) {
    if (error instanceof PrismaCommandError) {
      return failed(
        "schema.prisma could not be turned into SQL by Prisma",
        "schema-to-sql-failed",
        p.schemaFile,
        `${error.message}\nFix schema.prisma until \`prisma validate\` passes.`,
      );
    }
    if (!(error instanceof SchemaSqlError)) throw error;
    // schema.prisma uses what an extension provides (a citext column, a gin_trgm_ops index): build it
    // again on a scratch database that has the migrated database's extensions.
    const extensions = await readExtensions(p.url);
    if (extensions.length === 0)
      return failed(
        "schema.prisma's SQL does not run on an empty database",
        "schema-sql-failed",
        p.schemaFile,
        `${error.message}. The migrations create no extension that could provide it: a migration must create what schema.prisma uses.`,
      );
    try {
      expected = await expectedCatalog({
        adminUrl: p.adminUrl,
        schemaSql: await p.schemaSqlPromise,
        schemas: p.project.schemas,
        extensions,
      });
    } catch (again) {
      if (!(again instanceof SchemaSqlError)) throw again;
      return failed(
        "schema.prisma's SQL does not run on a database with the migrations' extensions",
        "schema-sql-failed",
        p.schemaFile,
        again.message,
      );
    }
  }
  p.phase("waiting for schema SQL and its catalog", waited);
  const started = Date.now();
  const items = await catalogDifferences(p.url, expected, p.project.schemas);
  const base = p.base;
  const outcome = await checkDrift({
    items,
    schemaFile: p.schemaFile,
    schemaText: p.project.schemaText,
    ...(base ? { base: { ref: base.ref, existing: () => existingDrift(p, base) } } : {}),
    judge: async () => {
      const judged = Date.now();
      try {
        return await runJudge({ prisma: p.prisma, project: p.project, url: p.url, adminUrl: p.adminUrl, bindir: p.bindir });
      } finally {
        p.phase("Prisma's differ", judged);
      }
    },
  });
  p.phase("drift", started);
  return outcome;
}

async function existingDrift(p: DriftRun, base: NonNullable<DriftRun["base"]>): Promise<ReadonlySet<string>> {
  const baseSchemaText = await schemaAtCommit(base.repoRoot, base.commit, p.project.schemaPath);
  if (baseSchemaText === undefined) throw new Error(`${p.schemaFile} does not exist at ${base.ref}`);
  const key = baseDriftKey({
    prismaMajor: p.prisma.major,
    postgresMajor: base.postgresMajor,
    schemas: p.project.schemas,
    baseSchemaText,
    base: base.migrations,
  });
  const cached = base.cacheDir ? await readBaseDrift(base.cacheDir, key) : undefined;
  if (cached) {
    p.logger.debug(`Drift on ${base.ref}: ${cached.length} difference(s), from the cache.`);
    return new Set(cached);
  }
  const measured = await measureBaseDrift({
    prisma: p.prisma,
    project: p.project,
    url: p.url,
    adminUrl: p.adminUrl,
    base: base.migrations,
    current: base.current,
    baseSchemaText,
    logger: p.logger,
    ...(base.state ? { baseState: base.state } : {}),
  });
  p.logger.info(`Drift already on ${base.ref}: ${measured.length} difference(s)${base.cacheDir ? " (cached for the next run)" : ""}.`);
  if (base.cacheDir) await writeBaseDrift(base.cacheDir, key, measured);
  return new Set(measured);
}
