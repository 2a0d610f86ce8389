// The project's own Prisma CLI, run as a child process. Prisma 6 and 7 take different flags for the
// same verbs; this is the one place that knows both.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { unsupportedPrismaMessage } from "./version.js";
import { ConfigurationError, redact } from "../core/errors.js";

export interface PrismaRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How to start one Prisma CLI process. */
export interface PrismaRunOptions {
  /** Another project shape (verify's prefix-only copy): a config file, else a schema. */
  from?: { configFile?: string; schemaPath?: string };
  /**
   * The command has little work to do (schema → SQL, a deploy with a few pending migrations): start
   * Node without its optimising compilers (SHORT_LIVED_NODE_FLAGS). Same code, same results; measured
   * on trigger.dev's schema it saves ~1 s of CPU per process, which on a 2-core runner is wall time
   * for whatever runs beside it. Not for long work (a deploy of 820 migrations ran 10–25 % slower).
   */
  shortLived?: boolean;
  /** Kills the process (SIGKILL); the promise then resolves with a non-zero code. */
  signal?: AbortSignal;
}

/**
 * V8 flags for a Prisma process that finishes in seconds: no TurboFan for JavaScript (`--no-opt`) and
 * only the baseline compiler for the schema engine's WebAssembly (`--liftoff-only`), so no core is
 * spent optimising code that runs once. Both exist in Node 20 and Node 24 (checked with --v8-options).
 */
export const SHORT_LIVED_NODE_FLAGS = ["--no-opt", "--liftoff-only"];

/**
 * Node majors whose V8 was checked to take SHORT_LIVED_NODE_FLAGS (20 and 24 here; 22 shares their
 * flag set). An unknown V8 flag makes node exit 9 before Prisma runs, so other majors go without them.
 */
export function takesShortLivedFlags(version = process.versions.node): boolean {
  const major = Number(version.split(".")[0]);
  return major >= 20 && major <= 24;
}

/**
 * The advisory lock every Prisma Migrate command takes before it reads or writes `_prisma_migrations`
 * (https://pris.ly/d/migrate-advisory-locking; `SELECT pg_advisory_lock(72707369)`, 10 s timeout).
 */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface PrismaCli {
  version: string;
  major: number;
  entry: string;
  /** `prisma migrate deploy` against `url` (passed through every variable the project reads). */
  deploy(url: string, onLine?: (line: string) => void, options?: PrismaRunOptions): Promise<PrismaRunResult>;
  /**
   * SQL that creates the schema.prisma datamodel on an empty database. Reads no database, but a
   * config with a driver adapter connects on start, so it gets the verify database's URL too.
   */
  schemaToSql(url: string, schemaPath?: string): Promise<string>;
  /**
   * Prisma's own differ, from the migrated state to schema.prisma (`prisma migrate diff … --script
   * --exit-code`). `url` is the migrated database for "url" and "config-datasource", an empty
   * scratch database for "migrations" (its driver adapter replays the migrations there).
   */
  diff(source: DiffSource, url: string): Promise<DiffOutcome>;
  /**
   * `prisma migrate resolve --applied|--rolled-back NAME` against `url`. `name` must already be checked
   * to be a single migration folder name (it is passed as one argument, never through a shell).
   */
  resolve(url: string, kind: "applied" | "rolled-back", name: string, onLine?: (line: string) => void): Promise<PrismaRunResult>;
}

/**
 * Where Prisma's differ reads the migrated state: the database itself (`--from-url`, native engine of
 * Prisma 5/6), the config's datasource (`--from-config-datasource`, Prisma 7), or the migrations
 * folder replayed on a shadow database (`--from-migrations`, a driver adapter with `engine: "js"`).
 */
export type DiffSource = { kind: "url" } | { kind: "config-datasource" } | { kind: "migrations"; dir: string };

export interface DiffOutcome {
  /** Prisma sees a difference (exit code 2). */
  drift: boolean;
  /** Prisma's script: the migration schema.prisma still needs ("-- This is an empty migration." when none). */
  sql: string;
}

export interface PrismaCliOptions {
  workingDirectory: string;
  schemaPath: string;
  urlVariables: string[];
  /** Set when the user named the schema explicitly: passed on as --schema. */
  explicitSchema: boolean;
  /**
   * A throwaway database only (verify): Prisma's advisory lock is always on, whatever
   * PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK says (verify holds that lock to make Prisma wait while it
   * restores a snapshot), and Node's compile cache goes to `compileCacheDir` when given (Node ≥ 22.1
   * reads NODE_COMPILE_CACHE; older Node ignores it). Never set for a real environment.
   */
  throwaway?: { compileCacheDir?: string };
}

/** Finds `prisma` the way the project's own scripts would: from the working directory upwards. */
export function findPrismaCli(options: PrismaCliOptions): PrismaCli {
  const require = createRequire(path.join(options.workingDirectory, "package.json"));
  let pkgPath: string;
  try {
    pkgPath = require.resolve("prisma/package.json");
  } catch {
    throw new ConfigurationError(
      `Prisma is not installed in ${options.workingDirectory} (or any parent node_modules). migrate-guard runs your project's own Prisma CLI: ` +
        `install dependencies first (e.g. \`npm ci\`), and make sure \`prisma\` is in package.json.`,
    );
  }
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string; bin?: Record<string, string> | string };
  const binRel = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.prisma ?? "build/index.js");
  const major = Number(pkg.version.split(".")[0]);
  const unsupported = unsupportedPrismaMessage({ version: pkg.version, major, source: pkgPath, installed: true }, options.workingDirectory);
  if (unsupported) throw new ConfigurationError(unsupported);
  return new ProjectPrismaCli(pkg.version, major, path.join(path.dirname(pkgPath), binRel), options);
}

const URL_PATTERN = /^postgres(ql)?:\/\//i;

class ProjectPrismaCli implements PrismaCli {
  constructor(
    readonly version: string,
    readonly major: number,
    readonly entry: string,
    private readonly options: PrismaCliOptions,
  ) {}

  /**
   * The child's environment: the URL in every variable the project reads, and no other database URL
   * at all, so that a variable we did not detect can never point Prisma at a real environment.
   */
  private env(url: string | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !URL_PATTERN.test(v)) env[k] = v;
    }
    if (url) for (const name of this.options.urlVariables) env[name] = url;
    if (this.options.throwaway) {
      delete env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
      if (this.options.throwaway.compileCacheDir) env.NODE_COMPILE_CACHE = this.options.throwaway.compileCacheDir;
    }
    env.CHECKPOINT_DISABLE = "1";
    env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
    env.NO_COLOR = "1";
    env.FORCE_COLOR = "0";
    return env;
  }

  private schemaArgs(): string[] {
    return this.options.explicitSchema ? ["--schema", this.options.schemaPath] : [];
  }

  run(args: string[], url: string | undefined, onLine?: (line: string) => void, options: PrismaRunOptions = {}): Promise<PrismaRunResult> {
    return new Promise((resolve, reject) => {
      const flags = options.shortLived && takesShortLivedFlags() ? SHORT_LIVED_NODE_FLAGS : [];
      const child = spawn(process.execPath, [...flags, this.entry, ...args], {
        cwd: this.options.workingDirectory,
        env: this.env(url),
        stdio: ["ignore", "pipe", "pipe"],
        ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" as const } : {}),
      });
      let stdout = "";
      let stderr = "";
      let pending = "";
      const secrets = url ? [url] : [];
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (!onLine) return;
        pending += d.toString();
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) onLine(redact(line, secrets));
      });
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      // An abort is reported as a failed run (close follows with a signal), not as an exception.
      child.on("error", (error) => {
        if (error.name !== "AbortError") reject(error);
      });
      child.on("close", (code) => resolve({ code: code ?? 1, stdout: redact(stdout, secrets), stderr: redact(stderr, secrets) }));
    });
  }

  deploy(url: string, onLine?: (line: string) => void, options: PrismaRunOptions = {}): Promise<PrismaRunResult> {
    const { from } = options;
    const args = from?.configFile ? ["--config", from.configFile] : from?.schemaPath ? ["--schema", from.schemaPath] : this.schemaArgs();
    return this.run(["migrate", "deploy", ...args], url, onLine, options);
  }

  resolve(url: string, kind: "applied" | "rolled-back", name: string, onLine?: (line: string) => void): Promise<PrismaRunResult> {
    return this.run(["migrate", "resolve", `--${kind}`, name, ...this.schemaArgs()], url, onLine);
  }

  async diff(source: DiffSource, url: string): Promise<DiffOutcome> {
    const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
    const from =
      source.kind === "url"
        ? ["--from-url", url]
        : source.kind === "config-datasource"
          ? ["--from-config-datasource"]
          : ["--from-migrations", source.dir];
    const result = await this.run(["migrate", "diff", ...from, to, this.options.schemaPath, "--script", "--exit-code"], url);
    if ((result.code !== 0 && result.code !== 2) || result.stdout.trim() === "") {
      throw new PrismaCommandError(
        `prisma migrate diff ${from[0]} could not compare the migrations with ${path.basename(this.options.schemaPath)}`,
        result,
      );
    }
    return { drift: result.code === 2, sql: result.stdout };
  }

  async schemaToSql(url: string, schemaPath = this.options.schemaPath): Promise<string> {
    const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
    const result = await this.run(["migrate", "diff", "--from-empty", to, schemaPath, "--script"], url, undefined, { shortLived: true });
    if (result.code !== 0) {
      throw new PrismaCommandError(`prisma migrate diff could not turn ${path.basename(schemaPath)} into SQL`, result);
    }
    // A script is never empty (an empty one says "-- This is an empty migration."); Prisma 7's CLI
    // exits 0 printing nothing when its schema engine process dies mid-command.
    if (result.stdout.trim() === "") {
      throw new PrismaCommandError(
        `prisma migrate diff exited 0 but printed no SQL for ${path.basename(schemaPath)} (its schema engine probably stopped early)`,
        result,
      );
    }
    return result.stdout;
  }
}

export class PrismaCommandError extends Error {
  constructor(
    message: string,
    readonly result: PrismaRunResult,
  ) {
    super(`${message}:\n${(result.stderr || result.stdout).trim().split("\n").slice(-25).join("\n")}`);
  }
}
