import { describe, expect, it } from "vitest";
import { overriddenRouting, type Routing, routeCase } from "./case-routing.ts";
import { matterCategory } from "./matter-categories.ts";
import { chineseRoutingExplanation, readRoutingExplanation } from "./routing-explanation.ts";

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

  it("stores the explanation as a code with parameters that words it exactly as the Chinese it stores", () => {
    const rural = matterCategory("rural_sewage_garbage");
    if (!rural) throw new Error("missing category");
    const routed = routeCase({
      lng: 89.123456,
      lat: 42.9,
      grid,
      category: rural,
      departments: [dept(4, "h", "住建")],
    });
    expect(routed.explanationCode).toBe("routed");
    expect(routed.explanationParams).toEqual({
      lng: 89.123456,
      lat: 42.9,
      grid: { id: 51, name: "亚尔村", level: 3, ancestorNames: ["高昌区", "亚尔镇"] },
      category: "rural_sewage_garbage",
      dutyItem: 15,
      townshipLeads: true,
      departments: [{ id: 4, name: "住建" }],
    });
    expect(routed.explanation).toBe(
      "位置（东经89.12346°，北纬42.90000°）位于高昌区亚尔镇亚尔村网格（第3级网格）内，由亚尔镇受理；" +
        "按责任清单第15项“农村生活污水和垃圾”由属地亚尔镇负责，住建协助。",
    );
    const override = {
      grid,
      category: rural,
      departments: [],
      by: "王敏",
      reason: "实为工地",
      at: new Date(0),
    };
    const overridden = overriddenRouting({ ...override, previous: routed });
    expect(overridden.explanation).toBe(
      "王敏人工调整（理由：实为工地）：由高昌区亚尔镇亚尔村网格（第3级网格）所属亚尔镇受理，" +
        `按责任清单第15项“农村生活污水和垃圾”由属地亚尔镇负责。原分派：${routed.explanation}`,
    );
    expect(overridden).toMatchObject({
      explanationCode: "overridden",
      explanationParams: { by: "王敏", reason: "实为工地", departments: [], original: { code: "routed" } },
    });
    // overriding an override keeps the automatic routing, structured
    const again = overriddenRouting({ ...override, previous: overridden });
    expect(again.explanationParams).toMatchObject({
      original: { code: "routed", params: routed.explanationParams },
    });
    for (const r of [routed, overridden, again]) {
      const read = readRoutingExplanation(r.explanationCode, r.explanationParams);
      if (!read) throw new Error(`unreadable ${r.explanationCode}`);
      expect(chineseRoutingExplanation(read)).toBe(r.explanation);
    }
  });

  it("keeps the Chinese sentence of a routing recorded before explanations had codes as the original", () => {
    const other = matterCategory("other");
    if (!other) throw new Error("missing category");
    const old: Routing = {
      gridId: 51,
      departmentIds: [],
      townshipLeads: false,
      explanation: "旧的分派说明。",
    };
    const override = {
      grid,
      category: other,
      departments: [dept(4, "h", "住建")],
      by: "王敏",
      reason: "改",
      at: new Date(0),
    };
    const first = overriddenRouting({ ...override, previous: old });
    expect(first.explanation).toBe(
      "王敏人工调整（理由：改）：由高昌区亚尔镇亚尔村网格（第3级网格）所属亚尔镇受理，住建主办。原分派：旧的分派说明。",
    );
    expect(first.explanationParams).toMatchObject({ original: { text: "旧的分派说明。" } });
    // an old override: what followed its last 原分派： was the automatic routing
    const oldOverride: Routing = {
      ...old,
      explanation: `某人人工调整（理由：x）：…。原分派：${old.explanation}`,
      override: { by: "某人", reason: "x", at: "1970-01-01T00:00:00.000Z" },
    };
    const second = overriddenRouting({ ...override, previous: oldOverride });
    expect(second.explanation).toBe(first.explanation);
    expect(second.explanationParams).toEqual(first.explanationParams);
  });
});
