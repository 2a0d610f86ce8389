// Where throwaway clusters (and the initdb template they are copied from) live. A cluster is ~1,000
// small files before a single migration runs, and every table and index adds more: measured on this
// project's 2-core ext4 VM, copying the 28 MB template took 0.7–1.2 s of system time in the OS temp
// dir and 0.06 s on tmpfs, and a warm verify of trigger.dev's 820 migrations went from 5.5–6.9 s to
// 3.7–4.0 s. Durability is worthless for a server that is deleted afterwards, so memory is the place.
import { accessSync, constants, statfsSync } from "node:fs";
import os from "node:os";

/** Linux's TMPFS_MAGIC (statfs f_type). */
const TMPFS_MAGIC = 0x01021994;
/** /dev/shm is used only with at least this much free: Docker's default 64 MB /dev/shm is skipped. */
export const MIN_SHM_FREE_BYTES = 1024 ** 3;

export interface ScratchDirProbe {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** statfs of a path, or undefined when it cannot be read or written. */
  statfs(path: string): { type: number; freeBytes: number } | undefined;
  tmpdir(): string;
}

const realProbe: ScratchDirProbe = {
  env: process.env,
  platform: process.platform,
  statfs(path) {
    try {
      accessSync(path, constants.W_OK);
      const s = statfsSync(path);
      return { type: Number(s.type), freeBytes: Number(s.bavail) * Number(s.bsize) };
    } catch {
      return undefined;
    }
  },
  tmpdir: () => os.tmpdir(),
};

/**
 * MIGRATE_GUARD_PG_TMPDIR when set; else /dev/shm when it is a writable tmpfs with at least
 * MIN_SHM_FREE_BYTES free (Linux, e.g. GitHub's Ubuntu runners); else the OS temp dir.
 */
export function scratchParentDir(probe: ScratchDirProbe = realProbe): string {
  const explicit = probe.env.MIGRATE_GUARD_PG_TMPDIR?.trim();
  if (explicit) return explicit;
  if (probe.platform === "linux") {
    const shm = probe.statfs("/dev/shm");
    if (shm && shm.type === TMPFS_MAGIC && shm.freeBytes >= MIN_SHM_FREE_BYTES) return "/dev/shm";
  }
  return probe.tmpdir();
}

let chosen: string | undefined;

/** scratchParentDir(), decided once per process (clusters and templates must agree). */
export function clusterParentDir(): string {
  return (chosen ??= scratchParentDir());
}
