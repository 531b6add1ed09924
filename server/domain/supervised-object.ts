/**
 * Supervised objects (监管对象, DOMAIN.md §3): their types, the attributes each type carries, and the rules
 * a record must satisfy before it is stored. Pure code: the API, the spreadsheet import and the web form
 * all check a record with `checkObjectInput`.
 */
import type {
  ObjectStatus as ApiObjectStatus,
  ObjectType as ApiObjectType,
  EmissionFigure,
  ObjectSummary,
} from "../../api-types/objects.ts";
import type { ObjectGeometry } from "./object-geometry.ts";
import type { Equal, Expect } from "./type-equality.ts";
import { checkPermitNumber, checkUscc } from "./uscc.ts";

export const OBJECT_TYPES = [
  "enterprise",
  "water_source",
  "hazard",
  "construction_project",
  "ecological_area",
  "rural_site",
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export const OBJECT_TYPE_LABELS: Record<ObjectType, string> = {
  enterprise: "排污企业",
  water_source: "饮用水源地",
  hazard: "环境安全隐患",
  construction_project: "建设项目",
  ecological_area: "生态环境区域",
  rural_site: "农村环境整治点",
};

/** Editable statuses; `retired` (注销, removed from the register) is reached only by the retire command. */
export const OBJECT_STATUSES = ["active", "suspended"] as const;
export type ObjectStatus = (typeof OBJECT_STATUSES)[number] | "retired";
export const OBJECT_STATUS_LABELS: Record<ObjectStatus, string> = {
  active: "在管",
  suspended: "停产/停用",
  retired: "已注销",
};

/** 企业突发环境事件风险分级 (HJ 941): 重大 / 较大 / 一般. */
export const RISK_LEVELS = ["major", "large", "general"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { major: "重大", large: "较大", general: "一般" };

export const EIA_STATUSES = ["approved", "pending", "not_submitted", "built_before_approval"] as const;
export type EiaStatus = (typeof EIA_STATUSES)[number];
export const EIA_STATUS_LABELS: Record<EiaStatus, string> = {
  approved: "已批复",
  pending: "审批中",
  not_submitted: "未报批",
  built_before_approval: "未批先建",
};

export const REMEDIATION_STATUSES = ["planned", "in_progress", "completed"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  planned: "计划中",
  in_progress: "整治中",
  completed: "已完成",
};

export const WATER_ZONE_LEVEL_LABELS: Record<1 | 2, string> = { 1: "一级保护区", 2: "二级保护区" };

/**
 * The API's types (api-types/objects.ts) spell these unions out, as they may import nothing: a list changed
 * here or there fails to compile until both agree.
 */
export type ApiUnionsAgree = [
  Expect<Equal<ApiObjectType, ObjectType>>,
  Expect<Equal<ApiObjectStatus, ObjectStatus>>,
  Expect<Equal<NonNullable<ObjectSummary["riskLevel"]>, RiskLevel>>,
  Expect<Equal<NonNullable<ObjectSummary["eiaStatus"]>, EiaStatus>>,
  Expect<Equal<NonNullable<ObjectSummary["remediationStatus"]>, RemediationStatus>>,
  Expect<Equal<NonNullable<ObjectSummary["waterZoneLevel"]>, keyof typeof WATER_ZONE_LEVEL_LABELS>>,
];

/** One emission figure and whether it may be published: the API's shape. */
export type { EmissionFigure } from "../../api-types/objects.ts";
export type { GeoMultiPolygon, GeoPoint, GeoPolygon, ObjectGeometry } from "./object-geometry.ts";

/** What a person submits; fields that do not belong to the type are dropped by `normalizeObjectInput`. */
export interface ObjectInput {
  type: ObjectType;
  name: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  category?: string | null;
  status?: (typeof OBJECT_STATUSES)[number];
  location: ObjectGeometry;
  uscc?: string | null;
  permitNumber?: string | null;
  pollutants?: string[];
  keyUnit?: boolean;
  emissions?: (Omit<EmissionFigure, "year"> & { year?: number | null })[];
  waterZoneLevel?: number | null;
  riskLevel?: string | null;
  eiaStatus?: string | null;
  remediationStatus?: string | null;
}

/** A record ready for the database: every field present, type-foreign ones null or empty. */
export interface ObjectRecord {
  type: ObjectType;
  name: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  category: string | null;
  status: (typeof OBJECT_STATUSES)[number];
  location: ObjectGeometry;
  uscc: string | null;
  permitNumber: string | null;
  pollutants: string[];
  keyUnit: boolean;
  emissions: EmissionFigure[];
  waterZoneLevel: 1 | 2 | null;
  riskLevel: RiskLevel | null;
  eiaStatus: EiaStatus | null;
  remediationStatus: RemediationStatus | null;
}

export interface FieldError {
  field: string;
  message: string;
}

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);

const MAX_TEXT = { name: 200, address: 300, contactName: 64, contactPhone: 32, category: 64 } as const;
const LON = [-180, 180];
const LAT = [-90, 90];

/**
 * Checks a record and returns it normalized (trimmed, USCC upper-cased, type-foreign fields dropped), or
 * the list of what is wrong with it, each with the field and a Chinese message. Placement (which grid
 * holds the location) and geometric validity are the database's to judge; see queries/object-placement.ts.
 */
export function checkObjectInput(
  input: ObjectInput,
): { ok: true; record: ObjectRecord } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const type = input.type;
  if (!includes(OBJECT_TYPES, type)) {
    return { ok: false, errors: [{ field: "type", message: "对象类型不正确" }] };
  }

  const name = blank(input.name);
  if (!name) err("name", "请填写名称");
  const texts = {
    name,
    address: blank(input.address),
    contactName: blank(input.contactName),
    contactPhone: blank(input.contactPhone),
    category: blank(input.category),
  };
  const labels = {
    name: "名称",
    address: "地址",
    contactName: "联系人",
    contactPhone: "联系电话",
    category: "行业/类别",
  };
  for (const key of Object.keys(MAX_TEXT) as (keyof typeof MAX_TEXT)[]) {
    const value = texts[key];
    if (value && value.length > MAX_TEXT[key]) err(key, `${labels[key]}不能超过${MAX_TEXT[key]}个字符`);
  }
  if (texts.contactPhone && !/^[0-9+\- ]+$/.test(texts.contactPhone)) {
    err("contactPhone", "联系电话只能包含数字、空格、加号和短横线");
  }
  const status = input.status ?? "active";
  if (!includes(OBJECT_STATUSES, status)) err("status", "状态不正确（在管或停产/停用）");

  for (const problem of geometryProblems(input.location)) err("location", problem);
  const isPolygon = input.location?.type === "Polygon" || input.location?.type === "MultiPolygon";

  const record: ObjectRecord = {
    type,
    ...texts,
    name: name ?? "",
    status: includes(OBJECT_STATUSES, status) ? status : "active",
    location: input.location,
    uscc: null,
    permitNumber: null,
    pollutants: [],
    keyUnit: false,
    emissions: [],
    waterZoneLevel: null,
    riskLevel: null,
    eiaStatus: null,
    remediationStatus: null,
  };

  if (type === "enterprise") {
    const uscc = checkUscc(input.uscc ?? "");
    if (uscc.ok) record.uscc = uscc.value;
    else err("uscc", uscc.messageZh);
    const permit = blank(input.permitNumber);
    if (permit) {
      const checked = checkPermitNumber(permit);
      if (checked.ok) record.permitNumber = checked.value;
      else err("permitNumber", checked.messageZh);
    }
    record.pollutants = normalizePollutants(input.pollutants ?? [], err);
    record.keyUnit = input.keyUnit === true;
    record.emissions = normalizeEmissions(input.emissions ?? [], err);
  }
  if (type === "water_source") {
    if (input.waterZoneLevel === 1 || input.waterZoneLevel === 2)
      record.waterZoneLevel = input.waterZoneLevel;
    else err("waterZoneLevel", "请选择保护区级别（一级或二级）");
    if (input.location && !isPolygon) err("location", "饮用水源保护区须以多边形（范围）登记，不能只填一个点");
  }
  if (type === "hazard") {
    if (includes(RISK_LEVELS, input.riskLevel)) record.riskLevel = input.riskLevel;
    else err("riskLevel", "请选择风险等级（重大、较大或一般）");
  }
  if (type === "construction_project") {
    if (includes(EIA_STATUSES, input.eiaStatus)) record.eiaStatus = input.eiaStatus;
    else err("eiaStatus", "请选择环评状态（已批复、审批中、未报批或未批先建）");
  }
  if (type === "rural_site") {
    if (includes(REMEDIATION_STATUSES, input.remediationStatus))
      record.remediationStatus = input.remediationStatus;
    else err("remediationStatus", "请选择整治状态（计划中、整治中或已完成）");
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

function normalizePollutants(list: readonly string[], err: (field: string, message: string) => void) {
  const names = [...new Set(list.map((p) => p.trim()).filter((p) => p !== ""))];
  if (names.length > 30) err("pollutants", "主要污染物最多填写30项");
  if (names.some((p) => p.length > 50)) err("pollutants", "污染物名称不能超过50个字符");
  return names;
}

function normalizeEmissions(
  list: NonNullable<ObjectInput["emissions"]>,
  err: (field: string, message: string) => void,
) {
  if (list.length > 50) err("emissions", "排放数据最多填写50项");
  return list.map((figure, i) => {
    const pollutant = figure.pollutant?.trim() ?? "";
    const unit = figure.unit?.trim() ?? "";
    const where = `第${i + 1}项排放数据`;
    if (pollutant === "" || pollutant.length > 50)
      err("emissions", `${where}：请填写污染物名称（不超过50字）`);
    if (!Number.isFinite(figure.amount) || figure.amount < 0) err("emissions", `${where}：排放量须为非负数`);
    if (unit === "" || unit.length > 16) err("emissions", `${where}：请填写单位（如 t/a）`);
    const year = figure.year ?? null;
    if (year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100))
      err("emissions", `${where}：年份不正确`);
    return { pollutant, amount: figure.amount, unit, year, disclosed: figure.disclosed === true };
  });
}

const finitePosition = (p: unknown): p is number[] =>
  Array.isArray(p) &&
  p.length >= 2 &&
  p.length <= 3 &&
  p.every((n) => typeof n === "number" && Number.isFinite(n)) &&
  p[0] >= LON[0] &&
  p[0] <= LON[1] &&
  p[1] >= LAT[0] &&
  p[1] <= LAT[1];

/** Structural problems of a GeoJSON location, in Chinese; validity (self-intersection …) is PostGIS's call. */
export function geometryProblems(geometry: ObjectGeometry | null | undefined): string[] {
  if (!geometry || typeof geometry !== "object") return ["请填写位置（经纬度或范围）"];
  const ringProblems = (rings: unknown): string | null => {
    if (!Array.isArray(rings) || rings.length === 0) return "多边形没有边界";
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4) return "多边形的每个环至少需要4个点（首尾相同）";
      if (!ring.every(finitePosition)) return "坐标须为经度（-180~180）、纬度（-90~90）";
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1])
        return "多边形的环须首尾相接（最后一个点与第一个点相同）";
    }
    return null;
  };
  switch (geometry.type) {
    case "Point":
      return finitePosition(geometry.coordinates) ? [] : ["经纬度不正确：经度须在-180~180，纬度须在-90~90"];
    case "Polygon": {
      const problem = ringProblems(geometry.coordinates);
      return problem ? [problem] : [];
    }
    case "MultiPolygon": {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0)
        return ["多边形没有边界"];
      for (const polygon of geometry.coordinates) {
        const problem = ringProblems(polygon);
        if (problem) return [problem];
      }
      return [];
    }
    default:
      return ["位置只能是点、多边形或多多边形"];
  }
}

/** The fields whose values differ between two records (for the audit log and the archive history). */
export function changedFields<T extends object>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
