import { sql } from "drizzle-orm";
import type { DisputeParty } from "../../api-types/cases.ts";
import type { Config } from "../config.ts";
import { type Database, rows } from "../db/client.ts";
import { jsonParam } from "../queries/case-row.ts";
import { sealDisputeParties } from "../security/dispute-complainant.ts";
import { inAuditedCaseBatches } from "./audited-case-batches.ts";

/**
 * Encrypts the complainants of disputes filed before migration 0017, which kept every party in clear: the
 * first party moves into dispute_complainant_enc under the current key, the others stay in dispute_parties.
 * SQL cannot do it (the database never holds the key), so this runs after every migrate (`migrateAndSeal`).
 * Batched, one audited transaction per batch; finds nothing once done. When it sealed a row it rewrites the
 * table (VACUUM FULL), so no dead row version keeps the clear name in the data files.
 */
export async function sealDisputeComplainants(
  database: Database,
  config: Pick<Config, "reporterKeys">,
  batchSize = 200,
): Promise<{ sealed: number }> {
  const ring = config.reporterKeys;
  const sealed = await inAuditedCaseBatches(
    database.db,
    { action: "case.dispute_complainant_seal", keyId: ring.current.id },
    batchSize,
    async (tx) => {
      // the conditions of the partial index cases_dispute_complainant_clear (migration 0017)
      const batch = await rows<{ id: number; trackingNo: string; parties: DisputeParty[] }>(
        tx,
        sql`select id, tracking_no as "trackingNo", dispute_parties as parties from cases
             where dispute_complainant_enc is null and dispute_parties is not null
               and jsonb_typeof(dispute_parties) = 'array' and jsonb_array_length(dispute_parties) > 0
             order by id limit ${batchSize} for update`,
      );
      for (const c of batch) {
        // the query found a first party, so there is a complainant to seal
        const { complainantEnc, others } = sealDisputeParties(ring, c.trackingNo, c.parties);
        // the row's key stays as it is: an old one is rotated away with the rest of the row
        await tx.execute(
          sql`update cases set dispute_complainant_enc = ${complainantEnc}, dispute_parties = ${jsonParam(others)},
                 reporter_key_id = coalesce(reporter_key_id, ${ring.current.id})
               where id = ${c.id}`,
        );
      }
      return batch.map((c) => c.id);
    },
  );
  if (sealed > 0) await database.execScript("VACUUM FULL cases");
  return { sealed };
}
