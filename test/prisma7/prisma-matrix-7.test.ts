// Every Prisma-invoking path on the real Prisma 7.10 CLI through test/support/schema-engine-shim (see
// prisma-matrix.ts), and an engine that exits on a panic.
import { expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import { findPrismaCli } from "../../src/prisma/cli.js";
import { locateProject } from "../../src/prisma/project.js";
import { verify } from "../../src/verify/verify.js";
import { describeVariant, freshDatabase } from "./prisma-matrix.js";
import { PRISMA_VARIANTS } from "./prisma-versions.js";

describeVariant(PRISMA_VARIANTS.find((v) => v.major === 7)!);

test("Prisma 7.10 with an engine that exits on a panic (as the native one does): verify fails, never passes", async () => {
  // Measured: the 7.10 CLI then mostly exits 0 having done nothing (it waits on an exit event that
  // already fired, behind an unref'd timer). migrate-guard must judge by the database, not the status.
  const variant = PRISMA_VARIANTS.find((v) => v.major === 7)!;
  const repo = variant.exampleRepo();
  Object.assign(process.env, { FORCE_PANIC_SCHEMA_ENGINE: "1", SCHEMA_ENGINE_SHIM_PANIC: "exit" });
  try {
    const report = await verify({
      workingDirectory: repo.dir,
      databaseUrl: await freshDatabase(),
      slowMigrationSeconds: 30,
      logger: new RecordingLogger(),
    });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === "apply")).toMatchObject({
      status: "fail",
      findings: [expect.objectContaining({ rule: "deploy-failed" })],
    });
    const project = await locateProject({ workingDirectory: repo.dir });
    const prisma = findPrismaCli({
      workingDirectory: repo.dir,
      schemaPath: project.schemaPath,
      urlVariables: project.urlVariables,
      explicitSchema: false,
    });
    await expect(prisma.schemaToSql(await freshDatabase())).rejects.toThrow(/prisma migrate diff/);
  } finally {
    delete process.env.FORCE_PANIC_SCHEMA_ENGINE;
    delete process.env.SCHEMA_ENGINE_SHIM_PANIC;
    repo.remove();
  }
});
