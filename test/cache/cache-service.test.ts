// The built-in cache's adapter (src/actions/verify/remote-cache.ts) and the real @actions/cache
// against the cache service double (test/support/cache-service-double.ts) over real HTTP: save,
// restore by exact key and by restore key across branch scopes, and a service that fails.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BlockBlobClient } from "@azure/storage-blob";
import { restoreCacheDir, saveCacheDir } from "../../src/actions/verify/remote-cache.js";
import { startCacheServiceDouble, type CacheServiceDouble } from "../support/cache-service-double.js";
import { shortenCacheRetryWaits } from "../support/fast-cache-retries.mjs";

let service: CacheServiceDouble;
let temp: string;
let dir: string;
const savedEnv = { ...process.env };
let out: string[];
const write = process.stdout.write;

beforeAll(async () => {
  service = await startCacheServiceDouble();
});
afterAll(async () => {
  await service.close();
});

beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), "mg-cache-service-"));
  dir = path.join(temp, "runner-temp", "migrate-guard-snapshots", "abcd1234");
  // What the runner sets for a job; @actions/cache reads it on every call.
  Object.assign(process.env, { RUNNER_TEMP: path.join(temp, "runner-temp"), GITHUB_WORKSPACE: path.join(temp, "work") });
  mkdirSync(process.env.GITHUB_WORKSPACE!, { recursive: true });
  out = [];
  process.stdout.write = ((chunk: unknown) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
});

afterEach(() => {
  process.stdout.write = write;
  service.fail(undefined);
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  rmSync(temp, { recursive: true, force: true });
});

function job(ref: string, readAlso: string[] = []) {
  Object.assign(process.env, service.env(service.token(ref, readAlso)));
}

function fill(content: string) {
  mkdirSync(path.join(dir, "snapshots", "k1"), { recursive: true });
  writeFileSync(path.join(dir, "snapshots", "k1", "snapshot.dump"), content);
}

const warnings = () => out.filter((l) => l.startsWith("::warning::"));
const errors = () => out.filter((l) => l.startsWith("::error::"));

describe("through the cache service double", () => {
  test("a default-branch run saves; a pull request restores it by restore key; an existing key is not saved twice", async () => {
    job("refs/heads/main");
    fill("main's snapshot");
    expect(await saveCacheDir(dir, "mg-Linux-pg16-aaaa")).toBe(true);
    expect(service.entries()).toEqual([expect.objectContaining({ key: "mg-Linux-pg16-aaaa", scope: "refs/heads/main" })]);
    expect(await saveCacheDir(dir, "mg-Linux-pg16-aaaa")).toBe(false); // already there: not an error
    expect(warnings()).toEqual([]);

    rmSync(dir, { recursive: true, force: true });
    job("refs/pull/8/merge", ["refs/heads/main"]);
    const restored = await restoreCacheDir(dir, "mg-Linux-pg16-bbbb", ["mg-Linux-pg16-"]);
    expect(restored).toEqual({ matchedKey: "mg-Linux-pg16-aaaa", failed: false });
    expect(readFileSync(path.join(dir, "snapshots", "k1", "snapshot.dump"), "utf8")).toBe("main's snapshot");
    expect(warnings()).toEqual([]);
    expect(errors()).toEqual([]);
  });

  test("a pull request's entry is its own: another branch cannot read it, nor write main's scope", async () => {
    job("refs/pull/9/merge", ["refs/heads/main"]);
    fill("pr 9");
    expect(await saveCacheDir(dir, "mg-Linux-pg16-pr9")).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    job("refs/pull/10/merge", ["refs/heads/main"]);
    expect(await restoreCacheDir(dir, "mg-Linux-pg16-pr9", [])).toEqual({ failed: false });
    expect(service.entries().find((e) => e.key === "mg-Linux-pg16-pr9")?.scope).toBe("refs/pull/9/merge");
  });

  test("the exact key in the base branch wins over the pull request's own older entry", async () => {
    job("refs/pull/11/merge", ["refs/heads/main"]);
    fill("pr 11 before its rebase");
    expect(await saveCacheDir(dir, "mg-exact-old")).toBe(true);
    job("refs/heads/main");
    fill("main now");
    expect(await saveCacheDir(dir, "mg-exact-new")).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    job("refs/pull/11/merge", ["refs/heads/main"]);
    // The service alone would answer the restore key with the pull request's own entry first.
    expect(await restoreCacheDir(dir, "mg-exact-new", ["mg-exact-"])).toEqual({ matchedKey: "mg-exact-new", failed: false });
    expect(readFileSync(path.join(dir, "snapshots", "k1", "snapshot.dump"), "utf8")).toBe("main now");
    rmSync(dir, { recursive: true, force: true });
    expect(await restoreCacheDir(dir, "mg-exact-other", ["mg-exact-"])).toEqual({ matchedKey: "mg-exact-old", failed: false });
  });

  test("no entry: a miss, no warning", async () => {
    job("refs/heads/main");
    expect(await restoreCacheDir(dir, "mg-none-x", ["mg-none-"])).toEqual({ failed: false });
    expect(warnings()).toEqual([]);
  });

  test.each(["429", "unavailable"] as const)("a service that answers %s: warnings only, restore and save carry on", async (mode) => {
    job("refs/heads/main");
    fill("x");
    service.fail(mode);
    expect(await restoreCacheDir(dir, "mg-fail-a", ["mg-fail-"])).toEqual({ failed: true });
    expect(await saveCacheDir(dir, "mg-fail-a")).toBe(false);
    expect(warnings().length).toBeGreaterThan(0);
    expect(errors()).toEqual([]);
  });

  test("no cache service in the environment (GitHub Enterprise Server without it): one warning", async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_CACHE_URL;
    expect(await restoreCacheDir(dir, "k", [])).toEqual({ failed: true });
    expect(warnings()).toEqual([expect.stringContaining("GitHub's cache service is not available to this job")]);
    expect(await saveCacheDir(dir, "k")).toBe(false);
    expect(warnings()).toHaveLength(1);
  });

  // The toolkit retries a 5xx five times with back-off (~25 s, shortened here to 1 ms a wait: see
  // fast-cache-retries.mjs) and then reports it as an error annotation; the adapter turns that into a warning.
  test("a service that answers 500: the toolkit's error annotation becomes a warning", async () => {
    job("refs/heads/main");
    service.fail("5xx");
    const retries = shortenCacheRetryWaits();
    try {
      const calls = service.calls.length;
      expect(await restoreCacheDir(dir, "mg-5xx-a", ["mg-5xx-"])).toEqual({ failed: true });
      expect(errors()).toEqual([]);
      expect(warnings()).toEqual([expect.stringMatching(/^::warning::Failed to restore: .*500/)]);
      // Every attempt reached the service; the waits between them were the toolkit's own.
      expect(service.calls.length - calls).toBe(retries.waits.length + 1);
      expect(retries.waits.length).toBeGreaterThan(0);
      // The toolkit logs a reservation that kept failing like an existing key (info): the adapter warns.
      fill("x");
      out.length = 0;
      expect(await saveCacheDir(dir, "mg-5xx-a")).toBe(false);
      expect(errors()).toEqual([]);
      expect(warnings()).toEqual([expect.stringMatching(/^::warning::Snapshot cache: not saved, the cache service failed: .*\(500\)/)]);
    } finally {
      retries.restore();
    }
  });

  // Archives over 128 MiB go up in blocks (PUT ?comp=block, then ?comp=blocklist); the Azure SDK the
  // toolkit uses does the same for a small archive when told to, which is cheaper to test.
  test("a block upload through the Azure SDK, finalized and downloaded through the Twirp API", async () => {
    const token = service.token("refs/heads/main");
    const rpc = async (method: string, body: object) => {
      const res = await fetch(`${service.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };
    const created = await rpc("CreateCacheEntry", { key: "mg-blocks", version: "v1" });
    expect(created.body).toMatchObject({ ok: true, signed_upload_url: expect.any(String) });
    const data = Buffer.alloc(10_000, "abc");
    await new BlockBlobClient(created.body.signed_upload_url!).uploadData(data, { maxSingleShotSize: 4096, blockSize: 4096 });
    expect(await rpc("FinalizeCacheEntryUpload", { key: "mg-blocks", version: "v1", size_bytes: "10000" })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    const found = await rpc("GetCacheEntryDownloadURL", { key: "mg-blocks", restore_keys: [], version: "v1" });
    expect(found.body).toMatchObject({ ok: true, matched_key: "mg-blocks" });
    expect(Buffer.from(await (await fetch(found.body.signed_download_url!)).arrayBuffer()).equals(data)).toBe(true);
    // The same key and version again in the same scope: Twirp's already_exists.
    expect(await rpc("CreateCacheEntry", { key: "mg-blocks", version: "v1" })).toMatchObject({
      status: 409,
      body: { code: "already_exists" },
    });
    // Another version of the key is another entry; no token, no service.
    expect((await rpc("GetCacheEntryDownloadURL", { key: "mg-blocks", restore_keys: [], version: "v2" })).body).toEqual({ ok: false });
    const anonymous = await fetch(`${service.url}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(anonymous.status).toBe(401);
  });
});
