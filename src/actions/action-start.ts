// The few runner commands an action entry needs before its bundle is loaded: read an input, mask a
// secret, fail the step. @actions/core's index loads its HTTP client (undici) at import, ~100 ms of a
// cold start spent before the first input can be read; these are the documented workflow-command
// forms it writes (https://docs.github.com/actions/reference/workflow-commands-for-github-actions),
// so an entry validates its inputs at once and loads the rest while it starts working.
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

/** `core.getInput` without options: INPUT_<NAME> (spaces as underscores, upper case), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

// As @actions/core's command.ts escapes a command's data.
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** `core.setSecret`: the runner masks `value` in every later log line. */
export function setSecret(value: string): void {
  process.stdout.write(`::add-mask::${escapeData(value)}\n`);
}

/** `core.setFailed` for an error that happens before the bundle is loaded. */
export function failStep(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.exitCode = 1;
  process.stdout.write(`::error::${escapeData(redact(message))}\n`);
  if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack && process.env.RUNNER_DEBUG === "1") {
    process.stdout.write(`::debug::${escapeData(redact(error.stack))}\n`);
  }
}

/** Boolean inputs the way GitHub documents them (true/false, any case); anything else is a mistake. */
export function booleanInput(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new ConfigurationError(`Input "${name}" is "${value}". Expected true or false.`);
}

/** The Logger of action-runtime.ts (`actionsLogger`) in the same workflow commands, without @actions/core. */
export const runnerLogger: Logger = {
  info: (message) => void process.stdout.write(`${redact(message)}\n`),
  warning: (message) => void process.stdout.write(`::warning::${escapeData(redact(message))}\n`),
  error: (message) => void process.stdout.write(`::error::${escapeData(redact(message))}\n`),
  debug: (message) => void process.stdout.write(`::debug::${escapeData(redact(message))}\n`),
};
