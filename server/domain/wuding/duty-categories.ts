/**
 * Matter categories the duty list is keyed on. INTERIM: the shared list is
 * server/domain/cases/matter-categories.ts (MATTER_CATEGORIES), not yet on main; these codes are the same,
 * and this file becomes a re-export of it once it lands.
 */
export interface DutyCategory {
  code: string;
  name: string;
  /** Competent departments (codes of server/db/seed/departments.ts); the first leads, the rest assist. */
  departments: readonly string[];
  /** The township itself handles the matter, the departments help. */
  townshipLeads?: boolean;
}

export const DUTY_CATEGORIES: readonly DutyCategory[] = [
  { code: "industrial_air", name: "工业废气污染", departments: ["eco"] },
  { code: "industrial_water", name: "工业废水污染", departments: ["eco"] },
  { code: "industrial_solid_waste", name: "工业固体废物污染", departments: ["eco"] },
  { code: "hazardous_waste", name: "危险废物污染", departments: ["eco"] },
  { code: "construction_dust", name: "建筑施工扬尘", departments: ["housing"] },
  { code: "construction_noise", name: "建筑施工噪声", departments: ["housing"] },
  { code: "road_dust", name: "道路扬尘", departments: ["urban"] },
  { code: "muck_trucks", name: "渣土车辆抛洒", departments: ["urban"] },
  { code: "restaurant_fumes", name: "餐饮油烟", departments: ["urban"] },
  { code: "open_burning", name: "城区露天焚烧", departments: ["urban"] },
  { code: "social_noise", name: "社会生活噪声", departments: ["police"] },
  { code: "vehicle_emissions", name: "机动车尾气排放", departments: ["eco", "police", "transport"] },
  { code: "livestock_pollution", name: "畜禽养殖污染", departments: ["agri"] },
  { code: "straw_burning", name: "秸秆露天焚烧", departments: ["agri"] },
  {
    code: "rural_sewage_garbage",
    name: "农村生活污水和垃圾",
    departments: ["housing", "sanitation"],
    townshipLeads: true,
  },
  { code: "sand_mining_rivers", name: "非法采砂及河道问题", departments: ["water"] },
  { code: "illegal_land_mining", name: "非法占地及采矿", departments: ["natres"] },
  { code: "forest_grassland_damage", name: "毁林毁草", departments: ["forestry"] },
  { code: "medical_waste", name: "医疗废物", departments: ["health", "eco"] },
  { code: "hazardous_chemicals", name: "危险化学品及安全隐患", departments: ["emergency"] },
  { code: "unlicensed_polluters", name: "散乱污企业", departments: ["market", "commerce", "eco"] },
  {
    code: "unapproved_projects",
    name: "未批先建（环评）",
    departments: ["eco", "ndrc", "natres", "housing"],
  },
  { code: "drinking_water_source", name: "饮用水水源地污染", departments: ["eco", "water"] },
  { code: "other", name: "其他", departments: [] },
];

export function dutyCategory(code: string): DutyCategory | undefined {
  return DUTY_CATEGORIES.find((c) => c.code === code);
}
