import type { TFunction } from "i18next";
import type { PatrolRule } from "../../api/wudingTypes";
import { levelLabel } from "../../i18n/labels";
import { zhCN } from "../../i18n/zh-CN";

type ObjectTypeKey = keyof typeof zhCN.wuding.objectTypes;
type ObjectFlagKey = keyof typeof zhCN.wuding.objectFlags;

// Codes come from the server; an unknown one is shown as-is rather than as a broken key.
export function objectTypeLabel(t: TFunction, code: string | null): string {
  if (code === null) return t("wuding.task.anyType");
  return code in zhCN.wuding.objectTypes ? t(`wuding.objectTypes.${code as ObjectTypeKey}`) : code;
}

export function objectFlagLabel(t: TFunction, code: string | null): string {
  if (code === null) return t("wuding.task.noFlag");
  return code in zhCN.wuding.objectFlags ? t(`wuding.objectFlags.${code as ObjectFlagKey}`) : code;
}

/** "重点排污单位", "饮用水水源地", "环境安全隐患（重点排污单位）", or the whole grid. */
export function patrolTarget(t: TFunction, rule: Pick<PatrolRule, "objectType" | "objectFlag">): string {
  if (rule.objectFlag && (rule.objectType === "enterprise" || rule.objectType === null))
    return objectFlagLabel(t, rule.objectFlag);
  const type = objectTypeLabel(t, rule.objectType);
  return rule.objectFlag ? `${type}（${objectFlagLabel(t, rule.objectFlag)}）` : type;
}

export function frequencyText(t: TFunction, rule: Pick<PatrolRule, "frequency" | "timesPerPeriod">): string {
  return t("wuding.task.perPeriod", {
    frequency: t(`wuding.frequencies.${rule.frequency}`),
    times: rule.timesPerPeriod,
  });
}

/** Where a line applies: every grid of a level (the district's list) or this one grid. */
export function lineScopeLabel(t: TFunction, line: { gridLevel: number | null }): string {
  return line.gridLevel === null
    ? t("wuding.line.gridScope")
    : t("wuding.line.levelScope", { level: levelLabel(t, line.gridLevel) });
}

export function pointsText(rule: { points: number | null }): string {
  if (rule.points === null) return "";
  return rule.points > 0 ? `+${rule.points}` : String(rule.points);
}
