import type { AuditEntry } from "../../api-types/audit.ts";
import { forbidden } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { type AuditFilter, auditForExport, countAudit } from "../queries/audit.ts";
import { assertExportFits, WORKBOOK_ROW_LIMIT } from "../spreadsheets/export-cap.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

/**
 * The audit log's rows for an export, and the export itself recorded in the log (who took which rows out:
 * the filter and the count), in one transaction, so no export goes unrecorded. Only the audit administrator
 * (三员: `audit.read`) may.
 */
export async function exportAuditLog(
  ctx: CommandContext,
  filter: AuditFilter,
  limit = WORKBOOK_ROW_LIMIT,
): Promise<AuditEntry[]> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  assertAllowed(actor, "audit.read");
  return ctx.db.transaction(async (tx) => {
    const total = await countAudit(tx, filter);
    assertExportFits("audit", total, limit);
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
