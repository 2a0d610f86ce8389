#!/usr/bin/env node
// The CLI runs the same built bundle that CI checks (dist/cli), so `npx migrate-guard` needs no build.
// Node ≥ 22.1 can keep V8's compiled code of the bundle between runs (in the OS temp directory, as
// TypeScript's tsc does; NODE_DISABLE_COMPILE_CACHE=1 turns it off): on Node 24, `lint FILE` runs 8%
// fewer instructions with it. Older Node has no such function and loses nothing.
import module from "node:module";

module.enableCompileCache?.();
await import("../dist/cli/index.js");
