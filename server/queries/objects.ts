import { type SQL, sql } from "drizzle-orm";
import type { ObjectDetail, ObjectFilter, ObjectSummary } from "../../api-types/objects.ts";
import { type Db, rows } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { assertExportFits, WORKBOOK_ROW_LIMIT } from "../spreadsheets/export-cap.ts";

/** Re-exported for the routes, which add the caller's policies to the detail. */
export type { ObjectDetail };

const SUMMARY_COLUMNS = sql`o.id, o.type, o.name, o.address, o.category, o.status,
  o.grid_id as "gridId", g.name as "gridName", p.name as "parentGridName",
  o.uscc, o.permit_number as "permitNumber", o.key_unit as "keyUnit",
  o.water_zone_level as "waterZoneLevel", o.risk_level as "riskLevel", o.eia_status as "eiaStatus",
  o.remediation_status as "remediationStatus",
  case GeometryType(o.location) when 'POINT' then 'Point' when 'POLYGON' then 'Polygon' else 'MultiPolygon' end
    as "geometryType",
  round(ST_X(ST_PointOnSurface(o.location))::numeric, 6)::float8 as lon,
  round(ST_Y(ST_PointOnSurface(o.location))::numeric, 6)::float8 as lat,
  o.version, o.updated_at as "updatedAt"`;

const FROM = sql`supervised_objects o left join grids g on g.id = o.grid_id left join grids p on p.id = g.parent_id`;

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of every object read: the caller's scope first, then the filters. */
export function objectConditions(scope: Scope, f: ObjectFilter): SQL {
  const conditions: SQL[] = [gridWithinScope(sql`g.path`, scope)];
  if (f.type) conditions.push(sql`o.type = ${f.type}`);
  if (f.gridId !== undefined)
    conditions.push(sql`g.path like (select sg.path from grids sg where sg.id = ${f.gridId}) || '%'`);
  if (f.q) {
    const like = likeText(f.q.trim());
    conditions.push(
      sql`(o.name ilike ${like} or o.address ilike ${like} or o.uscc ilike ${like} or o.permit_number ilike ${like})`,
    );
  }
  if (f.keyUnit !== undefined) conditions.push(sql`o.key_unit = ${f.keyUnit}`);
  const status = f.status ?? null;
  if (status === null) conditions.push(sql`o.status <> 'retired'`);
  else if (status !== "all") conditions.push(sql`o.status = ${status}`);
  if (f.unplaced) conditions.push(sql`o.grid_id is null`);
  return sql.join(conditions, sql` and `);
}

export async function listObjects(
  db: Db,
  scope: Scope,
  f: ObjectFilter & { page: number; pageSize: number },
): Promise<{ items: ObjectSummary[]; total: number }> {
  const where = objectConditions(scope, f);
  const items = await rows<ObjectSummary>(
    db,
    sql`select ${SUMMARY_COLUMNS} from ${FROM} where ${where}
         order by o.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total: await countObjects(db, where) };
}

async function countObjects(db: Db, where: SQL): Promise<number> {
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from ${FROM} where ${where}`,
  );
  return total;
}

const DETAIL_COLUMNS = sql`o.contact_name as "contactName", o.contact_phone as "contactPhone", o.pollutants,
  o.emissions, ST_AsGeoJSON(o.location, 6)::json as location,
  case when GeometryType(o.location) = 'POINT' then null
       else round((ST_Area(o.location::geography) / 1e6)::numeric, 4)::float8 end as "areaKm2",
  o.retired_at as "retiredAt", o.retired_reason as "retiredReason", o.created_at as "createdAt"`;

export interface ExportRow extends ObjectDetail {
  /** WKT of a polygon location; points are exported as longitude and latitude. */
  boundaryWkt: string | null;
}

/** Every object the filters and the scope select, with all fields, for the XLSX export; all or nothing. */
export async function objectsForExport(db: Db, scope: Scope, f: ObjectFilter): Promise<ExportRow[]> {
  const where = objectConditions(scope, f);
  assertExportFits("objects", await countObjects(db, where), WORKBOOK_ROW_LIMIT);
  return rows<ExportRow>(
    db,
    sql`select ${SUMMARY_COLUMNS}, ${DETAIL_COLUMNS},
               case when GeometryType(o.location) = 'POINT' then null else ST_AsText(o.location, 6) end as "boundaryWkt"
          from ${FROM} where ${where}
         order by o.id limit ${WORKBOOK_ROW_LIMIT}`,
  );
}

/** One object within the caller's scope; out of scope answers exactly like a missing id. */
export async function getObject(db: Db, scope: Scope, id: number): Promise<ObjectDetail> {
  const [row] = await rows<ObjectDetail>(
    db,
    sql`select ${SUMMARY_COLUMNS}, ${DETAIL_COLUMNS} from ${FROM}
         where o.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!row) throw notFound();
  return row;
}

export interface ObjectHistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * The object's changes, newest first, from the audit log (the log is the single record of what changed;
 * a second versions table could drift from it). Grid ids in re-placement entries come with their names.
 */
export function objectHistory(db: Db, id: number): Promise<ObjectHistoryEntry[]> {
  return rows<ObjectHistoryEntry>(
    db,
    sql`select a.id::int as id, a.at, a.actor_name as "actorName", a.action,
               case when a.action = 'object.replace'
                    then a.before || jsonb_build_object('gridName', (select name from grids where id = (a.before->>'gridId')::int))
                    else a.before end as before,
               case when a.action = 'object.replace'
                    then a.after || jsonb_build_object('gridName', (select name from grids where id = (a.after->>'gridId')::int))
                    else a.after end as after
          from audit_log a
         where a.entity_type = 'object' and a.entity_id = ${String(id)}
         order by a.id desc limit 200`,
  );
}

/** The scope's objects as GeoJSON points (a polygon's point on surface), for the map layer. */
export async function objectFeatures(db: Db, scope: Scope, f: ObjectFilter): Promise<string> {
  const [row] = await rows<{ doc: string }>(
    db,
    sql`select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
              'type', 'Feature',
              'properties', json_build_object('id', o.id, 'type', o.type, 'name', o.name, 'keyUnit', o.key_unit,
                                              'gridId', o.grid_id, 'status', o.status),
              'geometry', ST_AsGeoJSON(ST_PointOnSurface(o.location), 6)::json) order by o.id), '[]'::json))::text as doc
          from ${FROM} where ${objectConditions(scope, f)}`,
  );
  return row.doc;
}
