// A Prisma project with its migrations read: what every command that looks at an environment starts from
// (migrate status/deploy/resolve, rollback, the soak gate).
import { readMigrationsDirectory, type MigrationsDirectory } from "../core/migrations.js";
import { repositoryRoot } from "../git/git.js";
import { locateProject, type PrismaProject } from "./project.js";

export interface LoadedProject {
  project: PrismaProject;
  dir: MigrationsDirectory;
  repoRoot: string;
}

export async function loadProject(workingDirectory: string, schema: string | undefined): Promise<LoadedProject> {
  const project = await locateProject({ workingDirectory, ...(schema ? { schema } : {}) });
  const repoRoot = (await repositoryRoot(project.workingDirectory).catch(() => undefined)) ?? project.workingDirectory;
  const dir = await readMigrationsDirectory(project.migrationsDir, repoRoot);
  return { project, dir, repoRoot };
}
