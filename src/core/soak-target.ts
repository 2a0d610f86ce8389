// What both halves of the soak gate read (the database's record in soak.ts, GitHub's deployments in
// soak-code.ts): the migrations at the target commit, and elapsed time on one server's clock.

/** A migration in the repository at the target commit. */
export interface TargetMigration {
  name: string;
  /** sha256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
  sql: string;
}

/** Elapsed seconds between two timestamps of one server, never negative (a timestamp ahead of its server's "now" counts as zero). */
export function elapsedSeconds(since: Date, serverNow: Date): number {
  return Math.max(0, Math.floor((serverNow.getTime() - since.getTime()) / 1000));
}
