// The CLI's everyday surface: `--help` for every command (exit 0, with examples) through the built bin,
// every command of main.ts in the help table; env files (--env-file, the automatic .env.<environment>)
// and their precedence, with values never logged; typed confirmations that ask at a terminal and
// refuse at once without one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, test } from "@jest/globals";
import { environmentEnvFile, loadEnvFiles } from "../../src/cli/env-files.js";
import { COMMANDS } from "../../src/cli/help.js";
import { confirmTyped, type PromptIo } from "../../src/cli/prompt.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { cli } from "../migrate/support.js";
import { repoRoot } from "../support/project-repo.js";

describe("--help", () => {
  test("every `case` of main.ts has an entry in the help table", () => {
    const source = readFileSync(path.join(repoRoot, "src/cli/main.ts"), "utf8");
    const cases = [...source.matchAll(/case "([a-z][a-z-]*)":/g)].map((m) => m[1]!);
    const notCommands = new Set(["dev", "reset", "push", "db-push", "execute", "db-execute", "help"]);
    const missing = cases.filter((c) => !notCommands.has(c) && !COMMANDS.some((h) => h.name === c));
    expect(missing).toEqual([]);
  });

  test("migrate-guard --help lists every command", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS)
      expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
  });

  test.each(COMMANDS.map((c) => c.name))("migrate-guard %s --help: usage, examples, common options, exit 0", (name) => {
    const r = cli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`migrate-guard ${name}`);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n(.*\\n)*\\s+migrate-guard ${name} `));
    expect(r.stdout).toContain("--env-file FILE");
    expect(r.stderr).toBe("");
  });

  test("-h after `--` belongs to the wrapped command, not to migrate-guard", () => {
    const r = cli(["local", "begin", "--", "-h"]);
    expect(r.code).toBe(2);
  });
});

describe("env files", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-env-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SECRET = "pw-Zebra-4417";
  writeFileSync(
    path.join(dir, ".env.staging"),
    `# staging\nDATABASE_URL="postgresql://app:${SECRET}@staging.db:5432/app"\nONLY_AUTO=auto\nSHARED=auto\n`,
  );
  writeFileSync(path.join(dir, "a.env"), "SHARED=a\nFROM_A=a\n");
  writeFileSync(path.join(dir, "b.env"), "SHARED=b\n");

  test(".env.<environment> is read when --environment is given; it overrides the shell, with a warning that shows no value", () => {
    const env: NodeJS.ProcessEnv = { DATABASE_URL: "postgresql://me@localhost/dev" };
    const logger = new RecordingLogger();
    const result = loadEnvFiles(["--environment", "Staging", "--json"], { env, cwd: dir, logger });
    expect(result.argv).toEqual(["--environment", "Staging", "--json"]);
    expect(env.DATABASE_URL).toBe(`postgresql://app:${SECRET}@staging.db:5432/app`);
    expect(logger.text()).toContain("info: Loaded .env.staging (DATABASE_URL, ONLY_AUTO, SHARED).");
    expect(logger.text()).toContain("warning: .env.staging sets DATABASE_URL, overriding the value in the environment");
    expect(logger.text()).not.toContain(SECRET);
    expect(logger.text()).not.toContain("localhost");
  });

  test("an env file cannot set who runs, on which commit, with which token (GITHUB_*, RUNNER_*, ACTIONS_*, CI)", () => {
    writeFileSync(
      path.join(dir, "identity.env"),
      "GITHUB_TRIGGERING_ACTOR=mallory\nGITHUB_TOKEN=ghp_fromfile\nRUNNER_TEMP=/x\nACTIONS_STEP_DEBUG=true\nCI=false\nAPP_SETTING=kept\n",
    );
    const env: NodeJS.ProcessEnv = { GITHUB_TRIGGERING_ACTOR: "octocat", CI: "true" };
    const logger = new RecordingLogger();
    loadEnvFiles(["--env-file", "identity.env"], { env, cwd: dir, logger });
    expect(env).toEqual({ GITHUB_TRIGGERING_ACTOR: "octocat", CI: "true", APP_SETTING: "kept" });
    expect(logger.text()).toContain("identity.env sets GITHUB_TRIGGERING_ACTOR; ignored");
    expect(logger.text()).not.toContain("ghp_fromfile");
    expect(logger.text()).not.toContain("mallory");
  });

  test("--env-file files beat .env.<environment>, a later file an earlier one; the flags are removed from argv", () => {
    const env: NodeJS.ProcessEnv = {};
    const result = loadEnvFiles(["status", "--env-file", "a.env", "--environment=staging", "--env-file=b.env"], { env, cwd: dir });
    expect(result.argv).toEqual(["status", "--environment=staging"]);
    expect(env).toMatchObject({ SHARED: "b", FROM_A: "a", ONLY_AUTO: "auto" });
    expect(result.loaded.map((l) => path.basename(l.file))).toEqual(["b.env", "a.env", ".env.staging"]);
  });

  test("--working-directory is where .env.<environment> is looked for; a missing automatic file is no error", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(
      loadEnvFiles(["--environment", "staging", "--working-directory", path.basename(dir)], { env, cwd: path.dirname(dir) }).loaded,
    ).toHaveLength(1);
    expect(loadEnvFiles(["--environment", "production"], { env: {}, cwd: dir }).loaded).toEqual([]);
  });

  test("a missing --env-file, or one without a name, is a usage error", () => {
    expect(() => loadEnvFiles(["--env-file", "nope.env"], { env: {}, cwd: dir })).toThrow(ConfigurationError);
    expect(() => loadEnvFiles(["--env-file"], { env: {}, cwd: dir })).toThrow("--env-file needs a file name");
    expect(() => loadEnvFiles(["--env-file", "--json"], { env: {}, cwd: dir })).toThrow("--env-file needs a file name");
  });

  test("arguments after `--` are left alone", () => {
    const env: NodeJS.ProcessEnv = {};
    const r = loadEnvFiles(["exec", "--", "tool", "--env-file", "x", "--environment", "staging"], { env, cwd: dir });
    expect(r.argv).toEqual(["exec", "--", "tool", "--env-file", "x", "--environment", "staging"]);
    expect(r.loaded).toEqual([]);
  });

  test("environment names become safe file names", () => {
    expect(environmentEnvFile(" Production ")).toBe(".env.production");
    expect(environmentEnvFile("EU West/1")).toBe(".env.eu-west-1");
    expect(environmentEnvFile("../..")).toBe(".env.environment");
  });

  test("through the CLI: an explicit flag beats .env.staging (the flag's database is the one named)", () => {
    // Both URLs point at closed ports; the error names which one was used (host and port, never a password).
    writeFileSync(path.join(dir, ".env.production"), `DATABASE_URL=postgresql://u:${SECRET}@127.0.0.1:9/fromfile\n`);
    const fromFile = cli(["backup", "--environment", "production", "--working-directory", dir], {
      env: { DATABASE_URL: "postgresql://u:x@127.0.0.1:9/fromshell" },
    });
    expect(fromFile.stdout + fromFile.stderr).toContain("127.0.0.1:9/fromfile");
    expect(fromFile.stdout + fromFile.stderr).not.toContain(SECRET);
    const flag = cli([
      "backup",
      "--environment",
      "production",
      "--working-directory",
      dir,
      "--database-url",
      "postgresql://u:x@127.0.0.1:9/fromflag",
    ]);
    expect(flag.stdout + flag.stderr).toContain("127.0.0.1:9/fromflag");
  });
});

describe("typed confirmations", () => {
  function io(tty: boolean, env: NodeJS.ProcessEnv = {}): PromptIo & { input: PassThrough; output: PassThrough } {
    const input = Object.assign(new PassThrough(), { isTTY: tty });
    const output = Object.assign(new PassThrough(), { isTTY: tty });
    return { input, output, env };
  }
  const request = { action: "Deleting the test data", expected: "DELETE", flag: "--confirm" };

  test("without a terminal, or in CI, a missing confirmation is refused at once with the flag to pass", async () => {
    await expect(confirmTyped({ ...request, given: undefined }, io(false))).rejects.toThrow(
      "must be confirmed: pass --confirm DELETE (no terminal to ask at)",
    );
    await expect(confirmTyped({ ...request, given: undefined }, io(true, { CI: "true" }))).rejects.toThrow("pass --confirm DELETE");
  });

  test("the flag's value is checked exactly", async () => {
    await expect(confirmTyped({ ...request, given: "DELETE" }, io(false))).resolves.toBeUndefined();
    await expect(confirmTyped({ ...request, given: "delete" }, io(false))).rejects.toThrow('the confirmation was "delete"');
  });

  test("at a terminal it asks, and goes on only for the exact word", async () => {
    const yes = io(true);
    const asked = confirmTyped({ ...request, given: undefined }, yes);
    yes.input.write("DELETE\n");
    await expect(asked).resolves.toBeUndefined();
    expect(yes.output.read()?.toString()).toContain("Deleting the test data. Type DELETE to go on: ");

    const no = io(true);
    const refused = confirmTyped({ ...request, given: undefined }, no);
    no.input.write("yes\n");
    await expect(refused).rejects.toThrow('Not confirmed (typed "yes", expected DELETE)');
  });
});
