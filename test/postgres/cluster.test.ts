import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { RecordingLogger } from "../../src/core/logger.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { clusterParentDir } from "../../src/postgres/scratch-dir.js";
import { childrenOf, isRunning, waitFor } from "./support/processes.js";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("throwaway cluster", () => {
  const started: Cluster[] = [];
  afterAll(async () => {
    await Promise.all(started.map((c) => c.stop()));
  });

  it("starts, serves queries, and stop() removes the server and its directory", async () => {
    const signalListeners = process.listenerCount("SIGTERM");
    const logger = new RecordingLogger();
    const cluster = await startCluster({ logger, database: "app db" });
    started.push(cluster);

    expect(cluster.url).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/app%20db`);
    expect(cluster.major).toBe(15);
    expect(existsSync(cluster.dataDir)).toBe(true);
    expect(process.listenerCount("SIGTERM")).toBe(signalListeners + 1);
    expect(logger.text()).toMatch(/accepting connections on 127\.0\.0\.1:\d+ after \d+ ms/);

    const [row] = await query<{ db: string; fsync: string; user: string }>(
      cluster.url,
      "SELECT current_database() AS db, current_setting('fsync') AS fsync, current_user AS user",
    );
    expect(row).toEqual({ db: "app db", fsync: "off", user: "postgres" });

    const backends = childrenOf(cluster.pid);
    expect(backends.length).toBeGreaterThan(0);
    await cluster.stop();
    expect(isRunning(cluster.pid)).toBe(false);
    expect(backends.filter(isRunning)).toEqual([]);
    expect(existsSync(cluster.rootDir)).toBe(false);
    // Hooks are gone with the last cluster, so an idle process keeps its default signal handling.
    expect(process.listenerCount("SIGTERM")).toBe(signalListeners);
    await cluster.stop();
  });

  it("runs two clusters side by side on different ports", async () => {
    const [a, b] = await Promise.all([startCluster(), startCluster()]);
    started.push(a, b);
    expect(a.port).not.toBe(b.port);
    expect(a.rootDir).not.toBe(b.rootDir);
    const [ra, rb] = await Promise.all([query<{ port: string }>(a.url, "SHOW port"), query<{ port: string }>(b.url, "SHOW port")]);
    expect(Number(ra[0]!.port)).toBe(a.port);
    expect(Number(rb[0]!.port)).toBe(b.port);
    await Promise.all([a.stop(), b.stop()]);
    expect(await waitFor(() => !isRunning(a.pid) && !isRunning(b.pid))).toBe(true);
  });

  it("keeps its files in the scratch place by default and in the OS temp dir with storage: disk", async () => {
    const scratch = await startCluster();
    const disk = await startCluster({ storage: "disk" });
    try {
      expect(path.dirname(scratch.rootDir)).toBe(clusterParentDir());
      expect(path.dirname(disk.rootDir)).toBe(os.tmpdir());
      for (const c of [scratch, disk]) {
        const client = new pg.Client({ connectionString: c.url });
        await client.connect();
        expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
        await client.end();
      }
    } finally {
      await scratch.stop();
      await disk.stop();
    }
    expect(existsSync(disk.rootDir)).toBe(false);
  });

  it("starts without the template cache too", async () => {
    const cluster = await startCluster({ template: false });
    started.push(cluster);
    expect((await query<{ one: number }>(cluster.url, "SELECT 1 AS one"))[0]!.one).toBe(1);
    await cluster.stop();
  });
});
