import { type SQL, sql } from "drizzle-orm";
import { type Db, preparedRows, rows } from "../db/client.ts";
import { isUniqueViolation } from "../db/pg-errors.ts";
import { TRACK_FLAG, TRACK_LIMITS } from "../domain/patrol/checklist.ts";
import { type MeasuredPoint, measureTrack, type TrackTail } from "../domain/patrol/track-measure.ts";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import type { CommandContext } from "./context.ts";
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

interface Totals {
  distanceM: number;
  pointCount: number;
}

/**
 * Stores where the track now ends and its exact length (migration 0012) with the rounded totals; `alongWith`
 * (the batch's insert) runs in the same statement, saving a round trip.
 */
async function saveTail(
  tx: Db,
  patrolId: number,
  tail: TrackTail,
  lengthM: number,
  pointCount: SQL,
  alongWith?: SQL,
) {
  const last = tail.last;
  const [totals] = await preparedRows<Totals>(
    tx,
    sql`${alongWith ? sql`with written as (${alongWith}) ` : sql``}update patrols set distance_m = round(${lengthM}::float8)::int, point_count = ${pointCount},
               track_length_m = ${lengthM}::float8,
               track_last_t = ${last ? new Date(last.s * 1000).toISOString() : null}::timestamptz,
               track_last_lon = ${last?.lon ?? null}::float8, track_last_lat = ${last?.lat ?? null}::float8,
               track_leg_lon = ${tail.legFrom?.lon ?? null}::float8, track_leg_lat = ${tail.legFrom?.lat ?? null}::float8
         where id = ${patrolId}
        returning distance_m as "distanceM", point_count as "pointCount"`,
  );
  return totals;
}

/**
 * Speed flags, leg lengths and the totals of the whole patrol measured again in time order (finish; a batch
 * that does not simply continue the track; a patrol whose tail is not known yet), so the result does not
 * depend on the order batches arrived in. Only rows whose flags or leg change are written. Also returns the
 * measured points, so the caller can count flags among those it stored.
 */
export async function refreshPatrolDistance(tx: Db, patrolId: number) {
  const points = await rows<MeasuredPoint & { key: string }>(
    tx,
    sql`select t::text as key, extract(epoch from t)::float8 as s, lon, lat, flags, leg_m as "legM"
          from patrol_track_points where patrol_id = ${patrolId} order by t`,
  );
  const before = points.map((p) => ({ flags: p.flags, legM: p.legM }));
  const { tail, lengthM } = measureTrack(points, { last: null, legFrom: null });
  const changed = points.filter((p, i) => p.flags !== before[i].flags || p.legM !== before[i].legM);
  if (changed.length > 0) {
    // Constant time bounds let the planner prune the monthly partitions.
    await tx.execute(sql`
      update patrol_track_points p set flags = u.flags, leg_m = u.leg
        from unnest(${arrayLiteral(changed.map((p) => `"${p.key}"`))}::timestamptz[],
                    ${arrayLiteral(changed.map((p) => p.flags))}::smallint[],
                    ${arrayLiteral(changed.map((p) => p.legM ?? "NULL"))}::float8[]) u(t, flags, leg)
       where p.patrol_id = ${patrolId} and p.t = u.t
         and p.t between ${changed[0].key}::timestamptz and ${changed[changed.length - 1].key}::timestamptz`);
  }
  const totals = await saveTail(tx, patrolId, tail, lengthM, sql`${points.length}::int`);
  return { ...totals, points };
}

interface PatrolState {
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
  lengthM: number | null;
  lastS: number | null;
  lastLon: number | null;
  lastLat: number | null;
  legLon: number | null;
  legLat: number | null;
}

/**
 * The caller's own patrol locked for the write (as lockOwnPatrol: anyone else's is "not found"; its grid need
 * not be in the caller's scope any more, the points were recorded on the post), with its kept tail and the
 * district's bounds for the area flag, in one statement.
 */
async function lockPatrolState(tx: Db, actor: Actor, patrolId: number): Promise<PatrolState> {
  const [state] = await preparedRows<PatrolState>(
    tx,
    sql`select ST_XMin(x.e) as xmin, ST_YMin(x.e) as ymin, ST_XMax(x.e) as xmax, ST_YMax(x.e) as ymax,
               p.track_length_m as "lengthM", extract(epoch from p.track_last_t)::float8 as "lastS",
               p.track_last_lon as "lastLon", p.track_last_lat as "lastLat",
               p.track_leg_lon as "legLon", p.track_leg_lat as "legLat"
          from patrols p,
               (select ST_Expand(ST_Extent(boundary)::geometry, 0.05) as e
                  from grids where level = 1 and retired_at is null) x
         where p.id = ${patrolId} and p.member_id = ${actor.userId}
           for update of p`,
  );
  if (!state) throw notFound();
  return state;
}

type BatchPoint = MeasuredPoint & { iso: string; accuracy: number | null };

/** The batch in time order with the flags a point earns on its own or within the batch (not speed). */
function prepareBatch(points: TrackPoint[], times: number[], state: PatrolState): BatchPoint[] {
  let latest = Number.NEGATIVE_INFINITY;
  const seen = new Set<number>();
  const batch: BatchPoint[] = [];
  points.forEach((p, i) => {
    const t = times[i];
    if (seen.has(t)) return; // the same instant twice in one batch: the first wins
    seen.add(t);
    let flags = 0;
    if (p.accuracy !== undefined && p.accuracy !== null && p.accuracy > TRACK_LIMITS.maxAccuracyM)
      flags |= TRACK_FLAG.accuracy;
    if (t < latest) flags |= TRACK_FLAG.timeBackwards;
    latest = Math.max(latest, t);
    if (
      state.xmin !== null &&
      (p.lon < state.xmin ||
        p.lon > (state.xmax as number) ||
        p.lat < (state.ymin as number) ||
        p.lat > (state.ymax as number))
    )
      flags |= TRACK_FLAG.outOfArea;
    // the phone sends toISOString()'s own form (kept as sent); any other spelling is normalised
    const iso = p.t.length === 24 && p.t[10] === "T" && p.t[23] === "Z" ? p.t : new Date(t).toISOString();
    batch.push({ s: t / 1000, iso, lon: p.lon, lat: p.lat, accuracy: p.accuracy ?? null, flags, legM: null });
  });
  return batch.sort((a, b) => a.s - b.s);
}

/** The insert's SELECT: six or seven array parameters whatever the batch size, one short parse and plan. */
function batchRows(patrolId: number, batch: BatchPoint[]): SQL {
  return sql`select ${patrolId}::int, * from unnest(${arrayLiteral(batch.map((v) => `"${v.iso}"`))}::timestamptz[],
    ${arrayLiteral(batch.map((v) => v.lon))}::float8[], ${arrayLiteral(batch.map((v) => v.lat))}::float8[],
    ${arrayLiteral(batch.map((v) => v.accuracy ?? "NULL"))}::real[], ${arrayLiteral(batch.map((v) => v.flags))}::smallint[],
    ${arrayLiteral(batch.map((v) => v.legM ?? "NULL"))}::float8[])`;
}

/**
 * Stores a batch of GPS points (上传轨迹). A point already stored (same patrol and time) is skipped, so a
 * replayed or reordered batch changes nothing. Implausible points are kept and flagged (see TRACK_FLAG).
 * A batch that continues the track (every point later than the last stored one: what a phone sends) is
 * measured in JavaScript from the tail kept on the patrol, inserted with its flags and legs final, and moves
 * the totals by what it added, in one statement; any other batch is inserted skipping duplicates and the
 * whole patrol is measured again. Not audited row by row: the track is telemetry; the patrol's start and
 * finish (with point count and distance) are the audited events.
 */
export async function ingestTrack(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  patrolId: number,
  points: TrackPoint[],
): Promise<IngestResult> {
  // No patrol.perform here: the patrol's own member uploads after losing the post too (lockPatrolState).
  const now = Date.now();
  const times = points.map((p) => Date.parse(p.t));
  // the latest and the earliest point decide: one from the future or one too old refuses the batch
  checkClientTime(new Date(Math.max(...times)), now);
  checkClientTime(new Date(Math.min(...times)), now);
  try {
    return await storeBatch(ctx, patrolId, points, times, true);
  } catch (error) {
    // The kept tail was behind the table (a writer that did not keep it): the careful path sorts it out.
    if (isUniqueViolation(error)) return storeBatch(ctx, patrolId, points, times, false);
    throw error;
  }
}

async function storeBatch(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  patrolId: number,
  points: TrackPoint[],
  times: number[],
  trustTail: boolean,
): Promise<IngestResult> {
  return ctx.db.transaction(async (tx) => {
    const state = await lockPatrolState(tx, ctx.actor, patrolId);
    const batch = prepareBatch(points, times, state);
    const continues =
      trustTail && state.lengthM !== null && (state.lastS === null || batch[0].s > state.lastS);
    // Every month the batch touches gets its partition first (created on demand, see migration 0007); the
    // month of the kept last point has one already.
    const tailMonth =
      continues && state.lastS !== null ? new Date(state.lastS * 1000).toISOString().slice(0, 7) : null;
    for (const month of new Set(batch.map((v) => v.iso.slice(0, 7))))
      if (month !== tailMonth)
        await tx.execute(sql`select patrol_track_ensure_partition(${`${month}-01T00:00:00Z`}::timestamptz)`);

    if (continues) {
      const from: TrackTail = {
        last:
          state.lastS === null
            ? null
            : { s: state.lastS, lon: state.lastLon as number, lat: state.lastLat as number },
        legFrom: state.legLon === null ? null : { lon: state.legLon, lat: state.legLat as number },
      };
      const { tail, lengthM } = measureTrack(batch, from);
      // Every point is later than the last stored one, under the patrol's lock: a plain insert (no
      // ON CONFLICT, which costs about half as much again); a duplicate would mean a stale tail (see above).
      const totals = await saveTail(
        tx,
        patrolId,
        tail,
        (state.lengthM as number) + lengthM,
        sql`point_count + ${batch.length}::int`,
        sql`insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags, leg_m) ${batchRows(patrolId, batch)}`,
      );
      return {
        received: points.length,
        stored: batch.length,
        duplicates: points.length - batch.length,
        flagged: batch.filter((v) => v.flags !== 0).length,
        ...totals,
      };
    }
    const [inserted] = await rows<{ stored: number; at: number[] | null }>(
      tx,
      sql`with added as (
            insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags, leg_m) ${batchRows(patrolId, batch)}
            on conflict (patrol_id, t) do nothing returning t)
          select count(*)::int as stored, array_agg(extract(epoch from t)::float8) as at from added`,
    );
    const refreshed = await refreshPatrolDistance(tx, patrolId);
    const added = new Set(inserted.at ?? []);
    return {
      received: points.length,
      stored: inserted.stored,
      duplicates: points.length - inserted.stored,
      flagged: refreshed.points.filter((p) => added.has(p.s) && p.flags !== 0).length,
      distanceM: refreshed.distanceM,
      pointCount: refreshed.pointCount,
    };
  });
}

/** A PostgreSQL array literal of numbers or already-quoted strings (both drivers pass it as text). */
function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.join(",")}}`;
}
