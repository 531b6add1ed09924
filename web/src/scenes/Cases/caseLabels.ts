import type { TFunction } from "i18next";
import { zhCN } from "../../i18n/zh-CN";

type StageKey = keyof typeof zhCN.cases.stages;
type ActionKey = keyof typeof zhCN.cases.actions;
type PriorityKey = keyof typeof zhCN.cases.priorities;

// Codes come from the server; an unknown one falls back to the server's own (Chinese) name.
export function stageLabel(t: TFunction, code: string, fallback?: string | null): string {
  return code in zhCN.cases.stages ? t(`cases.stages.${code as StageKey}`) : (fallback ?? code);
}

export function actionLabel(t: TFunction, code: string, fallback?: string | null): string {
  return code in zhCN.cases.actions ? t(`cases.actions.${code as ActionKey}`) : (fallback ?? code);
}

export function priorityLabel(t: TFunction, code: string): string {
  return code in zhCN.cases.priorities ? t(`cases.priorities.${code as PriorityKey}`) : code;
}

export const PRIORITY_COLORS: Record<string, string> = {
  urgent: "red",
  important: "orange",
  normal: "default",
};

export function stageColor(stage: string): string {
  if (stage === "closed") return "green";
  if (stage === "rejected" || stage === "merged") return "default";
  if (stage === "reported" || stage === "accepted") return "blue";
  if (stage === "verifying" || stage === "verified" || stage === "feedback_given") return "cyan";
  return "processing";
}
