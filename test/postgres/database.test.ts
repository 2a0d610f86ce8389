import pg from "pg";
import { ConfigurationError } from "../../src/core/errors.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import {
  assertDisposableDatabase,
  createDatabase,
  dropDatabase,
  readPrismaMigrations,
  serverVersion,
  withDatabase,
} from "../../src/postgres/database.js";

const PASSWORD = "s3cret-Pa55word";

describe("database helpers", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  async function sql(url: string, text: string): Promise<void> {
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  it("creates and drops databases with names that need quoting", async () => {
    const name = 'scratch "one"';
    await createDatabase(cluster.url, name);
    await sql(withDatabase(cluster.url, name), "SELECT 1");
    await dropDatabase(cluster.url, name);
    await expect(sql(withDatabase(cluster.url, name), "SELECT 1")).rejects.toThrow(/does not exist/);
    await dropDatabase(cluster.url, name);
  });

  it("accepts an empty database and refuses one with tables, without leaking the password", async () => {
    await createDatabase(cluster.url, "disposable");
    const admin = withDatabase(cluster.url, "disposable");
    await sql(admin, `CREATE ROLE tester LOGIN PASSWORD '${PASSWORD}'`);
    const url = admin.replace("postgres@", `tester:${PASSWORD}@`);

    await expect(assertDisposableDatabase(url)).resolves.toBeUndefined();

    await sql(
      admin,
      "CREATE TABLE _prisma_migrations (id text); CREATE SCHEMA app; CREATE TABLE app.users (id int); CREATE VIEW app.v AS SELECT 1 AS x",
    );
    for (let i = 0; i < 5; i++) await sql(admin, `CREATE TABLE t${i} (id int)`);
    const error = await assertDisposableDatabase(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain("public._prisma_migrations");
    expect(message).toContain("and 3 more");
    expect(message).toContain("127.0.0.1");
    expect(message).toContain("disposable");
    expect(message).not.toContain(PASSWORD);
  });

  it("reports connection failures with host and database but no password", async () => {
    const url = `postgresql://tester:${PASSWORD}@127.0.0.1:1/nowhere`;
    const error = await assertDisposableDatabase(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1/nowhere");
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain(url);
  });

  it("reads the server version", async () => {
    const version = await serverVersion(cluster.url);
    expect(version.major).toBe(cluster.major);
    expect(version.text.startsWith(cluster.version)).toBe(true);
    expect(version.num).toBeGreaterThanOrEqual(cluster.major * 10000);
  });

  it("reads _prisma_migrations, or nothing when there is none", async () => {
    await createDatabase(cluster.url, "migrations");
    const url = withDatabase(cluster.url, "migrations");
    expect(await readPrismaMigrations(url)).toEqual([]);
    await sql(
      url,
      `CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
         migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
         applied_steps_count integer NOT NULL DEFAULT 0);
       INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('b', 'c2', '20240102000000_second', '2024-01-02', '2024-01-02', 1),
              ('a', 'c1', '20240101000000_first', '2024-01-01', NULL, 0)`,
    );
    const rows = await readPrismaMigrations(url);
    expect(rows.map((r) => r.migration_name)).toEqual(["20240101000000_first", "20240102000000_second"]);
    expect(rows[0]).toEqual({
      migration_name: "20240101000000_first",
      checksum: "c1",
      started_at: expect.any(Date),
      finished_at: null,
      rolled_back_at: null,
      logs: null,
      applied_steps_count: 0,
    });
    expect(await readPrismaMigrations(`${url}?schema=other`)).toEqual([]);
  });
});
