import type { Db } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import type { AuditAction, AuditEntityType } from "../domain/audit-actions.ts";
import type { Actor } from "../policies/actor.ts";

export interface AuditEvent {
  /** One of `AUDIT_ACTIONS`: the audit screen and export name each code in words. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** For events without a logged-in actor (a login, a failed login): who it concerns. */
  actorId?: number;
  actorName?: string;
}

/**
 * Appends one audit row inside the caller's transaction. The database chains and hashes it
 * (trigger `audit_log_chain`), so no write path can skip or forge the chain fields.
 */
export async function recordAudit(
  tx: Db,
  who: { actor: Actor | null; ip: string | null },
  event: AuditEvent,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: who.actor?.userId ?? event.actorId ?? null,
    actorName: who.actor?.username ?? event.actorName ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    ip: who.ip,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
