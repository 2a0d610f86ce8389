// `migrate-guard rollback --revert` end to end on real PostgreSQL with the real Prisma CLI: the
// round trip of the issue (apply A, B, C; generate the revert of C; apply it with `prisma migrate
// deploy`; the catalog equals the state after A, B), the data-loss refusal naming tables and columns
// with what the environment holds, a later migration that depends on the reverted one, and the
// refusals that write nothing and exit 2. No output contains the database password.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { ProjectRepo } from "../support/project-repo.js";
import { appRepo, cli, expectNoPassword, snapshot, startEnvironmentCluster, type EnvironmentCluster } from "../migrate/support.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest } from "../../src/migrate/settings.js";
import { C_NAME, C_SQL, deploy, rollback, unorderedCatalog } from "./support.js";

let env: EnvironmentCluster;
const repos: ProjectRepo[] = [];
/** Staging with A, B and C applied; the repository at C. */
let staging: string;
let repoC: ProjectRepo;

function repo(migrations: Record<string, string> = {}): ProjectRepo {
  const r = appRepo(migrations);
  repos.push(r);
  return r;
}
const migrationsOf = (r: ProjectRepo) => readdirSync(path.join(r.dir, "prisma/migrations")).sort();

beforeAll(async () => {
  env = await startEnvironmentCluster();
  repoC = repo({ [C_NAME]: C_SQL });
  staging = await env.createDatabase("staging");
  await deploy(repoC.dir, staging);
});
afterAll(async () => {
  await env?.stop();
  for (const r of repos) r.remove();
});

describe("rollback --revert", () => {
  test("round trip: the revert of C, deployed with prisma migrate deploy, gives the catalog after A, B", async () => {
    const r = repo({ [C_NAME]: C_SQL });
    const result = await rollback(
      ["--environment", "staging", "--database-url", staging, "--revert", C_NAME, "--confirm", C_NAME, "--allow-data-loss", "--json"],
      { cwd: r.dir },
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      ok: boolean;
      revert: { name: string; file: string };
      dataLoss: { description: string; measured: string }[];
      recreatedEmpty: string[];
      notReverted: string[];
    };
    expect(doc.ok).toBe(true);
    expect(doc.revert.name).toMatch(new RegExp(`^\\d{14}_revert_${C_NAME}$`));
    expect(doc.revert.name > C_NAME).toBe(true);
    expect(doc.revert.file).toBe(`prisma/migrations/${doc.revert.name}/migration.sql`);
    expect(doc.dataLoss.map((d) => d.description)).toEqual([
      'table "Comment" is dropped',
      'column "Post"."title" changes type back from character varying(200) to text (values that do not fit make the migration fail or are converted)',
      'column "User"."bio" is dropped',
      'enum "Mood" is dropped',
    ]);
    expect(doc.dataLoss[0]!.measured).toBe('0 rows in "staging" now');
    expect(doc.recreatedEmpty).toEqual(['column "Post"."body" is re-added as NULL in every row: its former values are gone']);
    // The existing migrations are untouched; one folder is new.
    expect(migrationsOf(r)).toEqual([...migrationsOf(repoC), doc.revert.name].sort());
    expect(r.read(`prisma/migrations/${C_NAME}/migration.sql`)).toBe(C_SQL);
    const sql = r.read(doc.revert.file);
    expect(sql).toMatch(/^-- Reverts migration 20250103000000_add_comments\./);
    expect(sql).toContain('DROP TABLE "Comment";');
    expect(sql).toContain("-- migrate-guard-ignore drop-column: reverting 20250103000000_add_comments");
    // The pull request's lint check: the drops are accepted by their ignore directives; no error remains.
    const lint = cli(["lint", "--base-ref", "HEAD", "--format", "json"], { cwd: r.dir });
    expect([lint.code, lint.stderr]).toEqual([0, expect.any(String)]);
    const lintDoc = JSON.parse(lint.stdout) as { linted: string[]; counts: { error: number } };
    expect(lintDoc.counts.error).toBe(0);
    expect(lintDoc.linted.join()).toContain(doc.revert.name);

    // A fresh database: A, B, C and the revert through the real Prisma CLI …
    const fresh = await env.createDatabase("roundtrip");
    const deployed = await deploy(r.dir, fresh);
    expect(deployed.appliedNow?.map((a) => a.name)).toEqual([
      "20250101000000_create_users",
      "20250102000000_add_posts",
      C_NAME,
      doc.revert.name,
    ]);
    // … equals A, B alone.
    const ab = await env.createDatabase("ab");
    await deploy(repo().dir, ab);
    expect(await unorderedCatalog(env.admin("roundtrip"))).toEqual(await unorderedCatalog(env.admin("ab")));

    // And staging, which had C, is back at A, B after deploying the revert.
    await deploy(r.dir, staging);
    expect(await unorderedCatalog(env.admin("staging"))).toEqual(await unorderedCatalog(env.admin("ab")));
  });

  test("refuses a reversal that drops data without --allow-data-loss, naming the table and columns and their data; writes nothing", async () => {
    const db = await env.createDatabase("with_data");
    const r = repo({ [C_NAME]: C_SQL });
    await deploy(r.dir, db);
    await env.query("with_data", `INSERT INTO "User" (email, bio) VALUES ('a@example.com', 'hi'), ('b@example.com', NULL)`);
    await env.query("with_data", `INSERT INTO "Post" ("authorId", title) SELECT id, 't' || id FROM "User"`);
    await env.query("with_data", `INSERT INTO "Comment" ("postId", text) SELECT id, 'c' FROM "Post"`);
    const before = await snapshot(env, "with_data");
    const files = migrationsOf(r);

    const refused = await rollback(["--environment", "staging", "--database-url", db, "--revert", C_NAME, "--confirm", C_NAME], {
      cwd: r.dir,
    });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/revert of 20250103000000_add_comments refused: nothing was written/);
    expect(refused.stdout).toContain('table "Comment" is dropped (2 rows in "staging" now)');
    expect(refused.stdout).toContain('column "User"."bio" is dropped (1 non-null value in "staging" now)');
    expect(refused.stdout).toContain("pass --allow-data-loss");
    expect(migrationsOf(r)).toEqual(files);
    expect(await snapshot(env, "with_data")).toBe(before);

    const accepted = await rollback(
      [
        "--environment",
        "staging",
        "--database-url",
        db,
        "--revert",
        C_NAME,
        "--confirm",
        C_NAME,
        "--allow-data-loss",
        "--output-dir",
        path.join(r.dir, "out"),
      ],
      { cwd: r.dir },
    );
    expect(accepted.code).toBe(0);
    expect(migrationsOf(r)).toEqual(files); // --output-dir: written there instead
    const [written] = readdirSync(path.join(r.dir, "out"));
    expect(readFileSync(path.join(r.dir, "out", written!, "migration.sql"), "utf8")).toContain(
      '--   - table "Comment" is dropped — 2 rows in "staging" now',
    );
    expect(await snapshot(env, "with_data")).toBe(before);
  });

  test("a later migration that depends on the reverted one: refused, naming it", async () => {
    const later = `ALTER TABLE "Comment" ADD COLUMN "edited" BOOLEAN NOT NULL DEFAULT false;\n`;
    const r = repo({ [C_NAME]: C_SQL, "20250104000000_edit_comments": later });
    const db = await env.createDatabase("dependent");
    await deploy(r.dir, db);
    const result = await rollback(
      ["--environment", "staging", "--database-url", db, "--revert", C_NAME, "--confirm", C_NAME, "--allow-data-loss"],
      { cwd: r.dir },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /cannot be reverted on its own: the later migration 20250104000000_edit_comments depends on it \(relation "Comment" does not exist\)/,
    );
  });

  test("a middle migration whose successors do not depend on it is reverted", async () => {
    const later = `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n`;
    const r = repo({ [C_NAME]: C_SQL, "20250104000000_add_nickname": later });
    const db = await env.createDatabase("middle");
    await deploy(r.dir, db);
    const result = await rollback(
      ["--environment", "staging", "--database-url", db, "--revert", C_NAME, "--confirm", C_NAME, "--allow-data-loss", "--json"],
      { cwd: r.dir },
    );
    expect(result.code).toBe(0);
    await deploy(r.dir, db);
    const catalog = await unorderedCatalog(env.admin("middle"));
    expect(catalog.tables.map((t) => t.name).sort()).toEqual(["Post", "User"]);
    expect(catalog.tables.find((t) => t.name === "User")!.columns.map((c) => c.name)).toContain("nickname");
  });

  test.each([
    ["an unknown migration", ["--revert", "20250109000000_nope", "--confirm", "20250109000000_nope"], /no migration of that name/],
    [
      "a confirmation that does not match",
      ["--revert", C_NAME, "--confirm", "yes"],
      /must be confirmed: set --confirm .* to the migration's name, "20250103000000_add_comments"; the confirmation was "yes"/,
    ],
    [
      "no confirmation and no terminal",
      ["--revert", C_NAME],
      /must be confirmed: pass --confirm 20250103000000_add_comments \(no terminal to ask at\)/,
    ],
    ["a path as the name", ["--revert", "../x", "--confirm", "../x"], /not a migration name/],
    ["both modes", ["--revert", C_NAME, "--rolled-back", C_NAME, "--confirm", C_NAME], /either --rolled-back NAME .* or --revert NAME/],
    ["neither mode", [], /rollback needs --rolled-back NAME .* or --revert NAME/],
    [
      "production without confirmation",
      ["--environment", "production", "--rolled-back", C_NAME],
      /must be confirmed: pass --confirm 20250103000000_add_comments/,
    ],
  ])("%s: exit 2, nothing changed or written", async (_what, args, message) => {
    const files = migrationsOf(repoC);
    const before = await snapshot(env, "staging");
    const argv = args.includes("--environment") ? args : ["--environment", "staging", ...args];
    const result = await rollback([...argv, "--database-url", staging], { cwd: repoC.dir });
    expect(result.code).toBe(2);
    expect(result.log + result.stdout).toMatch(message);
    expect(migrationsOf(repoC)).toEqual(files);
    expect(await snapshot(env, "staging")).toBe(before);
  });

  test("a migration that is not applied to the environment: refused with where it stands", async () => {
    const r = repo({ [C_NAME]: C_SQL });
    const db = await env.createDatabase("ab_only");
    await deploy(repo().dir, db);
    const before = await snapshot(env, "ab_only");
    const result = await rollback(["--environment", "staging", "--database-url", db, "--revert", C_NAME, "--confirm", C_NAME], {
      cwd: r.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /--revert is for a migration applied to "staging", and 20250103000000_add_comments is not: it is pending/,
    );
    expect(migrationsOf(r)).toEqual(migrationsOf(repoC));
    expect(await snapshot(env, "ab_only")).toBe(before);
  });

  test("a database stamped for another environment: refused", async () => {
    const result = await rollback(["--environment", "production", "--database-url", staging, "--revert", C_NAME, "--confirm", C_NAME], {
      cwd: repoC.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/belongs to environment "staging"/);
  });

  test("at a terminal: lists the environment's migrations, asks which one, then for its name typed", async () => {
    const db = await env.createDatabase("interactive");
    await deploy(repoC.dir, db);
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true });
    let shown = "";
    const answered = new Set<string>();
    output.on("data", (chunk: Buffer) => {
      shown += chunk.toString();
      // Answer each question once it is on the screen, as a person would.
      if (shown.includes("Which one (1-3)?") && !answered.has("which")) {
        answered.add("which");
        input.write("1\n");
      }
      if (shown.includes(`Type ${C_NAME} to go on:`) && !answered.has("name")) {
        answered.add("name");
        input.write(`${C_NAME}\n`);
      }
    });
    const out = mkdtempSync(path.join(os.tmpdir(), "mg-revert-"));
    try {
      const result = await rollback(["--environment", "staging", "--database-url", db, "--allow-data-loss", "--output-dir", out], {
        cwd: repoC.dir,
        prompt: { input, output, env: {} },
      });
      expect(shown).toMatch(/1\) revert: 20250103000000_add_comments \(applied [^)]+\)\s+2\) revert: 20250102000000_add_posts/);
      expect(result.code).toBe(0);
      expect(readdirSync(out)).toEqual([expect.stringMatching(new RegExp(`_revert_${C_NAME}$`))]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("--help shows the usage with both modes", async () => {
    const result = await rollback(["--help"], { cwd: repoC.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--rolled-back NAME");
    expect(result.stdout).toContain("--revert NAME");
  });

  test("the built CLI: a refusal exits 2 with --json, DATABASE_URL from the environment, no password anywhere", async () => {
    const r = repo({ [C_NAME]: C_SQL });
    const result = cli(
      ["rollback", "--environment", "staging", "--revert", "20250102000000_add_posts", "--confirm", "20250102000000_add_posts", "--json"],
      { cwd: r.dir, env: { DATABASE_URL: staging } },
    );
    expectNoPassword(result.stdout, result.stderr);
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { ok: boolean; refused: string };
    expect(doc.ok).toBe(false);
    expect(doc.refused).toMatch(
      /20250102000000_add_posts cannot be reverted on its own: the later migration 20250103000000_add_comments depends on it/,
    );
    expect(migrationsOf(r)).toEqual(migrationsOf(repoC));
  });

  test("--rolled-back: a failed migration is marked rolled back through the migrate runner (exit 0), a second time refused (exit 2)", async () => {
    const broken = "20250104000000_broken";
    const r = repo({ [broken]: `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n` });
    const db = await env.createDatabase("failed_cli");
    const failed = await runMigrate(
      validateRequest({ command: "deploy", environment: "staging", databaseUrl: db, workingDirectory: r.dir }),
      { logger: new RecordingLogger() },
    );
    expect(failed.state?.failed.map((f) => f.name)).toEqual([broken]);
    const result = await rollback(
      ["--environment", "staging", "--database-url", db, "--rolled-back", broken, "--confirm", broken, "--reason", "typo", "--json"],
      { cwd: r.dir },
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      ok: boolean;
      kind: string;
      failed: string[];
      rolledBack: string[];
      resolved: { name: string; kind: string };
    };
    expect(doc).toMatchObject({
      ok: true,
      kind: "rolled-back",
      failed: [],
      rolledBack: [broken],
      resolved: { name: broken, kind: "rolled-back" },
    });
    const before = await snapshot(env, "failed_cli");
    const again = await rollback(["--environment", "staging", "--database-url", db, "--rolled-back", broken, "--confirm", broken], {
      cwd: r.dir,
    });
    expect(again.code).toBe(2);
    expect(again.stdout).toMatch(/--rolled-back is only for a migration in the failed state/);
    expect(await snapshot(env, "failed_cli")).toBe(before);
  });
});
