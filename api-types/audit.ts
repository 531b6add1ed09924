/**
 * The audit log (审计日志): one event as server/queries/audit.ts answers it (list and export) and
 * web/src/api/audit.ts reads it. Type-only and import-free (docs/decisions/0006). Times are ISO 8601.
 */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  /** A code of server/domain/audit-actions.ts; an older or newer build's code is shown as it is. */
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  /** The hash chain's link (tamper evidence) and the retention settings it was written under. */
  hash: string;
  sessionAbsoluteHours: number;
  version: number;
}
