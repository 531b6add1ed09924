import ExcelJS from "exceljs";
import { CASE_SOURCE_NAMES, type CaseSource } from "../domain/cases/case-sources.ts";
import { STAGE_NAMES } from "../domain/cases/case-state.ts";
import { matterCategory } from "../domain/cases/matter-categories.ts";
import { PRIORITY_NAMES, type Priority } from "../domain/cases/priorities.ts";
import { formatShanghai } from "../errors.ts";
import type { CaseExportFilter, CaseExportRow } from "../queries/cases.ts";

const shanghai = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : "");

/**
 * 案件列表 as XLSX: one row per case, Beijing times, the columns of the list and its ledger (台账). Built from
 * the list's summaries only, so nothing about the reporter (name, contact, account) can reach the file.
 * `conditions` (the filters in words, the time) go on a second sheet, 导出说明.
 */
export async function buildCaseList(
  rows: readonly CaseExportRow[],
  conditions: { generatedAt: Date; filters: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = workbook.addWorksheet("案件列表", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "查询编号", key: "trackingNo", width: 20 },
    { header: "标题", key: "title", width: 32 },
    { header: "来源", key: "source", width: 14 },
    { header: "事项类别", key: "category", width: 18 },
    { header: "优先级", key: "priority", width: 8 },
    { header: "督办方式", key: "supervision", width: 10 },
    { header: "环节", key: "stage", width: 10 },
    { header: "乡镇（街道）", key: "township", width: 12 },
    { header: "网格", key: "grid", width: 14 },
    { header: "承办部门", key: "department", width: 16 },
    { header: "上报时间（北京时间）", key: "reportedAt", width: 18 },
    { header: "当前时限节点", key: "phase", width: 14 },
    { header: "办理时限（北京时间）", key: "dueAt", width: 18 },
    { header: "是否逾期", key: "overdue", width: 9 },
    { header: "结案时间（北京时间）", key: "closedAt", width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of rows) {
    sheet.addRow({
      trackingNo: c.trackingNo,
      title: c.title,
      source: c.sourceName,
      category: c.categoryName,
      priority: PRIORITY_NAMES[c.priority as Priority] ?? c.priority,
      supervision: c.supervisionLevelName,
      stage: c.stageName,
      township: c.townshipName ?? "",
      grid: c.gridName,
      department: c.assignedDepartmentName ?? "",
      reportedAt: shanghai(c.reportedAt),
      phase: c.deadline?.phaseName ?? "",
      dueAt: shanghai(c.deadline?.dueAt ?? null),
      overdue: c.overdue ? "是" : "否",
      closedAt: shanghai(c.closedAt),
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
