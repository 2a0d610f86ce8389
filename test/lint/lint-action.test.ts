// The built lint action (dist/lint/index.js) run as the Actions runner runs it: no database, the
// pull request's base from the event, annotations on the SQL lines, job summary, SARIF and outputs.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";
import { nodeBinaries, runDistAction } from "../support/run-dist.js";

let repo: ProjectRepo;
let base: string;
const NEW = "prisma/migrations/20250103000000_drop_post_title/migration.sql";

beforeAll(() => {
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
  repo.write(
    NEW,
    `-- AlterTable\nALTER TABLE "Post" DROP COLUMN "title";\n\n-- CreateIndex\nCREATE INDEX "Post_published_idx" ON "Post"("published");\n`,
  );
  repo.commitAll("pull request");
});
afterAll(() => repo?.remove());

const event = () => ({ pull_request: { number: 7, base: { sha: base, ref: "main" }, head: { sha: "0".repeat(40), ref: "feature" } } });

describe.each(nodeBinaries())("dist/lint/index.js under %s", ({ path: node }) => {
  test("a pull request with a destructive migration: failed step, annotations at the lines, summary, SARIF, outputs", async () => {
    const run = await runDistAction("dist/lint/index.js", {
      node,
      event: event(),
      env: { GITHUB_WORKSPACE: repo.dir, GITHUB_EVENT_NAME: "pull_request", GITHUB_REPOSITORY: "acme/shop" },
      inputs: { "working-directory": ".", "sarif-file": "out/lint.sarif", "fail-on": "error", annotations: "true" },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ ok: "false", errors: "1", warnings: "2", notices: "0" });
    expect(run.stdout).toContain(
      `::error title=drop-column,file=${NEW},line=2,col=1::Dropping "Post"."title" deletes its data. Phase 1 missing`,
    );
    expect(run.stdout).toContain(`::warning title=create-index-non-concurrently,file=${NEW},line=5,col=1::`);
    expect(run.stdout).toMatch(/::error::migrate-guard lint: findings at "error" level/);
    expect(run.summary).toContain("| [`drop-column`](");
    expect(run.summary).toContain(`\`${NEW}:2\``);
    const report = JSON.parse(run.outputs.report!) as { linted: string[]; counts: Record<string, number> };
    expect(report.linted).toEqual(["20250103000000_drop_post_title"]);
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, "out/lint.sarif"), "utf8"));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: NEW, uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 1 },
    });
    expect(run.outputs["sarif-file"]).toBe(path.join(repo.dir, "out/lint.sarif"));
  });

  test("stats-file: the index on a 5 M-row table is raised to an error and sized; a bad threshold fails the step", async () => {
    repo.write(
      "stats/production.json",
      JSON.stringify({
        environment: "production",
        takenAt: "2026-12-01T00:00:00Z",
        server: "16",
        tables: [{ schema: "public", name: "Post", rows: 5_000_000, bytes: 2 * 2 ** 30 }],
      }),
    );
    const run = await runDistAction("dist/lint/index.js", {
      node,
      event: event(),
      env: { GITHUB_WORKSPACE: repo.dir },
      inputs: { "stats-file": "stats/production.json", "fail-on": "error" },
    });
    // drop-column, and both lock hazards on "Post" (the index and the missing lock_timeout) raised.
    expect(run.outputs).toMatchObject({ errors: "3", warnings: "0" });
    expect(run.stdout).toMatch(
      /::error title=create-index-non-concurrently,file=[^:]*::.*\(SHARE on "Post" — 5 M rows, 2 GB on production; raised to error: at least 1 M rows\.\)/,
    );
    const bad = await runDistAction("dist/lint/index.js", {
      node,
      event: event(),
      env: { GITHUB_WORKSPACE: repo.dir },
      inputs: { "stats-file": "stats/production.json", "large-table-rows": "many" },
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::Invalid input "large-table-rows" "many". Expected a positive whole number of rows/);
  });

  test("fail-on: never keeps the step green; a bad input fails it with the expected form", async () => {
    const green = await runDistAction("dist/lint/index.js", {
      node,
      event: event(),
      env: { GITHUB_WORKSPACE: repo.dir },
      inputs: { "fail-on": "never" },
    });
    expect(green.code).toBe(0);
    expect(green.outputs.ok).toBe("true");
    const bad = await runDistAction("dist/lint/index.js", {
      node,
      event: event(),
      env: { GITHUB_WORKSPACE: repo.dir },
      inputs: { "fail-on": "sometimes" },
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::Input "fail-on" is "sometimes". Expected one of: error, warning, notice, never./);
  });
});
