// Every input of the lint action, read and validated in one place.
import * as core from "@actions/core";
import { ConfigurationError } from "../../core/errors.js";
import type { ActionsContext } from "../../github/context.js";
import { FAIL_ON, type FailOn } from "../../lint/report.js";
import { booleanInput } from "../action-runtime.js";
import { statsInputs, type StatsFileOptions } from "../../stats/inputs.js";

export interface LintActionSettings {
  workingDirectory: string;
  schema?: string;
  baseRef?: string;
  all: boolean;
  eachMigration: boolean;
  /** .sql files to lint instead of a Prisma project's migrations. */
  files: string[];
  failOn: FailOn;
  sarifFile?: string;
  annotations: boolean;
  /** `stats-file` and its thresholds. */
  stats?: StatsFileOptions;
}

export function readInputs(
  context: ActionsContext,
  getInput: (name: string) => string = (name) => core.getInput(name),
): LintActionSettings {
  const text = (name: string) => getInput(name).trim() || undefined;
  const failOn = (text("fail-on") ?? "error") as FailOn;
  if (!FAIL_ON.includes(failOn))
    throw new ConfigurationError(`Input "fail-on" is "${getInput("fail-on")}". Expected one of: ${FAIL_ON.join(", ")}.`);
  const files = (text("files") ?? "")
    .split(/[\n,]/)
    .map((f) => f.trim())
    .filter(Boolean);
  const baseRef = text("base-ref") ?? context.pullRequest?.baseSha;
  const schema = text("schema");
  const sarifFile = text("sarif-file");
  const stats = statsInputs(text);
  return {
    workingDirectory: text("working-directory") ?? ".",
    ...(schema ? { schema } : {}),
    ...(baseRef && files.length === 0 ? { baseRef } : {}),
    all: booleanInput("all", getInput("all"), false),
    eachMigration: booleanInput("each-migration", getInput("each-migration"), false),
    files,
    failOn,
    ...(sarifFile ? { sarifFile } : {}),
    annotations: booleanInput("annotations", getInput("annotations"), true),
    ...(stats ? { stats } : {}),
  };
}
