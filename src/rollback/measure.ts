// What the environment holds in the tables and columns a reversal would drop, read in one READ ONLY
// transaction with a statement timeout (counting stops at a cap: a number to show, not a full scan).
import type { DataLoss } from "../core/revert.js";
import { redact } from "../core/errors.js";
import { connectClient, quoteIdentifier, urlSecrets } from "../postgres/database.js";

const CAP = 10_000;

function qualified(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

function amount(n: number, what: string): string {
  return n >= CAP ? `at least ${CAP} ${what}` : `${n} ${what}`;
}

/** Per item, e.g. `12 rows in "staging" now`; items that cannot be measured say why. */
export async function measureDataLoss(url: string, environment: string, items: readonly DataLoss[]): Promise<Map<DataLoss, string>> {
  const out = new Map<DataLoss, string>();
  if (items.length === 0) return out;
  const client = await connectClient(url);
  try {
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL statement_timeout = '15s'");
    for (const item of items) {
      if (item.kind === "enum-type") continue;
      await client.query("SAVEPOINT measure");
      try {
        const table = qualified(item.schema, item.table);
        const where = item.kind === "table" ? "" : ` WHERE ${quoteIdentifier(item.column!)} IS NOT NULL`;
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table}${where} LIMIT ${CAP}) s`);
        const n = Number(rows[0]!.n);
        out.set(
          item,
          `${item.kind === "table" ? amount(n, n === 1 ? "row" : "rows") : amount(n, n === 1 ? "non-null value" : "non-null values")} in "${environment}" now`,
        );
        await client.query("RELEASE SAVEPOINT measure");
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT measure");
        out.set(
          item,
          `not measured in "${environment}": ${redact(error instanceof Error ? error.message : String(error), urlSecrets(url))}`,
        );
      }
    }
    await client.query("ROLLBACK");
  } finally {
    await client.end().catch(() => {});
  }
  return out;
}
