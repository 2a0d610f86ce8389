// Env files for every command, so an app needs no dotenv of its own: `--env-file FILE` (repeatable)
// and, when a command names `--environment NAME`, `.env.NAME` in the working directory if it exists.
//
// Precedence (highest first): explicit flags (--database-url …) > --env-file files, a later one over an
// earlier one (as with node --env-file) > the automatic .env.NAME > the process environment. Files win over the shell on purpose: a
// DATABASE_URL left exported for another database must not silently redirect a command that names
// its environment; when a file overrides a set variable, a warning names the variable (never a value).
// Node's util.parseEnv (Node ≥ 20.12) parses the files: no dependency in the bundle.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

/** Variables env files may not set: the identity of the run (actor, commit, token, runner). */
const RUNNER_IDENTITY = /^(GITHUB_|RUNNER_|ACTIONS_)|^CI$/;

export interface EnvFileResult {
  /** argv without the --env-file flags (every command's parser rejects them). */
  argv: string[];
  /** Files read, in precedence order (highest first), with the variable names each one set. */
  loaded: { file: string; names: string[] }[];
}

/** The value of `--flag VALUE` or `--flag=VALUE` (the last one given), without parsing anything else. */
export function peekFlag(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === flag && i + 1 < argv.length) value = argv[++i];
    else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
  }
  return value;
}

/** Splits the --env-file flags off argv. */
export function extractEnvFiles(argv: readonly string[]): { argv: string[]; files: string[] } {
  const rest: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--env-file") {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith("--"))
        throw new ConfigurationError("--env-file needs a file name, e.g. --env-file .env.staging.");
      files.push(file);
      i++;
    } else if (arg.startsWith("--env-file=")) {
      files.push(arg.slice("--env-file=".length));
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, files };
}

/** `.env.NAME` for an environment name: lower case, anything but [a-z0-9_-] as "-". */
export function environmentEnvFile(environment: string): string {
  const slug = environment
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `.env.${slug || "environment"}`;
}

function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `Could not read env file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Expected a file of NAME=value lines.`,
    );
  }
  const parsed = parseEnv(text);
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Reads the env files the arguments ask for into `env` (process.env by default) and returns argv
 * without the --env-file flags. Explicit files that do not exist are an error; a missing automatic
 * .env.NAME is not.
 */
export function loadEnvFiles(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logger?: Logger } = {},
): EnvFileResult {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const { argv: rest, files } = extractEnvFiles(argv);
  const candidates = [...files].reverse().map((f) => ({ file: path.resolve(cwd, f), shown: f, explicit: true }));
  const environment = peekFlag(rest, "--environment");
  if (environment !== undefined && environment.trim() !== "") {
    const workingDirectory = peekFlag(rest, "--working-directory") ?? ".";
    const name = environmentEnvFile(environment);
    const file = path.resolve(cwd, workingDirectory, name);
    candidates.push({ file, shown: path.join(workingDirectory, name), explicit: false });
  }
  const loaded: EnvFileResult["loaded"] = [];
  const setByFile = new Set<string>();
  for (const candidate of candidates) {
    if (!candidate.explicit && !existsSync(candidate.file)) continue;
    if (candidate.explicit && !existsSync(candidate.file)) {
      throw new ConfigurationError(
        `--env-file ${candidate.shown}: no such file (looked at ${candidate.file}). Expected a file of NAME=value lines, e.g. .env.staging.`,
      );
    }
    if (loaded.some((l) => l.file === candidate.file)) continue;
    const values = readEnvFile(candidate.file);
    const names: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      // An earlier (higher-precedence) file already set it.
      if (setByFile.has(name)) continue;
      if (RUNNER_IDENTITY.test(name)) {
        // Who runs, on which commit, with which token: the runner's to say, never a file in the
        // repository (a committed GITHUB_TRIGGERING_ACTOR would pass an override allowlist).
        options.logger?.warning(
          `${candidate.shown} sets ${name}; ignored: GITHUB_*, RUNNER_*, ACTIONS_* and CI come from the runner or the shell only.`,
        );
        continue;
      }
      if (env[name] !== undefined && env[name] !== value) {
        options.logger?.warning(
          `${candidate.shown} sets ${name}, overriding the value in the environment (env files take precedence over the shell; pass the flag to override both).`,
        );
      }
      env[name] = value;
      setByFile.add(name);
      names.push(name);
    }
    loaded.push({ file: candidate.file, names });
    options.logger?.info(`Loaded ${candidate.shown}${names.length ? ` (${names.join(", ")})` : " (no variables)"}.`);
  }
  return { argv: rest, loaded };
}
