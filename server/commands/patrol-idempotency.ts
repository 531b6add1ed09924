import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { unprocessable } from "../errors.ts";

/**
 * Claims an Idempotency-Key for this account inside the caller's transaction. Returns the stored answer of
 * the first request with this key (the caller returns it unchanged), or null when this request is the first
 * — then `remember` stores its answer before the transaction commits. A concurrent request with the same key
 * waits on the primary key until the first commits, then reads its answer.
 */
export async function claimIdempotencyKey<T>(
  tx: Db,
  userId: number,
  key: string | undefined,
  operation: string,
): Promise<{ replay: T | null; remember: (response: T) => Promise<void> }> {
  if (!key) return { replay: null, remember: async () => {} };
  const claimed = await rows<{ key: string }>(
    tx,
    sql`insert into patrol_idempotency (user_id, key, operation, response)
        values (${userId}, ${key}, ${operation}, '{}'::jsonb) on conflict do nothing returning key`,
  );
  if (claimed.length === 0) {
    const [stored] = await rows<{ response: T; operation: string }>(
      tx,
      sql`select response, operation from patrol_idempotency where user_id = ${userId} and key = ${key}`,
    );
    if (stored.operation !== operation)
      throw unprocessable(
        "idempotency_key_reused",
        "该幂等键已用于另一种操作，请重新提交",
        "This Idempotency-Key was used for another operation",
      );
    return { replay: stored.response, remember: async () => {} };
  }
  return {
    replay: null,
    remember: async (response) => {
      await tx.execute(
        sql`update patrol_idempotency set response = ${JSON.stringify(response)}::jsonb
             where user_id = ${userId} and key = ${key}`,
      );
    },
  };
}
