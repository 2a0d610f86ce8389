// Creates a cluster's data directory. Both initdb and a copy create ~970 files, but initdb also runs
// the bootstrap backend: measured on a 2-core machine, initdb 0.5-1.7 s vs copy 0.04-1.1 s depending
// on the file system. So the first run keeps an initdb'd template in the OS temp dir and later runs
// copy it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, chown, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { PostgresInstallation } from "./binaries.js";
import { clusterParentDir } from "./scratch-dir.js";
import type { ServerUser } from "./server-user.js";

export interface DataDirResult {
  method: "initdb" | "template";
  /** Milliseconds spent creating the directory (initdb and/or copy). */
  ms: number;
  /** The template copied from, so a caller can discard it when the copy does not start. */
  template?: string;
}

// A UTC server makes verify's output independent of the machine's zone (no measurable speed gain).
const INITDB_ENV = { TZ: "UTC", LC_ALL: "C" };

function initdbArgs(major: number): string[] {
  const args = ["-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
  // 1 MB instead of 16 MB of preallocated WAL: 28 MB instead of 39 MB to write per cluster.
  if (major >= 11) args.push("--wal-segsize=1");
  return args;
}

function run(file: string, args: string[], user: ServerUser | undefined, cwd: string, env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, ...env }, uid: user?.uid, gid: user?.gid, maxBuffer: 4 * 1024 * 1024, timeout: 120_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`${path.basename(file)} ${args.join(" ")} failed: ${String(stderr).trim() || error.message}`));
        else resolve();
      },
    );
  });
}

export function initdb(install: PostgresInstallation, dataDir: string, user: ServerUser | undefined): Promise<void> {
  return run(install.initdb, ["-D", dataDir, ...initdbArgs(install.major)], user, path.dirname(dataDir), INITDB_ENV);
}

function templatesRoot(): string {
  return path.join(clusterParentDir(), `migrate-guard-pg-templates-${process.getuid?.() ?? "user"}`);
}

async function templateKey(install: PostgresInstallation, user: ServerUser | undefined): Promise<string> {
  // The binary's mtime changes on a package upgrade, whose catalog may differ from the old template.
  const { mtimeMs } = await stat(install.postgres);
  const material = [
    install.postgres,
    install.version,
    install.major,
    mtimeMs,
    initdbArgs(install.major).join(" "),
    JSON.stringify(INITDB_ENV),
    user?.uid ?? "",
  ];
  return `${install.major}-${createHash("sha256").update(material.join("\0")).digest("hex").slice(0, 16)}`;
}

/** A usable template: complete (rename is atomic, so existing means complete) and not planted by another user. */
async function isUsableTemplate(dir: string, user: ServerUser | undefined): Promise<boolean> {
  try {
    const [info] = await Promise.all([stat(dir), stat(path.join(dir, "PG_VERSION")), stat(path.join(dir, "global", "pg_control"))]);
    return info.isDirectory() && info.uid === (user?.uid ?? process.getuid?.() ?? info.uid);
  } catch {
    return false;
  }
}

// Clusters started together in one process share one initdb instead of racing several.
const building = new Map<string, Promise<string>>();

function ensureTemplate(install: PostgresInstallation, user: ServerUser | undefined): Promise<string> {
  const key = `${install.postgres}\0${user?.uid ?? ""}`;
  let pending = building.get(key);
  if (!pending) {
    pending = buildTemplate(install, user).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function buildTemplate(install: PostgresInstallation, user: ServerUser | undefined): Promise<string> {
  const root = templatesRoot();
  // 0755 so that the unprivileged server user can read through it when we run as root; templates
  // are empty trust-auth clusters and hold nothing secret.
  await mkdir(root, { recursive: true, mode: 0o755 });
  const rootInfo = await stat(root);
  if (process.getuid && rootInfo.uid !== process.getuid()) throw new Error(`${root} belongs to another user`);
  if ((rootInfo.mode & 0o777) !== 0o755) await chmod(root, 0o755); // a strict umask would lock the server user out

  const template = path.join(root, await templateKey(install, user));
  if (await isUsableTemplate(template, user)) return template;
  await rm(template, { recursive: true, force: true });

  // Build under a unique name and rename into place, so that concurrent first runs never see a
  // half-written template; the loser of the rename race discards its copy.
  const build = await mkdtemp(path.join(root, ".build-"));
  try {
    await chownIf(build, user);
    await initdb(install, path.join(build, "data"), user);
    try {
      await rename(path.join(build, "data"), template);
    } catch (error) {
      if (!(await isUsableTemplate(template, user))) throw error;
    }
  } finally {
    await rm(build, { recursive: true, force: true });
  }
  await pruneTemplates(root, path.basename(template));
  return template;
}

/**
 * A new template of a major replaces the others of that major (an upgraded or moved binary, another
 * initdb setting): they would never be copied again, and in /dev/shm each holds ~28 MB of memory.
 * Templates of other majors stay (several majors can be installed and used in turns). Never throws.
 */
export async function pruneTemplates(root: string, keep: string): Promise<string[]> {
  const major = keep.split("-")[0];
  const entries = await readdir(root).catch(() => [] as string[]);
  const stale = entries.filter((e) => e !== keep && /^\d+-[0-9a-f]{16}$/.test(e) && e.split("-")[0] === major);
  await Promise.all(stale.map((e) => rm(path.join(root, e), { recursive: true, force: true }).catch(() => {})));
  return stale;
}

async function chownIf(dir: string, user: ServerUser | undefined): Promise<void> {
  if (user) await chown(dir, user.uid, user.gid);
}

/** Removes a template whose copy did not start, so the next run rebuilds it. */
export async function discardTemplate(template: string): Promise<void> {
  await rm(template, { recursive: true, force: true });
}

/**
 * Creates `dataDir` (which must not exist; its parent must be writable by `user`) either by copying a
 * cached template or, when `useTemplate` is false or the template cannot be made, by running initdb.
 */
export async function createDataDir(
  install: PostgresInstallation,
  dataDir: string,
  user: ServerUser | undefined,
  useTemplate: boolean,
  onTemplateError: (error: unknown) => void = () => {},
): Promise<DataDirResult> {
  const started = performance.now();
  if (useTemplate) {
    let template: string | undefined;
    try {
      template = await ensureTemplate(install, user);
    } catch (error) {
      onTemplateError(error);
    }
    if (template) {
      try {
        // cp -Rp as the server user: keeps the 0700 mode postgres insists on, and the owner.
        await run("cp", ["-Rp", template, dataDir], user, path.dirname(dataDir));
        return { method: "template", ms: performance.now() - started, template };
      } catch (error) {
        onTemplateError(error);
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  }
  await initdb(install, dataDir, user);
  return { method: "initdb", ms: performance.now() - started };
}
