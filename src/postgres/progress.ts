import { connectClient } from "./database.js";

/** How many migrations Prisma has finished so far; 0 before it created its table. */
export async function countFinished(url: string): Promise<number> {
  const client = await connectClient(url);
  try {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations') AS t");
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end().catch(() => {});
  }
}
