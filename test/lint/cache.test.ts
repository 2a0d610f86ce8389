// The cached base state: content-addressed (git blob ids), never an error when broken, bounded.
import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { blobId, cacheKey, MAX_ENTRIES, readCachedState, writeCachedState } from "../../src/verify/lint-cache.js";

const state = { tables: {}, indexes: {}, enums: {}, removedForeignKeys: [] };

describe("lint base-state cache", () => {
  test("blobId is git's blob id, so files from disk and from git share keys", () => {
    const text = `CREATE TABLE "ü" (id int);\n`;
    const fromGit = execFileSync("git", ["hash-object", "--stdin"], { input: text, encoding: "utf8" }).trim();
    expect(blobId(text)).toBe(fromGit);
    expect(cacheKey([{ name: "a", id: "1" }])).not.toBe(cacheKey([{ name: "a", id: "2" }]));
  });

  test("round trip, a corrupt entry is a miss, and old entries are pruned", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-cache-test-"));
    try {
      await writeCachedState(dir, "k", state);
      expect(await readCachedState(dir, "k")).toEqual(state);
      writeFileSync(path.join(dir, "bad.json"), "{ not json");
      expect(await readCachedState(dir, "bad")).toBeUndefined();
      expect(await readCachedState(dir, "missing")).toBeUndefined();
      for (let i = 0; i < MAX_ENTRIES + 5; i++) await writeCachedState(dir, `k${i}`, state);
      expect(readdirSync(dir).filter((n) => n.endsWith(".json")).length).toBe(MAX_ENTRIES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
