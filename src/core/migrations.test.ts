import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOCK_FILE, checksum, compareMigrationNames, lineAndColumn, readMigrationsDirectory } from "./migrations.js";

describe("compareMigrationNames", () => {
  const sorted = (names: string[]) => [...names].sort(compareMigrationNames);

  test("orders by bytes: upper case sorts before lower case (not locale collation)", () => {
    // localeCompare would put "20240101_a" first; Prisma compares bytes ('B' = 0x42 < 'a' = 0x61).
    expect(compareMigrationNames("20240101_B", "20240101_a")).toBeLessThan(0);
    expect(compareMigrationNames("20240101_a", "20240101_B")).toBeGreaterThan(0);
    expect(sorted(["20240101_a", "20240101_B"])).toEqual(["20240101_B", "20240101_a"]);
  });

  test("digits sort before underscore", () => {
    // '0' = 0x30 < '_' = 0x5f, so a longer timestamp with the same prefix comes first.
    expect(compareMigrationNames("2024010100_x", "20240101_x")).toBeLessThan(0);
    expect(sorted(["20240101_x", "2024010100_x", "20240101000000_init"])).toEqual(["20240101000000_init", "2024010100_x", "20240101_x"]);
  });

  test("equal names compare as 0 and a prefix sorts first", () => {
    expect(compareMigrationNames("20240101_init", "20240101_init")).toBe(0);
    expect(compareMigrationNames("20240101_init", "20240101_init_2")).toBeLessThan(0);
  });

  test("non-ASCII names compare by their UTF-8 bytes", () => {
    // 'é' is 0xC3 0xA9 in UTF-8, after every ASCII byte ('z' = 0x7a).
    expect(compareMigrationNames("01_é", "01_z")).toBeGreaterThan(0);
  });
});

describe("checksum", () => {
  test("is the lower-case sha256 hex digest", () => {
    expect(checksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(checksum("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("a string and its UTF-8 bytes have the same checksum", () => {
    const sql = 'CREATE TABLE "Café" ("id" SERIAL);\n';
    expect(checksum(sql)).toBe(checksum(Buffer.from(sql, "utf8")));
  });

  test("line endings change the checksum", () => {
    expect(checksum("SELECT 1;\r\n")).not.toBe(checksum("SELECT 1;\n"));
  });
});

describe("lineAndColumn", () => {
  test("offset 0 is line 1, column 1", () => {
    expect(lineAndColumn("SELECT 1;", 0)).toEqual({ line: 1, column: 1 });
  });

  test("counts lines and columns after newlines", () => {
    const text = "SELECT 1;\nSELECT 2;\n  SELECT oops;";
    expect(lineAndColumn(text, text.indexOf("SELECT 2"))).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn(text, text.indexOf("oops"))).toEqual({ line: 3, column: 10 });
  });

  test("the newline character itself belongs to the line it ends", () => {
    expect(lineAndColumn("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumn("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
  });

  test("CRLF files: the line after \\r\\n starts at column 1", () => {
    const text = "SELECT 1;\r\nSELECT 2;";
    expect(lineAndColumn(text, text.indexOf("SELECT 2"))).toEqual({ line: 2, column: 1 });
  });
});

describe("readMigrationsDirectory", () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "migrate-guard-migrations-"));
    dir = path.join(root, "prisma", "migrations");
    await mkdir(dir, { recursive: true });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function migration(name: string, sql: string | Buffer) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }

  test("lists migrations in byte order of their folder names", async () => {
    await migration("20240101_a", "SELECT 'a';\n");
    await migration("20240101_B", "SELECT 'B';\n");
    await migration("20240101_x", "SELECT 'x';\n");
    await migration("2024010100_x", "SELECT 'x0';\n");

    const read = await readMigrationsDirectory(dir, root);

    expect(read.migrations.map((m) => m.name)).toEqual(["2024010100_x", "20240101_B", "20240101_a", "20240101_x"]);
    expect(read.dir).toBe(dir);
  });

  test("each migration carries its SQL, its checksum and a root-relative POSIX path", async () => {
    const sql = 'CREATE TABLE "User" ("id" SERIAL NOT NULL);\n';
    await migration("20240101000000_init", sql);

    const read = await readMigrationsDirectory(dir, root);

    expect(read.migrations).toEqual([
      {
        name: "20240101000000_init",
        file: "prisma/migrations/20240101000000_init/migration.sql",
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      },
    ]);
  });

  test("file paths are relative to the given root, not to the migrations directory", async () => {
    await migration("20240101000000_init", "SELECT 1;\n");
    const read = await readMigrationsDirectory(dir, path.join(root, "prisma"));
    expect(read.migrations[0]?.file).toBe("migrations/20240101000000_init/migration.sql");
  });

  test("checksum is sha256 of the file bytes as Prisma stores it (CRLF and BOM kept)", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("SELECT 1;\r\nSELECT 2;\r\n")]);
    await migration("20240101000000_crlf", bytes);

    const read = await readMigrationsDirectory(dir, root);

    expect(read.migrations[0]?.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(read.migrations[0]?.checksum).not.toBe(checksum("SELECT 1;\nSELECT 2;\n"));
  });

  test("folders without migration.sql are reported, not listed as migrations", async () => {
    await migration("20240101000000_init", "SELECT 1;\n");
    await mkdir(path.join(dir, "20240102000000_empty"));
    await mkdir(path.join(dir, "20240103000000_wrong_file"));
    await writeFile(path.join(dir, "20240103000000_wrong_file", "up.sql"), "SELECT 1;\n");

    const read = await readMigrationsDirectory(dir, root);

    expect(read.migrations.map((m) => m.name)).toEqual(["20240101000000_init"]);
    expect(read.foldersWithoutSql).toEqual(["20240102000000_empty", "20240103000000_wrong_file"]);
  });

  test("folders without migration.sql are reported in byte order", async () => {
    await mkdir(path.join(dir, "20240101_b"));
    await mkdir(path.join(dir, "20240101_A"));
    const read = await readMigrationsDirectory(dir, root);
    expect(read.foldersWithoutSql).toEqual(["20240101_A", "20240101_b"]);
  });

  test("reads migration_lock.toml", async () => {
    const lock = '# Please do not edit this file manually\nprovider = "postgresql"\n';
    await writeFile(path.join(dir, LOCK_FILE), lock);
    await migration("20240101000000_init", "SELECT 1;\n");

    const read = await readMigrationsDirectory(dir, root);

    expect(LOCK_FILE).toBe("migration_lock.toml");
    expect(read.lockFile).toBe(lock);
  });

  test("a missing lock file leaves lockFile undefined", async () => {
    await migration("20240101000000_init", "SELECT 1;\n");
    const read = await readMigrationsDirectory(dir, root);
    expect(read.lockFile).toBeUndefined();
    expect("lockFile" in read).toBe(false);
  });

  test("non-directory entries are ignored", async () => {
    await migration("20240101000000_init", "SELECT 1;\n");
    await writeFile(path.join(dir, "README.md"), "# migrations\n");
    await writeFile(path.join(dir, "20240102000000_stray.sql"), "SELECT 2;\n");
    await writeFile(path.join(dir, LOCK_FILE), 'provider = "postgresql"\n');

    const read = await readMigrationsDirectory(dir, root);

    expect(read.migrations.map((m) => m.name)).toEqual(["20240101000000_init"]);
    expect(read.foldersWithoutSql).toEqual([]);
  });

  test("an empty directory gives no migrations", async () => {
    const read = await readMigrationsDirectory(dir, root);
    expect(read).toEqual({ dir, migrations: [], foldersWithoutSql: [] });
  });

  test("a missing directory rejects", async () => {
    await expect(readMigrationsDirectory(path.join(root, "nope"), root)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
