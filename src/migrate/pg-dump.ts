// The optional backup before a deploy: pg_dump in custom format (restorable with pg_restore, table by
// table). pg_dump refuses to dump a server newer than itself, so the one chosen is the newest installed
// and must be at least the server's major; otherwise the deploy stops and says which to install.
import { spawn } from "node:child_process";
import { mkdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { redact } from "../core/errors.js";
import { listPgClients } from "../postgres/binaries.js";
import { urlSecrets } from "../postgres/environment-database.js";

export interface PgDump {
  path: string;
  major: number;
  version: string;
}

/** Every pg_dump on this machine, newest first. */
export async function listPgDumps(): Promise<PgDump[]> {
  return (await listPgClients()).map((c) => ({ path: c.pgDump, major: c.major, version: c.version }));
}

export async function choosePgDump(serverMajor: number): Promise<PgDump> {
  const all = await listPgDumps();
  const usable = all.find((d) => d.major >= serverMajor);
  if (usable) return usable;
  const have = all.length ? `only ${all.map((d) => `pg_dump ${d.version} (${d.path})`).join(", ")}` : "no pg_dump at all";
  throw new Error(
    `backup: the server runs PostgreSQL ${serverMajor}, and pg_dump cannot dump a server newer than itself; this machine has ${have}. ` +
      `Install the PostgreSQL ${serverMajor} client (Ubuntu: sudo apt-get install postgresql-client-${serverMajor} from apt.postgresql.org), or deploy without backup. The deploy did not start.`,
  );
}

// libpq rejects query parameters it does not know (Prisma's schema, connection_limit, …).
const LIBPQ_PARAMS = new Set([
  "host",
  "hostaddr",
  "port",
  "dbname",
  "user",
  "passfile",
  "channel_binding",
  "connect_timeout",
  "options",
  "application_name",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
  "tcp_user_timeout",
  "sslmode",
  "sslnegotiation",
  "sslcompression",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslcrldir",
  "sslsni",
  "requirepeer",
  "ssl_min_protocol_version",
  "ssl_max_protocol_version",
  "gssencmode",
  "krbsrvname",
  "gsslib",
  "target_session_attrs",
  "load_balance_hosts",
]);

/** The URL for libpq without its password (which travels in PGPASSWORD, never on a command line). */
export function libpqUrl(url: string): { url: string; password?: string } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : (u.searchParams.get("password") ?? undefined);
  u.password = "";
  for (const key of [...u.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) u.searchParams.delete(key);
  u.protocol = "postgresql:";
  return { url: u.toString(), ...(password ? { password } : {}) };
}

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
  pgDump: string;
}

export async function backupDatabase(
  url: string,
  file: string,
  serverMajor: number,
  onLine: (line: string) => void,
): Promise<BackupResult> {
  const dump = await choosePgDump(serverMajor);
  const started = Date.now();
  try {
    await mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(
      `backup: cannot create the folder for ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}), so the deploy did not start. Set backup-file to a writable path.`,
    );
  }
  const target = libpqUrl(url);
  const secrets = urlSecrets(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: "migrate-guard-backup", PGCONNECT_TIMEOUT: "15" };
  delete env.PGPASSWORD;
  if (target.password) env.PGPASSWORD = target.password;
  const stderr = await new Promise<{ code: number; text: string }>((resolve, reject) => {
    const child = spawn(dump.path, ["--format=custom", "--no-password", `--file=${file}`, `--dbname=${target.url}`], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let text = "";
    child.stderr.on("data", (d: Buffer) => {
      text += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, text }));
  });
  if (stderr.code !== 0) {
    await unlink(file).catch(() => {});
    throw new Error(
      `backup: pg_dump ${dump.version} failed (exit ${stderr.code}), so the deploy did not start: ${redact(stderr.text.trim(), secrets).split("\n").slice(-5).join(" ")}`,
    );
  }
  for (const line of stderr.text.split("\n").filter(Boolean)) onLine(redact(line, secrets));
  const bytes = (await stat(file)).size;
  return { file, bytes, durationMs: Date.now() - started, pgDump: `${dump.version} (${dump.path})` };
}
