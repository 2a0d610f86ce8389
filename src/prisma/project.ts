// Locating a Prisma project: its config, schema, migrations directory and the variables its
// datasource reads. A monorepo package is just a working directory.
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";
import { assertSupportedPrisma } from "./version.js";
import { parseConfigHints, parseDatasource, urlVariables, type ConfigHints, type DatasourceInfo } from "../core/prisma-schema.js";

export interface PrismaProject {
  workingDirectory: string;
  configFile?: string;
  configHints?: ConfigHints;
  /** schema.prisma, or a folder of .prisma files (prismaSchemaFolder). */
  schemaPath: string;
  schemaText: string;
  datasource: DatasourceInfo;
  migrationsDir: string;
  /** Variables that must carry the verify database URL when Prisma runs. */
  urlVariables: string[];
  /** Schemas (namespaces) the datasource manages. */
  schemas: string[];
}

const CONFIG_NAMES = [
  "prisma.config.ts",
  "prisma.config.mts",
  "prisma.config.cts",
  "prisma.config.js",
  "prisma.config.mjs",
  "prisma.config.cjs",
  ".config/prisma.ts",
];

async function readSchemaText(schemaPath: string): Promise<string> {
  if (statSync(schemaPath).isDirectory()) {
    const files = (await readdir(schemaPath, { recursive: true }))
      .map(String)
      .filter((f) => f.endsWith(".prisma"))
      .sort();
    return (await Promise.all(files.map((f) => readFile(path.join(schemaPath, f), "utf8")))).join("\n");
  }
  return readFile(schemaPath, "utf8");
}

async function packageJsonSchema(dir: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as { prisma?: { schema?: string } };
    return pkg.prisma?.schema;
  } catch {
    return undefined;
  }
}

export async function locateProject(options: { workingDirectory: string; schema?: string }): Promise<PrismaProject> {
  const wd = path.resolve(options.workingDirectory);
  if (!existsSync(wd) || !statSync(wd).isDirectory()) {
    throw new ConfigurationError(
      `Working directory "${options.workingDirectory}" does not exist. Expected the folder that holds your Prisma project (package.json, prisma/).`,
    );
  }
  // Before anything else is read or started: a Prisma major migrate-guard cannot drive is refused (exit 2).
  assertSupportedPrisma(wd);
  const configName = CONFIG_NAMES.find((n) => existsSync(path.join(wd, n)));
  const configFile = configName ? path.join(wd, configName) : undefined;
  const configHints = configFile ? parseConfigHints(await readFile(configFile, "utf8")) : undefined;

  const tried: string[] = [];
  const candidates: (string | undefined)[] = options.schema
    ? [options.schema]
    : [configHints?.schema, await packageJsonSchema(wd), "prisma/schema.prisma", "prisma/schema", "schema.prisma"];
  let schemaPath: string | undefined;
  for (const candidate of candidates) {
    if (!candidate) continue;
    const abs = path.resolve(wd, candidate);
    tried.push(path.relative(wd, abs) || ".");
    if (existsSync(abs)) {
      schemaPath = abs;
      break;
    }
  }
  if (!schemaPath) {
    throw new ConfigurationError(
      options.schema
        ? `Schema "${options.schema}" not found in ${wd}. Expected a path to schema.prisma (or a folder of .prisma files) relative to the working directory.`
        : `No Prisma schema found in ${wd} (looked for ${tried.join(", ")}). Pass --schema / the \`schema\` input, or set --working-directory to the package that holds prisma/.`,
    );
  }
  const schemaText = await readSchemaText(schemaPath);
  const datasource = parseDatasource(schemaText);
  const schemaDir = statSync(schemaPath).isDirectory() ? schemaPath : path.dirname(schemaPath);
  const migrationsDir = configHints?.migrationsPath ? path.resolve(wd, configHints.migrationsPath) : path.join(schemaDir, "migrations");
  if (!existsSync(migrationsDir)) {
    throw new ConfigurationError(
      `No migrations directory at ${path.relative(wd, migrationsDir) || migrationsDir}. Create the first migration with \`prisma migrate dev --name init\`, or set \`migrations.path\` in prisma.config.ts.`,
    );
  }
  return {
    workingDirectory: wd,
    ...(configFile ? { configFile, configHints } : {}),
    schemaPath,
    schemaText,
    datasource,
    migrationsDir,
    urlVariables: urlVariables(datasource, configHints),
    schemas: datasource.schemas && datasource.schemas.length > 0 ? datasource.schemas : ["public"],
  };
}
