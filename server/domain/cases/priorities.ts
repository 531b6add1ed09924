/** Case priorities, each mapped to the supervision level (督查督办) of plan §四(二). */
export const PRIORITIES = ["urgent", "important", "normal"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The names on screen and in spreadsheets (web: cases.priorities in i18n). */
export const PRIORITY_NAMES: Record<Priority, string> = { urgent: "紧急", important: "重要", normal: "一般" };

/** 紧急事项迅速督办 (immediate alerts), 重要事项全程督办 (tracked at every stage), 一般事项定期督办 (periodic digest). */
export const SUPERVISION_LEVELS = {
  urgent: { code: "rapid", name: "迅速督办" },
  important: { code: "full_course", name: "全程督办" },
  normal: { code: "periodic", name: "定期督办" },
} as const satisfies Record<Priority, { code: string; name: string }>;
