// The verify report's "Schema change" section inside the whole Markdown (PR comment, job summary,
// verify --markdown): where it goes, what it says without a picture, and how it shrinks to fit.
import { readFileSync } from "node:fs";
import type { SchemaChange, TableChange } from "../core/schema-change.js";
import { aHugeReport, aReport } from "../../test/support/report-builders.js";
import { mermaidBlocks, parseMermaid } from "../../test/support/mermaid-parse.js";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

const table = (name: string, status: TableChange["status"], columns = 3): TableChange => ({
  schema: "public",
  name,
  status,
  touched: status !== "unchanged",
  notes: [],
  columns: Array.from({ length: columns }, (_, i) => ({
    name: `column_${i}`,
    type: "character varying(191)",
    status: status === "unchanged" ? "unchanged" : status,
    primaryKey: i === 0,
    foreignKey: false,
    unique: false,
  })),
});
const change = (tables: TableChange[]): SchemaChange => ({ tables, relations: [] });

test("the section comes after the findings and before the migrations, with a diagram Mermaid parses", async () => {
  const md = renderMarkdown(aReport({ schemaChange: { change: change([table("Comment", "added"), table("Legacy", "dropped")]) } }));
  const at = (text: string) => md.indexOf(text);
  expect(at("### Schema change")).toBeGreaterThan(at("| Check |"));
  expect(at("### Schema change")).toBeLessThan(at("### Migrations"));
  const [block] = mermaidBlocks(md);
  await expect(parseMermaid(block!)).resolves.toBe("er");
  expect(block).toContain('varchar_191 column_1 "-"');
  expect(md).toContain("- **added**: `Comment`\n- **dropped**: `Legacy`");
});

test("without a picture it says why; with nothing touched it says so; without a base ref there is no section", () => {
  expect(
    renderMarkdown(aReport({ schemaChange: { missing: "the migrations did not apply, so there is no migrated state to compare" } })),
  ).toContain("### Schema change\n\n_Not drawn: the migrations did not apply, so there is no migrated state to compare._");
  expect(renderMarkdown(aReport({ schemaChange: { change: change([]) } }))).toContain(
    "_The new migrations change no table, column, key or index._",
  );
  expect(renderMarkdown(aReport())).not.toContain("### Schema change");
});

test("in a report too big for a comment the diagram shrinks (or goes, saying so) and the comment still fits", async () => {
  const big = change(Array.from({ length: 40 }, (_, i) => table(`table_${i}`, "added", 60)));
  const full = renderMarkdown(aReport({ schemaChange: { change: big } }), { maxLength: 1_000_000 });
  expect(full.match(/^ {2}table_\d+ \{$/gm)).toHaveLength(12);
  expect(full).toContain("_… and 28 more tables not drawn:");
  const huge = renderMarkdown({ ...aHugeReport(), schemaChange: { change: big } });
  expect(huge.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  const blocks = mermaidBlocks(huge);
  if (blocks.length === 0) expect(huge).toContain("_The diagram of 40 tables was omitted to fit GitHub's size limit._");
  for (const block of blocks) await expect(parseMermaid(block)).resolves.toBe("er");
});

test("the terminal report names the touched tables in one line and points at --markdown", () => {
  const text = renderText(
    aReport({ schemaChange: { change: change([table("Comment", "added"), table("Legacy", "dropped"), table("Post", "unchanged")]) } }),
  );
  expect(text).toContain("\nschema change: added Comment; dropped Legacy (diagram: --markdown FILE)\n");
  expect(renderText(aReport())).not.toContain("schema change");
});

test("the examples in docs/report.md are what Mermaid parses", async () => {
  const blocks = mermaidBlocks(readFileSync(new URL("../../docs/report.md", import.meta.url), "utf8"));
  expect(blocks).toHaveLength(2);
  await expect(Promise.all(blocks.map(parseMermaid))).resolves.toEqual(["er", "gantt"]);
});
