// The npm package as a team installs it: `npm pack` of this repository holds only what the CLI runs
// (bin, dist/cli, the licenses, README, CHANGELOG; nothing of the workspaces, sources or tests) and stays
// under 6 MB; installed from the tarball into a fresh app — offline, with an unreachable registry, which
// works because dist/cli is bundled and the package declares no runtime dependency — `migrate-guard`
// answers --version, --help and a real command (lint, which loads the bundled PostgreSQL parser's WASM).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { VERSION } from "../../src/version.js";
import { repoRoot } from "../support/project-repo.js";

const MAX_TARBALL_BYTES = 6 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as Record<string, unknown>;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** npm with no way to reach a registry: whatever it would fetch fails instead of downloading. */
const offlineEnv = {
  ...process.env,
  npm_config_registry: "http://127.0.0.1:9/",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let dir: string;
let packed: PackResult;
let app: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-package-"));
  const out = execFileSync(npm, ["pack", "--json", "--pack-destination", dir, repoRoot], {
    cwd: dir,
    encoding: "utf8",
    env: offlineEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  packed = (JSON.parse(out) as PackResult[])[0]!;
  app = path.join(dir, "app");
  mkdirSync(app);
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "some-app", version: "1.0.0", private: true }, null, 2));
  execFileSync(npm, ["install", "--offline", path.join(dir, packed.filename)], {
    cwd: app,
    encoding: "utf8",
    env: offlineEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const bin = path.join(app, "node_modules", ".bin", "migrate-guard");
  const r = spawnSync(bin, args, { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("package.json", () => {
  test("is publishable: not private, with repository, keywords, engines, files and no runtime dependency (dist is bundled)", () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.repository).toEqual(expect.objectContaining({ url: expect.stringContaining("github.com/") }));
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
    expect(pkg.engines).toEqual({ node: ">=20" });
    expect(pkg.files).toEqual(expect.arrayContaining(["bin/", "dist/cli/", "LICENSE", "README.md"]));
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  test("src/version.ts is package.json's version", () => {
    expect(VERSION).toBe(pkg.version);
  });
});

describe("npm pack", () => {
  test(`the tarball holds only what the CLI runs, and is at most ${MAX_TARBALL_BYTES / 1024 / 1024} MB`, () => {
    const files = packed.files.map((f) => f.path).sort();
    const allowed = (f: string) =>
      f.startsWith("bin/") || f.startsWith("dist/cli/") || ["LICENSE", "README.md", "CHANGELOG.md", "package.json"].includes(f);
    expect(files.filter((f) => !allowed(f))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/migrate-guard.js",
        "dist/cli/index.js",
        "dist/cli/libpg-query.wasm",
        "LICENSE",
        "README.md",
        "package.json",
      ]),
    );
    expect(packed.size).toBeLessThanOrEqual(MAX_TARBALL_BYTES);
  });

  test("every file bin/migrate-guard.js imports is in the tarball", () => {
    const bin = readFileSync(path.join(repoRoot, "bin/migrate-guard.js"), "utf8");
    // Node's own modules (node:…) are not files of the package.
    const imports = [...bin.matchAll(/import\(\s*"([^"]+)"\s*\)|from\s+"([^"]+)"/g)]
      .map((m) => m[1] ?? m[2]!)
      .filter((specifier) => !specifier.startsWith("node:"))
      .map((specifier) => path.posix.join("bin", specifier));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((f) => !packed.files.some((p) => p.path === f))).toEqual([]);
  });
});

describe("installed from the tarball into a fresh app (offline)", () => {
  test("migrate-guard --version and -V print package.json's version", () => {
    for (const flag of ["--version", "-V"]) {
      const r = run([flag]);
      expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
  });

  test("migrate-guard --help lists the commands", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: migrate-guard <command>/m);
    for (const command of ["verify", "lint", "deploy", "gate"]) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  test("migrate-guard lint finds a dropped column in a migration file (the bundled parser runs)", () => {
    writeFileSync(path.join(app, "drop.sql"), 'ALTER TABLE "User" DROP COLUMN "name";\n');
    const r = run(["lint", "--format", "json", "--fail-on", "warning", "drop.sql"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "drop-column", file: "drop.sql" })]));
  });
});
