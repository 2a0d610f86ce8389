// The verify action's work once its inputs are read (main.ts). Verify starts at once, logging through
// plain workflow commands; @actions/core (which loads an HTTP client at import), the renderers and the
// GitHub adapters (publish.ts) load meanwhile and report when verify is done.
import path from "node:path";
import type { ActionsContext } from "../../github/context.js";
import { verify } from "../../verify/verify.js";
import { readSizeRisk } from "../../stats/stats-file.js";
import { runnerLogger } from "../action-start.js";
import type { VerifyActionSettings } from "./inputs.js";

export async function run(context: ActionsContext, settings: VerifyActionSettings): Promise<void> {
  const publishing = import("./publish.js");
  publishing.catch(() => {}); // awaited below
  const { comment: _comment, githubToken: _token, sarifFile: _sarif, stats, ...verifySettings } = settings;
  let clusterState: Promise<void> = Promise.resolve();
  let outcome: Parameters<Awaited<typeof publishing>["publish"]>[0];
  try {
    const sizeRisk = stats ? await readSizeRisk(stats) : undefined;
    const report = await verify({
      ...verifySettings,
      ...(sizeRisk ? { sizeRisk } : {}),
      workingDirectory: path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory),
      logger: runnerLogger,
      onCluster: (c) => { clusterState = publishing.then((p) => p.saveClusterState(c)); },
    });
    outcome = { report };
  } catch (error) {
    outcome = { error };
  }
  const { publish } = await publishing;
  await clusterState.catch(() => {});
  await publish(outcome, context, settings);
}
