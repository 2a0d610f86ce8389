// The pure policy of the migrate commands: environment names, production and confirmation, the stamp
// decision, Prisma's checksum rule, the classification of `_prisma_migrations`, and request validation.
import { createHash } from "node:crypto";
import {
  compareStamp,
  isProductionRun,
  normalizeEnvironmentName,
  parseEnvironmentList,
  resolveEnvironment,
  type EnvironmentStamp,
} from "../../src/core/environment.js";
import { ConfigurationError } from "../../src/core/errors.js";
import {
  assertMigrationName,
  classifyMigrations,
  parseDeployOutput,
  recoverySteps,
  scriptMatchesChecksum,
} from "../../src/core/migration-state.js";
import { prismaWarnings } from "../../src/migrate/report.js";
import { dangerousCommandReason, validateRequest, type MigrateRequest } from "../../src/migrate/settings.js";

const policy = { known: ["staging", "production"], production: ["production"] };
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("environment names", () => {
  it("compares names ignoring case and whitespace", () => {
    expect(normalizeEnvironmentName("  Production ")).toBe("production");
    expect(normalizeEnvironmentName("EU\t West")).toBe("eu west");
    expect(resolveEnvironment(" PRODUCTION ", policy)).toEqual({ name: "PRODUCTION", normalized: "production", production: true });
    expect(resolveEnvironment("Staging", policy).production).toBe(false);
  });

  it("refuses unknown, empty and control-character names, naming the expected ones", () => {
    expect(() => resolveEnvironment("prod", policy)).toThrow(/Unknown environment "prod". Expected one of: staging, production/);
    expect(() => resolveEnvironment("  ", policy)).toThrow(ConfigurationError);
    expect(() => resolveEnvironment("staging\n::error::x", policy)).toThrow(/not a valid environment name/);
  });

  it("parses configured lists and rejects empty ones", () => {
    expect(parseEnvironmentList("dev, Staging,staging , prod-eu", "environments")).toEqual(["dev", "Staging", "prod-eu"]);
    expect(() => parseEnvironmentList(" , ", "environments")).toThrow(/environments is empty/);
  });
});

describe("the environment stamp", () => {
  const stamp = (name: string, production: boolean): EnvironmentStamp => ({
    name,
    normalized: normalizeEnvironmentName(name),
    production,
    stampedAt: new Date("2024-05-01T00:00:00Z"),
    stampedBy: "octocat",
  });

  it("matches the same environment however it is written, and refuses another", () => {
    const staging = resolveEnvironment("STAGING", policy);
    expect(compareStamp(staging, undefined)).toEqual({ kind: "unstamped" });
    expect(compareStamp(staging, stamp("staging", false)).kind).toBe("match");
    const mismatch = compareStamp(staging, stamp("production", true));
    expect(mismatch.kind).toBe("mismatch");
    expect(mismatch.kind === "mismatch" && mismatch.reason).toMatch(
      /run is for environment "STAGING", but the database belongs to environment "production" \(production\).*by octocat.*Nothing was changed/,
    );
  });

  it("keeps a database stamped as production production, whatever the configuration says now", () => {
    const renamed = resolveEnvironment("live", { known: ["live"], production: ["production"] });
    expect(renamed.production).toBe(false);
    expect(isProductionRun(renamed, stamp("Live", true))).toBe(true);
    expect(isProductionRun(renamed, stamp("live", false))).toBe(false);
  });
});

describe("Prisma's checksum rule", () => {
  const script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";

  it("matches the file, its line-ending conversions and old unpadded checksums, nothing else", () => {
    expect(scriptMatchesChecksum(script, sha(script))).toBe(true);
    expect(scriptMatchesChecksum(script.replace(/\n/g, "\r\n"), sha(script))).toBe(true);
    expect(scriptMatchesChecksum(script, sha(script.replace(/\n/g, "\r\n")))).toBe(true);
    const unpadded = [...createHash("sha256").update(script).digest()].map((b) => b.toString(16)).join("");
    expect(unpadded.length).toBeLessThan(64);
    expect(scriptMatchesChecksum(script, unpadded)).toBe(true);
    expect(scriptMatchesChecksum(script + "-- edited\n", sha(script))).toBe(false);
    expect(scriptMatchesChecksum(script.trimEnd(), sha(script))).toBe(false);
  });
});

describe("classifyMigrations", () => {
  const t = (s: number) => new Date(Date.UTC(2024, 4, 1, 12, 0, s));
  const repo = ["001_a", "002_b", "003_c", "004_d"].map((name) => ({ name, sql: `-- ${name}\n` }));

  it("sorts rows into applied, failed, rolled back, pending, edited and missing from the repository", () => {
    const state = classifyMigrations(
      repo,
      [
        { name: "001_a", checksum: sha("-- 001_a\n"), startedAt: t(0), finishedAt: t(45) },
        { name: "002_b", checksum: sha("-- 002_b (as it was)\n"), startedAt: t(50), finishedAt: t(51) },
        { name: "003_c", checksum: sha("-- 003_c\n"), startedAt: t(52), rolledBackAt: t(53), logs: "boom" },
        { name: "004_d", checksum: sha("-- 004_d\n"), startedAt: t(54), logs: 'ERROR: relation "x" does not exist' },
        { name: "000_gone", checksum: "x", startedAt: t(1), finishedAt: t(2) },
      ],
      30,
    );
    expect(state.applied.map((a) => [a.name, a.durationMs, a.slow, a.inRepo])).toEqual([
      ["000_gone", 1000, false, false],
      ["001_a", 45000, true, true],
      ["002_b", 1000, false, true],
    ]);
    expect(state.failed.map((f) => f.name)).toEqual(["004_d"]);
    expect(state.rolledBack).toEqual(["003_c"]);
    expect(state.pending).toEqual(["003_c"]);
    expect(state.checksumMismatch).toEqual(["002_b"]);
    expect(state.missingFromRepo).toEqual(["000_gone"]);
  });

  it("treats a migration re-applied after a rolled-back attempt as applied", () => {
    const state = classifyMigrations(
      repo.slice(0, 1),
      [
        { name: "001_a", checksum: "old", startedAt: t(0), rolledBackAt: t(1) },
        { name: "001_a", checksum: sha("-- 001_a\n"), startedAt: t(2), finishedAt: t(3) },
      ],
      30,
    );
    expect(state).toMatchObject({ pending: [], failed: [], rolledBack: [], checksumMismatch: [] });
    expect(state.applied.map((a) => a.name)).toEqual(["001_a"]);
  });

  it("gives recovery steps with the exact resolve commands", () => {
    const steps = recoverySteps([{ name: "004_d", startedAt: t(54), logs: "ERROR: boom", inRepo: true }], "eu west").join("\n");
    expect(steps).toContain("migrate-guard resolve --environment 'eu west' --rolled-back 004_d --confirm 004_d");
    expect(steps).toContain("migrate-guard resolve --environment 'eu west' --applied 004_d --confirm 004_d");
    expect(steps).toContain("P3009");
    expect(steps).toContain("ERROR: boom");
  });
});

describe("parsing Prisma's output", () => {
  it("reads the applied migrations of `migrate deploy`", () => {
    const out =
      "3 migrations found\n\nThe following migration(s) have been applied:\n\nmigrations/\n  └─ 001_a/\n    └─ migration.sql\n  └─ 002_b/\n    └─ migration.sql\n\nAll migrations have been successfully applied.\n";
    expect(parseDeployOutput(out)).toEqual(["001_a", "002_b"]);
    expect(parseDeployOutput("2 migrations found\nNo pending migrations to apply.\n")).toEqual([]);
    expect(parseDeployOutput("something else")).toBeUndefined();
  });

  it("reads the warnings Prisma writes into a migration's header", () => {
    const sql =
      '/*\n  Warnings:\n\n  - You are about to drop the column `bio` on the `User` table. All the data in the column will be lost.\n\n*/\nALTER TABLE "User" DROP COLUMN "bio";\n';
    expect(prismaWarnings(sql)).toEqual([
      "You are about to drop the column `bio` on the `User` table. All the data in the column will be lost.",
    ]);
    expect(prismaWarnings("/* just a comment */ SELECT 1;")).toEqual([]);
  });
});

describe("validateRequest", () => {
  const url = "postgresql://app:Sup3rSecretPw@db.example.com:5432/app";
  const ok: MigrateRequest = { command: "deploy", environment: "staging", databaseUrl: url };

  it("accepts a complete request", () => {
    const s = validateRequest({ ...ok, slowMigrationSeconds: "12", backup: true, backupDir: "/tmp/b" }, new Date("2024-05-01T12:00:00Z"));
    expect(s).toMatchObject({
      command: "deploy",
      environment: { name: "staging", production: false },
      slowMigrationSeconds: 12,
      lockTimeoutSeconds: 60,
    });
    expect(s.backup?.file).toBe("/tmp/b/migrate-guard-staging-2024-05-01T12-00-00-000Z.dump");
    expect(
      validateRequest({ ...ok, environment: "Production", confirm: " production ", gate: { soakGate: "off" } }).environment.production,
    ).toBe(true);
    expect(
      validateRequest({ command: "resolve", environment: "staging", databaseUrl: url, applied: "20240101_init", confirm: "20240101_init" })
        .resolve,
    ).toEqual({ kind: "applied", name: "20240101_init" });
  });

  it.each<[string, MigrateRequest, RegExp]>([
    ["unknown command", { ...ok, command: "migrate" }, /Unknown command "migrate"/],
    ["migrate reset", { ...ok, command: "migrate reset" }, /"migrate reset" is refused: `prisma migrate reset` drops/],
    ["db push", { ...ok, command: "db push" }, /`prisma db push` changes the schema without a migration/],
    ["no environment", { ...ok, environment: " " }, /No environment/],
    ["no URL", { ...ok, databaseUrl: "" }, /No database URL/],
    ["mysql URL", { ...ok, databaseUrl: "mysql://app:Sup3rSecretPw@db/app" }, /scheme "mysql:"/],
    ["not a URL", { ...ok, databaseUrl: "app:Sup3rSecretPw@db/app" }, /not a valid URL/],
    ["no database in URL", { ...ok, databaseUrl: "postgresql://app:Sup3rSecretPw@db.example.com:5432" }, /names no database/],
    [
      "production without confirm",
      { ...ok, environment: "production" },
      /must be confirmed: set confirm \(--confirm\) to "production"; no confirmation was given/,
    ],
    ["production, wrong confirm", { ...ok, environment: "production", confirm: "staging" }, /the confirmation was "staging"/],
    ["resolve without a kind", { ...ok, command: "resolve" }, /resolve needs --rolled-back NAME/],
    ["resolve with both", { ...ok, command: "resolve", rolledBack: "a", applied: "b" }, /not both/],
    [
      "path traversal",
      { ...ok, command: "resolve", rolledBack: "../../etc/passwd", confirm: "../../etc/passwd" },
      /is not a migration name/,
    ],
    [
      "resolve unconfirmed",
      { ...ok, command: "resolve", rolledBack: "001_a", confirm: "001_b" },
      /set confirm \(--confirm\) to the migration's name, "001_a"/,
    ],
    ["--applied on deploy", { ...ok, applied: "001_a" }, /belong to the resolve command/],
    ["backup on status", { ...ok, command: "status", backup: true }, /backup is for deploy/],
    ["slow seconds", { ...ok, slowMigrationSeconds: "fast" }, /slow-migration-seconds is "fast"/],
    ["empty environments list", { ...ok, environments: "," }, /environments is empty/],
  ])("refuses %s with a ConfigurationError that never quotes the password", (_name, request, message) => {
    let error: unknown;
    try {
      validateRequest(request);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("Sup3rSecretPw");
  });

  it("knows the commands it never runs", () => {
    expect(["dev", "migrate dev", "prisma migrate reset", "db-execute", "db push"].map((c) => Boolean(dangerousCommandReason(c)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(dangerousCommandReason("deploy")).toBeUndefined();
    expect(() => assertMigrationName("a/b", "--applied")).toThrow(ConfigurationError);
    expect(() => assertMigrationName("20240101000000_ok-name.v2", "--applied")).not.toThrow();
  });
});
