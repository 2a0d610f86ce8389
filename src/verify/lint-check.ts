// verify's `lint` check: the linter runs as soon as the base branch's migrations are read (it needs
// no database, so it overlaps the cluster start and Prisma's apply), and the measured locks of the
// new migrations run on a scratch database of the verify server while Prisma applies.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { BaseMigration } from "../core/history.js";
import type { Logger } from "../core/logger.js";
import type { Migration } from "../core/migrations.js";
import type { CheckResult, Finding } from "../core/report.js";
import { schemaAtCommit } from "../git/file-at-commit.js";
import type { SizeRisk } from "../lint/stats.js";
import { guarded } from "./guard.js";
import { lintCheck, lintMigrationSet, loaded, type LintOutcome } from "./lint.js";
import { measureLocks, measureLocksRolledBack, MEASURED_LOCK_RULE } from "./measured-locks.js";

export interface LintInVerify {
  /** Starts measuring the new migrations' locks on a replay of the base migrations on the verify server. */
  measureLocks(url: string): void;
  /**
   * On a snapshot hit, with the restored base state in `client`'s database and Prisma held off by its
   * advisory lock: one new migration is measured right there, rolled back (resolves when done); more
   * are measured on a copy that `restoreCopy(name)` makes, in the background.
   */
  measureLocksOnRestored(client: pg.Client, adminUrl: string, restoreCopy: (database: string) => Promise<void>): Promise<void>;
  /** Measures on a new database that `makeCopy(name)` fills with the base state (in the background). */
  measureLocksOnCopy(adminUrl: string, makeCopy: (database: string) => Promise<void>): void;
  check(): Promise<CheckResult>;
}

export function startLintCheck(params: {
  current: readonly Migration[];
  base?: readonly BaseMigration[];
  repoRoot: string;
  baseCommit?: string;
  schemaPath: string;
  /** Table sizes (verify --stats): lock and rewrite hazards on large tables are raised and sized. */
  sizeRisk?: SizeRisk;
  logger: Logger;
  /**
   * Called with a connection to the base state (the base branch's migrations applied, none of the new
   * ones) whenever the lock measurement builds or finds one; must not change it.
   */
  onBaseState?: (client: pg.Client) => Promise<void>;
}): LintInVerify {
  const { current, base, logger } = params;
  const lintPromise: Promise<LintOutcome> = (async () => {
    const baseSchemaText = params.baseCommit ? await schemaAtCommit(params.repoRoot, params.baseCommit, params.schemaPath) : undefined;
    return lintMigrationSet({
      current: loaded(current),
      ...(base ? { base: loaded(base) } : {}),
      ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
      ...(params.sizeRisk ? { sizeRisk: params.sizeRisk } : {}),
    });
  })();
  lintPromise.catch(() => {});
  let locksPromise: Promise<Finding[]> = Promise.resolve([]);
  // Without a base ref nothing is new: no migration to measure.
  const baseNames = new Set((base ?? current).map((m) => m.name));
  const fresh = current.filter((m) => !baseNames.has(m.name));
  const measureOnCopy = (adminUrl: string, makeCopy: (database: string) => Promise<void>) => {
    if (!base || fresh.length === 0) return;
    logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a copy of the base state…`);
    const scratch = `migrate_guard_locks_${randomBytes(4).toString("hex")}`;
    locksPromise = makeCopy(scratch).then(
      () => measureLocks({ url: adminUrl, base, fresh, scratch, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) }),
      (error: Error) => [
        {
          rule: MEASURED_LOCK_RULE,
          severity: "notice" as const,
          file: fresh[0]!.file,
          line: 1,
          message: `Locks not measured: the base state could not be copied (${error.message.split("\n")[0]}).`,
        },
      ],
    );
  };
  return {
    measureLocks(url) {
      if (!base || fresh.length === 0) return;
      logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a scratch database…`);
      locksPromise = measureLocks({ url, base, fresh, ...(params.onBaseState ? { onBaseState: params.onBaseState } : {}) });
    },
    async measureLocksOnRestored(client, adminUrl, restoreCopy) {
      if (!base || fresh.length === 0) return;
      if (fresh.length > 1) return measureOnCopy(adminUrl, restoreCopy);
      logger.info(`Measuring the locks of the new migration on the restored base state (rolled back)…`);
      locksPromise = measureLocksRolledBack(client, fresh[0]!, params.onBaseState);
      await locksPromise;
    },
    measureLocksOnCopy: measureOnCopy,
    async check() {
      const [outcome, locks] = await Promise.all([lintPromise.catch((error: Error) => error), locksPromise]);
      // A linter bug must not take the other checks' results down with it.
      if (outcome instanceof Error) {
        return {
          id: "lint",
          status: "fail",
          summary: "the linter failed",
          findings: [{ rule: "lint-failed", severity: "error", message: `migrate-guard lint failed: ${outcome.message}` }],
        };
      }
      const result = lintCheck(outcome, locks);
      return outcome.result.linted.length === 0 ? { ...result, status: "skip" } : result;
    },
  };
}

/**
 * startLintCheck, guarded: when starting it throws, `check()` is the lint check's internal error.
 * `secrets` is read when `check()` runs (the caller adds the server's URLs once it knows them).
 */
export function startGuardedLintCheck(
  params: Parameters<typeof startLintCheck>[0],
  secrets: readonly string[],
): { lint?: LintInVerify; check(): Promise<CheckResult> } {
  let lint: LintInVerify | undefined;
  let lintError: unknown;
  try {
    lint = startLintCheck(params);
  } catch (error) {
    lintError = error;
  }
  const check = () =>
    guarded(
      "lint",
      "the lint check",
      async () => {
        if (!lint) throw lintError;
        return lint.check();
      },
      secrets,
    );
  return { ...(lint ? { lint } : {}), check };
}
