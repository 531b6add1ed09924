import {
  CASE_ACTION_LABELS,
  DEADLINE_PHASE_LABELS,
  HANDLING_RESULT_LABELS,
} from "../../../../server/domain/cases/case-labels.ts";
import { CASE_SOURCE_NAMES, PETITION_CHANNEL_NAMES } from "../../../../server/domain/cases/case-sources.ts";
import { STAGE_NAMES } from "../../../../server/domain/cases/case-state.ts";
import { MATTER_CATEGORIES } from "../../../../server/domain/cases/matter-categories.ts";
import { PRIORITY_NAMES, SUPERVISION_LEVELS } from "../../../../server/domain/cases/priorities.ts";

/** `{ code: name }` of a list of named codes. */
const namesByCode = <T extends { code: string; name: string }>(items: readonly T[]) =>
  Object.fromEntries(items.map((i) => [i.code, i.name])) as Record<T["code"], string>;

/**
 * Names of the server's codes (matter categories, case stages and actions, sources, priorities …) per language:
 * this file, en.ts and ug.ts. The Chinese ones are the server's own tables (server/domain/cases/), so the screen
 * says what exports and notifications say; server/domain/code-translations.test.ts checks that every code the
 * server knows is named in all three languages. Loaded with the scenes that show them (i18n/domain-labels.ts),
 * not with the login page.
 */
export const zhDomain = {
  categories: namesByCode(MATTER_CATEGORIES),
  stages: STAGE_NAMES,
  actions: CASE_ACTION_LABELS,
  sources: CASE_SOURCE_NAMES,
  petitionChannels: PETITION_CHANNEL_NAMES,
  priorities: PRIORITY_NAMES,
  supervisionLevels: namesByCode(Object.values(SUPERVISION_LEVELS)),
  handlingResults: HANDLING_RESULT_LABELS,
  deadlinePhases: DEADLINE_PHASE_LABELS,
  // a notification's title and body are worded from its message code (i18n/notification-text.ts)
  notificationKinds: {
    action_required: "待办",
    urgent_alert: "紧急督办",
    stage_update: "进展通知",
    overdue: "逾期提醒",
    escalation: "逾期升级",
    digest: "定期汇总",
    calendar_exhausted: "工作日历提醒",
  },
};

/** Every table and code of the Chinese names; a translation must name them all. */
export type DomainLabels = typeof zhDomain;
