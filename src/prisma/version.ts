// Which Prisma major a project uses, decided before anything runs. migrate-guard drives Prisma Migrate
// (`migrate deploy/resolve/diff`, `_prisma_migrations`); Prisma 8 replaced it with a different model
// (`migration plan`, `db migrate`, a contract marker), so a project on an unsupported major is refused
// with one sentence instead of failing halfway through a deploy.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";

/** The Prisma majors migrate-guard runs (the tests run 6.19 and 7.10; 5 shares 6's flags). */
export const SUPPORTED_PRISMA_MAJORS = [5, 6, 7] as const;
export const PRISMA_8_PLAN_URL = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/prisma-8.md";

export interface PrismaPackage {
  version: string;
  /** NaN when the version is not a version. */
  major: number;
  /** The package.json that says so: prisma's own (installed) or the project's (declared). */
  source: string;
  installed: boolean;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const majorOf = (version: string) => Number(/^\s*v?(\d+)(\.|$)/.exec(version)?.[1] ?? Number.NaN);

/** The `prisma` package that Node resolves from the working directory upwards, as the project's scripts would. */
export function installedPrisma(workingDirectory: string): PrismaPackage | undefined {
  let pkgPath: string;
  try {
    pkgPath = createRequire(path.join(workingDirectory, "package.json")).resolve("prisma/package.json");
  } catch {
    return undefined;
  }
  const version = readJson(pkgPath)?.version;
  const text = typeof version === "string" ? version : "";
  return { version: text, major: majorOf(text), source: pkgPath, installed: true };
}

/**
 * The `prisma` range the project's package.json declares when nothing is installed yet: only a range that
 * names one major (`8.0.0-rc.19`, `^8.0.0`, `~7.10.1`, `>=8`); tags, workspaces and aliases say nothing.
 */
export function declaredPrisma(workingDirectory: string): PrismaPackage | undefined {
  const source = path.join(workingDirectory, "package.json");
  const pkg = readJson(source);
  if (!pkg) return undefined;
  for (const field of ["dependencies", "devDependencies"]) {
    const deps = pkg[field];
    const range = typeof deps === "object" && deps !== null ? (deps as Record<string, unknown>).prisma : undefined;
    if (typeof range !== "string") continue;
    const match = /^\s*(?:\^|~|>=|=)?\s*v?(\d+)(?:\.[\dx*]+){0,2}(?:-[0-9A-Za-z.-]+)?\s*$/.exec(range);
    if (match) return { version: range.trim(), major: Number(match[1]), source, installed: false };
  }
  return undefined;
}

/** One sentence for a Prisma that migrate-guard does not run, or undefined when it does. */
export function unsupportedPrismaMessage(prisma: PrismaPackage, workingDirectory = "."): string | undefined {
  const where = path.relative(workingDirectory, prisma.source) || prisma.source;
  const found = prisma.installed
    ? `Prisma ${prisma.version || "(no version)"} is installed (${where})`
    : `package.json asks for Prisma ${prisma.version}`;
  const supported = `migrate-guard supports Prisma ${SUPPORTED_PRISMA_MAJORS.slice(0, -1).join(", ")} and ${SUPPORTED_PRISMA_MAJORS.at(-1)}`;
  if (Number.isNaN(prisma.major)) return `${found}, which is not a version migrate-guard can read; ${supported}.`;
  if ((SUPPORTED_PRISMA_MAJORS as readonly number[]).includes(prisma.major)) return undefined;
  if (prisma.major < SUPPORTED_PRISMA_MAJORS[0]) return `${found}, but ${supported}: upgrade prisma in package.json.`;
  return `${found}, but ${supported}; the plan for Prisma 8 and later is in docs/prisma-8.md (${PRISMA_8_PLAN_URL}).`;
}

/** Refuses (exit 2) a project whose installed — or else declared — Prisma is not a supported major. */
export function assertSupportedPrisma(workingDirectory: string): PrismaPackage | undefined {
  const prisma = installedPrisma(workingDirectory) ?? declaredPrisma(workingDirectory);
  const message = prisma && unsupportedPrismaMessage(prisma, workingDirectory);
  if (message) throw new ConfigurationError(message);
  return prisma;
}
