import type { RevealedReporter } from "../../api-types/cases.ts";
import type { Config } from "../config.ts";
import { forbidden } from "../errors.ts";
import { mayRevealReporter } from "../policies/case-access.ts";
import { decryptComplainant, decryptReporter, loadVisibleCase } from "../queries/cases.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

/**
 * Shows a resident reporter's name and contact, and a dispute's complainant, to one of the roles allowed to
 * know them, and records that they looked (who, when, why, which case) in the same transaction. The values
 * never enter the audit log.
 */
export async function revealReporter(
  ctx: CommandContext,
  config: Config,
  caseId: number,
  reason: string,
): Promise<RevealedReporter> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisibleCase(tx, actor, caseId);
    if (row.reporterOfficial || !mayRevealReporter(actor, row)) throw forbidden();
    const clear = { ...decryptReporter(row, config), complainant: decryptComplainant(row, config) };
    await recordAudit(tx, ctx, {
      action: "case.reporter_reveal",
      entityType: "case",
      entityId: caseId,
      after: {
        trackingNo: row.trackingNo,
        reason: reason.trim(),
        fields: [
          clear.name !== null ? "name" : null,
          clear.contact !== null ? "contact" : null,
          clear.complainant !== null ? "complainant" : null,
        ].filter(Boolean),
      },
    });
    return clear;
  });
}
