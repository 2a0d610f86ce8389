// The gate action: inputs → soak gate (both databases read-only, the staging deployments, the commit
// status migrate-guard/soak) → outputs, job summary. Bad input fails the step before anything is read.
import * as core from "@actions/core";
import path from "node:path";
import { redact } from "../../core/errors.js";
import { toSoakJson } from "../../core/soak.js";
import { readActionsContext } from "../../github/context.js";
import { GateGitHub } from "../../gate/github.js";
import { gateHeadline, renderGateMarkdown } from "../../gate/render.js";
import { gateOctokit } from "../../gate/retry.js";
import { runGate } from "../../gate/run.js";
import { validateGateRequest } from "../../gate/settings.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readGateInputs } from "./inputs.js";

async function main(): Promise<void> {
  const context = readActionsContext();
  const inputs = readGateInputs();
  // The target: the input, else the pull request's head (what its checks show), else the run's commit.
  const settings = validateGateRequest({ ...inputs.request, sha: inputs.request.sha ?? context.pullRequest?.headSha ?? context.sha });
  settings.workingDirectory = path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory);
  const clean = (m: string) => redact(m, inputs.secrets);
  const logger = {
    info: (m: string) => actionsLogger.info(clean(m)),
    warning: (m: string) => actionsLogger.warning(clean(m)),
    error: (m: string) => actionsLogger.error(clean(m)),
    debug: (m: string) => actionsLogger.debug(clean(m)),
  };
  const github =
    inputs.githubToken && context.repository
      ? new GateGitHub(await gateOctokit(inputs.githubToken, context.apiUrl, { onRetry: (m) => logger.warning(m) }), {
          owner: context.repository.owner,
          repo: context.repository.repo,
        })
      : undefined;
  const actor = process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR || undefined;
  const report = await runGate(settings, {
    logger,
    ...(github ? { github } : {}),
    ...(actor ? { actor } : {}),
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    commitStatus: inputs.commitStatus,
  });
  const v = report.verdict;
  core.setOutput("decision", v.decision);
  core.setOutput("remaining-seconds", v.remainingSeconds === null ? "" : String(v.remainingSeconds));
  core.setOutput("earliest-pass-at", v.earliestPassAt?.toISOString() ?? "");
  core.setOutput("report", clean(JSON.stringify(toSoakJson(v))));
  await core.summary.addRaw(clean(renderGateMarkdown(report))).write();
  const headline = clean(gateHeadline(v));
  if (report.statusError) {
    core.setFailed(clean(report.statusError));
  } else if (v.decision === "block" && inputs.failOn !== "never") {
    core.setFailed(`${headline}. ${clean(v.reasons[0] ?? "")}`);
  } else if (v.decision === "wait" && inputs.failOn === "wait") {
    core.setFailed(headline);
  } else {
    core.info(headline);
    for (const reason of v.reasons) core.info(`- ${clean(reason)}`);
  }
}

void runAction(main);
