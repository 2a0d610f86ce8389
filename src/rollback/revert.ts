// `rollback --revert X`: writes a NEW migration that undoes X. The environment's database is only read
// (its stamp, its history, and — when the reversal drops something — how much data that would destroy);
// the reversal is computed and checked on a throwaway PostgreSQL (scratch.ts). Refusals write nothing.
// Why a catalog comparison and not `prisma migrate diff --from-url A --to-url B`: Prisma refuses
// --from-url/--to-url/--shadow-database-url when the project migrates through a driver adapter
// (prisma.config.ts `adapter`), and without one it needs the native schema engine binary; the catalog
// comparison (the one drift uses) works on every set-up and its result is verified before it is written.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Catalog } from "../core/catalog.js";
import { compareCatalogs } from "../core/drift.js";
import { compareStamp } from "../core/environment.js";
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { toPosix } from "../core/migrations.js";
import {
  planRevert,
  renderRevertMigration,
  revertMigrationName,
  unseenStatements,
  type DataLoss,
  type RevertPlan,
} from "../core/revert.js";
import { DatabaseConnectionError, EnvironmentDatabase } from "../postgres/environment-database.js";
import { expectedCatalog } from "../verify/drift.js";
import { whereIs } from "../migrate/resolve.js";
import { loadProject, projectPrisma, readEnvironmentState, type LoadedProject } from "../migrate/state.js";
import { describeUrl, urlSecrets } from "../postgres/database.js";
import { VERSION } from "../version.js";
import { measureDataLoss } from "./measure.js";
import { revertSchemaChange, type SchemaChange } from "./schema-revert.js";
import { buildScratchStates, DependentMigrationError, type ScratchStates } from "./scratch.js";
import type { RevertSettings } from "./settings.js";

export interface RevertReport {
  ok: boolean;
  kind: "revert";
  environment: string;
  migration: string;
  /** host:port/database as user — nothing secret. */
  database: string;
  /** Why nothing was written (the request does not fit the state). */
  refused: string | null;
  error?: string;
  /** The migration written. */
  revert?: { name: string; dir: string; file: string; sql: string };
  dataLoss: { description: string; measured?: string }[];
  recreatedEmpty: string[];
  notReverted: string[];
  mayFail: string[];
  warnings: string[];
  /** schema.prisma: reverted along with the migration, or unchanged and why (set once a migration is written). */
  schema?: SchemaChange;
  postgresVersion?: string;
  durationMs: number;
}

function refuse(report: RevertReport, reason: string): RevertReport {
  report.ok = false;
  report.refused = reason;
  return report;
}

/** Column order is not part of what a reversal can restore (a re-added column goes last). */
function unordered(catalog: Catalog): Catalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) })),
  };
}

function findMigration(loaded: LoadedProject, name: string) {
  const found = loaded.dir.migrations.find((m) => m.name === name);
  if (found) return found;
  const recent = loaded.dir.migrations.slice(-3).map((m) => m.name);
  throw new ConfigurationError(
    `--revert ${name}: there is no migration of that name in ${loaded.dir.dir}. Expected a folder name, e.g. ${recent.join(", ") || "20240101120000_add_users"}.`,
  );
}

/**
 * Reads the environment (never writes): refuses a database stamped for another environment or one where
 * the migration is not applied. Returns the server's major version, or undefined after a refusal/error.
 */
async function readEnvironment(settings: RevertSettings, loaded: LoadedProject, report: RevertReport): Promise<number | undefined> {
  let db: EnvironmentDatabase;
  try {
    db = await EnvironmentDatabase.connect(settings.databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseConnectionError)) throw error;
    report.error = error.message;
    return undefined;
  }
  try {
    const env = await readEnvironmentState(db, loaded, 30);
    const decision = compareStamp(settings.environment, env.stamp);
    if (decision.kind === "mismatch") return void refuse(report, decision.reason);
    const { migration } = settings;
    if (!env.state.applied.some((a) => a.name === migration)) {
      const failed = env.state.failed.some((f) => f.name === migration) ? ` Use --rolled-back ${migration} for a failed migration.` : "";
      return void refuse(
        report,
        `--revert is for a migration applied to "${settings.environment.name}", and ${migration} is not: ${whereIs(env.state, migration, true)}.${failed}`,
      );
    }
    if (env.state.checksumMismatch.includes(migration)) {
      report.warnings.push(
        `${migration} was edited after it was applied to "${settings.environment.name}": the reversal undoes the file as it is now, not as it was applied.`,
      );
    }
    return await db.serverMajor();
  } finally {
    await db.close();
  }
}

export async function runRevert(settings: RevertSettings, deps: { logger: Logger; now?: () => Date }): Promise<RevertReport> {
  const started = Date.now();
  const report: RevertReport = {
    ok: false,
    kind: "revert",
    environment: settings.environment.name,
    migration: settings.migration,
    database: describeUrl(settings.databaseUrl),
    refused: null,
    dataLoss: [],
    recreatedEmpty: [],
    notReverted: [],
    mayFail: [],
    warnings: [],
    durationMs: 0,
  };
  const finish = () => {
    report.durationMs = Date.now() - started;
    return report;
  };
  const loaded = await loadProject(settings.workingDirectory, settings.schema);
  const target = findMigration(loaded, settings.migration);
  const major = await readEnvironment(settings, loaded, report);
  if (major === undefined) return finish();

  let states: ScratchStates;
  try {
    states = await buildScratchStates({
      migrations: loaded.dir.migrations,
      reverted: settings.migration,
      schemas: loaded.project.schemas,
      postgresMajor: major,
      logger: deps.logger,
    });
  } catch (error) {
    if (!(error instanceof DependentMigrationError)) throw error;
    refuse(
      report,
      `${settings.migration} cannot be reverted on its own: the later migration ${error.migration} depends on it (${error.reason}). ` +
        "Revert the later migrations first, newest first, or write the reversal by hand.",
    );
    return finish();
  }
  try {
    await planAndWrite(settings, {
      loaded,
      targetSql: target.sql,
      states,
      report,
      logger: deps.logger,
      now: deps.now ?? (() => new Date()),
    });
  } finally {
    await states.stop();
  }
  return finish();
}

async function planAndWrite(
  settings: RevertSettings,
  ctx: { loaded: LoadedProject; targetSql: string; states: ScratchStates; report: RevertReport; logger: Logger; now: () => Date },
): Promise<void> {
  const { loaded, states, report } = ctx;
  report.postgresVersion = states.postgresVersion;
  if (states.warning) report.warnings.push(states.warning);
  const plan = planRevert(states.current, states.without);
  if (plan.statements.length === 0) {
    refuse(
      report,
      `${settings.migration} changes nothing migrate-guard compares (tables, columns, keys, indexes, enums): there is no schema change to revert. ` +
        "If it changed data, views, functions or triggers, write the reversal by hand (`prisma migrate dev --create-only`).",
    );
    return;
  }
  const after = await selfCheck(plan, states, report);
  const unseen = unseenStatements(ctx.targetSql);
  report.recreatedEmpty = plan.recreatedEmpty;
  report.notReverted = [...plan.notReverted, ...unseen];
  report.mayFail = plan.mayFail;

  const measured = await measureDataLoss(settings.databaseUrl, settings.environment.name, plan.dataLoss).catch((error: unknown) => {
    report.warnings.push(
      `Could not measure the data the reversal drops: ${redact(error instanceof Error ? error.message : String(error), urlSecrets(settings.databaseUrl))}`,
    );
    return new Map<DataLoss, string>();
  });
  report.dataLoss = plan.dataLoss.map((d) => ({ description: d.description, ...(measured.get(d) ? { measured: measured.get(d)! } : {}) }));
  if (plan.dataLoss.length > 0 && !settings.allowDataLoss) {
    refuse(
      report,
      `Reverting ${settings.migration} destroys data: ${report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`).join("; ")}. ` +
        "Nothing was written. Back the data up if it matters, then pass --allow-data-loss (the action: allow-data-loss: true).",
    );
    return;
  }

  const generatedAt = ctx.now();
  const name = revertMigrationName(
    settings.migration,
    loaded.dir.migrations.map((m) => m.name),
    generatedAt,
  );
  const sql = renderRevertMigration({
    reverted: settings.migration,
    plan,
    environment: settings.environment.name,
    generatedAt,
    tool: `migrate-guard ${VERSION}`,
    postgresVersion: states.postgresVersion,
    measured,
    unseen,
  });
  const dir = path.join(settings.outputDir ?? loaded.dir.dir, name);
  await mkdir(path.dirname(dir), { recursive: true });
  await mkdir(dir); // fails if it exists: a migration is never overwritten
  await writeFile(path.join(dir, "migration.sql"), sql);
  report.revert = { name, dir, file: toPosix(path.relative(loaded.repoRoot, path.join(dir, "migration.sql"))), sql };
  report.ok = true;
  ctx.logger.info(`Wrote ${report.revert.file}: it reverts ${settings.migration} (${plan.statements.length} statement(s)).`);
  const schemaStarted = Date.now();
  report.schema = await revertSchema(settings, loaded, states, after);
  const took = `(${Date.now() - schemaStarted} ms)`;
  ctx.logger.info(
    report.schema.status === "reverted"
      ? `Reverted ${report.schema.files.join(", ")} ${took}: ${report.schema.reason}, checked against the migrations.`
      : `${toPosix(path.relative(loaded.repoRoot, loaded.project.schemaPath)) || "schema.prisma"} unchanged ${took}: ${report.schema.reason}.`,
  );
}

/**
 * Takes the migration's change out of the working tree's schema and checks the result the way verify's
 * drift check will: the catalog the reverted schema describes must equal "every migration + the
 * reversal" (`after`). A mismatch puts the schema back. Only when the migration went into the project's
 * migrations directory: --output-dir writes elsewhere and leaves the working tree's schema alone.
 */
async function revertSchema(settings: RevertSettings, loaded: LoadedProject, states: ScratchStates, after: Catalog): Promise<SchemaChange> {
  const { project } = loaded;
  if (settings.outputDir && path.resolve(settings.outputDir) !== path.resolve(loaded.dir.dir)) {
    return {
      status: "unchanged",
      reason: "--output-dir writes the migration outside the project's migrations directory, so the working tree's schema is left alone",
      files: [],
      fix: `run without --output-dir, or edit ${path.basename(project.schemaPath)} by hand`,
    };
  }
  let applied;
  try {
    applied = await revertSchemaChange({
      workingDirectory: project.workingDirectory,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
      migration: settings.migration,
    });
  } catch (error) {
    return {
      status: "unchanged",
      reason: `git could not tell what the migration changed in the schema (${error instanceof Error ? error.message : String(error)})`,
      files: [],
      fix: `edit ${path.basename(project.schemaPath)} by hand, then check it with \`npx migrate-guard verify\``,
    };
  }
  if (applied.change.status !== "reverted") return applied.change;
  const fix = `edit ${applied.change.files.join(", ")} by hand so that it matches the migrations (the reverse of commit ${applied.change.commit!.slice(0, 12)} is a start: \`git show ${applied.change.commit!.slice(0, 12)} -- ${applied.change.files.join(" ")}\`), then check it with \`npx migrate-guard verify\``;
  let items;
  try {
    const schemaSql = await projectPrisma(loaded, Boolean(settings.schema)).schemaToSql(states.adminUrl);
    const expected = await expectedCatalog({ adminUrl: states.adminUrl, schemaSql, schemas: project.schemas });
    items = compareCatalogs(after, expected).filter((i) => !i.informational);
  } catch (error) {
    await applied.restore();
    const message = redact(error instanceof Error ? error.message : String(error), urlSecrets(states.adminUrl))
      .split("\n")
      .slice(0, 3)
      .join(" ");
    return {
      status: "unchanged",
      reason: `the reverted schema could not be checked, so it was put back (${message})`,
      files: [],
      commit: applied.change.commit!,
      fix,
    };
  }
  if (items.length > 0) {
    await applied.restore();
    return {
      status: "unchanged",
      files: [],
      commit: applied.change.commit!,
      fix,
      findings: items.map((i) => i.message),
      reason: `with commit ${applied.change.commit!.slice(0, 12)}'s schema change reversed, the schema still differs from the migrations (${items.length} difference(s)), so it was put back`,
    };
  }
  return applied.change;
}

/** Applies the reversal to "every migration" and compares with "every migration except X". */
async function selfCheck(plan: RevertPlan, states: ScratchStates, report: RevertReport): Promise<Catalog> {
  let after: Catalog;
  try {
    after = await states.applyToCurrent(plan.statements.join("\n"));
  } catch (error) {
    throw new Error(
      `The generated reversal does not apply on the throwaway database (${error instanceof Error ? error.message : String(error)}); nothing was written. Please report this with the migration.`,
    );
  }
  const left = compareCatalogs(unordered(after), unordered(states.without)).filter(
    (i) => !i.informational && !i.sql.startsWith("-- Removing enum values"),
  );
  for (const item of left)
    report.warnings.push(`After the reversal the schema still differs: ${item.message.replace(/schema\.prisma/g, "the state before")}.`);
  return after;
}
