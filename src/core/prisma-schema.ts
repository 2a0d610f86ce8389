// Just enough reading of schema.prisma and prisma.config.ts to know where things are and which
// environment variable carries the database URL. Prisma itself stays the authority: these are hints
// the Prisma CLI is then run with.

export interface DatasourceInfo {
  provider?: string;
  /** Variable named in `url = env("…")`. */
  urlEnv?: string;
  /** Variable named in `directUrl = env("…")` (Prisma Migrate connects through it when set). */
  directUrlEnv?: string;
  /** `schemas = [...]` (multiSchema). */
  schemas?: string[];
}

function stripComments(text: string): string {
  return text.replace(/\/\/.*$/gm, "");
}

export function parseDatasource(schemaText: string): DatasourceInfo {
  const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(stripComments(schemaText));
  if (!block) return {};
  const body = block[1] ?? "";
  const info: DatasourceInfo = {};
  const provider = /\bprovider\s*=\s*"([^"]+)"/.exec(body);
  if (provider) info.provider = provider[1];
  const url = /\burl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
  if (url) info.urlEnv = url[1];
  const direct = /\bdirectUrl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
  if (direct) info.directUrlEnv = direct[1];
  const schemas = /\bschemas\s*=\s*\[([^\]]*)\]/.exec(body);
  if (schemas) info.schemas = [...(schemas[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
  return info;
}

export interface ConfigHints {
  schema?: string;
  migrationsPath?: string;
  /** Variables the config reads, in order of appearance (env("X") or process.env.X). */
  envVars: string[];
  /** The datasource URL variable when the config declares `datasource: { url: env("X") }` (Prisma 7). */
  datasourceUrlEnv?: string;
  /** `engine: "js"` / an `adapter:` — Prisma runs migrations through a driver adapter. */
  usesAdapter: boolean;
}

export function parseConfigHints(configText: string): ConfigHints {
  const text = configText.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  const hints: ConfigHints = { envVars: [], usesAdapter: /\badapter\s*:/.test(text) || /engine\s*:\s*["']js["']/.test(text) };
  const schema = /\bschema\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
  if (schema) hints.schema = schema[1];
  const migrations = /\bmigrations\s*:\s*\{[^}]*?\bpath\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
  if (migrations) hints.migrationsPath = migrations[1];
  for (const m of text.matchAll(
    /\benv\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g,
  )) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name && !hints.envVars.includes(name)) hints.envVars.push(name);
  }
  const ds =
    /\bdatasource\s*:\s*\{[^}]*?\burl\s*:\s*(?:env\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])/.exec(
      text,
    );
  if (ds) hints.datasourceUrlEnv = ds[1] ?? ds[2] ?? ds[3];
  return hints;
}

/**
 * The variables that must point at the verify database: the one Prisma reads the URL from, and
 * directUrl (Prisma Migrate prefers it). Shadow-database variables are deliberately not included.
 */
export function urlVariables(datasource: DatasourceInfo, hints: ConfigHints | undefined): string[] {
  const vars: string[] = [];
  const add = (v: string | undefined) => {
    if (v && !vars.includes(v)) vars.push(v);
  };
  add(hints?.datasourceUrlEnv);
  add(datasource.urlEnv);
  add(datasource.directUrlEnv);
  // A config that builds an adapter reads the URL from its own variable; take those it names that
  // look like a database URL variable and are not a shadow database.
  for (const v of hints?.envVars ?? []) {
    if (/URL|DSN|DATABASE|POSTGRES|DB/i.test(v) && !/SHADOW/i.test(v)) add(v);
  }
  if (vars.length === 0) add("DATABASE_URL");
  return vars;
}

/** The `lock-file` check's core: provider in migration_lock.toml. */
export function parseLockProvider(lockText: string): string | undefined {
  return /^\s*provider\s*=\s*"([^"]+)"/m.exec(lockText)?.[1];
}

/** Prisma treats "postgresql" and "postgres" as the same provider. */
export function sameProvider(a: string, b: string): boolean {
  const norm = (p: string) => (p === "postgres" ? "postgresql" : p);
  return norm(a) === norm(b);
}
