// The schema change as a picture, through the real pipeline (a real cluster, the real Prisma CLI, a git
// base): a pull request that adds a table with a foreign key to an existing table gets a Mermaid
// erDiagram with both tables and the relation, parsed by Mermaid itself. The base state is read where
// the lock measurement has it: a replay (no cache), a copy of the prefix state (cache miss), the
// restored snapshot before Prisma applies (cache hit); all three give the same picture.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { verifyCommand } from "../../src/cli/verify-command.js";
import { RecordingLogger } from "../../src/core/logger.js";
import type { VerifyReport } from "../../src/core/report.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { verify } from "../../src/verify/verify.js";
import { erModel, mermaidBlocks, parseMermaid } from "../support/mermaid-parse.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../support/project-repo.js";

let repo: ProjectRepo;
let base: string;
let tmp: string;

beforeAll(() => {
  repo = createProjectRepo(exampleApp);
  base = repo.git("rev-parse", "HEAD");
  repo.write(
    "prisma/migrations/20250103000000_add_comments/migration.sql",
    [
      `CREATE TABLE "Comment" (`,
      `    "id" BIGSERIAL NOT NULL,`,
      `    "postId" BIGINT NOT NULL,`,
      `    "body" TEXT NOT NULL,`,
      `    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,`,
      `    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")`,
      `);`,
      `ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;`,
      "",
    ].join("\n"),
  );
  repo.write(
    "prisma/schema.prisma",
    repo
      .read("prisma/schema.prisma")
      .replace(
        "  author    User     @relation(fields: [authorId], references: [id])\n",
        "  author    User     @relation(fields: [authorId], references: [id])\n  comments  Comment[]\n",
      ) +
      `\nmodel Comment {\n  id        BigInt   @id @default(autoincrement())\n  postId    BigInt\n  body      String\n  createdAt DateTime @default(now())\n  post      Post     @relation(fields: [postId], references: [id])\n}\n`,
  );
  tmp = mkdtempSync(path.join(os.tmpdir(), "mg-diagram-"));
});
afterAll(() => {
  repo.remove();
  rmSync(tmp, { recursive: true, force: true });
});

const EXPECTED_BLOCK = [
  "erDiagram",
  "  Comment {",
  '    bigint id PK "+"',
  '    bigint postId FK "+"',
  '    text body "+"',
  '    timestamp_3 createdAt "+"',
  "  }",
  "  Post {",
  "    bigint id PK",
  "    bigint authorId FK",
  '    more columns "4 not shown"',
  "  }",
  '  Post ||--o{ Comment : "+ postId"',
].join("\n");

describe("verify: the schema change as a Mermaid erDiagram", () => {
  test("verify --markdown writes the PR comment's text with both tables and the relation, and Mermaid parses it", async () => {
    const file = path.join(tmp, "out", "report.md");
    const stdout = new PassThrough();
    let json = "";
    stdout.on("data", (d: Buffer) => {
      json += d.toString();
    });
    const code = await verifyCommand(["--working-directory", repo.dir, "--base-ref", base, "--no-cache", "--markdown", file, "--json"], {
      stdout,
      logger: new RecordingLogger(),
      color: false,
    });
    const markdown = readFileSync(file, "utf8");
    // --json carries the model the diagram is drawn from, under schemaChange.
    const change = JSON.parse(json).schemaChange;
    expect(change.missing).toBeNull();
    expect(change.tables.map((t: { name: string; status: string; touched: boolean }) => [t.name, t.status, t.touched])).toEqual([
      ["Comment", "added", true],
      ["Post", "unchanged", false],
    ]);
    expect(change.tables[0].columns).toEqual([
      { name: "id", type: "bigint", status: "added", detail: null, primaryKey: true, foreignKey: false, unique: false },
      { name: "postId", type: "bigint", status: "added", detail: null, primaryKey: false, foreignKey: true, unique: false },
      { name: "body", type: "text", status: "added", detail: null, primaryKey: false, foreignKey: false, unique: false },
      {
        name: "createdAt",
        type: "timestamp(3) without time zone",
        status: "added",
        detail: null,
        primaryKey: false,
        foreignKey: false,
        unique: false,
      },
    ]);
    expect(change.relations).toEqual([
      {
        name: "Comment_postId_fkey",
        from: { schema: "public", table: "Comment", columns: ["postId"] },
        to: { schema: "public", table: "Post", columns: ["id"] },
        status: "added",
        optional: false,
        oneToOne: false,
      },
    ]);
    expect({ code, head: markdown.split("\n")[0] }).toEqual({
      code: 0,
      head: expect.stringMatching(/^## ✅ migrate-guard verify \(.*\): 8 checks/),
    });
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toEqual([EXPECTED_BLOCK]);
    await expect(parseMermaid(blocks[0]!)).resolves.toBe("er");
    // As Mermaid itself reads it: both tables, and Post (exactly one) to Comment (zero or more), new.
    const model = await erModel(blocks[0]!);
    expect(Object.keys(model.entities).sort()).toEqual(["Comment", "Post"]);
    expect(model.entities.Comment!.map((a) => [a.name, a.keys, a.comment])).toEqual([
      ["id", ["PK"], "+"],
      ["postId", ["FK"], "+"],
      ["body", [], "+"],
      ["createdAt", [], "+"],
    ]);
    expect(model.relationships).toEqual([
      { a: "Post", b: "Comment", label: "+ postId", cardA: "ZERO_OR_MORE", cardB: "ONLY_ONE", relType: "IDENTIFYING" },
    ]);
    expect(markdown).toContain("- **added**: `Comment`");
    // User is two foreign keys away from Comment: not a neighbour.
    expect(markdown).not.toMatch(/^ {2}User \{/m);
  }, 120_000);

  test("an empty --markdown is a usage error, and --help documents the flag", async () => {
    const io = () => ({ stdout: new PassThrough(), logger: new RecordingLogger(), color: false });
    await expect(verifyCommand(["--markdown", " "], io())).rejects.toThrow(/Invalid --markdown "". Expected a file to write/);
    const out = io();
    let help = "";
    out.stdout.on("data", (d: Buffer) => {
      help += d.toString();
    });
    expect(await verifyCommand(["--help"], out)).toBe(0);
    expect(help).toContain("--markdown FILE");
  });

  test("with the snapshot cache (miss, then hit) the base state comes from the snapshot: the same picture", async () => {
    const cacheDir = path.join(tmp, "cache");
    const run = (): Promise<VerifyReport> =>
      verify({ workingDirectory: repo.dir, baseRef: base, slowMigrationSeconds: 30, cacheDir, logger: new RecordingLogger() });
    const miss = await run();
    const hit = await run();
    expect([miss.cache?.state, hit.cache?.state]).toEqual(["miss", "hit"]);
    expect(miss.schemaChange).toMatchObject({
      change: {
        tables: [
          { name: "Comment", status: "added" },
          { name: "Post", status: "unchanged" },
        ],
        relations: [
          {
            name: "Comment_postId_fkey",
            status: "added",
            from: { table: "Comment", columns: ["postId"] },
            to: { table: "Post", columns: ["id"] },
          },
        ],
      },
    });
    expect(hit.schemaChange).toEqual(miss.schemaChange);
    expect(mermaidBlocks(renderMarkdown(hit))).toEqual([EXPECTED_BLOCK]);
  }, 150_000);
});
