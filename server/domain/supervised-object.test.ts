import { describe, expect, it } from "vitest";
import { checkObjectInput, geometryProblems, type ObjectInput } from "./supervised-object.ts";
import { usccCheckCharacter } from "./uscc.ts";

const point = { type: "Point" as const, coordinates: [89.19, 42.95] };
const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [89, 42],
      [89.01, 42],
      [89.01, 42.01],
      [89, 42.01],
      [89, 42],
    ],
  ],
};
const USCC = `91650402MA775ABC1${usccCheckCharacter("91650402MA775ABC1")}`;

const errorsOf = (input: ObjectInput) => {
  const result = checkObjectInput(input);
  return result.ok ? [] : result.errors;
};

describe("checking a supervised object", () => {
  it("normalizes an enterprise and keeps only enterprise fields", () => {
    const result = checkObjectInput({
      type: "enterprise",
      name: "  吐鲁番甲葡萄干加工有限公司 ",
      location: point,
      uscc: USCC.toLowerCase(),
      permitNumber: `${USCC}001P`,
      pollutants: ["颗粒物", " 颗粒物", ""],
      keyUnit: true,
      emissions: [{ pollutant: "颗粒物", amount: 1.2, unit: "t/a", year: 2025, disclosed: true }],
      riskLevel: "major",
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.record).toMatchObject({
        name: "吐鲁番甲葡萄干加工有限公司",
        uscc: USCC,
        pollutants: ["颗粒物"],
        keyUnit: true,
        riskLevel: null,
        status: "active",
      });
    }
  });

  it("requires a valid USCC for an enterprise, with the reason in Chinese", () => {
    expect(errorsOf({ type: "enterprise", name: "甲", location: point })).toEqual([
      { field: "uscc", message: "请填写统一社会信用代码" },
    ]);
    const wrong = `${USCC.slice(0, 17)}${USCC[17] === "0" ? "1" : "0"}`;
    expect(errorsOf({ type: "enterprise", name: "甲", location: point, uscc: wrong })).toEqual([
      { field: "uscc", message: "统一社会信用代码校验位不正确，请核对" },
    ]);
    expect(
      errorsOf({ type: "enterprise", name: "甲", location: point, uscc: USCC, permitNumber: "123" })[0].field,
    ).toBe("permitNumber");
  });

  it("requires each type's own attribute", () => {
    expect(errorsOf({ type: "water_source", name: "水源", location: square }).map((e) => e.field)).toEqual([
      "waterZoneLevel",
    ]);
    expect(errorsOf({ type: "hazard", name: "隐患", location: point })[0].field).toBe("riskLevel");
    expect(errorsOf({ type: "construction_project", name: "项目", location: point })[0].field).toBe(
      "eiaStatus",
    );
    expect(errorsOf({ type: "rural_site", name: "整治点", location: point })[0].field).toBe(
      "remediationStatus",
    );
    expect(errorsOf({ type: "ecological_area", name: "湿地", location: square })).toEqual([]);
    expect(
      errorsOf({
        type: "construction_project",
        name: "项目",
        location: point,
        eiaStatus: "built_before_approval",
      }),
    ).toEqual([]);
  });

  it("refuses a water-source zone given as a point", () => {
    const errors = errorsOf({ type: "water_source", name: "水源", location: point, waterZoneLevel: 1 });
    expect(errors).toEqual([{ field: "location", message: expect.stringContaining("多边形") }]);
  });

  it("refuses bad names, phones and emission figures", () => {
    const errors = errorsOf({
      type: "enterprise",
      name: " ",
      location: point,
      uscc: USCC,
      contactPhone: "call me",
      emissions: [{ pollutant: "", amount: -1, unit: "", year: 1800, disclosed: false }],
    });
    expect(errors.map((e) => e.field)).toEqual([
      "name",
      "contactPhone",
      "emissions",
      "emissions",
      "emissions",
      "emissions",
    ]);
  });

  it("checks the structure of locations", () => {
    expect(geometryProblems(point)).toEqual([]);
    expect(geometryProblems(square)).toEqual([]);
    expect(geometryProblems({ type: "Point", coordinates: [200, 42] })[0]).toContain("经纬度不正确");
    expect(
      geometryProblems({
        type: "Polygon",
        coordinates: [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [7, 8],
          ],
        ],
      })[0],
    ).toContain("首尾相接");
    expect(
      geometryProblems({
        type: "Polygon",
        coordinates: [
          [
            [1, 2],
            [1, 2],
          ],
        ],
      })[0],
    ).toContain("至少需要4个点");
    expect(geometryProblems(null)[0]).toContain("请填写位置");
  });
});
