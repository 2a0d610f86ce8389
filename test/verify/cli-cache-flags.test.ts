// The CLI's cache flags: contradictions and empty values are usage errors, before anything starts.
import { describe, expect, test } from "@jest/globals";
import { PassThrough } from "node:stream";
import { verifyCommand } from "../../src/cli/verify-command.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";

const io = () => ({ stdout: new PassThrough(), logger: new RecordingLogger(), color: false });

describe("migrate-guard verify --cache-dir / --no-cache", () => {
  test("both at once is a usage error naming both flags", async () => {
    await expect(verifyCommand(["--no-cache", "--cache-dir", "/tmp/x"], io())).rejects.toThrow(
      new ConfigurationError("--cache-dir and --no-cache contradict each other. Expected one of them."),
    );
  });
  test("an empty --cache-dir is a usage error with an example", async () => {
    await expect(verifyCommand(["--cache-dir", " "], io())).rejects.toThrow(
      /Invalid --cache-dir "". Expected a directory, e.g. --cache-dir .cache\/migrate-guard./,
    );
  });
  test("--help documents both", async () => {
    const out = io();
    let text = "";
    out.stdout.on("data", (d: Buffer) => {
      text += d.toString();
    });
    expect(await verifyCommand(["--help"], out)).toBe(0);
    expect(text).toContain("--cache-dir DIR");
    expect(text).toContain("--no-cache");
  });
});
