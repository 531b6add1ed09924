import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import {
  boundaryMessage,
  checkBoundaryShape,
  type PolygonalGeometry,
  type ShapeProblem,
  translateGeosReason,
} from "../domain/grid-geojson.ts";
import { unprocessable } from "../errors.ts";

/** A checked boundary as SQL: 2D MultiPolygon in SRID 4326, whatever the GeoJSON's dimension or type. */
export function boundarySql(geometry: PolygonalGeometry): SQL {
  return sql`ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)))`;
}

/**
 * PostGIS's verdict on each geometry (ST_IsValidDetail, OGC rules): the problems of the invalid ones, keyed by
 * their index in `geometries`. The geometries must be `checkBoundaryShape`'s output (so parsing cannot fail).
 */
export async function findInvalidBoundaries(
  db: Db,
  geometries: readonly PolygonalGeometry[],
): Promise<Map<number, ShapeProblem>> {
  const problems = new Map<number, ShapeProblem>();
  if (geometries.length === 0) return problems;
  // The geometries are checkBoundaryShape's clean output (finite 2D positions, closed rings of four or more),
  // which PostGIS always parses: an error here is the database's, and must not be reported as the user's.
  const found = await rows<{ i: number; reason: string | null; lon: number | null; lat: number | null }>(
    db,
    sql`select (t.i - 1)::int as i, d.reason, ST_X(d.location) as lon, ST_Y(d.location) as lat
          from jsonb_array_elements(${JSON.stringify(geometries)}::jsonb) with ordinality as t(g, i)
          cross join lateral ST_IsValidDetail(ST_GeomFromGeoJSON(t.g::text)) as d
         where not d.valid`,
  );
  for (const row of found) {
    const geosReason = row.reason ?? "";
    problems.set(row.i, {
      reason: translateGeosReason(geosReason),
      geosReason,
      location: row.lon === null || row.lat === null ? null : [Number(row.lon), Number(row.lat)],
    });
  }
  return problems;
}

/** 422 `invalid_geometry` for one boundary (create, edit), with where and why. */
export function invalidGeometry(problem: ShapeProblem) {
  return unprocessable(
    "invalid_geometry",
    boundaryMessage(problem),
    `Invalid boundary polygon: ${problem.geosReason ?? problem.reason}`,
    [{ feature: null, ...problem }],
  );
}

/** Checks one boundary from a request: structure, then validity; throws 422 with where and why. */
export async function checkedBoundary(db: Db, value: unknown): Promise<PolygonalGeometry> {
  const shape = checkBoundaryShape(value);
  if (!shape.ok) throw invalidGeometry(shape.problem);
  const invalid = (await findInvalidBoundaries(db, [shape.geometry])).get(0);
  if (invalid) throw invalidGeometry(invalid);
  return shape.geometry;
}
