// Every input of the verify action, read and validated in one place. Loaded by the action's small
// entry before the rest of the bundle: nothing here may import @actions/core (see action-start.ts).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigurationError } from "../../core/errors.js";
import type { ActionsContext } from "../../github/context.js";
import { builtInCacheDir } from "../../cache/remote-key.js";
import type { VerifySettings } from "../../verify/verify.js";
import { statsInputs, type StatsFileOptions } from "../../stats/inputs.js";
import { booleanInput, getInput as runnerInput, setSecret } from "../action-start.js";

/** What verify itself takes (minus the logger and hooks the entry supplies), plus the reporting inputs. */
export type VerifyActionSettings = Omit<VerifySettings, "logger" | "onCluster" | "onMigrated" | "snapshotStore" | "sizeRisk"> & {
  /**
   * The built-in cache: `cacheDir` is restored from GitHub's cache service before the snapshot lookup
   * and saved after the job (post step). Off with `cache: false`, with `cache-dir` (the team manages
   * that directory itself) and with `database-url` (no snapshot cache).
   */
  cacheService: boolean;
  /** The `stats-file` input and its thresholds: read by run.ts into verify's sizeRisk (and production's major). */
  stats?: StatsFileOptions;
  /** Post or update the one PR comment with the report. */
  comment: boolean;
  githubToken?: string;
  /** Where to write SARIF; undefined: none. */
  sarifFile?: string;
  /** Production's major for postgres-version "production"/"auto": explicit, else from the stats file. */
  productionPostgresVersion?: string;
  /** Whose deployments name production's major when neither of the two above is given (default "production"). */
  productionEnvironment?: string;
};

export function readInputs(context: ActionsContext, getInput: (name: string) => string = runnerInput): VerifyActionSettings {
  const text = (name: string) => getInput(name).trim() || undefined;
  const slow = text("slow-migration-seconds") ?? "30";
  const slowMigrationSeconds = Number(slow);
  if (!Number.isFinite(slowMigrationSeconds) || slowMigrationSeconds <= 0) {
    throw new ConfigurationError(`Input "slow-migration-seconds" is "${slow}". Expected a positive number of seconds, e.g. 30.`);
  }
  const databaseUrl = text("database-url");
  if (databaseUrl) setSecret(databaseUrl);
  const githubToken = text("github-token");
  if (githubToken) setSecret(githubToken);
  const generic = text("generic-names");
  const baseRef = text("base-ref") ?? context.pullRequest?.baseSha;
  const schema = text("schema");
  const postgresVersion = text("postgres-version");
  if (postgresVersion && !/^(production|auto|\d+(\.\d+)*)$/i.test(postgresVersion)) {
    throw new ConfigurationError(
      `Input "postgres-version" is "${postgresVersion}". Expected a major such as "16" (13–18 are fetched when not installed), "production" or "auto".`,
    );
  }
  const productionPostgresVersion = text("production-postgres-version");
  if (productionPostgresVersion && !/^\d+(\.\d+)*$/.test(productionPostgresVersion)) {
    throw new ConfigurationError(
      `Input "production-postgres-version" is "${productionPostgresVersion}". Expected production's PostgreSQL major, e.g. "16".`,
    );
  }
  const productionEnvironment = text("production-environment");
  const sarifFile = text("sarif-file");
  // Relative to the workspace, like every path input; empty: the built-in cache (unless `cache: false`).
  const cacheDir = text("cache-dir");
  const builtIn = booleanInput("cache", getInput("cache"), true) && !cacheDir && !databaseUrl;
  const workingDirectory = text("working-directory") ?? ".";
  // Checked here, before the bundle loads, so that a wrong path fails in milliseconds.
  const absolute = path.resolve(process.env.GITHUB_WORKSPACE ?? ".", workingDirectory);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ConfigurationError(
      `Input "working-directory" is "${workingDirectory}", which does not exist in the workspace. Expected the folder that holds your Prisma project (package.json, prisma/), relative to the repository root.`,
    );
  }
  const stats = statsInputs(text);
  return {
    workingDirectory,
    ...(stats ? { stats } : {}),
    ...(schema ? { schema } : {}),
    ...(baseRef ? { baseRef } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(postgresVersion ? { postgresVersion } : {}),
    ...(productionPostgresVersion ? { productionPostgresVersion } : {}),
    ...(productionEnvironment ? { productionEnvironment } : {}),
    slowMigrationSeconds,
    ...(generic
      ? {
          genericNames: generic
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    comment: booleanInput("comment", getInput("comment"), false),
    ...(githubToken ? { githubToken } : {}),
    ...(sarifFile ? { sarifFile } : {}),
    cacheDir: cacheDir ? path.resolve(process.env.GITHUB_WORKSPACE ?? ".", cacheDir) : builtIn ? builtInCacheDir(workingDirectory) : false,
    cacheService: builtIn,
  };
}
