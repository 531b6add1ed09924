/**
 * The vocabulary of the 五定 (plan §三(二)1): duty roles, patrol objects and frequencies, disclosure fields.
 * Codes travel over the API and into the database; the Chinese names go into the contract text.
 */

export const DUTY_ROLES = ["head", "member"] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

export const RESPONSIBILITIES = ["lead", "assist"] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

/** Supervised-object types of DOMAIN.md §3, as the register names them. */
export const PATROL_OBJECT_TYPES = [
  "enterprise",
  "water_source",
  "hazard",
  "construction_project",
  "ecological_area",
  "rural_site",
] as const;
export type PatrolObjectType = (typeof PATROL_OBJECT_TYPES)[number];

export const PATROL_OBJECT_TYPE_NAMES: Record<PatrolObjectType, string> = {
  enterprise: "排污企业",
  water_source: "饮用水水源地",
  hazard: "环境安全隐患",
  construction_project: "建设项目",
  ecological_area: "生态环境区域",
  rural_site: "农村环境综合整治点位",
};

/** Flags on supervised objects a patrol rule may select by; the register sets them. */
export const PATROL_OBJECT_FLAGS = ["key_unit"] as const;
export type PatrolObjectFlag = (typeof PATROL_OBJECT_FLAGS)[number];
export const PATROL_OBJECT_FLAG_NAMES: Record<PatrolObjectFlag, string> = { key_unit: "重点排污单位" };

export const PATROL_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly"] as const;
export type PatrolFrequency = (typeof PATROL_FREQUENCIES)[number];
const FREQUENCY_NAMES: Record<PatrolFrequency, string> = {
  daily: "每日",
  weekly: "每周",
  monthly: "每月",
  quarterly: "每季度",
};

/** "每周巡查 2 次" — how a patrol frequency reads in a contract or on the card. */
export function frequencyText(frequency: PatrolFrequency, timesPerPeriod: number): string {
  return `${FREQUENCY_NAMES[frequency]}巡查${timesPerPeriod}次`;
}

/** What a patrol rule covers, in words: "重点排污单位", "饮用水水源地", or the whole grid. */
export function patrolTargetText(objectType: string | null, objectFlag: string | null): string {
  const flag = objectFlag ? (PATROL_OBJECT_FLAG_NAMES[objectFlag as PatrolObjectFlag] ?? objectFlag) : null;
  const type = objectType ? (PATROL_OBJECT_TYPE_NAMES[objectType as PatrolObjectType] ?? objectType) : null;
  if (flag && type && !(objectType === "enterprise" && objectFlag === "key_unit"))
    return `${type}（${flag}）`;
  return flag ?? type ?? "网格全域";
}

/** The 五定 fields a grid may choose to disclose (公开公示); the rest is for staff only. */
export const DISCLOSURE_FIELDS = [
  "headName",
  "headPhone",
  "memberNames",
  "memberPhones",
  "duties",
  "tasks",
  "rules",
] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];
export type Disclosure = Record<DisclosureField, boolean>;

/** Without a choice recorded: names, the head's phone and the lists are public, members' phones are not. */
export const DEFAULT_DISCLOSURE: Disclosure = {
  headName: true,
  headPhone: true,
  memberNames: true,
  memberPhones: false,
  duties: true,
  tasks: true,
  rules: true,
};

const LEVEL_NAMES: Record<number, string> = { 1: "一级网格", 2: "二级网格", 3: "三级网格" };
export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `${level}级网格`;
}
