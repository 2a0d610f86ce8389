// Where the verify action keeps the snapshot cache directory between jobs (GitHub's cache service,
// see src/actions/verify/remote-cache.ts) and under which keys. Pure: no @actions imports.
//
// An entry holds the whole cache directory (up to MAX_SNAPSHOTS snapshots and Node's compile cache),
// keyed by the snapshot this run looked for. Every part of the key that decides whether a snapshot can
// be used at all (OS, architecture, PostgreSQL major, Prisma major, migrate-guard version, the app's
// folder) is also in the restore key, so that a fallback only ever brings a directory that may hold a
// usable snapshot: a pull request whose exact key is not stored yet gets the latest entry its scope can
// read (its own branch first, then its base branch), which holds the base branch's last snapshots.
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

export interface RemoteKeyParts {
  /** Key of the verified prefix's snapshot (snapshotKey in snapshot-cache.ts). */
  snapshotKey: string;
  postgresMajor: number;
  prismaMajor: number;
  productVersion: string;
  /** The app's folder as given to the action (relative to the workspace). */
  workingDirectory: string;
  platform?: string;
  arch?: string;
}

export interface RemoteKeys {
  key: string;
  /** Prefixes, most specific first, as @actions/cache takes them. */
  restoreKeys: string[];
}

/** GitHub's limit is 512 characters and no commas; the parts here stay far below it. */
const clean = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, "_");

/** A short, stable id of the app's folder: apps of one repository never share entries. */
export function folderId(workingDirectory: string): string {
  const normalized = path.posix.normalize(workingDirectory.split(path.sep).join("/")).replace(/\/+$/, "") || ".";
  return createHash("sha256").update(normalized).digest("hex").slice(0, 8);
}

export function remoteCacheKeys(parts: RemoteKeyParts): RemoteKeys {
  const scope = [
    "migrate-guard-snapshots",
    clean(parts.platform ?? process.platform),
    clean(parts.arch ?? process.arch),
    `pg${parts.postgresMajor}`,
    `prisma${parts.prismaMajor}`,
    `v${clean(parts.productVersion)}`,
    folderId(parts.workingDirectory),
  ].join("-");
  return { key: `${scope}-${clean(parts.snapshotKey)}`, restoreKeys: [`${scope}-`] };
}

/**
 * The directory the built-in cache restores into and saves from: under the runner's temp folder
 * (emptied after every job, so nothing of another repository or job is ever uploaded), one per app
 * folder. The path is part of the cache entry's version: it must be the same when saving and restoring.
 */
export function builtInCacheDir(workingDirectory: string, env: NodeJS.ProcessEnv = process.env): string {
  const temp = env.RUNNER_TEMP && path.isAbsolute(env.RUNNER_TEMP) ? env.RUNNER_TEMP : os.tmpdir();
  return path.join(temp, "migrate-guard-snapshots", folderId(workingDirectory));
}

/** What the main step hands the post step: where the cache directory is and the key it restored or will save. */
export interface CacheServiceState {
  dir: string;
  key: string;
}
