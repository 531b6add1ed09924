import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { TRACK_FLAG, TRACK_LIMITS } from "../domain/patrol/checklist.ts";
import { assertAllowed } from "../policies/allow.ts";
import type { CommandContext } from "./context.ts";
import { lockOwnPatrol } from "./patrol-access.ts";
import { checkClientTime } from "./patrol-starter.ts";

export interface TrackPoint {
  t: string;
  lon: number;
  lat: number;
  accuracy?: number | null;
}

export interface IngestResult {
  received: number;
  stored: number;
  duplicates: number;
  flagged: number;
  pointCount: number;
  distanceM: number;
}

/**
 * Speed flags, leg lengths and the patrol's totals, recomputed in time order, so the result does not depend on
 * the order batches arrived in. Speed is measured from the previous point in time; a point's leg (`leg_m`) runs
 * from the previous point that carries no flag, and the distance is the sum of the legs of unflagged points.
 * With `from` (the earliest point of the batch just stored) only what the batch can change is recomputed: a
 * point's speed depends on the point before it only, so everything up to the last stored point before `from`
 * (the anchor) keeps its flags and legs. Without `from`, the whole patrol (finish).
 */
export async function refreshPatrolDistance(tx: Db, patrolId: number, from?: Date) {
  // The patrol's time span and the anchors first, as text (exact to the microsecond): every later statement
  // then bounds t by plain parameters, which lets the planner prune the monthly partitions (planning all
  // two dozen of them for each of three statements cost more than the work itself).
  const fromAt = from ? sql`${from.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
  const [span] = await rows<{
    lo: string | null;
    hi: string | null;
    anchor: string;
    legAnchor: string | null;
  }>(
    tx,
    sql`select min(t)::text as lo, max(t)::text as hi,
               coalesce(max(t) filter (where t < ${fromAt}), ${fromAt})::text as anchor,
               max(t) filter (where flags = 0 and t < ${fromAt})::text as "legAnchor"
          from patrol_track_points where patrol_id = ${patrolId}`,
  );
  if (span.lo === null || span.hi === null) {
    const [empty] = await rows<{ distanceM: number; pointCount: number }>(
      tx,
      sql`update patrols set distance_m = 0, point_count = 0 where id = ${patrolId}
          returning distance_m as "distanceM", point_count as "pointCount"`,
    );
    return empty;
  }
  const ts = (text: string) => sql`${text}::timestamptz`;
  const hi = ts(span.hi);
  // Rewritten: the points after the anchor (all of them without `from`); read: from the anchor on.
  const anchor = from ? ts(span.anchor) : ts(span.lo);
  const rewrite = (t: SQL) =>
    from ? sql`${t} > ${anchor} and ${t} <= ${hi}` : sql`${t} between ${anchor} and ${hi}`;
  const distance = sql`ST_Distance(geography(ST_SetSRID(ST_MakePoint(lon, lat), 4326)),
                        geography(ST_SetSRID(ST_MakePoint(lag(lon) over w, lag(lat) over w), 4326)))`;
  await tx.execute(sql`
    update patrol_track_points p
       set flags = (p.flags & ~${TRACK_FLAG.speed}::smallint)
                 | (case when s.kmh > ${TRACK_LIMITS.maxSpeedKmh} then ${TRACK_FLAG.speed} else 0 end)::smallint
      from (select t, ${distance} / nullif(extract(epoch from t - lag(t) over w), 0) * 3.6 as kmh
              from patrol_track_points where patrol_id = ${patrolId} and t between ${anchor} and ${hi}
            window w as (order by t)) s
     where p.patrol_id = ${patrolId} and p.t = s.t and ${rewrite(sql`p.t`)}
       and (p.flags & ${TRACK_FLAG.speed}) <> (case when s.kmh > ${TRACK_LIMITS.maxSpeedKmh} then ${TRACK_FLAG.speed} else 0 end)`);
  // Legs after the anchor, measured from the last unflagged point before `from` (flags are final now).
  const legFrom = from && span.legAnchor ? ts(span.legAnchor) : ts(span.lo);
  await tx.execute(sql`
    update patrol_track_points p set leg_m = l.leg
      from (select q.t, case when q.flags = 0 then legs.leg end as leg
              from patrol_track_points q
              left join (select t, ${distance} as leg from patrol_track_points
                          where patrol_id = ${patrolId} and flags = 0 and t between ${legFrom} and ${hi}
                         window w as (order by t)) legs on legs.t = q.t
             where q.patrol_id = ${patrolId} and ${rewrite(sql`q.t`)}) l
     where p.patrol_id = ${patrolId} and p.t = l.t and ${rewrite(sql`p.t`)} and p.leg_m is distinct from l.leg`);
  const [totals] = await rows<{ distanceM: number; pointCount: number }>(
    tx,
    sql`update patrols set (distance_m, point_count) =
          (select coalesce(round(sum(leg_m)), 0)::int, count(*)::int from patrol_track_points
            where patrol_id = ${patrolId} and t between ${ts(span.lo)} and ${hi})
         where id = ${patrolId}
        returning distance_m as "distanceM", point_count as "pointCount"`,
  );
  return totals;
}

/**
 * Stores a batch of GPS points (上传轨迹). A point already stored (same patrol and time) is skipped, so a
 * replayed or reordered batch changes nothing. Implausible points are kept and flagged (see TRACK_FLAG).
 * Not audited row by row: the track is telemetry; the patrol's start and finish (with point count and
 * distance) are the audited events.
 */
export async function ingestTrack(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  patrolId: number,
  points: TrackPoint[],
): Promise<IngestResult> {
  assertAllowed(ctx.actor, "patrol.perform");
  for (const p of points) checkClientTime(new Date(p.t));
  return ctx.db.transaction(async (tx) => {
    await lockOwnPatrol(tx, ctx.actor, patrolId);
    const [box] = await rows<{ xmin: number; ymin: number; xmax: number; ymax: number } | undefined>(
      tx,
      sql`select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
            from (select ST_Expand(ST_Extent(boundary)::geometry, 0.05) as e
                    from grids where level = 1 and retired_at is null) x`,
    );
    let latest = Number.NEGATIVE_INFINITY;
    const seen = new Set<number>();
    const values: { t: string; lon: number; lat: number; accuracy: number | null; flags: number }[] = [];
    for (const p of points) {
      const t = Date.parse(p.t);
      if (seen.has(t)) continue; // the same instant twice in one batch: the first wins
      seen.add(t);
      let flags = 0;
      if (p.accuracy !== undefined && p.accuracy !== null && p.accuracy > TRACK_LIMITS.maxAccuracyM)
        flags |= TRACK_FLAG.accuracy;
      if (t < latest) flags |= TRACK_FLAG.timeBackwards;
      latest = Math.max(latest, t);
      if (box?.xmin != null && (p.lon < box.xmin || p.lon > box.xmax || p.lat < box.ymin || p.lat > box.ymax))
        flags |= TRACK_FLAG.outOfArea;
      values.push({
        t: new Date(t).toISOString(),
        lon: p.lon,
        lat: p.lat,
        accuracy: p.accuracy ?? null,
        flags,
      });
    }
    // Every month the batch touches gets its partition first (created on demand, see migration 0007).
    for (const iso of new Set(points.map((p) => new Date(Date.parse(p.t)).toISOString().slice(0, 7))))
      await tx.execute(sql`select patrol_track_ensure_partition(${`${iso}-01T00:00:00Z`}::timestamptz)`);
    const inserted =
      values.length === 0
        ? []
        : await rows<{ flags: number }>(
            tx,
            // Six array parameters whatever the batch size (not six per point): one short parse and plan.
            sql`insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags)
                select ${patrolId}::int, * from unnest(${arrayLiteral(values.map((v) => `"${v.t}"`))}::timestamptz[],
                  ${arrayLiteral(values.map((v) => v.lon))}::float8[], ${arrayLiteral(values.map((v) => v.lat))}::float8[],
                  ${arrayLiteral(values.map((v) => v.accuracy ?? "NULL"))}::real[],
                  ${arrayLiteral(values.map((v) => v.flags))}::smallint[])
                on conflict (patrol_id, t) do nothing returning flags`,
          );
    const earliest = Math.min(...values.map((v) => Date.parse(v.t)));
    const totals = await refreshPatrolDistance(tx, patrolId, values.length ? new Date(earliest) : undefined);
    return {
      received: points.length,
      stored: inserted.length,
      duplicates: points.length - inserted.length,
      flagged: inserted.filter((r) => r.flags !== 0).length,
      ...totals,
    };
  });
}

/** A PostgreSQL array literal of numbers or already-quoted strings (both drivers pass it as text). */
function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.join(",")}}`;
}
