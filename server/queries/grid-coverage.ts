import { type SQL, sql } from "drizzle-orm";
import type { CoverageCollection, GridCoverage } from "../../api-types/grid-coverage.ts";
import { type Db, rows } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";

/**
 * 横向到边、纵向到底: how the live children of a grid cover it.
 *
 * Floating-point care. Overlays (union, difference, intersection) run on a fixed precision grid of
 * OVERLAY_GRID_DEGREES (1e-7°, about 1 cm; PostGIS ≥ 3.1 with GEOS ≥ 3.9), so vertices a few ulps apart on a
 * shared edge snap together instead of leaving hairline slivers. Any remaining part smaller than
 * SLIVER_AREA_M2 (1 m²) is dropped from gaps, overlaps and outside parts and from their totals, and counted in
 * `ignoredSlivers`. Real problems in a district of 13,676 km² are hectares, not square metres; on the demo data,
 * whose siblings share their edge vertices exactly, gaps, overlaps and outside parts are all empty and
 * coveredRatio is exactly 1.
 */
export const OVERLAY_GRID_DEGREES = 1e-7;
export const SLIVER_AREA_M2 = 1;
/** As a typed literal: a bare parameter would be taken for a geometry by ST_Union's overloads. */
const GRID_SIZE = sql.raw(`${OVERLAY_GRID_DEGREES}::float8`);

const noBoundary = () =>
  new AppError(
    "grid_without_boundary",
    422,
    "该网格尚未设置边界，无法分析覆盖情况",
    "This grid has no boundary, so its coverage cannot be analysed",
  );

export async function gridCoverage(db: Db, scope: Scope, id: number): Promise<GridCoverage> {
  const [grid] = await rows<{ areaM2: number | null; childCount: number; withoutBoundary: number }>(
    db,
    sql`select ST_Area(g.boundary::geography) as "areaM2",
               (select count(*)::int from grids c where c.parent_id = g.id and c.retired_at is null) as "childCount",
               (select count(*)::int from grids c where c.parent_id = g.id and c.retired_at is null
                   and c.boundary is null) as "withoutBoundary"
          from grids g where g.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!grid) throw notFound();
  if (grid.areaM2 === null) throw noBoundary();
  const areaM2 = Number(grid.areaM2);
  const empty = { type: "FeatureCollection", features: [] } as CoverageCollection;
  if (grid.childCount === 0) {
    // The bottom of the tree (纵向到底): nothing below to cover it, and nothing missing.
    return {
      gridId: id,
      areaKm2: km2(areaM2),
      childCount: 0,
      childrenWithoutBoundary: 0,
      coveredRatio: null,
      gapAreaKm2: 0,
      overlapAreaKm2: 0,
      outsideAreaKm2: 0,
      gaps: empty,
      overlaps: empty,
      outside: empty,
      sliverAreaM2: SLIVER_AREA_M2,
      ignoredSlivers: 0,
    };
  }

  const gaps = await coverageParts(
    db,
    id,
    sql`select d.geom, '{}'::jsonb as props
          from parent p left join cover c on true,
       lateral ST_Dump(ST_CollectionExtract(
         case when c.g is null then p.boundary else ST_Difference(p.boundary, c.g, ${GRID_SIZE}) end,
         3)) d`,
  );
  const overlaps = await coverageParts(
    db,
    id,
    sql`select d.geom, jsonb_build_object('gridIds', jsonb_build_array(a.id, b.id),
                 'gridCodes', jsonb_build_array(a.code, b.code), 'gridNames', jsonb_build_array(a.name, b.name)) as props
          from kids a join kids b on a.id < b.id and a.boundary && b.boundary
                                 and ST_Relate(a.boundary, b.boundary, '2********'),
       lateral ST_Dump(ST_CollectionExtract(ST_Intersection(a.boundary, b.boundary, ${GRID_SIZE}), 3)) d`,
  );
  const outside = await coverageParts(
    db,
    id,
    sql`select d.geom, jsonb_build_object('gridId', k.id, 'gridCode', k.code, 'gridName', k.name) as props
          from kids k cross join parent p,
       lateral ST_Dump(ST_CollectionExtract(ST_Difference(k.boundary, p.boundary, ${GRID_SIZE}), 3)) d
         where not ST_CoveredBy(k.boundary, p.boundary)`,
  );

  // A valid polygon has a positive area, so the division is safe.
  const coveredRatio = clamp01(1 - gaps.totalM2 / areaM2);
  return {
    gridId: id,
    areaKm2: km2(areaM2),
    childCount: grid.childCount,
    childrenWithoutBoundary: grid.withoutBoundary,
    coveredRatio,
    gapAreaKm2: km2(gaps.totalM2),
    overlapAreaKm2: km2(overlaps.totalM2),
    outsideAreaKm2: km2(outside.totalM2),
    gaps: gaps.collection,
    overlaps: overlaps.collection,
    outside: outside.collection,
    sliverAreaM2: SLIVER_AREA_M2,
    ignoredSlivers: gaps.slivers + overlaps.slivers + outside.slivers,
  };
}

/**
 * Runs one kind of part (`partsQuery` selects `geom` and `props`, with `parent`, `kids` and `cover` in reach),
 * drops slivers, and returns the parts as features plus the area of their union (parts may overlap each other,
 * e.g. where three siblings meet, so the total is not a plain sum).
 */
async function coverageParts(db: Db, id: number, partsQuery: SQL) {
  const [row] = await rows<{ features: string; totalM2: number | null; slivers: number }>(
    db,
    sql`with parent as (select boundary from grids where id = ${id}),
        kids as (select id, code, name, boundary from grids
                  where parent_id = ${id} and retired_at is null and boundary is not null),
        cover as (select ST_Union(boundary, ${GRID_SIZE}) as g from kids),
        parts as (select q.geom, q.props, ST_Area(q.geom::geography) as m2 from (${partsQuery}) q),
        kept as (select * from parts where m2 >= ${SLIVER_AREA_M2})
        select (select coalesce(json_agg(json_build_object(
                  'type', 'Feature',
                  'properties', k.props || jsonb_build_object('areaKm2', round((k.m2 / 1e6)::numeric, 6)),
                  'geometry', ST_AsGeoJSON(k.geom, 7)::json) order by k.m2 desc), '[]'::json)::text from kept k)
                 as features,
               (select ST_Area(ST_Union(geom)::geography) from kept) as "totalM2",
               (select count(*)::int from parts where m2 < ${SLIVER_AREA_M2}) as slivers`,
  );
  return {
    collection: { type: "FeatureCollection", features: JSON.parse(row.features) } as CoverageCollection,
    totalM2: row.totalM2 === null ? 0 : Number(row.totalM2),
    slivers: row.slivers,
  };
}

function km2(m2: number): number {
  return Math.round(m2) / 1e6;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
