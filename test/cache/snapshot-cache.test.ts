// The snapshot cache's files: what the key covers, and that an entry that does not match its manifest
// is reported corrupt, removed and never handed out. Real files in a temp directory.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import {
  defaultSnapshotCacheDir,
  DUMP_FILE,
  lookupSnapshot,
  MANIFEST_FILE,
  MAX_SNAPSHOTS,
  pruneCompileCache,
  saveSnapshot,
  snapshotKey,
  type KeyMaterial,
} from "../../src/cache/snapshot-cache.js";

const material: KeyMaterial = {
  productVersion: "0.1.0",
  prismaMajor: 6,
  postgresMajor: 15,
  migrations: [
    { name: "01_init", sql: "CREATE TABLE a (id int);\n" },
    { name: "02_b", sql: "CREATE TABLE b (id int);\n" },
  ],
};
const meta = { productVersion: "0.1.0", prismaVersion: "6.19.3", postgresVersion: "15.18", migrations: ["01_init", "02_b"], applyMs: 1234 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "mg-cache-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const save = (key: string, content = "dump bytes") => saveSnapshot(dir, key, meta, async (file) => writeFileSync(file, content));
const entry = (key: string, file: string) => path.join(dir, "snapshots", key, file);

describe("snapshotKey", () => {
  const key = snapshotKey(material);
  test.each([
    [
      "a prefix file's content",
      { ...material, migrations: [material.migrations[0]!, { name: "02_b", sql: "CREATE TABLE b (id bigint);\n" }] },
    ],
    ["a prefix file's name", { ...material, migrations: [material.migrations[0]!, { name: "02_c", sql: material.migrations[1]!.sql }] }],
    ["the order", { ...material, migrations: [material.migrations[1]!, material.migrations[0]!] }],
    ["a removed file", { ...material, migrations: [material.migrations[0]!] }],
    ["an added file", { ...material, migrations: [...material.migrations, { name: "03_c", sql: "" }] }],
    ["the Prisma major", { ...material, prismaMajor: 7 }],
    ["the PostgreSQL major", { ...material, postgresMajor: 16 }],
    ["the product version", { ...material, productVersion: "0.2.0" }],
    ["a line ending", { ...material, migrations: [material.migrations[0]!, { name: "02_b", sql: "CREATE TABLE b (id int);\r\n" }] }],
  ])("changes with %s", (_what, changed) => {
    expect(snapshotKey(changed)).not.toBe(key);
  });
  test("is the same for the same material, and a Buffer hashes as its bytes", () => {
    expect(
      snapshotKey({ ...material, migrations: material.migrations.map((m) => ({ name: m.name, sql: Buffer.from(m.sql as string) })) }),
    ).toBe(key);
  });
});

describe("PostgreSQL majors never share an entry", () => {
  test("every major 13–18 has its own key, and an entry saved on one is a miss on every other", async () => {
    const majors = [13, 14, 15, 16, 17, 18];
    const keys = majors.map((postgresMajor) => snapshotKey({ ...material, postgresMajor }));
    expect(new Set(keys).size).toBe(majors.length);
    for (const [i, major] of majors.entries()) {
      if (major === 13 || major === 17)
        expect(
          await saveSnapshot(dir, keys[i]!, { ...meta, postgresVersion: `${major}.1` }, async (file) =>
            writeFileSync(file, `state on ${major}`),
          ),
        ).toBe(true);
    }
    for (const [i, major] of majors.entries()) {
      const found = await lookupSnapshot(dir, keys[i]!);
      if (major === 13 || major === 17) expect(found).toMatchObject({ state: "hit", manifest: { postgresVersion: `${major}.1` } });
      else expect(found).toEqual({ state: "miss" });
    }
  });
});

describe("lookupSnapshot / saveSnapshot", () => {
  test("a saved entry is a hit with its manifest; another key is a miss", async () => {
    expect(await save("k1")).toBe(true);
    const hit = await lookupSnapshot(dir, "k1");
    expect(hit).toMatchObject({
      state: "hit",
      dumpFile: entry("k1", DUMP_FILE),
      manifest: { key: "k1", applyMs: 1234, migrations: ["01_init", "02_b"] },
    });
    expect(await lookupSnapshot(dir, "k2")).toEqual({ state: "miss" });
    // Nothing is left behind in staging.
    expect(readdirSync(path.join(dir, "snapshots"))).toEqual(["k1"]);
  });

  test.each([
    ["a changed byte in the dump", (k: string) => writeFileSync(entry(k, DUMP_FILE), "dump bytez"), /does not match its sha256/],
    ["a truncated dump", (k: string) => writeFileSync(entry(k, DUMP_FILE), "dump"), /has 4 bytes, the manifest says 10/],
    ["a missing dump", (k: string) => rmSync(entry(k, DUMP_FILE)), /cannot be read \(ENOENT\)/],
    [
      "a half-written manifest",
      (k: string) => writeFileSync(entry(k, MANIFEST_FILE), readFileSync(entry(k, MANIFEST_FILE), "utf8").slice(0, 40)),
      /not valid JSON/,
    ],
    ["a missing manifest", (k: string) => rmSync(entry(k, MANIFEST_FILE)), /manifest is missing/],
    [
      "a manifest of another key",
      (k: string) =>
        writeFileSync(entry(k, MANIFEST_FILE), readFileSync(entry(k, MANIFEST_FILE), "utf8").replace(`"key": "${k}"`, '"key": "other"')),
      /does not describe this key/,
    ],
  ])("%s is corrupt, removed, and a new entry can be saved", async (_what, damage, reason) => {
    await save("k1");
    damage("k1");
    const found = await lookupSnapshot(dir, "k1");
    expect(found.state).toBe("corrupt");
    expect(found.state === "corrupt" && found.reason).toMatch(reason);
    expect(await lookupSnapshot(dir, "k1")).toEqual({ state: "miss" });
    expect(await save("k1")).toBe(true);
    expect((await lookupSnapshot(dir, "k1")).state).toBe("hit");
  });

  test("concurrent writers of one key: one entry, whole, and no staging folder left", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => save("k1", "same state")));
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(path.join(dir, "snapshots"))).toEqual(["k1"]);
    expect((await lookupSnapshot(dir, "k1")).state).toBe("hit");
  });

  test("a dump that fails to be produced writes nothing", async () => {
    expect(
      await saveSnapshot(dir, "k1", meta, async () => {
        throw new Error("pg_dump failed");
      }),
    ).toBe(false);
    expect(await lookupSnapshot(dir, "k1")).toEqual({ state: "miss" });
    expect(readdirSync(path.join(dir, "snapshots"))).toEqual([]);
  });

  test(`keeps the ${MAX_SNAPSHOTS} most recently used entries`, async () => {
    for (let i = 0; i <= MAX_SNAPSHOTS; i++) await save(`k${i}`);
    expect(readdirSync(path.join(dir, "snapshots"))).toHaveLength(MAX_SNAPSHOTS);
  });
});

test("default directory: $XDG_CACHE_HOME/migrate-guard, else ~/.cache/migrate-guard", () => {
  expect(defaultSnapshotCacheDir({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/migrate-guard");
  expect(defaultSnapshotCacheDir({ XDG_CACHE_HOME: "relative" })).toBe(path.join(os.homedir(), ".cache", "migrate-guard"));
  expect(defaultSnapshotCacheDir({})).toBe(path.join(os.homedir(), ".cache", "migrate-guard"));
});

describe("pruneCompileCache", () => {
  test("keeps the current Node version's folder and removes the others", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "mg-compile-cache-"));
    try {
      for (const name of ["v24.21.0-x64-b7b66367-0", "v22.1.0-x64-aaaa-0", "v24.21.0-arm64-cccc-0"])
        await mkdir(path.join(dir, name, "x"), { recursive: true });
      await pruneCompileCache(dir, "v24.21.0-x64-");
      expect(await readdir(dir)).toEqual(["v24.21.0-x64-b7b66367-0"]);
      await pruneCompileCache(path.join(dir, "missing")); // never throws
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
