#!/usr/bin/env node
// `npm run bench` entry: runs bench/run.ts under tsx's loader, which reuses src/ unbuilt (startCluster,
// createDatabase) so the bench measures the same code the tests use.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = spawn(
  process.execPath,
  ["--import", import.meta.resolve("tsx"), fileURLToPath(new URL("run.ts", import.meta.url)), ...process.argv.slice(2)],
  { stdio: "inherit" },
);
// The child stops its clusters on SIGINT/SIGTERM; stay alive until it has, and exit with its code.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));
