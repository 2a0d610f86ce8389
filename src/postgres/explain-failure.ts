// When a migration fails, Prisma reports the error without a reliable position (the JavaScript engine
// gives none at all). Replaying the script the way Prisma ran it — all of it in one transaction that
// the failure rolls back — statement by statement tells which statement failed and where.
import type pg from "pg";
import { redact } from "../core/errors.js";
import { lineAndColumn } from "../core/migrations.js";
import { splitStatements } from "../sql/statements.js";
import { connectClient } from "./database.js";

export interface MigrationFailure {
  message: string;
  code?: string;
  line?: number;
  column?: number;
  detail?: string;
  hint?: string;
}

function describe(error: pg.DatabaseError, url: string): MigrationFailure {
  const failure: MigrationFailure = { message: redact(error.message, [url]) };
  if (error.code) failure.code = error.code;
  if (error.detail) failure.detail = error.detail;
  if (error.hint) failure.hint = error.hint;
  return failure;
}

export async function explainFailure(url: string, sql: string): Promise<MigrationFailure | undefined> {
  const split = await splitStatements(sql);
  if (!split.ok) {
    return { message: `syntax error: ${split.message}`, ...(split.position !== undefined ? lineAndColumn(sql, split.position) : {}) };
  }
  const client = await connectClient(url);
  try {
    await client.query("BEGIN");
    for (const statement of split.statements) {
      try {
        await client.query(statement.text);
      } catch (error) {
        const e = error as pg.DatabaseError;
        const failure = describe(e, url);
        const position = Number(e.position);
        const offset = statement.start + (Number.isFinite(position) && position > 0 ? position - 1 : 0);
        return { ...failure, ...lineAndColumn(sql, offset) };
      }
    }
    // It passed this time: the failure depended on something else (a lock timeout, say).
    return undefined;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}
