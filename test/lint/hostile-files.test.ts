// Files are hostile: real migrations (trigger.dev, umami, hoppscotch), mutated byte by byte the way
// files get damaged (truncated mid-character, random bytes, Latin-1 bytes, NUL, a BOM, stray `$$`,
// quotes and comment openers, slices lost or doubled, CRLF), go through the linter as the CLI reads
// them. Every one must come back as findings (never an exception), each finding well-formed, and the
// damage PostgreSQL or Prisma cannot take (NUL, BOM, bytes that are not UTF-8) must be an error.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { lintCommand } from "../../src/cli/lint-command.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { lint } from "../../src/lint/linter.js";
import { ruleById } from "../../src/lint/registry.js";
import type { LintFinding } from "../../src/lint/types.js";
import { repoRoot } from "../support/project-repo.js";

/** mulberry32: the same mutations on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  corpus: string;
  /** Up to 5 migrations before it, as the base the mutated one is linted against. */
  before: { name: string; sql: string }[];
  name: string;
  bytes: Buffer;
}

/** Every 40th migration of each corpus, and every one with a `$$` body (hand-written, most fragile). */
function samples(): Sample[] {
  const out: Sample[] = [];
  for (const corpus of ["trigger.dev", "umami", "hoppscotch"]) {
    const dir = path.join(repoRoot, "test/fixtures/corpus", corpus, "prisma/migrations");
    const names = readdirSync(dir)
      .filter((n) => /^\d/.test(n))
      .sort();
    const sql = (n: string) => readFileSync(path.join(dir, n, "migration.sql"));
    names.forEach((name, i) => {
      const bytes = sql(name);
      if (i % 40 !== 7 && !bytes.includes("$$")) return;
      const before = names.slice(Math.max(0, i - 5), i).map((n) => ({ name: n, sql: sql(n).toString("utf8") }));
      out.push({ corpus, before, name, bytes });
    });
  }
  return out;
}

type Mutation = { kind: string; mustBeError: boolean; apply(bytes: Buffer, rnd: () => number): Buffer };
const at = (bytes: Buffer, rnd: () => number) => Math.floor(rnd() * (bytes.length + 1));
const insert = (bytes: Buffer, i: number, what: Buffer) => Buffer.concat([bytes.subarray(0, i), what, bytes.subarray(i)]);

const MUTATIONS: Mutation[] = [
  { kind: "truncated", mustBeError: false, apply: (b, r) => b.subarray(0, at(b, r)) },
  {
    kind: "random bytes",
    mustBeError: false,
    apply: (b, r) => insert(b, at(b, r), Buffer.from(Array.from({ length: 1 + Math.floor(r() * 8) }, () => Math.floor(r() * 256)))),
  },
  { kind: "Latin-1 byte", mustBeError: true, apply: (b, r) => insert(b, at(b, r), Buffer.from([0xe9])) },
  { kind: "lone lead byte", mustBeError: true, apply: (b, r) => insert(b, at(b, r), Buffer.from([0xc3])) },
  { kind: "NUL", mustBeError: true, apply: (b, r) => insert(b, at(b, r), Buffer.from([0])) },
  { kind: "BOM", mustBeError: true, apply: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) },
  { kind: "stray $$", mustBeError: false, apply: (b, r) => insert(b, at(b, r), Buffer.from("$$")) },
  { kind: "stray quote", mustBeError: false, apply: (b, r) => insert(b, at(b, r), Buffer.from("'")) },
  { kind: "stray double quote", mustBeError: false, apply: (b, r) => insert(b, at(b, r), Buffer.from('"')) },
  { kind: "comment opener", mustBeError: false, apply: (b, r) => insert(b, at(b, r), Buffer.from("/*")) },
  {
    kind: "slice lost",
    mustBeError: false,
    apply: (b, r) => {
      const i = at(b, r);
      return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + Math.floor(r() * 200)))]);
    },
  },
  {
    kind: "slice doubled",
    mustBeError: false,
    apply: (b, r) => {
      const i = at(b, r);
      const slice = b.subarray(i, i + 1 + Math.floor(r() * 200));
      return insert(b, i + slice.length, slice);
    },
  },
  { kind: "CRLF", mustBeError: false, apply: (b) => Buffer.from(b.toString("latin1").replaceAll("\n", "\r\n"), "latin1") },
];

function lineCount(text: string): number {
  return text.split("\n").length;
}

/** Problems with a finding, as text (empty when it is well-formed). */
function malformed(f: LintFinding, file: string, text: string): string[] {
  const problems: string[] = [];
  if (!ruleById(f.rule)) problems.push(`unknown rule ${f.rule}`);
  if (!["error", "warning", "notice"].includes(f.severity)) problems.push(`severity ${f.severity}`);
  if (f.file !== file) problems.push(`file ${f.file}`);
  if (!(f.line >= 1 && f.line <= lineCount(text))) problems.push(`line ${f.line} of ${lineCount(text)}`);
  if (!(f.column >= 1) || !(f.endLine >= f.line)) problems.push(`column ${f.column}, endLine ${f.endLine}`);
  if (typeof f.message !== "string" || f.message.length < 10) problems.push(`message ${JSON.stringify(f.message)}`);
  return problems;
}

describe("hostile migration files (seeded mutations of real migrations)", () => {
  const all = samples();

  test("the sample covers the three corpora and hand-written $$ bodies", () => {
    expect(new Set(all.map((s) => s.corpus))).toEqual(new Set(["trigger.dev", "umami", "hoppscotch"]));
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.filter((s) => s.bytes.includes("$$")).length).toBeGreaterThanOrEqual(5);
  });

  test("the unmutated samples have no parse or encoding error (the mutations are what the findings are about)", async () => {
    for (const s of all) {
      const { findings } = await lintOne(s, s.bytes);
      expect(findings.filter((f) => f.rule === "parse-error" || f.rule === "file-encoding")).toEqual([]);
    }
  });

  test.each([1, 2])("every mutation (seed %i) gives well-formed findings, never an exception", async (seed) => {
    const rnd = random(seed);
    const failures: string[] = [];
    let runs = 0;
    for (const s of all) {
      for (const m of MUTATIONS) {
        const bytes = m.apply(s.bytes, rnd);
        const text = bytes.toString("utf8");
        const where = `${s.corpus}/${s.name} ${m.kind} (seed ${seed})`;
        let findings: LintFinding[];
        try {
          ({ findings } = await lintOne(s, bytes));
        } catch (error) {
          failures.push(`${where}: threw ${(error as Error).stack}`);
          continue;
        }
        runs++;
        for (const f of findings) for (const p of malformed(f, "new.sql", text)) failures.push(`${where}: ${f.rule} ${p}`);
        if (m.mustBeError && !findings.some((f) => f.rule === "file-encoding" && f.severity === "error")) {
          failures.push(`${where}: no file-encoding error`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(runs).toBe(all.length * MUTATIONS.length);
  });
});

async function lintOne(s: Sample, bytes: Buffer) {
  return lint({
    migrations: [
      ...s.before.map((b) => ({ ...b, file: `${b.name}.sql` })),
      { name: "99990101000000_new", file: "new.sql", sql: bytes.toString("utf8") },
    ],
    shouldLint: (n) => n === "99990101000000_new",
    groupOf: (n) => (n === "99990101000000_new" ? "new" : n),
    completeHistory: false,
  });
}

describe("migrate-guard lint --format json on a folder of damaged files", () => {
  let dir: string;
  const files: Record<string, Buffer> = {
    "20260101000000_bom": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`CREATE TABLE "A" ("id" INT);\n`)]),
    "20260102000000_latin1": Buffer.from(`CREATE TYPE "Status" AS ENUM ('valid\xe9');\n`, "latin1"),
    "20260103000000_nul": Buffer.from(`CREATE TABLE "B" ("id" INT);\0\nDROP TABLE "A";\n`),
    "20260104000000_png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    "20260105000000_cut_in_a_character": Buffer.from(`COMMENT ON TABLE "B" IS 'café`).subarray(0, -1),
    "20260106000000_empty": Buffer.alloc(0),
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migrate-guard-hostile-"));
    mkdirSync(path.join(dir, "prisma/migrations"), { recursive: true });
    writeFileSync(path.join(dir, "prisma/schema.prisma"), `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n`);
    writeFileSync(path.join(dir, "prisma/migrations/migration_lock.toml"), `provider = "postgresql"\n`);
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(path.join(dir, "prisma/migrations", name));
      writeFileSync(path.join(dir, "prisma/migrations", name, "migration.sql"), bytes);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("prints its document, exit 1, one finding per damage at the right place", async () => {
    let stdout = "";
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        stdout += chunk.toString();
        done();
      },
    });
    const code = await lintCommand(["--working-directory", dir, "--each-migration", "--format", "json"], {
      stdout: out,
      logger: new RecordingLogger(),
      color: false,
    });
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { findings: LintFinding[] };
    const of = (m: string) => doc.findings.filter((f) => f.migration === m).map((f) => `${f.rule} ${f.line}:${f.column}`);
    expect(of("20260101000000_bom")).toEqual(["file-encoding 1:1"]);
    expect(of("20260102000000_latin1")).toEqual(["file-encoding 1:37"]);
    expect(of("20260103000000_nul")).toEqual(expect.arrayContaining(["file-encoding 1:29", "drop-table 2:1"]));
    expect(of("20260104000000_png")).toEqual(expect.arrayContaining(["file-encoding 1:1"]));
    expect(of("20260105000000_cut_in_a_character")).toEqual(expect.arrayContaining(["file-encoding 1:29"]));
    expect(of("20260106000000_empty")).toEqual([]);
  });
});

describe("identifiers named like JavaScript's own properties", () => {
  test("__proto__, constructor, hasOwnProperty and toString are tables, columns and types like any other", async () => {
    const { lintSql } = await import("./support.js");
    const base = [
      `CREATE TYPE "constructor" AS ENUM ('a', 'b');
CREATE TABLE "__proto__" ("id" INT NOT NULL, "__proto__" TEXT, "hasOwnProperty" "constructor", "toString" INT, CONSTRAINT "p_pkey" PRIMARY KEY ("id"));
CREATE TABLE "constructor" ("id" INT NOT NULL);`,
    ];
    const found = await lintSql(
      `ALTER TABLE "__proto__" DROP COLUMN "__proto__";
ALTER TABLE "__proto__" ALTER COLUMN "hasOwnProperty" SET DATA TYPE TEXT;
ALTER TABLE "__proto__" RENAME COLUMN "toString" TO "valueOf";
DROP TABLE "constructor";`,
      { base },
    );
    const line = (rule: string) => found.find((f) => f.rule === rule);
    expect(line("drop-column")?.message).toMatch(/^Dropping "__proto__"\."__proto__" deletes its data/);
    expect(line("change-column-type")?.message).toMatch(/^Type of "__proto__"\."hasOwnProperty" changes from public\.constructor to text/);
    expect(line("rename-column")?.message).toMatch(/^Renaming "__proto__"\."toString" to "valueOf"/);
    expect(line("drop-table")?.message).toMatch(/^Dropping "constructor" deletes all of its rows/);
  });
});
