import { parseConfigHints, parseDatasource, parseLockProvider, sameProvider, urlVariables, type ConfigHints } from "./prisma-schema.js";

function hints(over: Partial<ConfigHints> = {}): ConfigHints {
  return { envVars: [], usesAdapter: false, ...over };
}

describe("parseDatasource", () => {
  test("reads provider, url env, directUrl env and schemas", () => {
    const schema = `
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["multiSchema"]
}

datasource db {
  provider  = "postgresql"
  url       = env("DATABASE_URL")
  directUrl = env("DIRECT_URL")
  schemas   = ["public", "auth"]
}

model User {
  id Int @id
  @@schema("public")
}
`;
    expect(parseDatasource(schema)).toEqual({
      provider: "postgresql",
      urlEnv: "DATABASE_URL",
      directUrlEnv: "DIRECT_URL",
      schemas: ["public", "auth"],
    });
  });

  test("the generator's provider is not the datasource's", () => {
    const schema = 'generator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "postgres"\n}\n';
    expect(parseDatasource(schema)).toEqual({ provider: "postgres" });
  });

  test("regression: comments are ignored (commented-out datasource, url and trailing comments)", () => {
    const schema = `
// datasource old {
//   provider = "mysql"
//   url      = env("OLD_URL")
// }
/// The database
datasource db {
  provider = "postgresql" // was "mysql"
  // url = env("LEGACY_DATABASE_URL")
  url      = env("PG_MAIN_URL") // env("NOT_THIS")
}
`;
    expect(parseDatasource(schema)).toEqual({ provider: "postgresql", urlEnv: "PG_MAIN_URL" });
  });

  test("shadowDatabaseUrl is not taken for url or directUrl", () => {
    const schema =
      'datasource db {\n  provider = "postgresql"\n  shadowDatabaseUrl = env("SHADOW_DATABASE_URL")\n  url = env("DATABASE_URL")\n}\n';
    expect(parseDatasource(schema)).toEqual({ provider: "postgresql", urlEnv: "DATABASE_URL" });
  });

  test("a literal url names no variable", () => {
    const schema = 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://app:secret@localhost:5432/app"\n}\n';
    expect(parseDatasource(schema)).toEqual({ provider: "postgresql" });
  });

  test("spaces inside env( … ) are allowed", () => {
    expect(parseDatasource('datasource db {\n url = env( "DB_URL" )\n}').urlEnv).toBe("DB_URL");
  });

  test("Prisma 7 schema without url: provider only", () => {
    expect(parseDatasource('datasource db {\n  provider = "postgresql"\n}\n')).toEqual({ provider: "postgresql" });
  });

  test("an empty schemas list is an empty array", () => {
    expect(parseDatasource('datasource db {\n  provider = "postgresql"\n  schemas = []\n}').schemas).toEqual([]);
  });

  test("no datasource block → nothing", () => {
    expect(parseDatasource("model User {\n  id Int @id\n}\n")).toEqual({});
  });
});

describe("parseConfigHints", () => {
  test('regression: Prisma 7 config with datasource: { url: env("DATABASE_URL") }', () => {
    const config = `import "dotenv/config";
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: env("DATABASE_URL"),
    shadowDatabaseUrl: env("SHADOW_DATABASE_URL"),
  },
});
`;
    expect(parseConfigHints(config)).toEqual({
      schema: "prisma/schema.prisma",
      migrationsPath: "prisma/migrations",
      envVars: ["DATABASE_URL", "SHADOW_DATABASE_URL"],
      datasourceUrlEnv: "DATABASE_URL",
      usesAdapter: false,
    });
  });

  test("datasource url read with process.env.X", () => {
    const config = "export default defineConfig({ schema: 'db/schema.prisma', datasource: { url: process.env.PG_URL ?? '' } });";
    expect(parseConfigHints(config)).toMatchObject({ schema: "db/schema.prisma", envVars: ["PG_URL"], datasourceUrlEnv: "PG_URL" });
  });

  test("shadowDatabaseUrl before url does not become the datasource url", () => {
    const config = 'defineConfig({ datasource: { shadowDatabaseUrl: env("SHADOW_URL"), url: env("MAIN_URL") } })';
    expect(parseConfigHints(config).datasourceUrlEnv).toBe("MAIN_URL");
  });

  // Bug: `process.env["X"]` is understood for envVars but not for `datasource: { url: … }`. This is the
  // form `prisma init` writes into prisma.config.ts; with a variable whose name does not look like a URL
  // variable, urlVariables() then falls back to DATABASE_URL and the verify database URL goes nowhere.
  test('regression: datasource url read with process.env["X"] (the form prisma init writes)', () => {
    const config =
      'export default defineConfig({\n  schema: "prisma/schema.prisma",\n  datasource: {\n    url: process.env["MAIN_PG"],\n  },\n});\n';
    const parsed = parseConfigHints(config);
    expect(parsed.envVars).toEqual(["MAIN_PG"]);
    expect(parsed.datasourceUrlEnv).toBe("MAIN_PG");
  });

  test('env("X"), process.env.X and process.env["X"] are collected in order of appearance, once each', () => {
    const config = `
const a = env("FIRST_URL");
const b = process.env.SECOND_URL;
const c = process.env["THIRD_URL"];
const d = process.env['FOURTH'];
const e = env('FIRST_URL');
const f = process.env.SECOND_URL;
`;
    expect(parseConfigHints(config).envVars).toEqual(["FIRST_URL", "SECOND_URL", "THIRD_URL", "FOURTH"]);
  });

  test("commented-out code is ignored (line and block comments)", () => {
    const config = `
// schema: "old/schema.prisma",
/* datasource: { url: env("OLD_URL") },
   adapter: oldAdapter, */
export default defineConfig({
  schema: "prisma/schema.prisma", // env("TRAILING")
  datasource: { url: env("DATABASE_URL") },
});
`;
    expect(parseConfigHints(config)).toEqual({
      schema: "prisma/schema.prisma",
      envVars: ["DATABASE_URL"],
      datasourceUrlEnv: "DATABASE_URL",
      usesAdapter: false,
    });
  });

  test("'//' inside a URL string is not a comment", () => {
    const config = 'const fallback = "postgresql://localhost:5432/app"; const url = process.env.APP_DB ?? fallback;';
    expect(parseConfigHints(config).envVars).toEqual(["APP_DB"]);
  });

  test('regression: usesAdapter for an adapter: key or engine: "js"', () => {
    expect(
      parseConfigHints(
        "defineConfig({ experimental: { adapter: true }, adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }) })",
      ).usesAdapter,
    ).toBe(true);
    expect(parseConfigHints("defineConfig({ engine: 'js' })").usesAdapter).toBe(true);
    expect(parseConfigHints('defineConfig({ engine: "classic", datasource: { url: env("DATABASE_URL") } })').usesAdapter).toBe(false);
  });

  test("migrations path only from the migrations block", () => {
    const config = 'defineConfig({ views: { path: "prisma/views" }, migrations: { seed: "tsx seed.ts", path: "db/migrations" } })';
    expect(parseConfigHints(config).migrationsPath).toBe("db/migrations");
    expect(parseConfigHints('defineConfig({ views: { path: "prisma/views" } })').migrationsPath).toBeUndefined();
  });

  test("an empty config gives no hints", () => {
    expect(parseConfigHints("")).toEqual({ envVars: [], usesAdapter: false });
  });
});

describe("urlVariables", () => {
  test("regression: defaults to DATABASE_URL", () => {
    expect(urlVariables({}, undefined)).toEqual(["DATABASE_URL"]);
    expect(urlVariables({ provider: "postgresql" }, hints())).toEqual(["DATABASE_URL"]);
  });

  test("the schema's url and directUrl variables, url first", () => {
    expect(urlVariables({ urlEnv: "POOLED_URL", directUrlEnv: "DIRECT_URL" }, undefined)).toEqual(["POOLED_URL", "DIRECT_URL"]);
  });

  test("the config's datasource url comes first, duplicates once", () => {
    expect(
      urlVariables(
        { urlEnv: "DATABASE_URL" },
        hints({ datasourceUrlEnv: "APP_DATABASE_URL", envVars: ["APP_DATABASE_URL", "DATABASE_URL"] }),
      ),
    ).toEqual(["APP_DATABASE_URL", "DATABASE_URL"]);
  });

  test("database-looking variables the config reads are added; others are not", () => {
    expect(urlVariables({}, hints({ envVars: ["NODE_ENV", "PG_DSN", "API_KEY", "POSTGRES_CONNECTION", "MAIN_DB"] }))).toEqual([
      "PG_DSN",
      "POSTGRES_CONNECTION",
      "MAIN_DB",
    ]);
  });

  test("regression: never includes shadow-database variables", () => {
    expect(urlVariables({}, hints({ envVars: ["SHADOW_DATABASE_URL", "DATABASE_URL", "shadow_db"] }))).toEqual(["DATABASE_URL"]);
    // Only a shadow variable named: still not it, and the default applies.
    expect(urlVariables({}, hints({ envVars: ["SHADOW_DATABASE_URL"] }))).toEqual(["DATABASE_URL"]);
  });

  test("end to end: schema + Prisma 7 config with a shadow database", () => {
    const datasource = parseDatasource('datasource db {\n  provider = "postgresql"\n  shadowDatabaseUrl = env("SHADOW_DATABASE_URL")\n}\n');
    const config = parseConfigHints(
      'defineConfig({ datasource: { url: env("DATABASE_URL"), directUrl: env("DIRECT_DATABASE_URL"), shadowDatabaseUrl: env("SHADOW_DATABASE_URL") } })',
    );
    const vars = urlVariables(datasource, config);
    expect(vars).toEqual(["DATABASE_URL", "DIRECT_DATABASE_URL"]);
    expect(vars.some((v) => /SHADOW/i.test(v))).toBe(false);
  });
});

describe("parseLockProvider and sameProvider", () => {
  test("reads the provider line", () => {
    expect(parseLockProvider('# comment\nprovider = "postgresql"\n')).toBe("postgresql");
    expect(parseLockProvider('  provider="mysql"')).toBe("mysql");
    expect(parseLockProvider("# nothing here\n")).toBeUndefined();
  });

  test("postgres ≡ postgresql, nothing else is equated", () => {
    expect(sameProvider("postgres", "postgresql")).toBe(true);
    expect(sameProvider("postgresql", "postgres")).toBe(true);
    expect(sameProvider("postgresql", "postgresql")).toBe(true);
    expect(sameProvider("mysql", "postgresql")).toBe(false);
    expect(sameProvider("cockroachdb", "postgresql")).toBe(false);
  });
});
