import type { TFunction } from "i18next";
import {
  NOTIFICATION_TEXT_ZH,
  type NotificationTextKey,
  readNotificationMessage,
  renderNotification,
} from "../../../server/domain/notification-messages.ts";
import { formatTimeToMinute } from "../time/formatTime";
import {
  actionLabel,
  categoryLabel,
  deadlinePhaseLabel,
  priorityLabel,
  sourceLabel,
  stageLabel,
  supervisionLevelLabel,
} from "./domain-labels";
import { i18n } from "./index";

// The Chinese texts are the server's own (what it stores), loaded with the scene that shows notifications.
i18n.addResourceBundle("zh-CN", "translation", { notifications: NOTIFICATION_TEXT_ZH }, true, false);

/**
 * A notification's title and body in the reader's language, worded from its message code and parameters; the
 * stored Chinese text when it has none this build knows (an older row, a newer code, parameters amiss).
 */
export function notificationText(
  t: TFunction,
  n: { message: string | null; params: unknown; title: string; body: string },
  gridName: (id: number, chineseName: string) => string,
): { title: string; body: string } {
  const message = readNotificationMessage(n.message, n.params);
  if (!message) return { title: n.title, body: n.body };
  return renderNotification(message, {
    text: (key, words) => t(`notifications.${key}` as `notifications.${NotificationTextKey}`, words ?? {}),
    stage: (code) => stageLabel(t, code),
    action: (code) => actionLabel(t, code),
    source: (code) => sourceLabel(t, code),
    category: (code) => categoryLabel(t, code),
    priority: (code) => priorityLabel(t, code),
    supervisionLevel: (code) => supervisionLevelLabel(t, code),
    deadlinePhase: (code) => deadlinePhaseLabel(t, code),
    grid: gridName,
    time: formatTimeToMinute,
  });
}
