#!/usr/bin/env node
// The floor of any linter built on Node and libpg-query's WASM parser, for the lint rows of
// `npm run bench`: start node, load the parser (Liftoff only, as src/sql/statements.ts does), read
// every migration.sql under the folder given and parse it; nothing else. Prints the statement count.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

v8.setFlagsFromString("--liftoff-only");
const parser = await import("libpg-query");
await parser.loadModule();
const dir = process.argv[2];
let statements = 0;
for (const name of readdirSync(dir)) {
  let sql;
  try {
    sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
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
