import { aCheck, aDrift, aFinding, aHugeReport, aMigration, aReport } from "../../test/support/report-builders.js";
import { DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT, renderMarkdown } from "./markdown.js";

/** Cells of a table row, splitting only on unescaped pipes (what GFM does). */
function cellCount(line: string): number {
  return line.split(/(?<!\\)\|/).length;
}

/** Every table row has as many cells as its header, i.e. nothing was cut mid-row or broken by content. */
function expectWellFormedTables(markdown: string): void {
  let expected: number | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      expected = undefined;
      continue;
    }
    expected ??= cellCount(line);
    expect({ line, cells: cellCount(line) }).toEqual({ line, cells: expected });
    expect(line.endsWith("|")).toBe(true);
  }
}

function expectBalancedBlocks(markdown: string): void {
  expect(markdown.split("<details>").length).toBe(markdown.split("</details>").length);
  const fences = markdown.split("\n").filter((l) => /^`{3,}/.test(l));
  expect(fences.length % 2).toBe(0);
}

describe("renderMarkdown", () => {
  it("renders a passing report: headline, checks table, migrations, footer", () => {
    const md = renderMarkdown(aReport(), { runUrl: "https://github.com/o/r/actions/runs/42" });
    expect(md).toMatch(/^## ✅ migrate-guard: 3 checks \(3 passed\)\n/);
    expect(md).toContain("0 errors · 0 warnings · 2 migrations applied");
    expect(md).toContain("| ✅ | `lock-file` | lock-file looked at 3 migrations | 0 |");
    expect(md).not.toContain("### Findings");
    expect(md).toContain("| `20240101000000_init` | 120 ms |");
    expect(md).not.toContain("Schema drift");
    expect(md).toContain("[workflow run](https://github.com/o/r/actions/runs/42)");
    expect(md).toContain("Prisma 6.1.0 · PostgreSQL 16.4");
    expectWellFormedTables(md);
  });

  it("says when the server was fetched from npm, and why it was chosen when production's major is unknown", () => {
    const fetched = renderMarkdown(
      aReport({ postgresVersion: "13.23", postgresServer: { major: 13, version: "13.23", source: "npm", fetchMs: 2800, readyMs: 6600 } }),
    );
    expect(fetched).toContain("PostgreSQL 13.23 (from npm, fetched in 2.8 s)");
    expect(fetched).not.toContain("[!NOTE]");
    const noted = renderMarkdown(
      aReport({
        postgresVersion: "15.18",
        postgresServer: {
          major: 15,
          version: "15.18",
          source: "installed",
          readyMs: 500,
          note: "production's PostgreSQL major is unknown",
        },
      }),
    );
    expect(noted).toContain("> [!NOTE]\n> production's PostgreSQL major is unknown\n");
    expect(noted).toMatch(/· PostgreSQL 15\.18<\/sub>/);
  });

  it("uses the title option in the headline", () => {
    expect(renderMarkdown(aReport(), { title: "Migrations <main>" })).toMatch(/^## ✅ Migrations &lt;main&gt;: /);
  });

  it("renders a failing report with findings grouped by check, errors first, with file:line", () => {
    const report = aReport({
      checks: [
        aCheck("naming", [
          aFinding({ severity: "warning", rule: "long-name", message: "Name is long", line: 7 }),
          aFinding({ message: "Name is generic", file: "prisma/migrations/a/migration.sql", line: 3 }),
        ]),
        aCheck("history", [aFinding({ rule: "edited-migration", message: "Edited after merge", file: undefined, line: undefined })]),
        aCheck("apply"),
      ],
    });
    const md = renderMarkdown(report);
    expect(md).toMatch(/^## ❌ migrate-guard: 3 checks \(2 failed, 1 passed\)/);
    expect(md).toContain("2 errors · 1 warning");
    expect(md).toContain("| ❌ | `naming` | naming looked at 3 migrations | 2 |");
    const naming = md.indexOf("**❌ `naming`** (2)");
    const history = md.indexOf("**❌ `history`** (1)");
    expect(naming).toBeGreaterThan(md.indexOf("### Findings"));
    expect(history).toBeGreaterThan(naming);
    const generic = md.indexOf("- ❌ `prisma/migrations/a/migration.sql:3` — Name is generic (`generic-name`)");
    const long = md.indexOf("- ⚠️ `prisma/migrations/20240101000000_migration/migration.sql:7` — Name is long (`long-name`)");
    expect(generic).toBeGreaterThan(naming);
    expect(long).toBeGreaterThan(generic);
    expect(md).toContain("- ❌ Edited after merge (`edited-migration`)");
  });

  it("flags slow migrations with a tortoise and formats durations", () => {
    const md = renderMarkdown(
      aReport({ migrations: [aMigration("fast", 12), aMigration("slow_one", 12_345, true), aMigration("slower", 125_000, true)] }),
    );
    expect(md).toContain("### Migrations (3 migrations in 2 min 17 s, 2 slow 🐢)");
    expect(md).toContain("| `fast` | 12 ms |");
    expect(md).toContain("| `slow_one` 🐢 | 12.3 s |");
    expect(md).toContain("| `slower` 🐢 | 2 min 5 s |");
  });

  it("renders drift: differences, SQL inside <details>, the fix command", () => {
    const md = renderMarkdown(aReport({ drift: aDrift({ differences: ["Added column <email>", "Dropped index"] }) }));
    expect(md).toContain("### Schema drift");
    expect(md).toContain("- Added column &lt;email&gt;\n- Dropped index");
    expect(md).toMatch(
      /<details><summary>SQL a new migration needs \(1 line\)<\/summary>\n\n```sql\nALTER TABLE "User" ADD COLUMN "email" TEXT;\n```\n\n<\/details>/,
    );
    expect(md).toContain("`npx prisma migrate dev --name add-user-email`");
    expectBalancedBlocks(md);
  });

  it("shows drift the pull request adds apart from drift already on the base", () => {
    const md = renderMarkdown(
      aReport({
        drift: aDrift({
          differences: ['Column "Ticket"."priority" is in schema.prisma but no migration creates it'],
          existing: ['Index "Ticket_title_idx" on "Ticket" is in schema.prisma but no migration creates it', "Foreign key dropped"],
          baseRef: "main",
          judge: "prisma migrate diff --from-url",
        }),
      }),
    );
    const added = md.indexOf("**New in this pull request**");
    const already = md.indexOf(
      "<details><summary>⚠️ Already on `main`: 2 differences (not failed: this pull request does not add them)</summary>",
    );
    expect(added).toBeGreaterThan(0);
    expect(already).toBeGreaterThan(added);
    expect(md.slice(added, already)).toContain('- Column "Ticket"."priority" is in schema.prisma but no migration creates it');
    expect(md.slice(added, already)).not.toContain("Ticket_title_idx");
    expect(md.slice(already)).toContain(
      '- Index "Ticket_title_idx" on "Ticket" is in schema.prisma but no migration creates it\n- Foreign key dropped',
    );
    expect(md).toContain("_Judged by prisma migrate diff --from-url._");
    expect(md).toContain("2 differences already on the base branch");
    expectBalancedBlocks(md);
  });

  it("with only drift already on the base: no SQL, no fix command, not called drift found", () => {
    const md = renderMarkdown(aReport({ drift: aDrift({ differences: [], sql: "", existing: ["Foreign key dropped"], baseRef: "main" }) }));
    expect(md).toContain("Already on `main`: 1 difference");
    expect(md).not.toContain("schema drift found");
    expect(md).not.toContain("SQL a new migration needs");
    expect(md).not.toContain("prisma migrate dev");
  });

  it("escapes pipes, newlines and HTML in table cells and lists", () => {
    const md = renderMarkdown(
      aReport({
        checks: [aCheck("lint", [aFinding({ message: "a <script>alert(1)</script>\nsecond | line" })], { summary: "a | b\nc <i>d</i>" })],
        migrations: [aMigration("weird|name`x", 5)],
      }),
    );
    expect(md).toContain("| a \\| b<br>c &lt;i&gt;d&lt;/i&gt; | 1 |");
    expect(md).toContain("a &lt;script&gt;alert(1)&lt;/script&gt;<br>second | line");
    expect(md).not.toContain("<script>");
    expect(md).toContain("| ``weird\\|name`x`` | 5 ms |");
    expectWellFormedTables(md);
  });

  it("uses a longer fence when the SQL itself contains backticks", () => {
    const md = renderMarkdown(aReport({ drift: aDrift({ sql: "SELECT 1;\n```\nSELECT 2;" }) }));
    expect(md).toContain("````sql\nSELECT 1;\n```\nSELECT 2;\n````");
  });

  it("drops run URLs that are not http(s)", () => {
    expect(renderMarkdown(aReport(), { runUrl: "javascript:alert(1)" })).not.toContain("workflow run");
  });

  it("keeps a huge report under GitHub's comment limit, cutting least important parts first", () => {
    const report = aHugeReport();
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect([...md].length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expectWellFormedTables(md);
    expectBalancedBlocks(md);
    // Every check and the headline survive; findings are capped per check with a count of the rest.
    expect(md).toMatch(/^## ❌ migrate-guard: 5 checks/);
    for (const id of ["naming", "history", "lint", "apply", "drift"]) expect(md).toContain(`| \`${id}\` |`);
    expect(md).toMatch(/- … and [\d,]+ more findings in this check/);
    // The migration table keeps only the slowest rows and says how many were left out.
    expect(md).toMatch(/1,000 migrations in/);
    expect(md).toMatch(/(omitted to fit GitHub's size limit)/);
    // SQL is truncated or omitted with a note rather than silently.
    expect(md).toMatch(/SQL truncated: [\d,]+ of [\d,]+ characters omitted|The SQL \([\d,]+ characters\) was omitted/);
    expect(md).toContain("npx prisma migrate dev --name add-user-email");
  });

  it("honours a smaller maxLength", () => {
    const md = renderMarkdown(aHugeReport(), { maxLength: 8_000 });
    expect(md.length).toBeLessThanOrEqual(8_000);
    expectWellFormedTables(md);
    expectBalancedBlocks(md);
  });

  it("shortens a long migration table before touching findings", () => {
    const migrations = Array.from({ length: 2_000 }, (_, i) => aMigration(`m_${String(i).padStart(5, "0")}_${"x".repeat(20)}`, i));
    const findings = Array.from({ length: 30 }, (_, i) => aFinding({ message: `finding ${i}` }));
    const md = renderMarkdown(aReport({ migrations, checks: [aCheck("naming", findings)] }));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    for (let i = 0; i < 30; i++) expect(md).toContain(`finding ${i} (`);
    expect(md).not.toContain("more finding");
    // The slowest 50 are the last 50 here, shown in apply order.
    expect(md).toContain(`| \`m_01999_${"x".repeat(20)}\` | 2.0 s |`);
    expect(md).not.toContain("m_01949_");
    expect(md).toContain("_Showing the 50 slowest; 1,950 faster migrations omitted to fit GitHub's size limit._");
    expect(md.indexOf("m_01950_")).toBeLessThan(md.indexOf("m_01999_"));
  });

  it("truncates long SQL at a line end with a note, keeping all findings", () => {
    const sql = Array.from({ length: 3_000 }, (_, i) => `ALTER TABLE "T${i}" ADD COLUMN "c" INT;`).join("\n");
    const md = renderMarkdown(aReport({ checks: [aCheck("drift", [aFinding()])], drift: aDrift({ sql }) }));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md).toMatch(/_SQL truncated: [\d,]+ of [\d,]+ characters omitted; run the command below to see all of it\._/);
    expect(md).toMatch(/ADD COLUMN "c" INT;\n```\n/);
    expectBalancedBlocks(md);
  });

  it("cuts whole lines only when even the smallest rendering is too long", () => {
    const checks = Array.from({ length: 3_000 }, (_, i) => aCheck("lint", [], { summary: `summary ${i} ${"y".repeat(40)}` }));
    const md = renderMarkdown(aReport({ checks }));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md).toContain("output cut to fit GitHub's size limit");
    expectWellFormedTables(md);
  });
});
