// Conformance with Prisma on real apps (test/fixtures/apps, see its README), run by apps-1.test.ts and
// apps-2.test.ts (every other app each, so that neither file bounds the suite's wall time): for each app, verify
// (the CLI's verify command from src, `verify --json --database-url` on a fresh database of one shared
// throwaway cluster; in process, as the CLI's main runs it: a thrown error is a crash) and Prisma's
// own differ (`prisma migrate diff --from-migrations … --to-schema… --exit-code`, computed in the same
// run, never recorded) must reach the same drift verdict and name the same tables, enums and columns.
// verify must always print its JSON document. Where they disagree the test says exactly how.
// An app is a folder; its prisma.config.ts decides the Prisma CLI: one that uses prisma-offline-pg runs
// on the root's Prisma 6.19 (`engine: "js"`), any other on Prisma 7.10 through the schema-engine shim.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { verifyCommand } from "../../src/cli/verify-command.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, withDatabase } from "../../src/postgres/database.js";
import { repoRoot } from "../support/project-repo.js";
import { prisma7Modules, useSchemaEngineShim } from "../prisma7/prisma-versions.js";
import {
  catalogLookup,
  compareObjects,
  emptyLookup,
  objectsOfPrismaSql,
  objectsOfVerifyMessages,
  type NameLookup,
} from "./drift-objects.js";

const appsDir = path.join(repoRoot, "test/fixtures/apps");
const apps = readdirSync(appsDir)
  .filter((n) => statSync(path.join(appsDir, n)).isDirectory())
  .sort();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function run(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", NO_COLOR: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

/** `migrate-guard verify --json` as src/cli/main.ts runs it; an exception is what main prints to stderr (exit 1). */
async function runVerify(dir: string, url: string): Promise<Run> {
  const started = performance.now();
  let stdout = "";
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const logger = new RecordingLogger();
  const log = () =>
    logger.lines
      .filter((l) => l.level !== "debug")
      .map((l) => `${l.level}: ${l.message}`)
      .join("\n");
  try {
    const code = await verifyCommand(["--json", "--no-cache", "--database-url", url, "--working-directory", dir], {
      stdout: out,
      logger,
      color: false,
    });
    return { code, stdout, stderr: log(), seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return {
      code: 1,
      stdout,
      stderr: `${log()}\nmigrate-guard: ${(error as Error).message}`,
      seconds: (performance.now() - started) / 1000,
    };
  }
}

interface App {
  dir: string;
  major: 6 | 7;
  schema: string;
  urlVariables: string[];
  migrations: number;
}

/** A copy of the fixture whose node_modules resolves `prisma` to the major its config asks for. */
function prepare(name: string): App {
  const dir = mkdtempSync(path.join(os.tmpdir(), `migrate-guard-app-${name}-`));
  cpSync(path.join(appsDir, name), dir, { recursive: true });
  const config = readFileSync(path.join(dir, "prisma.config.ts"), "utf8");
  const major = config.includes("prisma-offline-pg") ? 6 : 7;
  symlinkSync(major === 6 ? path.join(repoRoot, "node_modules") : prisma7Modules, path.join(dir, "node_modules"));
  const schema = /\bschema:\s*"([^"]+)"/.exec(config)?.[1] ?? "prisma/schema.prisma";
  const schemaText = statSync(path.join(dir, schema)).isDirectory()
    ? readdirSync(path.join(dir, schema), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".prisma"))
        .map((f) => readFileSync(path.join(dir, schema, f), "utf8"))
        .join("\n")
    : readFileSync(path.join(dir, schema), "utf8");
  // Every variable the config or the datasource reads gets the database URL, shadow databases aside
  // (as verify does): Prisma makes its own shadow database on the same server.
  const urlVariables = [
    ...new Set([...`${config}\n${schemaText}`.matchAll(/\benv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)].map((m) => m[1]!)),
  ].filter((v) => !/SHADOW/i.test(v));
  const migrations = readdirSync(path.join(dir, "prisma/migrations")).filter((n) =>
    statSync(path.join(dir, "prisma/migrations", n)).isDirectory(),
  ).length;
  return { dir, major, schema, urlVariables, migrations };
}

interface Row {
  app: string;
  prisma: string;
  migrations: number;
  verifySeconds: number;
  diffSeconds: number;
  prismaVerdict: string;
  verifyVerdict: string;
  disagreement: string;
}

/** Declares the conformance tests of every `parts`-th app, starting with the `part`-th (1-based). */
export function describeApps(part: number, parts: number): void {
  const rows: Row[] = [];

  let cluster: Cluster;
  let restoreEnv: () => void;
  beforeAll(async () => {
    restoreEnv = useSchemaEngineShim();
    cluster = await startCluster({});
  });
  afterAll(async () => {
    restoreEnv?.();
    await cluster?.stop();
    if (rows.length === 0) return;
    const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
    console.log(
      [
        line(["app", "Prisma", "migrations", "verify s", "Prisma diff s", "Prisma", "verify", "disagreement"]),
        line(Array(8).fill("---")),
        ...rows.map((r) =>
          line([
            r.app,
            r.prisma,
            r.migrations,
            r.verifySeconds.toFixed(1),
            r.diffSeconds.toFixed(1),
            r.prismaVerdict,
            r.verifyVerdict,
            r.disagreement.replace(/\n/g, "; ") || "none",
          ]),
        ),
      ].join("\n"),
    );
  });

  async function fresh(name: string): Promise<string> {
    await createDatabase(cluster.url, name);
    return withDatabase(cluster.url, name);
  }

  async function lookupOf(url: string): Promise<NameLookup> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await catalogLookup(client);
    } catch {
      return emptyLookup();
    } finally {
      await client.end();
    }
  }

  interface JsonReport {
    checks: { id: string; status: string; findings: { severity: string; message: string }[] }[];
  }

  describe(`verify agrees with Prisma's differ on real apps (part ${part} of ${parts})`, () => {
    test.each(apps.filter((_, i) => i % parts === part - 1))(
      "%s",
      async (name) => {
        const app = prepare(name);
        const db = name.replace(/\W/g, "_");
        try {
          const verifyUrl = await fresh(`verify_${db}`);
          const verifyRun = await runVerify(app.dir, verifyUrl);
          const diffUrl = await fresh(`diff_${db}`);
          const cli =
            app.major === 6
              ? path.join(repoRoot, "node_modules/prisma/build/index.js")
              : path.join(prisma7Modules, "prisma/build/index.js");
          const diffRun = await run(
            [
              cli,
              "migrate",
              "diff",
              "--from-migrations",
              "prisma/migrations",
              app.major === 6 ? "--to-schema-datamodel" : "--to-schema",
              app.schema,
              "--script",
              "--exit-code",
            ],
            { cwd: app.dir, env: Object.fromEntries(app.urlVariables.map((v) => [v, diffUrl])) },
          );

          const problems: string[] = [];
          // Prisma's verdict: --exit-code gives 0 (no difference), 2 (a difference); anything else is an error.
          const prismaVerdict = diffRun.code === 0 ? "no drift" : diffRun.code === 2 ? "drift" : "error";
          if (prismaVerdict === "error")
            problems.push(
              `Prisma's migrate diff failed (exit ${diffRun.code}): ${diffRun.stderr.trim().split("\n").slice(-3).join(" / ")}`,
            );
          let report: JsonReport | undefined;
          try {
            report = JSON.parse(verifyRun.stdout) as JsonReport;
          } catch {
            problems.push(
              `verify printed no JSON document (exit ${verifyRun.code}): ${verifyRun.stderr.trim().split("\n").slice(-3).join(" / ")}`,
            );
          }
          const drift = report?.checks.find((c) => c.id === "drift");
          const verifyVerdict = !report
            ? "crash"
            : !drift
              ? "no drift check"
              : drift.status === "fail"
                ? "drift"
                : drift.status === "pass" || drift.status === "warn"
                  ? "no drift"
                  : `drift ${drift.status}`;
          if (report && !drift) problems.push("verify's report has no drift check");
          if (drift && !["pass", "warn", "fail"].includes(drift.status)) {
            const apply = report!.checks.find((c) => c.id === "apply");
            problems.push(
              `verify's drift check is "${drift.status}" (apply: ${apply?.status}: ${apply?.findings
                .map((f) => f.message)
                .join(" / ")
                .slice(0, 300)})`,
            );
          }
          if (
            report &&
            prismaVerdict !== "error" &&
            (verifyVerdict === "drift" || verifyVerdict === "no drift") &&
            verifyVerdict !== prismaVerdict
          ) {
            problems.push(`verdict: Prisma says ${prismaVerdict}, verify says ${verifyVerdict}`);
          }
          if (prismaVerdict !== "error" && drift) {
            const lookup = await lookupOf(verifyUrl);
            if (lookup.tables.size === 0)
              problems.push("the verify database holds no tables after verify: index and constraint names cannot be resolved to tables");
            const prismaObjects = await objectsOfPrismaSql(prismaVerdict === "drift" ? diffRun.stdout : "", lookup);
            const verifyObjects = objectsOfVerifyMessages(
              drift.findings.filter((f) => f.severity === "error").map((f) => f.message),
              lookup,
            );
            problems.push(...compareObjects(prismaObjects, verifyObjects));
          }
          const evidence: string[] = [];
          if (problems.length > 0) {
            // The evidence, so that a failure explains itself.
            if (drift)
              evidence.push(`verify's drift findings: ${drift.findings.map((f) => `[${f.severity}] ${f.message}`).join(" | ") || "none"}`);
            if (prismaVerdict === "drift")
              evidence.push(
                `Prisma's SQL: ${diffRun.stdout
                  .split("\n")
                  .filter((l) => l.trim() && !l.startsWith("--"))
                  .join(" ")
                  .slice(0, 2000)}`,
              );
          }
          rows.push({
            app: name,
            prisma: app.major === 6 ? "6.19" : "7.10",
            migrations: app.migrations,
            verifySeconds: verifyRun.seconds,
            diffSeconds: diffRun.seconds,
            prismaVerdict,
            verifyVerdict,
            disagreement: problems.join("\n"),
          });
          expect([...problems, ...evidence]).toEqual([]);
        } finally {
          rmSync(app.dir, { recursive: true, force: true });
        }
      },
      300_000,
    );
  });
}
