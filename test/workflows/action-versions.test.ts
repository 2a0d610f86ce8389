// Third-party actions named in this repository's workflows, examples and docs: one major version per
// action everywhere (what a team copies from the docs is what CI runs), and never a major that still
// declares `runs.using: node20` (GitHub removed Node 20 from its runners on 2026-09-16).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The first major of each action whose action.yml runs on node24 (from the actions' release notes). */
const FIRST_NODE24_MAJOR: Record<string, number> = {
  "actions/checkout": 5,
  "actions/setup-node": 5,
  "actions/cache": 5,
  "actions/upload-artifact": 6,
  "actions/download-artifact": 7,
  "github/codeql-action/upload-sarif": 4,
};

interface Pin {
  file: string;
  action: string;
  major: number;
}

function pinsIn(file: string, text: string): Pin[] {
  return [...text.matchAll(/uses:\s*["']?((?:actions|github)\/[\w./-]+)@v(\d+)\b/g)].map((m) => ({
    file,
    action: m[1]!,
    major: Number(m[2]),
  }));
}

/** Problems with a set of pins: an action at two majors, or below its first node24 major. */
function pinProblems(pins: Pin[]): string[] {
  const problems: string[] = [];
  const byAction = new Map<string, Pin[]>();
  for (const p of pins) byAction.set(p.action, [...(byAction.get(p.action) ?? []), p]);
  for (const [action, list] of byAction) {
    const majors = [...new Set(list.map((p) => p.major))].sort((a, b) => a - b);
    if (majors.length > 1) {
      problems.push(`${action} at ${majors.map((m) => `v${m}`).join(" and ")}: ${list.map((p) => `${p.file} v${p.major}`).join(", ")}`);
    }
    const floor = FIRST_NODE24_MAJOR[action];
    if (floor === undefined) problems.push(`${action}: unknown action; add its first node24 major to FIRST_NODE24_MAJOR`);
    for (const p of list)
      if (floor !== undefined && p.major < floor) problems.push(`${p.file}: ${action}@v${p.major} runs on node20 (use v${floor} or later)`);
  }
  return problems;
}

const files = (dir: string, ext: RegExp) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => ext.test(f))
    .map((f) => `${dir}/${f}`);

describe("third-party actions we name", () => {
  const all = [
    ...files(".github/workflows", /\.ya?ml$/),
    ...files("examples/workflows", /\.ya?ml$/),
    ...files("docs", /\.md$/),
    "README.md",
  ].flatMap((f) => pinsIn(f, readFileSync(path.join(ROOT, f), "utf8")));

  it("finds them", () => {
    expect(new Set(all.map((p) => p.action))).toEqual(
      new Set([
        "actions/cache",
        "actions/checkout",
        "actions/setup-node",
        "actions/upload-artifact",
        "actions/download-artifact",
        "github/codeql-action/upload-sarif",
      ]),
    );
  });

  it("are at one node24 major each, in workflows, examples and docs alike", () => {
    expect(pinProblems(all)).toEqual([]);
  });

  it("reports two majors of one action and a node20 major", () => {
    const pins = [
      ...pinsIn("a.yml", "steps:\n  - uses: actions/checkout@v7\n  - uses: actions/upload-artifact@v4\n"),
      ...pinsIn("b.md", "      - uses: 'actions/checkout@v4'\n"),
    ];
    expect(pinProblems(pins)).toEqual([
      "actions/checkout at v4 and v7: a.yml v7, b.md v4",
      "b.md: actions/checkout@v4 runs on node20 (use v5 or later)",
      "a.yml: actions/upload-artifact@v4 runs on node20 (use v6 or later)",
    ]);
  });
});
