// `migrate-guard init`: reads the app's files, plans every change (plan.ts), then writes them — or,
// with dryRun, only reports them. Planning finishes before the first write, so a problem (e.g. an
// invalid package.json) leaves every file as it was.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigurationError } from "../core/errors.js";
import { repositoryRoot } from "../git/git.js";
import { ENV_EXAMPLE, initScripts, planFile, planGitignore, planPackageJson, workflowFor, type Change, type FilePlan } from "./plan.js";

/** The caller workflows init copies, from migrate-guard's examples/workflows. */
export const WORKFLOWS = ["verify-migrations.yml", "migrate.yml", "promote.yml"];

/** examples/workflows next to this code: two levels up from src/init/ and from dist/cli/ alike. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples/workflows");

export interface InitOptions {
  workingDirectory: string;
  force: boolean;
  dryRun: boolean;
  templatesDir?: string;
}

export interface InitResult {
  workingDirectory: string;
  changes: Change[];
  /** Things to do by hand. */
  notes: string[];
  /** Files written (none on a dry run). */
  written: string[];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** origin's default branch as a verify base ref ("origin/main"), if the clone knows it. */
function defaultBaseRef(dir: string): string | undefined {
  const r = spawnSync("git", ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], { cwd: dir, encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export async function runInit(options: InitOptions): Promise<InitResult> {
  const wd = path.resolve(options.workingDirectory);
  if (!existsSync(wd) || !statSync(wd).isDirectory())
    throw new ConfigurationError(
      `Working directory "${options.workingDirectory}" does not exist. Expected the app's folder (with package.json).`,
    );
  const pkgFile = path.join(wd, "package.json");
  const pkgText = await readIfExists(pkgFile);
  if (pkgText === undefined)
    throw new ConfigurationError(
      `No package.json in ${wd}. Run migrate-guard init in the app's folder (or pass --working-directory), after npm init.`,
    );
  const repoRoot = (await repositoryRoot(wd)) ?? wd;
  const appDir = path.relative(repoRoot, wd).split(path.sep).join("/") || ".";
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;

  const writes: { file: string; plan: FilePlan }[] = [];
  const notes: string[] = [];
  let pkgPlan: FilePlan;
  try {
    pkgPlan = planPackageJson(pkgText, initScripts({ ...(defaultBaseRef(wd) ? { baseRef: defaultBaseRef(wd)! } : {}) }), options.force);
  } catch (error) {
    throw new ConfigurationError(`${pkgFile}: ${(error as Error).message}`);
  }
  writes.push({ file: pkgFile, plan: pkgPlan });
  writes.push({ file: path.join(wd, ".gitignore"), plan: planGitignore(await readIfExists(path.join(wd, ".gitignore"))) });
  writes.push({
    file: path.join(wd, ".env.example"),
    plan: planFile(".env.example", await readIfExists(path.join(wd, ".env.example")), ENV_EXAMPLE, options.force),
  });
  for (const name of WORKFLOWS) {
    const template = await readIfExists(path.join(templatesDir, name));
    const file = path.join(repoRoot, ".github", "workflows", name);
    const target = path.relative(wd, file).split(path.sep).join("/");
    if (template === undefined) {
      notes.push(`${name} is not among this migrate-guard version's example workflows (${templatesDir}); skipped.`);
      continue;
    }
    const plan = planFile(target, await readIfExists(file), workflowFor(template, appDir), options.force);
    writes.push({ file, plan });
  }

  const pkg = JSON.parse(pkgText) as { scripts?: Record<string, string> };
  const missingScripts = ["test-data:create", "test-data:cleanup"].filter((s) => !pkg.scripts?.[s]);
  if (missingScripts.length)
    notes.push(
      `db:test-data:* run your own scripts ${missingScripts.map((s) => `"${s}"`).join(" and ")}: add them to package.json (they get the staging URL in your datasource's variables).`,
    );
  for (const env of ["staging", "production"]) {
    if (!existsSync(path.join(wd, `.env.${env}`)))
      notes.push(
        `For db:migrate:${env} from this machine, copy .env.example to .env.${env} and set its DATABASE_URL (git-ignored; never commit it).`,
      );
  }

  const written: string[] = [];
  if (!options.dryRun) {
    for (const { file, plan } of writes) {
      if (plan.content === undefined) continue;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, plan.content);
      written.push(file);
    }
  }
  return { workingDirectory: wd, changes: writes.flatMap((w) => w.plan.changes), notes, written };
}

const SYMBOL: Record<Change["kind"], string> = { create: "+", update: "~", unchanged: "=", kept: "!" };

/** The report init prints: each change, then what stayed, then notes. */
export function renderInit(result: InitResult, dryRun: boolean): string {
  const changed = result.changes.filter((c) => c.kind === "create" || c.kind === "update");
  const kept = result.changes.filter((c) => c.kind === "kept");
  const unchanged = result.changes.filter((c) => c.kind === "unchanged");
  const lines = [`migrate-guard init in ${result.workingDirectory}${dryRun ? " (dry run: nothing was written)" : ""}`];
  const verb = dryRun ? "would change" : "changed";
  if (changed.length === 0)
    lines.push(`No changes: everything init adds is already in place${kept.length ? " (or kept, see below)" : ""}.`);
  else lines.push(`${changed.length} ${verb}:`);
  for (const c of changed) lines.push(`  ${SYMBOL[c.kind]} ${c.target}${c.detail ? `  ${c.detail}` : ""}`);
  if (kept.length) lines.push(`${kept.length} kept as they are (--force replaces them):`);
  for (const c of kept) lines.push(`  ${SYMBOL[c.kind]} ${c.target}  ${c.detail ?? ""}`.trimEnd());
  if (unchanged.length) lines.push(`${unchanged.length} already in place.`);
  if (result.notes.length) lines.push("", "Next:", ...result.notes.map((n) => `  - ${n}`));
  return lines.join("\n") + "\n";
}
