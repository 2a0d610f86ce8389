// The verify action's reporting once verify has run (run.ts): job summary, annotations, SARIF, PR
// comment, outputs. Loaded, with @actions/core and its HTTP client, while verify works.
import * as core from "@actions/core";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toJsonReport, type VerifyReport } from "../../core/report.js";
import { annotate } from "../../github/annotations.js";
import type { ActionsContext } from "../../github/context.js";
import { upsertPullRequestComment } from "../../github/pr-comment.js";
import { renderMarkdown } from "../../report/markdown.js";
import { renderSarif } from "../../report/sarif.js";
import { ruleHelp } from "../../lint/report.js";
import type { Cluster } from "../../postgres/cluster.js";
import { VERSION } from "../../version.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import type { VerifyActionSettings } from "./inputs.js";
import type { CacheServiceState } from "../../cache/remote-key.js";

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
  const body = renderMarkdown(report, {
    title: `migrate-guard verify (${settings.workingDirectory})`,
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  });
  const result = await upsertPullRequestComment(octokit, {
    owner: context.repository.owner,
    repo: context.repository.repo,
    issueNumber: pr.number,
    body,
    marker,
    logger: actionsLogger,
  });
  core.info(result.action === "skipped" ? `PR comment skipped: ${result.reason}` : `PR comment ${result.action} (#${result.id}).`);
}

/** Saved as soon as the server runs: if this step is killed, the post step still stops it. */
export function saveClusterState(c: Cluster): void {
  core.saveState("cluster", JSON.stringify({ pid: c.pid, dataDir: c.dataDir, rootDir: c.rootDir }));
}

async function main(
  report: VerifyReport,
  context: ActionsContext,
  settings: VerifyActionSettings,
  service: CacheServiceState | undefined,
): Promise<void> {
  core.saveState("cluster", "");
  // The post step saves the built-in cache only when this run wrote a new snapshot.
  if (service && report.cache?.saved) core.saveState("snapshot-cache", JSON.stringify(service));

  core.setOutput("ok", String(report.ok));
  core.setOutput("report", JSON.stringify(toJsonReport(report)));
  core.setOutput("applied-count", String(report.migrations.length));
  core.setOutput("drift", String(Boolean(report.drift && report.drift.differences.length > 0)));
  core.setOutput("cache", report.cache?.state ?? "off");
  if (settings.sarifFile) {
    const file = path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.sarifFile);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(renderSarif(report, { toolVersion: VERSION, ruleHelp }), null, 2));
    core.setOutput("sarif-file", file);
  }
  const findings = report.checks.flatMap((c) => c.findings);
  // One error slot stays free for setFailed's own annotation.
  annotate(findings, { max: report.ok ? 10 : 9 });
  await core.summary
    .addRaw(renderMarkdown(report, { ...(context.runUrl ? { runUrl: context.runUrl } : {}), maxLength: 1_000_000 }))
    .write();
  await comment(report, settings, context).catch((error: Error) => core.warning(`Could not post the PR comment: ${error.message}`));
  if (!report.ok) {
    const failed = report.checks.filter((c) => c.status === "fail").map((c) => c.id);
    core.setFailed(`Migration checks failed: ${failed.join(", ")}. See the job summary for details.`);
  }
}

/** Reports verify's report, or fails the step with what verify threw, as every action entry does. */
export function publish(
  outcome: { report: VerifyReport } | { error: unknown },
  context: ActionsContext,
  settings: VerifyActionSettings,
  service?: CacheServiceState,
): Promise<void> {
  return runAction(async () => {
    if ("error" in outcome) throw outcome.error;
    await main(outcome.report, context, settings, service);
  });
}
