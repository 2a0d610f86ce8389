// Post step of migrate (and rollback): the main step closes its GitHub deployment itself; this only acts
// when the main step was killed (timeout, cancellation) or GitHub refused its final status while a
// deployment was in progress, so the environment's history does not show "in progress" forever.
import * as core from "@actions/core";
import { readActionsContext } from "../../github/context.js";
import { githubClient, setDeploymentStatus } from "../../github/deployments.js";
import { runAction } from "../action-runtime.js";

void runAction(async () => {
  const saved = core.getState("deployment");
  if (!saved) return;
  const { id, owner, repo, environment } = JSON.parse(saved) as { id: number; owner: string; repo: string; environment?: string };
  const token = core.getInput("github-token").trim();
  if (!token) return;
  const context = readActionsContext();
  const octokit = await githubClient(token, context.apiUrl);
  await setDeploymentStatus(
    octokit,
    { owner, repo, ...(context.runUrl ? { logUrl: context.runUrl } : {}) },
    id,
    "error",
    "The migrate step ended without reporting its outcome (cancelled, timed out or final status refused). Run status to check the database.",
    environment,
  );
  core.info(`Marked GitHub deployment ${id} as error: the migrate step did not finish.`);
});
