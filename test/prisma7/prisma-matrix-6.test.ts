// Every Prisma-invoking path on the real Prisma 6.19 CLI (see prisma-matrix.ts), and the check that
// 6.19 and 7.10 render the example's schema.prisma as the same SQL.
import { expect, test } from "@jest/globals";
import { findPrismaCli } from "../../src/prisma/cli.js";
import { locateProject } from "../../src/prisma/project.js";
import { describeVariant, freshDatabase, schemaSql } from "./prisma-matrix.js";
import { PRISMA_VARIANTS } from "./prisma-versions.js";

const [six, seven] = [6, 7].map((major) => PRISMA_VARIANTS.find((v) => v.major === major)!);

describeVariant(six!);

test("Prisma 6.19 and 7.10 render the example's schema.prisma as the same SQL", async () => {
  // 7.10's rendering is its own test in prisma-matrix-7.test.ts; here it is made again to compare.
  const repo = seven!.exampleRepo();
  try {
    const project = await locateProject({ workingDirectory: repo.dir });
    const prisma = findPrismaCli({
      workingDirectory: repo.dir,
      schemaPath: project.schemaPath,
      urlVariables: project.urlVariables,
      explicitSchema: false,
    });
    expect(prisma.major).toBe(7);
    const sql = await prisma.schemaToSql(await freshDatabase());
    expect(schemaSql[six!.label]).toBeDefined();
    expect(sql).toBe(schemaSql[six!.label]);
  } finally {
    repo.remove();
  }
});
