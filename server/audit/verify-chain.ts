import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  chains: number;
  firstBadId?: number;
  reason?: "hash_mismatch" | "broken_link" | "sequence_gap";
}

/**
 * Recomputes every row's hash from its stored content and checks each chain's links and numbering.
 * An edited row fails its own hash; a deleted row breaks the next row's link and leaves a gap in seq.
 * Pruned chains are checked from their anchor (migration 0006).
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const [counts] = await rows<{ checked: number; chains: number }>(
    db,
    sql`select count(*)::int as checked, count(distinct chain)::int as chains from audit_log`,
  );
  // A chain starts either at seq 1 from the zero hash, or — after retention pruning — right after its anchor.
  const bad = await rows<{ id: number; reason: ChainVerdict["reason"] }>(
    db,
    sql`with ordered as (
          select a.id, a.seq, a.prev_hash, a.hash, audit_row_digest(a.prev_hash, a) as recomputed,
                 lag(a.hash) over w as previous_hash, lag(a.seq) over w as previous_seq,
                 row_number() over w as position,
                 coalesce(an.seq, 0) as start_after, coalesce(an.hash, repeat('0', 64)) as start_hash
            from audit_log a left join audit_anchors an on an.chain = a.chain
          window w as (partition by a.chain order by a.seq)),
        judged as (
          select id, case
                   when hash <> recomputed then 'hash_mismatch'
                   when position = 1 and seq <> start_after + 1 then 'sequence_gap'
                   when position = 1 and prev_hash <> start_hash then 'broken_link'
                   when position > 1 and seq <> previous_seq + 1 then 'sequence_gap'
                   when position > 1 and prev_hash <> previous_hash then 'broken_link'
                 end as reason
            from ordered)
        select id::int as id, reason from judged where reason is not null order by id limit 1`,
  );
  if (bad.length === 0) return { ok: true, ...counts };
  return { ok: false, ...counts, firstBadId: bad[0].id, reason: bad[0].reason };
}
