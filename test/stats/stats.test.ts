// `migrate-guard stats` on a real cluster, and `lint --stats` with what it writes: a table of more than
// 1 M rows (generate_series, then ANALYZE) next to one of 100 rows. The built CLI, as a user runs it;
// no output ever holds the URL, its password or its host:port.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EnvironmentDatabase } from "../../src/postgres/environment-database.js";
import { cli, startEnvironmentCluster, TEST_PASSWORD, type EnvironmentCluster } from "../migrate/support.js";

let env: EnvironmentCluster;
let dir: string;
let url: string;
let stagingUrl: string;

function expectNoUrl(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(url);
    expect(text).not.toContain(`:${env.cluster.port}`);
    expect(text).not.toContain("127.0.0.1");
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-stats-"));
  env = await startEnvironmentCluster();
  url = await env.createDatabase("shop");
  await env.query(
    "shop",
    `CREATE TABLE "Order" ("id" integer PRIMARY KEY, "total" integer NOT NULL);
    INSERT INTO "Order" SELECT g, g % 1000 FROM generate_series(1, 1200000) g;
    CREATE TABLE "Tag" ("id" integer PRIMARY KEY, "label" text);
    INSERT INTO "Tag" SELECT g, 'tag ' || g FROM generate_series(1, 100) g;
    CREATE SCHEMA audit; CREATE TABLE audit."Never" ("id" integer);
    ANALYZE "Order"; ANALYZE "Tag";`,
  );
  stagingUrl = await env.createDatabase("staging_db");
  const db = await EnvironmentDatabase.connect(stagingUrl);
  try {
    await db.writeStampIfAbsent({ name: "staging", normalized: "staging", production: false });
  } finally {
    await db.close();
  }
}, 180_000);
afterAll(async () => {
  await env?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("migrate-guard stats", () => {
  test("writes each table's estimated rows and total bytes; an unstamped database is read (with a warning)", () => {
    const file = path.join(dir, "stats.json");
    const r = cli(["stats", "--environment", "production", "--database-url", url, "--output", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no environment stamp/);
    expectNoUrl(r.stdout, r.stderr, readFileSync(file, "utf8"));
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc).toMatchObject({ environment: "production", server: expect.stringMatching(/^\d+$/) });
    expect(Date.now() - Date.parse(doc.takenAt)).toBeLessThan(120_000);
    const byName = Object.fromEntries(doc.tables.map((t: { schema: string; name: string }) => [`${t.schema}.${t.name}`, t]));
    expect(byName["public.Order"].rows).toBeGreaterThan(1_100_000);
    expect(byName["public.Order"].rows).toBeLessThan(1_300_000);
    expect(byName["public.Order"].bytes).toBeGreaterThan(40 * 2 ** 20);
    expect(byName["public.Tag"]).toMatchObject({ rows: 100 });
    expect(byName["public.Tag"].bytes).toBeLessThan(2 ** 20);
    // Never analyzed: PostgreSQL has no estimate, and the document says so instead of guessing.
    expect(byName["audit.Never"]).toMatchObject({ rows: null });
    expect(Object.keys(byName).some((k) => k.startsWith("pg_catalog.") || k.startsWith("migrate_guard."))).toBe(false);
  });

  test("without --output the document goes to stdout", () => {
    const r = cli(["stats", "--environment", "production", "--database-url", url]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tables.length).toBeGreaterThanOrEqual(3);
    expectNoUrl(r.stdout, r.stderr);
  });

  test("a database stamped as another environment is refused: exit 2, nothing written, the URL not shown", () => {
    const file = path.join(dir, "refused.json");
    const r = cli(["stats", "--environment", "production", "--database-url", stagingUrl, "--output", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stamped as environment "staging", not "production"/);
    expect(existsSync(file)).toBe(false);
    expect(r.stdout).toBe("");
    expectNoUrl(r.stdout, r.stderr);
    expect(r.stderr).not.toContain(stagingUrl);
    // The matching environment is read.
    expect(cli(["stats", "--environment", "Staging", "--database-url", stagingUrl]).code).toBe(0);
  });

  test("usage errors exit 2; an unreachable database exits 1 without naming host or port", () => {
    expect(cli(["stats", "--database-url", url]).code).toBe(2);
    expect(cli(["stats", "--environment", "production", "--database-url", "not a url"]).code).toBe(2);
    const down = url.replace(`:${env.cluster.port}/`, ":1/");
    const r = cli(["stats", "--environment", "production", "--database-url", down]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Could not reach PostgreSQL/);
    expect(r.stderr).not.toContain(":1/");
    expectNoUrl(r.stdout, r.stderr);
  });
});

describe("lint --stats", () => {
  const statsFile = () => path.join(dir, "stats.json");
  beforeAll(() => {
    writeFileSync(path.join(dir, "order_index.sql"), `CREATE INDEX "Order_total_idx" ON "Order"("total");\n`);
    writeFileSync(path.join(dir, "tag_index.sql"), `CREATE INDEX "Tag_label_idx" ON "Tag"("label");\n`);
    writeFileSync(path.join(dir, "bad.json"), `{"environment": "production", "tables": 3}`);
  });
  const lint = (args: string[]) => cli(["lint", ...args, "--format", "json"], { cwd: dir });

  test("a lock hazard on a table of ≥ 1 M rows is raised to an error and names rows and size; on 100 rows it stays a warning", () => {
    if (!existsSync(statsFile())) cli(["stats", "--environment", "production", "--database-url", url, "--output", statsFile()]);
    const big = lint(["order_index.sql", "--stats", statsFile()]);
    expect(big.code).toBe(1);
    const [f] = JSON.parse(big.stdout).findings;
    expect(f).toMatchObject({ rule: "create-index-non-concurrently", severity: "error" });
    expect(f.message).toMatch(/SHARE on "Order" — 1\.[12] M rows, \d+(\.\d)? MB on production; raised to error: at least 1 M rows/);
    expect(f.message).not.toMatch(/minutes/);
    const small = lint(["tag_index.sql", "--stats", statsFile()]);
    expect(small.code).toBe(0);
    const [g] = JSON.parse(small.stdout).findings;
    expect(g).toMatchObject({ rule: "create-index-non-concurrently", severity: "warning" });
    expect(g.message).toMatch(/SHARE on "Tag" — 100 rows, \d+ kB on production\.\)/);
    // Without the stats file the two are the same warning.
    expect(JSON.parse(lint(["order_index.sql"]).stdout).findings[0].severity).toBe("warning");
  });

  test("thresholds are options: --huge-table-rows makes the message say so; --large-table-rows moves the raise", () => {
    const huge = JSON.parse(lint(["order_index.sql", "--stats", statsFile(), "--huge-table-rows", "1000000"]).stdout).findings[0];
    expect(huge.message).toMatch(/over 1 M rows: expect the lock or rewrite to last minutes/);
    const tag = JSON.parse(lint(["tag_index.sql", "--stats", statsFile(), "--large-table-rows", "50"]).stdout).findings[0];
    expect(tag.severity).toBe("error");
  });

  test("a missing or malformed stats file, or thresholds without one, are usage errors (exit 2)", () => {
    expect(lint(["tag_index.sql", "--stats", "nope.json"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Cannot read the stats file "nope.json" \(ENOENT\)/),
    });
    expect(lint(["tag_index.sql", "--stats", "bad.json"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a migrate-guard stats document: "takenAt" is missing/),
    });
    expect(lint(["tag_index.sql", "--large-table-rows", "10"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/need --stats FILE/),
    });
    expect(lint(["tag_index.sql", "--stats", statsFile(), "--large-table-rows", "lots"])).toMatchObject({ code: 2 });
    expect(cli(["verify", "--stats", "nope.json"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Cannot read the stats file/),
    });
  });
});
