// The `drift` check without a second replay: the verify database already holds the migrated state.
// Prisma turns schema.prisma into SQL (no database needed); that SQL builds a scratch database on the
// same server (given the migrated database's extensions first); the two catalogs are compared. The
// comparison explains each difference; Prisma's own differ decides which fail (prisma-judge.ts), and
// with a base ref only differences the base does not already have count (base-drift.ts). docs/drift.md.
import { randomBytes } from "node:crypto";
import type { Catalog } from "../core/catalog.js";
import { compareCatalogs, defaultKey, differentlyWrittenDefaults, type DriftItem } from "../core/drift.js";
import { locateInSchema } from "../core/schema-locate.js";
import type { CheckResult, DriftResult, Finding } from "../core/report.js";
import { equalExpressions, extensionsSql, readCatalog, type Extension } from "../postgres/catalog-reader.js";
import { connectClient, createDatabase, dropDatabase, withDatabase } from "../postgres/database.js";
import { statementsAbout, type Judgement } from "./prisma-judge.js";

export const FIX_COMMAND = "npx prisma migrate dev --name <describe_the_change>";

/** schema.prisma's SQL (or the extensions it needs) does not run on an empty database. */
export class SchemaSqlError extends Error {}

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
 * read, and the scratch database dropped. Needs no migrated state, so it runs while Prisma deploys;
 * `extensions` (the migrated database's) are created first when given.
 */
export async function expectedCatalog(params: { adminUrl: string; schemaSql: string; schemas: readonly string[]; extensions?: readonly Extension[] }): Promise<Catalog> {
  const scratch = `migrate_guard_expected_${randomBytes(4).toString("hex")}`;
  await createDatabase(params.adminUrl, scratch);
  try {
    const scratchUrl = withDatabase(params.adminUrl, scratch);
    if (params.extensions?.length) {
      await runScript(scratchUrl, extensionsSql(params.extensions)).catch((error: Error) => {
        throw new SchemaSqlError(`the migrated database's extensions (${params.extensions!.map((e) => `${e.name} ${e.version}`).join(", ")}) could not be created on a scratch database: ${error.message}`);
      });
    }
    await runScript(scratchUrl, params.schemaSql).catch((error: Error) => {
      const given = params.extensions?.length ? ` (after creating the extensions ${params.extensions.map((e) => e.name).join(", ")})` : " (an empty database with no extensions)";
      throw new SchemaSqlError(`the SQL Prisma generates for schema.prisma fails on a scratch database${given}: ${error.message}`);
    });
    return await readCatalog(scratchUrl, params.schemas);
  } finally {
    await dropDatabase(params.adminUrl, scratch).catch(() => {});
  }
}

/**
 * The catalog comparison of the database at `url` with `expected`. Defaults written differently are
 * compared as values by PostgreSQL itself (`'{}'::text[]` is `ARRAY[]::text[]`).
 */
export async function catalogDifferences(url: string, expected: Catalog, schemas: readonly string[]): Promise<DriftItem[]> {
  const actual = await readCatalog(url, schemas);
  const pairs = differentlyWrittenDefaults(actual, expected);
  const same = await equalExpressions(url, pairs);
  const equalDefaults = new Set(pairs.filter((_, i) => same[i]).map((p) => defaultKey(p.actual, p.expected)));
  return compareCatalogs(actual, expected, { equalDefaults });
}

export interface DriftCheckParams {
  items: readonly DriftItem[];
  schemaFile: string;
  schemaText: string;
  /** With a base ref: the differences the base already has (their messages); may throw. */
  base?: { ref: string; existing: () => Promise<ReadonlySet<string>> };
  /** Prisma's differ; run only when the catalog comparison found a new difference. May throw. */
  judge: () => Promise<Judgement>;
}

const first = (error: unknown) => (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 6).join(" ").slice(0, 600);

export async function checkDrift(params: DriftCheckParams): Promise<{ check: CheckResult; drift?: DriftResult }> {
  const at = (i: DriftItem) => {
    const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
    return { file: params.schemaFile, ...(line ? { line } : {}) };
  };
  const notes: Finding[] = params.items.filter((i) => i.informational).map((i) => ({ rule: "unrepresentable-index", severity: "notice", ...at(i), message: i.message }));
  const real = params.items.filter((i) => !i.informational);
  const extra = notes.length ? `; ${notes.length} raw-SQL index(es) schema.prisma cannot describe` : "";
  if (real.length === 0) {
    return { check: { id: "drift", status: "pass", summary: `schema.prisma matches the migrated database${extra}`, findings: notes } };
  }

  const findings: Finding[] = [];
  let existingMessages: ReadonlySet<string> = new Set();
  if (params.base) {
    try {
      existingMessages = await params.base.existing();
    } catch (error) {
      findings.push({ rule: "base-drift-unknown", severity: "warning", message: `The drift already on ${params.base.ref} could not be measured (${first(error)}); every difference counts as new.` });
    }
  }
  const existing = real.filter((i) => existingMessages.has(i.message));
  const fresh = real.filter((i) => !existingMessages.has(i.message));
  const baseRef = params.base?.ref;
  findings.push(...existing.map((i): Finding => ({ rule: "drift-existing", severity: "warning", ...at(i), message: `already on ${baseRef}: ${i.message}` })));
  const existingPart = existing.length ? `already on ${baseRef}: ${existing.length} difference(s) (warned, not failed)` : "";
  const result = (status: CheckResult["status"], summary: string, newItems: readonly DriftItem[], sql: string, judge?: string) => ({
    check: { id: "drift" as const, status, summary: [summary, existingPart].filter(Boolean).join("; ") + extra, findings: [...findings, ...notes] },
    // Only when there is drift to show, new or already on the base (JSON `drift: null` otherwise).
    ...(newItems.length || existing.length || status === "fail" ? {
      drift: {
        differences: newItems.map((i) => i.message),
        ...(params.base ? { existing: existing.map((i) => i.message), baseRef: params.base.ref } : {}),
        sql,
        fixCommand: FIX_COMMAND,
        ...(judge ? { judge } : {}),
      } as DriftResult,
    } : {}),
  });
  if (fresh.length === 0) return result("warn", "this change adds no drift", [], "");

  let judgement: Judgement;
  try {
    judgement = await params.judge();
  } catch (error) {
    // Unknown is not safe: without Prisma's verdict the catalog comparison's stands.
    findings.push({ rule: "prisma-differ-unavailable", severity: "warning", message: `Prisma's differ could not run, so the catalog comparison's verdict stands: ${first(error)}` });
    findings.push(...fresh.map((i): Finding => ({ rule: `drift-${i.kind}`, severity: "error", ...at(i), message: i.message })));
    return result("fail", `${fresh.length} difference(s) between schema.prisma and the migrations (not confirmed by Prisma's differ, which could not run) — create a migration with \`${FIX_COMMAND}\``, fresh, fresh.map((i) => i.sql).join("\n\n") + "\n", "the catalog comparison alone (Prisma's differ could not run)");
  }
  const label = judgement.mode.label;
  const confirmed = judgement.drift ? fresh.filter((i) => statementsAbout(i, judgement.statements).length > 0) : [];
  const unconfirmed = fresh.filter((i) => !confirmed.includes(i));
  findings.push(...confirmed.map((i): Finding => ({ rule: `drift-${i.kind}`, severity: "error", ...at(i), message: i.message })));
  findings.push(...unconfirmed.map((i): Finding => ({ rule: "drift-not-confirmed", severity: "notice", ...at(i), message: `${i.message} — Prisma's differ does not see this difference, so it does not fail the check` })));
  // Statements of Prisma's script that no difference of the comparison explains: drift Prisma sees
  // and the comparison does not. Without a base ref they fail; with one they may be the base's.
  const explained = new Set(real.flatMap((i) => statementsAbout(i, judgement.statements)));
  const unexplained = judgement.drift ? judgement.statements.filter((s) => !explained.has(s)) : [];
  for (const statement of unexplained) {
    findings.push({
      rule: "prisma-drift",
      severity: params.base ? "warning" : "error",
      file: params.schemaFile,
      message: `Prisma's differ wants \`${statement.split("\n").filter((l) => !l.trim().startsWith("--")).join(" ").replace(/\s+/g, " ")}\`${params.base ? ` (not compared with ${params.base.ref}: it may be drift the base already has)` : ""}`,
    });
  }
  const failing = [...confirmed.map((i) => i.message), ...(params.base ? [] : unexplained.map((s) => `Prisma's differ: ${s.split("\n").filter((l) => !l.trim().startsWith("--")).join(" ")}`))];
  if (failing.length === 0) {
    return result(existing.length ? "warn" : "pass", `${fresh.length} difference(s) the catalog comparison found are not drift for Prisma's differ (${label})`, [], "", label);
  }
  const sqlStatements = judgement.statements.filter((s) => confirmed.some((i) => statementsAbout(i, [s]).length > 0) || (!params.base && unexplained.includes(s)));
  const outcome = result("fail", `${failing.length} difference(s) between schema.prisma and the migrations, confirmed by Prisma's differ — create a migration with \`${FIX_COMMAND}\``, [], sqlStatements.join("\n\n") + "\n", label);
  outcome.drift!.differences = failing;
  return outcome;
}
