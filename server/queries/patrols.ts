import { type SQL, sql } from "drizzle-orm";
import type {
  MemberActivity,
  PatrolDetail,
  PatrolLedgerRow,
  PatrolPlanEntry,
} from "../../api-types/patrols.ts";
import { type Db, rows } from "../db/client.ts";
import type { PhotoType } from "../domain/evidence/file-type.ts";
import { CHECKLISTS, flagNames } from "../domain/patrol/checklist.ts";
import { buildPlan, isBlindSpot, type PlanObject, type PlanRule } from "../domain/patrol/plan.ts";
import { notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { assertExportFits, WORKBOOK_ROW_LIMIT } from "../spreadsheets/export-cap.ts";
import { withinDateRange } from "./sql-time.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The 定任务 rules in force. */
export function patrolRules(db: Db): Promise<PlanRule[]> {
  return rows<PlanRule>(
    db,
    sql`select id, grid_level as "gridLevel", grid_id as "gridId", object_type as "objectType",
               object_flag as "objectFlag", frequency, times_per_period as "timesPerPeriod"
          from patrol_rules where retired_at is null`,
  );
}

/** Objects a plan may cover: live objects of live grids in scope (`o` the object, `g` its grid). */
export const plannedObjectsIn = (scope: Scope): SQL =>
  sql`o.status = 'active' and g.retired_at is null and ${gridWithinScope(sql`g.path`, scope)}`;

export const toPlanObject = (o: {
  id: number;
  type: string;
  keyUnit: boolean;
  gridId: number;
  gridLevel: number;
}): PlanObject => ({
  id: o.id,
  type: o.type,
  flags: o.keyUnit ? ["key_unit"] : [],
  gridId: o.gridId,
  gridLevel: o.gridLevel,
});

/**
 * The patrol plan of the grids in scope (optionally one grid): every live object a 定任务 rule covers, with
 * this period's visits, the next deadline and the overdue flag (domain/patrol/plan.ts).
 */
export async function patrolPlan(db: Db, scope: Scope, filter: { gridId?: number }, now = Date.now()) {
  const gridFilter = filter.gridId ? sql`and g.id = ${filter.gridId}` : sql``;
  const objects = await rows<{
    id: number;
    name: string;
    type: string;
    address: string | null;
    keyUnit: boolean;
    gridId: number;
    gridName: string;
    gridLevel: number;
    lon: number;
    lat: number;
  }>(
    db,
    sql`select o.id, o.name, o.type, o.address, o.key_unit as "keyUnit", g.id as "gridId", g.name as "gridName",
               g.level as "gridLevel", ST_X(ST_PointOnSurface(o.location)) as lon,
               ST_Y(ST_PointOnSurface(o.location)) as lat
          from supervised_objects o join grids g on g.id = o.grid_id
         where ${plannedObjectsIn(scope)} ${gridFilter}`,
  );
  const rules = await patrolRules(db);
  // Visits from the start of the previous quarter cover every period the plan looks at.
  const since = new Date(now - 200 * 24 * 3_600_000).toISOString();
  const ids = objects.map((o) => o.id);
  const visits = new Map<number, number[]>();
  if (ids.length > 0) {
    const checkins = await rows<{ objectId: number; at: string }>(
      db,
      sql`select object_id as "objectId", at from patrol_checkins
           where at >= ${since} and object_id in (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})`,
    );
    for (const c of checkins) {
      const list = visits.get(c.objectId) ?? [];
      list.push(new Date(c.at).getTime());
      visits.set(c.objectId, list);
    }
  }
  const planObjects = objects.map(toPlanObject);
  const byId = new Map(objects.map((o) => [o.id, o]));
  return buildPlan(rules, planObjects, visits, now).map((item): PatrolPlanEntry => {
    const o = byId.get(item.objectId) as (typeof objects)[number];
    return {
      ...item,
      objectName: o.name,
      objectType: o.type,
      address: o.address,
      gridId: o.gridId,
      gridName: o.gridName,
      lon: Number(o.lon),
      lat: Number(o.lat),
      periodStart: iso(item.periodStart) as string,
      periodEnd: iso(item.periodEnd) as string,
      nextDueAt: iso(item.nextDueAt),
      lastVisitAt: iso(item.lastVisitAt),
      checklist: [...(CHECKLISTS[o.type] ?? [])],
    };
  });
}

export async function blindSpots(db: Db, scope: Scope, filter: { gridId?: number }) {
  return (await patrolPlan(db, scope, filter)).filter(isBlindSpot);
}

export interface LedgerFilter {
  gridId?: number;
  memberId?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

function ledgerWhere(scope: Scope, f: LedgerFilter): SQL {
  const parts: SQL[] = [gridWithinScope(sql`g.path`, scope)];
  if (f.gridId) parts.push(sql`g.path like ${sql`(select path from grids where id = ${f.gridId})`} || '%'`);
  if (f.memberId) parts.push(sql`p.member_id = ${f.memberId}`);
  // from/to are Beijing days, both included (the same reading as the case list)
  parts.push(...withinDateRange(sql`p.started_at`, f));
  return sql.join(parts, sql` and `);
}

const ledgerSelect = (where: SQL) => sql`
  select p.id, p.member_id as "memberId", u.display_name as "memberName", g.id as "gridId", g.name as "gridName",
         p.started_at as "startedAt", p.finished_at as "finishedAt", p.status, p.distance_m as "distanceM",
         p.point_count as "pointCount",
         (select count(*)::int from patrol_checkins c where c.patrol_id = p.id) as checkins,
         (select count(*)::int from patrol_checkins c where c.patrol_id = p.id and c.finding is not null) as findings,
         coalesce((select string_agg(o.name, '、' order by c.at) from patrol_checkins c
                     join supervised_objects o on o.id = c.object_id where c.patrol_id = p.id), '') as objects
    from patrols p join grids g on g.id = p.grid_id join users u on u.id = p.member_id
   where ${where}`;

const isoRow = (r: PatrolLedgerRow): PatrolLedgerRow => ({
  ...r,
  startedAt: new Date(r.startedAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
});

async function countLedger(db: Db, where: SQL): Promise<number> {
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from patrols p join grids g on g.id = p.grid_id where ${where}`,
  );
  return total;
}

/** 巡查台账: patrols in scope, newest first. */
export async function listPatrols(db: Db, scope: Scope, f: LedgerFilter) {
  const where = ledgerWhere(scope, f);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const total = await countLedger(db, where);
  const items = await rows<PatrolLedgerRow>(
    db,
    sql`${ledgerSelect(where)} order by p.started_at desc, p.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { total, page, pageSize, items: items.map(isoRow) };
}

/** 巡查台账 for a spreadsheet: the ledger's patrols, newest first; all or nothing. */
export async function patrolsForExport(db: Db, scope: Scope, f: LedgerFilter) {
  const where = ledgerWhere(scope, f);
  assertExportFits("patrols", await countLedger(db, where), WORKBOOK_ROW_LIMIT);
  const items = await rows<PatrolLedgerRow>(
    db,
    sql`${ledgerSelect(where)} order by p.started_at desc, p.id desc limit ${WORKBOOK_ROW_LIMIT}`,
  );
  return items.map(isoRow);
}

/** One patrol with its track (for playback) and check-ins; out of scope → 404. */
export async function getPatrol(db: Db, scope: Scope, id: number): Promise<PatrolDetail> {
  const [patrol] = await rows<PatrolLedgerRow>(
    db,
    sql`${ledgerSelect(sql`p.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`)}`,
  );
  if (!patrol) throw notFound();
  const track = await rows<{ t: string; lon: number; lat: number; accuracy: number | null; flags: number }>(
    db,
    sql`select t, lon, lat, accuracy, flags from patrol_track_points where patrol_id = ${id} order by t`,
  );
  const checkins = await rows<PatrolDetail["checkins"][number]>(
    db,
    sql`select c.id, c.object_id as "objectId", o.name as "objectName", c.at, c.distance_m as "distanceM",
               c.answers, c.finding, (c.photo is not null) as "hasPhoto"
          from patrol_checkins c join supervised_objects o on o.id = c.object_id
         where c.patrol_id = ${id} order by c.at, c.id`,
  );
  const { checkins: _count, ...summary } = isoRow(patrol);
  return {
    ...summary,
    track: track.map((p) => ({
      t: new Date(p.t).toISOString(),
      lon: Number(p.lon),
      lat: Number(p.lat),
      accuracy: p.accuracy === null ? null : Number(p.accuracy),
      flags: flagNames(Number(p.flags)),
    })),
    checkins: checkins.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
  };
}

/** A check-in's photo, if the patrol is in scope and the check-in has one; otherwise 404. */
export async function getCheckinPhoto(db: Db, scope: Scope, patrolId: number, checkinId: number) {
  const [found] = await rows<{ photo: Uint8Array; photoType: PhotoType }>(
    db,
    sql`select c.photo, c.photo_type as "photoType"
          from patrol_checkins c join patrols p on p.id = c.patrol_id join grids g on g.id = p.grid_id
         where c.id = ${checkinId} and c.patrol_id = ${patrolId} and c.photo is not null
           and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!found) throw notFound();
  return { bytes: Buffer.from(found.photo), type: found.photoType };
}

/** Members' activity (days active, patrols, distance, check-ins) for a period, in scope. */
export async function memberActivity(db: Db, scope: Scope, f: LedgerFilter) {
  const where = ledgerWhere(scope, f);
  return rows<MemberActivity>(
    db,
    sql`select p.member_id as "memberId", u.display_name as "memberName", count(*)::int as patrols,
               count(distinct (p.started_at at time zone 'Asia/Shanghai')::date)::int as "daysActive",
               coalesce(sum(p.distance_m), 0)::int as "distanceM",
               coalesce(sum((select count(*) from patrol_checkins c where c.patrol_id = p.id)), 0)::int as checkins
          from patrols p join grids g on g.id = p.grid_id join users u on u.id = p.member_id
         where ${where}
         group by p.member_id, u.display_name order by patrols desc, p.member_id`,
  );
}

/** The patrols that visited an object (for its archive). */
export async function objectPatrols(db: Db, objectId: number, limit = 50) {
  const list = await rows<{
    patrolId: number;
    checkinId: number;
    at: string;
    memberName: string;
    distanceM: number;
    finding: string | null;
  }>(
    db,
    sql`select c.patrol_id as "patrolId", c.id as "checkinId", c.at, u.display_name as "memberName",
               c.distance_m as "distanceM", c.finding
          from patrol_checkins c join patrols p on p.id = c.patrol_id join users u on u.id = p.member_id
         where c.object_id = ${objectId} order by c.at desc limit ${limit}`,
  );
  return list.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
