import { describe, expect, test } from "@jest/globals";
import { judgeMode, prismaStatements, statementsAbout } from "./prisma-judge.js";

const project = (usesAdapter: boolean) => ({ migrationsDir: "/app/prisma/migrations", configHints: { envVars: [], usesAdapter } });

describe("judgeMode", () => {
  test("Prisma 7 reads the config's datasource", () => {
    expect(judgeMode({ major: 7 }, project(false)).source).toEqual({ kind: "config-datasource" });
    expect(judgeMode({ major: 7 }, project(true)).source).toEqual({ kind: "config-datasource" });
  });
  test("Prisma 5/6 with a driver adapter replays the migrations (--from-url is refused with an adapter)", () => {
    expect(judgeMode({ major: 6 }, project(true))).toMatchObject({
      source: { kind: "migrations", dir: "/app/prisma/migrations" },
      label: expect.stringContaining("--from-migrations"),
    });
  });
  test("Prisma 5/6 with the native engine reads the migrated database", () => {
    expect(judgeMode({ major: 6 }, project(false))).toMatchObject({
      source: { kind: "url" },
      label: expect.stringContaining("--from-url"),
    });
    expect(judgeMode({ major: 5 }, { migrationsDir: "/m" }).source).toEqual({ kind: "url" });
  });
});

describe("Prisma's script", () => {
  const script = [
    "-- DropIndex",
    'DROP INDEX "SecretStore_key_idx";',
    "",
    "-- AlterTable",
    'ALTER TABLE "User" ADD COLUMN     "age" INTEGER NOT NULL DEFAULT 0;',
    "",
    "-- CreateTable",
    'CREATE TABLE "Tag" (',
    '    "id" SERIAL NOT NULL,',
    "",
    '    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")',
    ");",
    "",
  ].join("\n");

  test("is split into statements with their comment; an empty migration has none", () => {
    expect(prismaStatements("-- This is an empty migration.\n")).toEqual([]);
    const statements = prismaStatements(script);
    expect(statements[0]).toBe('-- DropIndex\nDROP INDEX "SecretStore_key_idx";');
    expect(statements[1]).toBe('-- AlterTable\nALTER TABLE "User" ADD COLUMN     "age" INTEGER NOT NULL DEFAULT 0;');
    // A CREATE TABLE keeps its blank line before the constraints.
    expect(statements[2]).toBe(
      '-- CreateTable\nCREATE TABLE "Tag" (\n    "id" SERIAL NOT NULL,\n\n    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")\n);',
    );
    expect(statements).toHaveLength(3);
  });

  test("a difference is matched by the statements that name all of its identifiers", () => {
    const statements = prismaStatements(script);
    expect(statementsAbout({ mentions: [['"User"', '"age"']] }, statements)).toEqual([statements[1]]);
    // Same column name on another table: not the same object.
    expect(statementsAbout({ mentions: [['"Post"', '"age"']] }, statements)).toEqual([]);
    expect(statementsAbout({ mentions: [['"Old_idx"'], ['"SecretStore_key_idx"']] }, statements)).toEqual([statements[0]]);
    expect(statementsAbout({ mentions: [] }, statements)).toEqual([]);
  });
});
