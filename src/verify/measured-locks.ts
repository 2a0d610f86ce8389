// Measured locks: what each new migration really locks, read from pg_locks before it commits.
//
// Verify's own database is Prisma's: `prisma migrate deploy` applies every migration there, and
// anything left behind on it would change what Prisma applies (or make it fail). So the measurement
// uses a scratch database on the same server: the base branch's migrations are replayed into it (as
// Prisma sends them: one script per query) or it is a copy of a restored snapshot, then each new
// migration runs inside BEGIN … COMMIT, statement by statement, and pg_locks is read just before the
// COMMIT. Tables are named from a snapshot taken of the base state, so "existing" means exactly
// "present in the base state". It runs while Prisma applies; the scratch database is dropped at the end.
// On a snapshot hit with one new migration, verify's database itself holds the base state before
// Prisma may touch it: the migration runs there in a transaction that is rolled back
// (measureLocksRolledBack), and the sequences it advanced are put back.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Finding } from "../core/report.js";
import { display, key } from "../lint/ast.js";
import { fromPgLockMode, LOCK_EFFECT, stronger, statementLocks, type LockMode } from "../lint/locks.js";
import { parseScript, type ParsedStatement } from "../lint/parse.js";
import { SchemaState } from "../lint/state.js";
import type { LintMigration } from "../lint/types.js";
import { createDatabase, dropDatabase, withDatabase } from "../postgres/database.js";

import { rule as measuredLockRule } from "../lint/rules/measured-lock.js";

export const MEASURED_LOCK_RULE = measuredLockRule.id;

/** Statements PostgreSQL refuses inside a transaction block. */
function nonTransactional(stmt: ParsedStatement): boolean {
  const n = stmt.node;
  switch (stmt.kind) {
    case "IndexStmt":
    case "DropStmt":
      return Boolean(n.concurrent);
    case "ReindexStmt":
      return (n.params ?? []).some((p: { DefElem?: { defname?: string } }) => p.DefElem?.defname === "concurrently");
    case "VacuumStmt":
    case "CreatedbStmt":
    case "DropdbStmt":
    case "AlterSystemStmt":
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
      return true;
    default:
      return false;
  }
}

interface Snapshot {
  byOid: Map<number, string>;
}

async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows } = await client.query<{ oid: number; schema: string; name: string }>(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`);
  return { byOid: new Map(rows.map((r) => [r.oid, key(r.schema, r.name)])) };
}

function finding(m: LintMigration, line: number, message: string): Finding {
  return { rule: MEASURED_LOCK_RULE, severity: "notice", file: m.file, line, message };
}

/**
 * Findings (notices) with the strongest lock each new migration takes per existing table. Never
 * throws: a measurement that cannot run says so in a notice.
 */
/** Statements on objects that exist once per server (roles, tablespaces, server settings). */
const SERVER_WIDE = new Set([
  "CreateRoleStmt",
  "AlterRoleStmt",
  "AlterRoleSetStmt",
  "DropRoleStmt",
  "CreateTableSpaceStmt",
  "DropTableSpaceStmt",
  "AlterTableSpaceOptionsStmt",
  "AlterSystemStmt",
]);
/** Text every such statement contains: only migrations that match are parsed (the parser decides). */
const MAY_BE_SERVER_WIDE = /\b(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP|TABLESPACE)\b|\bALTER\s+SYSTEM\b/i;

async function touchesServer(m: LintMigration): Promise<boolean> {
  if (!MAY_BE_SERVER_WIDE.test(m.sql)) return false;
  const script = await parseScript(m.sql);
  // A migration that does not parse cannot be judged: assume the worst (it only costs the measurement).
  return !script.ok || script.statements.some((s) => SERVER_WIDE.has(s.kind));
}

export async function measureLocks(params: {
  url: string;
  base: readonly LintMigration[];
  fresh: readonly LintMigration[];
  /** A database already holding the base state (the restored snapshot): copied instead of replaying `base`. */
  scratch?: string;
  /** Called with the scratch database once it holds the base state, before any new migration runs. */
  onBaseState?: (client: pg.Client) => Promise<void>;
}): Promise<Finding[]> {
  if (params.fresh.length === 0) return [];
  // Roles and tablespaces belong to the whole server, not to the scratch database: replaying a
  // migration that creates one beside Prisma's apply on the same server would make one of the two
  // fail with "already exists" (and could fail verify's apply itself).
  let global: LintMigration | undefined;
  for (const m of [...(params.scratch ? [] : params.base), ...params.fresh]) {
    if (await touchesServer(m)) {
      global = m;
      break;
    }
  }
  if (global) {
    return [
      finding(
        params.fresh[0]!,
        1,
        `Locks not measured: migration ${global.name} creates or changes a role or tablespace, which exist once per server; replaying it beside the apply would collide with it.`,
      ),
    ];
  }
  const scratch = params.scratch ?? `migrate_guard_locks_${randomBytes(4).toString("hex")}`;
  try {
    if (!params.scratch) await createDatabase(params.url, scratch);
  } catch (error) {
    return [
      finding(
        params.fresh[0]!,
        1,
        `Locks not measured: no scratch database could be created on the verify server (${(error as Error).message}).`,
      ),
    ];
  }
  const client = new pg.Client({ connectionString: withDatabase(params.url, scratch) });
  client.on("error", () => {});
  const findings: Finding[] = [];
  try {
    await client.connect();
    for (const m of params.scratch ? [] : params.base) {
      try {
        await client.query(m.sql);
      } catch (error) {
        return [
          finding(
            params.fresh[0]!,
            1,
            `Locks not measured: base migration ${m.name} failed on the scratch database (${(error as Error).message}).`,
          ),
        ];
      }
    }
    await params.onBaseState?.(client);
    const snap = await snapshot(client);
    const state = new SchemaState();
    for (const m of params.fresh) {
      const outcome = await measureOne(client, m, snap, state);
      findings.push(...outcome.findings);
      if (outcome.stop) break;
    }
    return findings;
  } catch (error) {
    return [...findings, finding(params.fresh[0]!, 1, `Locks not measured: ${(error as Error).message}`)];
  } finally {
    await client.end().catch(() => {});
    await dropDatabase(params.url, scratch).catch(() => {});
  }
}

/** statement_timeout of a measurement on the restored state (Prisma waits for it). */
const ROLLED_BACK_TIMEOUT_MS = 5000;

/**
 * The single new migration measured on verify's own database, restored from the snapshot and not yet
 * touched by Prisma (the caller holds Prisma's advisory lock, so Prisma waits): run inside a
 * transaction that is rolled back, so the database is left as it was — except sequences, whose
 * nextval/setval no rollback undoes; every existing sequence is put back where it was. Saves the
 * copy of the restored state that measureLocks would need. Never throws.
 */
export async function measureLocksRolledBack(
  client: pg.Client,
  fresh: LintMigration,
  onBaseState?: (client: pg.Client) => Promise<void>,
): Promise<Finding[]> {
  await onBaseState?.(client);
  if (await touchesServer(fresh)) {
    return [
      finding(
        fresh,
        1,
        `Locks not measured: migration ${fresh.name} creates or changes a role or tablespace, which exist once per server.`,
      ),
    ];
  }
  try {
    const snap = await snapshot(client);
    const sequences = await client.query<{ name: string }>(
      "SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'",
    );
    const before: { name: string; last_value: string; is_called: boolean }[] = [];
    for (const { name } of sequences.rows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${name}`);
      before.push({ name, ...rows[0]! });
    }
    try {
      return (await measureOne(client, fresh, snap, new SchemaState(), "rollback")).findings;
    } finally {
      for (const s of before) await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [s.name, s.last_value, s.is_called]);
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    return [finding(fresh, 1, `Locks not measured: ${(error as Error).message}`)];
  }
}

async function measureOne(
  client: pg.Client,
  m: LintMigration,
  snap: Snapshot,
  state: SchemaState,
  end: "commit" | "rollback" = "commit",
): Promise<{ findings: Finding[]; stop: boolean }> {
  const script = await parseScript(m.sql);
  if (!script.ok) return { findings: [finding(m, script.line, `Locks not measured: the migration does not parse.`)], stop: true };
  const statements = script.statements.filter((s) => s.kind !== "TransactionStmt");
  const blocked = statements.filter(nonTransactional);
  if (blocked.length > 0 && end === "rollback") {
    // Nothing of it runs: what cannot be rolled back must not touch the database Prisma applies to.
    return {
      findings: blocked.map((s) =>
        finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`),
      ),
      stop: false,
    };
  }
  if (blocked.length > 0) {
    // Applied in autocommit so that later migrations see its effect; its locks cannot be held and read.
    for (const s of statements) {
      try {
        await client.query(s.text);
      } catch (error) {
        return {
          findings: [finding(m, s.line, `Locks not measured: statement failed on the scratch database (${(error as Error).message}).`)],
          stop: true,
        };
      }
    }
    return {
      findings: blocked.map((s) =>
        finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`),
      ),
      stop: false,
    };
  }
  const strongest = new Map<number, LockMode>();
  try {
    await client.query("BEGIN");
    // On the restored state Prisma waits for this (its advisory-lock timeout is 10 s): a migration
    // that is slow even on an empty database is measured no longer than this.
    if (end === "rollback") await client.query(`SET LOCAL statement_timeout = ${ROLLED_BACK_TIMEOUT_MS}`);
    for (const s of statements) await client.query(s.text);
    const { rows } = await client.query<{ oid: number; mode: string }>(
      "SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL",
    );
    for (const r of rows) {
      const mode = fromPgLockMode(r.mode);
      if (mode && snap.byOid.has(r.oid)) strongest.set(r.oid, stronger(mode, strongest.get(r.oid) ?? "ACCESS SHARE"));
    }
    await client.query(end === "commit" ? "COMMIT" : "ROLLBACK");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const where = end === "commit" ? "on the scratch database" : "on the base state (before Prisma applied it)";
    return { findings: [finding(m, 1, `Locks not measured: the migration failed ${where} (${(error as Error).message}).`)], stop: true };
  }
  // Anchor each table's lock at the first statement the static model says locks it.
  const lineOf = new Map<string, number>();
  for (const s of statements) {
    for (const l of statementLocks(s, state)) if (!lineOf.has(l.table)) lineOf.set(l.table, s.line);
    state.apply(s, m.name);
  }
  const findings = [...strongest].map(([oid, mode]) => {
    const table = snap.byOid.get(oid)!;
    return finding(
      m,
      lineOf.get(table) ?? 1,
      `Measured: ${mode} on ${display(table)} — ${LOCK_EFFECT[mode]}; held until the migration commits.`,
    );
  });
  return { findings, stop: false };
}
