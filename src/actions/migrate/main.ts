// The migrate action: status, deploy or resolve on one environment's database. Inputs → guards →
// GitHub deployment (deploy/resolve) → job summary, warnings, outputs. Bad input fails the step before
// the database or the deployments API is touched.
import * as core from "@actions/core";
import path from "node:path";
import { ConfigurationError, redact } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { readActionsContext } from "../../github/context.js";
import { createGitHubDeployments } from "../../github/deployments.js";
import { lintPending } from "../../migrate/lint-pending.js";
import { GateGitHub } from "../../gate/github.js";
import { gateOctokit } from "../../gate/retry.js";
import { renderMigrateMarkdown } from "../../migrate/render.js";
import { headline, toMigrateJson } from "../../migrate/report.js";
import { runMigrate } from "../../migrate/run.js";
import { validateRequest } from "../../migrate/settings.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs } from "./inputs.js";
import { writeStatsAfterDeploy } from "./stats.js";

/** The runner masks registered secrets in its own log; this also keeps them out of what we write. */
function scrubbingLogger(secrets: string[]): Logger {
  const clean = (m: string) => redact(m, secrets);
  return {
    info: (m) => actionsLogger.info(clean(m)),
    warning: (m) => actionsLogger.warning(clean(m)),
    error: (m) => actionsLogger.error(clean(m)),
    debug: (m) => actionsLogger.debug(clean(m)),
  };
}

async function main(): Promise<void> {
  const context = readActionsContext();
  const inputs = readInputs();
  const settings = validateRequest(inputs.request);
  const workspace = process.env.GITHUB_WORKSPACE ?? ".";
  settings.workingDirectory = path.resolve(workspace, settings.workingDirectory);
  const logger = scrubbingLogger(inputs.secrets);
  const actor = process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR || undefined;

  let audit;
  if (settings.command !== "status" && inputs.recordDeployment) {
    if (!inputs.githubToken)
      throw new ConfigurationError(
        'Input "github-token" is empty, but deploy and resolve are recorded as GitHub deployments. Leave it at its default (${{ github.token }}) with `permissions: deployments: write`, or set deployment: false.',
      );
    if (!context.repository || !context.sha)
      throw new ConfigurationError(
        "GITHUB_REPOSITORY and GITHUB_SHA are not set: a GitHub deployment needs both (this step must run in GitHub Actions), or set deployment: false.",
      );
    audit = await createGitHubDeployments({
      token: inputs.githubToken,
      ...(context.apiUrl ? { apiUrl: context.apiUrl } : {}),
      owner: context.repository.owner,
      repo: context.repository.repo,
      ref: context.sha,
      ...(context.runUrl ? { logUrl: context.runUrl } : {}),
      ...(context.serverUrl ? { serverUrl: context.serverUrl } : {}),
      // Saved as soon as it exists: if this step is killed, the post step closes the record.
      onCreated: (id) =>
        core.saveState(
          "deployment",
          JSON.stringify({ id, owner: context.repository!.owner, repo: context.repository!.repo, environment: settings.environment.name }),
        ),
      // Cleared only once the final status is set: if setting it fails, the post step still closes the record.
      onClosed: () => core.saveState("deployment", ""),
    });
  }

  // The soak gate of a production deploy reads the staging deployments with the same token (with
  // deployment: false no deploy is recorded, so the code soak cannot be, and is not, checked).
  const gateGitHub =
    settings.gate && inputs.recordDeployment && inputs.githubToken && context.repository
      ? new GateGitHub(await gateOctokit(inputs.githubToken, context.apiUrl, { onRetry: (m) => logger.warning(m) }), {
          owner: context.repository.owner,
          repo: context.repository.repo,
        })
      : undefined;

  const report = await runMigrate(settings, {
    logger,
    lint: lintPending,
    ...(gateGitHub ? { soakGate: { github: gateGitHub } } : {}),
    ...(audit ? { audit } : {}),
    context: {
      ...(actor ? { actor } : {}),
      ...(context.repository ? { repository: context.repository.fullName } : {}),
      ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      ...(context.sha ? { sha: context.sha } : {}),
    },
  });

  const json = toMigrateJson(report);
  core.setOutput("ok", String(report.ok));
  core.setOutput("report", redact(JSON.stringify(json), inputs.secrets));
  core.setOutput("pending-count", String(report.state?.pending.length ?? 0));
  core.setOutput("applied-count", String(report.appliedNow?.length ?? 0));
  core.setOutput("failed", (report.state?.failed ?? []).map((f) => f.name).join(","));
  core.setOutput("refused", report.refused ? redact(report.refused, inputs.secrets) : "");
  core.setOutput("backup-file", report.backup?.file ?? "");
  core.setOutput("deployment-id", report.deployment ? String(report.deployment.id) : "");
  core.setOutput(
    "stats-file",
    inputs.statsFile && report.ok && settings.command === "deploy" && report.production
      ? await writeStatsAfterDeploy(settings, path.resolve(workspace, inputs.statsFile), logger)
      : "",
  );
  for (const warning of report.warnings) core.warning(redact(warning, inputs.secrets));
  await core.summary.addRaw(redact(renderMigrateMarkdown(report), inputs.secrets)).write();
  if (!report.ok) {
    const reason = (report.refused ?? report.error ?? "").split("\n")[0];
    core.setFailed(redact(`${headline(report)}. ${reason}`, inputs.secrets));
  } else {
    core.info(headline(report));
  }
}

void runAction(main);
