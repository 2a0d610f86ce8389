// "Never crash, always report": a failure inside one check (injected here into the drift check) fails
// that check with an internal-error finding, every other check still reports, and `verify --json`
// prints its whole document with exit 1 — through the CLI command, a real cluster and the real Prisma.
import { describe, expect, jest, test } from "@jest/globals";
import { Writable } from "node:stream";

jest.unstable_mockModule("../../src/verify/drift-run.js", () => ({
  runDriftCheck: async () => {
    throw new Error("injected failure: the catalog could not be read");
  },
}));

const { verifyCommand } = await import("../../src/cli/verify-command.js");
const { RecordingLogger } = await import("../../src/core/logger.js");
const { exampleApp } = await import("../support/project-repo.js");

describe("verify never crashes", () => {
  test("an injected failure in the drift check: drift fails with internal-error, the others report, --json prints its document", async () => {
    let out = "";
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const code = await verifyCommand(["--working-directory", exampleApp, "--json", "--no-cache"], {
      stdout,
      logger: new RecordingLogger(),
      color: false,
    });
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      ok: boolean;
      checks: { id: string; status: string; findings: { rule: string; severity: string; message: string }[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["lock-file", "pass"],
      ["naming", "pass"],
      ["order", "skip"],
      ["history", "skip"],
      ["lint", "skip"],
      ["apply", "pass"],
      ["timing", "pass"],
      ["drift", "fail"],
    ]);
    const drift = report.checks.find((c) => c.id === "drift")!;
    expect(drift.findings).toEqual([expect.objectContaining({ rule: "internal-error", severity: "error" })]);
    expect(drift.findings[0]!.message).toContain("the drift check failed: injected failure: the catalog could not be read");
    expect(drift.findings[0]!.message).toContain("re-run");
  });
});
