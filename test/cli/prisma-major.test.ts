// A project on a Prisma major migrate-guard does not drive (Prisma 8's release candidates, or Prisma 4) is
// refused before anything runs: exit 2 and one sentence naming the version found, the supported majors and
// where the Prisma 8 plan is. "Before anything runs": the fake Prisma CLI would leave a file behind if it
// ever ran, and the database URL points at a port where nothing listens (a connection attempt would be
// exit 1 with another message). Installed Prisma wins over package.json; package.json alone is read
// when nothing is installed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { declaredPrisma, unsupportedPrismaMessage } from "../../src/prisma/version.js";
import { cli } from "../migrate/support.js";
import { repoRoot } from "../support/project-repo.js";

const root = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-prisma-major-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RC = "8.0.0-rc.19";
const UNREACHABLE = "postgresql://app:pw@127.0.0.1:9/app";

/** The example app's schema and migrations, `prisma` declared as `declared`, and `installed` in node_modules when given. */
function project(name: string, declared: string, installed?: string): { dir: string; ran: string } {
  const dir = path.join(root, name);
  cpSync(path.join(repoRoot, "examples/app/prisma"), path.join(dir, "prisma"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true, devDependencies: { prisma: declared } }, null, 2));
  const ran = path.join(dir, "prisma-ran");
  if (installed) {
    const pkg = path.join(dir, "node_modules/prisma");
    mkdirSync(path.join(pkg, "build"), { recursive: true });
    writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: "prisma", version: installed, bin: { prisma: "build/index.js" } }),
    );
    writeFileSync(
      path.join(pkg, "build/index.js"),
      `require("node:fs").writeFileSync(${JSON.stringify(ran)}, process.argv.slice(2).join(" "));\n`,
    );
  }
  return { dir, ran };
}

function expectOneSentence(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe("a Prisma 8 project", () => {
  const { dir, ran } = project("prisma8", `^${RC}`, RC);

  test.each([
    ["verify", ["verify", "--working-directory", dir]],
    ["status", ["status", "--working-directory", dir, "--environment", "staging", "--database-url", UNREACHABLE]],
    ["deploy", ["deploy", "--working-directory", dir, "--environment", "staging", "--database-url", UNREACHABLE]],
    ["lint", ["lint", "--working-directory", dir, "--all"]],
  ])("%s exits 2 with one sentence: the version found, the supported majors, the plan", (_name, args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    const sentence = expectOneSentence(r.stderr);
    expect(sentence).toBe(
      `migrate-guard: Prisma ${RC} is installed (node_modules/prisma/package.json), but migrate-guard supports Prisma 5, 6 and 7; ` +
        "the plan for Prisma 8 and later is in docs/prisma-8.md (https://github.com/migrate-guard/migrate-guard/blob/main/docs/prisma-8.md).",
    );
    expect(existsSync(ran)).toBe(false);
  });
});

describe("the major comes from what is installed, else from package.json", () => {
  test("package.json asks for Prisma 8 and nothing is installed: refused the same way", () => {
    const { dir } = project("declared-only", RC);
    const r = cli(["verify", "--working-directory", dir]);
    expect(r.code).toBe(2);
    expect(expectOneSentence(r.stderr)).toMatch(
      new RegExp(
        `^migrate-guard: package.json asks for Prisma ${RC.replace(/\./g, "\\.")}, but migrate-guard supports Prisma 5, 6 and 7; the plan for Prisma 8 and later is in docs/prisma-8\\.md`,
      ),
    );
  });

  test("Prisma 4 installed: too old, upgrade", () => {
    const { dir, ran } = project("prisma4", "4.16.2", "4.16.2");
    const r = cli(["deploy", "--working-directory", dir, "--environment", "staging", "--database-url", UNREACHABLE]);
    expect(r.code).toBe(2);
    expect(expectOneSentence(r.stderr)).toBe(
      "migrate-guard: Prisma 4.16.2 is installed (node_modules/prisma/package.json), but migrate-guard supports Prisma 5, 6 and 7: upgrade prisma in package.json.",
    );
    expect(existsSync(ran)).toBe(false);
  });

  test("the installed version wins over the declared one (package.json says 8, node_modules holds 7: not refused for its major)", () => {
    const { dir } = project("installed-wins", RC, "7.10.1");
    const r = cli(["lint", "--working-directory", dir, "--all", "--format", "json"]);
    expect(r.stderr).not.toMatch(/supports Prisma/);
    expect(r.code).toBe(0);
  });
});

describe("declaredPrisma / unsupportedPrismaMessage", () => {
  test.each([
    ["8.0.0-rc.19", 8],
    ["^8.0.0", 8],
    ["~7.10.1", 7],
    [">=8", 8],
    ["6.x", 6],
    ["latest", undefined],
    ["workspace:*", undefined],
    ["npm:prisma@7.10.1", undefined],
    ["catalog:", undefined],
  ])("package.json prisma %p reads as major %p", (range, major) => {
    const dir = path.join(root, `declared-${range.replace(/[^a-z0-9]/gi, "_")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ dependencies: { prisma: range } }));
    expect(declaredPrisma(dir)?.major).toBe(major);
  });

  test("a package.json that is not JSON says nothing (no crash)", () => {
    const dir = path.join(root, "bad-json");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
    expect(declaredPrisma(dir)).toBeUndefined();
  });

  test("5, 6 and 7 are supported; a version that is not one is refused", () => {
    for (const version of ["5.22.0", "6.19.3", "7.10.1"]) {
      expect(unsupportedPrismaMessage({ version, major: Number(version.split(".")[0]), source: "x", installed: true })).toBeUndefined();
    }
    expect(unsupportedPrismaMessage({ version: "banana", major: Number.NaN, source: "x", installed: true })).toMatch(
      /not a version migrate-guard can read/,
    );
  });
});
