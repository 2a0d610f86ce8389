import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConfigurationError } from "../../src/core/errors.js";
import {
  findDumpTools,
  findPostgres,
  listPostgresInstallations,
  parseRequestedMajor,
  parseServerVersion,
} from "../../src/postgres/binaries.js";

// This machine (and GitHub's Ubuntu runners) have Debian's packages; here PostgreSQL 15, also
// symlinked from /usr/local/bin.
const DEBIAN_15 = "/usr/lib/postgresql/15/bin";

describe("PostgreSQL discovery", () => {
  it("finds the installed server once, by its canonical directory", async () => {
    const found = await listPostgresInstallations();
    const fifteen = found.filter((i) => i.major === 15);
    expect(fifteen).toHaveLength(1);
    expect(fifteen[0]!.bindir).toBe(realpathSync(DEBIAN_15));
    expect(fifteen[0]!.version).toMatch(/^15\.\d+/);
    expect(new Set(found.map((i) => i.bindir)).size).toBe(found.length);
  });

  it("picks the highest major by default and the requested major otherwise", async () => {
    const all = await listPostgresInstallations();
    expect((await findPostgres()).major).toBe(Math.max(...all.map((i) => i.major)));
    expect((await findPostgres("15")).major).toBe(15);
    expect((await findPostgres(" 15.4 ")).bindir).toBe(realpathSync(DEBIAN_15));
  });

  it("names the request and every installation found when nothing fits", async () => {
    const error = await findPostgres("99").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain("PostgreSQL 99");
    expect(message).toMatch(/PostgreSQL 15\.\d+ at \/usr\/lib\/postgresql\/15\/bin/);
  });

  it("rejects a version that is not a number", async () => {
    await expect(findPostgres("latest-ish")).rejects.toBeInstanceOf(ConfigurationError);
    expect(() => parseRequestedMajor("16;rm")).toThrow(ConfigurationError);
    expect(parseRequestedMajor("16")).toBe(16);
  });

  it("parses `postgres --version` output", () => {
    expect(parseServerVersion("postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({ version: "15.18", major: 15 });
    expect(parseServerVersion("postgres (PostgreSQL) 17beta1")).toEqual({ version: "17beta1", major: 17 });
    expect(parseServerVersion("postgres (PostgreSQL) 9.6.24")).toEqual({ version: "9.6.24", major: 9 });
  });
});

describe("pg_dump/pg_restore for a server that has none (findDumpTools)", () => {
  // Fake clients of majors no real installation has (99, 100, 101), first on PATH.
  const root = mkdtempSync(path.join(os.tmpdir(), "mg-dump-tools-"));
  const client = (major: number) => {
    const dir = path.join(root, String(major));
    mkdirSync(dir, { recursive: true });
    for (const name of ["pg_dump", "pg_restore"]) {
      writeFileSync(path.join(dir, name), `#!/bin/sh\necho "${name} (PostgreSQL) ${major}.1"\n`, { mode: 0o755 });
    }
    return dir;
  };
  const serverOnly = path.join(root, "server");
  mkdirSync(serverOnly);
  const [c99, c100, c101] = [client(99), client(100), client(101)];
  const savedPath = process.env.PATH;
  afterAll(() => {
    process.env.PATH = savedPath;
    rmSync(root, { recursive: true, force: true });
  });
  const search = async (major: number, pathDirs: string[]) => {
    process.env.PATH = [...pathDirs, savedPath].join(path.delimiter);
    return findDumpTools(serverOnly, major);
  };

  it("takes the same major when installed, else the closest newer one, never an older one", async () => {
    expect(await search(100, [c101, c99, c100])).toEqual({ bindir: c100, major: 100 });
    expect(await search(98, [c101, c99])).toEqual({ bindir: c99, major: 99 });
    expect(await search(102, [c99, c100, c101])).toBeUndefined();
  });

  it("takes the server's own when it has them", async () => {
    expect(await findDumpTools(c101, 101)).toEqual({ bindir: c101, major: 101 });
  });
});
