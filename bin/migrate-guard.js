#!/usr/bin/env node
// The CLI runs the same built bundle that CI checks (dist/cli), so `npx migrate-guard` needs no build.
await import("../dist/cli/index.js");
