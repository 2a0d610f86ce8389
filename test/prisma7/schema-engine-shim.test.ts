// test/support/schema-engine-shim speaks the native schema engine's protocol as Prisma 7's CLI reads
// it (prisma-engines schema-engine/cli: `--version`, `cli` subcommands logging tracing JSON on
// stderr, JSON-RPC 2.0 over stdio with error code 4466 and the user-facing error in `data`).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, withDatabase } from "../../src/postgres/database.js";
import { prisma7App, prisma7Modules, schemaEngineShim } from "./prisma-versions.js";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({});
  await createDatabase(cluster.url, "rpc");
});
afterAll(async () => cluster?.stop());

function runShim(args: string[]) {
  const r = spawnSync(schemaEngineShim, args, { cwd: prisma7App, encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderrLines: r.stderr.split("\n").filter(Boolean) };
}

const datasource = (db: string) => JSON.stringify({ url: withDatabase(cluster.url, db) });

describe("command line", () => {
  test("--version names the engine commit Prisma 7.10 pins (its own WASM build is loaded)", () => {
    const pinned = JSON.parse(readFileSync(path.join(prisma7Modules, "@prisma/engines-version/package.json"), "utf8")).prisma
      .enginesVersion as string;
    const r = runShim(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`schema-engine-cli ${pinned}`);
  });

  test("cli can-connect-to-database: P1003 for a missing database, in the lines the CLI parses", () => {
    const r = runShim(["--datasource", datasource("missing_db"), "cli", "can-connect-to-database"]);
    expect(r.code).toBe(1);
    // The CLI skips the first stderr line and looks for an ERROR from schema_engine::logger.
    expect(JSON.parse(r.stderrLines[0]!)).toMatchObject({ level: "INFO" });
    const error = JSON.parse(r.stderrLines[1]!);
    expect(error).toMatchObject({ level: "ERROR", target: "schema_engine::logger", fields: { is_panic: false, error_code: "P1003" } });
    expect(error.fields.message).toBe(`Database \`missing_db\` does not exist on the database server at \`127.0.0.1:${cluster.port}\`.`);
  });

  test("cli create-database creates it; can-connect then succeeds; a second create is P1009", () => {
    expect(runShim(["--datasource", datasource("made_by_shim"), "cli", "create-database"]).code).toBe(0);
    expect(runShim(["--datasource", datasource("made_by_shim"), "cli", "can-connect-to-database"]).code).toBe(0);
    const again = runShim(["--datasource", datasource("made_by_shim"), "cli", "create-database"]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderrLines[1]!).fields.error_code).toBe("P1009");
  });

  test('the Prisma 5/6 form `cli --datasource URL COMMAND` (6.19\'s migrate resolve runs it even with engine: "js")', () => {
    const r = runShim(["cli", "--datasource", withDatabase(cluster.url, "missing_db"), "can-connect-to-database"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderrLines[1]!).fields.error_code).toBe("P1003");
    expect(runShim(["cli", "--datasource", withDatabase(cluster.url, "rpc"), "can-connect-to-database"]).code).toBe(0);
  });

  test("an unreachable server is P1001", () => {
    const r = runShim(["--datasource", JSON.stringify({ url: "postgresql://postgres@127.0.0.1:1/x" }), "cli", "can-connect-to-database"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderrLines[1]!).fields).toMatchObject({
      error_code: "P1001",
      message: expect.stringContaining("Can't reach database server at `127.0.0.1:1`"),
    });
  });
});

/** The JSON-RPC server as the CLI runs it, with a line reader on its stdout. */
function startServer() {
  const child = spawn(
    schemaEngineShim,
    ["--datamodels", path.join(prisma7App, "prisma/schema.prisma"), "--datasource", datasource("rpc")],
    { cwd: prisma7App, stdio: ["pipe", "pipe", "pipe"] },
  );
  const messages: any[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    messages.push(JSON.parse(line));
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let id = 0;
  const next = async (match: (m: any) => boolean): Promise<any> => {
    for (;;) {
      const index = messages.findIndex(match);
      if (index >= 0) return messages.splice(index, 1)[0];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    child,
    exited,
    next,
    send: (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`),
    request(method: string, params?: unknown): Promise<any> {
      const requestId = ++id;
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: requestId, method, ...(params === undefined ? {} : { params }) })}\n`);
      return next((m) => m.id === requestId && ("result" in m || "error" in m));
    },
  };
}

describe("JSON-RPC server", () => {
  test("results, native-shaped errors, diff through `print`, and a panic answered then exit 101", async () => {
    const server = startServer();
    try {
      const version = await server.request("getDatabaseVersion");
      expect(version.result).toMatch(/^PostgreSQL \d+/);

      // Params exactly as the CLI builds them from the migrations folder.
      const dir = path.join(prisma7App, "prisma/migrations");
      const names = ["20250101000000_create_users", "20250102000000_add_posts"];
      const migrationsList = {
        baseDir: dir,
        lockfile: { path: "migration_lock.toml", content: readFileSync(path.join(dir, "migration_lock.toml"), "utf8") },
        shadowDbInitScript: "",
        migrationDirectories: names.map((name) => ({
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
          },
        })),
      };
      const applied = await server.request("applyMigrations", { migrationsList, filters: { externalTables: [], externalEnums: [] } });
      expect(applied.result).toEqual({ appliedMigrationNames: names });

      const rolledBack = await server.request("markMigrationRolledBack", { migrationName: "20990101000000_nothing" });
      expect(rolledBack.error).toMatchObject({
        code: 4466,
        message: "An error happened. Check the data field for details.",
        data: { is_panic: false, error_code: "P3011" },
      });

      const unknown = await server.request("noSuchMethod", {});
      expect(unknown.error).toMatchObject({ code: -32601 });

      // The native engine prints the script through the CLI and answers stdout: null.
      const diffDone = server.request("diff", {
        from: { tag: "empty" },
        to: {
          tag: "schemaDatamodel",
          files: [{ path: "schema.prisma", content: readFileSync(path.join(prisma7App, "prisma/schema.prisma"), "utf8") }],
        },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      const print = await server.next((m) => m.method === "print");
      expect(print.params.content).toContain(`CREATE TABLE "User"`);
      expect(print.params.content.endsWith("\n")).toBe(false);
      server.send({ jsonrpc: "2.0", id: print.id, result: {} });
      expect((await diffDone).result).toEqual({ exitCode: 0, stdout: null });

      const panic = await server.request("debugPanic");
      expect(panic.error.data).toMatchObject({ is_panic: true, message: expect.stringContaining("debugPanic artificial panic") });
      // The instance is dead after a trap: later requests get the same panic, not a hang.
      expect((await server.request("getDatabaseVersion")).error.data.is_panic).toBe(true);
      server.child.stdin.end();
      expect(await server.exited).toBe(101);
    } finally {
      server.child.kill();
    }
  });
});
