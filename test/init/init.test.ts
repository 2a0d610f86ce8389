// `migrate-guard init` (the built CLI) on copies of examples/app: everything it adds, a second run that
// changes nothing (byte-identical files), --dry-run, never replacing without --force, package.json's
// indentation and key order, a monorepo package, and the local PostgreSQL the db:migrate:* scripts use
// (`local start|exec|stop` with the real Prisma CLI).
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { stopLocal } from "../../src/init/local-postgres.js";
import { cli } from "../migrate/support.js";
import { createProjectRepo, exampleApp, repoRoot, type ProjectRepo } from "../support/project-repo.js";

const REQUIRED_SCRIPTS = [
  "db:migrate:create",
  "db:migrate:dev",
  "db:migrate:status",
  "db:migrate:staging",
  "db:migrate:staging:status",
  "db:migrate:production",
  "db:migrate:production:status",
  "db:verify",
  "db:migrate:rollback",
  "db:test-data:create",
  "db:test-data:cleanup",
  "db:backup",
];
const PROMOTE = existsSync(path.join(repoRoot, "examples/workflows/promote.yml"));

const repos: ProjectRepo[] = [];
function app(): ProjectRepo {
  const repo = createProjectRepo(exampleApp);
  repos.push(repo);
  return repo;
}
afterAll(async () => {
  for (const repo of repos) {
    await stopLocal(repo.dir).catch(() => {});
    repo.remove();
  }
});

/** Every file of the repository but .git and node_modules, with its bytes. */
function tree(dir: string, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel))) {
    if (name === ".git" || name === "node_modules") continue;
    const r = path.join(rel, name);
    if (statSync(path.join(dir, r)).isDirectory()) Object.assign(out, tree(dir, r));
    else out[r] = readFileSync(path.join(dir, r), "utf8");
  }
  return out;
}

function init(repo: ProjectRepo, ...args: string[]) {
  return cli(["init", ...args], { cwd: repo.dir });
}

describe("migrate-guard init", () => {
  test("adds the scripts, .gitignore entries, .env.example and caller workflows; a second run changes nothing", () => {
    const repo = app();
    const first = init(repo);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const pkg = JSON.parse(repo.read("package.json")) as { scripts: Record<string, string> };
    for (const name of REQUIRED_SCRIPTS) expect(pkg.scripts[name]).toMatch(/^migrate-guard /);
    expect(pkg.scripts["db:migrate:dev"]).toBe("migrate-guard local exec -- prisma migrate dev");
    expect(pkg.scripts["db:migrate:staging"]).toBe("migrate-guard deploy --environment staging");
    expect(first.stdout).toContain("+ package.json#scripts.db:migrate:dev  migrate-guard local exec -- prisma migrate dev");
    expect(repo.read(".gitignore")).toBe(
      "node_modules\n\n# migrate-guard: database URLs per environment, the local PostgreSQL's data, backups\n.env.staging\n.env.production\n.migrate-guard/\nmigrate-guard-*.dump\n",
    );
    expect(repo.read(".env.example")).toContain("DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE");
    expect(repo.read(".github/workflows/verify-migrations.yml")).toBe(
      readFileSync(path.join(repoRoot, "examples/workflows/verify-migrations.yml"), "utf8"),
    );
    expect(repo.read(".github/workflows/migrate.yml")).toBe(readFileSync(path.join(repoRoot, "examples/workflows/migrate.yml"), "utf8"));
    if (PROMOTE) expect(first.stdout).toContain("+ .github/workflows/promote.yml");
    else expect(first.stdout).toContain("promote.yml is not among this migrate-guard version's example workflows");
    // The files git would see: nothing secret is tracked by accident.
    expect(
      repo
        .git("check-ignore", ".env.staging", ".env.production", ".migrate-guard/postgres/data", "migrate-guard-production-x.dump")
        .split("\n"),
    ).toHaveLength(4);

    const before = tree(repo.dir);
    const second = init(repo);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("No changes: everything init adds is already in place.");
    expect(second.stdout).not.toMatch(/^\s+[+~]/m);
    expect(tree(repo.dir)).toEqual(before);
  });

  test("--dry-run lists the changes and writes nothing", () => {
    const repo = app();
    const before = tree(repo.dir);
    const r = init(repo, "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(dry run: nothing was written)");
    expect(r.stdout).toMatch(/\d+ would change:/);
    expect(r.stdout).toContain("+ .env.example");
    expect(tree(repo.dir)).toEqual(before);
  });

  test("never replaces an existing script or file without --force; keeps indentation and key order", () => {
    const repo = app();
    const original = {
      scripts: { "db:verify": "my-own-verify", build: "tsc" },
      name: "shop",
      private: true,
      devDependencies: { prisma: "6.19.3" },
    };
    repo.write("package.json", JSON.stringify(original, null, 4) + "\n");
    repo.write(".env.example", "DATABASE_URL=postgresql://localhost/mine\n");
    repo.write(".github/workflows/migrate.yml", "# our own\n");
    const r = init(repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('! package.json#scripts.db:verify  has "my-own-verify" (--force replaces it with "migrate-guard verify")');
    expect(r.stdout).toContain("! .env.example  differs from migrate-guard's (--force replaces it)");
    expect(r.stdout).toContain("! .github/workflows/migrate.yml  differs");
    const text = repo.read("package.json");
    const pkg = JSON.parse(text) as { scripts: Record<string, string> };
    expect(Object.keys(pkg)).toEqual(["scripts", "name", "private", "devDependencies"]);
    expect(Object.keys(pkg.scripts).slice(0, 2)).toEqual(["db:verify", "build"]);
    expect(pkg.scripts["db:verify"]).toBe("my-own-verify");
    expect(text).toBe(JSON.stringify(pkg, null, 4) + "\n");
    expect(repo.read(".env.example")).toBe("DATABASE_URL=postgresql://localhost/mine\n");
    expect(repo.read(".github/workflows/migrate.yml")).toBe("# our own\n");

    const forced = init(repo, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("~ package.json#scripts.db:verify  my-own-verify → migrate-guard verify");
    expect((JSON.parse(repo.read("package.json")) as { scripts: Record<string, string> }).scripts.build).toBe("tsc");
    expect(repo.read(".github/workflows/migrate.yml")).toBe(readFileSync(path.join(repoRoot, "examples/workflows/migrate.yml"), "utf8"));
  });

  test("a monorepo package: workflows at the repository root, pointed at the package", () => {
    const repo = app();
    repo.write("apps/api/package.json", '{\n  "name": "api"\n}\n');
    const r = cli(["init", "--working-directory", "apps/api"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ ../../.github/workflows/verify-migrations.yml");
    expect(repo.read(".github/workflows/verify-migrations.yml")).toMatch(/^\s+working-directory: apps\/api$/m);
    expect(repo.read("apps/api/.gitignore")).toContain(".env.production");
    expect(existsSync(path.join(repo.dir, "apps/api/.github"))).toBe(false);
  });

  test("an invalid package.json or a folder without one: exit 2, nothing written", () => {
    const repo = app();
    repo.write("package.json", "{ not json");
    const before = tree(repo.dir);
    const r = init(repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("package.json is not valid JSON");
    expect(tree(repo.dir)).toEqual(before);
    const none = cli(["init", "--working-directory", "prisma"], { cwd: repo.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No package.json in");
  });
});

describe("migrate-guard local (the db:migrate:create/dev/status database)", () => {
  test("start creates a persistent local PostgreSQL; exec runs Prisma against it only; stop keeps the data", () => {
    const repo = app();
    // Running as root, the server runs as an unprivileged user, which must be able to enter the folder.
    chmodSync(repo.dir, 0o755);
    const start = cli(["local", "start"], { cwd: repo.dir });
    expect(start.code).toBe(0);
    const url = /postgresql:\/\/postgres@127\.0\.0\.1:\d+\/app/.exec(start.stdout)?.[0];
    expect(start.stdout).toContain("Local PostgreSQL created and started");
    expect(url).toBeDefined();

    // Another database URL in the shell never reaches the command.
    const deploy = cli(["local", "exec", "--", "prisma", "migrate", "deploy"], {
      cwd: repo.dir,
      env: { APP_DATABASE_URL: "postgresql://someone:pw@db.invalid:5432/prod" },
    });
    expect(deploy.code).toBe(0);
    expect(deploy.stdout + deploy.stderr).toContain("All migrations have been successfully applied.");
    expect(deploy.stderr).toContain("Local PostgreSQL already running");

    const stop = cli(["local", "stop"], { cwd: repo.dir });
    expect(stop.stdout).toContain("Local PostgreSQL stopped (its data stays).");
    expect(cli(["local", "status"], { cwd: repo.dir }).stdout).toContain("Local PostgreSQL: stopped");

    // exec starts it again; the migrations applied before are still there.
    const status = cli(["local", "exec", "--", "prisma", "migrate", "status"], { cwd: repo.dir });
    expect(status.stderr).toContain("Local PostgreSQL started");
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
    expect(cli(["local", "url"], { cwd: repo.dir }).stdout.trim()).toBe(url);
  });

  test("usage: exec without a command, an unknown subcommand", () => {
    const repo = app();
    expect(cli(["local", "exec"], { cwd: repo.dir }).stderr).toContain('local exec needs a command after "--"');
    expect(cli(["local", "begin"], { cwd: repo.dir }).code).toBe(2);
  });
});
