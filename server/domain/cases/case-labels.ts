import type { CaseAction } from "./case-actions.ts";
import type { HandlingResult } from "./case-state.ts";
import type { DeadlinePhase } from "./deadline-rules.ts";

/** Chinese names of the transitions, for timelines and notifications. */
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  accept: "受理",
  reject: "不予受理",
  merge_into: "合并重复件",
  register: "立案并上报",
  handle_locally: "属地办理",
  transfer: "移交移送",
  accept_transfer: "接收移交",
  return_transfer: "退回移交",
  organize_joint: "组织联合执法",
  arrive_on_site: "到达现场",
  request_extension: "申请延期",
  approve_extension: "批准延期",
  deny_extension: "驳回延期",
  record_handling: "登记办理结果",
  give_feedback: "向移交单位反馈",
  reply_to_reporter: "答复举报人",
  inform_lower_grid: "告知下级网格",
  request_verification: "指派现场核查",
  record_verification: "提交核查结果",
  close: "销号",
  disclose: "公开处理结果",
};

export const HANDLING_RESULT_LABELS: Record<HandlingResult, string> = {
  rectification_order: "责令整改",
  penalty: "行政处罚",
  no_violation: "未发现违法行为",
  other: "其他",
};

export const DEADLINE_PHASE_LABELS: Record<DeadlinePhase, string> = {
  acceptance: "受理时限",
  registration: "立案时限",
  dispatch: "研判派遣时限",
  transfer_acceptance: "移交接收时限",
  site_arrival: "到场时限",
  handling: "办理时限",
  rework: "返工时限",
  feedback: "反馈时限",
  verification_request: "指派核查时限",
  verification: "现场核查时限",
  closing: "销号时限",
  overall_close: "总办结时限",
};
