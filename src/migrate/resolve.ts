// resolve: `prisma migrate resolve --rolled-back NAME | --applied NAME`, the two ways out of Prisma's
// failed-migration state. Refused (nothing changed) when the migration is not in a state the resolution
// applies to; confirmed by typing the migration's name (checked in settings.ts).
import { redact } from "../core/errors.js";
import type { MigrationState } from "../core/migration-state.js";
import type { PrismaCli } from "../prisma/cli.js";
import { urlSecrets } from "../postgres/environment-database.js";
import { prismaError } from "./deploy.js";
import { lockTimeoutMessage, waitForMigrationLock } from "./lock.js";
import type { MigrateReport } from "./report.js";
import { auditRequest, closeAudit, describeState, openAudit, refuse, type RunScope } from "./scope.js";
import { readBack } from "./state.js";

/** Where a migration stands, in words, for refusals. */
export function whereIs(state: MigrationState, name: string, inRepo: boolean): string {
  const applied = state.applied.find((a) => a.name === name);
  if (applied) return `it is applied (finished ${applied.finishedAt.toISOString()})`;
  if (state.failed.some((f) => f.name === name)) return "it is in the failed state";
  if (state.rolledBack.includes(name)) return "its failed attempt is already marked rolled back (it is pending again)";
  if (state.pending.includes(name)) return "it is pending (never started on this database)";
  return inRepo ? "the database has no record of it" : "neither the repository nor the database has a migration of that name";
}

function refusal(scope: RunScope): string | undefined {
  const { settings, env, loaded } = scope;
  const { name, kind } = settings.resolve!;
  const inRepo = loaded.dir.migrations.some((m) => m.name === name);
  const env_ = settings.environment.name;
  if (kind === "rolled-back") {
    if (env.state.failed.some((f) => f.name === name)) return undefined;
    const failed = env.state.failed.map((f) => f.name);
    return (
      `--rolled-back is only for a migration in the failed state, and "${name}" is not: ${whereIs(env.state, name, inRepo)} on "${env_}". ` +
      (failed.length ? `Failed migration(s) there: ${failed.join(", ")}.` : `"${env_}" has no failed migration; nothing needs resolving.`)
    );
  }
  if (env.state.applied.some((a) => a.name === name))
    return `--applied: "${name}" is already applied on "${env_}" (${whereIs(env.state, name, inRepo)}); nothing to record.`;
  return undefined;
}

export async function runResolve(scope: RunScope, prisma: PrismaCli): Promise<MigrateReport> {
  const { settings, deps, loaded, db, report } = scope;
  const { name, kind } = settings.resolve!;
  describeState(scope);
  const reason = refusal(scope);
  if (reason) return refuse(report, reason);

  const checksum = loaded.dir.migrations.find((m) => m.name === name)?.checksum ?? "";
  const record = await openAudit(deps, report, auditRequest(settings, deps, report, [{ name, checksum }], `mark ${name} ${kind}`));
  if (report.refused) return report;
  const secrets = urlSecrets(settings.databaseUrl);
  try {
    const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
    if (holder) throw new Error(lockTimeoutMessage(holder, settings.lockTimeoutSeconds));
    deps.logger.info(`Running prisma migrate resolve --${kind} ${name} (Prisma ${prisma.version})…`);
    const result = await prisma.resolve(settings.databaseUrl, kind, name, (line) => deps.logger.info(`prisma: ${redact(line, secrets)}`));
    let via: "prisma" | "migrate-guard" = "prisma";
    const output = `${result.stderr}\n${result.stdout}`;
    if (
      result.code !== 0 &&
      kind === "rolled-back" &&
      /Could not find schema-engine binary/i.test(output) &&
      loaded.project.configHints?.usesAdapter
    ) {
      // Prisma 6.19 checks the connection of `resolve --rolled-back` with the native schema engine even
      // when the project migrates through a driver adapter, so without that binary it stops before doing
      // anything. The change itself is one guarded row update; it is made exactly as the engine makes it.
      deps.logger.warning(
        `Prisma ${prisma.version} could not run resolve --rolled-back through the project's driver adapter (it looks for the native schema engine, which is not installed). migrate-guard marks the failed attempt rolled back itself, as Prisma's engine does.`,
      );
      const rows = await db.markRolledBack(name);
      if (rows === 0)
        throw new Error(`"${name}" was no longer in the failed state when it was to be marked rolled back; nothing was changed.`);
      via = "migrate-guard";
    } else if (result.code !== 0) {
      throw new Error(`prisma migrate resolve --${kind} ${name} failed (exit ${result.code}): ${prismaError(output)}`);
    }
    await readBack(settings, loaded, report);
    const after = report.state;
    const done =
      after && (kind === "rolled-back" ? !after.failed.some((f) => f.name === name) : after.applied.some((a) => a.name === name));
    if (!after) throw new Error(`The resolution ran, but its result could not be read back: ${report.stateUnknown ?? "unknown"}`);
    if (!done)
      throw new Error(
        `Prisma reported success, but "${name}" is not ${kind === "rolled-back" ? "out of the failed state" : "recorded as applied"} afterwards.`,
      );
    report.resolved = { name, kind, via };
    report.recovery = [];
    report.ok = true;
    deps.logger.info(
      kind === "rolled-back"
        ? `"${name}" is marked rolled back on "${settings.environment.name}": fix it if needed, then deploy.`
        : `"${name}" is recorded as applied on "${settings.environment.name}".`,
    );
  } catch (error) {
    report.error = redact(error instanceof Error ? error.message : String(error), secrets);
    report.ok = false;
    deps.logger.error(report.error);
  } finally {
    await closeAudit(record, report, deps.logger);
  }
  return report;
}
