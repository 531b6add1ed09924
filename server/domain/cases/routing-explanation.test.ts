import { describe, expect, it } from "vitest";
import { fillTemplate } from "../message-template.ts";
import {
  type RoutedExplanation,
  type RoutingTextKey,
  type RoutingWording,
  readRoutingExplanation,
  renderRoutingExplanation,
} from "./routing-explanation.ts";

const routed: RoutedExplanation = {
  code: "routed",
  params: {
    lng: 89.19,
    lat: 42.95,
    grid: { id: 51, name: "亚尔村", level: 3, ancestorNames: ["高昌区", "亚尔镇"] },
    category: "vehicle_emissions",
    dutyItem: 12,
    townshipLeads: false,
    departments: [
      { id: 1, name: "生态环境" },
      { id: 9, name: "公安" },
    ],
  },
};

// A made-up language whose templates show which parts were chosen, and whose names show what named them.
const TEMPLATES: Record<RoutingTextKey, string> = {
  "parts.listSeparator": " + ",
  "parts.pathSeparator": " > ",
  "parts.dutyLine": "line {{item}} ({{category}})",
  "duty.lead": "{{dutyLine}}: {{lead}}",
  "duty.leadAssisted": "{{dutyLine}}: {{lead}} with {{assisting}}",
  "duty.townshipLeads": "{{dutyLine}}: local {{receiver}}",
  "duty.townshipLeadsAssisted": "{{dutyLine}}: local {{receiver}} with {{assisting}}",
  "duty.unlisted": "unlisted {{category}}",
  "assigned.lead": "{{lead}}",
  "assigned.leadAssisted": "{{lead}} with {{assisting}}",
  "messages.routed": "at {{longitude}},{{latitude}} in {{gridPath}} (L{{level}}) via {{receiver}}; {{duty}}.",
  "messages.overridden":
    "{{by}} ({{reason}}): {{gridPath}} (L{{level}}) via {{receiver}}; {{who}}. Was: {{original}}",
};
const wording: RoutingWording = {
  text: (key, words) => fillTemplate(TEMPLATES[key], words),
  category: (code) => `cat:${code}`,
  grid: (id, name) => `grid#${id}:${name}`,
  gridAbove: (id, name) => `above#${id}:${name}`,
  department: (id, name) => `dept#${id}:${name}`,
};

describe("a routing explanation in another language", () => {
  it("words intake routing with the language's templates and its names of grids, departments and categories", () => {
    expect(renderRoutingExplanation(routed, wording)).toBe(
      "at 89.19000,42.95000 in above#51:高昌区 > above#51:亚尔镇 > grid#51:亚尔村 (L3) via above#51:亚尔镇; " +
        "line 12 (cat:vehicle_emissions): dept#1:生态环境 with dept#9:公安.",
    );
  });

  it("words an override with the original it replaced, structured or as stored", () => {
    const params = {
      ...routed.params,
      grid: { id: 7, name: "亚尔镇", level: 2, ancestorNames: ["高昌区"] },
      townshipLeads: true,
      departments: [],
      by: "王敏",
      reason: "{{by}} typed",
    };
    expect(
      renderRoutingExplanation({ code: "overridden", params: { ...params, original: routed } }, wording),
    ).toBe(
      "王敏 ({{by}} typed): above#7:高昌区 > grid#7:亚尔镇 (L2) via grid#7:亚尔镇; line 12 (cat:vehicle_emissions): local grid#7:亚尔镇. " +
        `Was: ${renderRoutingExplanation(routed, wording)}`,
    );
    expect(
      renderRoutingExplanation(
        { code: "overridden", params: { ...params, townshipLeads: false, original: { text: "旧说明。" } } },
        wording,
      ),
    ).toBe(
      "王敏 ({{by}} typed): above#7:高昌区 > grid#7:亚尔镇 (L2) via grid#7:亚尔镇; unlisted cat:vehicle_emissions. Was: 旧说明。",
    );
  });
});

describe("reading a stored explanation", () => {
  it("knows the codes of this build with their parameters", () => {
    expect(readRoutingExplanation("routed", routed.params)).toEqual(routed);
    const overridden = { ...routed.params, by: "x", reason: "", original: { text: "旧" } };
    expect(readRoutingExplanation("overridden", overridden)).toEqual({
      code: "overridden",
      params: overridden,
    });
    expect(readRoutingExplanation("overridden", { ...overridden, original: routed })).not.toBeNull();
  });

  it("answers null for a row without a code, a later build's code or parameters amiss", () => {
    const { lat: _, ...noLat } = routed.params;
    for (const [code, params] of [
      [undefined, undefined],
      ["routed_by_drone", routed.params],
      ["routed", noLat],
      ["routed", { ...routed.params, departments: [{ id: "1", name: "x" }] }],
      ["routed", { ...routed.params, grid: { ...routed.params.grid, ancestorNames: null } }],
      ["routed", [routed.params]],
      ["overridden", { ...routed.params, by: "x", reason: "y" }],
      ["overridden", { ...routed.params, by: "x", reason: "y", original: { code: "routed", params: noLat } }],
    ] as const)
      expect(readRoutingExplanation(code, params), `${code}`).toBeNull();
  });
});
