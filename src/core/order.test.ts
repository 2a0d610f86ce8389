import { checksum, type Migration } from "./migrations.js";
import { checkOrder } from "./order.js";

function aMigration(name: string): Migration {
  const sql = `-- ${name}\nSELECT 1;\n`;
  return { name, file: `prisma/migrations/${name}/migration.sql`, sql, checksum: checksum(sql) };
}

const migrations = (...names: string[]) => names.map(aMigration);

describe("checkOrder", () => {
  test("regression: a new migration that sorts before the last base migration is flagged with its file", () => {
    const findings = checkOrder({
      migrations: migrations("20240101000000_init", "20240105000000_add_posts", "20240110000000_add_users"),
      baseNames: new Set(["20240101000000_init", "20240110000000_add_users"]),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "out-of-order",
      severity: "error",
      file: "prisma/migrations/20240105000000_add_posts/migration.sql",
      line: 1,
    });
    expect(findings[0]?.message).toContain('"20240105000000_add_posts" sorts before "20240110000000_add_users"');
    expect(findings[0]?.message).toContain("timestamp after 20240110000000");
  });

  test("new migrations after the last base migration pass", () => {
    expect(
      checkOrder({
        migrations: migrations("20240101000000_init", "20240110000000_add_users", "20240111000000_add_posts", "20240112000000_add_tags"),
        baseNames: new Set(["20240101000000_init", "20240110000000_add_users"]),
      }),
    ).toEqual([]);
  });

  test("no base migrations → nothing to compare against", () => {
    expect(checkOrder({ migrations: migrations("20240105000000_b", "20240101000000_a"), baseNames: new Set() })).toEqual([]);
  });

  test("base migrations are never flagged, whatever their order", () => {
    expect(
      checkOrder({
        migrations: migrations("20240101000000_a", "20240102000000_b"),
        baseNames: new Set(["20240102000000_b", "20240101000000_a"]),
      }),
    ).toEqual([]);
  });

  test("the last base migration is the greatest by bytes, not the last in the set", () => {
    const findings = checkOrder({
      migrations: migrations("20240101_B", "20240101_C", "20240101_a"),
      // Insertion order puts "20240101_B" last; byte order makes "20240101_a" the greatest.
      baseNames: new Set(["20240101_a", "20240101_B"]),
    });
    expect(findings.map((f) => f.file)).toEqual(["prisma/migrations/20240101_C/migration.sql"]);
    expect(findings[0]?.message).toContain('sorts before "20240101_a"');
  });

  test("a base migration deleted on the branch still counts as the last one", () => {
    const findings = checkOrder({
      migrations: migrations("20240101000000_init", "20240105000000_add_posts"),
      baseNames: new Set(["20240101000000_init", "20240110000000_deleted"]),
    });
    expect(findings.map((f) => f.file)).toEqual(["prisma/migrations/20240105000000_add_posts/migration.sql"]);
  });

  test("every out-of-order new migration is reported, in migration order", () => {
    const findings = checkOrder({
      migrations: migrations("20240102000000_a", "20240103000000_b", "20240110000000_base", "20240111000000_c"),
      baseNames: new Set(["20240110000000_base"]),
    });
    expect(findings.map((f) => f.file)).toEqual([
      "prisma/migrations/20240102000000_a/migration.sql",
      "prisma/migrations/20240103000000_b/migration.sql",
    ]);
  });
});
