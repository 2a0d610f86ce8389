// The rollback action. --rolled-back: the migrate runner's resolve with its GitHub deployment, then the
// deploy that left the migration failed is marked inactive with the reason. --revert: the new migration
// (and schema.prisma with the migration's change taken out, when that can be done safely) is written
// into the workspace, committed on a new branch, pushed, and a pull request opened against
// `base-branch`. Bad input fails the step before the database, git or GitHub is touched.
import * as core from "@actions/core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigurationError, redact } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { repositoryRoot } from "../../git/git.js";
import { readActionsContext, type ActionsContext } from "../../github/context.js";
import { createGitHubDeployments, githubClient } from "../../github/deployments.js";
import { lintPending } from "../../migrate/lint-pending.js";
import { renderMigrateMarkdown } from "../../migrate/render.js";
import { headline, toMigrateJson } from "../../migrate/report.js";
import type { MigrateSettings } from "../../migrate/settings.js";
import { assertBranchFree, openPullRequest, pushRevertBranch } from "../../rollback/pull-request.js";
import { renderRevertMarkdown, toRevertJson } from "../../rollback/render.js";
import { runRevert, type RevertReport } from "../../rollback/revert.js";
import { githubDeployHistory, runRolledBack } from "../../rollback/rolled-back.js";
import { validateRollback, type RevertSettings } from "../../rollback/settings.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs, type RollbackActionInputs } from "./inputs.js";

function scrubbingLogger(secrets: string[]): Logger {
  const clean = (m: string) => redact(m, secrets);
  return {
    info: (m) => actionsLogger.info(clean(m)),
    warning: (m) => actionsLogger.warning(clean(m)),
    error: (m) => actionsLogger.error(clean(m)),
    debug: (m) => actionsLogger.debug(clean(m)),
  };
}

function requireGitHub(
  inputs: RollbackActionInputs,
  context: ActionsContext,
  what: string,
): { token: string; owner: string; repo: string } {
  if (!inputs.githubToken)
    throw new ConfigurationError(`Input "github-token" is empty, but ${what}. Leave it at its default (\${{ github.token }}).`);
  if (!context.repository)
    throw new ConfigurationError(`GITHUB_REPOSITORY is not set, but ${what} (this step must run in GitHub Actions).`);
  return { token: inputs.githubToken, owner: context.repository.owner, repo: context.repository.repo };
}

function defaultBranchFromEvent(): string | undefined {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    const event = JSON.parse(readFileSync(file, "utf8")) as { repository?: { default_branch?: string } };
    return event.repository?.default_branch || undefined;
  } catch {
    return undefined;
  }
}

async function rolledBack(settings: MigrateSettings, inputs: RollbackActionInputs, context: ActionsContext, logger: Logger): Promise<void> {
  const actor = process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR || undefined;
  let audit;
  let history;
  if (inputs.recordDeployment) {
    const gh = requireGitHub(inputs, context, "a rollback is recorded as a GitHub deployment (or set deployment: false)");
    if (!context.sha) throw new ConfigurationError("GITHUB_SHA is not set: a GitHub deployment needs it (or set deployment: false).");
    const target = {
      owner: gh.owner,
      repo: gh.repo,
      ref: context.sha,
      ...(context.runUrl ? { logUrl: context.runUrl } : {}),
      ...(context.serverUrl ? { serverUrl: context.serverUrl } : {}),
    };
    audit = await createGitHubDeployments({
      token: gh.token,
      ...(context.apiUrl ? { apiUrl: context.apiUrl } : {}),
      ...target,
      // Saved as soon as it exists: if this step is killed, the post step marks the record `error`.
      onCreated: (id) =>
        core.saveState("deployment", JSON.stringify({ id, owner: gh.owner, repo: gh.repo, environment: settings.environment.name })),
      // Cleared only once the final status is set: if setting it fails, the post step still closes the record.
      onClosed: () => core.saveState("deployment", ""),
    });
    history = githubDeployHistory(await githubClient(gh.token, context.apiUrl), target);
  }
  const report = await runRolledBack(settings, {
    logger,
    lint: lintPending,
    ...(audit ? { audit } : {}),
    ...(history ? { history } : {}),
    context: {
      ...(actor ? { actor } : {}),
      ...(context.repository ? { repository: context.repository.fullName } : {}),
      ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      ...(context.sha ? { sha: context.sha } : {}),
    },
  });
  core.setOutput("ok", String(report.ok));
  core.setOutput("report", redact(JSON.stringify({ ...toMigrateJson(report), kind: "rolled-back" }), inputs.secrets));
  core.setOutput("refused", report.refused ? redact(report.refused, inputs.secrets) : "");
  core.setOutput("deployment-id", report.deployment ? String(report.deployment.id) : "");
  for (const warning of report.warnings) core.warning(redact(warning, inputs.secrets));
  await core.summary.addRaw(redact(renderMigrateMarkdown(report), inputs.secrets)).write();
  if (!report.ok) core.setFailed(redact(`${headline(report)}. ${(report.refused ?? report.error ?? "").split("\n")[0]}`, inputs.secrets));
}

function pullRequestBody(report: RevertReport, settings: RevertSettings, actor: string | undefined): string {
  return [
    `Reverts migration \`${report.migration}\` with a new migration, \`${report.revert!.name}\` (generated by migrate-guard rollback${actor ? ` for @${actor}` : ""} against "${report.environment}").`,
    ...(settings.reason ? ["", `Reason: ${settings.reason}`] : []),
    "",
    "It goes through verify, staging and production like any migration. Before merging:",
    report.schema?.status === "reverted"
      ? `- [ ] the schema change is right: ${report.schema.files.map((f) => `\`${f}\``).join(", ")} reverted with it (checked against the migrations)`
      : `- [ ] \`schema.prisma\` no longer describes what \`${report.migration}\` added — it was left unchanged: ${report.schema?.reason ?? "not reverted"} (otherwise verify's drift check fails)`,
    "- [ ] the data this destroys is backed up where it matters",
    "",
    renderRevertMarkdown(report),
  ].join("\n");
}

async function revert(settings: RevertSettings, inputs: RollbackActionInputs, context: ActionsContext, logger: Logger): Promise<void> {
  let gh: { token: string; owner: string; repo: string } | undefined;
  let base: string | undefined;
  const branch = inputs.branch ?? `migrate-guard/revert-${settings.migration}`;
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? ".");
  if (inputs.pullRequest) {
    gh = requireGitHub(inputs, context, "the revert is pushed and opened as a pull request (or set pull-request: false)");
    base = inputs.baseBranch ?? defaultBranchFromEvent();
    if (!base) throw new ConfigurationError('No base branch for the pull request: set the `base-branch` input (e.g. "staging" or "main").');
    await assertBranchFree({ repoRoot: workspace, branch, token: gh.token });
  }
  const report = await runRevert(settings, { logger });
  let pr: { number: number; url: string } | undefined;
  if (report.ok && gh && base) {
    // Schema files are named relative to the repository's root (which the workspace usually is).
    const gitRoot = (await repositoryRoot(workspace)) ?? workspace;
    const paths = [
      report.revert!.dir,
      ...(report.schema?.status === "reverted" ? report.schema.files.map((f) => path.join(gitRoot, f)) : []),
    ];
    const actor = process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR || undefined;
    await pushRevertBranch({
      repoRoot: workspace,
      paths,
      branch,
      message: `Revert migration ${settings.migration}\n\nGenerated by migrate-guard rollback --revert for "${settings.environment.name}".`,
      token: gh.token,
    });
    pr = await openPullRequest(await githubClient(gh.token, context.apiUrl), {
      owner: gh.owner,
      repo: gh.repo,
      head: branch,
      base,
      title: `Revert migration ${settings.migration}`,
      body: pullRequestBody(report, settings, actor),
    });
    logger.info(`Opened pull request #${pr.number} (${pr.url}) from ${branch} into ${base}.`);
  }
  core.setOutput("ok", String(report.ok));
  core.setOutput("report", redact(JSON.stringify(toRevertJson(report)), inputs.secrets));
  core.setOutput("refused", report.refused ? redact(report.refused, inputs.secrets) : "");
  core.setOutput("migration", report.revert?.name ?? "");
  core.setOutput("file", report.revert?.file ?? "");
  core.setOutput("branch", pr ? branch : "");
  core.setOutput("pull-request-number", pr ? String(pr.number) : "");
  core.setOutput("pull-request-url", pr?.url ?? "");
  for (const warning of report.warnings) core.warning(redact(warning, inputs.secrets));
  await core.summary
    .addRaw(redact(renderRevertMarkdown(report) + (pr ? `\nPull request: [#${pr.number}](${pr.url})\n` : ""), inputs.secrets))
    .write();
  if (!report.ok)
    core.setFailed(
      redact(
        report.refused
          ? `Revert of ${report.migration} refused: ${report.refused}`
          : `Revert of ${report.migration} failed: ${report.error ?? "unknown error"}`,
        inputs.secrets,
      ),
    );
}

async function main(): Promise<void> {
  const context = readActionsContext();
  const inputs = readInputs();
  const workspace = process.env.GITHUB_WORKSPACE ?? ".";
  const settings = validateRollback({
    ...inputs.request,
    workingDirectory: path.resolve(workspace, inputs.request.workingDirectory ?? "."),
  });
  const logger = scrubbingLogger(inputs.secrets);
  if (settings.kind === "rolled-back") await rolledBack(settings.migrate, inputs, context, logger);
  else await revert(settings, inputs, context, logger);
}

void runAction(main);
