import { sql } from "drizzle-orm";
import type { Config } from "../config.ts";
import { type Db, rows } from "../db/client.ts";
import { decryptField, encryptField, type ReporterField, reporterAad } from "../security/reporter-crypto.ts";
import { inAuditedCaseBatches } from "./audited-case-batches.ts";

/**
 * Re-encrypts every reporter identity (name, contact, a dispute's complainant) not yet under the current key
 * (ENVGRID_REPORTER_KEY), reading the old ones with ENVGRID_REPORTER_OLD_KEYS. Batched, one transaction per
 * batch; safe to re-run after a failure. Once it reports 0 remaining, the old keys can be removed from the
 * configuration (docs/security.md).
 */
export async function rotateReporterKey(
  db: Db,
  config: Pick<Config, "reporterKeys">,
  batchSize = 200,
): Promise<{ reencrypted: number; remaining: number }> {
  const ring = config.reporterKeys;
  const reencrypted = await inAuditedCaseBatches(
    db,
    { action: "case.reporter_key_rotate", keyId: ring.current.id },
    batchSize,
    async (tx) => {
      const batch = await rows<{
        id: number;
        trackingNo: string;
        nameEnc: string | null;
        contactEnc: string | null;
        complainantEnc: string | null;
      }>(
        tx,
        sql`select id, tracking_no as "trackingNo", reporter_name_enc as "nameEnc", reporter_contact_enc as "contactEnc",
                   dispute_complainant_enc as "complainantEnc"
              from cases where reporter_key_id is not null and reporter_key_id <> ${ring.current.id}
             order by id limit ${batchSize} for update`,
      );
      for (const c of batch) {
        const again = (token: string | null, field: ReporterField) =>
          token === null
            ? null
            : encryptField(
                ring,
                decryptField(ring, token, reporterAad(c.trackingNo, field)),
                reporterAad(c.trackingNo, field),
              );
        await tx.execute(
          sql`update cases set reporter_name_enc = ${again(c.nameEnc, "name")},
                 reporter_contact_enc = ${again(c.contactEnc, "contact")},
                 dispute_complainant_enc = ${again(c.complainantEnc, "complainant")}, reporter_key_id = ${ring.current.id}
               where id = ${c.id}`,
        );
      }
      return batch.map((c) => c.id);
    },
  );
  const [{ remaining }] = await rows<{ remaining: number }>(
    db,
    sql`select count(*)::int as remaining from cases where reporter_key_id is not null and reporter_key_id <> ${ring.current.id}`,
  );
  return { reencrypted, remaining };
}
