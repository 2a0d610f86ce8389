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
export async function expectedCatalog(params: {
  adminUrl: string;
  schemaSql: string;
  schemas: readonly string[];
  extensions?: readonly Extension[];
}): Promise<Catalog> {
  const scratch = `migrate_guard_expected_${randomBytes(4).toString("hex")}`;
  await createDatabase(params.adminUrl, scratch);
  try {
    const scratchUrl = withDatabase(params.adminUrl, scratch);
    if (params.extensions?.length) {
      await runScript(scratchUrl, extensionsSql(params.extensions)).catch((error: Error) => {
        throw new SchemaSqlError(
          `the migrated database's extensions (${params.extensions!.map((e) => `${e.name} ${e.version}`).join(", ")}) could not be created on a scratch database: ${error.message}`,
        );
      });
    }
    await runScript(scratchUrl, params.schemaSql).catch((error: Error) => {
      const given = params.extensions?.length
        ? ` (after creating the extensions ${params.extensions.map((e) => e.name).join(", ")})`
        : " (an empty database with no extensions)";
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

const first = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 6).join(" ").slice(0, 600);

const oneLine = (statement: string) =>
  statement
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();

export async function checkDrift(params: DriftCheckParams): Promise<{ check: CheckResult; drift?: DriftResult }> {
  const at = (i: DriftItem) => {
    const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
    return { file: params.schemaFile, ...(line ? { line } : {}) };
  };
  const note = (i: DriftItem): Finding => ({ rule: "unrepresentable-index", severity: "notice", ...at(i), message: i.message });
  const error = (i: DriftItem, message = i.message): Finding => ({ rule: `drift-${i.kind}`, severity: "error", ...at(i), message });
  const notes = params.items.filter((i) => i.informational);
  const extra = notes.length ? `; ${notes.length} raw-SQL index(es) schema.prisma cannot describe` : "";
  if (params.items.length === 0) {
    return { check: { id: "drift", status: "pass", summary: "schema.prisma matches the migrated database", findings: [] } };
  }

  const findings: Finding[] = [];
  let existingMessages: ReadonlySet<string> = new Set();
  if (params.base) {
    try {
      existingMessages = await params.base.existing();
    } catch (failure) {
      findings.push({
        rule: "base-drift-unknown",
        severity: "warning",
        message: `The drift already on ${params.base.ref} could not be measured (${first(failure)}); every difference counts as new.`,
      });
    }
  }
  const baseRef = params.base?.ref;
  const existing = params.items.filter((i) => existingMessages.has(i.message));
  const existingReal = existing.filter((i) => !i.informational);
  const fresh = params.items.filter((i) => !existingMessages.has(i.message));
  findings.push(
    ...existingReal.map(
      (i): Finding => ({ rule: "drift-existing", severity: "warning", ...at(i), message: `already on ${baseRef}: ${i.message}` }),
    ),
  );
  findings.push(...existing.filter((i) => i.informational).map(note));
  const existingPart = existingReal.length ? `already on ${baseRef}: ${existingReal.length} difference(s) (warned, not failed)` : "";
  const result = (summary: string, failing: readonly string[], sql: string, judge?: string) => {
    const all = [...findings];
    const status = all.some((f) => f.severity === "error") ? "fail" : all.some((f) => f.severity === "warning") ? "warn" : "pass";
    return {
      check: {
        id: "drift" as const,
        status,
        summary: [summary, existingPart].filter(Boolean).join("; ") + extra,
        findings: all,
      } as CheckResult,
      // Only when there is drift to show, new or already on the base (JSON `drift: null` otherwise).
      ...(failing.length || existingReal.length
        ? {
            drift: {
              differences: [...failing],
              ...(params.base ? { existing: existingReal.map((i) => i.message), baseRef: params.base.ref } : {}),
              sql,
              fixCommand: FIX_COMMAND,
              ...(judge ? { judge } : {}),
            } as DriftResult,
          }
        : {}),
    };
  };
  if (fresh.length === 0)
    return result(existingReal.length ? "this change adds no drift" : "schema.prisma matches the migrated database", [], "");

  let judgement: Judgement;
  try {
    judgement = await params.judge();
  } catch (failure) {
    // Unknown is not safe: without Prisma's verdict the catalog comparison's stands.
    const real = fresh.filter((i) => !i.informational);
    findings.push({
      rule: "prisma-differ-unavailable",
      severity: "warning",
      message: `Prisma's differ could not run, so the catalog comparison's verdict stands: ${first(failure)}`,
    });
    findings.push(...real.map((i) => error(i)), ...fresh.filter((i) => i.informational).map(note));
    const summary = real.length
      ? `${real.length} difference(s) between schema.prisma and the migrations (Prisma's differ could not run to confirm them) — create a migration with \`${FIX_COMMAND}\``
      : "no difference schema.prisma can express (Prisma's differ could not run)";
    return result(
      summary,
      real.map((i) => i.message),
      real.length ? real.map((i) => i.sql).join("\n\n") + "\n" : "",
      "the catalog comparison alone (Prisma's differ could not run)",
    );
  }
  const label = judgement.mode.label;
  const about = (i: DriftItem) => (judgement.drift ? statementsAbout(i, judgement.statements) : []);
  const failing: string[] = [];
  const fix = new Set<string>();
  for (const i of fresh) {
    const statements = about(i);
    if (statements.length > 0) {
      // Prisma's differ sees it: drift, even an index schema.prisma cannot express (Prisma would change it).
      const message = i.informational
        ? `${i.message}; Prisma's differ would change it: \`${statements.map(oneLine).join(" ")}\``
        : i.message;
      findings.push(error(i, message));
      failing.push(message);
      statements.forEach((s) => fix.add(s));
    } else if (i.informational) {
      findings.push(note(i));
    } else {
      findings.push({
        rule: "drift-not-confirmed",
        severity: "notice",
        ...at(i),
        message: `${i.message} — Prisma's differ does not see this difference, so it does not fail the check`,
      });
    }
  }
  // Statements of Prisma's script no difference of the comparison is about: drift Prisma sees and the
  // comparison does not. Without a base ref they fail; with one they may be the base's own.
  const explained = new Set(params.items.flatMap(about));
  for (const statement of judgement.drift ? judgement.statements.filter((s) => !explained.has(s)) : []) {
    const message = `Prisma's differ wants \`${oneLine(statement)}\``;
    findings.push({
      rule: "prisma-drift",
      severity: params.base ? "warning" : "error",
      file: params.schemaFile,
      message: params.base ? `${message} (maybe drift ${params.base.ref} already has: Prisma's differ is not run on the base)` : message,
    });
    if (!params.base) {
      failing.push(message);
      fix.add(statement);
    }
  }
  if (failing.length === 0)
    return result(
      `the ${fresh.length} difference(s) the catalog comparison found are not drift for Prisma's differ (${label})`,
      [],
      "",
      label,
    );
  const sql = judgement.statements.filter((s) => fix.has(s)).join("\n\n") + "\n";
  return result(
    `${failing.length} difference(s) between schema.prisma and the migrations, confirmed by Prisma's differ — create a migration with \`${FIX_COMMAND}\``,
    failing,
    sql,
    label,
  );
}
