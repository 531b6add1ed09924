/**
 * The spreadsheet form of the register (台账): Chinese column headers, cell text ↔ object fields.
 * The same columns make the import template and the export, so an exported list can be edited and
 * imported elsewhere. Pure code; reading XLSX/CSV bytes happens in server/spreadsheets/.
 */
import { parseGeometryText } from "./geometry-text.ts";
import {
  EIA_STATUS_LABELS,
  type EmissionFigure,
  type FieldError,
  OBJECT_STATUS_LABELS,
  OBJECT_TYPE_LABELS,
  OBJECT_TYPES,
  type ObjectGeometry,
  type ObjectInput,
  type ObjectType,
  REMEDIATION_STATUS_LABELS,
  RISK_LEVEL_LABELS,
} from "./supervised-object.ts";

export type SheetField =
  | "type"
  | "name"
  | "address"
  | "longitude"
  | "latitude"
  | "boundary"
  | "contactName"
  | "contactPhone"
  | "status"
  | "category"
  | "uscc"
  | "permitNumber"
  | "pollutants"
  | "keyUnit"
  | "emissions"
  | "waterZoneLevel"
  | "riskLevel"
  | "eiaStatus"
  | "remediationStatus";

export interface SheetColumn {
  field: SheetField;
  header: string;
  /** Other headers accepted on import (older templates, English exports). */
  aliases: string[];
  /** What to type, shown in the template's instructions sheet. */
  help: string;
  width: number;
}

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    field: "type",
    header: "类型",
    aliases: ["type", "对象类型"],
    width: 14,
    help: `必填。${OBJECT_TYPES.map((t) => OBJECT_TYPE_LABELS[t]).join("、")}`,
  },
  {
    field: "name",
    header: "名称",
    aliases: ["name", "对象名称", "单位名称"],
    width: 32,
    help: "必填，不超过200字",
  },
  { field: "address", header: "地址", aliases: ["address"], width: 32, help: "选填" },
  {
    field: "longitude",
    header: "经度",
    aliases: ["longitude", "lon", "lng"],
    width: 12,
    help: "WGS84 十进制度，如 89.1892；填了“范围”可不填",
  },
  {
    field: "latitude",
    header: "纬度",
    aliases: ["latitude", "lat"],
    width: 12,
    help: "WGS84 十进制度，如 42.9476",
  },
  {
    field: "boundary",
    header: "范围（WKT或GeoJSON）",
    aliases: ["范围", "boundary", "wkt", "geometry"],
    width: 40,
    help: "多边形范围，WKT（POLYGON((经度 纬度, …))）或 GeoJSON；饮用水源地必填",
  },
  { field: "contactName", header: "联系人", aliases: ["contact", "contactName"], width: 12, help: "选填" },
  {
    field: "contactPhone",
    header: "联系电话",
    aliases: ["phone", "contactPhone"],
    width: 16,
    help: "选填，数字、空格、加号、短横线",
  },
  { field: "status", header: "状态", aliases: ["status"], width: 10, help: "在管（默认）或 停产/停用" },
  {
    field: "category",
    header: "行业/类别",
    aliases: ["行业", "类别", "category", "industry"],
    width: 18,
    help: "企业填行业，其他对象填类别，选填",
  },
  {
    field: "uscc",
    header: "统一社会信用代码",
    aliases: ["uscc", "信用代码"],
    width: 22,
    help: "排污企业必填，18位，含校验位（请设为文本格式）",
  },
  {
    field: "permitNumber",
    header: "排污许可证编号",
    aliases: ["permitNumber", "许可证编号"],
    width: 26,
    help: "选填，如 91650402MA7XXXXXXX001P",
  },
  {
    field: "pollutants",
    header: "主要污染物",
    aliases: ["pollutants", "污染物"],
    width: 24,
    help: "用顿号或逗号分隔，如 颗粒物、二氧化硫",
  },
  {
    field: "keyUnit",
    header: "重点排污单位",
    aliases: ["keyUnit", "重点单位"],
    width: 12,
    help: "是 或 否（默认否）",
  },
  {
    field: "emissions",
    header: "排放数据",
    aliases: ["emissions"],
    width: 40,
    help: "每项“污染物:数量 单位:年份:公开/不公开”，多项用分号分隔，如 二氧化硫:12.5 t/a:2025:公开",
  },
  {
    field: "waterZoneLevel",
    header: "保护区级别",
    aliases: ["waterZoneLevel"],
    width: 12,
    help: "饮用水源地必填：一级 或 二级",
  },
  {
    field: "riskLevel",
    header: "风险等级",
    aliases: ["riskLevel"],
    width: 10,
    help: "环境安全隐患必填：重大、较大 或 一般",
  },
  {
    field: "eiaStatus",
    header: "环评状态",
    aliases: ["eiaStatus"],
    width: 12,
    help: "建设项目必填：已批复、审批中、未报批 或 未批先建",
  },
  {
    field: "remediationStatus",
    header: "整治状态",
    aliases: ["remediationStatus"],
    width: 12,
    help: "农村环境整治点必填：计划中、整治中 或 已完成",
  },
];

export const HEADER_LABEL: Record<SheetField, string> = Object.fromEntries(
  SHEET_COLUMNS.map((c) => [c.field, c.header]),
) as Record<SheetField, string>;

/** Rows whose name starts with this are the template's examples and are skipped on import. */
export const EXAMPLE_MARK = "【示例】";
/** More rows than this in one file is refused: a register of a district is hundreds, not tens of thousands. */
export const MAX_IMPORT_ROWS = 5000;

export interface SheetError {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column header, as the person sees it; "" for problems of the whole file. */
  field: string;
  message: string;
}

export interface SheetRow {
  row: number;
  input: ObjectInput;
}

const normalizeHeader = (h: string) =>
  h
    .replace(/[\s*＊]/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .toLowerCase();

/** Which column holds which field; unknown columns (编号, 所属网格 in an export) are ignored. */
export function mapHeaders(headerRow: readonly string[]): {
  columns: Map<SheetField, number>;
  errors: SheetError[];
} {
  const lookup = new Map<string, SheetField>();
  for (const c of SHEET_COLUMNS)
    for (const name of [c.header, ...c.aliases]) lookup.set(normalizeHeader(name), c.field);
  const columns = new Map<SheetField, number>();
  const errors: SheetError[] = [];
  headerRow.forEach((cell, index) => {
    const field = lookup.get(normalizeHeader(cell ?? ""));
    if (!field) return;
    if (columns.has(field)) errors.push({ row: 1, field: cell, message: `表头“${cell}”重复` });
    else columns.set(field, index);
  });
  for (const required of ["type", "name"] as const) {
    if (!columns.has(required))
      errors.push({
        row: 1,
        field: HEADER_LABEL[required],
        message: `缺少“${HEADER_LABEL[required]}”列，请使用导入模板`,
      });
  }
  const hasPoint = columns.has("longitude") && columns.has("latitude");
  if (!hasPoint && !columns.has("boundary"))
    errors.push({ row: 1, field: "经度", message: "缺少位置列：需要“经度”和“纬度”列，或“范围”列" });
  return { columns, errors };
}

/** The code whose label (or the code itself) was typed. */
function byLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (text === label || text === code) return code;
  }
  return undefined;
}

const TYPE_ALIASES: Record<string, ObjectType> = {
  企业: "enterprise",
  排污单位: "enterprise",
  水源地: "water_source",
  饮用水水源地: "water_source",
  饮用水源保护区: "water_source",
  隐患: "hazard",
  风险源: "hazard",
  环境风险源: "hazard",
  违法建设项目: "construction_project",
  项目: "construction_project",
  生态区域: "ecological_area",
  生态环境: "ecological_area",
  农村环境综合整治: "rural_site",
  农村整治点: "rural_site",
};

const YES = new Set(["是", "y", "yes", "true", "1", "√", "重点"]);
const NO = new Set(["否", "n", "no", "false", "0", ""]);

/** Turns one spreadsheet row into an object input, or the cell-level problems found on the way. */
export function rowToInput(
  cells: readonly string[],
  columns: ReadonlyMap<SheetField, number>,
  row: number,
): { input: ObjectInput | null; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const cell = (field: SheetField) => {
    const index = columns.get(field);
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  const fail = (field: SheetField, message: string) =>
    errors.push({ row, field: HEADER_LABEL[field], message });

  const typeText = cell("type");
  const type = byLabel(OBJECT_TYPE_LABELS, typeText) ?? TYPE_ALIASES[typeText];
  if (!type) {
    fail(
      "type",
      typeText === ""
        ? "请填写类型"
        : `类型“${typeText}”不正确，应为：${Object.values(OBJECT_TYPE_LABELS).join("、")}`,
    );
  }

  let location: ObjectGeometry | null = null;
  const boundary = cell("boundary");
  const lonText = cell("longitude");
  const latText = cell("latitude");
  if (boundary !== "") {
    const parsed = parseGeometryText(boundary);
    if (parsed.ok) location = parsed.geometry;
    else fail("boundary", parsed.messageZh);
  } else if (lonText !== "" || latText !== "") {
    const lon = Number(lonText);
    const lat = Number(latText);
    if (lonText === "" || !Number.isFinite(lon) || lon < -180 || lon > 180)
      fail("longitude", "经度须为 -180 到 180 之间的数字");
    else if (latText === "" || !Number.isFinite(lat) || lat < -90 || lat > 90)
      fail("latitude", "纬度须为 -90 到 90 之间的数字");
    else location = { type: "Point", coordinates: [lon, lat] };
  } else {
    fail("longitude", "请填写经纬度或范围");
  }

  const statusText = cell("status");
  let status: "active" | "suspended" | undefined;
  if (statusText === "" || statusText === OBJECT_STATUS_LABELS.active || statusText === "active")
    status = "active";
  else if (["停产", "停用", "停产/停用", "suspended"].includes(statusText)) status = "suspended";
  else fail("status", `状态“${statusText}”不正确，应为 在管 或 停产/停用`);

  const keyText = cell("keyUnit").toLowerCase();
  const keyUnit = YES.has(keyText) ? true : NO.has(keyText) ? false : undefined;
  if (keyUnit === undefined) fail("keyUnit", "重点排污单位请填 是 或 否");

  const emissions = parseEmissions(cell("emissions"));
  if (!emissions.ok) fail("emissions", emissions.messageZh);

  const enumCell = <T extends string>(
    field: SheetField,
    labels: Record<T, string>,
    extra: Record<string, T> = {},
  ) => {
    const text = cell(field);
    if (text === "") return null;
    const value = byLabel(labels, text) ?? extra[text];
    if (value === undefined)
      fail(field, `“${text}”不正确，应为：${Object.values<string>(labels).join("、")}`);
    return value ?? null;
  };
  const zone = enumCell("waterZoneLevel", WATER_ZONE_LEVEL_NAMES, {
    一级保护区: "1",
    二级保护区: "2",
    一级区: "1",
    二级区: "2",
  });
  const waterZoneLevel = zone === null ? null : Number(zone);
  const riskLevel = enumCell("riskLevel", RISK_LEVEL_LABELS);
  const eiaStatus = enumCell("eiaStatus", EIA_STATUS_LABELS);
  const remediationStatus = enumCell("remediationStatus", REMEDIATION_STATUS_LABELS);

  if (!type || !location || errors.length > 0) return { input: null, errors };
  return {
    input: {
      type,
      name: cell("name"),
      address: cell("address") || null,
      contactName: cell("contactName") || null,
      contactPhone: cell("contactPhone") || null,
      category: cell("category") || null,
      status,
      location,
      uscc: cell("uscc") || null,
      permitNumber: cell("permitNumber") || null,
      pollutants: splitList(cell("pollutants")),
      keyUnit,
      emissions: emissions.ok ? emissions.figures : [],
      waterZoneLevel,
      riskLevel,
      eiaStatus,
      remediationStatus,
    },
    errors,
  };
}

/** 颗粒物、二氧化硫,氮氧化物；VOCs → four names. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * "二氧化硫:12.5 t/a:2025:公开; 氮氧化物:30 t/a" → figures. Year and 公开/不公开 are optional, in either
 * order; a figure is not disclosed unless it says 公开.
 */
export function parseEmissions(
  text: string,
): { ok: true; figures: EmissionFigure[] } | { ok: false; messageZh: string } {
  if (text.trim() === "") return { ok: true, figures: [] };
  const figures: EmissionFigure[] = [];
  for (const item of text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const parts = item.split(/[:：]/).map((s) => s.trim());
    const bad = {
      ok: false as const,
      messageZh: `排放数据“${item}”格式不正确，应为 污染物:数量 单位[:年份][:公开/不公开]`,
    };
    if (parts.length < 2 || parts.length > 4 || parts[0] === "") return bad;
    const amount = /^(\d+(?:\.\d+)?)\s*(\S.*)$/.exec(parts[1]);
    if (!amount) return bad;
    let year: number | null = null;
    let disclosed = false;
    for (const extra of parts.slice(2)) {
      if (/^\d{4}$/.test(extra)) year = Number(extra);
      else if (extra === "公开") disclosed = true;
      else if (extra === "不公开") disclosed = false;
      else return bad;
    }
    figures.push({ pollutant: parts[0], amount: Number(amount[1]), unit: amount[2].trim(), year, disclosed });
  }
  return { ok: true, figures };
}

export function formatEmissions(figures: readonly EmissionFigure[]): string {
  return figures
    .map((f) =>
      [
        f.pollutant,
        `${f.amount} ${f.unit}`,
        ...(f.year ? [String(f.year)] : []),
        f.disclosed ? "公开" : "不公开",
      ].join(":"),
    )
    .join("; ");
}

/** Converts a table (header first) into inputs and errors; blank rows and example rows are skipped. */
export function tableToInputs(table: readonly (readonly string[])[]): {
  rows: SheetRow[];
  errors: SheetError[];
} {
  if (table.length === 0 || table[0].every((c) => (c ?? "").trim() === ""))
    return { rows: [], errors: [{ row: 1, field: "", message: "文件为空或第一行不是表头" }] };
  const { columns, errors } = mapHeaders(table[0]);
  if (errors.length > 0) return { rows: [], errors };
  const rows: SheetRow[] = [];
  const nameIndex = columns.get("name") ?? 0;
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => (c ?? "").trim() === "")) continue;
    if ((cells[nameIndex] ?? "").trim().startsWith(EXAMPLE_MARK)) continue;
    const result = rowToInput(cells, columns, i + 1);
    errors.push(...result.errors);
    if (result.input) rows.push({ row: i + 1, input: result.input });
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, field: "", message: "文件中没有可导入的数据行" });
  if (rows.length + errors.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [{ row: 1, field: "", message: `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入` }],
    };
  return { rows, errors };
}

/** Maps a domain field error (a field of ObjectInput) to the column a person sees. */
export function columnOfField(error: FieldError, input: ObjectInput): string {
  if (error.field === "location")
    return input.location?.type === "Point" ? HEADER_LABEL.longitude : HEADER_LABEL.boundary;
  return HEADER_LABEL[error.field as SheetField] ?? error.field;
}

/** 一级/二级 as typed in a sheet ("1"/"2" work too). */
const WATER_ZONE_LEVEL_NAMES: Record<"1" | "2", string> = { "1": "一级", "2": "二级" };
