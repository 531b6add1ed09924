import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { badRequest, gridRetired, notFound, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { canPlaceUnder } from "../policies/grid-admin-scope.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { auditView, lockGrid, lockManagedGrid } from "./grid-rows.ts";

/**
 * Re-parents a grid with its whole subtree in one statement: every materialized path under the old prefix is
 * rewritten to the new one and every level shifts by the same amount. Each moved row gets a new version, so
 * grid_versions keeps where each of them was.
 */
export async function moveGrid(
  ctx: CommandContext & { actor: Actor },
  id: number,
  move: { parentId: number; version: number },
) {
  assertAllowed(ctx.actor, "grid.manage");
  return ctx.db.transaction(async (tx) => {
    const grid = await lockManagedGrid(tx, ctx.actor, id);
    if (grid.retiredAt) throw gridRetired();
    if (grid.version !== move.version) throw staleVersion();
    const parent = await lockGrid(tx, ctx.actor.scope, move.parentId);
    if (!canPlaceUnder(ctx.actor.scope, parent.path)) throw notFound();
    if (parent.retiredAt) throw gridRetired();
    if (parent.path.startsWith(grid.path)) {
      throw badRequest(
        "move_into_own_subtree",
        "不能把网格移动到它自己或它的下级网格之下",
        "A grid cannot move below itself or its own descendants",
      );
    }
    if (grid.parentId === parent.id) return { ...grid, moved: 0, casesMoved: 0 };

    const newPath = `${parent.path}${grid.id}/`;
    const levelShift = parent.level + 1 - grid.level;
    const moved = await rows<{ id: number }>(
      tx,
      sql`update grids
             set parent_id = case when id = ${grid.id} then ${parent.id} else parent_id end,
                 path = ${newPath} || substr(path, ${grid.path.length + 1}),
                 level = level + ${levelShift},
                 version = version + 1,
                 updated_at = now()
           where path like ${`${grid.path}%`}
          returning id`,
    );
    // Cases keep a copy of their grid's path (the key of every case scope check and township figure): it moves
    // with the tree, or the old township would keep reading the village's cases and the new one would not.
    const [{ casesMoved }] = await rows<{ casesMoved: number }>(
      tx,
      sql`with m as (update cases set grid_path = ${newPath} || substr(grid_path, ${grid.path.length + 1})
                      where grid_path like ${`${grid.path}%`} returning 1)
          select count(*)::int as "casesMoved" from m`,
    );
    const [after] = await rows<{ path: string; level: number; version: number }>(
      tx,
      sql`select path, level, version from grids where id = ${grid.id}`,
    );
    const result = { ...grid, parentId: parent.id, ...after };
    await recordAudit(tx, ctx, {
      action: "grid.move",
      entityType: "grid",
      entityId: grid.id,
      before: auditView(grid),
      after: { ...auditView(result), subtreeSize: moved.length, casesMoved },
    });
    return { ...result, moved: moved.length, casesMoved };
  });
}

/**
 * Cases filed into a subtree while it moved: intake reads the grid's path before its write, and the move's
 * rewrite cannot see a case not yet committed, so such a case can keep the old path. The deadline sweep calls
 * this every round: cases still under a path their grid left in the last day follow it (the audit of the
 * move already says what moved; this only completes it).
 */
export async function reattachCasesLeftBehind(tx: Db): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    tx,
    sql`with m as (update cases c set grid_path = g.path
                     from grid_versions v join grids g on g.id = v.grid_id
                    where v.valid_to > now() - interval '1 day' and v.path <> g.path
                      and c.grid_path = v.path and c.grid_id = v.grid_id
                   returning 1)
        select count(*)::int as n from m`,
  );
  return n;
}
