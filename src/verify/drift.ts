// The `drift` check without a second replay: the verify database already holds the migrated state.
// Prisma turns schema.prisma into SQL (no database needed); that SQL builds a scratch database on the
// same server; the two catalogs are compared.
import { randomBytes } from "node:crypto";
import type { Catalog } from "../core/catalog.js";
import { compareCatalogs } from "../core/drift.js";
import { locateInSchema } from "../core/schema-locate.js";
import type { CheckResult, DriftResult, Finding } from "../core/report.js";
import { readCatalog } from "../postgres/catalog-reader.js";
import { connectClient, createDatabase, dropDatabase, withDatabase } from "../postgres/database.js";

export const FIX_COMMAND = "npx prisma migrate dev --name <describe_the_change>";

async function runScript(url: string, sql: string): Promise<void> {
  const client = await connectClient(url);
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The catalog schema.prisma describes: Prisma's SQL run on a scratch database of the verify server,
 * read, and the scratch database dropped. Needs no migrated state, so it runs while Prisma deploys.
 */
export async function expectedCatalog(params: { adminUrl: string; schemaSql: string; schemas: readonly string[] }): Promise<Catalog> {
  const scratch = `migrate_guard_expected_${randomBytes(4).toString("hex")}`;
  await createDatabase(params.adminUrl, scratch);
  try {
    const scratchUrl = withDatabase(params.adminUrl, scratch);
    await runScript(scratchUrl, params.schemaSql);
    return await readCatalog(scratchUrl, params.schemas);
  } finally {
    await dropDatabase(params.adminUrl, scratch).catch(() => {});
  }
}

export async function checkDrift(params: { url: string; expected: Catalog; schemas: readonly string[]; schemaFile: string; schemaText: string }): Promise<{ check: CheckResult; drift?: DriftResult }> {
  const actual = await readCatalog(params.url, params.schemas);
  const items = compareCatalogs(actual, params.expected);
  const real = items.filter((i) => !i.informational);
  const findings: Finding[] = items.map((i) => {
    const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
    return {
      rule: i.informational ? "unrepresentable-index" : `drift-${i.kind}`,
      severity: i.informational ? "notice" : "error",
      file: params.schemaFile,
      ...(line ? { line } : {}),
      message: i.message,
    };
  });
  if (real.length === 0) {
    const extra = items.length ? `; ${items.length} raw-SQL index(es) schema.prisma cannot describe` : "";
    return { check: { id: "drift", status: "pass", summary: `schema.prisma matches the migrated database${extra}`, findings } };
  }
  return {
    check: { id: "drift", status: "fail", summary: `${real.length} difference(s) between schema.prisma and the migrations — create a migration with \`${FIX_COMMAND}\``, findings },
    drift: { differences: real.map((i) => i.message), sql: real.map((i) => i.sql).join("\n\n") + "\n", fixCommand: FIX_COMMAND },
  };
}
