// The reusable migrate workflow and the callers app repositories paste: what the issue asks of them
// (concurrency per environment without cancelling, the environment on the job, no deployment for status,
// a fan-out matrix that does not fail fast, inputs reaching scripts only through env:), checked on the
// parsed YAML; and the workflow's two scripts (the target plan and the summary) run for real with node.
// (Schema validity of every workflow is checked in test/workflows/workflows.test.ts.)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { repoRoot } from "../support/project-repo.js";

type Mapping = Record<string, unknown>;
const load = (file: string) => YAML.parse(readFileSync(path.join(repoRoot, file), "utf8")) as Mapping;
const REUSABLE = ".github/workflows/migrate.yml";
const CALLERS = ["examples/workflows/migrate.yml", "examples/workflows/migrate-tenants.yml"];
const workflow = load(REUSABLE);
const jobs = workflow.jobs as Record<string, Mapping>;
const steps = (job: string) => jobs[job]!.steps as Mapping[];

function runScript(script: string, env: Record<string, string>): { code: number | null; stdout: string; output: string; summary: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mg-workflow-"));
  try {
    const file = path.join(dir, "script.js");
    writeFileSync(file, script);
    for (const f of ["output", "summary"]) writeFileSync(path.join(dir, f), "");
    const result = spawnSync(process.execPath, [file], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: path.join(dir, "output"), GITHUB_STEP_SUMMARY: path.join(dir, "summary"), ...env },
    });
    return {
      code: result.status,
      stdout: result.stdout,
      output: readFileSync(path.join(dir, "output"), "utf8"),
      summary: readFileSync(path.join(dir, "summary"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the reusable migrate workflow", () => {
  it("is called with environment, command, migration, confirm, backup and the database-url secret", () => {
    const call = (workflow.on as Mapping).workflow_call as Mapping;
    expect(Object.keys(call.inputs as Mapping)).toEqual(
      expect.arrayContaining(["environment", "command", "migration", "confirm", "backup", "targets", "max-parallel"]),
    );
    expect(Object.keys(call.secrets as Mapping)).toEqual(["database-url", "staging-database-url"]);
  });

  it("runs one migration per environment at a time and never cancels one in progress", () => {
    expect(workflow.concurrency).toEqual({ group: "migrate-guard-${{ inputs.environment }}", "cancel-in-progress": false });
    expect(workflow.permissions).toEqual({});
  });

  it("puts the job in the environment (its secrets and reviewers), with no deployment for a read-only status", () => {
    expect(jobs.migrate!.environment).toEqual({ name: "${{ inputs.environment }}", deployment: "${{ inputs.command != 'status' }}" });
    expect(jobs.migrate!.permissions).toEqual({ contents: "read", deployments: "write" });
  });

  it("fans out over the targets with a matrix that does not fail fast, bounded by max-parallel", () => {
    expect(jobs.migrate!.strategy).toEqual({
      "fail-fast": false,
      "max-parallel": "${{ inputs.max-parallel }}",
      matrix: { target: "${{ fromJSON(needs.plan.outputs.targets) }}" },
    });
    expect(jobs.summary!.needs).toEqual(["plan", "migrate"]);
    expect(jobs.summary!.if).toBe("always() && needs.plan.result == 'success' && inputs.command != 'rollback'");
  });

  it("passes only inputs the migrate action has, and every one it requires", () => {
    const action = load("actions/migrate/action.yml");
    const inputs = action.inputs as Record<string, Mapping>;
    const step = steps("migrate").find((s) => String(s.uses).includes("/actions/migrate@"))!;
    const given = Object.keys(step.with as Mapping);
    expect(given.filter((k) => !(k in inputs))).toEqual([]);
    expect(
      Object.entries(inputs)
        .filter(([, spec]) => spec.required === true)
        .map(([k]) => k)
        .filter((k) => !given.includes(k)),
    ).toEqual([]);
  });

  it.each([REUSABLE, ...CALLERS])("%s: inputs reach scripts through env:, never ${{ }} inside run:", (file) => {
    const all = Object.values(load(file).jobs as Record<string, Mapping>).flatMap((job) => (job.steps as Mapping[] | undefined) ?? []);
    for (const step of all)
      if (typeof step.run === "string") expect([step.name, step.run]).toEqual([step.name, expect.not.stringContaining("${{")]);
  });
});

describe("the callers (the buttons)", () => {
  it.each(CALLERS)(
    "%s: workflow_dispatch with environment and command choices, calling the reusable workflow with its permissions",
    (file) => {
      const caller = load(file);
      const inputs = ((caller.on as Mapping).workflow_dispatch as Mapping).inputs as Record<string, Mapping>;
      expect(inputs.environment).toMatchObject({ type: "choice", options: ["staging", "production"] });
      // Rollback works on one database: only the single-database caller offers it.
      const rollback = file === "examples/workflows/migrate.yml";
      expect(inputs.command).toMatchObject({ type: "choice", options: ["status", "deploy", "resolve", ...(rollback ? ["rollback"] : [])] });
      const job = Object.values(caller.jobs as Record<string, Mapping>)[0]!;
      expect(job.uses).toBe("migrate-guard/migrate-guard/.github/workflows/migrate.yml@v1");
      // The caller's permissions are the ceiling of the called jobs': the rollback job pushes a branch and opens a pull request.
      expect(job.permissions).toEqual(
        rollback ? { contents: "write", "pull-requests": "write", deployments: "write" } : { contents: "read", deployments: "write" },
      );
      expect(job.secrets).toBe("inherit");
    },
  );

  it("the tenants example gives a valid target list", () => {
    const job = Object.values(load(CALLERS[1]!).jobs as Record<string, Mapping>)[0]!;
    const targets = JSON.parse((job.with as Mapping).targets as string) as { name: string; secret: string }[];
    expect(targets.map((t) => t.name)).toEqual(["eu", "us", "apac"]);
    const plan = runScript(steps("plan")[0]!.run as string, {
      TARGETS: (job.with as Mapping).targets as string,
      ENVIRONMENT: "production",
    });
    expect(plan.code).toBe(0);
  });
});

describe("the workflow's scripts", () => {
  const plan = steps("plan").find((s) => s.id === "plan")!;
  const summary = steps("summary").find((s) => s.shell === "node {0}")!;

  it("plan: one default target, the given ones, or a clear error", () => {
    expect(plan.shell).toBe("node {0}");
    expect(runScript(plan.run as string, { TARGETS: "", ENVIRONMENT: "staging" }).output).toBe(
      'targets=[{"name":"default","secret":""}]\n',
    );
    expect(
      runScript(plan.run as string, { TARGETS: '[{"name":"eu","secret":"DATABASE_URL_EU"},{"name":"us"}]', ENVIRONMENT: "staging" }).output,
    ).toBe('targets=[{"name":"eu","secret":"DATABASE_URL_EU"},{"name":"us","secret":""}]\n');
    for (const bad of ["{", "[]", '[{"name":"eu"},{"name":"eu"}]', '[{"name":"../x"}]', '[{"name":"eu","secret":"X; rm -rf /"}]']) {
      const run = runScript(plan.run as string, { TARGETS: bad, ENVIRONMENT: "staging" });
      expect([bad, run.code]).toEqual([bad, 1]);
      expect(run.stdout).toMatch(/^::error::targets /m);
      expect(run.output).toBe("");
    }
  });

  it("summary: one row per target, from the reports the jobs left (or their absence)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mg-reports-"));
    try {
      mkdirSync(dir, { recursive: true });
      const report = (over: object) =>
        JSON.stringify({
          ok: true,
          environment: "production",
          pending: [],
          applied: [],
          failed: [],
          checksumMismatch: [],
          refused: null,
          appliedNow: [{ name: "a" }, { name: "b" }],
          error: null,
          warnings: [],
          ...over,
        });
      writeFileSync(path.join(dir, "eu.json"), report({}));
      writeFileSync(
        path.join(dir, "us.json"),
        report({ ok: false, appliedNow: [], failed: ["003_x"], error: 'Migration "003_x" failed | badly' }),
      );
      writeFileSync(path.join(dir, "apac.json"), report({ ok: false, appliedNow: [], refused: 'belongs to environment "staging"' }));
      const run = runScript(summary.run as string, {
        REPORTS_DIR: dir,
        TARGETS: JSON.stringify(["eu", "us", "apac", "latam"].map((name) => ({ name, secret: "" }))),
        ENVIRONMENT: "production",
        COMMAND: "deploy",
      });
      expect(run.code).toBe(0);
      const lines = run.summary.split("\n");
      expect(lines[0]).toBe("## migrate-guard deploy on production: 1 of 4 target(s) ok");
      expect(lines).toContain("| eu | ✅ | 2 | 0 | – |  |");
      expect(lines).toContain('| us | ❌ | 0 | 0 | 003_x | Migration "003_x" failed \\| badly |');
      expect(lines).toContain('| apac | ⛔ | 0 | 0 | – | belongs to environment "staging" |');
      expect(lines.find((l) => l.startsWith("| latam |"))).toMatch(/❔ .* no report: the job failed before it ran the command/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the rollback job", () => {
  it("runs only for the rollback command, in the environment, with the permissions a revert pull request needs", () => {
    expect(jobs.migrate!.if).toBe("inputs.command != 'rollback'");
    expect(jobs.rollback!.if).toBe("inputs.command == 'rollback'");
    expect(jobs.rollback!.environment).toEqual({
      name: "${{ inputs.environment }}",
      deployment: "${{ inputs.rollback-as == 'rolled-back' }}",
    });
    expect(jobs.rollback!.permissions).toEqual({ contents: "write", "pull-requests": "write", deployments: "write" });
  });

  it("passes only inputs the rollback action has, and every one it requires", () => {
    const action = load("actions/rollback/action.yml");
    const inputs = action.inputs as Record<string, Mapping>;
    const step = (jobs.rollback!.steps as Mapping[]).find((s) => String(s.uses).includes("/actions/rollback@"))!;
    const given = Object.keys(step.with as Mapping);
    expect(given.filter((k) => !(k in inputs))).toEqual([]);
    expect(
      Object.entries(inputs)
        .filter(([, spec]) => spec.required === true)
        .map(([k]) => k)
        .filter((k) => !given.includes(k)),
    ).toEqual([]);
  });
});
