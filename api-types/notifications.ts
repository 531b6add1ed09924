/**
 * GET /api/notifications: what server/routes/notifications answers and web/src/api/cases.ts reads.
 * Type-only and import-free, so both the server and the web project can use it (docs/decisions/0006).
 */

export interface NotificationItem {
  id: number;
  caseId: number | null;
  /** What it is about (domain/notification-kinds.ts), named on screen in the reader's language. */
  kind: string;
  /** The Chinese text stored when it was sent: the record, and what the web shows without a known message. */
  title: string;
  body: string;
  /**
   * The message's code (server/domain/notification-messages.ts) and its parameters, which the web words in
   * the reader's language; null (and `{}`) for notifications stored before they were kept (migration 0021).
   */
  message: string | null;
  params: Record<string, unknown>;
  /** UTC instants. */
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  /** The caller's unread notifications, whatever the filter. */
  unread: number;
}
