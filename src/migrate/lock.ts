// Prisma's migration lock as seen from outside: a bounded wait while another session (a deploy that is
// running) holds it, so that a second deploy waits instead of reading a half-applied state.
import type { EnvironmentDatabase, LockHolder } from "../postgres/environment-database.js";
import { describeLockHolder } from "./state.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) while another session holds Prisma's migration lock; returns the holder if it never let go. */
export async function waitForMigrationLock(
  db: EnvironmentDatabase,
  timeoutSeconds: number,
  log: (message: string) => void,
): Promise<LockHolder | undefined> {
  let holder = await db.migrationLockHolder();
  if (!holder) return undefined;
  log(`Another deploy holds Prisma's migration lock (${describeLockHolder(holder)}); waiting up to ${timeoutSeconds} s for it to finish…`);
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (holder && Date.now() < deadline) {
    await sleep(Math.min(1000, Math.max(50, deadline - Date.now())));
    holder = await db.migrationLockHolder();
  }
  if (!holder) log("The migration lock was released.");
  return holder;
}

export function lockTimeoutMessage(holder: LockHolder, timeoutSeconds: number): string {
  return `Another deploy still holds Prisma's migration lock after ${timeoutSeconds} s (${describeLockHolder(holder)}). Nothing was changed by this run; run it again when that deploy has finished (lock-timeout-seconds sets the wait).`;
}
