import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { badRequest, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkNoOverlap, checkTerm, type PersonnelTerm } from "./personnel-assigner.ts";
import { lockManagedGrid } from "./wuding-targets.ts";

/** Changes an assignment's post, duty phone or term, guarded by the version the editor saw. */
export async function updatePersonnel(
  ctx: CommandContext & { actor: Actor },
  id: number,
  change: PersonnelTerm & { version: number },
) {
  const { startsOn, endsOn } = checkTerm(change);
  return ctx.db.transaction(async (tx) => {
    const [current] = await rows<{ gridId: number; userId: number; removed: boolean }>(
      tx,
      sql`select grid_id as "gridId", user_id as "userId", removed_at is not null as removed
            from grid_personnel where id = ${id}`,
    );
    // The grid lock answers 404 for an assignment out of the actor's scope, as for one that does not exist.
    const grid = await lockManagedGrid(tx, ctx.actor, current?.gridId ?? 0);
    if (current.removed) {
      throw badRequest("personnel_removed", "该任职已撤销，不能再修改", "This assignment was removed");
    }
    await checkNoOverlap(
      tx,
      { ...current, dutyRole: change.dutyRole, gridId: grid.id, startsOn, endsOn },
      id,
    );
    const [before] = await rows<Record<string, unknown>>(
      tx,
      sql`select duty_role as "dutyRole", phone, to_char(starts_on, 'YYYY-MM-DD') as "startsOn",
                 to_char(ends_on, 'YYYY-MM-DD') as "endsOn", version
            from grid_personnel where id = ${id}`,
    );
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`update grid_personnel
             set duty_role = ${change.dutyRole}, phone = ${change.phone || null}, starts_on = ${startsOn},
                 ends_on = ${endsOn}, version = version + 1, updated_at = now()
           where id = ${id} and version = ${change.version}
          returning id, version`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "personnel.update",
      entityType: "grid_personnel",
      entityId: id,
      before,
      after: {
        dutyRole: change.dutyRole,
        phone: change.phone || null,
        startsOn,
        endsOn,
        version: row.version,
      },
    });
    return row;
  });
}
