// A throwaway PostgreSQL server: a fresh data directory in the OS temp dir, a postgres process this
// process owns, settings that trade durability for speed. Callers stop it in try/finally; the hooks
// in cleanup.ts are the safety net when they cannot.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { chown, mkdtemp, open, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ConfigurationError } from "../core/errors.js";
import type { PostgresServerReport } from "../core/report.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { PostgresInstallation } from "./binaries.js";
import { resolvePostgres } from "./provision.js";
import { clusterParentDir } from "./scratch-dir.js";
import { ROOT_DIR_PREFIX, register, shutdownPostmaster, unregister, type LiveCluster } from "./cleanup.js";
import { createDataDir, discardTemplate, initdb } from "./data-dir.js";
import { quoteIdentifier } from "./database.js";
import { serverUser, type ServerUser } from "./server-user.js";

export { stopClusterFromState, type ClusterState } from "./cleanup.js";

export interface StartClusterOptions {
  /**
   * Major version to use ("16", "15.4" → 15; one not installed is fetched from npm, see provision.ts;
   * "production"/"auto" → productionMajor); default: the highest installed.
   */
  version?: string;
  /** Production's major, for version "production"/"auto". */
  productionMajor?: number;
  /** Where builds fetched from npm live; default defaultServersDir(). */
  serversDir?: string;
  logger?: Logger;
  /** Database the URL points at; created unless it is "postgres". Default "postgres". */
  database?: string;
  /**
   * Leave the server running after this process exits (an action's main step; its post step calls
   * stopClusterFromState). Skips the exit/signal hooks once the server is ready.
   */
  detached?: boolean;
  /** Copy a cached initdb template instead of running initdb each time. Default true. */
  template?: boolean;
  /**
   * Where the server's files go: "scratch" (default) is clusterParentDir() — /dev/shm when suitable,
   * for migrate-guard's own work on empty databases; "disk" is the OS temp dir, for a server whose
   * data size is not ours to know (the postgres action serves the app's own tests).
   */
  storage?: "scratch" | "disk";
  readyTimeoutMs?: number;
  /** Called once the installation is chosen, before the server starts (its major is known then). */
  onInstallation?: (install: PostgresInstallation) => void;
}

export interface Cluster {
  /** postgresql://postgres@127.0.0.1:PORT/DATABASE, no password (trust auth, loopback only). */
  url: string;
  port: number;
  /** Directory holding the unix socket (.s.PGSQL.PORT). */
  socketDir: string;
  dataDir: string;
  /** Temp directory holding everything; deleted by stop(). */
  rootDir: string;
  major: number;
  version: string;
  bindir: string;
  /** The server it runs: installed or fetched from npm (and how long that took), and why it was chosen. */
  installation: PostgresInstallation;
  /** Milliseconds from startCluster() to the first accepted connection (a fetch included). */
  readyMs: number;
  /** Postmaster pid. */
  pid: number;
  /** Stops the server and deletes rootDir. Safe to call more than once. */
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const MAX_PORT_ATTEMPTS = 5;

class PortInUse extends Error {}
class ExitedDuringStartup extends Error {}

function serverSettings(port: number, socketDir: string): string[] {
  const settings: Record<string, string> = {
    listen_addresses: HOST,
    port: String(port),
    unix_socket_directories: socketDir,
    // Durability is worthless for a server whose directory is deleted afterwards.
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    // Minimal WAL also skips WAL for tables created in the same transaction (most migrations).
    wal_level: "minimal",
    max_wal_senders: "0",
    max_wal_size: "1GB",
    checkpoint_timeout: "1h",
    autovacuum: "off",
    // Prisma's default pool is 2 × CPUs + 1 per client; leave room for a test suite's several clients.
    max_connections: String(Math.max(100, os.availableParallelism() * 4 + 20)),
    shared_buffers: "32MB",
    huge_pages: "off",
    jit: "off",
    log_checkpoints: "off",
  };
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/** A TCP port free on `host` right now (the OS picks it). */
export function freePort(host = HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function logTail(logFile: string, bytes = 3000): Promise<string> {
  try {
    const handle = await open(logFile, "r");
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, bytes);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      return buffer.toString("utf8").trim();
    } finally {
      await handle.close();
    }
  } catch {
    return "(no server log)";
  }
}

interface Server {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
}

function launch(
  install: PostgresInstallation,
  dataDir: string,
  socketDir: string,
  port: number,
  user: ServerUser | undefined,
  logFile: string,
): Server {
  // The log goes to a file, not a pipe: a detached server must not hold this process's stdio open
  // (the Actions runner would wait for it) nor die of SIGPIPE once this process is gone.
  const logFd = openSync(logFile, "w"); // fresh per attempt: an old "could not bind" must not be misread
  let child: ChildProcess;
  try {
    child = spawn(install.postgres, ["-D", dataDir, ...serverSettings(port, socketDir)], {
      cwd: socketDir,
      // Own session: a terminal's Ctrl-C reaches only us (we then stop the server in order), and
      // a detached server is not part of the step's process group.
      detached: true,
      stdio: ["ignore", logFd, logFd],
      uid: user?.uid,
      gid: user?.gid,
      env: { ...process.env, LC_ALL: "C" },
    });
  } finally {
    closeSync(logFd);
  }
  child.unref();
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  if (child.pid === undefined) throw new Error(`Could not start ${install.postgres}`);
  return { child, pid: child.pid, exited };
}

async function waitUntilReady(server: Server, port: number, logFile: string, timeoutMs: number): Promise<pg.Client> {
  const deadline = performance.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      const log = await logTail(logFile);
      if (/could not bind|address already in use/i.test(log))
        throw new PortInUse(`PostgreSQL could not bind ${HOST}:${port}. Server log:\n${log}`);
      throw new ExitedDuringStartup(
        `PostgreSQL exited during startup (${server.child.exitCode ?? server.child.signalCode}). Server log:\n${log}`,
      );
    }
    const client = new pg.Client({ host: HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 2000 });
    client.on("error", () => {});
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (performance.now() > deadline) {
      throw new Error(
        `PostgreSQL did not accept connections on ${HOST}:${port} within ${timeoutMs / 1000} s (${lastError}). Server log:\n${await logTail(logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/**
 * Starts a throwaway server. Always pair with `try { … } finally { await cluster.stop() }`; should an
 * exception or signal escape anyway, an exit/SIGINT/SIGTERM hook kills the server and deletes its
 * directory (unless `detached`).
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<Cluster> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const database = options.database?.trim() || "postgres";
  if (Buffer.byteLength(database) > 63)
    throw new ConfigurationError(`database "${database}" is longer than PostgreSQL's 63-byte limit for names.`);

  const install = await resolvePostgres(options.version, {
    logger,
    ...(options.productionMajor !== undefined ? { productionMajor: options.productionMajor } : {}),
    ...(options.serversDir ? { serversDir: options.serversDir } : {}),
  });
  options.onInstallation?.(install);
  const user = serverUser();
  const rootDir = await mkdtemp(path.join(options.storage === "disk" ? os.tmpdir() : clusterParentDir(), ROOT_DIR_PREFIX));
  const dataDir = path.join(rootDir, "data");
  const logFile = path.join(rootDir, "postgres.log");
  const live: LiveCluster = { rootDir, dataDir };
  register(live);

  let server: Server | undefined;
  try {
    if (user) await chown(rootDir, user.uid, user.gid);
    const onTemplateError = (error: unknown) =>
      logger.debug(`PostgreSQL template not used: ${error instanceof Error ? error.message : String(error)}`);
    const created = await createDataDir(install, dataDir, user, options.template ?? true, onTemplateError);
    let method = created.method;
    let prepared = performance.now();

    let port = 0;
    let client: pg.Client | undefined;
    let fellBackToInitdb = false;
    for (let attempt = 1; !client; attempt++) {
      port = await freePort();
      server = launch(install, dataDir, rootDir, port, user, logFile);
      live.pid = server.pid;
      try {
        client = await waitUntilReady(server, port, logFile, options.readyTimeoutMs ?? 30_000);
      } catch (error) {
        if (!(error instanceof PortInUse || error instanceof ExitedDuringStartup)) throw error;
        await server.exited;
        live.pid = undefined;
        if (error instanceof PortInUse && attempt < MAX_PORT_ATTEMPTS) {
          logger.debug(`Port ${port} was taken before PostgreSQL could bind it; retrying with another port.`);
          continue;
        }
        // A template damaged by a temp-dir cleaner: rebuild from scratch once.
        if (error instanceof ExitedDuringStartup && created.template && !fellBackToInitdb) {
          logger.debug(`PostgreSQL did not start from the cached template; running initdb instead. ${error.message}`);
          fellBackToInitdb = true;
          await discardTemplate(created.template);
          await rm(dataDir, { recursive: true, force: true });
          await initdb(install, dataDir, user);
          method = "initdb";
          prepared = performance.now();
          continue;
        }
        throw error;
      }
    }

    const ready = performance.now();
    logger.debug(
      `PostgreSQL ${install.version} (${install.bindir}) accepting connections on ${HOST}:${port} after ${Math.round(ready - started)} ms ` +
        `(${method} ${Math.round(created.ms)} ms, server start ${Math.round(ready - prepared)} ms${user ? `, running as ${user.name}` : ""}).`,
    );
    try {
      if (database !== "postgres") {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      }
    } finally {
      await client.end().catch(() => {});
    }

    const running = server!;
    if (options.detached) unregister(live);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        try {
          await shutdownPostmaster(running.pid, dataDir, running.exited);
          await rm(rootDir, { recursive: true, force: true, maxRetries: 3 });
        } finally {
          unregister(live);
        }
      })());
    const url = `postgresql://postgres@${HOST}:${port}/${encodeURIComponent(database)}`;
    return {
      url,
      port,
      socketDir: rootDir,
      dataDir,
      rootDir,
      major: install.major,
      version: install.version,
      bindir: install.bindir,
      installation: install,
      readyMs: Math.round(ready - started),
      pid: running.pid,
      stop,
    };
  } catch (error) {
    if (server) await shutdownPostmaster(server.pid, dataDir, server.exited).catch(() => {});
    await rm(rootDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    unregister(live);
    throw error;
  }
}

/** What a report says about the cluster's server. */
export function serverReport(cluster: Cluster): PostgresServerReport {
  const i = cluster.installation;
  return {
    major: cluster.major,
    version: cluster.version,
    source: i.source ?? "installed",
    readyMs: cluster.readyMs,
    ...(i.npmPackage ? { npmPackage: i.npmPackage } : {}),
    ...(i.fetchMs !== undefined ? { fetchMs: i.fetchMs } : {}),
    ...(i.note ? { note: i.note } : {}),
  };
}
