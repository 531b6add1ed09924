/**
 * What a notification is about. The title and body are written in Chinese when it is stored (a record, like the
 * audit log); the kind is the code the web names in the reader's language.
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
