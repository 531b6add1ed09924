import type { CaseReceipt } from "../../api-types/cases.ts";
import { CASE_SOURCE_NAMES, type CaseSource } from "../domain/cases/case-sources.ts";
import { type CaseState, STAGE_NAMES } from "../domain/cases/case-state.ts";

export type { CaseReceipt };

/** The receipt without its id (the statement that files the case draws the id and adds it). */
export function caseReceipt(c: {
  trackingNo: string;
  state: CaseState;
  source: CaseSource;
  categoryName: string;
  gridName: string;
  departments: { id: number; name: string }[];
  staff: boolean;
}): Omit<CaseReceipt, "id" | "possibleDuplicates"> {
  const receipt = {
    trackingNo: c.trackingNo,
    stage: c.state.stage,
    stageName: STAGE_NAMES[c.state.stage],
    sourceName: CASE_SOURCE_NAMES[c.source],
    categoryName: c.categoryName,
    gridName: c.gridName,
    reportedAt: c.state.reportedAt.toISOString(),
  };
  if (!c.staff) return { ...receipt, message: `已收到您的举报，查询编号 ${c.trackingNo}，请妥善保存。` };
  return {
    ...receipt,
    message: `已上报，案件编号 ${c.trackingNo}。`,
    source: c.source,
    priority: c.state.priority,
    departments: c.departments,
    deadlineDueAt: c.state.deadline?.dueAt.toISOString() ?? null,
  };
}
