import { describe, expect, test } from "@jest/globals";
import path from "node:path";
import { builtInCacheDir, folderId, remoteCacheKeys } from "../../src/cache/remote-key.js";

const parts = {
  snapshotKey: "a".repeat(40),
  postgresMajor: 16,
  prismaMajor: 6,
  productVersion: "0.1.0",
  workingDirectory: ".",
  platform: "linux",
  arch: "x64",
};

describe("remote cache keys", () => {
  test("the key names what decides the state; the restore key is the key without the prefix's hash", () => {
    const { key, restoreKeys } = remoteCacheKeys(parts);
    expect(key).toBe(`migrate-guard-snapshots-linux-x64-pg16-prisma6-v0.1.0-${folderId(".")}-${"a".repeat(40)}`);
    expect(restoreKeys).toEqual([key.slice(0, -40)]);
    expect(key.length).toBeLessThan(512);
  });

  test.each([
    ["postgresMajor", 17],
    ["prismaMajor", 7],
    ["productVersion", "0.2.0"],
    ["workingDirectory", "apps/api"],
    ["platform", "darwin"],
  ] as const)("a different %s gives a different restore key (a fallback never crosses it)", (field, value) => {
    expect(remoteCacheKeys({ ...parts, [field]: value }).restoreKeys[0]).not.toBe(remoteCacheKeys(parts).restoreKeys[0]);
  });

  test("the app folder is normalised; no comma reaches a key", () => {
    expect(folderId("apps/api/")).toBe(folderId("apps/./api"));
    expect(folderId("")).toBe(folderId("."));
    expect(remoteCacheKeys({ ...parts, productVersion: "1.0.0,beta" }).key).not.toContain(",");
  });

  test("the directory is under RUNNER_TEMP, one per app folder", () => {
    expect(builtInCacheDir("apps/api", { RUNNER_TEMP: "/runner/_temp" })).toBe(
      path.join("/runner/_temp", "migrate-guard-snapshots", folderId("apps/api")),
    );
    expect(builtInCacheDir("apps/web", { RUNNER_TEMP: "/runner/_temp" })).not.toBe(
      builtInCacheDir("apps/api", { RUNNER_TEMP: "/runner/_temp" }),
    );
  });
});
