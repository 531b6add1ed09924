import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { AppError, gridRetired, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { isoUtc } from "../queries/sql-time.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { auditView, type GridRow, lockManagedGrid } from "./grid-rows.ts";

const gridHasLiveChildren = (count: number) =>
  new AppError(
    "grid_has_children",
    409,
    `该网格还有 ${count} 个未撤销的下级网格，须先撤销或移走它们`,
    `This grid still has ${count} live child grid(s); retire or move them first`,
    { liveChildren: count },
  );

/**
 * Retires a grid: it leaves maps, lists and coverage, but stays in the database with its history (grids are
 * never deleted — cases, patrols and contracts keep pointing at them). A grid with live children cannot retire.
 */
export async function retireGrid(
  ctx: CommandContext & { actor: Actor },
  id: number,
  input: { version: number; reason?: string },
) {
  assertAllowed(ctx.actor, "grid.manage");
  return ctx.db.transaction(async (tx) => {
    const grid = await lockManagedGrid(tx, ctx.actor, id);
    if (grid.retiredAt) throw gridRetired();
    if (grid.version !== input.version) throw staleVersion();
    const [children] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from grids where parent_id = ${id} and retired_at is null`,
    );
    if (children.n > 0) throw gridHasLiveChildren(children.n);
    const [retired] = await rows<Pick<GridRow, "version" | "retiredAt">>(
      tx,
      sql`update grids set retired_at = now(), version = version + 1, updated_at = now()
           where id = ${id} and version = ${input.version}
          returning version, ${isoUtc(sql`retired_at`)} as "retiredAt"`,
    );
    const after = { ...grid, ...retired };
    await recordAudit(tx, ctx, {
      action: "grid.retire",
      entityType: "grid",
      entityId: id,
      before: auditView(grid),
      after: { ...auditView(after), reason: input.reason ?? null },
    });
    return after;
  });
}
