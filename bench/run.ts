// `npm run bench`: verify on the trigger.dev corpus (820 migrations) against the floor (psql) and the
// naive Prisma recipe, plus cluster start and action start-up, all in one run on one machine so the
// numbers can be compared. Prints a table and writes bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster, type Cluster } from "../src/postgres/cluster.js";
import { withTimeout } from "./proc.js";
import { derive, renderTable, type Measurements } from "./report.js";
import {
  actionColdStart,
  clusterReady,
  dropScratchDatabases,
  floor,
  migrationFiles,
  naive,
  prismaNoop,
  pullRequestRepo,
  verifyCli,
} from "./steps.js";
import { lintBench, renderLintBench, type LintBench } from "./lint.js";
import { actionWarm } from "./action-cache.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURE_REL = "test/fixtures/corpus/trigger.dev";
const fixtureDir = path.join(repoRoot, FIXTURE_REL);
const prismaEntry = path.join(repoRoot, "node_modules/prisma/build/index.js");
const message = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : String(error));

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<number> {
  const files = await migrationFiles(path.join(fixtureDir, "prisma/migrations"));
  const m: Measurements = { errors: {} };
  // Other work on the machine skews every number; the load before and after says how much to trust them.
  const loadBefore = os.loadavg();
  let postgresVersion: string | undefined;

  // `npm run bench -- --lint-only`: only (f), the linter's rows (no cluster, no Prisma).
  const lintOnly = process.argv.includes("--lint-only");
  if (lintOnly) {
    progress("(f) lint vs squawk (--lint-only)");
    const lint = await lintBench(repoRoot, FIXTURE_REL);
    console.log(renderLintBench(lint));
    return 0;
  }

  // (d) first: its warm-up builds the cached template that every later cluster (verify's too) copies.
  progress("(d) cluster starts");
  try {
    m.cluster = await clusterReady();
  } catch (error) {
    m.errors.cluster = message(error);
  }

  progress(`(a) psql floor and (b) naive Prisma recipe, ${files.length} migrations`);
  let cluster: Cluster | undefined;
  try {
    cluster = await withTimeout("startCluster", startCluster());
    postgresVersion = cluster.version;
    try {
      m.floor = await floor(cluster.url, cluster.bindir, files);
      m.naive = await naive(cluster.url, fixtureDir, prismaEntry);
      // Prisma's fixed cost on a 19-migration history, to split deployNoop into start-up and per-migration work.
      m.prismaNoopSmall = await prismaNoop(cluster.url, path.join(repoRoot, "test/fixtures/corpus/umami"), prismaEntry, "bench_noop_small");
    } finally {
      await dropScratchDatabases(cluster.url);
    }
  } catch (error) {
    m.errors.floorAndNaive = message(error);
  } finally {
    await cluster?.stop();
  }

  progress("(c) migrate-guard verify, cold (--no-cache)");
  try {
    m.verify = await verifyCli(repoRoot, FIXTURE_REL);
  } catch (error) {
    m.errors.verify = message(error);
  }

  progress(`(w) verify with the snapshot cache: a pull request adding one migration to the base branch's ${files.length}`);
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-bench-cache-"));
  try {
    const pr = await pullRequestRepo(fixtureDir, repoRoot);
    try {
      const args = (cache: string[]) => ["--base-ref", pr.baseRef, ...cache];
      m.prCold = await verifyCli(repoRoot, pr.dir, args(["--no-cache"]));
      m.miss = await verifyCli(repoRoot, pr.dir, args(["--cache-dir", cacheDir]));
      m.warm = [];
      for (let i = 0; i < 3; i++) m.warm.push(await verifyCli(repoRoot, pr.dir, args(["--cache-dir", cacheDir])));
      const node24 = process.env.MIGRATE_GUARD_NODE24;
      if (node24) {
        progress(`(w24) the warm case under ${node24}`);
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await verifyCli(repoRoot, pr.dir, args(["--cache-dir", cacheDir]), node24));
        m.warmNode24 = { node: execFileSync(node24, ["--version"], { encoding: "utf8" }).trim(), runs };
      }
      progress("(wa) the built action on the same pull request: restore from the cache service double + verify + post step");
      try {
        m.actionWarm = await actionWarm(repoRoot, pr.dir, pr.baseRef);
      } catch (error) {
        m.errors.actionWarm = message(error);
      }
    } finally {
      await pr.remove();
    }
  } catch (error) {
    m.errors.warm = message(error);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }

  progress("(e) action cold start");
  try {
    m.action = await actionColdStart(repoRoot);
  } catch (error) {
    m.errors.action = message(error);
  }

  progress("(f) lint vs squawk");
  let lint: LintBench | undefined;
  try {
    lint = await lintBench(repoRoot, FIXTURE_REL);
  } catch (error) {
    m.errors.lint = message(error);
  }

  const derived = derive(m);
  const prismaVersion = (JSON.parse(await readFile(path.join(repoRoot, "node_modules/prisma/package.json"), "utf8")) as { version: string })
    .version;
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadBefore,
    loadAfter: os.loadavg(),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  const header =
    `migrate-guard bench: ${FIXTURE_REL}, ${files.length} migrations\n` +
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${postgresVersion ?? "?"}, Prisma ${prismaVersion}, load ${load(loadBefore)} before, ${load(machine.loadAfter)} after`;
  console.log(renderTable(m, derived, header));
  if (lint) console.log(`\n${renderLintBench(lint)}`);

  const result = {
    date: new Date().toISOString(),
    commit: gitHead(),
    fixture: FIXTURE_REL,
    migrations: files.length,
    machine,
    postgresVersion,
    prismaVersion,
    ...m,
    ...derived,
    ...(lint ? { lint } : {}),
  };
  const out = path.join(repoRoot, "bench/results/latest.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
  // Exit 0 even when a target fails: the bench reports, CI decides. A broken bench is exit 1.
  return Object.keys(m.errors).length ? 1 : 0;
}

/** HEAD for the record (read-only); the working tree may differ from it. */
function gitHead(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

process.exitCode = await main();
