/**
 * Bytes ↔ tables for the register: recognizing an upload by its content (never its name), reading XLSX
 * (exceljs) or UTF-8 CSV into rows of cell text, and writing the template and the export.
 */
import ExcelJS from "exceljs";
import { parseCsv } from "../domain/csv.ts";
import {
  EXAMPLE_MARK,
  formatEmissions,
  MAX_IMPORT_ROWS,
  SHEET_COLUMNS,
  type SheetField,
} from "../domain/object-sheet.ts";
import { formatShanghai } from "../domain/shanghai-time.ts";
import {
  EIA_STATUS_LABELS,
  type EiaStatus,
  OBJECT_STATUS_LABELS,
  OBJECT_TYPE_LABELS,
  OBJECT_TYPES,
  REMEDIATION_STATUS_LABELS,
  type RemediationStatus,
  RISK_LEVEL_LABELS,
  type RiskLevel,
} from "../domain/supervised-object.ts";
import { usccCheckCharacter } from "../domain/uscc.ts";
import type { ExportRow } from "../queries/objects.ts";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A 10 MB XLSX could inflate to gigabytes; a genuine register of thousands of rows stays far below this. */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

export type UploadTable =
  | { ok: true; format: "xlsx" | "csv"; table: string[][] }
  | { ok: false; code: string; messageZh: string; messageEn: string };

const refuse = (code: string, messageZh: string, messageEn: string): UploadTable => ({
  ok: false,
  code,
  messageZh,
  messageEn,
});

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((b, i) => buffer[i] === b);

/** Reads an upload as a table of cell text, deciding XLSX or CSV from the bytes themselves. */
export async function readUpload(buffer: Buffer): Promise<UploadTable> {
  if (buffer.length === 0) return refuse("empty_file", "上传的文件是空的", "The file is empty");
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(buffer);
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0]))
    return refuse(
      "legacy_xls",
      "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传",
      "Legacy .xls is not supported; save as .xlsx",
    );
  if (buffer.includes(0))
    return refuse(
      "unsupported_file",
      "文件内容不是 XLSX 或 CSV，请使用导入模板",
      "The file is neither XLSX nor CSV",
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return refuse(
      "not_utf8",
      "CSV 文件须为 UTF-8 编码：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或直接上传 XLSX",
      "CSV must be UTF-8 encoded, or upload XLSX",
    );
  }
  const table = parseCsv(text);
  if (table.length > MAX_IMPORT_ROWS + 1)
    return refuse(
      "too_many_rows",
      `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`,
      `At most ${MAX_IMPORT_ROWS} rows per file`,
    );
  return { ok: true, format: "csv", table };
}

/**
 * Sum of the uncompressed sizes a ZIP's central directory declares, or null when the directory cannot be
 * found (not a well-formed ZIP). Checked before exceljs inflates anything.
 */
export function zipDeclaredSize(buffer: Buffer): number | null {
  const minEocd = 22;
  for (let i = buffer.length - minEocd; i >= Math.max(0, buffer.length - minEocd - 0xffff); i--) {
    if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buffer.readUInt16LE(i + 10);
    let offset = buffer.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return null;
      total += buffer.readUInt32LE(offset + 24);
      offset +=
        46 +
        buffer.readUInt16LE(offset + 28) +
        buffer.readUInt16LE(offset + 30) +
        buffer.readUInt16LE(offset + 32);
    }
    return total;
  }
  return null;
}

async function readXlsx(buffer: Buffer): Promise<UploadTable> {
  const notXlsx = refuse(
    "invalid_xlsx",
    "文件不是有效的 XLSX 工作簿，请使用导入模板",
    "Not a valid XLSX workbook",
  );
  const size = zipDeclaredSize(buffer);
  if (size === null) return notXlsx;
  if (size > MAX_UNZIPPED_BYTES)
    return refuse(
      "xlsx_too_large",
      "工作簿解压后过大，请分批导入",
      "The workbook is too large once unpacked",
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return notXlsx;
  }
  // The data sheet is the first one whose first row has the 类型 and 名称 headers (the template also
  // carries an instructions sheet); otherwise the first sheet, whose header problems are then reported.
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return notXlsx;
  const sheet =
    sheets.find((ws) => {
      const first = rowTexts(ws, 1);
      return first.includes("类型") && first.includes("名称");
    }) ?? sheets[0];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1)
    return refuse(
      "too_many_rows",
      `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`,
      `At most ${MAX_IMPORT_ROWS} rows per file`,
    );
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) table.push(rowTexts(sheet, r));
  return { ok: true, format: "xlsx", table };
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  const texts: string[] = [];
  for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c++)
    texts.push(cellText(row.getCell(c).value));
  return texts;
}

/** What a person sees in a cell: rich text joined, formulas by their result, numbers without exponent. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return String(value);
}

const label = <T extends string>(labels: Record<T, string>, code: string | null) =>
  code === null ? "" : (labels[code as T] ?? code);

/** One register row as the sheet shows it (the same text the import reads back). */
function sheetValues(o: ExportRow): Record<SheetField, string | number> {
  const point = o.geometryType === "Point";
  return {
    type: OBJECT_TYPE_LABELS[o.type],
    name: o.name,
    address: o.address ?? "",
    longitude: point ? o.lon : "",
    latitude: point ? o.lat : "",
    boundary: o.boundaryWkt ?? "",
    contactName: o.contactName ?? "",
    contactPhone: o.contactPhone ?? "",
    status: label(OBJECT_STATUS_LABELS, o.status),
    category: o.category ?? "",
    uscc: o.uscc ?? "",
    permitNumber: o.permitNumber ?? "",
    pollutants: o.pollutants.join("、"),
    keyUnit: o.type === "enterprise" ? (o.keyUnit ? "是" : "否") : "",
    emissions: formatEmissions(o.emissions),
    waterZoneLevel: o.waterZoneLevel === null ? "" : o.waterZoneLevel === 1 ? "一级" : "二级",
    riskLevel: label<RiskLevel>(RISK_LEVEL_LABELS, o.riskLevel),
    eiaStatus: label<EiaStatus>(EIA_STATUS_LABELS, o.eiaStatus),
    remediationStatus: label<RemediationStatus>(REMEDIATION_STATUS_LABELS, o.remediationStatus),
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE9F5" } };
const TEXT_FIELDS: SheetField[] = ["uscc", "permitNumber", "contactPhone"];

function dataSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  extra: { header: string; width: number }[] = [],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width })),
    ...extra.map((e) => ({ header: e.header, key: e.header, width: e.width })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  // Long codes must stay text, or Excel turns an all-digit 18-character code into 9.1E+17.
  for (const field of TEXT_FIELDS) sheet.getColumn(field).numFmt = "@";
  return sheet;
}

/** The import template: the data sheet with one example row per type, and an instructions sheet. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = dataSheet(workbook, "监管对象");
  const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
  const enterpriseCode = uscc("91650402MA77EXAM1");
  const examples: Partial<Record<SheetField, string | number>>[] = [
    {
      type: "排污企业",
      name: `${EXAMPLE_MARK}吐鲁番某葡萄干加工有限公司`,
      address: "高昌区亚尔镇亚尔村",
      longitude: 89.0883,
      latitude: 42.9512,
      contactName: "张三",
      contactPhone: "13899500000",
      category: "农副食品加工",
      uscc: enterpriseCode,
      permitNumber: `${enterpriseCode}001P`,
      pollutants: "颗粒物、化学需氧量",
      keyUnit: "否",
      emissions: "颗粒物:1.2 t/a:2025:公开; 化学需氧量:3.5 t/a:2025:不公开",
    },
    {
      type: "饮用水源地",
      name: `${EXAMPLE_MARK}某水源地一级保护区`,
      boundary: "POLYGON((89.10 42.96, 89.11 42.96, 89.11 42.97, 89.10 42.97, 89.10 42.96))",
      category: "地下水",
      waterZoneLevel: "一级",
    },
    {
      type: "环境安全隐患",
      name: `${EXAMPLE_MARK}某加油站储油罐`,
      longitude: 89.19,
      latitude: 42.94,
      category: "危险化学品储存",
      riskLevel: "一般",
    },
    {
      type: "建设项目",
      name: `${EXAMPLE_MARK}某砖厂扩建项目`,
      longitude: 89.2,
      latitude: 42.93,
      category: "建材",
      eiaStatus: "未批先建",
    },
    {
      type: "生态环境区域",
      name: `${EXAMPLE_MARK}某湿地`,
      boundary: "POLYGON((89.3 42.8, 89.32 42.8, 89.32 42.82, 89.3 42.8))",
      category: "湿地",
    },
    {
      type: "农村环境整治点",
      name: `${EXAMPLE_MARK}某村生活污水处理站`,
      longitude: 89.25,
      latitude: 42.9,
      category: "生活污水",
      remediationStatus: "整治中",
    },
  ];
  for (const example of examples) sheet.addRow(example).font = { color: { argb: "FF8C8C8C" } };
  const typeList = `"${OBJECT_TYPES.map((t) => OBJECT_TYPE_LABELS[t]).join(",")}"`;
  (
    sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`A2:A${MAX_IMPORT_ROWS + 1}`, {
    type: "list",
    allowBlank: true,
    formulae: [typeList],
    showErrorMessage: true,
    error: "请从列表中选择类型",
  });

  const help = workbook.addWorksheet("填写说明");
  help.columns = [
    { header: "列", key: "header", width: 24 },
    { header: "填写要求", key: "help", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of SHEET_COLUMNS) help.addRow({ header: c.header, help: c.help });
  help.addRow({});
  for (const note of [
    `名称以“${EXAMPLE_MARK}”开头的行是示例，导入时自动跳过，可直接删除。`,
    "每行一个对象；点状对象填经度、纬度，面状对象（如饮用水源保护区）填“范围”。",
    "对象按位置自动归入所在的村（社区）网格；不在任何网格内的行会被拒绝。",
    "只要有一行有误，整个文件都不会导入；请按提示的行号和列修改后重新上传。",
    "也可上传 UTF-8 编码的 CSV 文件，列与本表相同。",
  ])
    help.addRow({ header: "说明", help: note });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The filtered register as XLSX: the template's columns (so it can be imported elsewhere) plus ids and grids. */
export async function buildExport(objects: readonly ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = dataSheet(workbook, "监管对象", [
    { header: "编号", width: 8 },
    { header: "所属网格", width: 16 },
    { header: "上级网格", width: 16 },
    { header: "面积（km²）", width: 12 },
    { header: "更新时间（北京时间）", width: 20 },
  ]);
  for (const o of objects) {
    sheet.addRow({
      ...sheetValues(o),
      编号: o.id,
      所属网格: o.gridName ?? "（未落入网格）",
      上级网格: o.parentGridName ?? "",
      "面积（km²）": o.areaKm2 ?? "",
      "更新时间（北京时间）": formatShanghai(new Date(o.updatedAt)),
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
