import { MIN_SHM_FREE_BYTES, scratchParentDir, type ScratchDirProbe } from "./scratch-dir.js";

const TMPFS = 0x01021994;
const EXT4 = 0xef53;

function probe(overrides: Partial<ScratchDirProbe> & { shm?: { type: number; freeBytes: number } }): ScratchDirProbe {
  return { env: {}, platform: "linux", statfs: () => overrides.shm, tmpdir: () => "/tmp", ...overrides };
}

describe("scratchParentDir", () => {
  it("uses /dev/shm when it is a writable tmpfs with room", () => {
    expect(scratchParentDir(probe({ shm: { type: TMPFS, freeBytes: 8 * MIN_SHM_FREE_BYTES } }))).toBe("/dev/shm");
  });

  it("falls back to the OS temp dir for a small /dev/shm (Docker's 64 MB default)", () => {
    expect(scratchParentDir(probe({ shm: { type: TMPFS, freeBytes: 64 * 1024 ** 2 } }))).toBe("/tmp");
  });

  it("falls back when /dev/shm is not tmpfs, cannot be written, or the platform is not Linux", () => {
    expect(scratchParentDir(probe({ shm: { type: EXT4, freeBytes: 8 * MIN_SHM_FREE_BYTES } }))).toBe("/tmp");
    expect(scratchParentDir(probe({}))).toBe("/tmp");
    expect(scratchParentDir(probe({ platform: "darwin", shm: { type: TMPFS, freeBytes: 8 * MIN_SHM_FREE_BYTES } }))).toBe("/tmp");
  });

  it("MIGRATE_GUARD_PG_TMPDIR wins", () => {
    expect(
      scratchParentDir(probe({ env: { MIGRATE_GUARD_PG_TMPDIR: "/fast" }, shm: { type: TMPFS, freeBytes: 8 * MIN_SHM_FREE_BYTES } })),
    ).toBe("/fast");
  });
});
