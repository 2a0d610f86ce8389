// migrate-guard's own status / deploy / resolve (src/migrate) on the real Prisma 6.19 and Prisma 7.10
// CLIs: a failed migration, recovered with resolve --rolled-back, fixed and deployed.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { RecordingLogger } from "../../src/core/logger.js";
import { runMigrate } from "../../src/migrate/run.js";
import { validateRequest, type MigrateRequest } from "../../src/migrate/settings.js";
import { startCluster, type Cluster } from "../../src/postgres/cluster.js";
import { createDatabase, withDatabase } from "../../src/postgres/database.js";
import { PRISMA_VARIANTS, useSchemaEngineShim } from "./prisma-versions.js";

const BROKEN_NAME = "20250103000000_add_bio";
const BROKEN = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nALTER TABLE "Nope" ADD COLUMN "x" INT;\n`;
const FIXED = `ALTER TABLE "User" ADD COLUMN "bio" TEXT;\n`;

let cluster: Cluster;
let restoreEnv: () => void;
beforeAll(async () => {
  restoreEnv = useSchemaEngineShim();
  cluster = await startCluster({});
});
afterAll(async () => {
  restoreEnv?.();
  await cluster?.stop();
});

describe.each(PRISMA_VARIANTS)("$label", (variant) => {
  test("deploy fails on a broken migration; status shows it; resolve --rolled-back; the fix deploys", async () => {
    const repo = variant.exampleRepo();
    const db = `migrate_p${variant.major}`;
    await createDatabase(cluster.url, db);
    const databaseUrl = withDatabase(cluster.url, db);
    const run = (request: Omit<MigrateRequest, "workingDirectory" | "databaseUrl" | "environment">) =>
      runMigrate(validateRequest({ environment: "staging", databaseUrl, workingDirectory: repo.dir, ...request }), {
        logger: new RecordingLogger(),
      });
    try {
      repo.write(`prisma/migrations/${BROKEN_NAME}/migration.sql`, BROKEN);
      const failed = await run({ command: "deploy" });
      expect(failed.ok).toBe(false);
      expect(failed.prismaVersion?.startsWith(`${variant.major}.`)).toBe(true);
      expect(failed.error).toContain(`Migration "${BROKEN_NAME}" failed`);
      expect(failed.appliedNow?.map((a) => a.name)).toEqual(["20250101000000_create_users", "20250102000000_add_posts"]);

      const status = await run({ command: "status" });
      expect(status.state?.failed.map((f) => f.name)).toEqual([BROKEN_NAME]);

      const resolved = await run({ command: "resolve", rolledBack: BROKEN_NAME, confirm: BROKEN_NAME });
      expect(resolved).toMatchObject({ ok: true, resolved: { name: BROKEN_NAME, kind: "rolled-back" } });

      repo.write(`prisma/migrations/${BROKEN_NAME}/migration.sql`, FIXED);
      const deployed = await run({ command: "deploy" });
      expect(deployed.ok).toBe(true);
      expect(deployed.appliedNow?.map((a) => a.name)).toEqual([BROKEN_NAME]);
      expect((await run({ command: "status" })).ok).toBe(true);
    } finally {
      repo.remove();
    }
  });
});
