import type { PublicProgress } from "../../../api-types/public-cases.ts";
import type { CaseStage } from "./case-state.ts";

/**
 * What the public sees while following a report (GET /api/public/cases/:trackingNo): the stage in plain
 * words, never names, places or people. One text per stage: a new stage fails to compile until it has one,
 * rather than showing the public its internal code.
 */
export const PUBLIC_PROGRESS: Record<CaseStage, PublicProgress> = {
  reported: "已收到，待受理",
  accepted: "已受理",
  rejected: "不予受理",
  merged: "已与同一问题的其他举报合并办理",
  registered: "已立案",
  transferred: "已移交主管部门",
  joint_investigation: "多部门联合办理中",
  handling: "办理中",
  handled: "已办理，待反馈",
  feedback_given: "已反馈，待核查",
  verifying: "现场核查中",
  verified: "核查通过，待办结",
  closed: "已办结",
};
