// The snapshot cache: the migrated state of the migrations a branch shares with its base (the
// "verified prefix"), as a pg_dump custom-format file, under a key that changes whenever anything that
// could change that state changes. Each entry is a folder `<key>/` holding the dump and a manifest
// with the dump's sha256; a folder is written aside and renamed into place, so a reader sees a whole
// entry or none. An entry whose manifest or checksum does not match is corrupt: it is reported,
// removed and never restored.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Bump when the entry layout or what a snapshot holds changes. */
export const SNAPSHOT_FORMAT = 1;
export const DUMP_FILE = "snapshot.dump";
export const MANIFEST_FILE = "manifest.json";
/** Entries kept per cache directory; the least recently used go first. */
export const MAX_SNAPSHOTS = 5;

export interface KeyMaterial {
  productVersion: string;
  prismaMajor: number;
  postgresMajor: number;
  /**
   * The prefix in Prisma's order: folder name and migration.sql — its sha256 of the raw bytes
   * (`checksum`, as Prisma records it) when known, else the content itself.
   */
  migrations: readonly { name: string; sql: string | Buffer; checksum?: string }[];
}

/** sha256 over everything that decides the prefix's migrated state; order is part of it. */
export function snapshotKey(material: KeyMaterial): string {
  const hash = createHash("sha256").update(
    `migrate-guard-snapshot-${SNAPSHOT_FORMAT}\0${material.productVersion}\0prisma ${material.prismaMajor}\0postgres ${material.postgresMajor}`,
  );
  for (const m of material.migrations) {
    // The raw bytes' hash: two files that decode to the same text (invalid UTF-8 → U+FFFD) differ.
    const content = m.checksum ?? createHash("sha256").update(m.sql).digest("hex");
    hash.update(`\0${m.name}\0${content}`);
  }
  return hash.digest("hex").slice(0, 40);
}

export interface SnapshotManifest {
  format: number;
  key: string;
  createdAt: string;
  productVersion: string;
  prismaVersion: string;
  postgresVersion: string;
  /** Names of the migrations the snapshot holds, in order. */
  migrations: string[];
  /** Wall time Prisma took to apply them when the snapshot was made. */
  applyMs: number;
  files: Record<string, { sha256: string; bytes: number }>;
}

export type Lookup =
  | { state: "hit"; dumpFile: string; manifest: SnapshotManifest }
  | { state: "miss" }
  | { state: "corrupt"; reason: string };

/** $XDG_CACHE_HOME/migrate-guard, else ~/.cache/migrate-guard (the CLI's default). */
export function defaultSnapshotCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), ".cache");
  return path.join(base, "migrate-guard");
}

function entryDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, "snapshots", key);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function validManifest(value: unknown, key: string): value is SnapshotManifest {
  const m = value as SnapshotManifest;
  return (
    typeof m === "object" &&
    m !== null &&
    m.format === SNAPSHOT_FORMAT &&
    m.key === key &&
    Array.isArray(m.migrations) &&
    typeof m.applyMs === "number" &&
    typeof m.files === "object" &&
    m.files !== null &&
    typeof m.files[DUMP_FILE]?.sha256 === "string" &&
    typeof m.files[DUMP_FILE]?.bytes === "number"
  );
}

/**
 * The entry for `key`, checked against its manifest. A corrupt entry is deleted (so this run can
 * write a good one) and reported; it is never handed out.
 */
export async function lookupSnapshot(cacheDir: string, key: string): Promise<Lookup> {
  const dir = entryDir(cacheDir, key);
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      return corrupt(dir, `its manifest cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    // A folder without a manifest is no entry of ours (renames put both in place at once).
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    return exists ? corrupt(dir, "its manifest is missing") : { state: "miss" };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return corrupt(dir, "its manifest is not valid JSON");
  }
  if (!validManifest(manifest, key)) return corrupt(dir, "its manifest does not describe this key");
  const dumpFile = path.join(dir, DUMP_FILE);
  const expected = manifest.files[DUMP_FILE]!;
  try {
    const { size } = await stat(dumpFile);
    if (size !== expected.bytes) return corrupt(dir, `${DUMP_FILE} has ${size} bytes, the manifest says ${expected.bytes}`);
    if ((await sha256File(dumpFile)) !== expected.sha256) return corrupt(dir, `${DUMP_FILE} does not match its sha256`);
  } catch (error) {
    return corrupt(dir, `${DUMP_FILE} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Recently used entries survive pruning (mtime of the folder is the LRU clock).
  const now = new Date();
  await utimes(dir, now, now).catch(() => {});
  return { state: "hit", dumpFile, manifest };
}

/** Removes the entry for `key` (one that passed its checksum but did not restore), so a good one can replace it. */
export async function discardSnapshot(cacheDir: string, key: string): Promise<void> {
  await rm(entryDir(cacheDir, key), { recursive: true, force: true }).catch(() => {});
}

async function corrupt(dir: string, reason: string): Promise<Lookup> {
  await rm(dir, { recursive: true, force: true }).catch(() => {});
  return { state: "corrupt", reason };
}

/**
 * Writes an entry: `produce(file)` writes the dump into a private staging folder, the manifest is
 * written beside it, and the folder is renamed to its key. Concurrent writers of one key: the first
 * rename wins, the others discard their copy (both hold the same state). Returns false when nothing
 * was written (an unwritable cache only costs the next run its speed).
 */
export async function saveSnapshot(
  cacheDir: string,
  key: string,
  meta: Omit<SnapshotManifest, "format" | "key" | "createdAt" | "files">,
  produce: (dumpFile: string) => Promise<void>,
): Promise<boolean> {
  const root = path.join(cacheDir, "snapshots");
  const staging = path.join(root, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(staging, { recursive: true });
    const dumpFile = path.join(staging, DUMP_FILE);
    await produce(dumpFile);
    const [sha256, { size }] = await Promise.all([sha256File(dumpFile), stat(dumpFile)]);
    const manifest: SnapshotManifest = {
      format: SNAPSHOT_FORMAT,
      key,
      createdAt: new Date().toISOString(),
      ...meta,
      files: { [DUMP_FILE]: { sha256, bytes: size } },
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
    try {
      await rename(staging, entryDir(cacheDir, key));
    } catch (error) {
      // Another run saved this key first (ENOTEMPTY/EEXIST): theirs is as good as ours.
      if (!["ENOTEMPTY", "EEXIST", "EISDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
      return false;
    }
    await prune(root);
    return true;
  } catch {
    return false;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
}

async function prune(root: string): Promise<void> {
  const all = await readdir(root);
  // Staging folders of runs that were killed mid-write.
  const hourAgo = Date.now() - 3_600_000;
  await Promise.all(
    all
      .filter((n) => n.startsWith(".staging-"))
      .map(async (n) => {
        const info = await stat(path.join(root, n)).catch(() => undefined);
        if (info && info.mtimeMs < hourAgo) await rm(path.join(root, n), { recursive: true, force: true });
      }),
  );
  const names = all.filter((n) => !n.startsWith("."));
  if (names.length <= MAX_SNAPSHOTS) return;
  const aged = await Promise.all(
    names.map(async (n) => ({ n, t: (await stat(path.join(root, n)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })),
  );
  aged.sort((a, b) => b.t - a.t);
  await Promise.all(aged.slice(MAX_SNAPSHOTS).map((e) => rm(path.join(root, e.n), { recursive: true, force: true })));
}

/**
 * Node's compile cache (NODE_COMPILE_CACHE) keeps one folder per Node version and architecture
 * (`v24.21.0-x64-…`); folders of other versions are never read again and only grow the cache that
 * actions/cache moves. Removes them; never throws.
 */
export async function pruneCompileCache(dir: string, current = `${process.version}-${process.arch}-`): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((e) => !e.startsWith(current)).map((e) => rm(path.join(dir, e), { recursive: true, force: true }).catch(() => {})),
  );
}
