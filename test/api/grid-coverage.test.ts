import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "member"]) cookies[u] = await t.login(u);
});
afterAll(() => t?.close());

const call = (user: string, method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload ? { payload } : {}) });

async function idOf(name: string): Promise<number> {
  const [row] = await t.query<{ id: number }>(
    sql`select id from grids where name = ${name} order by id limit 1`,
  );
  return row.id;
}

const coverage = async (user: string, id: number) => {
  const r = await call(user, "GET", `/api/grids/${id}/coverage`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/**
 * Area of a longitude/latitude rectangle on the WGS84 ellipsoid, in km², from the authalic-latitude formula
 * A = b²·Δλ/2 · [q(φ2) − q(φ1)], q(φ) = sinφ/(1 − e²sin²φ) + ln((1 + e·sinφ)/(1 − e·sinφ))/(2e).
 * Independent of PostGIS; near the equator a parallel is (almost) a geodesic, so it is what geography measures.
 */
function rectangleKm2(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const rad = Math.PI / 180;
  const q = (lat: number) => {
    const s = Math.sin(lat * rad);
    return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  };
  return (((b * b * (lon2 - lon1) * rad) / 2) * (q(lat2) - q(lat1))) / 1e6;
}

const rectangle = (lon1: number, lat1: number, lon2: number, lat2: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon1, lat1],
      [lon2, lat1],
      [lon2, lat2],
      [lon1, lat2],
      [lon1, lat1],
    ],
  ],
});

async function createGrid(parentId: number, code: string, kind: string, boundary: unknown): Promise<number> {
  const r = await call("office", "POST", "/api/grids", { parentId, code, name: code, kind, boundary });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** Within `share` (0.005 = 0.5 %) of the expected value. */
function expectClose(actual: number, expected: number, share = 0.005) {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(expected * share);
}

describe("coverage on the demo data (横向到边、纵向到底)", () => {
  it("finds the district and every township covered exactly once: ratio 1, no gaps, overlaps or outside parts", async () => {
    const parents = await t.query<{ id: number; name: string }>(
      sql`select id, name from grids where level <= 2 order by id`,
    );
    expect(parents).toHaveLength(15);
    for (const parent of parents) {
      const c = await coverage("office", parent.id);
      expect(c.coveredRatio, parent.name).toBe(1);
      expect(c.gapAreaKm2, parent.name).toBe(0);
      expect(c.overlapAreaKm2, parent.name).toBe(0);
      expect(c.outsideAreaKm2, parent.name).toBe(0);
      expect(c.gaps.features, parent.name).toEqual([]);
      expect(c.overlaps.features, parent.name).toEqual([]);
      expect(c.outside.features, parent.name).toEqual([]);
      expect(c.ignoredSlivers, parent.name).toBe(0);
    }
    const district = await coverage("office", await idOf("高昌区"));
    expect(district).toMatchObject({ childCount: 14, childrenWithoutBoundary: 0, sliverAreaM2: 1 });
    expect(district.areaKm2).toBeGreaterThan(13_600);
    expect(district.areaKm2).toBeLessThan(13_700);
    const yaer = await coverage("township", await idOf("亚尔镇"));
    expect(yaer).toMatchObject({ childCount: 18, coveredRatio: 1, overlapAreaKm2: 0 });
  });

  it("has nothing to cover below a village: ratio null", async () => {
    const village = await coverage("member", await idOf("亚尔村"));
    expect(village).toMatchObject({ childCount: 0, coveredRatio: null, gapAreaKm2: 0 });
  });

  it("answers 404 out of scope, as for a grid that does not exist", async () => {
    expect((await call("member", "GET", `/api/grids/${await idOf("亚尔镇")}/coverage`)).statusCode).toBe(404);
    expect((await call("township", "GET", `/api/grids/${await idOf("胜金乡")}/coverage`)).statusCode).toBe(
      404,
    );
    expect((await call("township", "GET", `/api/grids/${await idOf("高昌区")}/coverage`)).statusCode).toBe(
      404,
    );
    expect((await call("office", "GET", "/api/grids/999999/coverage")).statusCode).toBe(404);
  });
});

describe("coverage on hand-made polygons of known area (near the equator)", () => {
  // Parent P = [0, 0.3] × [0, 0.1]: three 0.1° cells.
  //   A = [0, 0.1] × [0, 0.1]; B = [0.09, 0.2] × [0, 0.1] overlaps A on [0.09, 0.1] × [0, 0.1];
  //   C = [0.2, 0.3] × [-0.02, 0.05] leaves the gap [0.2, 0.3] × [0.05, 0.1] and sticks out on [0.2, 0.3] × [-0.02, 0].
  const expected = {
    parent: rectangleKm2(0, 0, 0.3, 0.1),
    gap: rectangleKm2(0.2, 0.05, 0.3, 0.1),
    overlap: rectangleKm2(0.09, 0, 0.1, 0.1),
    outside: rectangleKm2(0.2, -0.02, 0.3, 0),
  };
  let parentId: number;
  let ids: Record<string, number>;

  beforeAll(async () => {
    const district = await idOf("高昌区");
    parentId = await createGrid(district, "EQ-P", "township", rectangle(0, 0, 0.3, 0.1));
    ids = {
      A: await createGrid(parentId, "EQ-A", "village", rectangle(0, 0, 0.1, 0.1)),
      B: await createGrid(parentId, "EQ-B", "village", rectangle(0.09, 0, 0.2, 0.1)),
      C: await createGrid(parentId, "EQ-C", "village", rectangle(0.2, -0.02, 0.3, 0.05)),
    };
  });

  it("reports the gap, the overlap and the outside part with their areas within 0.5 %", async () => {
    // A sanity check of the reference formula: a 0.1° cell at the equator is 123.09 km².
    expect(rectangleKm2(0, 0, 0.1, 0.1)).toBeCloseTo(123.09, 1);
    const c = await coverage("office", parentId);
    expectClose(c.areaKm2, expected.parent);
    expectClose(c.gapAreaKm2, expected.gap);
    expectClose(c.overlapAreaKm2, expected.overlap);
    expectClose(c.outsideAreaKm2, expected.outside);
    expectClose(c.coveredRatio, 1 - expected.gap / expected.parent, 0.001);
    expect(c.childCount).toBe(3);

    expect(c.gaps.type).toBe("FeatureCollection");
    expect(c.gaps.features).toHaveLength(1);
    expectClose(c.gaps.features[0].properties.areaKm2, expected.gap);
    expect(c.gaps.features[0].geometry.type).toBe("Polygon");

    expect(c.overlaps.features).toHaveLength(1);
    const overlap = c.overlaps.features[0].properties;
    expect(overlap.gridIds).toEqual([ids.A, ids.B]);
    expect(overlap.gridCodes).toEqual(["EQ-A", "EQ-B"]);
    expectClose(overlap.areaKm2, expected.overlap);

    expect(c.outside.features).toHaveLength(1);
    expect(c.outside.features[0].properties).toMatchObject({ gridId: ids.C, gridCode: "EQ-C" });
    expectClose(c.outside.features[0].properties.areaKm2, expected.outside);
  });

  it("finds an interior hole of known area", async () => {
    // Q = [1, 1.3] × [0, 0.3]; four children frame it and leave the middle cell [1.1, 1.2] × [0.1, 0.2] empty.
    const q = await createGrid(await idOf("高昌区"), "EQ-Q", "township", rectangle(1, 0, 1.3, 0.3));
    await createGrid(q, "EQ-Q-S", "village", rectangle(1, 0, 1.3, 0.1));
    await createGrid(q, "EQ-Q-N", "village", rectangle(1, 0.2, 1.3, 0.3));
    await createGrid(q, "EQ-Q-W", "village", rectangle(1, 0.1, 1.1, 0.2));
    await createGrid(q, "EQ-Q-E", "village", rectangle(1.2, 0.1, 1.3, 0.2));
    const c = await coverage("office", q);
    const hole = rectangleKm2(1.1, 0.1, 1.2, 0.2);
    expect(c.gaps.features).toHaveLength(1);
    expectClose(c.gapAreaKm2, hole);
    expectClose(c.coveredRatio, 8 / 9, 0.001);
    expect(c.overlaps.features).toEqual([]);
    expect(c.outside.features).toEqual([]);
  });

  it("does not report a hairline overlap left by floating-point noise on a shared edge", async () => {
    const r = await createGrid(await idOf("高昌区"), "EQ-R", "township", rectangle(2, 0, 2.2, 0.1));
    // The two children meet at 2.1, one of them a few ulps beyond it.
    await createGrid(r, "EQ-R-1", "village", rectangle(2, 0, 2.1 + 1e-12, 0.1));
    await createGrid(r, "EQ-R-2", "village", rectangle(2.1, 0, 2.2, 0.1));
    const c = await coverage("office", r);
    expect(c.coveredRatio).toBe(1);
    expect(c.overlaps.features).toEqual([]);
    expect(c.overlapAreaKm2).toBe(0);
  });

  it("leaves retired children out: retiring C turns its whole cell into a gap", async () => {
    const [c] = await t.query<{ version: number }>(sql`select version from grids where id = ${ids.C}`);
    const retired = await call("office", "POST", `/api/grids/${ids.C}/retire`, { version: c.version });
    expect(retired.statusCode, retired.body).toBe(200);
    const after = await coverage("office", parentId);
    expect(after.childCount).toBe(2);
    expectClose(after.gapAreaKm2, rectangleKm2(0.2, 0, 0.3, 0.1));
    expect(after.outside.features).toEqual([]);
  });

  it("refuses a grid without a boundary with 422, not a 500", async () => {
    const id = await createGrid(await idOf("高昌区"), "EQ-NONE", "township", undefined);
    const r = await call("office", "GET", `/api/grids/${id}/coverage`);
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: "grid_without_boundary",
      message: "该网格尚未设置边界，无法分析覆盖情况",
    });
  });
});
