// Runs once before the test workers start: commands the tests spawn (verify's snapshot cache, lint's
// base-state cache) write under XDG_CACHE_HOME, so point it at a temporary folder instead of the
// developer's ~/.cache. Workers inherit this environment.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export default async function globalSetup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-test-cache-"));
  process.env.XDG_CACHE_HOME = dir;
  process.env.MIGRATE_GUARD_TEST_CACHE_HOME = dir;
}
