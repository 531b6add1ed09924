import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";

/**
 * The id of the deepest live grid covering a point (an SQL expression for a Point in SRID 4326), lower id
 * first on a shared border; NULL outside every grid. Probes the subdivided boundaries (`grid_pieces`,
 * migration 0010) through their GiST index. Intake routing and the routing benchmark both place points with
 * this one expression.
 */
export function deepestGridIdAt(pointExpr: SQL): SQL {
  return sql`(select gp.grid_id from grid_pieces gp
               where ST_Intersects(gp.piece, ${pointExpr})
               order by gp.level desc, gp.grid_id limit 1)`;
}

/** A PostgreSQL float8[] literal: one parameter for any number of coordinates, on both drivers. */
function floatArray(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}

/**
 * Places many points in one statement: the grid id for each point, in order (null outside every grid).
 * JIT compilation is off for it: the statement's estimated cost grows with the point count and crosses
 * PostgreSQL's JIT threshold, but its work is one index probe per point, which compiled code does not speed
 * up (measured: JIT added about 5 % to 10,000 points).
 */
export async function placePoints(db: Db, points: readonly [number, number][]): Promise<(number | null)[]> {
  if (points.length === 0) return [];
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rows<{ gridId: number | null }>(
      tx,
      sql`select ${deepestGridIdAt(sql`ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)`)} as "gridId"
            from unnest(${floatArray(points.map((p) => p[0]))}::float8[], ${floatArray(points.map((p) => p[1]))}::float8[])
                 with ordinality as p(lon, lat, i)
           order by p.i`,
    );
  });
  return found.map((r) => r.gridId);
}
