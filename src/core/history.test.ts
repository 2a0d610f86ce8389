import { checkHistory, type BaseMigration } from "./history.js";
import { checksum, type Migration } from "./migrations.js";

const fileOf = (name: string) => `prisma/migrations/${name}/migration.sql`;

function current(name: string, sql: string): Migration {
  return { name, file: fileOf(name), sql, checksum: checksum(sql) };
}

function base(name: string, sql: string): BaseMigration {
  return { name, file: fileOf(name), sql };
}

const INIT_SQL = 'CREATE TABLE "User" (\n    "id" SERIAL NOT NULL,\n    "email" TEXT NOT NULL\n);\n';
const POSTS_SQL = 'CREATE TABLE "Post" (\n    "id" SERIAL NOT NULL\n);\n';

describe("checkHistory", () => {
  test("untouched history → no findings", () => {
    expect(
      checkHistory({
        base: [base("01_init", INIT_SQL), base("02_posts", POSTS_SQL)],
        current: [current("01_init", INIT_SQL), current("02_posts", POSTS_SQL)],
      }),
    ).toEqual([]);
  });

  test("new migrations are not history findings", () => {
    expect(
      checkHistory({
        base: [base("01_init", INIT_SQL)],
        current: [current("01_init", INIT_SQL), current("02_posts", POSTS_SQL), current("03_more", "SELECT 1;\n")],
      }),
    ).toEqual([]);
  });

  test("no base migrations → no findings", () => {
    expect(checkHistory({ base: [], current: [current("01_init", INIT_SQL)] })).toEqual([]);
  });

  test("regression: an edited migration is reported at the line of the first difference", () => {
    const edited = INIT_SQL.replace('"email" TEXT NOT NULL', '"email" VARCHAR(255) NOT NULL');
    const findings = checkHistory({ base: [base("01_init", INIT_SQL)], current: [current("01_init", edited)] });
    expect(findings).toEqual([expect.objectContaining({ rule: "edited-migration", severity: "error", file: fileOf("01_init"), line: 3 })]);
    expect(findings[0]?.message).toContain('"01_init" is already on the base branch and was edited');
    expect(findings[0]?.message).not.toContain("line endings only");
  });

  test("a line appended at the end is reported at that line", () => {
    const findings = checkHistory({ base: [base("01_init", "SELECT 1;\n")], current: [current("01_init", "SELECT 1;\nSELECT 2;\n")] });
    expect(findings[0]).toMatchObject({ rule: "edited-migration", line: 2 });
  });

  test("a change on the first line is line 1", () => {
    const findings = checkHistory({ base: [base("01_init", INIT_SQL)], current: [current("01_init", `-- note\n${INIT_SQL}`)] });
    expect(findings[0]).toMatchObject({ rule: "edited-migration", line: 1 });
  });

  test("regression: a CRLF-only change is reported as an edit and called out as line endings only", () => {
    const findings = checkHistory({ base: [base("01_init", INIT_SQL)], current: [current("01_init", INIT_SQL.replace(/\n/g, "\r\n"))] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "edited-migration", line: 1 });
    expect(findings[0]?.message).toContain("line endings only");
  });

  test("an edit that also changes line endings is not called line endings only", () => {
    const findings = checkHistory({
      base: [base("01_init", INIT_SQL)],
      current: [current("01_init", INIT_SQL.replace("TEXT", "VARCHAR").replace(/\n/g, "\r\n"))],
    });
    expect(findings[0]?.message).not.toContain("line endings only");
  });

  // Doubtful/bug: when only the final newline changes, the line reported is one past the last line of the
  // new file ("SELECT 1;\nSELECT 2;" has two lines, the finding says line 3), so the annotation points
  // at a line that does not exist in the file it names.
  test("a removed final newline is reported at a line that exists in the edited file", () => {
    const sql = "SELECT 1;\nSELECT 2;";
    const findings = checkHistory({ base: [base("01_init", `${sql}\n`)], current: [current("01_init", sql)] });
    expect(findings[0]?.rule).toBe("edited-migration");
    expect(findings[0]?.line).toBeLessThanOrEqual(sql.split("\n").length);
  });

  test("regression: a deleted migration is reported at its base path", () => {
    const findings = checkHistory({
      base: [base("01_init", INIT_SQL), base("02_posts", POSTS_SQL)],
      current: [current("01_init", INIT_SQL)],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "deleted-migration", severity: "error", file: fileOf("02_posts") });
    expect(findings[0]?.line).toBeUndefined();
    expect(findings[0]?.message).toContain('"02_posts" exists on the base branch and was deleted');
  });

  test("regression: a renamed migration (same content, new name) is reported on the new file", () => {
    const findings = checkHistory({
      base: [base("01_init", INIT_SQL), base("02_posts", POSTS_SQL)],
      current: [current("01_init", INIT_SQL), current("20240101000000_posts", POSTS_SQL)],
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "renamed-migration", severity: "error", file: fileOf("20240101000000_posts"), line: 1 }),
    ]);
    expect(findings[0]?.message).toContain('"02_posts" was renamed to "20240101000000_posts"');
  });

  test("renamed and edited at once is a deletion (content no longer matches)", () => {
    const findings = checkHistory({
      base: [base("02_posts", POSTS_SQL)],
      current: [current("03_posts", `${POSTS_SQL}-- edited\n`)],
    });
    expect(findings.map((f) => f.rule)).toEqual(["deleted-migration"]);
  });

  test("a deleted migration whose content equals another base migration is not a rename", () => {
    const same = "-- empty migration\n";
    const findings = checkHistory({
      base: [base("01_a", same), base("02_b", same)],
      current: [current("01_a", same)],
    });
    expect(findings.map((f) => [f.rule, f.file])).toEqual([["deleted-migration", fileOf("02_b")]]);
  });

  test("findings follow the order of the base migrations", () => {
    const findings = checkHistory({
      base: [base("01_init", INIT_SQL), base("02_posts", POSTS_SQL), base("03_tags", "SELECT 3;\n")],
      current: [current("01_init", `${INIT_SQL}-- x\n`), current("03_tags", "SELECT 33;\n")],
    });
    expect(findings.map((f) => [f.rule, f.file])).toEqual([
      ["edited-migration", fileOf("01_init")],
      ["deleted-migration", fileOf("02_posts")],
      ["edited-migration", fileOf("03_tags")],
    ]);
  });
});
