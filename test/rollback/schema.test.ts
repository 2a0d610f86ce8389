// `rollback --revert` and schema.prisma, in real git repositories with the real Prisma CLI on real
// PostgreSQL: the commit that added the migration has its schema change reversed and checked (verify's
// drift check passes on the result); a later edit of the same lines, a commit that added two migrations,
// --output-dir, and a reversed schema that still drifts leave schema.prisma as it was, saying why.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import { RecordingLogger } from "../../src/core/logger.js";
import { verify } from "../../src/verify/verify.js";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, startEnvironmentCluster, type EnvironmentCluster } from "../migrate/support.js";
import { C_NAME, C_SQL, deploy, repoWithSchemaHistory, rollback, SCHEMA_FILE, schemaWithC } from "./support.js";

interface SchemaDoc {
  status: "reverted" | "unchanged";
  reason: string;
  files: string[];
  commit?: string;
  fix?: string;
  findings?: string[];
}
interface Doc {
  ok: boolean;
  revert: { name: string; file: string } | null;
  schema: SchemaDoc | null;
}

let env: EnvironmentCluster;
/** A, B, C applied (as the repositories below have them). */
let staging: string;
const repos: ProjectRepo[] = [];

function historyRepo() {
  const made = repoWithSchemaHistory();
  repos.push(made.repo);
  return made;
}
const revertC = (dir: string, extra: string[] = []) =>
  rollback(
    [
      "--environment",
      "staging",
      "--database-url",
      staging,
      "--revert",
      C_NAME,
      "--confirm",
      C_NAME,
      "--allow-data-loss",
      "--json",
      ...extra,
    ],
    { cwd: dir },
  );
const migrationsOf = (r: ProjectRepo) => readdirSync(path.join(r.dir, "prisma/migrations")).sort();

beforeAll(async () => {
  env = await startEnvironmentCluster();
  staging = await env.createDatabase("staging");
  await deploy(historyRepo().repo.dir, staging);
});
afterAll(async () => {
  await env?.stop();
  for (const r of repos) r.remove();
});

describe("rollback --revert and schema.prisma", () => {
  test("A, B, C in their own commits: reverting C gives schema.prisma as at B, and verify's drift check passes", async () => {
    const { repo, commits } = historyRepo();
    const result = await revertC(repo.dir);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Doc;
    expect(doc.schema).toEqual({
      status: "reverted",
      reason: `the schema change of commit ${commits.c.slice(0, 12)}, which added ${C_NAME}, is reversed`,
      files: [SCHEMA_FILE],
      commit: commits.c,
    });
    expect(repo.git("diff", commits.b, "--", SCHEMA_FILE)).toBe(""); // byte for byte as at B
    expect(
      repo
        .git("status", "--porcelain")
        .split("\n")
        .map((l) => l.trim()),
    ).toEqual([`M ${SCHEMA_FILE}`, `?? prisma/migrations/${doc.revert!.name}/`]);

    await env.createDatabase("verify_reverted");
    const report = await verify({
      workingDirectory: repo.dir,
      databaseUrl: env.admin("verify_reverted"),
      slowMigrationSeconds: 30,
      logger: new RecordingLogger(),
    });
    const drift = report.checks.find((c) => c.id === "drift")!;
    expect([drift.status, drift.summary]).toEqual(["pass", expect.stringContaining("schema.prisma matches the migrated database")]);
  });

  test("a later commit edited the same schema lines: schema.prisma unchanged, the reason and the command to finish by hand; exit 0", async () => {
    const { repo, commits } = historyRepo();
    repo.write(SCHEMA_FILE, repo.read(SCHEMA_FILE).replace("  text   String\n", "  /// What the reader wrote.\n  text   String\n"));
    repo.commitAll("document Comment.text");
    const before = repo.read(SCHEMA_FILE);
    const result = await revertC(repo.dir);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Doc;
    expect(doc.ok).toBe(true);
    expect(doc.schema!.status).toBe("unchanged");
    expect(doc.schema!.reason).toMatch(
      new RegExp(
        `^the schema change of commit ${commits.c.slice(0, 12)} no longer reverses cleanly: later changes touch the same lines \\(patch failed: prisma/schema.prisma`,
      ),
    );
    expect(doc.schema!.fix).toBe(
      `git diff ${commits.b.slice(0, 12)} ${commits.c.slice(0, 12)} -- ${SCHEMA_FILE} | git apply -R --3way  (then resolve the conflicts and check with \`npx migrate-guard verify\`)`,
    );
    expect(repo.read(SCHEMA_FILE)).toBe(before);
    expect(repo.git("status", "--porcelain")).toBe(`?? prisma/migrations/${doc.revert!.name}/`);
  });

  test("the reversed schema still differs from the migrations: put back, the differences listed", async () => {
    const { repo } = historyRepo();
    // A later commit added a model without a migration (drift already at HEAD), away from C's lines.
    repo.write(SCHEMA_FILE, repo.read(SCHEMA_FILE).replace("model User {", "model Tag {\n  id Int @id\n}\n\nmodel User {"));
    repo.commitAll("Tag without a migration");
    const before = repo.read(SCHEMA_FILE);
    const result = await revertC(repo.dir);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Doc;
    expect(doc.schema!.status).toBe("unchanged");
    expect(doc.schema!.reason).toMatch(/the schema still differs from the migrations \(1 difference\(s\)\), so it was put back$/);
    expect(doc.schema!.findings).toEqual([expect.stringContaining('"Tag"')]);
    expect(repo.read(SCHEMA_FILE)).toBe(before);
  });

  test("a commit that added two migrations, and --output-dir: schema.prisma unchanged, saying why", async () => {
    const nickname = "20250104000000_add_nickname";
    const r = appRepo();
    repos.push(r);
    r.write(`prisma/migrations/${C_NAME}/migration.sql`, C_SQL);
    r.write(`prisma/migrations/${nickname}/migration.sql`, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n`);
    r.write(SCHEMA_FILE, schemaWithC(r.read(SCHEMA_FILE)).replace("  bio       String?\n", "  bio       String?\n  nickname  String?\n"));
    r.commitAll("C and D together");
    const db = await env.createDatabase("two_in_one");
    await deploy(r.dir, db);
    const before = r.read(SCHEMA_FILE);
    const mixed = await rollback(
      ["--environment", "staging", "--database-url", db, "--revert", C_NAME, "--confirm", C_NAME, "--allow-data-loss", "--json"],
      { cwd: r.dir },
    );
    expect(mixed.code).toBe(0);
    expect((JSON.parse(mixed.stdout) as Doc).schema).toMatchObject({
      status: "unchanged",
      reason: expect.stringMatching(new RegExp(`added ${C_NAME} together with ${nickname}: its schema change mixes theirs`)),
    });
    expect(r.read(SCHEMA_FILE)).toBe(before);

    const { repo } = historyRepo();
    const files = migrationsOf(repo);
    const elsewhere = await rollback(
      [
        "--environment",
        "staging",
        "--database-url",
        staging,
        "--revert",
        C_NAME,
        "--confirm",
        C_NAME,
        "--allow-data-loss",
        "--output-dir",
        path.join(repo.dir, "out"),
      ],
      { cwd: repo.dir },
    );
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toMatch(/^schema: unchanged — --output-dir writes the migration outside the project's migrations directory/m);
    expect(migrationsOf(repo)).toEqual(files);
    expect(repo.git("status", "--porcelain")).toBe("?? out/");
  });
});
