import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

const SCHEMA = (field: string) => `model User {\n  id String @id\n  email String @unique\n${field}\n}\n`;

describe("drop-column: 3-phase enforcement", () => {
  test("a NOT NULL column: phase 1 missing (error)", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "email";`, { base: [USERS], baseSchema: SCHEMA("") });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toMatch(/Phase 1 missing: "User"."email" is NOT NULL/);
  });
  test("nullable on the base branch but still a field of the base schema: phase 2 missing (error)", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "name";`, {
      base: [USERS],
      baseSchema: SCHEMA("  name String?"),
    });
    expect(f).toMatchObject({ severity: "error" });
    expect(f!.message).toMatch(/Phase 2 missing/);
    expect(f!.message).not.toMatch(/Phase 1 missing/);
  });
  test("nullable and @ignore'd on the base branch: the deliberate third phase (notice)", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "name";`, {
      base: [USERS],
      baseSchema: SCHEMA("  name String? @ignore"),
    });
    expect(f).toMatchObject({ severity: "notice" });
  });
  test("@map'd field names are matched by column", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "name";`, {
      base: [USERS],
      baseSchema: SCHEMA(`  fullName String? @map("name")`),
    });
    expect(f!.message).toMatch(/Phase 2 missing/);
  });
  test("made nullable in the same change set: phase 1 not shipped yet", async () => {
    const [f] = await hits(
      "drop-column",
      [`ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;`, `ALTER TABLE "User" DROP COLUMN "email";`],
      { base: [USERS] },
    );
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 1 is in this same change/);
  });
  test("made nullable on the base branch but not yet deployed to production (hook)", async () => {
    const base = [USERS, `ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;`];
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "email";`, {
      base,
      baseSchema: SCHEMA(""),
      deployed: (m) => !m.includes("base_1"),
    });
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/not deployed to production/);
  });
  test("without the base schema phase 2 is unknown: unknown is not safe, an error that names the missing evidence", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "User" DROP COLUMN "name";`, { base: [USERS] });
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 2 unknown: without the base branch's schema.prisma/);
    expect(f!.message).not.toMatch(/Phase 1 (unknown|missing)/);
    expect(f!.message).toContain("--base-ref");
    expect(f!.message).not.toMatch(/Phase 1 shipped/);
  });
  test("file mode (no history for the table): both phases unknown, an error that says how to give the evidence", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "Account" DROP COLUMN "legacyToken";`);
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 1 unknown: no migration the linter saw creates "Account"."legacyToken"/);
    expect(f!.message).toMatch(/Phase 2 unknown/);
    expect(f!.message).toContain("--working-directory");
    expect(f!.message).toContain("--base-ref");
  });
  test("only evidence downgrades: phase 2 shown but the column unknown to the history stays an error", async () => {
    const [f] = await hits("drop-column", `ALTER TABLE "Account" DROP COLUMN "legacyToken";`, { baseSchema: SCHEMA("") });
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(/Phase 1 unknown/);
    expect(f!.message).not.toMatch(/Phase 2/);
  });
  test("each dropped column is its own finding at its own line; a new column is a notice", async () => {
    const found = await hits(
      "drop-column",
      `ALTER TABLE "User" ADD COLUMN "tmp" TEXT;\nALTER TABLE "User" DROP COLUMN "name",\nDROP COLUMN "tmp";`,
      { base: [USERS] },
    );
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [2, "error"],
      [3, "notice"],
    ]);
  });
});
