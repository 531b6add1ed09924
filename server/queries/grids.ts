import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { GeoJsonMultiPolygon } from "../db/schema/geometry.ts";
import { notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { pathGridIds } from "./grid-ancestry.ts";
import { isoUtc } from "./sql-time.ts";

export interface GridSummary {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  nameUg: string | null;
  nameEn: string | null;
  kind: string;
  childCount: number;
  version: number;
  retiredAt: string | null;
}

const SUMMARY_COLUMNS = sql`g.id, g.parent_id as "parentId", g.level, g.code, g.name, g.name_ug as "nameUg",
  g.name_en as "nameEn", g.kind,
  (select count(*)::int from grids c where c.parent_id = g.id and c.retired_at is null) as "childCount",
  g.version, ${isoUtc(sql`g.retired_at`)} as "retiredAt"`;

/** Grids the scope reaches, tree order (level, then code); retired grids only when asked for (administration). */
export function listGrids(
  db: Db,
  scope: Scope,
  filter: { level?: number; includeRetired?: boolean } = {},
): Promise<GridSummary[]> {
  const level = filter.level === undefined ? sql`true` : sql`g.level = ${filter.level}`;
  const live = filter.includeRetired ? sql`true` : sql`g.retired_at is null`;
  return rows<GridSummary>(
    db,
    sql`select ${SUMMARY_COLUMNS} from grids g
         where ${live} and ${level} and ${gridWithinScope(sql`g.path`, scope)}
         order by g.level, g.code`,
  );
}

export interface GridFeatureCollection {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    properties: Omit<GridSummary, "childCount" | "nameUg" | "nameEn" | "version" | "retiredAt">;
    geometry: GeoJsonMultiPolygon;
  }[];
}

/** The scope's grid boundaries as one GeoJSON document, built by PostGIS in a single query. */
export async function gridFeatures(db: Db, scope: Scope, filter: { level?: number } = {}): Promise<string> {
  const level = filter.level === undefined ? sql`true` : sql`g.level = ${filter.level}`;
  const [row] = await rows<{ doc: string }>(
    db,
    sql`select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
              'type', 'Feature',
              'properties', json_build_object('id', g.id, 'parentId', g.parent_id, 'level', g.level,
                                              'code', g.code, 'name', g.name, 'kind', g.kind),
              'geometry', ST_AsGeoJSON(g.boundary, 6)::json) order by g.level, g.code), '[]'::json))::text as doc
          from grids g
         where g.retired_at is null and g.boundary is not null and ${level}
           and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  return row.doc;
}

export interface GridDetail extends GridSummary {
  parentName: string | null;
  areaKm2: number | null;
  boundary: GeoJsonMultiPolygon | null;
  version: number;
}

export async function getGrid(db: Db, scope: Scope, id: number): Promise<GridDetail> {
  const [grid] = await rows<GridDetail & { boundary: string | null }>(
    db,
    sql`select ${SUMMARY_COLUMNS}, p.name as "parentName",
               round((ST_Area(g.boundary::geography) / 1e6)::numeric, 3)::float8 as "areaKm2",
               ST_AsGeoJSON(g.boundary, 6) as boundary
          from grids g left join grids p on p.id = g.parent_id
         where g.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!grid) throw notFound();
  return { ...grid, boundary: grid.boundary ? JSON.parse(grid.boundary as unknown as string) : null };
}

/**
 * Names (Chinese, Uyghur, English) of the grids above the caller's own grids: shown as context, never their
 * contents.
 */
export function ancestorsOf(db: Db, gridIds: number[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return rows<{ id: number; name: string; nameUg: string | null; nameEn: string | null; level: number }>(
    db,
    sql`select distinct a.id, a.name, a.name_ug as "nameUg", a.name_en as "nameEn", a.level from grids g
          join grids a on a.id = any(${pathGridIds(sql`g.path`)}) and a.id <> g.id
         where g.id in ${sql`(${sql.join(
           gridIds.map((id) => sql`${id}`),
           sql`, `,
         )})`}
         order by a.level`,
  );
}
