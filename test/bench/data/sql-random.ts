import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client.ts";

/**
 * A uniform number in [0, 1) that depends only on an integer column, the seed and a stream number: the
 * same row gets the same value on every run and on both engines (hashint8extended is the stable hash
 * PostgreSQL uses for hash partitioning), whatever order the rows are generated in.
 */
export function hashUniform(column: string, seed: number, stream: number): SQL {
  return sql.raw(
    `((hashint8extended(${column}::bigint, ${seed * 1000 + stream}) & 1073741823)::float8 / 1073741824)`,
  );
}

/**
 * One generated chunk in its own transaction with JIT off: PostgreSQL would otherwise spend seconds
 * compiling these wide expressions for every chunk (PGlite has no JIT; the setting is harmless there).
 */
export async function bulk(db: Db, query: SQL): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(query);
  });
}
