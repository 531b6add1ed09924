import { unprocessable } from "../errors.ts";

/** Rows one workbook holds unless a setting says otherwise (the case list: `ENVGRID_CASE_EXPORT_MAX_ROWS`). */
export const WORKBOOK_ROW_LIMIT = 50_000;

/** What a spreadsheet export holds, as its refusal names it. */
export type ExportedRecords = "cases" | "audit" | "objects" | "patrols";

const NAMES: Record<ExportedRecords, { zh: string; unit: string; en: string; narrow: string }> = {
  cases: { zh: "案件", unit: "件", en: "cases", narrow: "如上报日期、乡镇或网格" },
  audit: { zh: "审计记录", unit: "条", en: "audit records", narrow: "如时间范围或操作类型" },
  objects: { zh: "监管对象", unit: "个", en: "supervised objects", narrow: "如网格、类型或状态" },
  patrols: { zh: "巡查记录", unit: "条", en: "patrols", narrow: "如巡查日期、网格或网格员" },
};

/**
 * An export is all of it or nothing: a filter matching more than one workbook may hold is refused with 422,
 * so a ledger cut short is never taken for the whole.
 */
export function exportTooLarge(records: ExportedRecords, total: number, limit: number) {
  const n = NAMES[records];
  const fmt = (x: number) => x.toLocaleString("zh-CN");
  return unprocessable(
    "export_too_large",
    `符合条件的${n.zh}共 ${fmt(total)} ${n.unit}，超过单次导出上限 ${fmt(limit)} ${n.unit}，请缩小筛选范围（${n.narrow}）后再导出`,
    `${total} ${n.en} match, more than the ${limit} one export may hold; narrow the filters and export again`,
    { records, total, limit },
  );
}

/** Refuses the export before its rows are read when the count is over the limit. */
export function assertExportFits(records: ExportedRecords, total: number, limit: number): void {
  if (total > limit) throw exportTooLarge(records, total, limit);
}
