import type { Priority } from "./priorities.ts";

/**
 * Matter categories and the competent departments to seed the duty list (责任清单) with, from DOMAIN.md §4.
 * These are defaults, editable per deployment, not authoritative: routing always says which line it used.
 * `departments[0]` leads, the rest take part; `townshipLeads` marks matters the township handles itself
 * with the departments' help. Codes are those of server/db/seed/departments.ts.
 */
export interface MatterCategory {
  code: string;
  name: string;
  departments: readonly string[];
  townshipLeads?: boolean;
  /** Priority proposed at intake; staff can change it. */
  defaultPriority: Priority;
}

export const MATTER_CATEGORIES = [
  { code: "industrial_air", name: "工业废气污染", departments: ["eco"], defaultPriority: "normal" },
  { code: "industrial_water", name: "工业废水污染", departments: ["eco"], defaultPriority: "normal" },
  {
    code: "industrial_solid_waste",
    name: "工业固体废物污染",
    departments: ["eco"],
    defaultPriority: "normal",
  },
  { code: "hazardous_waste", name: "危险废物污染", departments: ["eco"], defaultPriority: "important" },
  { code: "construction_dust", name: "建筑施工扬尘", departments: ["housing"], defaultPriority: "normal" },
  { code: "construction_noise", name: "建筑施工噪声", departments: ["housing"], defaultPriority: "normal" },
  { code: "road_dust", name: "道路扬尘", departments: ["urban"], defaultPriority: "normal" },
  { code: "muck_trucks", name: "渣土车辆抛洒", departments: ["urban"], defaultPriority: "normal" },
  { code: "restaurant_fumes", name: "餐饮油烟", departments: ["urban"], defaultPriority: "normal" },
  { code: "open_burning", name: "城区露天焚烧", departments: ["urban"], defaultPriority: "normal" },
  { code: "social_noise", name: "社会生活噪声", departments: ["police"], defaultPriority: "normal" },
  {
    code: "vehicle_emissions",
    name: "机动车尾气排放",
    departments: ["eco", "police", "transport"],
    defaultPriority: "normal",
  },
  { code: "livestock_pollution", name: "畜禽养殖污染", departments: ["agri"], defaultPriority: "normal" },
  { code: "straw_burning", name: "秸秆露天焚烧", departments: ["agri"], defaultPriority: "normal" },
  {
    code: "rural_sewage_garbage",
    name: "农村生活污水和垃圾",
    departments: ["housing", "sanitation"],
    townshipLeads: true,
    defaultPriority: "normal",
  },
  {
    code: "sand_mining_rivers",
    name: "非法采砂及河道问题",
    departments: ["water"],
    defaultPriority: "normal",
  },
  { code: "illegal_land_mining", name: "非法占地及采矿", departments: ["natres"], defaultPriority: "normal" },
  { code: "forest_grassland_damage", name: "毁林毁草", departments: ["forestry"], defaultPriority: "normal" },
  { code: "medical_waste", name: "医疗废物", departments: ["health", "eco"], defaultPriority: "important" },
  {
    code: "hazardous_chemicals",
    name: "危险化学品及安全隐患",
    departments: ["emergency"],
    defaultPriority: "important",
  },
  {
    code: "unlicensed_polluters",
    name: "散乱污企业",
    departments: ["market", "commerce", "eco"],
    defaultPriority: "normal",
  },
  {
    code: "unapproved_projects",
    name: "未批先建（环评）",
    departments: ["eco", "ndrc", "natres", "housing"],
    defaultPriority: "normal",
  },
  {
    code: "drinking_water_source",
    name: "饮用水水源地污染",
    departments: ["eco", "water"],
    defaultPriority: "urgent",
  },
  // no department: the district office triages it
  { code: "other", name: "其他", departments: [], defaultPriority: "normal" },
] as const satisfies readonly MatterCategory[];

export type MatterCategoryCode = (typeof MATTER_CATEGORIES)[number]["code"];

export const MATTER_CATEGORY_CODES: readonly MatterCategoryCode[] = MATTER_CATEGORIES.map((c) => c.code);

export function matterCategory(code: string): MatterCategory | undefined {
  return MATTER_CATEGORIES.find((c) => c.code === code);
}
