import { describe, expect, it } from "vitest";
import { checkBoundaryShape, readBoundaryImport, translateGeosReason } from "./grid-geojson.ts";

const ring = [
  [89, 42],
  [89.1, 42],
  [89.1, 42.1],
  [89, 42],
];

describe("boundary shape checks", () => {
  it("accepts a Polygon and a MultiPolygon, dropping altitude and foreign members", () => {
    const polygon = checkBoundaryShape({
      type: "Polygon",
      coordinates: [ring.map(([x, y]) => [x, y, 1200])],
      bbox: [],
    });
    expect(polygon).toEqual({ ok: true, vertices: 4, geometry: { type: "Polygon", coordinates: [ring] } });
    const multi = checkBoundaryShape({ type: "MultiPolygon", coordinates: [[ring], [ring]] });
    expect(multi.ok && multi.geometry.type).toBe("MultiPolygon");
  });

  it("says why and where a shape is refused", () => {
    const reason = (value: unknown) => {
      const result = checkBoundaryShape(value);
      return result.ok ? null : result.problem;
    };
    expect(reason({ type: "Point", coordinates: [89, 42] })?.reason).toBe(
      "几何类型为 Point，只接受 Polygon 或 MultiPolygon",
    );
    expect(
      reason({
        type: "Polygon",
        coordinates: [
          [
            [89, 42],
            [189, 42],
            [89.1, 42.1],
            [89, 42],
          ],
        ],
      }),
    ).toEqual({
      reason: "坐标超出范围（经度须在 -180～180，纬度须在 -90～90）",
      location: [189, 42],
    });
    expect(reason({ type: "Polygon", coordinates: [ring.slice(0, 3)] })?.reason).toContain("坐标点不足");
    expect(reason({ type: "Polygon", coordinates: [[...ring.slice(0, 3), [89.05, 42.05]]] })).toEqual({
      reason: "环未闭合（首尾坐标不同）",
      location: [89, 42],
    });
    expect(
      reason({
        type: "Polygon",
        coordinates: [
          [
            [89, 42],
            [Number.NaN, 42],
            [89.1, 42.1],
            [89, 42],
          ],
        ],
      })?.reason,
    ).toContain("坐标格式不正确");
    expect(reason(null)?.reason).toContain("不是有效的 GeoJSON 几何对象");
  });

  it("translates PostGIS validity reasons into Chinese, keeping unknown ones readable", () => {
    expect(translateGeosReason("Self-intersection[89.1 42.9]")).toBe("自相交（边界线相互交叉，例如“8”字形）");
    expect(translateGeosReason("Ring Self-intersection")).toBe("环自相交");
    expect(translateGeosReason("Hole lies outside shell")).toBe("内环（洞）位于外环之外");
    expect(translateGeosReason("Something new")).toBe("几何无效（Something new）");
  });
});

describe("reading a boundary import", () => {
  it("reads features by code, accepting numeric codes and null geometries", () => {
    const read = readBoundaryImport({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: 650402, name: " 高昌区 " },
          geometry: { type: "Polygon", coordinates: [ring] },
        },
        {
          type: "Feature",
          properties: { code: "V-1", kind: "village", parentCode: "650402" },
          geometry: null,
        },
      ],
    });
    expect(read.fatal).toBeNull();
    expect(read.problems).toEqual([]);
    expect(
      read.features.map((f) => [f.feature, f.code, f.name, f.kind, f.parentCode, f.geometry?.type ?? null]),
    ).toEqual([
      [1, "650402", "高昌区", null, null, "Polygon"],
      [2, "V-1", null, "village", "650402", null],
    ]);
  });

  it("refuses documents that are not feature collections as a whole", () => {
    expect(readBoundaryImport("x").fatal).toBe("文件内容不是 GeoJSON 对象");
    expect(readBoundaryImport({ type: "GeometryCollection" }).fatal).toContain("FeatureCollection");
    expect(readBoundaryImport({ type: "FeatureCollection", features: [] }).fatal).toBe("文件中没有要素");
  });

  it("numbers problems by feature, from 1, with the code when there is one", () => {
    const read = readBoundaryImport({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { code: "A B" }, geometry: null },
        { type: "Feature", properties: { code: "K", kind: "city" }, geometry: null },
      ],
    });
    expect(read.problems.map((p) => [p.feature, p.code, p.field])).toEqual([
      [1, "A B", "code"],
      [2, "K", "kind"],
    ]);
    expect(read.problems[1].message).toBe(
      "第 2 个要素（编码 K）：类型 city 无效，可选：district、subdistrict、town、township、farm、zone、village、community",
    );
  });
});
