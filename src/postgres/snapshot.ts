// Database-level copies for the snapshot cache. Measured on trigger.dev's 820 migrations (2 cores,
// PostgreSQL 15; see bench/ and docs/verify.md "Caching"): pg_dump -Fc 0.3 s → 460 KB; pg_restore into an
// empty database 0.7–0.9 s. A cluster-level copy (tar of the stopped data directory) is 58 MB / 1,864
// files and extracts in 0.84 s, only ~0.6 s net of the template copy it replaces, but it cannot start
// before the cache key is known, is 130× larger to move through actions/cache and ties the entry to
// one server binary; the dump restores about as fast and is what we keep. Within one run a database
// is copied with CREATE DATABASE … TEMPLATE (0.13–0.19 s).
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { redact } from "../core/errors.js";
import { connectClient, quoteIdentifier, urlSecrets } from "./database.js";

function run(file: string, args: string[], secrets: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { maxBuffer: 16 * 1024 * 1024, timeout: 600_000, env: { ...process.env, PGCONNECT_TIMEOUT: "15" } },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(redact(`${path.basename(file)} failed: ${String(stderr).trim() || error.message}`, secrets)));
        else resolve();
      },
    );
  });
}

/** `pg_dump -Fc` of the database at `url` with the server's own client (`bindir`): same major, so it always reads it. */
export function dumpDatabase(bindir: string, url: string, file: string): Promise<void> {
  // -Z0: the dump is small and moved compressed by actions/cache anyway; compressing costs 0.1 s.
  // Owners and privileges are kept: verify saves no snapshot whose migrations created roles (see
  // src/verify/snapshot.ts), so every owner and grantee is the bootstrap superuser or PUBLIC.
  return run(path.join(bindir, "pg_dump"), ["-Fc", "-Z0", "-f", file, "-d", url], urlSecrets(url));
}

/**
 * The database's schema as one SQL script (`pg_dump --schema-only`, no owners or grants, tables named
 * `excludeTable` left out), written to `file`; search_path is not emptied, so the script runs in any
 * session that replays it.
 */
export async function dumpSchemaSql(bindir: string, url: string, file: string, excludeTable: string): Promise<void> {
  await run(
    path.join(bindir, "pg_dump"),
    ["--schema-only", "--no-owner", "--no-privileges", "--no-comments", "-T", `*.${excludeTable}`, "-f", file, "-d", url],
    urlSecrets(url),
  );
  const sql = await readFile(file, "utf8");
  // pg_dump ≥ 15.14 brackets its script with psql meta-commands (\restrict KEY … \unrestrict KEY): not SQL.
  await writeFile(
    file,
    sql.replace(/^SELECT pg_catalog\.set_config\('search_path', '', false\);$/m, "").replace(/^\\(un)?restrict .*$/gm, ""),
  );
}

/** Restores a dump made by dumpDatabase into the empty database at `url`; throws when anything fails. */
export function restoreDatabase(bindir: string, url: string, file: string): Promise<void> {
  // One session, one transaction: alone pg_restore -j2 is 0.2 s faster, but beside Prisma's start on a
  // 2-core runner it measured 1.3–2.0 s against 0.6–1.1 s for one session. A failed restore leaves nothing.
  return run(path.join(bindir, "pg_restore"), ["--exit-on-error", "--single-transaction", "-d", url, file], urlSecrets(url));
}

/**
 * CREATE DATABASE target TEMPLATE source. PostgreSQL refuses while another session is connected to
 * the source (55006): a progress poll or a scratch-database helper holds one for milliseconds, so
 * this retries for up to `waitMs`.
 */
export async function cloneDatabase(adminUrl: string, source: string, target: string, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  const client = await connectClient(adminUrl);
  try {
    for (;;) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(target)} TEMPLATE ${quoteIdentifier(source)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}
