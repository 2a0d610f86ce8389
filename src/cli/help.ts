// The help of every command in one table: `migrate-guard --help` lists the commands from it, and
// `migrate-guard <command> --help` prints the command's usage (exported by its own file) followed by
// examples and the options every command takes. Adding a command: one entry here and one `case` in
// main.ts (test/cli/help.test.ts fails for a `case` without an entry).

export interface CommandHelp {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The command's usage and options (exported by its *-command.ts, loaded only for its help). */
  usage: () => Promise<string>;
  /** Command lines to copy; `note` says what each does. */
  examples: { command: string; note: string }[];
}

export const COMMANDS: CommandHelp[] = [
  {
    name: "verify",
    summary: "apply every migration to a throwaway PostgreSQL and run all PR checks",
    usage: async () => (await import("./verify-command.js")).VERIFY_USAGE,
    examples: [
      { command: "migrate-guard verify --base-ref origin/main", note: "what the pull request check runs, before you push" },
      { command: "migrate-guard verify --working-directory apps/api --json", note: "a monorepo package, as JSON" },
      {
        command: "migrate-guard verify --base-ref origin/main --markdown report.md",
        note: "also write the PR comment's Markdown (schema change diagram included)",
      },
    ],
  },
  {
    name: "lint",
    summary: "check migrations for destructive and locking hazards (no database needed)",
    usage: async () => (await import("./lint-command.js")).LINT_USAGE,
    examples: [
      { command: "migrate-guard lint --base-ref origin/main", note: "lint the migrations new on this branch" },
      { command: "migrate-guard lint prisma/migrations/20250101000000_add_index/migration.sql", note: "lint one file" },
    ],
  },
  {
    name: "status",
    summary: "show an environment's migrations (applied, pending, failed, edited after apply)",
    usage: async () => (await import("./status-command.js")).STATUS_USAGE,
    examples: [
      { command: "migrate-guard status --environment staging", note: "DATABASE_URL from .env.staging or the environment" },
      { command: "migrate-guard status --environment production --json", note: "as one JSON document" },
    ],
  },
  {
    name: "deploy",
    summary: "apply an environment's pending migrations (prisma migrate deploy, with guards)",
    usage: async () => (await import("./deploy-command.js")).DEPLOY_USAGE,
    examples: [
      { command: "migrate-guard deploy --environment staging", note: "the first deploy stamps the database as staging" },
      { command: "migrate-guard deploy --environment production --confirm production --backup", note: "typed confirmation, pg_dump first" },
    ],
  },
  {
    name: "resolve",
    summary: "mark an environment's failed migration --rolled-back or --applied",
    usage: async () => (await import("./resolve-command.js")).RESOLVE_USAGE,
    examples: [
      {
        command: "migrate-guard resolve --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts",
        note: "after a failed migration whose changes did not stay",
      },
    ],
  },
  {
    name: "rollback",
    summary: "mark a failed migration rolled back, or write a new migration that reverts an applied one",
    usage: async () => (await import("./rollback-command.js")).ROLLBACK_USAGE,
    examples: [
      { command: "migrate-guard rollback --environment staging", note: "at a terminal: pick the migration, type its name" },
      {
        command: "migrate-guard rollback --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts",
        note: "a failed migration",
      },
      {
        command:
          "migrate-guard rollback --environment production --revert 20250102000000_add_posts --confirm 20250102000000_add_posts --allow-data-loss",
        note: "writes prisma/migrations/<now>_revert_20250102000000_add_posts",
      },
    ],
  },
  {
    name: "gate",
    summary: "may staging's migrations go to production? pass, wait (time left) or block, after the soak",
    usage: async () => (await import("./gate-command.js")).GATE_USAGE,
    examples: [
      { command: "migrate-guard gate --soak-hours 24", note: "URLs from STAGING_DATABASE_URL / PRODUCTION_DATABASE_URL" },
      { command: "migrate-guard gate --json", note: "{ decision, remainingSeconds, earliestPassAt, reasons, migrations }" },
    ],
  },
  {
    name: "test-data",
    summary: "run the app's test-data script on a staging or local database (never production)",
    usage: async () => (await import("./test-data-command.js")).TEST_DATA_USAGE,
    examples: [
      {
        command: 'migrate-guard test-data create --environment staging --command "npm run test-data:create"',
        note: "on the database stamped staging",
      },
      {
        command: 'migrate-guard test-data cleanup --environment staging --command "npm run test-data:cleanup" --confirm DELETE',
        note: "cleanup, confirmed without a terminal",
      },
      {
        command: 'migrate-guard test-data create --environment local --stamp --command "npx prisma db seed"',
        note: "stamp an unstamped local database first",
      },
    ],
  },
  {
    name: "init",
    summary: "add the db:* npm scripts, env files and caller workflows to an app",
    usage: async () => (await import("./init-command.js")).INIT_USAGE,
    examples: [
      { command: "migrate-guard init --dry-run", note: "show what would change" },
      { command: "migrate-guard init --working-directory apps/api", note: "a monorepo package" },
    ],
  },
  {
    name: "backup",
    summary: "pg_dump an environment's database (after checking its stamp)",
    usage: async () => (await import("./backup-command.js")).BACKUP_USAGE,
    examples: [
      { command: "migrate-guard backup --environment production", note: "DATABASE_URL from .env.production or the environment" },
      { command: "migrate-guard backup --environment staging --backup-file /secure/staging.dump", note: "to a chosen file" },
    ],
  },
  {
    name: "stats",
    summary: "write an environment's table sizes (rows, bytes) for size-aware lint and verify",
    usage: async () => (await import("./stats-command.js")).STATS_USAGE,
    examples: [
      {
        command: "migrate-guard stats --environment production --output stats.json",
        note: "DATABASE_URL from .env.production or the environment",
      },
      { command: "migrate-guard lint --base-ref origin/main --stats stats.json", note: "raise lock hazards on tables of ≥ 1 M rows" },
    ],
  },
  {
    name: "local",
    summary: "a local development PostgreSQL (no Docker) and commands run against it",
    usage: async () => (await import("./local-command.js")).LOCAL_USAGE,
    examples: [
      { command: "migrate-guard local start", note: "start it (data kept in .migrate-guard/postgres)" },
      { command: "migrate-guard local exec -- prisma migrate dev", note: "Prisma's dev workflow against the local database only" },
      { command: "migrate-guard local stop", note: "stop it (the data stays)" },
    ],
  },
];

export const GLOBAL_OPTIONS = `Every command also takes:
  --env-file FILE           read NAME=value lines into the environment (repeatable; a later file wins)
  --verbose                 debug output (or MIGRATE_GUARD_DEBUG=1)
With --environment NAME, .env.NAME in the working directory is read too, if it exists.
Precedence: flags > --env-file files > .env.NAME > the shell's environment. Values are never printed.`;

export function findCommand(name: string): CommandHelp | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `migrate-guard <command> --help`. */
export async function commandHelp(help: CommandHelp): Promise<string> {
  const usage = await help.usage();
  const width = Math.max(...help.examples.map((e) => e.command.length));
  const examples = help.examples
    .map((e) => (width <= 72 ? `  ${e.command.padEnd(width)}  # ${e.note}` : `  # ${e.note}\n  ${e.command}`))
    .join("\n");
  return `${usage.trimEnd()}\n\nExamples:\n${examples}\n\n${GLOBAL_OPTIONS}\n`;
}

/** `migrate-guard --help`. */
export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `migrate-guard — carry Prisma + PostgreSQL migrations safely from a pull request to production

Usage: migrate-guard <command> [options]

Commands:
${list}

Run \`migrate-guard <command> --help\` for a command's options and examples;
\`migrate-guard --version\` (-V) prints the version.

${GLOBAL_OPTIONS}
`;
}
