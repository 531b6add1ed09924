/**
 * Reads a location typed into a spreadsheet cell: WKT (POINT, POLYGON, MULTIPOLYGON, optionally with an
 * "SRID=4326;" prefix, as GIS tools export it) or a GeoJSON geometry. Coordinates are longitude, latitude.
 */
import type { ObjectGeometry } from "./object-geometry.ts";

export type GeometryTextResult = { ok: true; geometry: ObjectGeometry } | { ok: false; messageZh: string };

const BAD_WKT = "范围格式不正确：应为 WKT（如 POLYGON((经度 纬度, …))）或 GeoJSON";

export function parseGeometryText(text: string): GeometryTextResult {
  const value = text.trim();
  if (value.startsWith("{")) return parseGeoJson(value);
  const match = /^(?:SRID=(\d+);)?\s*(POINT|POLYGON|MULTIPOLYGON)\s*(\(.*\))$/is.exec(value);
  if (!match) return { ok: false, messageZh: BAD_WKT };
  if (match[1] && match[1] !== "4326")
    return { ok: false, messageZh: "范围须使用 WGS84 经纬度（SRID 4326）" };
  const nested = parseNested(match[3]);
  if (nested === null) return { ok: false, messageZh: BAD_WKT };
  const kind = match[2].toUpperCase();
  // parseNested returns a list of positions at the innermost level; the depth must match the kind.
  if (kind === "POINT" && depth(nested) === 2 && (nested as number[][]).length === 1) {
    return { ok: true, geometry: { type: "Point", coordinates: (nested as number[][])[0] } };
  }
  if (kind === "POLYGON" && depth(nested) === 3) {
    return { ok: true, geometry: { type: "Polygon", coordinates: nested as number[][][] } };
  }
  if (kind === "MULTIPOLYGON" && depth(nested) === 4) {
    return { ok: true, geometry: { type: "MultiPolygon", coordinates: nested as number[][][][] } };
  }
  return { ok: false, messageZh: BAD_WKT };
}

type Nested = number[] | Nested[];

function depth(n: Nested): number {
  return Array.isArray(n[0]) ? 1 + depth(n[0] as Nested) : 1;
}

/** "((1 2, 3 4), (5 6))" → [[[1,2],[3,4]],[[5,6]]]; null when malformed or unevenly nested. */
function parseNested(text: string): Nested | null {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const list = (): Nested | null => {
    skip();
    if (text[pos] !== "(") return null;
    pos++;
    skip();
    const items: Nested[] = [];
    if (text[pos] === "(") {
      for (;;) {
        const inner = list();
        if (inner === null) return null;
        items.push(inner);
        skip();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === ")") {
          pos++;
          break;
        }
        return null;
      }
      const depths = new Set(items.map(depth));
      return depths.size === 1 ? items : null;
    }
    // A list of positions: "x y, x y, …".
    const end = text.indexOf(")", pos);
    if (end < 0) return null;
    const positions = text
      .slice(pos, end)
      .split(",")
      .map((p) => p.trim().split(/\s+/).map(Number));
    pos = end + 1;
    if (positions.some((p) => p.length < 2 || p.length > 3 || p.some((n) => !Number.isFinite(n))))
      return null;
    return positions;
  };
  const result = list();
  skip();
  return result !== null && pos === text.length ? result : null;
}

function parseGeoJson(text: string): GeometryTextResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, messageZh: "范围中的 GeoJSON 无法解析" };
  }
  const g = value as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  const geometry = g?.type === "Feature" ? (g.geometry as typeof g) : g;
  if (
    geometry &&
    (geometry.type === "Point" || geometry.type === "Polygon" || geometry.type === "MultiPolygon") &&
    Array.isArray(geometry.coordinates)
  ) {
    return {
      ok: true,
      geometry: { type: geometry.type, coordinates: geometry.coordinates } as ObjectGeometry,
    };
  }
  return { ok: false, messageZh: "范围中的 GeoJSON 须为 Point、Polygon 或 MultiPolygon" };
}

/** A polygon location as WKT (points as "POINT(x y)"), the form people edit it in. */
export function toWkt(geometry: ObjectGeometry): string {
  const ring = (r: number[][]) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(", ")})`;
  const polygon = (rings: number[][][]) => `(${rings.map(ring).join(", ")})`;
  switch (geometry.type) {
    case "Point":
      return `POINT(${geometry.coordinates[0]} ${geometry.coordinates[1]})`;
    case "Polygon":
      return `POLYGON${polygon(geometry.coordinates)}`;
    case "MultiPolygon":
      return `MULTIPOLYGON(${geometry.coordinates.map(polygon).join(", ")})`;
  }
}
