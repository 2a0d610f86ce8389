// The README and the docs a team finds their way in: the README stays short (≤ 250 lines), every relative
// link in README.md and docs/**/*.md resolves to a file in the repository (and its #fragment to a heading,
// with GitHub's anchor rules), and the workflows the README tells people to paste are valid workflows that
// call this repository's reusable workflows with inputs they declare (@actions/workflow-parser).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";
import { repoRoot } from "../support/project-repo.js";

const SELF_REPO = "migrate-guard/migrate-guard";
const read = (rel: string) => readFileSync(path.join(repoRoot, rel), "utf8");

function markdownFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(`${dir}/${e.name}`) : e.name.endsWith(".md") ? [`${dir}/${e.name}`] : [],
  );
}
const pages = ["README.md", ...markdownFiles("docs")].sort();

/** The text outside fenced code blocks. */
const unfenced = (markdown: string) => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
/** ... and outside inline code spans (links there are not links). */
const prose = (markdown: string) => unfenced(markdown).replace(/`[^`\n]*`/g, "");

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of unfenced(markdown).split("\n")) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

function links(markdown: string): string[] {
  const text = prose(markdown);
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!);
}

describe("README.md", () => {
  test("is at most 250 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });

  test("links the reference pages under docs/", () => {
    const targets = links(read("README.md"));
    for (const page of [
      "verify",
      "lint",
      "migrate",
      "rollback",
      "gate",
      "test-data",
      "postgres",
      "cli",
      "prisma-8",
      "drift",
      "cache",
      "postgres-versions",
      "conformance",
      "stats",
    ]) {
      expect([page, targets.includes(`docs/${page}.md`)]).toEqual([page, true]);
    }
  });
});

describe.each(pages)("%s", (page) => {
  const markdown = read(page);
  const relative = links(markdown).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));

  test("every relative link resolves (files, folders and #headings)", () => {
    const broken: string[] = [];
    for (const target of relative) {
      const [file, fragment] = target.split("#", 2) as [string, string | undefined];
      const resolved =
        file === "" ? path.join(repoRoot, page) : path.resolve(path.dirname(path.join(repoRoot, page)), decodeURIComponent(file));
      if (!resolved.startsWith(repoRoot + path.sep) || !existsSync(resolved)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (fragment && resolved.endsWith(".md") && statSync(resolved).isFile() && !anchors(readFileSync(resolved, "utf8")).has(fragment)) {
        broken.push(`${target}: no heading #${fragment} in ${path.relative(repoRoot, resolved)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("the anchor rules", () => {
  test("match GitHub's for the headings used here", () => {
    const a = anchors(
      "# Migrations per environment\n## Everyday CLI: init, env files, local PostgreSQL\n## CLI\n## CLI\n```\n# not a heading\n```\n### `code` and [link](x.md)\n",
    );
    expect([...a]).toEqual(["migrations-per-environment", "everyday-cli-init-env-files-local-postgresql", "cli", "cli-1", "code-and-link"]);
  });

  test("a link to a missing file or heading is found", () => {
    expect(links("see [a](docs/nope.md) and `[b](c.md)` and\n```\n[d](e.md)\n```\n")).toEqual(["docs/nope.md"]);
  });
});

describe("the workflows the README says to paste", () => {
  const blocks = [...read("README.md").matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((y) => /^jobs:/m.test(y));
  /** `uses: migrate-guard/migrate-guard/<path>@<ref>` is this checkout, so `with:` is checked against its inputs. */
  const fileProvider = {
    async getFileContent(ref: { path: string; owner?: string; repository?: string }) {
      if ("owner" in ref && `${ref.owner}/${ref.repository}` !== SELF_REPO)
        throw new Error(`not this repository: ${ref.owner}/${ref.repository}`);
      return { name: ref.path, content: read(ref.path) };
    },
  };

  test("there are three: verify, migrate, promote", () => {
    expect(blocks.map((b) => /uses: migrate-guard\/migrate-guard\/\.github\/workflows\/([a-z-]+)\.yml@v1/.exec(b)?.[1])).toEqual([
      "verify-migrations",
      "migrate",
      "promote",
    ]);
  });

  test.each([0, 1, 2])("block %i is a valid workflow and passes only declared inputs", async (i) => {
    const parsed = parseWorkflow({ name: `README-${i}.yml`, content: blocks[i]! }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, fileProvider, { fetchReusableWorkflowDepth: 1 });
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });
});
