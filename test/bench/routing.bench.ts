import { performance } from "node:perf_hooks";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { point, polygon } from "@turf/helpers";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { placePoints } from "../../server/queries/grid-placement.ts";
import { emit, openBenchDatabase } from "./bench-db.ts";
import { type LatticeOptions, randomPoints, type SyntheticCell, syntheticLattice } from "./synthetic-grid.ts";

/** Inserts a three-level synthetic tree straight into `grids` (bulk SQL; the app's commands are for people). */
export async function insertSyntheticGrids(db: Db, cells: SyntheticCell[], blocks: string[]): Promise<void> {
  await db.execute(
    sql`insert into grids (parent_id, level, code, name, kind, path) values (null, 1, 'R', '基准区', 'district', '/1/')`,
  );
  await db.execute(sql`update grids set path = '/' || id || '/' where code = 'R'`);
  await db.execute(sql`
    insert into grids (parent_id, level, code, name, kind, path)
    select r.id, 2, b, b, 'township', '/pending/' || b
      from json_array_elements_text(${JSON.stringify(blocks)}::json) b, grids r where r.code = 'R'`);
  await db.execute(
    sql`update grids g set path = p.path || g.id || '/' from grids p where p.id = g.parent_id and g.level = 2`,
  );
  const batch = 2000;
  for (let start = 0; start < cells.length; start += batch) {
    const part = cells.slice(start, start + batch);
    const records = part.map((c) => ({
      code: c.code,
      parent: c.parentCode,
      wkt: `MULTIPOLYGON(((${c.ring.map(([x, y]) => `${x} ${y}`).join(",")})))`,
    }));
    // One JSON parameter per batch: both drivers pass it as is, whatever the row count.
    await db.execute(sql`
      insert into grids (parent_id, level, code, name, kind, path, boundary)
      select p.id, 3, c.code, c.code, 'village', '/pending/' || c.code, ST_GeomFromText(c.wkt, 4326)
        from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as c(code text, parent text, wkt text)
        join grids p on p.code = c.parent`);
  }
  await db.execute(
    sql`update grids g set path = p.path || g.id || '/' from grids p where p.id = g.parent_id and g.level = 3`,
  );
  await db.execute(sql`analyze grids`);
  await db.execute(sql`analyze grid_pieces`);
}

/** Places every point in one statement with the expression intake routing uses (`deepestGridIdAt`). */
async function placeWithPostgis(db: Db, points: [number, number][]): Promise<number> {
  return (await placePoints(db, points)).filter((id) => id !== null).length;
}

const RUNS = 5;

export async function routingBench(quick: boolean): Promise<void> {
  const side = quick ? 30 : 100; // 900 or 10,000 level-3 grids
  const lattice: LatticeOptions = { side, blockSide: 10, origin: [88.3, 42.3], cell: 0.012 };
  const { cells, blocks } = syntheticLattice(lattice);
  const points = randomPoints(quick ? 1000 : 10_000, lattice);
  const { database, drop } = await openBenchDatabase("routing");
  try {
    await insertSyntheticGrids(database.db, cells, blocks);
    await placeWithPostgis(database.db, points.slice(0, 100)); // warm caches
    // Best of five on both sides: a neighbour's burst on a shared machine should not decide the ratio.
    let postgisMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const placed = await placeWithPostgis(database.db, points);
      postgisMs = Math.min(postgisMs, performance.now() - t0);
      if (placed !== points.length) throw new Error(`PostGIS placed ${placed} of ${points.length} points`);
    }

    // Baseline: scan the polygons one by one for each point (a sample; the per-point cost is what counts).
    const polygons = cells.map((c) => polygon([c.ring], { code: c.code }));
    const sample = points.slice(0, quick ? 200 : 1000);
    let turfMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < RUNS; run++) {
      const t1 = performance.now();
      let found = 0;
      for (const [lon, lat] of sample) {
        const p = point([lon, lat]);
        if (polygons.some((poly) => booleanPointInPolygon(p, poly))) found++;
      }
      turfMs = Math.min(turfMs, performance.now() - t1);
      if (found !== sample.length) throw new Error(`turf placed ${found} of ${sample.length}`);
    }

    const postgisRate = points.length / (postgisMs / 1000);
    const turfRate = sample.length / (turfMs / 1000);
    emit({
      name: "routing.points_per_second",
      value: Math.round(postgisRate),
      unit: "points/s",
      baseline: Math.round(turfRate),
      ratio: round2(postgisRate / turfRate),
      target: "ratio >= 20",
      engine: database.engine,
      note: `${points.length} points into ${cells.length} polygons (subdivided boundaries, GiST, one statement: the expression intake routing uses) vs per-point scan with @turf/boolean-point-in-polygon (first hit ends the scan); best of ${RUNS} runs each`,
    });
  } finally {
    await drop();
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
