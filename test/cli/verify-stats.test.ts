// `verify --stats` and `lint --stats` with a stats file that records no "server" (an older
// `migrate-guard stats`, or one written by hand): its table sizes are used and nothing stops, unless
// --postgres-version production needs production's major from it — then exit 2 naming the file,
// before the database is touched. A malformed file is exit 2 naming the file. The CLI in process.
import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { main } from "../../src/cli/main.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, withDatabase } from "../../src/postgres/database.js";
import { exampleApp } from "../support/project-repo.js";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

let dir: string;
let cluster: Cluster;
const sizes = () => path.join(dir, "sizes.json");
const broken = () => path.join(dir, "broken.json");

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "mg-verify-stats-"));
  // What an older `migrate-guard stats` wrote: sizes, no "server".
  writeFileSync(
    sizes(),
    JSON.stringify({
      environment: "production",
      takenAt: "2026-12-01T00:00:00Z",
      tables: [{ schema: "public", name: "Order", rows: 12_400_000, bytes: 3_328_599_654 }],
    }),
  );
  writeFileSync(broken(), '{"environment": "production", "tables": [');
  writeFileSync(path.join(dir, "order_index.sql"), `CREATE INDEX "Order_total_idx" ON "Order"("total");\n`);
  cluster = await startCluster({});
  for (const db of ["sized", "auto", "refused", "broken"]) await createDatabase(cluster.url, db);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function tables(db: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(cluster.url, db) });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    return rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

const verify = (db: string, ...args: string[]) =>
  run(["verify", "--working-directory", exampleApp, "--database-url", withDatabase(cluster.url, db), "--json", ...args]);

describe("a stats file without server", () => {
  test("lint --stats: its sizes raise the hazard; nothing asks for a major", async () => {
    const r = await run(["lint", path.join(dir, "order_index.sql"), "--stats", sizes(), "--format", "json"]);
    expect(r.code).toBe(1);
    const [finding] = JSON.parse(r.stdout).findings;
    expect(finding).toMatchObject({ rule: "create-index-non-concurrently", severity: "error" });
    expect(finding.message).toMatch(/SHARE on "Order" — 12\.4 M rows, 3\.1 GB on production; raised to error/);
  });

  test("verify --stats with the default --postgres-version runs every check", async () => {
    const r = await verify("sized", "--stats", sizes());
    expect(r.stderr).not.toMatch(/records no PostgreSQL major/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c: { status: string }) => c.status)).not.toContain("fail");
    expect(await tables("sized")).toEqual(["Post", "User", "_prisma_migrations"]);
  }, 180_000);

  test("--postgres-version auto: a warning naming the file, and verify runs", async () => {
    const r = await verify("auto", "--stats", sizes(), "--postgres-version", "auto");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: postgres-version "auto": the stats file "${sizes()}" records no PostgreSQL major in "server"`);
  }, 180_000);

  test("--postgres-version production: exit 2 naming the file and what to do; the database is not touched", async () => {
    const r = await verify("refused", "--stats", sizes(), "--postgres-version", "production");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, error: { kind: "configuration", exitCode: 2 } });
    expect(doc.error.message).toContain(`the stats file "${sizes()}" records no PostgreSQL major in "server"`);
    expect(doc.error.message).toMatch(/--production-postgres-version/);
    expect(r.stdout + r.stderr).not.toContain(cluster.url);
    expect(await tables("refused")).toEqual([]);
  });
});

describe("a malformed stats file", () => {
  test.each([["verify"], ["lint"]])("%s --stats: exit 2 naming the file; the database is not touched", async (command) => {
    const r =
      command === "verify"
        ? await verify("broken", "--stats", broken())
        : await run(["lint", path.join(dir, "order_index.sql"), "--stats", broken(), "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(`The stats file "${broken()}" is not JSON`);
    expect(await tables("broken")).toEqual([]);
  });
});
