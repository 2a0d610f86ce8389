// annotate() in a child process, asserting the workflow commands the runner actually parses.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Finding } from "../../src/core/report.js";
import { annotate } from "../../src/github/annotations.js";
import { aFinding } from "../support/report-builders.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));

/** Runs annotate() with real @actions/core in a fresh process and returns its workflow-command lines. */
async function annotateInChild(findings: Finding[], options: { max?: number } = {}): Promise<string[]> {
  const script = [
    'import { annotate } from "./src/github/annotations.ts";',
    "annotate(JSON.parse(process.env.FINDINGS ?? '[]'), JSON.parse(process.env.OPTIONS ?? '{}'));",
  ].join("\n");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    FINDINGS: JSON.stringify(findings),
    OPTIONS: JSON.stringify(options),
  };
  const { stdout } = await run(`${root}node_modules/.bin/tsx`, ["--input-type=module", "-e", script], { cwd: root, env });
  return stdout.split(/\r?\n/).filter((line) => line.startsWith("::"));
}

describe("annotate", () => {
  it("emits ::error/::warning/::notice commands with file, line, column and rule as title", async () => {
    const lines = await annotateInChild([
      aFinding({ rule: "generic-name", message: "Generic name", file: "prisma/migrations/1_x/migration.sql", line: 3, column: 7 }),
      aFinding({
        rule: "long-lock",
        message: "Takes an\nACCESS EXCLUSIVE lock, 100%",
        severity: "warning",
        file: "prisma/migrations/2_y/migration.sql",
        line: 12,
      }),
      aFinding({ rule: "drift", message: "Schema drift", severity: "notice", file: undefined, line: undefined }),
    ]);
    expect(lines).toEqual([
      "::error title=generic-name,file=prisma/migrations/1_x/migration.sql,line=3,col=7::Generic name",
      "::warning title=long-lock,file=prisma/migrations/2_y/migration.sql,line=12::Takes an%0AACCESS EXCLUSIVE lock, 100%25",
      "::notice title=drift::Schema drift",
    ]);
  });

  it("emits errors first, at most 10 per type, and one closing notice with what was not shown", async () => {
    const findings = [
      ...Array.from({ length: 3 }, (_, i) => aFinding({ severity: "notice", message: `n${i}`, line: i + 1 })),
      ...Array.from({ length: 12 }, (_, i) => aFinding({ severity: "warning", message: `w${i}`, line: i + 1 })),
      ...Array.from({ length: 15 }, (_, i) => aFinding({ severity: "error", message: `e${i}`, line: i + 1 })),
    ];
    const lines = await annotateInChild(findings);
    const kinds = lines.map((l) => /^::(\w+)/.exec(l)![1]);
    expect(kinds).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning"), ...Array(3).fill("notice"), "notice"]);
    expect(lines[0]).toMatch(/^::error title=generic-name,file=prisma\/migrations\/20240101000000_migration\/migration.sql,line=1::e0$/);
    expect(lines.at(-1)).toBe(
      "::notice title=More migrate-guard findings::7 more migrate-guard findings were not shown as annotations (5 errors, 2 warnings); GitHub shows only 10 per type per step. See the job summary for all of them.",
    );
  });
});

describe("annotate (in process, with a recording sink)", () => {
  function record() {
    const calls: { type: string; message: string; title?: string }[] = [];
    const push = (type: string) => (message: string, props?: { title?: string }) =>
      calls.push({ type, message, ...(props?.title ? { title: props.title } : {}) });
    return { calls, sink: { error: push("error"), warning: push("warning"), notice: push("notice") } };
  }

  it("keeps a notice slot for the closing notice when notices overflow", () => {
    const { calls, sink } = record();
    const result = annotate(
      Array.from({ length: 12 }, (_, i) => aFinding({ severity: "notice", message: `n${i}` })),
      { sink },
    );
    expect(result).toEqual({ shown: 9, hidden: 3 });
    expect(calls).toHaveLength(10);
    expect(calls.at(-1)!.message).toMatch(/^3 more migrate-guard findings were not shown as annotations \(3 notices\)/);
  });

  it("honours a smaller max and emits no closing notice when everything fits", () => {
    const { calls, sink } = record();
    expect(annotate([aFinding(), aFinding({ severity: "warning" })], { sink, max: 9 })).toEqual({ shown: 2, hidden: 0 });
    expect(calls.map((c) => c.type)).toEqual(["error", "warning"]);
    const few = record();
    expect(
      annotate(
        Array.from({ length: 3 }, () => aFinding()),
        { sink: few.sink, max: 2 },
      ),
    ).toEqual({ shown: 2, hidden: 1 });
    expect(few.calls.at(-1)!.message).toContain("GitHub shows only 2 per type per step");
  });
});
