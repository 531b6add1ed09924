import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { notFound, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { lockManagedGrid } from "./wuding-targets.ts";

/**
 * Takes a person off a grid now. The row stays (who served when is history); the person's scope loses the
 * grid on their next request, since scope is read from the assignments in force.
 */
export async function removePersonnel(ctx: CommandContext & { actor: Actor }, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await rows<{ gridId: number; userId: number; dutyRole: string; removed: boolean }>(
      tx,
      sql`select grid_id as "gridId", user_id as "userId", duty_role as "dutyRole",
                 removed_at is not null as removed
            from grid_personnel where id = ${id}`,
    );
    await lockManagedGrid(tx, ctx.actor, current?.gridId ?? 0);
    if (current.removed) throw notFound();
    const [row] = await rows<{ id: number }>(
      tx,
      sql`update grid_personnel
             set removed_at = now(), removed_by = ${ctx.actor.userId}, version = version + 1, updated_at = now()
           where id = ${id} and version = ${version} and removed_at is null
          returning id`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "personnel.remove",
      entityType: "grid_personnel",
      entityId: id,
      before: { gridId: current.gridId, userId: current.userId, dutyRole: current.dutyRole, removed: false },
      after: { removed: true },
    });
    return { id, removed: true };
  });
}
