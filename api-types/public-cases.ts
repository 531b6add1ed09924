/**
 * Public progress of a report (GET /api/public/cases/:trackingNo, server/routes/public-cases), as the public
 * tracking page (web/src/scenes/Track) reads it. Type-only and import-free (docs/decisions/0006).
 */

/**
 * The stage in plain words, one per case stage (PUBLIC_PROGRESS in the route). Spelled out so that the web
 * can show each in the visitor's language: a reworded or added text fails the web's type check until it has
 * its translation.
 */
export type PublicProgress =
  | "已收到，待受理"
  | "已受理"
  | "不予受理"
  | "已与同一问题的其他举报合并办理"
  | "已立案"
  | "已移交主管部门"
  | "多部门联合办理中"
  | "办理中"
  | "已办理，待反馈"
  | "已反馈，待核查"
  | "现场核查中"
  | "核查通过，待办结"
  | "已办结";

/** Everything the public learns about a report: no names, places, people, departments or internal notes. */
export interface PublicCaseProgress {
  trackingNo: string;
  /** The matter category's code, which the page names in the visitor's language. */
  category: string;
  /** The matter category's Chinese name. */
  categoryName: string;
  progress: PublicProgress;
  /** UTC instants. */
  reportedAt: string;
  /** When the reporter was answered (答复举报人); null until then, and again after a rework. */
  repliedAt: string | null;
  closedAt: string | null;
  /** The disclosed summary of the result (处理结果公开), null until the case is disclosed. */
  result: string | null;
}
