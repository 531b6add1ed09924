import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { ObjectGeometry } from "../domain/supervised-object.ts";

/** A GeoJSON geometry as a 2-D PostGIS geometry in SRID 4326 (a third coordinate, if sent, is dropped). */
export function geometrySql(geometry: ObjectGeometry): SQL {
  return sql`ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326))`;
}

export interface Placement {
  /** PostGIS's verdict; a self-intersecting polygon is not valid. */
  valid: boolean;
  reason: string | null;
  /** The grid the database will place the object in (see object_grid_for in migration 0004). */
  gridId: number | null;
  gridPath: string | null;
  gridName: string | null;
}

/**
 * Where each location would be placed, in one query: validity first (an invalid polygon has no
 * placement), then the same `object_grid_for` the placement trigger uses, so the answer matches what
 * the insert will do. Geometries must have passed `geometryProblems` (structure) before.
 */
export async function placeLocations(db: Db, geometries: readonly ObjectGeometry[]): Promise<Placement[]> {
  if (geometries.length === 0) return [];
  const found = await rows<Placement & { ord: number }>(
    db,
    sql`with input as (
          select ord::int as ord, ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(value::text), 4326)) as geom
            from jsonb_array_elements(${JSON.stringify(geometries)}::jsonb) with ordinality as t(value, ord)
        ), checked as (
          select ord, geom, ST_IsValid(geom) as valid, ST_IsValidReason(geom) as reason from input
        )
        select c.ord, c.valid, case when c.valid then null else c.reason end as reason,
               g.id as "gridId", g.path as "gridPath", g.name as "gridName"
          from checked c
          left join grids g on g.id = (case when c.valid then object_grid_for(c.geom) end)
         order by c.ord`,
  );
  return found.map(({ ord: _ord, ...placement }) => placement);
}
