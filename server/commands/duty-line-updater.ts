import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkDutyContent, type DutyLineContent } from "./duty-line-creator.ts";
import { checkExistingLine } from "./wuding-targets.ts";

/** Edits a duty line's content; where it applies (level or grid) stays as created. */
export async function updateDutyLine(
  ctx: CommandContext & { actor: Actor },
  id: number,
  change: DutyLineContent & { version: number },
) {
  return ctx.db.transaction(async (tx) => {
    await checkExistingLine(tx, ctx.actor, "duty_lines", id);
    await checkDutyContent(tx, change);
    const [before] = await rows<Record<string, unknown>>(
      tx,
      sql`select matter_category as "matterCategory", department_id as "departmentId", responsibility,
                 duty_text as "dutyText", sort_order as "sortOrder", version
            from duty_lines where id = ${id}`,
    );
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`update duty_lines
             set matter_category = ${change.matterCategory}, department_id = ${change.departmentId},
                 responsibility = ${change.responsibility}, duty_text = ${change.dutyText.trim()},
                 sort_order = ${change.sortOrder ?? before.sortOrder}, version = version + 1, updated_at = now()
           where id = ${id} and version = ${change.version} and retired_at is null
          returning id, version`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "duty_line.update",
      entityType: "duty_line",
      entityId: id,
      before,
      after: { ...change, dutyText: change.dutyText.trim(), version: row.version },
    });
    return row;
  });
}
