// --json always prints a document: a command stopped by bad input (exit 2) or by a failure before its
// own report (exit 1) still writes one JSON document to stdout, with no secret in it.
import { jest } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("--json on a command that stops before its report", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "mg-json-errors-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("bad input: exit 2 and a configuration document", async () => {
    const r = await run(["verify", "--working-directory", path.join(dir, "missing-app"), "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, error: { kind: "configuration", exitCode: 2 } });
    expect(doc.error.message).toMatch(/missing-app/);
  });

  test("the database URL of a bad input never appears in the document", async () => {
    const secret = "postgresql://admin:s3cretPassw0rd@db.internal:5432/prod";
    const r = await run([
      "status",
      "--environment",
      "staging",
      "--database-url",
      secret,
      "--working-directory",
      path.join(dir, "missing-app"),
      "--json",
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    expect(r.stdout + r.stderr).not.toContain("s3cretPassw0rd");
  });

  test("without --json nothing is written to stdout", async () => {
    const r = await run(["verify", "--working-directory", path.join(dir, "missing-app")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^migrate-guard: /);
  });
});
