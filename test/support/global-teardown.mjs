// Removes the temporary XDG_CACHE_HOME made by global-setup.mjs.
import { rm } from "node:fs/promises";

export default async function globalTeardown() {
  const dir = process.env.MIGRATE_GUARD_TEST_CACHE_HOME;
  if (dir) await rm(dir, { recursive: true, force: true });
}
