import { describe, expect, it } from "vitest";
import { overriddenRouting, routeCase } from "./case-routing.ts";
import { matterCategory } from "./matter-categories.ts";

const grid = { id: 51, name: "亚尔村", level: 3, ancestorNames: ["高昌区", "亚尔镇"] };
const dept = (id: number, code: string, name: string) => ({ id, code, name });

describe("routing on intake", () => {
  it("names the grid, the receiving township and the duty-list line with its lead department", () => {
    const category = matterCategory("construction_dust");
    if (!category) throw new Error("missing category");
    const r = routeCase({
      lng: 89.19,
      lat: 42.95,
      grid,
      category,
      departments: [dept(4, "housing", "区住房和城乡建设局")],
    });
    expect(r).toMatchObject({ gridId: 51, departmentIds: [4], townshipLeads: false });
    expect(r.explanation).toBe(
      "位置（东经89.19000°，北纬42.95000°）位于高昌区亚尔镇亚尔村网格（第3级网格）内，由亚尔镇受理；" +
        "按责任清单第5项“建筑施工扬尘”由区住房和城乡建设局主办。",
    );
  });

  it("lists co-operating departments, township-led lines, and unlisted matters for the district office", () => {
    const vehicle = matterCategory("vehicle_emissions");
    const rural = matterCategory("rural_sewage_garbage");
    const other = matterCategory("other");
    if (!vehicle || !rural || !other) throw new Error("missing category");
    const joint = routeCase({
      lng: 89,
      lat: 43,
      grid,
      category: vehicle,
      departments: [dept(1, "eco", "生态环境"), dept(9, "police", "公安"), dept(10, "transport", "交通")],
    });
    expect(joint.explanation).toContain("由生态环境主办，公安、交通协办");
    const local = routeCase({
      lng: 89,
      lat: 43,
      grid,
      category: rural,
      departments: [dept(4, "housing", "住建")],
    });
    expect(local.townshipLeads).toBe(true);
    expect(local.explanation).toContain("由属地亚尔镇负责，住建协助");
    const none = routeCase({ lng: 89, lat: 43, grid, category: other, departments: [] });
    expect(none.departmentIds).toEqual([]);
    expect(none.explanation).toContain("由区网格办研判分派");
  });

  it("says who overrode it, why, what applies now and what it replaced", () => {
    const category = matterCategory("road_dust");
    if (!category) throw new Error("missing category");
    const previous = routeCase({
      lng: 89,
      lat: 43,
      grid,
      category,
      departments: [dept(17, "urban", "城管")],
    });
    const r = overriddenRouting({
      previous,
      grid,
      category,
      departments: [dept(4, "housing", "住建"), dept(17, "urban", "城管")],
      by: "区网格办 王敏",
      reason: "实为工地出口",
      at: new Date(0),
    });
    expect(r.departmentIds).toEqual([4, 17]);
    expect(r.explanation).toBe(
      `区网格办 王敏人工调整（理由：实为工地出口）：由高昌区亚尔镇亚尔村网格（第3级网格）所属亚尔镇受理，住建主办，城管协办。原分派：${previous.explanation}`,
    );
    expect(r.override).toEqual({
      by: "区网格办 王敏",
      reason: "实为工地出口",
      at: "1970-01-01T00:00:00.000Z",
    });
    const again = overriddenRouting({
      previous: r,
      grid,
      category,
      departments: [],
      by: "x",
      reason: "y",
      at: new Date(0),
    });
    expect(again.explanation.endsWith(`原分派：${previous.explanation}`)).toBe(true);
  });
});
