// The base state of lint, cached between runs: replaying 800 base migrations costs ~200 ms of
// parsing, the state they produce is a few hundred KB of JSON. Keyed by the linter's state version
// and every replayed migration's name and content, so any change is a miss. A broken or unwritable
// cache is never an error: the state is rebuilt.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SchemaStateData } from "../lint/state.js";

/** Bump when SchemaStateData or how statements change it changes. */
export const STATE_VERSION = "lint-state-1";

export function defaultCacheDir(): string {
  return process.env.MIGRATE_GUARD_CACHE_DIR || path.join(os.tmpdir(), "migrate-guard-cache");
}

/** Key of the state after `migrations`: each one's name and content id (its git blob id). */
export function cacheKey(migrations: readonly { name: string; id: string }[]): string {
  const hash = createHash("sha256").update(STATE_VERSION);
  for (const m of migrations) hash.update("\0").update(m.name).update("\0").update(m.id);
  return hash.digest("hex").slice(0, 32);
}

/** The git blob id of a text: what `git ls-tree` reports, so files read from disk and from git share keys. */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export async function readCachedState(dir: string, key: string): Promise<SchemaStateData | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, `${key}.json`), "utf8")) as SchemaStateData;
  } catch {
    return undefined;
  }
}

export async function writeCachedState(dir: string, key: string, data: SchemaStateData): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${key}.json`);
    // Written aside and renamed: a concurrent reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, file);
    await prune(dir);
  } catch {
    // A read-only or full disk only costs the next run its speed.
  }
}

/** Entries kept: one per base the machine lints against; the oldest go first. */
export const MAX_ENTRIES = 20;

async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  if (names.length <= MAX_ENTRIES) return;
  const aged = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })));
  aged.sort((a, b) => b.t - a.t);
  await Promise.all(aged.slice(MAX_ENTRIES).map((e) => rm(path.join(dir, e.n), { force: true })));
}
