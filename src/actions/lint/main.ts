// The lint action: inputs → lint (no database) → annotations, job summary, SARIF, outputs.
import * as core from "@actions/core";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { annotate } from "../../github/annotations.js";
import { readActionsContext } from "../../github/context.js";
import { fails, lintJson, renderLintMarkdown, ruleHelp } from "../../lint/report.js";
import { renderSarif } from "../../report/sarif.js";
import { lintCheck, runLint, toFinding } from "../../verify/lint.js";
import { readSizeRisk } from "../../stats/stats-file.js";
import { VERSION } from "../../version.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs } from "./inputs.js";

async function main(): Promise<void> {
  const settings = readInputs(readActionsContext());
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? ".");
  const sizeRisk = settings.stats ? await readSizeRisk(settings.stats) : undefined;
  const outcome = await runLint({
    workingDirectory: path.resolve(workspace, settings.workingDirectory),
    ...(settings.schema ? { schema: settings.schema } : {}),
    ...(settings.baseRef ? { baseRef: settings.baseRef } : {}),
    all: settings.all,
    eachMigration: settings.eachMigration,
    // Files as given, relative to the workspace: annotations and SARIF need repository paths.
    ...(settings.files.length ? { files: settings.files.map((f) => path.relative(process.cwd(), path.resolve(workspace, f))) } : {}),
    pathBase: workspace,
    ...(sizeRisk ? { sizeRisk } : {}),
    logger: actionsLogger,
  });
  const findings = outcome.result.findings;
  const failed = fails(findings, settings.failOn);
  const info = { summary: outcome.summary, durationMs: outcome.durationMs, statements: outcome.result.statements };
  const counts = (s: string) => String(findings.filter((f) => f.severity === s).length);

  core.info(`${outcome.summary}: ${counts("error")} error(s), ${counts("warning")} warning(s), ${counts("notice")} notice(s).`);
  core.setOutput("ok", String(!failed));
  core.setOutput("errors", counts("error"));
  core.setOutput("warnings", counts("warning"));
  core.setOutput("notices", counts("notice"));
  core.setOutput("report", JSON.stringify(lintJson(findings, { ...info, ok: !failed, linted: outcome.result.linted })));
  if (settings.sarifFile) {
    const file = path.resolve(workspace, settings.sarifFile);
    await mkdir(path.dirname(file), { recursive: true });
    const report = { ok: !failed, checks: [lintCheck(outcome)], migrations: [], durationMs: outcome.durationMs };
    await writeFile(file, JSON.stringify(renderSarif(report, { toolVersion: VERSION, ruleHelp }), null, 2));
    core.setOutput("sarif-file", file);
  }
  // One error slot stays free for setFailed's own annotation.
  if (settings.annotations) annotate(findings.map(toFinding), { max: failed ? 9 : 10 });
  await core.summary.addRaw(renderLintMarkdown(findings, info)).write();
  if (failed)
    core.setFailed(`migrate-guard lint: findings at "${settings.failOn}" level or above. See the annotations and the job summary.`);
}

void runAction(main);
