// The measurements (a)–(e). Each returns plain data for the table and latest.json; none throws for a
// failure of the thing measured (that is a result), only for a broken bench.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startCluster, type StartClusterOptions } from "../src/postgres/cluster.js";
import { createDatabase, dropDatabase, withDatabase } from "../src/postgres/database.js";
import { firstErrorLine, median, run, withTimeout, type RunResult } from "./proc.js";

export interface Step {
  ms: number;
  ok: boolean;
  /** "ok", or "failed (first error line)". */
  detail: string;
}

function step(result: RunResult, ok = result.code === 0): Step {
  return { ms: result.ms, ok, detail: ok ? "ok" : `failed (${firstErrorLine(result)})` };
}

/** migration.sql of every migration folder, in Prisma's order (folder name, code unit order). */
export async function migrationFiles(migrationsDir: string): Promise<string[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files = names.map((n) => path.join(migrationsDir, n, "migration.sql"));
  await Promise.all(files.map((f) => stat(f))); // a folder without migration.sql would make (a) and (b) incomparable
  return files;
}

/** (a) One psql session applying every migration: what applying costs without any tool around it. */
export async function floor(adminUrl: string, bindir: string, files: string[]): Promise<Step> {
  await createDatabase(adminUrl, "bench_floor");
  const input = files.map((f) => `\\i '${f}'`).join("\n") + "\n";
  // -X: no ~/.psqlrc, so the floor is the same on every machine.
  return step(
    await run(path.join(bindir, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", withDatabase(adminUrl, "bench_floor")], { input }),
  );
}

export interface Naive {
  deploy: Step;
  /** `prisma migrate deploy` again on the migrated database: nothing pending, so Prisma's fixed cost for this history. */
  deployNoop: Step;
  /** `migrate diff --from-migrations` without --shadow-database-url: the adapter makes its own shadow database. */
  diff: Step;
  /** The same diff with --shadow-database-url, as the recipe is usually written. */
  diffWithShadowFlag: Step;
}

/** (b) The naive recipe with the real Prisma CLI: deploy, then diff the migrations against schema.prisma. */
export async function naive(adminUrl: string, fixtureDir: string, prismaEntry: string): Promise<Naive> {
  const prisma = async (database: string, args: string[]) => {
    const url = withDatabase(adminUrl, database);
    // No other database URL reaches the child: nothing but this throwaway cluster can be written to.
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([, v]) => !/^postgres(ql)?:\/\//i.test(v ?? "")));
    Object.assign(env, { DATABASE_URL: url, DIRECT_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NO_COLOR: "1" });
    return run(process.execPath, [prismaEntry, ...args], { cwd: fixtureDir, env });
  };
  const diffArgs = [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
    "--exit-code",
  ];
  // --exit-code: 0 no difference, 2 differences, 1 error.
  const diffStep = (r: RunResult) => step(r, r.code === 0 || r.code === 2);

  for (const name of ["bench_deploy", "bench_diff", "bench_diff_flag", "bench_shadow"]) await createDatabase(adminUrl, name);
  const deploy = step(await prisma("bench_deploy", ["migrate", "deploy"]));
  const deployNoop = step(await prisma("bench_deploy", ["migrate", "deploy"]));
  // Each diff gets its own fresh DATABASE_URL: with this adapter the migrations are replayed into the
  // DATABASE_URL database, not into the shadow database (see the report), so it must be a scratch one.
  const diffWithShadowFlag = diffStep(
    await prisma("bench_diff_flag", [...diffArgs, "--shadow-database-url", withDatabase(adminUrl, "bench_shadow")]),
  );
  const diff = diffStep(await prisma("bench_diff", diffArgs));
  return { deploy, deployNoop, diff, diffWithShadowFlag };
}

/** `prisma migrate deploy` twice on a fresh database of another project; the second run has nothing to apply. */
export async function prismaNoop(adminUrl: string, fixtureDir: string, prismaEntry: string, database: string): Promise<Step> {
  await createDatabase(adminUrl, database);
  const url = withDatabase(adminUrl, database);
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([, v]) => !/^postgres(ql)?:\/\//i.test(v ?? "")));
  Object.assign(env, { DATABASE_URL: url, DIRECT_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NO_COLOR: "1" });
  const first = await run(process.execPath, [prismaEntry, "migrate", "deploy"], { cwd: fixtureDir, env });
  if (first.code !== 0) return step(first);
  return step(await run(process.execPath, [prismaEntry, "migrate", "deploy"], { cwd: fixtureDir, env }));
}

/** Drops every database but the built-in ones: ours, and shadow databases Prisma left behind after a panic. */
export async function dropScratchDatabases(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1')",
    );
    names = rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (const name of names) await dropDatabase(adminUrl, name);
  return names;
}

export interface VerifyRun extends Step {
  exitCode: number | null;
  /** check id → pass/warn/fail/skip, from the JSON report. */
  checks: Record<string, string>;
  /** Summaries of the checks that did not pass or skip: why the exit code is 1. */
  problems: string[];
  reportOk?: boolean;
  reportDurationMs?: number;
  migrationsApplied?: number;
  /** The report's `cache` (state, migrations restored/saved, savedMs). */
  cache?: { state: string; migrations: number; savedMs: number | null; saved: boolean };
}

/** (c) The built CLI end to end, as a user runs it; it starts (and stops) its own cluster. */
export async function verifyCli(
  repoRoot: string,
  workingDirectory: string,
  extraArgs: string[] = ["--no-cache"],
  node = process.execPath,
): Promise<VerifyRun> {
  const result = await run(node, ["bin/migrate-guard.js", "verify", "--working-directory", workingDirectory, "--json", ...extraArgs], {
    cwd: repoRoot,
  });
  let report:
    | {
        ok: boolean;
        durationMs: number;
        checks: { id: string; status: string; summary: string }[];
        migrations: unknown[];
        cache?: VerifyRun["cache"];
      }
    | undefined;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    // No report: exit code 2 (configuration) or a crash; the error line says which.
  }
  // Exit 1 with a report is a verdict (a check failed), not a failure of the run.
  const ok = report !== undefined && (result.code === 0 || result.code === 1);
  return {
    ...step(result, ok),
    exitCode: result.code,
    checks: Object.fromEntries((report?.checks ?? []).map((c) => [c.id, c.status])),
    problems: (report?.checks ?? []).filter((c) => c.status === "fail" || c.status === "warn").map((c) => `${c.id}: ${c.summary}`),
    ...(report ? { reportOk: report.ok, reportDurationMs: report.durationMs, migrationsApplied: report.migrations.length } : {}),
    ...(report?.cache ? { cache: report.cache } : {}),
  };
}

export interface ClusterTimes {
  warmupMs: number;
  warmMs: number[];
  medianMs: number;
  coldNoTemplateMs: number;
}

async function timeStart(options: StartClusterOptions): Promise<number> {
  const started = performance.now();
  const cluster = await withTimeout("startCluster", startCluster(options));
  const ms = performance.now() - started;
  await cluster.stop();
  return ms;
}

/** (d) startCluster() until it resolves (it has already connected once: ready means ready). */
export async function clusterReady(runs = 5): Promise<ClusterTimes> {
  const warmupMs = await timeStart({}); // may build the cached initdb template
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) warmMs.push(await timeStart({}));
  const coldNoTemplateMs = await timeStart({ template: false });
  return { warmupMs, warmMs, medianMs: median(warmMs), coldNoTemplateMs };
}

export interface ActionStart {
  runsMs: number[];
  medianMs: number;
  baselineMs: number[];
  baselineMedianMs: number;
  /** Whether the action got as far as its inputs (it must fail on the missing working directory). */
  reachedInputs: boolean;
  detail: string;
  /**
   * Spawn to verify's first own work (locating the Prisma project, which fails in a folder without
   * one): the whole bundle is loaded by then. What a good input waits for before anything starts.
   */
  firstWorkMs: number[];
  firstWorkMedianMs: number;
  reachedWork: boolean;
}

/** (e) The action's process from spawn to exit when it fails right after reading its inputs. */
export async function actionColdStart(repoRoot: string, runs = 5): Promise<ActionStart> {
  const missing = path.join(repoRoot, "bench", "results", "no-such-working-directory");
  // No GITHUB_*/INPUT_*/RUNNER_* from a surrounding workflow: outputs and state must not be written anywhere.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(k)));
  env["INPUT_WORKING-DIRECTORY"] = missing;
  // An existing folder without a Prisma project: the inputs are good, verify's first step fails.
  const workEnv = { ...env, "INPUT_WORKING-DIRECTORY": path.join(repoRoot, "bench") };
  const runsMs: number[] = [];
  const baselineMs: number[] = [];
  const firstWorkMs: number[] = [];
  let last: RunResult | undefined;
  let lastWork: RunResult | undefined;
  // Interleaved, so that a burst of load on the machine hits all series alike.
  for (let i = 0; i < runs; i++) {
    last = await run(process.execPath, ["dist/verify/index.js"], { cwd: repoRoot, env });
    runsMs.push(last.ms);
    baselineMs.push((await run(process.execPath, ["-e", "0"], { cwd: repoRoot, env })).ms);
    lastWork = await run(process.execPath, ["dist/verify/index.js"], { cwd: repoRoot, env: workEnv });
    firstWorkMs.push(lastWork.ms);
  }
  const reachedWork = lastWork !== undefined && lastWork.code !== 0 && lastWork.stdout.includes("No Prisma schema found");
  // Only a failure that names the missing directory proves the inputs were read.
  const reachedInputs = last !== undefined && last.code !== 0 && `${last.stdout}${last.stderr}`.includes("no-such-working-directory");
  return {
    runsMs,
    medianMs: median(runsMs),
    baselineMs,
    baselineMedianMs: median(baselineMs),
    reachedInputs,
    firstWorkMs,
    firstWorkMedianMs: median(firstWorkMs),
    reachedWork,
    detail: reachedInputs
      ? "failed on the missing working directory, as intended"
      : `did not reach its inputs: ${last ? firstErrorLine(last) : "not run"}`,
  };
}

/**
 * A throwaway git repository holding the fixture (base commit) plus one new migration in the working
 * tree: the pull request the warm target is about.
 */
export async function pullRequestRepo(
  fixtureDir: string,
  repoRoot: string,
): Promise<{ dir: string; baseRef: string; remove(): Promise<void> }> {
  const { cp, mkdtemp, mkdir, rm, symlink, writeFile } = await import("node:fs/promises");
  const { execFileSync } = await import("node:child_process");
  const os = await import("node:os");
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrate-guard-bench-pr-"));
  await cp(fixtureDir, dir, { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(path.join(dir, ".gitignore"), "node_modules\n");
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
    }).trim();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  const baseRef = git("rev-parse", "HEAD");
  const fresh = path.join(dir, "prisma/migrations/99990101000000_bench_add_comment");
  await mkdir(fresh, { recursive: true });
  await writeFile(path.join(fresh, "migration.sql"), `COMMENT ON TABLE "User" IS 'bench: one new migration';\n`);
  return { dir, baseRef, remove: () => rm(dir, { recursive: true, force: true }) };
}
