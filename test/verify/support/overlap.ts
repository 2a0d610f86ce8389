// Shared by the snapshot-overlap test files (split in two so that neither bounds the suite's wall
// time): one example-app repository per file, verify runs against it, a throwaway cache directory.
import { afterAll, beforeAll } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RecordingLogger } from "../../../src/core/logger.js";
import type { VerifyReport } from "../../../src/core/report.js";
import { verify } from "../../../src/verify/verify.js";
import { createProjectRepo, exampleApp, type ProjectRepo } from "../../support/project-repo.js";

/** The file's repository (made in beforeAll) and its base commit. */
export function useExampleRepo(): { repo: () => ProjectRepo; run: typeof run } {
  let repo: ProjectRepo;
  let base: string;
  beforeAll(() => {
    repo = createProjectRepo(exampleApp);
    base = repo.git("rev-parse", "HEAD");
  });
  afterAll(() => repo.remove());

  async function run(
    cacheDir: string | false,
    onMigrated?: (url: string) => Promise<void>,
  ): Promise<{ report: VerifyReport; logger: RecordingLogger }> {
    const logger = new RecordingLogger();
    const report = await verify({
      workingDirectory: repo.dir,
      baseRef: base,
      slowMigrationSeconds: 30,
      cacheDir,
      logger,
      ...(onMigrated ? { onMigrated } : {}),
    });
    return { report, logger };
  }
  return { repo: () => repo, run };
}

export const lint = (r: VerifyReport) => r.checks.find((c) => c.id === "lint")!.findings;

export function withCache<T>(work: (cacheDir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mg-overlap-cache-"));
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}
