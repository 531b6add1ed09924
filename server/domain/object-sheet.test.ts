import { describe, expect, it } from "vitest";
import { formatEmissions, mapHeaders, parseEmissions, splitList, tableToInputs } from "./object-sheet.ts";
import { usccCheckCharacter } from "./uscc.ts";

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const HEADER = [
  "类型",
  "名称",
  "地址",
  "经度",
  "纬度",
  "统一社会信用代码",
  "重点排污单位",
  "保护区级别",
  "范围（WKT或GeoJSON）",
];

describe("the register as a spreadsheet", () => {
  it("maps Chinese headers (with stars, spaces, full-width brackets) and ignores unknown columns", () => {
    const { columns, errors } = mapHeaders([
      "编号",
      "*类型",
      " 名称 ",
      "经度",
      "纬度",
      "范围(WKT或GeoJSON)",
      "所属网格",
    ]);
    expect(errors).toEqual([]);
    expect(columns.get("type")).toBe(1);
    expect(columns.get("boundary")).toBe(5);
    expect(columns.has("status")).toBe(false);
  });

  it("refuses a file without the required columns, at row 1", () => {
    const { errors } = mapHeaders(["名称", "地址"]);
    expect(errors.map((e) => e.field)).toEqual(["类型", "经度"]);
    expect(errors.every((e) => e.row === 1)).toBe(true);
  });

  it("turns rows into inputs, numbering rows as the spreadsheet does and skipping blanks and examples", () => {
    const code = uscc("91650402MA775ABC1");
    const { rows, errors } = tableToInputs([
      HEADER,
      ["排污企业", "【示例】某公司", "", "89.1", "42.9", code, "是", "", ""],
      ["排污企业", "甲厂", "亚尔镇", "89.1", "42.9", code, "是", "", ""],
      ["", "", "", "", "", "", "", "", ""],
      [
        "饮用水源地",
        "乙水源一级区",
        "",
        "",
        "",
        "",
        "",
        "一级",
        "POLYGON((89 42,89.01 42,89.01 42.01,89 42))",
      ],
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    expect(rows[0].input).toMatchObject({ type: "enterprise", name: "甲厂", keyUnit: true, uscc: code });
    expect(rows[0].input.location).toEqual({ type: "Point", coordinates: [89.1, 42.9] });
    expect(rows[1].input).toMatchObject({ type: "water_source", waterZoneLevel: 1 });
    expect(rows[1].input.location.type).toBe("Polygon");
  });

  it("reports cell problems with the row number and the column header", () => {
    const { rows, errors } = tableToInputs([
      HEADER,
      ["工厂", "甲", "", "89.1", "42.9", "", "", "", ""],
      ["排污企业", "乙", "", "east", "42.9", "", "也许", "", ""],
      ["饮用水源地", "丙", "", "", "", "", "", "三级", "POLYGON((1 2)"],
    ]);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, field: "类型", message: expect.stringContaining("类型“工厂”不正确") },
      { row: 3, field: "经度", message: "经度须为 -180 到 180 之间的数字" },
      { row: 3, field: "重点排污单位", message: "重点排污单位请填 是 或 否" },
      { row: 4, field: "范围（WKT或GeoJSON）", message: expect.stringContaining("范围格式不正确") },
      { row: 4, field: "保护区级别", message: expect.stringContaining("“三级”不正确") },
    ]);
  });

  it("says so when a file has a header and nothing else", () => {
    expect(tableToInputs([HEADER]).errors).toEqual([
      { row: 2, field: "", message: "文件中没有可导入的数据行" },
    ]);
    expect(tableToInputs([]).errors[0].message).toContain("文件为空");
  });

  it("reads and writes emission figures with their disclosure flags", () => {
    const parsed = parseEmissions("二氧化硫:12.5 t/a:2025:公开； 氮氧化物：30 t/a");
    expect(parsed).toEqual({
      ok: true,
      figures: [
        { pollutant: "二氧化硫", amount: 12.5, unit: "t/a", year: 2025, disclosed: true },
        { pollutant: "氮氧化物", amount: 30, unit: "t/a", year: null, disclosed: false },
      ],
    });
    if (parsed.ok) expect(parseEmissions(formatEmissions(parsed.figures))).toEqual(parsed);
    expect(parseEmissions("二氧化硫 12.5").ok).toBe(false);
    expect(parseEmissions("二氧化硫:很多 t/a").ok).toBe(false);
    expect(parseEmissions("二氧化硫:1 t/a:也许").ok).toBe(false);
  });

  it("splits pollutant lists on Chinese and ASCII separators", () => {
    expect(splitList("颗粒物、二氧化硫,氮氧化物；VOCs")).toEqual(["颗粒物", "二氧化硫", "氮氧化物", "VOCs"]);
  });
});
