import { sql } from "drizzle-orm";
import type { GridKind as ApiGridKind, GridVersionEntry } from "../../api-types/grids.ts";
import { type Db, rows } from "../db/client.ts";
import type { GridKind } from "../db/schema/grids.ts";
import type { Equal, Expect } from "../domain/type-equality.ts";
import { notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { isoUtc } from "./sql-time.ts";

export type { GridVersionEntry };

/** The API's grid kinds (api-types/grids.ts) spell out GRID_KINDS: a list changed on one side fails here. */
export type GridApiUnionsAgree = Expect<Equal<ApiGridKind, GridKind>>;

/** A grid's states, newest first: the current row, then every superseded one from grid_versions. */
export async function gridHistory(db: Db, scope: Scope, id: number): Promise<GridVersionEntry[]> {
  const [grid] = await rows<{ id: number }>(
    db,
    sql`select g.id from grids g where g.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!grid) throw notFound();
  const found = await rows<GridVersionEntry & { boundary: string | null }>(
    db,
    sql`select h.version, h.current, h.parent_id as "parentId", p.name as "parentName", h.level, h.code, h.name,
               h.name_ug as "nameUg", h.name_en as "nameEn", h.kind, h.path,
               ${isoUtc(sql`h.retired_at`)} as "retiredAt",
               ${isoUtc(sql`h.valid_from`)} as "validFrom", ${isoUtc(sql`h.valid_to`)} as "validTo",
               round((ST_Area(h.boundary::geography) / 1e6)::numeric, 6)::float8 as "areaKm2",
               ST_AsGeoJSON(h.boundary, 6) as boundary
          from (select g.version, true as current, g.parent_id, g.level, g.code, g.name, g.name_ug, g.name_en,
                       g.kind, g.path, g.retired_at, g.updated_at as valid_from, null::timestamptz as valid_to,
                       g.boundary
                  from grids g where g.id = ${id}
                union all
                select v.version, false, v.parent_id, v.level, v.code, v.name, v.name_ug, v.name_en, v.kind, v.path,
                       v.retired_at, v.valid_from, v.valid_to, v.boundary
                  from grid_versions v where v.grid_id = ${id}) h
          left join grids p on p.id = h.parent_id
         order by h.version desc`,
  );
  return found.map((entry) => ({
    ...entry,
    boundary: entry.boundary ? JSON.parse(entry.boundary) : null,
  }));
}

/**
 * The scope's grids as a GeoJSON FeatureCollection that the boundary import reads back: `code`, `parentCode`,
 * `name`, `nameUg`, `nameEn`, `kind`, `level` and `version` in the properties (edit the geometry, re-import,
 * done). Grids without a boundary are included with a null geometry, as GeoJSON allows. Coordinates keep full
 * precision (shortest round-trip form), so an unedited feature reads back as exactly the same boundary.
 */
export async function exportGrids(
  db: Db,
  scope: Scope,
  filter: { rootId?: number; includeRetired?: boolean },
): Promise<string> {
  let under = sql`true`;
  if (filter.rootId !== undefined) {
    const [root] = await rows<{ path: string }>(
      db,
      sql`select g.path from grids g where g.id = ${filter.rootId} and ${gridWithinScope(sql`g.path`, scope)}`,
    );
    if (!root) throw notFound();
    under = sql`g.path like ${`${root.path}%`}`;
  }
  const live = filter.includeRetired ? sql`true` : sql`g.retired_at is null`;
  const [row] = await rows<{ doc: string }>(
    db,
    sql`select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
              'type', 'Feature',
              'properties', json_build_object('code', g.code, 'parentCode', p.code, 'name', g.name,
                                              'nameUg', g.name_ug, 'nameEn', g.name_en,
                                              'kind', g.kind, 'level', g.level,
                                              'version', g.version, 'retiredAt', ${isoUtc(sql`g.retired_at`)}),
              'geometry', ST_AsGeoJSON(g.boundary, 15)::json) order by g.level, g.code), '[]'::json))::text as doc
          from grids g left join grids p on p.id = g.parent_id
         where ${live} and ${under} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  return row.doc;
}
