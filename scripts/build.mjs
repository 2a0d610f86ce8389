#!/usr/bin/env node
// Builds dist/ with ncc: one self-contained ESM bundle per entry (each action's main and post step,
// and the CLI). dist/ is committed; CI rebuilds and fails when the committed copy is stale.
import ncc from "@vercel/ncc";
import { spawn } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

/** [source, output directory, output file name] */
const ENTRIES = [
  ["src/cli/index.ts", "cli", "index.js"],
  ["src/actions/verify/main.ts", "verify", "index.js"],
  // Its own folder: it loads @actions/cache as a chunk, whose file name would clash with the main step's.
  ["src/actions/verify/post.ts", "verify-post", "index.js"],
  ["src/actions/postgres/main.ts", "postgres", "index.js"],
  ["src/actions/postgres/post.ts", "postgres", "post.js"],
  ["src/actions/lint/main.ts", "lint", "index.js"],
  ["src/actions/migrate/main.ts", "migrate", "index.js"],
  ["src/actions/migrate/post.ts", "migrate", "post.js"],
  ["src/actions/test-data/main.ts", "test-data", "index.js"],
  ["src/actions/rollback/main.ts", "rollback", "index.js"],
  // The migrate post step, unchanged: it closes a deployment the main step left in progress.
  ["src/actions/migrate/post.ts", "rollback", "post.js"],
  ["src/actions/gate/main.ts", "gate", "index.js"],
];

/**
 * Files a bundle loads at run time that ncc does not see (libpg-query reads its WASM next to the
 * script), copied only into folders whose code names them: 1.7 MB a folder otherwise.
 */
const RUNTIME_FILES = ["node_modules/libpg-query/wasm/libpg-query.wasm"];

/**
 * CommonJS code inside an ESM bundle still reads __dirname/__filename (libpg-query locates its WASM
 * with them); ncc does not define them in ESM output.
 */
const CJS_GLOBALS = [
  'import { fileURLToPath as __mgFileURLToPath } from "node:url";',
  'import { dirname as __mgDirname } from "node:path";',
  "const __filename = __mgFileURLToPath(import.meta.url);",
  "const __dirname = __mgDirname(__filename);",
  "",
].join("\n");

const only = process.argv.slice(2);
if (only.length === 0) {
  // A full build: start clean, then build each output folder in its own process, two at a time. One
  // process for all entries runs out of heap (ncc keeps every compilation's graph), and two cores
  // halve the wall time.
  await rm(dist, { recursive: true, force: true });
  const queue = [...new Set(ENTRIES.map(([, dir]) => dir))];
  const buildFolder = (dir) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir], { stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`building dist/${dir} failed (${signal ?? `exit ${code}`})`)),
      );
    });
  const worker = async () => {
    for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) await buildFolder(dir);
  };
  await Promise.all([worker(), worker()]);
  process.exit(0);
}

const writtenThisRun = new Set();
for (const [source, dir, file] of ENTRIES) {
  if (only.length > 0 && !only.includes(dir)) continue;
  const started = Date.now();
  const { code, assets } = await ncc(path.join(root, source), {
    minify: false,
    sourceMap: false,
    target: "es2022",
    quiet: true,
    // Deterministic output: the committed dist/ is compared byte for byte in CI.
    cache: false,
    // The npm package ships dist/cli alone: the licenses of everything bundled into it go with it.
    license: dir === "cli" ? "licenses.txt" : "",
  });
  const outDir = path.join(dist, dir);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, file), CJS_GLOBALS + code);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === "package.json") continue;
    const target = path.join(outDir, name);
    // Chunks of dynamic imports (libpg-query) are ESM too and read __dirname: same preamble.
    const content = name.endsWith(".js") ? CJS_GLOBALS + asset.source : asset.source;
    // Two entries built into one folder (main and post) must not overwrite each other's chunks
    // (files from an earlier build are simply replaced).
    const existing = writtenThisRun.has(target) ? await readFile(target).catch(() => undefined) : undefined;
    if (existing && !existing.equals(Buffer.from(content))) {
      throw new Error(
        `${path.relative(root, target)} is written by two entries with different content; build one of them into its own folder.`,
      );
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    writtenThisRun.add(target);
  }
  const sources = [code, ...Object.values(assets ?? {}).map((a) => String(a.source))];
  for (const file of RUNTIME_FILES) {
    if (sources.some((s) => s.includes(path.basename(file)))) await cp(path.join(root, file), path.join(outDir, path.basename(file)));
  }
  await writeFile(path.join(outDir, "package.json"), JSON.stringify({ type: "module" }) + "\n");
  console.log(`built ${path.relative(root, path.join(outDir, file))} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
