/**
 * What a notification is about: a code the web names in the reader's language. What it says is a message code
 * with parameters (notification-messages.ts), stored with its Chinese title and body as the record.
 */
export const NOTIFICATION_KINDS = [
  "action_required",
  "urgent_alert",
  "stage_update",
  "overdue",
  "escalation",
  "digest",
  "calendar_exhausted",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
