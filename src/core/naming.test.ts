import { checksum, type Migration } from "./migrations.js";
import { DEFAULT_GENERIC_NAMES, checkNaming, descriptivePart } from "./naming.js";

const DIR = "prisma/migrations";

function aMigration(name: string): Migration {
  const sql = `-- ${name}\nSELECT 1;\n`;
  return { name, file: `${DIR}/${name}/migration.sql`, sql, checksum: checksum(sql) };
}

/** Runs the check with every given migration marked new. */
function checkNew(names: string[], genericNames?: readonly string[]) {
  return checkNaming({
    migrations: names.map(aMigration),
    newNames: new Set(names),
    foldersWithoutSql: [],
    migrationsDirRel: DIR,
    ...(genericNames ? { genericNames } : {}),
  });
}

describe("descriptivePart", () => {
  test.each([
    ["20240101120000_add_users", "add_users"],
    ["01_init", "init"],
    ["20240101000000_", ""],
    ["20240101000000", ""],
    ["20240101000000-fix", "fix"],
    ["no_prefix", "no_prefix"],
  ])("%s → %j", (name, part) => {
    expect(descriptivePart(name)).toBe(part);
  });
});

describe("checkNaming: generic names", () => {
  test.each([
    "20240101000000_fix",
    "20240101000000_wip2",
    "01_changes",
    "20240101000000_",
    "20240101000000_FIX",
    "20240101000000_update-3",
    "20240101000000_123",
  ])("regression: new migration %s is rejected", (name) => {
    const findings = checkNew([name]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "generic-name", severity: "error", file: `${DIR}/${name}/migration.sql`, line: 1 });
    expect(findings[0]?.message).toContain(`"${name}"`);
  });

  test.each(["01_init", "20230411134605_doc_208", "20240101000000_add_user_email", "20240101000000_fix_login_index"])(
    "regression: new migration %s is fine",
    (name) => {
      expect(checkNew([name])).toEqual([]);
    },
  );

  test("the message quotes the generic part and suggests a descriptive name", () => {
    const [finding] = checkNew(["20240101000000_wip2"]);
    expect(finding?.message).toContain('("wip2" is generic)');
    expect(finding?.message).toContain("--name add_user_email");
  });

  test("an empty descriptive part does not claim a generic word", () => {
    const [finding] = checkNew(["20240101000000_"]);
    expect(finding?.message).not.toContain("is generic)");
  });

  test("generic names of migrations that are not new are not judged", () => {
    const findings = checkNaming({
      migrations: ["20230101000000_fix", "20230102000000_wip", "20240101000000_changes"].map(aMigration),
      newNames: new Set(["20240101000000_changes"]),
      foldersWithoutSql: [],
      migrationsDirRel: DIR,
    });
    expect(findings.map((f) => f.file)).toEqual([`${DIR}/20240101000000_changes/migration.sql`]);
  });

  test("with no new migrations nothing is reported", () => {
    expect(checkNaming({ migrations: [aMigration("01_fix")], newNames: new Set(), foldersWithoutSql: [], migrationsDirRel: DIR })).toEqual(
      [],
    );
  });

  test("findings follow the order of the migrations", () => {
    const findings = checkNew(["01_fix", "02_add_users", "03_tmp"]);
    expect(findings.map((f) => f.file)).toEqual([`${DIR}/01_fix/migration.sql`, `${DIR}/03_tmp/migration.sql`]);
  });

  test("the default list contains the usual suspects", () => {
    expect(DEFAULT_GENERIC_NAMES).toEqual(expect.arrayContaining(["fix", "wip", "changes", "update", "test", "migration"]));
  });

  test("a custom genericNames list replaces the default one", () => {
    expect(checkNew(["20240101000000_fix"], ["hotfix"])).toEqual([]);
    expect(checkNew(["20240101000000_hotfix"], ["hotfix"])).toHaveLength(1);
  });

  test("custom generic names are normalised like migration names (case, hyphens, trailing digits)", () => {
    expect(checkNew(["20240101000000_quick_fix"], ["Quick-Fix"])).toHaveLength(1);
    expect(checkNew(["20240101000000_quick-fix-2"], ["quick fix"])).toHaveLength(1);
    expect(checkNew(["20240101000000_quick_fixes"], ["quick-fix"])).toEqual([]);
  });

  test("an empty custom list still rejects names with no descriptive part", () => {
    expect(checkNew(["20240101000000_fix"], [])).toEqual([]);
    expect(checkNew(["20240101000000_"], [])).toHaveLength(1);
  });
});

describe("checkNaming: folders without migration.sql", () => {
  test("are always reported, new or not, before name findings", () => {
    const findings = checkNaming({
      migrations: [aMigration("20240102000000_fix")],
      newNames: new Set(["20240102000000_fix"]),
      foldersWithoutSql: ["20240101000000_old_empty"],
      migrationsDirRel: DIR,
    });
    expect(findings.map((f) => f.rule)).toEqual(["missing-migration-sql", "generic-name"]);
    expect(findings[0]).toMatchObject({ severity: "error", file: `${DIR}/20240101000000_old_empty` });
    expect(findings[0]?.line).toBeUndefined();
    expect(findings[0]?.message).toContain('"20240101000000_old_empty" has no migration.sql');
  });

  test("are reported even when no migration is new", () => {
    const findings = checkNaming({ migrations: [], newNames: new Set(), foldersWithoutSql: ["a", "b"], migrationsDirRel: "db/migrations" });
    expect(findings.map((f) => f.file)).toEqual(["db/migrations/a", "db/migrations/b"]);
  });
});
