// verify's checks that need only the repository (lock file, naming, order, history) and the base
// branch's migrations they compare with. Each runs guarded: a failure inside one is its internal-error
// result, and the next still runs.
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import { checkHistory, type BaseMigration } from "../core/history.js";
import { checkLockFile } from "../core/lock-file.js";
import type { Logger } from "../core/logger.js";
import { LOCK_FILE, type MigrationsDirectory } from "../core/migrations.js";
import { checkNaming } from "../core/naming.js";
import { checkOrder } from "../core/order.js";
import { statusFromFindings, type CheckId, type CheckResult } from "../core/report.js";
import { migrationsAtCommit } from "../git/git.js";
import type { PrismaProject } from "../prisma/project.js";

export function result(id: CheckId, summary: string, findings: CheckResult["findings"]): CheckResult {
  return { id, status: statusFromFindings(findings), summary, findings };
}

export function skipped(id: CheckId, summary: string): CheckResult {
  return { id, status: "skip", summary, findings: [] };
}

/** Runs one check guarded and records its result (see guarded in ./guard.ts). */
export type Guard = (id: CheckId, what: string, run: () => CheckResult | Promise<CheckResult>) => Promise<void>;

export interface BaseRead {
  /** The base ref's migrations; undefined without a base ref, or when they could not be read. */
  base?: BaseMigration[];
  /** Why they could not be read: the checks that need them fail with it. */
  baseError?: unknown;
}

/** The base ref's migrations; a git failure is kept for the checks that need them (bad input still throws). */
export async function readBase(params: {
  baseRef?: string;
  baseCommit?: string;
  repoRoot: string;
  migrationsDir: string;
  dir: MigrationsDirectory;
  logger: Logger;
  phase: (name: string) => void;
}): Promise<BaseRead> {
  const { baseCommit, dir } = params;
  if (!baseCommit) return {};
  try {
    const base = await migrationsAtCommit(params.repoRoot, baseCommit, params.migrationsDir, dir.migrations);
    params.phase(`base ref's ${base.length} migrations read`);
    params.logger.info(
      `Base ${params.baseRef} (${baseCommit.slice(0, 12)}) has ${base.length} migrations; this branch has ${dir.migrations.length}.`,
    );
    return { base };
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    return { baseError: new Error(`the base ref's migrations could not be read from git: ${(error as Error).message}`) };
  }
}

/** The lock-file, naming, order and history checks, in that order. */
export async function runRepositoryChecks(
  guard: Guard,
  params: BaseRead & {
    project: PrismaProject;
    dir: MigrationsDirectory;
    /** Repository-relative POSIX path of a file. */
    rel: (file: string) => string;
    baseNames: ReadonlySet<string>;
    newNames: ReadonlySet<string>;
    genericNames?: string[];
  },
): Promise<void> {
  const { project, dir, rel, base, baseError, baseNames, newNames } = params;
  await guard("lock-file", "the lock-file check", () =>
    result(
      "lock-file",
      `${rel(path.join(dir.dir, LOCK_FILE))} checked against ${rel(project.schemaPath)}`,
      checkLockFile({
        ...(dir.lockFile !== undefined ? { lockFile: dir.lockFile } : {}),
        lockPath: rel(path.join(dir.dir, LOCK_FILE)),
        ...(project.datasource.provider ? { schemaProvider: project.datasource.provider } : {}),
        schemaPath: rel(project.schemaPath),
      }),
    ),
  );
  const baseNeeded = (id: CheckId, what: string, run: () => CheckResult) =>
    guard(id, what, () => {
      if (baseError) throw baseError;
      return base ? run() : skipped(id, "no base ref given");
    });
  await guard("naming", "the naming check", () => {
    if (baseError) throw baseError;
    return result(
      "naming",
      base
        ? `${newNames.size} new migration(s) checked for descriptive names`
        : "folders checked for migration.sql (no base ref: names of existing migrations are not judged)",
      checkNaming({
        migrations: dir.migrations,
        newNames,
        foldersWithoutSql: dir.foldersWithoutSql,
        migrationsDirRel: rel(dir.dir),
        ...(params.genericNames ? { genericNames: params.genericNames } : {}),
      }),
    );
  });
  await baseNeeded("order", "the order check", () =>
    result(
      "order",
      `${newNames.size} new migration(s) sort after the base branch's ${baseNames.size}`,
      checkOrder({ migrations: dir.migrations, baseNames }),
    ),
  );
  await baseNeeded("history", "the history check", () =>
    result(
      "history",
      `${base!.length} migration(s) of the base branch compared byte for byte`,
      checkHistory({ base: base!, current: dir.migrations }),
    ),
  );
}
