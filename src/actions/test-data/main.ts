// The test-data action: the app's own create/cleanup script on a staging (or local) database, refused
// on production by name and by stamp. Inputs → guards → script (output streamed, masked) → summary
// and outputs. A refusal fails the step having run nothing.
import * as core from "@actions/core";
import path from "node:path";
import { ConfigurationError, redact } from "../../core/errors.js";
import { CLEANUP_CONFIRMATION } from "../../test-data/policy.js";
import { headline, runTestData, toTestDataJson, type TestDataReport } from "../../test-data/run.js";
import { validateTestDataRequest } from "../../test-data/settings.js";
import { actionsLogger, runAction } from "../action-runtime.js";
import { readInputs } from "./inputs.js";

function summary(report: TestDataReport): string {
  const rows: [string, string][] = [
    ["Environment", report.environment],
    ["Database", report.database],
    ["Command", `\`${report.command.replace(/`/g, "'")}\``],
    [
      "Exit code",
      report.exitCode === undefined
        ? "not run"
        : report.exitCode === null
          ? `killed (${report.signal ?? "no exit code"})`
          : String(report.exitCode),
    ],
    ["Duration", report.durationMs === undefined ? "—" : `${(report.durationMs / 1000).toFixed(1)} s`],
    ["Stamp", report.stamp ? `${report.stamp.name}${report.stampCreated ? " (stamped by this run)" : ""}` : "none"],
  ];
  const title = `### ${report.ok ? "✅" : "❌"} test-data ${report.operation} on ${report.environment}`;
  const reason = report.refused ? `\n**Refused, nothing was run:** ${report.refused}\n` : report.error ? `\n${report.error}\n` : "";
  return `${title}\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, "\\|")} |`).join("\n")}\n${reason}`;
}

async function main(): Promise<void> {
  const inputs = readInputs();
  const settings = validateTestDataRequest(inputs.request);
  settings.workingDirectory = path.resolve(process.env.GITHUB_WORKSPACE ?? ".", settings.workingDirectory);
  const clean = (m: string) => redact(m, inputs.secrets);
  const report = await runTestData(settings, {
    logger: {
      info: (m) => actionsLogger.info(clean(m)),
      warning: (m) => actionsLogger.warning(clean(m)),
      error: (m) => actionsLogger.error(clean(m)),
      debug: (m) => actionsLogger.debug(clean(m)),
    },
    onOutput: (line) => core.info(line),
    confirmCleanup: async (action, given) => {
      if (given !== CLEANUP_CONFIRMATION) {
        const what = given === undefined ? "no confirmation was given" : `the confirmation was ${JSON.stringify(given)}`;
        throw new ConfigurationError(`${action} must be confirmed: set confirm to ${CLEANUP_CONFIRMATION}; ${what}. Nothing was run.`);
      }
    },
    ...(process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR
      ? { actor: (process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR)! }
      : {}),
    ...(process.env.GITHUB_REPOSITORY ? { repository: process.env.GITHUB_REPOSITORY } : {}),
    ...(process.env.GITHUB_RUN_ID && process.env.GITHUB_REPOSITORY
      ? {
          runUrl: `${process.env.GITHUB_SERVER_URL ?? "https://github.com"}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`,
        }
      : {}),
  });
  core.setOutput("ok", String(report.ok));
  core.setOutput("exit-code", report.exitCode === undefined || report.exitCode === null ? "" : String(report.exitCode));
  core.setOutput("duration-ms", report.durationMs === undefined ? "" : String(report.durationMs));
  core.setOutput("refused", report.refused ? clean(report.refused) : "");
  core.setOutput("stamped", String(report.stampCreated === true));
  core.setOutput("report", clean(JSON.stringify(toTestDataJson(report))));
  await core.summary.addRaw(clean(summary(report))).write();
  if (report.ok) core.info(clean(headline(report)));
  else core.setFailed(clean(headline(report)));
}

void runAction(main);
