import type { RefusalCode } from "./case-machine.ts";

/**
 * How each refusal of the machine answers over HTTP, with its message: a stale version or a wrong stage is a
 * conflict (409), a role or jurisdiction problem is forbidden (403), anything wrong with the request's own
 * content is unprocessable (422).
 */
export const REFUSALS: Record<RefusalCode, { status: 400 | 403 | 409 | 422; zh: string; en: string }> = {
  stale_version: {
    status: 409,
    zh: "案件已被他人处理，请刷新后重试",
    en: "The case changed since you loaded it; reload and retry",
  },
  unknown_action: { status: 400, zh: "未知的操作", en: "Unknown action" },
  forbidden_role: { status: 403, zh: "您的角色无权执行此操作", en: "Your role may not do this" },
  out_of_jurisdiction: {
    status: 403,
    zh: "该案件不在您的职责范围内，无权执行此操作",
    en: "This case is outside your jurisdiction for this action",
  },
  invalid_stage: {
    status: 409,
    zh: "案件当前环节不能执行此操作",
    en: "This action is not possible at the case's current stage",
  },
  reason_required: { status: 422, zh: "请填写理由", en: "A reason is required" },
  summary_required: { status: 422, zh: "请填写情况说明", en: "A summary is required" },
  invalid_target: { status: 422, zh: "目标不正确", en: "Invalid target" },
  invalid_departments: {
    status: 422,
    zh: "联合执法须指定一个牵头部门和至少一个不同的参与部门",
    en: "A joint investigation needs a lead and at least one other department",
  },
  invalid_days: { status: 422, zh: "天数须为正整数", en: "Days must be a positive whole number" },
  extension_too_long: { status: 422, zh: "延期天数超过上限", en: "The extension is too long" },
  extension_pending: { status: 422, zh: "已有待审批的延期申请", en: "An extension request is pending" },
  extension_limit_reached: {
    status: 422,
    zh: "延期次数已用完",
    en: "No more extensions may be requested",
  },
  no_extension_requested: { status: 422, zh: "没有待审批的延期申请", en: "No extension was requested" },
  self_approval: { status: 422, zh: "不能审批自己的延期申请", en: "You may not approve your own request" },
  invalid_result: { status: 422, zh: "办理结果不正确", en: "Invalid handling result" },
  already_done: { status: 422, zh: "此项已经完成", en: "Already done" },
  already_on_site: { status: 422, zh: "已记录到场", en: "Arrival on site is already recorded" },
  not_transferred: {
    status: 422,
    zh: "本案由属地办理，无需向移交单位反馈",
    en: "The case was handled locally; there is no transferring unit to answer",
  },
  no_reporter: { status: 422, zh: "本案没有需要答复的举报人", en: "Nobody is waiting for a reply" },
  assignee_required: { status: 422, zh: "请指定核查网格员", en: "Choose who re-checks on site" },
  not_assignee: {
    status: 403,
    zh: "只有被指派的网格员可以提交核查",
    en: "Only the assigned member may re-check",
  },
  self_verification: {
    status: 422,
    zh: "办理人不能核查自己办理的案件",
    en: "The handler may not verify their own handling",
  },
  evidence_required: { status: 422, zh: "核查须附现场照片", en: "A re-check needs photos" },
  not_verified: { status: 422, zh: "案件尚未核查通过，不能销号", en: "The case has not passed verification" },
};
