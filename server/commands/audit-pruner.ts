import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { recordAudit } from "./audit-recorder.ts";

/** The legal floor (等保三级: ≥ 6 months); the database function refuses less as well. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/**
 * Deletes audit rows older than the retention period through `audit_prune`, which anchors each chain
 * where it was cut so the rest still verifies; the pruning itself is audited.
 */
export async function pruneAuditLog(db: Db, retentionDays: number): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`audit retention must be a whole number of days ≥ ${MIN_AUDIT_RETENTION_DAYS}`);
  }
  return db.transaction(async (tx) => {
    // Several app instances run the daily job; one of them prunes, the others skip.
    const [{ got }] = await rows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(727200) as got`);
    if (!got) return 0;
    const [{ deleted }] = await rows<{ deleted: number }>(
      tx,
      sql`select audit_prune(make_interval(days => ${retentionDays}))::int as deleted`,
    );
    await recordAudit(
      tx,
      { actor: null, ip: null },
      {
        action: "audit.prune",
        entityType: "audit_log",
        actorName: "system",
        after: { retentionDays, deleted },
      },
    );
    return deleted;
  });
}
