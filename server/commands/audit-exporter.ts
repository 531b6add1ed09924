import type { AuditEntry } from "../../api-types/audit.ts";
import { forbidden, unprocessable } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { type AuditFilter, auditForExport, countAudit } from "../queries/audit.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

/** One workbook holds at most this many rows; more is refused (narrow the time range) rather than cut short. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export const auditExportTooLarge = (total: number, limit = AUDIT_EXPORT_LIMIT) =>
  unprocessable(
    "audit_export_too_large",
    `符合条件的审计记录共 ${total.toLocaleString("zh-CN")} 条，超过单次导出上限 ${limit.toLocaleString("zh-CN")} 条，请缩小时间范围或增加筛选条件后再导出`,
    `${total} audit records match, more than the ${limit} one export may hold; narrow the time range or filter further`,
    { total, limit },
  );

/**
 * The audit log's rows for an export, and the export itself recorded in the log (who took which rows out:
 * the filter and the count), in one transaction, so no export goes unrecorded. Only the audit administrator
 * (三员: `audit.read`) may.
 */
export async function exportAuditLog(
  ctx: CommandContext,
  filter: AuditFilter,
  limit = AUDIT_EXPORT_LIMIT,
): Promise<AuditEntry[]> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  assertAllowed(actor, "audit.read");
  return ctx.db.transaction(async (tx) => {
    const total = await countAudit(tx, filter);
    if (total > limit) throw auditExportTooLarge(total, limit);
    const items = await auditForExport(tx, filter, limit);
    await recordAudit(tx, ctx, {
      action: "audit.export",
      entityType: "audit_log",
      after: { filter: definedOnly(filter), rows: items.length },
    });
    return items;
  });
}

const definedOnly = (filter: AuditFilter) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ""));
