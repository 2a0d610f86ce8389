#!/usr/bin/env node
// The floor of any linter built on Node and libpg-query's WASM parser, for the lint rows of
// `npm run bench`: start node, load the parser (Liftoff only, no tier-up: the flags src/sql/statements.ts sets), read
// the migrations given and parse each; nothing else. Prints the statement count.
//   node bench/parse-floor.mjs prisma/migrations   every <folder>/migration.sql under it
//   node bench/parse-floor.mjs path/to/file.sql    that one file (the floor of `lint FILE`)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

v8.setFlagsFromString("--liftoff-only --wasm-tier-up-filter=2147483647");
const parser = await import("libpg-query");
await parser.loadModule();
const target = process.argv[2];
const files = statSync(target).isDirectory() ? readdirSync(target).map((name) => path.join(target, name, "migration.sql")) : [target];
let statements = 0;
for (const file of files) {
  let sql;
  try {
    sql = readFileSync(file, "utf8");
  } catch {
    continue;
  }
  try {
    statements += parser.parseSync(sql).stmts?.length ?? 0;
  } catch {
    // A migration PostgreSQL cannot parse costs its parse attempt, as in the linter.
  }
}
process.stdout.write(`${statements}\n`);
