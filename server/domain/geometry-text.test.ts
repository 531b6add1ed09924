import { describe, expect, it } from "vitest";
import { parseGeometryText, toWkt } from "./geometry-text.ts";

describe("locations typed as WKT or GeoJSON", () => {
  it("reads POINT, POLYGON with a hole, and MULTIPOLYGON", () => {
    expect(parseGeometryText("POINT(89.19 42.95)")).toEqual({
      ok: true,
      geometry: { type: "Point", coordinates: [89.19, 42.95] },
    });
    const polygon = parseGeometryText(
      "SRID=4326;polygon ((89 42, 89.1 42, 89.1 42.1, 89 42), (89.01 42.01, 89.02 42.01, 89.02 42.02, 89.01 42.01))",
    );
    expect(polygon.ok && polygon.geometry.type).toBe("Polygon");
    if (polygon.ok && polygon.geometry.type === "Polygon")
      expect(polygon.geometry.coordinates).toHaveLength(2);
    const multi = parseGeometryText("MULTIPOLYGON(((1 2,3 4,5 6,1 2)),((7 8,9 10,11 12,7 8)))");
    expect(multi).toEqual({
      ok: true,
      geometry: {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [1, 2],
              [3, 4],
              [5, 6],
              [1, 2],
            ],
          ],
          [
            [
              [7, 8],
              [9, 10],
              [11, 12],
              [7, 8],
            ],
          ],
        ],
      },
    });
  });

  it("reads GeoJSON geometries and features", () => {
    const text = '{"type":"Feature","geometry":{"type":"Point","coordinates":[89.1,42.9]}}';
    expect(parseGeometryText(text)).toEqual({
      ok: true,
      geometry: { type: "Point", coordinates: [89.1, 42.9] },
    });
  });

  it("refuses malformed text with a Chinese message", () => {
    for (const bad of [
      "POINT(89.19)",
      "POLYGON((1 2, 3 4)",
      "POLYGON(1 2, 3 4)",
      "LINESTRING(1 2, 3 4)",
      "POLYGON((a b, c d, e f, a b))",
      "MULTIPOLYGON(((1 2,3 4,5 6,1 2)),(7 8,9 10,11 12,7 8))",
      "SRID=3857;POINT(1 2)",
      "{nope",
      '{"type":"LineString","coordinates":[[1,2],[3,4]]}',
    ]) {
      const result = parseGeometryText(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.messageZh).toMatch(/范围/);
    }
  });

  it("writes WKT that reads back to the same geometry", () => {
    for (const text of [
      "POINT(89.19 42.95)",
      "POLYGON((89 42, 89.1 42, 89.1 42.1, 89 42), (89.01 42.01, 89.02 42.01, 89.02 42.02, 89.01 42.01))",
      "MULTIPOLYGON(((1 2, 3 4, 5 6, 1 2)), ((7 8, 9 10, 11 12, 7 8)))",
    ]) {
      const parsed = parseGeometryText(text);
      if (!parsed.ok) throw new Error(text);
      expect(toWkt(parsed.geometry)).toBe(text);
    }
  });
});
