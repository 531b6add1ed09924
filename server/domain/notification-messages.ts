import type { CaseAction } from "./cases/case-actions.ts";
import { CASE_ACTION_LABELS, DEADLINE_PHASE_LABELS } from "./cases/case-labels.ts";
import { CASE_SOURCE_NAMES, type CaseSource } from "./cases/case-sources.ts";
import { type CaseStage, STAGE_NAMES } from "./cases/case-state.ts";
import type { DeadlinePhase } from "./cases/deadline-rules.ts";
import { matterCategory } from "./cases/matter-categories.ts";
import { PRIORITY_NAMES, type Priority, SUPERVISION_LEVELS } from "./cases/priorities.ts";
import { fillTemplate, type TemplateWords } from "./message-template.ts";
import { formatShanghai } from "./shanghai-time.ts";

/**
 * What a notification says, as a code with parameters (migration 0021). The server stores the Chinese title and
 * body built from them (the record, and what older clients and rows show); the web words the same message in
 * the reader's language from `notifications.messages.<code>` with the parameters. Parameters are data: codes
 * (stage, action, priority …) the web names with its domain labels, numbers, UTC instants and what people typed.
 */
interface ParamTypes {
  trackingNo: string;
  /** The case's title as filed. */
  title: string;
  source: CaseSource;
  /** A matter category's code. */
  category: string;
  gridId: number;
  /** The grid's Chinese name, shown when the reader's grid list lacks the id. */
  gridName: string;
  priority: Priority;
  stage: CaseStage;
  fromStage: CaseStage;
  toStage: CaseStage;
  action: CaseAction;
  actions: CaseAction[];
  /** A UTC instant; null when the case has no deadline now. */
  dueAt: string | null;
  /** The deadline's phase; null for a deadline recorded without one. */
  phase: DeadlinePhase | null;
  /** Free text someone wrote (a rejection's or a re-routing's reason); null or "" when none. */
  reason: string | null;
  workingDays: number;
  /** A Shanghai calendar day, YYYY-MM-DD. */
  day: string;
  open: number;
  overdue: number;
  soon: number;
  year: number;
  lastLoadedYear: number | null;
}

type ParamKind = "text" | "text?" | "int" | "int?" | "texts";
/** How each parameter is checked before the web renders a stored message (rows are data from another build). */
const PARAM_KINDS = {
  trackingNo: "text",
  title: "text",
  source: "text",
  category: "text",
  gridId: "int",
  gridName: "text",
  priority: "text",
  stage: "text",
  fromStage: "text",
  toStage: "text",
  action: "text",
  actions: "texts",
  dueAt: "text?",
  phase: "text?",
  reason: "text?",
  workingDays: "int",
  day: "text",
  open: "int",
  overdue: "int",
  soon: "int",
  year: "int",
  lastLoadedYear: "int?",
} as const satisfies Record<keyof ParamTypes, ParamKind>;

const fits: Record<ParamKind, (value: unknown) => boolean> = {
  text: (v) => typeof v === "string",
  "text?": (v) => v === null || typeof v === "string",
  int: (v) => Number.isSafeInteger(v),
  "int?": (v) => v === null || Number.isSafeInteger(v),
  texts: (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
};

/** Each message code with the parameters it carries. */
const MESSAGE_PARAMS = {
  /** intake → whoever must accept it */
  case_reported: ["trackingNo", "title", "source", "category", "gridId", "gridName", "dueAt"],
  /** intake of an urgent or important matter → the district office */
  case_reported_supervised: ["trackingNo", "title", "priority", "category", "gridId", "gridName", "dueAt"],
  /** a transition → whoever must act next */
  case_action_required: ["trackingNo", "title", "stage", "actions", "dueAt"],
  /** a stage change of an urgent or important case → the district office */
  case_stage_supervised: ["trackingNo", "title", "priority", "action", "fromStage", "toStage", "dueAt"],
  /** registration (立案) of a normal case → the district office */
  case_registered: ["trackingNo", "title", "action", "fromStage", "toStage", "dueAt"],
  /** the filer: their report was answered */
  filed_case_replied: ["trackingNo", "title", "reason"],
  /** the filer: their report was rejected, merged or closed */
  filed_case_ended: ["trackingNo", "title", "stage", "reason"],
  /** a routing override moved the case into the reader's grid */
  case_rerouted: ["trackingNo", "title", "reason"],
  /** deadline sweep → whoever must act on an overdue case */
  case_overdue: ["trackingNo", "title", "stage", "phase", "dueAt", "actions"],
  /** deadline sweep → the level above (first escalation) */
  case_escalated: ["trackingNo", "title", "stage", "phase", "dueAt"],
  /** deadline sweep → the leaders (second escalation) */
  case_escalated_again: ["trackingNo", "title", "stage", "phase", "dueAt", "workingDays"],
  /** deadline sweep → the district office, once a day */
  daily_digest: ["day", "open", "overdue", "soon"],
  /** a deadline past the loaded work calendar → the system administrators */
  calendar_exhausted: ["year", "dueAt", "lastLoadedYear"],
  /** the demo seed's pending work */
  case_todo: ["trackingNo", "title", "actions"],
} as const satisfies Record<string, readonly (keyof ParamTypes)[]>;

export type NotificationMessageCode = keyof typeof MESSAGE_PARAMS;
export const NOTIFICATION_MESSAGES = Object.keys(MESSAGE_PARAMS) as NotificationMessageCode[];

export type NotificationMessage = {
  [C in NotificationMessageCode]: {
    code: C;
    params: { [K in (typeof MESSAGE_PARAMS)[C][number]]: ParamTypes[K] };
  };
}[NotificationMessageCode];

/**
 * The Chinese texts: `{{name}}` is filled from the words of the parameters (see `renderNotification`). The
 * web's Chinese bundle is this object; en.ts and ug.ts have the same keys and placeholders.
 */
export const NOTIFICATION_TEXT_ZH = {
  parts: {
    case: "{{trackingNo}}「{{title}}」",
    listSeparator: "、",
    dueBy: "，请于 {{time}} 前处理",
    dueOn: "，期限 {{time}}",
    anyDeadline: "期限",
    because: "理由：{{reason}}",
    noYear: "无",
  },
  messages: {
    case_reported: { title: "新上报待受理：{{case}}", body: "{{source}}，{{category}}，{{grid}}{{dueBy}}" },
    case_reported_supervised: {
      title: "【{{level}}】{{priority}}案件上报：{{case}}",
      body: "{{category}}，{{grid}}{{dueBy}}",
    },
    case_action_required: { title: "待办：{{case}} {{stage}}", body: "可执行：{{actions}}{{dueOn}}" },
    case_stage_supervised: {
      title: "【{{level}}】{{case}}",
      body: "{{action}}：{{fromStage}} → {{toStage}}{{dueOn}}",
    },
    case_registered: {
      title: "【立案上报】{{case}}",
      body: "{{action}}：{{fromStage}} → {{toStage}}{{dueOn}}",
    },
    filed_case_replied: { title: "您上报的案件{{case}}：已答复", body: "{{because}}" },
    filed_case_ended: { title: "您上报的案件{{case}}：{{stage}}", body: "{{because}}" },
    case_rerouted: { title: "改派至本网格：{{case}}", body: "{{because}}" },
    case_overdue: {
      title: "已逾期：{{case}}",
      body: "{{stage}}，{{phase}}已于 {{dueAt}} 届满，请立即处理（可执行：{{actions}}）",
    },
    case_escalated: {
      title: "【逾期升级】{{case}}",
      body: "{{stage}}，{{phase}}已于 {{dueAt}} 届满，请督办",
    },
    case_escalated_again: {
      title: "【二次升级】{{case}}",
      body: "{{stage}}，{{phase}}已于 {{dueAt}} 届满，逾期超过{{workingDays}}个工作日，请督办",
    },
    daily_digest: {
      title: "【定期督办】{{day}} 一般事项汇总",
      body: "在办一般事项 {{open}} 件，其中已逾期 {{overdue}} 件、3日内到期 {{soon}} 件。",
    },
    calendar_exhausted: {
      title: "请录入{{year}}年节假日安排",
      body: "有案件期限（{{dueAt}}）已超出已录入的工作日历（最后一年：{{lastLoadedYear}}），暂按周一至周五计算。",
    },
    case_todo: { title: "待办：{{case}}", body: "可执行：{{actions}}" },
  } satisfies Record<NotificationMessageCode, { title: string; body: string }>,
};
export type NotificationTexts = typeof NOTIFICATION_TEXT_ZH;
type Part = keyof NotificationTexts["parts"];
export type NotificationTextKey = `parts.${Part}` | `messages.${NotificationMessageCode}.${"title" | "body"}`;
type Words = TemplateWords;

/** One language's words: its templates (`text`) and its names of the codes a message carries. */
export interface NotificationWording {
  text(key: NotificationTextKey, words?: Words): string;
  stage(code: string): string;
  action(code: string): string;
  source(code: string): string;
  category(code: string): string;
  priority(code: string): string;
  supervisionLevel(code: string): string;
  deadlinePhase(code: string): string;
  grid(id: number, chineseName: string): string;
  /** A UTC instant as Beijing time. */
  time(utc: string): string;
}

/** A stored message as this build knows it, or null (no code, a code from a later build, parameters amiss). */
export function readNotificationMessage(code: unknown, params: unknown): NotificationMessage | null {
  if (typeof code !== "string" || !Object.hasOwn(MESSAGE_PARAMS, code)) return null;
  if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const given = params as Record<string, unknown>;
  const needs: readonly (keyof ParamTypes)[] = MESSAGE_PARAMS[code as NotificationMessageCode];
  return needs.every((name) => fits[PARAM_KINDS[name]](given[name]))
    ? ({ code, params } as NotificationMessage)
    : null;
}

/** The message's title and body in the language of `w`. */
export function renderNotification(
  message: NotificationMessage,
  w: NotificationWording,
): { title: string; body: string } {
  const p: Partial<ParamTypes> = message.params;
  const words: Words = {};
  // numbers and the day are shown as they are
  for (const name of ["workingDays", "day", "open", "overdue", "soon", "year"] as const)
    if (p[name] !== undefined) words[name] = p[name];
  if (p.trackingNo !== undefined)
    words.case = w.text("parts.case", { trackingNo: p.trackingNo, title: p.title ?? "" });
  if (p.source !== undefined) words.source = w.source(p.source);
  if (p.category !== undefined) words.category = w.category(p.category);
  if (p.gridId !== undefined) words.grid = w.grid(p.gridId, p.gridName ?? "");
  if (p.priority !== undefined) {
    words.priority = w.priority(p.priority);
    const level = (SUPERVISION_LEVELS as Record<string, { code: string } | undefined>)[p.priority];
    words.level = w.supervisionLevel(level?.code ?? p.priority);
  }
  for (const name of ["stage", "fromStage", "toStage"] as const) {
    const stage = p[name];
    if (stage !== undefined) words[name] = w.stage(stage);
  }
  if (p.action !== undefined) words.action = w.action(p.action);
  if (p.actions !== undefined)
    words.actions = p.actions.map((a) => w.action(a)).join(w.text("parts.listSeparator"));
  if (p.phase !== undefined) words.phase = p.phase ? w.deadlinePhase(p.phase) : w.text("parts.anyDeadline");
  if (p.dueAt !== undefined) {
    const time = p.dueAt ? w.time(p.dueAt) : "";
    words.dueAt = time;
    words.dueBy = time && w.text("parts.dueBy", { time });
    words.dueOn = time && w.text("parts.dueOn", { time });
  }
  if (p.reason !== undefined) words.because = p.reason ? w.text("parts.because", { reason: p.reason }) : "";
  if (p.lastLoadedYear !== undefined) words.lastLoadedYear = p.lastLoadedYear ?? w.text("parts.noYear");
  return {
    title: w.text(`messages.${message.code}.title`, words),
    body: w.text(`messages.${message.code}.body`, words),
  };
}

const nameIn =
  (names: Record<string, string>) =>
  (code: string): string =>
    Object.hasOwn(names, code) ? names[code] : code;

const LEVEL_NAMES = Object.fromEntries(Object.values(SUPERVISION_LEVELS).map((l) => [l.code, l.name]));

const CHINESE: NotificationWording = {
  text(key, words) {
    const [group, name, field] = key.split(".");
    const texts = NOTIFICATION_TEXT_ZH as unknown as Record<
      string,
      Record<string, string | Record<string, string>>
    >;
    const entry = texts[group][name];
    return fillTemplate(typeof entry === "string" ? entry : entry[field], words);
  },
  stage: nameIn(STAGE_NAMES),
  action: nameIn(CASE_ACTION_LABELS),
  source: nameIn(CASE_SOURCE_NAMES),
  category: (code) => matterCategory(code)?.name ?? code,
  priority: nameIn(PRIORITY_NAMES),
  supervisionLevel: nameIn(LEVEL_NAMES),
  deadlinePhase: nameIn(DEADLINE_PHASE_LABELS),
  grid: (_id, chineseName) => chineseName,
  time: (utc) => formatShanghai(new Date(utc)),
};

/** The Chinese title and body stored with the message: the record, and the text for readers of Chinese. */
export function chineseNotification(message: NotificationMessage): { title: string; body: string } {
  return renderNotification(message, CHINESE);
}
