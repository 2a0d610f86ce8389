// The verify action: inputs → verify → job summary, annotations, SARIF, PR comment, outputs.
import * as core from "@actions/core";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toJsonReport, type VerifyReport } from "../../core/report.js";
import { annotate } from "../../github/annotations.js";
import { readActionsContext, type ActionsContext } from "../../github/context.js";
import { upsertPullRequestComment } from "../../github/pr-comment.js";
import { renderMarkdown } from "../../report/markdown.js";
import { renderSarif } from "../../report/sarif.js";
import { ruleHelp } from "../../lint/report.js";
import { verify } from "../../verify/verify.js";
import { VERSION } from "../../version.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs, type VerifyActionSettings } from "./inputs.js";

async function comment(report: VerifyReport, settings: VerifyActionSettings, context: ActionsContext): Promise<void> {
  const pr = context.pullRequest;
  if (!settings.comment) return;
  if (!pr || !context.repository || !settings.githubToken) {
    core.info("comment: true, but this run is not for a pull request (or has no token): no comment posted.");
    return;
  }
  // Loaded only when a comment is posted: octokit is a large part of the bundle's start-up time.
  const { getOctokit } = await import("@actions/github");
  const octokit = getOctokit(settings.githubToken, context.apiUrl ? { baseUrl: context.apiUrl } : {});
  const marker = `verify:${path.posix.normalize(settings.workingDirectory)}`;
  const body = renderMarkdown(report, { title: `migrate-guard verify (${settings.workingDirectory})`, ...(context.runUrl ? { runUrl: context.runUrl } : {}) });
  const result = await upsertPullRequestComment(octokit, { owner: context.repository.owner, repo: context.repository.repo, issueNumber: pr.number, body, marker, logger: actionsLogger });
  core.info(result.action === "skipped" ? `PR comment skipped: ${result.reason}` : `PR comment ${result.action} (#${result.id}).`);
}

async function main(): Promise<void> {
  const context = readActionsContext();
  const settings = readInputs(context);
  const { comment: _comment, githubToken: _token, sarifFile: _sarif, ...verifySettings } = settings;
  const report = await verify({
    ...verifySettings,
    workingDirectory: path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory),
    logger: actionsLogger,
    // Saved as soon as the server runs: if this step is killed, the post step still stops it.
    onCluster: (c) => core.saveState("cluster", JSON.stringify({ pid: c.pid, dataDir: c.dataDir, rootDir: c.rootDir })),
  });
  core.saveState("cluster", "");

  core.setOutput("ok", String(report.ok));
  core.setOutput("report", JSON.stringify(toJsonReport(report)));
  core.setOutput("applied-count", String(report.migrations.length));
  core.setOutput("drift", String(Boolean(report.drift)));
  if (settings.sarifFile) {
    const file = path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.sarifFile);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(renderSarif(report, { toolVersion: VERSION, ruleHelp }), null, 2));
    core.setOutput("sarif-file", file);
  }
  const findings = report.checks.flatMap((c) => c.findings);
  // One error slot stays free for setFailed's own annotation.
  annotate(findings, { max: report.ok ? 10 : 9 });
  await core.summary.addRaw(renderMarkdown(report, { ...(context.runUrl ? { runUrl: context.runUrl } : {}), maxLength: 1_000_000 })).write();
  await comment(report, settings, context).catch((error: Error) => core.warning(`Could not post the PR comment: ${error.message}`));
  if (!report.ok) {
    const failed = report.checks.filter((c) => c.status === "fail").map((c) => c.id);
    core.setFailed(`Migration checks failed: ${failed.join(", ")}. See the job summary for details.`);
  }
}

void runAction(main);
