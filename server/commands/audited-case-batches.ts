import type { Db } from "../db/client.ts";
import type { AuditAction } from "../domain/audit-actions.ts";
import { recordAudit } from "./audit-recorder.ts";

/**
 * A system pass over cases (a key rotation, an encryption of rows left in clear): `batch` changes at most
 * `batchSize` rows and answers their ids, in a transaction of its own that also records one audit row naming
 * them and the key; it repeats until a batch comes back short. `batch` must find only rows still to change,
 * so a pass stopped half-way is finished by running it again.
 */
export async function inAuditedCaseBatches(
  db: Db,
  event: { action: AuditAction; keyId: string },
  batchSize: number,
  batch: (tx: Db) => Promise<number[]>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const changed = await batch(tx);
      if (changed.length > 0)
        await recordAudit(
          tx,
          { actor: null, ip: null },
          {
            action: event.action,
            entityType: "case",
            actorName: "system",
            after: { keyId: event.keyId, caseIds: changed },
          },
        );
      return changed;
    });
    total += ids.length;
    if (ids.length < batchSize) return total;
  }
}
