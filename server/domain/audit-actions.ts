/**
 * Every action code the platform writes to `audit_log`, with its Chinese name (the export's 操作 column).
 * `recordAudit` only takes these codes, so a new audited action must be added here; the web then needs a label
 * in every language (`audit.actions` in web/src/i18n, checked by web/src/i18n/audit-labels.test.ts).
 * The case transitions (`case.<action>`) are named as on the case timeline; the transitioner's
 * `case.${CaseAction}` only compiles while every transition is listed. (No imports: the web reads this file.)
 */
export const AUDIT_ACTION_LABELS = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.login_refused_locked": "账户锁定期间尝试登录",
  "auth.account_locked": "账户被锁定",
  "auth.logout": "退出登录",
  "auth.session_expired": "会话失效",
  "user.create": "创建用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "settings.update": "修改系统设置",
  "audit.prune": "清理过期审计日志",
  "audit.export": "导出审计日志",
  "grid.create": "新建网格",
  "grid.update": "修改网格",
  "grid.move": "调整上级网格",
  "grid.retire": "撤销网格",
  "grid.import": "导入网格边界",
  "object.create": "登记监管对象",
  "object.update": "修改监管对象",
  "object.retire": "注销监管对象",
  "object.import": "导入监管对象",
  "object.import_file": "导入监管对象文件",
  "case.create": "创建案件",
  "case.seed_demo": "生成演示案件",
  "case.escalate": "超期自动升级",
  "case.evidence_add": "上传证据",
  "case.routing_override": "人工调整分拨",
  "case.reporter_reveal": "查看举报人身份",
  "case.reporter_key_rotate": "轮换举报人信息密钥",
  "case.dispute_complainant_seal": "加密纠纷投诉方信息",
  "case.accept": "受理",
  "case.reject": "不予受理",
  "case.merge_into": "合并重复件",
  "case.register": "立案并上报",
  "case.handle_locally": "属地办理",
  "case.transfer": "移交移送",
  "case.accept_transfer": "接收移交",
  "case.return_transfer": "退回移交",
  "case.organize_joint": "组织联合执法",
  "case.arrive_on_site": "到达现场",
  "case.request_extension": "申请延期",
  "case.approve_extension": "批准延期",
  "case.deny_extension": "驳回延期",
  "case.record_handling": "登记办理结果",
  "case.give_feedback": "向移交单位反馈",
  "case.reply_to_reporter": "答复举报人",
  "case.inform_lower_grid": "告知下级网格",
  "case.request_verification": "指派现场核查",
  "case.record_verification": "提交核查结果",
  "case.close": "销号",
  "case.disclose": "公开处理结果",
  "patrol.seed": "生成演示巡查",
  "patrol.start": "开始巡查",
  "patrol.finish": "结束巡查",
  "patrol.checkin": "巡查签到",
  "personnel.assign": "配置网格人员",
  "personnel.update": "修改网格人员",
  "personnel.remove": "移除网格人员",
  "duty_line.create": "新增职责",
  "duty_line.update": "修改职责",
  "duty_line.retire": "停用职责",
  "patrol_rule.create": "新增巡查任务",
  "patrol_rule.update": "修改巡查任务",
  "patrol_rule.retire": "停用巡查任务",
  "reward_penalty_rule.create": "新增奖惩规则",
  "reward_penalty_rule.update": "修改奖惩规则",
  "reward_penalty_rule.retire": "停用奖惩规则",
  "disclosure.update": "修改公示内容",
  "work_calendar.update": "修改工作日历",
  "contract.draft": "生成责任状",
  "contract.revise": "生成责任状新版本",
  "contract.redraft": "更新责任状草稿",
  "contract.withdraw_revision": "撤回责任状修订稿",
  "contract.sign": "签署责任状",
  // written by `npm run bench:data` (test/bench/data/generate.ts) into the database it fills
  "bench.generate": "生成性能测试数据",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The part before the dot: what the filter offers as a group (`case.` = every case action). */
export type AuditActionGroup = AuditAction extends `${infer G}.${string}` ? G : never;
export const AUDIT_ACTION_GROUPS = [
  ...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0])),
] as AuditActionGroup[];

/** What an audit row is about (`entity_type`), with its Chinese name. */
export const AUDIT_ENTITY_LABELS = {
  session: "会话",
  user: "用户",
  settings: "系统设置",
  audit_log: "审计日志",
  grid: "网格",
  object: "监管对象",
  object_import: "监管对象导入",
  case: "案件",
  patrol: "巡查",
  grid_personnel: "网格人员",
  duty_line: "职责",
  patrol_rule: "巡查任务",
  reward_penalty_rule: "奖惩规则",
  grid_disclosure: "网格公示",
  work_calendar_year: "工作日历",
  contract: "责任状",
  dataset: "数据集",
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/** The Chinese name of an action code; a code this build does not know (an older or newer one) as it is. */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : code;
}

export function auditEntityLabel(type: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, type) ? AUDIT_ENTITY_LABELS[type as AuditEntityType] : type;
}
