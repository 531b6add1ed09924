import { CASE_SOURCE_NAMES, type CaseSource } from "../domain/cases/case-sources.ts";
import { STAGE_NAMES } from "../domain/cases/case-state.ts";
import { matterCategory } from "../domain/cases/matter-categories.ts";
import { PRIORITY_NAMES, type Priority } from "../domain/cases/priorities.ts";
import { formatShanghai } from "../domain/shanghai-time.ts";
import type { CaseExportFilter, CaseExportRow } from "../queries/cases.ts";
import { type LedgerColumn, ledgerWorkbook, xlsxBuffer } from "./ledger-sheet.ts";

const shanghai = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : "");

const COLUMNS: LedgerColumn<CaseExportRow>[] = [
  { header: "查询编号", width: 20, cell: (c) => c.trackingNo },
  { header: "标题", width: 32, cell: (c) => c.title },
  { header: "来源", width: 14, cell: (c) => c.sourceName },
  { header: "事项类别", width: 18, cell: (c) => c.categoryName },
  { header: "优先级", width: 8, cell: (c) => PRIORITY_NAMES[c.priority as Priority] ?? c.priority },
  { header: "督办方式", width: 10, cell: (c) => c.supervisionLevelName },
  { header: "环节", width: 10, cell: (c) => c.stageName },
  { header: "乡镇（街道）", width: 12, cell: (c) => c.townshipName ?? "" },
  { header: "网格", width: 14, cell: (c) => c.gridName },
  { header: "承办部门", width: 16, cell: (c) => c.assignedDepartmentName ?? "" },
  { header: "上报时间（北京时间）", width: 18, cell: (c) => shanghai(c.reportedAt) },
  { header: "当前时限节点", width: 14, cell: (c) => c.deadline?.phaseName ?? "" },
  { header: "办理时限（北京时间）", width: 18, cell: (c) => shanghai(c.deadline?.dueAt ?? null) },
  { header: "是否逾期", width: 9, cell: (c) => (c.overdue ? "是" : "否") },
  { header: "结案时间（北京时间）", width: 18, cell: (c) => shanghai(c.closedAt) },
];

/**
 * 案件列表 as XLSX: one row per case, Beijing times, the columns of the list and its ledger (台账). Built from
 * the list's summaries only, so nothing about the reporter (name, contact, account) can reach the file.
 * `conditions` (the filters in words, the time) go on a second sheet, 导出说明.
 */
export async function buildCaseList(
  rows: readonly CaseExportRow[],
  conditions: { generatedAt: Date; filters: string },
): Promise<Buffer> {
  const workbook = ledgerWorkbook("案件列表", COLUMNS, rows);
  // what produced the table goes on its own sheet, so the first stays a clean table to sort and pivot
  const about = workbook.addWorksheet("导出说明");
  about.columns = [
    { key: "k", width: 14 },
    { key: "v", width: 80 },
  ];
  about.addRows([
    ["导出时间", `${formatShanghai(conditions.generatedAt)}（北京时间）`],
    ["筛选条件", conditions.filters],
    ["案件数", rows.length],
    ["说明", "按当前账号的权限范围导出；不含举报人信息。"],
  ]);
  about.getColumn(1).font = { bold: true };
  return xlsxBuffer(workbook);
}

/** The filters of an export in words, for its 导出说明 sheet; names of grid and department resolved by the caller. */
export function describeCaseFilter(
  f: CaseExportFilter,
  names: { grid?: string; department?: string },
): string {
  const parts: string[] = [];
  if (f.q) parts.push(`关键词“${f.q}”`);
  if (f.stage?.length) parts.push(`环节：${f.stage.map((s) => STAGE_NAMES[s] ?? s).join("、")}`);
  if (f.category) parts.push(`事项类别：${matterCategory(f.category)?.name ?? f.category}`);
  if (f.gridId) parts.push(`网格：${names.grid ?? `#${f.gridId}`}（含下级）`);
  if (f.departmentId) parts.push(`责任部门：${names.department ?? `#${f.departmentId}`}`);
  if (f.source) parts.push(`来源：${CASE_SOURCE_NAMES[f.source as CaseSource] ?? f.source}`);
  if (f.priority) parts.push(`优先级：${PRIORITY_NAMES[f.priority as Priority] ?? f.priority}`);
  if (f.from || f.to) parts.push(`上报时间：${f.from ?? "不限"} 至 ${f.to ?? "不限"}（北京时间，含两端）`);
  if (f.overdue) parts.push("只看逾期");
  if (f.open) parts.push("只看在办");
  return parts.length > 0 ? parts.join("；") : "全部（权限范围内）";
}
