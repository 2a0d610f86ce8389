// When a migration fails, Prisma reports the error without a reliable position (the JavaScript engine
// gives none at all). Running the same script the same way — one simple-protocol query, so one
// implicit transaction that the failure rolls back — gives Postgres's own error with its position.
import pg from "pg";
import { redact } from "../core/errors.js";
import { lineAndColumn } from "../core/migrations.js";

export interface MigrationFailure {
  message: string;
  code?: string;
  line?: number;
  column?: number;
  detail?: string;
  hint?: string;
}

export async function explainFailure(url: string, sql: string): Promise<MigrationFailure | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
    // It passed this time: the failure depended on something else (e.g. a lock timeout). Undo is not
    // possible here, but verify stops at a failed apply anyway.
    return undefined;
  } catch (error) {
    const e = error as pg.DatabaseError;
    const failure: MigrationFailure = { message: redact(e.message, [url]) };
    if (e.code) failure.code = e.code;
    if (e.detail) failure.detail = e.detail;
    if (e.hint) failure.hint = e.hint;
    const position = Number(e.position ?? e.internalPosition);
    if (Number.isFinite(position) && position > 0) {
      Object.assign(failure, lineAndColumn(sql, position - 1));
    }
    return failure;
  } finally {
    await client.end().catch(() => {});
  }
}
