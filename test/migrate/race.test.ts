// Two deploys racing on one database, as two real processes of the built CLI. Prisma's advisory lock
// decides: exactly one applies each migration, the other waits (bounded) and finds nothing to do — or
// gives up with a clear message when the wait is shorter than the other deploy. Never twice.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, cliPath, expectNoPassword, startEnvironmentCluster, type EnvironmentCluster } from "./support.js";

let env: EnvironmentCluster;
let repo: ProjectRepo;

beforeAll(async () => {
  env = await startEnvironmentCluster();
  // A migration that takes long enough for the second deploy to arrive while it runs.
  repo = appRepo({ "20250103000000_backfill_slowly": `SELECT pg_sleep(4);\nCREATE TABLE "Backfill" ("id" INTEGER);\n` });
});
afterAll(async () => {
  await env?.stop();
  repo?.remove();
});

interface Result {
  code: number;
  doc: { ok: boolean; appliedNow: { name: string }[]; refused: string | null; error: string | null };
  stderr: string;
}

function deploy(url: string, extra: string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const env_ = { ...process.env };
    delete env_.DATABASE_URL;
    const child = spawn(process.execPath, [cliPath, "deploy", "--environment", "staging", "--database-url", url, "--json", ...extra], {
      cwd: repo.dir,
      env: env_,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        expectNoPassword(stdout, stderr);
        resolve({ code: code ?? 1, doc: JSON.parse(stdout) as Result["doc"], stderr });
      } catch (error) {
        reject(new Error(`${(error as Error).message}\nstdout: ${stdout}\nstderr: ${stderr}`));
      }
    });
  });
}

async function lockHeld(db: string): Promise<boolean> {
  const rows = await env.query(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted");
  return rows.length > 0;
}

async function historyCounts(db: string): Promise<Record<string, number>> {
  const rows = await env.query<{ migration_name: string; n: string }>(
    db,
    "SELECT migration_name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY 1 ORDER BY 1",
  );
  return Object.fromEntries(rows.map((r) => [r.migration_name, Number(r.n)]));
}

describe("two deploys on one database", () => {
  test("started together: one applies every migration exactly once, the other waits and applies nothing", async () => {
    const url = await env.createDatabase("race");
    const [a, b] = await Promise.all([deploy(url), deploy(url)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const applied = [a, b].map((r) => r.doc.appliedNow.map((m) => m.name));
    const winner = applied.findIndex((names) => names.length > 0);
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(applied[winner]).toEqual(["20250101000000_create_users", "20250102000000_add_posts", "20250103000000_backfill_slowly"]);
    expect(applied[1 - winner]).toEqual([]);
    expect(await historyCounts("race")).toEqual({
      "20250101000000_create_users": 1,
      "20250102000000_add_posts": 1,
      "20250103000000_backfill_slowly": 1,
    });
    expect(await env.query("race", "SELECT count(*)::int AS n FROM migrate_guard.environment")).toEqual([{ n: 1 }]);
    // The loser said what it was waiting for (our bounded wait, or Prisma's own lock wait).
    expect([a, b][1 - winner]!.stderr).toMatch(/holds Prisma's migration lock|No pending migrations to apply/);
  });

  test("a second deploy whose wait is shorter than the first gives up with a clear message and changes nothing", async () => {
    const url = await env.createDatabase("race_timeout");
    // Stamp and apply the first two, so that only the slow migration is pending.
    const prepare = appRepo();
    try {
      const first = await new Promise<number>((resolve) =>
        spawn(process.execPath, [cliPath, "deploy", "--environment", "staging", "--database-url", url], {
          cwd: prepare.dir,
          stdio: "ignore",
        }).on("close", (c) => resolve(c ?? 1)),
      );
      expect(first).toBe(0);
    } finally {
      prepare.remove();
    }
    const slow = deploy(url);
    const deadline = Date.now() + 15_000;
    while (!(await lockHeld("race_timeout")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const impatient = await deploy(url, ["--lock-timeout-seconds", "0.5"]);
    expect(impatient.code).toBe(1);
    expect(impatient.doc.error).toMatch(
      /Another deploy still holds Prisma's migration lock after 0.5 s \(pid \d+.*\)\. Nothing was changed by this run/,
    );
    expect(impatient.doc.appliedNow).toEqual([]);
    const winner = await slow;
    expect(winner.code).toBe(0);
    expect(winner.doc.appliedNow.map((m) => m.name)).toEqual(["20250103000000_backfill_slowly"]);
    expect(await historyCounts("race_timeout")).toEqual({
      "20250101000000_create_users": 1,
      "20250102000000_add_posts": 1,
      "20250103000000_backfill_slowly": 1,
    });
  });
});
