// Prisma's own differ as the judge of drift (docs/drift.md): the catalog comparison explains each
// difference, and a difference fails only when `prisma migrate diff` also sees it. The mode is the one
// the project's Prisma set-up allows; a driver adapter (`engine: "js"`) replays the migrations on an
// empty scratch database, where its shadow database lives.
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LOCK_FILE } from "../core/migrations.js";
import { dumpSchemaSql } from "../postgres/snapshot.js";
import type { DriftItem } from "../core/drift.js";
import { createDatabase, dropDatabase, withDatabase } from "../postgres/database.js";
import type { DiffSource, PrismaCli } from "../prisma/cli.js";
import type { PrismaProject } from "../prisma/project.js";

export interface JudgeMode {
  source: DiffSource;
  /** How the report names it, e.g. `prisma migrate diff --from-url`. */
  label: string;
}

export interface Judgement {
  mode: JudgeMode;
  /** Prisma sees drift. */
  drift: boolean;
  /** Prisma's script, statement by statement (comment lines kept with their statement). */
  statements: string[];
}

/** The differ mode this project's Prisma can run (see DiffSource). */
export function judgeMode(prisma: Pick<PrismaCli, "major">, project: Pick<PrismaProject, "configHints" | "migrationsDir">): JudgeMode {
  if (prisma.major >= 7) return { source: { kind: "config-datasource" }, label: "prisma migrate diff --from-config-datasource (Prisma 7)" };
  if (project.configHints?.usesAdapter) {
    return {
      source: { kind: "migrations", dir: project.migrationsDir },
      label: 'prisma migrate diff --from-migrations on a shadow database (driver adapter, engine "js")',
    };
  }
  return {
    source: { kind: "url" },
    label: `prisma migrate diff --from-url on the migrated database (Prisma ${prisma.major}, native schema engine)`,
  };
}

/**
 * Runs Prisma's differ. `url` is the migrated database; with `--from-migrations` Prisma gets a new
 * empty database of the same server instead (dropped afterwards).
 */
export async function runJudge(params: {
  prisma: PrismaCli;
  project: PrismaProject;
  url: string;
  adminUrl: string;
  bindir?: string | undefined;
}): Promise<Judgement> {
  const mode = judgeMode(params.prisma, params.project);
  if (mode.source.kind !== "migrations") {
    const outcome = await params.prisma.diff(mode.source, params.url);
    return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
  }
  const scratch = `migrate_guard_differ_${randomBytes(4).toString("hex")}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-differ-"));
  await createDatabase(params.adminUrl, scratch);
  try {
    // Prisma replays one migration, the migrated database's own schema, instead of the whole history
    // (trigger.dev: 820 migrations ~11 s): what it compares is the migrated database, as --from-url
    // does. Without pg_dump, the project's migrations folder itself.
    const state = params.bindir
      ? await migratedStateFolder(params.bindir, params.url, params.project.migrationsDir, dir).catch(() => undefined)
      : undefined;
    if (state) {
      const fed: JudgeMode = {
        source: { kind: "migrations", dir: state },
        label: mode.label.replace(" (driver adapter", ", fed the migrated database's schema (pg_dump --schema-only) (driver adapter"),
      };
      try {
        const outcome = await params.prisma.diff(fed.source, withDatabase(params.adminUrl, scratch));
        return { mode: fed, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
      } catch {
        // The dump did not replay through the adapter: the migrations themselves, on a fresh database.
        await dropDatabase(params.adminUrl, scratch);
        await createDatabase(params.adminUrl, scratch);
      }
    }
    const outcome = await params.prisma.diff(mode.source, withDatabase(params.adminUrl, scratch));
    return { mode, drift: outcome.drift, statements: prismaStatements(outcome.sql) };
  } finally {
    await dropDatabase(params.adminUrl, scratch).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

/** A migrations folder whose one migration is the migrated database's schema (see runJudge). */
async function migratedStateFolder(bindir: string, url: string, migrationsDir: string, dir: string): Promise<string> {
  const migrations = path.join(dir, "migrations");
  await mkdir(path.join(migrations, "00000000000000_migrated_state"), { recursive: true });
  await copyFile(path.join(migrationsDir, LOCK_FILE), path.join(migrations, LOCK_FILE)).catch(() => {});
  await dumpSchemaSql(bindir, url, path.join(migrations, "00000000000000_migrated_state", "migration.sql"), "_prisma_migrations");
  return migrations;
}

/**
 * Prisma's script, one block per `-- Kind` comment (a CREATE TABLE has blank lines inside; a
 * recreated enum is several statements under one comment).
 */
export function prismaStatements(sql: string): string[] {
  return sql
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n(?=--)/)
    .map((block) => block.trim())
    .filter((block) => block.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--")));
}

/** The statements of Prisma's script that are about the same object as `item`. */
export function statementsAbout(item: Pick<DriftItem, "mentions">, statements: readonly string[]): string[] {
  return statements.filter((s) => item.mentions.some((names) => names.length > 0 && names.every((n) => s.includes(n))));
}
