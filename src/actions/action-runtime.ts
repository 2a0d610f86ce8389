// What every action entry shares: a Logger over @actions/core, and the one try/catch that turns an
// escaped error into a failed step (a ConfigurationError as its message alone, anything else with its
// stack at debug level). Secrets never reach the log: URLs are redacted.
import * as core from "@actions/core";
import { ConfigurationError, redact } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

export const actionsLogger: Logger = {
  info: (message) => core.info(redact(message)),
  warning: (message) => core.warning(redact(message)),
  error: (message) => core.error(redact(message)),
  debug: (message) => core.debug(redact(message)),
};

export async function runAction(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(redact(error.message));
    } else {
      const err = error instanceof Error ? error : new Error(String(error));
      core.setFailed(redact(err.message));
      if (err.stack) core.debug(redact(err.stack));
    }
  }
}

// Lives in action-start.ts, which entries can import without loading @actions/core.
export { booleanInput } from "./action-start.js";
