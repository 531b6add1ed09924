import { describe, expect, it } from "vitest";
import { TRACK_FLAG } from "./checklist.ts";
import { legMetres, type MeasuredPoint, measureTrack } from "./track-measure.ts";

const point = (s: number, lon: number, lat: number, flags = 0): MeasuredPoint => ({
  s,
  lon,
  lat,
  flags,
  legM: null,
});

describe("legMetres", () => {
  it("measures on the WGS84 ellipsoid", () => {
    // Reference values from PostGIS ST_Distance(geography) (spheroid) in Turpan.
    expect(legMetres(89.5, 42.95, 89.5, 42.951)).toBeCloseTo(111.09, 1); // north
    expect(legMetres(89.5, 42.95, 89.501, 42.95)).toBeCloseTo(81.61, 1); // east
    expect(legMetres(89.5, 42.95, 89.5, 42.95)).toBe(0);
    expect(legMetres(89.5, 42.95, 89.6, 43)).toBeCloseTo(legMetres(89.6, 43, 89.5, 42.95), 6);
  });
});

describe("measureTrack", () => {
  const walk = [
    point(0, 89.5, 42.95),
    point(60, 89.5, 42.951),
    point(120, 89.5, 42.99),
    point(180, 89.5, 42.952),
  ];

  it("flags speed from the previous point and measures legs between unflagged points", () => {
    const points = walk.map((p) => ({ ...p }));
    const { lengthM, tail } = measureTrack(points, { last: null, legFrom: null });
    expect(points.map((p) => p.flags)).toEqual([0, 0, TRACK_FLAG.speed, TRACK_FLAG.speed]);
    expect(points[0].legM).toBeNull();
    expect(points[1].legM).toBeCloseTo(111.09, 1);
    expect(lengthM).toBeCloseTo(111.09, 1);
    expect(tail.last?.s).toBe(180);
    expect(tail.legFrom).toEqual({ lon: 89.5, lat: 42.951 });
  });

  it("continues from a tail exactly as measuring the whole track", () => {
    const whole = walk.map((p) => ({ ...p }));
    const all = measureTrack(whole, { last: null, legFrom: null });
    const head = walk.slice(0, 2).map((p) => ({ ...p }));
    const rest = walk.slice(2).map((p) => ({ ...p }));
    const first = measureTrack(head, { last: null, legFrom: null });
    const second = measureTrack(rest, first.tail);
    expect([...head, ...rest]).toEqual(whole);
    expect(first.lengthM + second.lengthM).toBe(all.lengthM);
  });

  it("keeps flags other than speed and gives flagged points no leg", () => {
    const points = [
      point(0, 89.5, 42.95),
      point(60, 89.5, 42.9505, TRACK_FLAG.accuracy),
      point(120, 89.5, 42.951),
    ];
    const { lengthM } = measureTrack(points, { last: null, legFrom: null });
    expect(points[1]).toMatchObject({ flags: TRACK_FLAG.accuracy, legM: null });
    expect(points[2].legM).toBeCloseTo(111.09, 1); // from the first point, skipping the flagged one
    expect(lengthM).toBe(points[2].legM);
  });
});
