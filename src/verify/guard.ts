// "Never crash, always report": a failure inside one check fails that check with an `internal-error`
// finding that says what failed and what to do; the other checks still report.
import { ConfigurationError, redact } from "../core/errors.js";
import type { CheckId, CheckResult } from "../core/report.js";

export const CHECK_ORDER: readonly CheckId[] = ["lock-file", "naming", "order", "history", "lint", "apply", "timing", "drift"];

export function internalError(id: CheckId, what: string, error: unknown, secrets: readonly string[] = []): CheckResult {
  const text = redact(error instanceof Error ? error.message : String(error), secrets)
    .trim()
    .split("\n")
    .slice(0, 12)
    .join("\n");
  return {
    id,
    status: "fail",
    summary: `${what} failed inside migrate-guard`,
    findings: [
      {
        rule: "internal-error",
        severity: "error",
        message:
          `${what} failed: ${text}. This is a failure of the check itself, not a verdict on your migrations: re-run the job; if it fails again, ` +
          "run `migrate-guard verify` locally with MIGRATE_GUARD_DEBUG=1 and report the message (the other checks above still ran).",
      },
    ],
  };
}

/** Runs one check; any failure but bad input (ConfigurationError, exit 2) becomes its internal-error result. */
export async function guarded(
  id: CheckId,
  what: string,
  run: () => CheckResult | Promise<CheckResult>,
  secrets: readonly string[] = [],
): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    return internalError(id, what, error, secrets);
  }
}

/** The checks in their report order; a check that never ran (a failure before it) is an internal error. */
export function completeChecks(checks: readonly CheckResult[], failure: unknown, secrets: readonly string[] = []): CheckResult[] {
  const have = new Map(checks.map((c) => [c.id, c]));
  return CHECK_ORDER.map((id) => have.get(id) ?? internalError(id, `verify (before the ${id} check could run)`, failure, secrets));
}
