// deploy: `prisma migrate deploy` — nothing else — behind the guards. Refusals first (failed migration,
// edited migration, no history, unconfirmed production; nothing changed), then the deployment record,
// the optional backup (read-only, so a failed one leaves the database as it was), the environment stamp,
// a bounded wait for another deploy's lock, Prisma, and the state read back for the report.
import { assertProductionConfirmed, compareStamp } from "../core/environment.js";
import { redact } from "../core/errors.js";
import { failureSummary, parseDeployOutput, recoverySteps } from "../core/migration-state.js";
import type { PrismaCli, PrismaRunResult } from "../prisma/cli.js";
import { urlSecrets, type EnvironmentDatabase } from "../postgres/environment-database.js";
import { lockTimeoutMessage, waitForMigrationLock } from "./lock.js";
import { backupDatabase } from "./pg-dump.js";
import { runDeployGate } from "../gate/deploy-gate.js";
import type { AppliedNow, MigrateReport } from "./report.js";
import { auditRequest, closeAudit, describeState, openAudit, refuse, type RunScope } from "./scope.js";
import { pendingMigrations, readBack } from "./state.js";

function refusalBeforeChange(scope: RunScope): string | undefined {
  const { env, loaded, report, settings } = scope;
  if (loaded.dir.foldersWithoutSql.length > 0) {
    return `The migrations directory has folders without migration.sql (${loaded.dir.foldersWithoutSql.join(", ")}); Prisma fails on them. Remove them or add their migration.sql.`;
  }
  if (env.state.failed.length > 0) {
    const f = env.state.failed[0]!;
    return (
      `Migration "${f.name}" failed earlier on "${settings.environment.name}" and is still in the failed state (Prisma P3009), so no migration can be deployed until it is resolved. ` +
      `Recorded error: ${failureSummary(f.logs, 2).replace(/\n/g, " ")} — the recovery steps follow.`
    );
  }
  if (env.state.checksumMismatch.length > 0) {
    return (
      `${env.state.checksumMismatch.length} applied migration(s) were edited after they ran on "${settings.environment.name}" (${env.state.checksumMismatch.join(", ")}). ` +
      "What is in the repository is not what the database has: restore the files and put the change into a new migration."
    );
  }
  if (env.noHistory && env.userTables > 0) {
    return `The database has ${env.userTables} table(s) but no _prisma_migrations history; Prisma would refuse it (P3005). Baseline it with resolve --applied first.`;
  }
  if (report.production && !settings.environment.production) {
    // Production by its stamp, not by configuration: the same typed confirmation applies.
    try {
      assertProductionConfirmed({ ...settings.environment, production: true }, settings.confirm);
    } catch (error) {
      return `The database is stamped as production. ${(error as Error).message}`;
    }
  }
  return undefined;
}

function watchProgress(db: EnvironmentDatabase, start: number, total: number, log: (message: string) => void): () => void {
  let last = start;
  const timer = setInterval(() => {
    db.countFinished().then(
      (n) => {
        if (n !== last) log(`  applied ${n - start}/${total} migrations…`);
        last = n;
      },
      () => {},
    );
  }, 2000);
  timer.unref();
  return () => clearInterval(timer);
}

function prismaFailure(result: PrismaRunResult): string {
  const text = `${result.stderr}\n${result.stdout}`;
  if (/advisory lock/i.test(text) && /Timed out/i.test(text)) {
    return "Prisma timed out (after 10 s) waiting for its migration lock (pg_advisory_lock 72707369): another deploy is running on this database. Nothing was applied by this run; deploy again when it has finished.";
  }
  return `prisma migrate deploy failed (exit ${result.code}): ${prismaError(text)}`;
}

/** The error lines of Prisma's output, without its preamble and the engine's backtrace. */
export function prismaError(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
  const i = lines.findIndex((l) => /^Error\b/.test(l));
  return (i >= 0 ? lines.slice(i, i + 6) : lines.slice(-6)).join(" ");
}

export async function runDeploy(scope: RunScope, prisma: PrismaCli): Promise<MigrateReport> {
  const { settings, deps, loaded, db, env, report } = scope;
  const log = (m: string) => deps.logger.info(m);
  describeState(scope);
  report.pendingBefore = pendingMigrations(loaded, env.state.pending);
  if (deps.lint && report.pendingBefore.length > 0) {
    await deps
      .lint(report.pendingBefore, loaded.dir.migrations)
      .catch((e: Error) => report.warnings.push(`The migration linter failed (the deploy goes on without its findings): ${e.message}`));
  }
  const refusal = refusalBeforeChange(scope);
  if (refusal) return refuse(report, refusal);
  if (report.production) {
    // The soak gate: staging must have run these migrations long enough. Read-only; a wait or block refuses.
    const context = deps.context ?? {};
    report.gate = await runDeployGate(settings.gate, settings.environment.name, settings.databaseUrl, report.pendingBefore, {
      logger: deps.logger,
      ...(context.actor ? { actor: context.actor } : {}),
      ...(context.sha ? { sha: context.sha } : {}),
      ...deps.soakGate,
    });
    if (report.gate.refusal) return refuse(report, report.gate.refusal);
  }

  const what = report.pendingBefore.length ? `${report.pendingBefore.length} pending migration(s)` : "no pending migrations";
  const record = await openAudit(
    deps,
    report,
    auditRequest(
      settings,
      deps,
      report,
      report.pendingBefore.map((m) => ({ name: m.name, checksum: m.checksum })),
      what,
    ),
  );
  if (report.refused) return report;
  const secrets = urlSecrets(settings.databaseUrl);
  try {
    // The backup first: it only reads, so a failed backup leaves the database exactly as it was.
    if (settings.backup) {
      log(`Backing up ${report.database} to ${settings.backup.file} before deploying…`);
      report.backup = await backupDatabase(settings.databaseUrl, settings.backup.file, await db.serverMajor(), (line) =>
        deps.logger.debug(`pg_dump: ${line}`),
      );
      log(
        `Backup written: ${report.backup.file} (${report.backup.bytes} bytes, ${report.backup.durationMs} ms, pg_dump ${report.backup.pgDump}).`,
      );
    }
    if (!env.stamp) {
      const context = deps.context ?? {};
      const { stamp, created } = await db.writeStampIfAbsent({
        name: settings.environment.name,
        normalized: settings.environment.normalized,
        production: report.production,
        ...(context.actor ? { stampedBy: context.actor } : {}),
        ...(context.repository ? { repository: context.repository } : {}),
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      });
      report.stamp = stamp;
      report.stampCreated = created;
      const decision = compareStamp(settings.environment, stamp);
      // Another first deploy, for another environment, stamped it a moment earlier.
      if (decision.kind === "mismatch") throw new Error(decision.reason);
      if (created)
        log(
          `Stamped the database as environment "${stamp.name}"${stamp.production ? " (production)" : ""}: runs for any other environment will be refused.`,
        );
    }
    const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, log);
    if (holder) {
      report.lockHolder = holder;
      throw new Error(lockTimeoutMessage(holder, settings.lockTimeoutSeconds));
    }

    const before = await db.countFinished();
    log(`Running prisma migrate deploy (Prisma ${prisma.version}) for ${what}…`);
    const stop = watchProgress(db, before, report.pendingBefore.length, log);
    let result: PrismaRunResult;
    try {
      result = await prisma.deploy(settings.databaseUrl, (line) => deps.logger.info(`prisma: ${redact(line, secrets)}`));
    } finally {
      stop();
    }
    await readBack(settings, loaded, report);
    const names = parseDeployOutput(result.stdout) ?? env.state.pending.filter((n) => report.state?.applied.some((a) => a.name === n));
    report.appliedNow = names.map((name): AppliedNow => {
      const a = report.state?.applied.find((m) => m.name === name);
      return { name, durationMs: a?.durationMs ?? 0, slow: a?.slow ?? false };
    });
    for (const a of report.appliedNow) {
      if (a.slow)
        report.warnings.push(
          `🚩 Slow migration: "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (limit ${settings.slowMigrationSeconds} s). It held its locks that long.`,
        );
    }
    if (result.code !== 0) {
      const failed = report.state?.failed.find((f) => !env.state.failed.some((g) => g.name === f.name));
      report.error = failed
        ? `Migration "${failed.name}" failed on "${settings.environment.name}": ${failureSummary(failed.logs)}`
        : redact(prismaFailure(result), secrets);
      if (report.state?.failed.length) report.recovery = recoverySteps(report.state.failed, settings.environment.name);
    } else if (report.stateUnknown) {
      report.error = `Prisma reported success, but the final state could not be read: ${report.stateUnknown}`;
    }
    report.ok = !report.error;
  } catch (error) {
    report.error = redact(error instanceof Error ? error.message : String(error), secrets);
    report.ok = false;
  } finally {
    if (report.error) deps.logger.error(report.error);
    await closeAudit(record, report, deps.logger);
  }
  return report;
}
