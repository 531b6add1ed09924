import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placePoints } from "../../server/queries/grid-placement.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** The deepest live grid covering each point, tested against whole boundaries (the method before 0010). */
async function placeOnWholeBoundaries(points: [number, number][]): Promise<(number | null)[]> {
  const found: (number | null)[] = [];
  for (const [lng, lat] of points) {
    const [row] = await t.query<{ id: number }>(
      sql`select g.id from grids g
           where g.retired_at is null and g.boundary is not null
             and ST_Covers(g.boundary, ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326))
           order by g.level desc, g.id limit 1`,
    );
    found.push(row?.id ?? null);
  }
  return found;
}

describe("subdivided grid boundaries (grid_pieces, migration 0010)", () => {
  it("place points exactly as whole boundaries do, outside every grid included", async () => {
    const sample = await t.query<{ lng: number; lat: number }>(
      sql`select ST_X(p.geom) as lng, ST_Y(p.geom) as lat
            from grids g, ST_Dump(ST_GeneratePoints(ST_Expand(g.boundary, 0.02), 3, 5)) p
           where g.level = 3 order by g.id, p.path`,
    );
    const points = sample.map((p) => [p.lng, p.lat] as [number, number]);
    points.push([0, 0]);
    expect(await placePoints(t.database.db, points)).toEqual(await placeOnWholeBoundaries(points));
  });

  it("follow a boundary change and a retirement through the trigger", async () => {
    const [village] = await t.query<{ id: number; lng: number; lat: number }>(
      sql`select id, ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat
            from grids where level = 3 and retired_at is null order by id limit 1`,
    );
    expect(await placePoints(t.database.db, [[village.lng, village.lat]])).toEqual([village.id]);

    // shrink the village to a tiny square elsewhere inside itself: the old spot falls to its township
    await t.query(
      sql`update grids set boundary = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${village.lng + 1}::float8, ${village.lat}::float8), 4326), 0.001, 2))
           where id = ${village.id}`,
    );
    const [after] = await placePoints(t.database.db, [[village.lng, village.lat]]);
    expect(after).not.toBe(village.id);
    expect(await placePoints(t.database.db, [[village.lng + 1, village.lat]])).toEqual([village.id]);

    await t.query(sql`update grids set retired_at = now() where id = ${village.id}`);
    const [pieces] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from grid_pieces where grid_id = ${village.id}`,
    );
    expect(pieces.n).toBe(0);
  });
});
