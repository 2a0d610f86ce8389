// Reading a Prisma migrations directory: what Prisma itself would see (folders in byte order, each with
// a migration.sql), plus what it silently ignores or trips over (folders without migration.sql).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface Migration {
  /** Folder name, e.g. `20240101120000_add_users`. */
  name: string;
  /** Path of migration.sql relative to the repository/working-directory root, POSIX separators. */
  file: string;
  sql: string;
  /** sha256 hex of the file, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface MigrationsDirectory {
  /** Absolute path of the migrations directory. */
  dir: string;
  migrations: Migration[];
  /** Folders that have no migration.sql (Prisma fails on them). */
  foldersWithoutSql: string[];
  /** Content of migration_lock.toml, undefined when missing. */
  lockFile?: string;
}

export const LOCK_FILE = "migration_lock.toml";

/** Prisma orders migrations by folder name, comparing bytes (not locale collation). */
export function compareMigrationNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function checksum(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Reads every migration under `dir`. `root` is what `file` paths are made relative to (the repository
 * root, so annotations land on the right file).
 */
export async function readMigrationsDirectory(dir: string, root: string): Promise<MigrationsDirectory> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(compareMigrationNames);
  const result: MigrationsDirectory = { dir, migrations: [], foldersWithoutSql: [] };
  const lock = entries.find((e) => e.isFile() && e.name === LOCK_FILE);
  if (lock) result.lockFile = await readFile(path.join(dir, LOCK_FILE), "utf8");

  const loaded = await Promise.all(
    folders.map(async (name) => {
      const sqlPath = path.join(dir, name, "migration.sql");
      try {
        const bytes = await readFile(sqlPath);
        return { name, file: toPosix(path.relative(root, sqlPath)), sql: bytes.toString("utf8"), checksum: checksum(bytes) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return name;
        throw error;
      }
    }),
  );
  for (const item of loaded) {
    if (typeof item === "string") result.foldersWithoutSql.push(item);
    else result.migrations.push(item);
  }
  return result;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** 1-based line and column of a 0-based character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
