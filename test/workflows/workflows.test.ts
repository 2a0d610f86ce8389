// Offline validation of this repository's GitHub Actions files:
// - every workflow (.github/workflows, examples/workflows) against GitHub's workflow schema,
//   with @actions/workflow-parser (parseWorkflow + convertWorkflowTemplate);
// - every action.yml against GitHub's action schema (the same package's parseAction) plus the
//   project's own rules (checkActionMetadata);
// - consistency between the two verify action.yml files, the reusable workflow and its callers;
// - the generated action tables in docs/<action>.md (scripts/action-docs.mjs --check).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/index";
import YAML from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REUSABLE = ".github/workflows/verify-migrations.yml";
/** The placeholder owner/repo under which this repository's actions and workflow are referenced. */
const SELF_REPO = "migrate-guard/migrate-guard";

const rel = (...p: string[]) => path.join(ROOT, ...p);
const read = (file: string) => readFileSync(rel(file), "utf8");

function ymlFiles(dir: string): string[] {
  if (!existsSync(rel(dir))) return [];
  return readdirSync(rel(dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

const workflowFiles = [...ymlFiles(".github/workflows"), ...ymlFiles("examples/workflows")];
const actionFiles = [
  "action.yml",
  ...readdirSync(rel("actions"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(rel("actions", d.name, "action.yml")))
    .map((d) => `actions/${d.name}/action.yml`)
    .sort(),
];

// ---------------------------------------------------------------------------------------------
// workflow-parser wrappers

/**
 * Resolves `uses: migrate-guard/migrate-guard/<path>@<ref>` of a calling workflow to this checkout,
 * so that the parser checks the caller's `with:` against the reusable workflow's inputs.
 */
const localFileProvider = {
  async getFileContent(ref: { path: string; owner?: string; repository?: string }) {
    if ("owner" in ref && `${ref.owner}/${ref.repository}` !== SELF_REPO)
      throw new Error(`not this repository: ${ref.owner}/${ref.repository}`);
    return { name: ref.path, content: read(ref.path) };
  },
};

async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (parsed.value === undefined) return parsed.context.errors.getErrors().map((e) => e.message);
  // The conversion adds the model-level checks (job graph, reusable workflow inputs, ...); its
  // `errors` also include every error of the parse above.
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, localFileProvider, { fetchReusableWorkflowDepth: 1 });
  return (template.errors ?? []).map((e) => e.Message);
}

function actionSchemaErrors(name: string, content: string): string[] {
  const parsed = parseAction({ name, content }, new NoOperationTraceWriter());
  return parsed.context.errors.getErrors().map((e) => e.message);
}

// ---------------------------------------------------------------------------------------------
// The project's own action.yml rules (on top of GitHub's schema, which e.g. accepts node20,
// docker, inputs without a description and any `main` path).

type Meta = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === "string" && v.trim() !== "";

/**
 * Problems with one action.yml. `actionDir` is the action's folder relative to the repository
 * root; an entry point must exist there or be under dist/ (built by `npm run build`).
 */
function checkActionMetadata(meta: unknown, actionDir: string, root = ROOT): string[] {
  const problems: string[] = [];
  if (!isObject(meta)) return ["not a mapping"];
  for (const key of ["name", "description"]) if (!nonEmpty(meta[key])) problems.push(`missing ${key}`);
  for (const [section, entries] of [
    ["inputs", meta.inputs],
    ["outputs", meta.outputs],
  ] as const) {
    if (entries === undefined) continue;
    if (!isObject(entries)) {
      problems.push(`${section} is not a mapping`);
      continue;
    }
    for (const [id, spec] of Object.entries(entries)) {
      if (!isObject(spec) || !nonEmpty(spec.description)) problems.push(`${section}.${id} has no description`);
    }
  }
  const runs = meta.runs;
  if (!isObject(runs)) return [...problems, "missing runs"];
  if (runs.using === "node24") {
    for (const key of ["main", "pre", "post"]) {
      const entry = runs[key];
      if (entry === undefined && key !== "main") continue;
      if (!nonEmpty(entry)) {
        problems.push(`runs.${key} is missing`);
        continue;
      }
      const resolved = path.resolve(root, actionDir, entry as string);
      const fromRoot = path.relative(root, resolved).split(path.sep).join("/");
      if (fromRoot.startsWith("../")) problems.push(`runs.${key} ${String(entry)} points outside the repository`);
      else if (!fromRoot.startsWith("dist/") && !existsSync(resolved))
        problems.push(`runs.${key} ${String(entry)} does not exist and is not under dist/`);
    }
  } else if (runs.using === "composite") {
    const steps = runs.steps;
    if (!Array.isArray(steps) || steps.length === 0) problems.push("runs.steps is missing");
    else
      steps.forEach((step, i) => {
        if (isObject(step) && step.run !== undefined && !nonEmpty(step.shell))
          problems.push(`runs.steps[${i}] runs a command without shell`);
      });
  } else {
    problems.push(`runs.using is ${JSON.stringify(runs.using)}, not node24 or composite`);
  }
  return problems;
}

function loadYaml(file: string): Meta {
  return YAML.parse(read(file)) as Meta;
}

/** All steps of all jobs of a workflow. */
function steps(workflow: Meta): Meta[] {
  const jobs = isObject(workflow.jobs) ? Object.values(workflow.jobs) : [];
  return jobs.flatMap((job) => (isObject(job) && Array.isArray(job.steps) ? (job.steps as Meta[]) : []));
}

/** Names in a workflow or action's inputs/outputs mapping. */
const keys = (m: unknown) => (isObject(m) ? Object.keys(m).sort() : []);

// ---------------------------------------------------------------------------------------------

describe("workflows", () => {
  it("finds the workflows", () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        ".github/workflows/ci.yml",
        REUSABLE,
        "examples/workflows/verify-migrations.yml",
        "examples/workflows/verify-inline.yml",
      ]),
    );
  });

  it.each(workflowFiles)("%s is a valid workflow", async (file) => {
    expect(await workflowErrors(file, read(file))).toEqual([]);
  });

  it("reports errors in a broken workflow", async () => {
    const broken = [
      "on: pull_request",
      "permissions:",
      "  contents: admin", // not a permission level
      "jobs:",
      "  verify:",
      "    runs-on: ubuntu-latest",
      "    needs: nothing", // no such job
      "    stepz: []", // typo
      "",
    ].join("\n");
    const errors = await workflowErrors("broken.yml", broken);
    expect(errors.join("\n")).toMatch(/'admin'/);
    expect(errors.join("\n")).toMatch(/'stepz'/);
    expect(
      await workflowErrors(
        "bad-expression.yml",
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ nosuch.value }}\n",
      ),
    ).not.toEqual([]);
  });

  it("reports a caller passing an input the reusable workflow does not have", async () => {
    const caller = read("examples/workflows/verify-migrations.yml").replace(
      "      comment: true\n",
      "      comment: true\n      no-such-input: x\n",
    );
    expect(caller).toContain("no-such-input");
    expect((await workflowErrors("caller.yml", caller)).join("\n")).toMatch(/no-such-input is not defined in the referenced workflow/);
  });
});

describe("action metadata", () => {
  it("finds the actions", () => {
    expect(actionFiles).toEqual([
      "action.yml",
      "actions/gate/action.yml",
      "actions/lint/action.yml",
      "actions/migrate/action.yml",
      "actions/postgres/action.yml",
      "actions/rollback/action.yml",
      "actions/test-data/action.yml",
      "actions/verify/action.yml",
    ]);
  });

  it.each(actionFiles)("%s passes GitHub's action schema", (file) => {
    expect(actionSchemaErrors(file, read(file))).toEqual([]);
  });

  it.each(actionFiles)("%s passes the project's action rules", (file) => {
    expect(checkActionMetadata(loadYaml(file), path.posix.dirname(file))).toEqual([]);
  });

  it("reports broken action metadata", () => {
    const broken = [
      "name: x",
      "inputs:",
      "  a:",
      "    default: 1",
      "outputs:",
      "  o: {}",
      "runs:",
      "  using: node99",
      "branding: { icon: no-such-icon }",
      "",
    ].join("\n");
    const schema = actionSchemaErrors("broken/action.yml", broken).join("\n");
    expect(schema).toMatch(/description/);
    expect(schema).toMatch(/'node99'/);
    expect(schema).toMatch(/'no-such-icon'/);
    expect(checkActionMetadata(YAML.parse(broken), "broken")).toEqual([
      "missing description",
      "inputs.a has no description",
      "outputs.o has no description",
      'runs.using is "node99", not node24 or composite',
    ]);
    expect(
      checkActionMetadata(
        { name: "n", description: "d", runs: { using: "node24", main: "lib/missing.js", post: "../../../x.js" } },
        "actions/a",
      ),
    ).toEqual(["runs.main lib/missing.js does not exist and is not under dist/", "runs.post ../../../x.js points outside the repository"]);
    expect(
      checkActionMetadata(
        {
          name: "n",
          description: "d",
          runs: { using: "composite", steps: [{ run: "echo", shell: "bash" }, { run: "echo" }, { uses: "a/b@v1" }] },
        },
        ".",
      ),
    ).toEqual(["runs.steps[1] runs a command without shell"]);
    expect(
      actionSchemaErrors("c/action.yml", "name: n\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n").join("\n"),
    ).toMatch(/shell/);
  });

  it("root action.yml and actions/verify/action.yml are the same action", () => {
    const root = loadYaml("action.yml");
    const sub = loadYaml("actions/verify/action.yml");
    for (const key of ["name", "description", "inputs", "outputs", "branding"]) expect([key, sub[key]]).toEqual([key, root[key]]);
    const rootRuns = root.runs as Meta;
    const subRuns = sub.runs as Meta;
    expect(subRuns.using).toBe(rootRuns.using);
    for (const key of ["main", "post"]) {
      expect(path.resolve(ROOT, "actions/verify", String(subRuns[key]))).toBe(path.resolve(ROOT, String(rootRuns[key])));
    }
  });
});

describe("reusable workflow", () => {
  const workflow = loadYaml(REUSABLE);
  const declared = keys((workflow.on as Meta).workflow_call && ((workflow.on as Meta).workflow_call as Meta).inputs);
  const actionInputs = keys(loadYaml("action.yml").inputs);

  it("only passes inputs the verify action declares", () => {
    for (const file of [REUSABLE, "examples/workflows/verify-inline.yml"]) {
      const uses = steps(loadYaml(file)).filter((s) => typeof s.uses === "string" && s.uses.startsWith(`${SELF_REPO}@`));
      expect([file, uses.length]).toEqual([file, 1]);
      for (const step of uses)
        for (const input of keys(step.with)) expect([file, input, actionInputs.includes(input)]).toEqual([file, input, true]);
    }
  });

  it("only reads inputs it declares", () => {
    const used = [...read(REUSABLE).matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of new Set(used)) expect([name, declared.includes(name!)]).toEqual([name, true]);
  });

  it("callers grant the permissions its jobs ask for", () => {
    const level = (v: unknown) => ({ none: 0, read: 1, write: 2 })[String(v ?? "none")] ?? -1;
    const asked = Object.values(workflow.jobs as Meta).map((job) => ({
      ...(workflow.permissions as Meta),
      ...((job as Meta).permissions as Meta),
    }));
    const callers = ymlFiles("examples/workflows")
      .map((file) => ({ file, wf: loadYaml(file) }))
      .flatMap(({ file, wf }) =>
        Object.entries(wf.jobs as Meta)
          .filter(([, job]) => String((job as Meta).uses ?? "").startsWith(`${SELF_REPO}/${REUSABLE}@`))
          .map(([id, job]) => ({ file, id, granted: ((job as Meta).permissions ?? wf.permissions) as Meta | undefined })),
      );
    expect(callers.length).toBeGreaterThan(0);
    for (const { file, id, granted } of callers) {
      // Without explicit permissions the caller gets the repository's default token, which may be read-only.
      expect([file, id, isObject(granted)]).toEqual([file, id, true]);
      for (const perms of asked)
        for (const [scope, want] of Object.entries(perms))
          expect([file, id, scope, level(granted![scope]) >= level(want)]).toEqual([file, id, scope, true]);
    }
  });

  it("references this repository's verify action and the same major version as its callers", () => {
    const ref = steps(workflow).find((s) => String(s.uses ?? "").startsWith(`${SELF_REPO}@`))?.uses as string;
    const version = ref.split("@")[1];
    const callerRef = (loadYaml("examples/workflows/verify-migrations.yml").jobs as Meta).migrations as Meta;
    expect(callerRef.uses).toBe(`${SELF_REPO}/${REUSABLE}@${version}`);
    const checkout = steps(workflow).find((s) => String(s.uses ?? "").startsWith("actions/checkout@"));
    expect((checkout?.with as Meta | undefined)?.["fetch-depth"]).toBe(0);
  });
});

describe("the verify workflows run warm", () => {
  const workflow = () => loadYaml(REUSABLE);
  const CALLERS = ["examples/workflows/verify-migrations.yml", "examples/workflows/verify-inline.yml"];
  /** The workflow as GitHub's parser models it (events, jobs, steps), with no errors. */
  async function model(file: string) {
    const parsed = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter());
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, localFileProvider, { fetchReusableWorkflowDepth: 1 });
    expect([file, template.errors ?? []]).toEqual([file, []]);
    return template as unknown as {
      events: Record<string, { branches?: string[] }>;
      jobs: { if?: { expr: string }; steps?: { uses?: string }[] }[];
    };
  }

  it.each(CALLERS)("%s runs on pull requests and on pushes to the default branch", async (file) => {
    const { events } = await model(file);
    expect(events.pull_request).toBeDefined();
    expect(events.push).toEqual({ branches: ["main"] });
  });

  it("the reusable workflow verifies pushes to the default branch only, comments on pull requests only, and caches", async () => {
    const { jobs } = await model(REUSABLE);
    expect(jobs[0]!.if?.expr).toContain(
      "github.event_name != 'push' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
    );
    const verifyStep = steps(workflow()).find((s) => String(s.uses ?? "").startsWith(`${SELF_REPO}@`))!;
    expect(verifyStep.with).toMatchObject({
      cache: "${{ inputs.cache }}",
      comment: "${{ inputs.comment && github.event_name == 'pull_request' }}",
    });
    expect((((workflow().on as Meta).workflow_call as Meta).inputs as Meta).cache).toMatchObject({ type: "boolean", default: true });
    // The caller of the README and of `init` keeps the cache on.
    expect(((loadYaml("examples/workflows/verify-migrations.yml").jobs as Meta).migrations as Meta).with).toMatchObject({ cache: true });
  });

  it("the inline example leaves the action's cache on and comments on pull requests only", () => {
    const step = steps(loadYaml("examples/workflows/verify-inline.yml")).find((s) => String(s.uses ?? "").startsWith(`${SELF_REPO}@`))!;
    expect((step.with as Meta).cache).toBeUndefined(); // the action's default: true
    expect(loadYaml("action.yml").inputs).toMatchObject({ cache: { default: "true" } });
    expect((step.with as Meta).comment).toBe("${{ github.event_name == 'pull_request' }}");
  });

  it.each([REUSABLE, "examples/workflows/verify-inline.yml"])("%s uses the current majors of third-party actions", async (file) => {
    const uses = [...read(file).matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@(\S+)/g)]
      .map((m) => `${m[1]}@${m[2]}`)
      .filter((u) => !u.startsWith(SELF_REPO));
    expect(uses.length).toBeGreaterThan(0);
    const current: Record<string, string> = {
      "actions/checkout": "v7",
      "actions/setup-node": "v7",
      "github/codeql-action/upload-sarif": "v4",
    };
    for (const u of uses) {
      const [name, ref] = u.split("@") as [string, string];
      expect([file, name, ref]).toEqual([file, name, current[name]]);
    }
  });
});

describe("promote workflow (soak gate)", () => {
  const PROMOTE = ".github/workflows/promote.yml";
  const workflow = loadYaml(PROMOTE);
  const declared = keys(((workflow.on as Meta).workflow_call as Meta).inputs);
  const gateInputs = keys(loadYaml("actions/gate/action.yml").inputs);

  it("passes only inputs the gate action declares, and reads only inputs it declares", () => {
    const uses = steps(workflow).filter((s) => String(s.uses ?? "").startsWith(`${SELF_REPO}/actions/gate@`));
    expect(uses).toHaveLength(1);
    for (const input of keys(uses[0]!.with)) expect([input, gateInputs.includes(input)]).toEqual([input, true]);
    for (const name of new Set([...read(PROMOTE).matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1])))
      expect([name, declared.includes(name!)]).toEqual([name, true]);
  });

  it("asks for exactly what the gate uses, and every caller grants it", () => {
    const job = (workflow.jobs as Meta).gate as Meta;
    expect(job.permissions).toEqual({ contents: "read", deployments: "read", statuses: "write" });
    const level = (v: unknown) => ({ none: 0, read: 1, write: 2 })[String(v ?? "none")] ?? -1;
    const callers = ymlFiles("examples/workflows").flatMap((file) =>
      Object.entries(loadYaml(file).jobs as Meta)
        .filter(([, j]) => String((j as Meta).uses ?? "").startsWith(`${SELF_REPO}/${PROMOTE}@`))
        .map(([id, j]) => ({ file, id, granted: (j as Meta).permissions as Meta })),
    );
    expect(callers.length).toBeGreaterThanOrEqual(2);
    for (const { file, id, granted } of callers) {
      for (const [scope, want] of Object.entries(job.permissions as Meta))
        expect([file, id, scope, level(granted?.[scope]) >= level(want)]).toEqual([file, id, scope, true]);
    }
  });

  it("the example re-evaluates open promotion pull requests on a schedule", () => {
    const example = loadYaml("examples/workflows/promote.yml");
    expect((example.on as Meta).schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \* \* \* \*$/) }]);
    expect(((example.jobs as Meta).reevaluate as Meta).strategy).toMatchObject({
      "fail-fast": false,
      matrix: { sha: "${{ fromJSON(needs.open-promotions.outputs.shas) }}" },
    });
  });
});

describe("docs action tables", () => {
  const script = rel("scripts/action-docs.mjs");
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8", stdio: "pipe" }) };
    } catch (err) {
      const e = err as { status?: number; stderr?: string };
      return { code: e.status ?? -1, out: String(e.stderr ?? "") };
    }
  };

  it("the docs pages are up to date (node scripts/action-docs.mjs)", () => {
    const result = run("--check");
    expect(result).toEqual({ code: 0, out: expect.stringContaining("up to date") });
  });

  it("--check fails on a stale page and the write mode fixes it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "action-docs-"));
    try {
      for (const f of readdirSync(rel("docs")).filter((f) => f.endsWith(".md"))) writeFileSync(path.join(dir, f), read(`docs/${f}`));
      const page = path.join(dir, "postgres.md");
      writeFileSync(
        page,
        read("docs/postgres.md").replace(/(<!-- action-docs:postgres:start -->)[\s\S]*?(<!-- action-docs:postgres:end -->)/, "$1\nold\n$2"),
      );
      expect(run("--check", "--docs", dir)).toEqual({ code: 1, out: expect.stringContaining("postgres.md is stale") });
      expect(run("--docs", dir).code).toBe(0);
      expect(readFileSync(page, "utf8")).toBe(read("docs/postgres.md"));
      writeFileSync(path.join(dir, "verify.md"), "# no markers\n");
      expect(run("--check", "--docs", dir)).toEqual({ code: 1, out: expect.stringContaining("action-docs:verify:start") });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
