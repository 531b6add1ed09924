import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { badRequest, forbidden, notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { allow } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { canManageGridWuding, canManageLevelLines } from "../policies/wuding.ts";
import { type LineTable, lineInScope } from "../queries/wuding.ts";

// Shared checks of the 五定 commands: what may be touched, by whom. A null actor is the system (seeding).

export interface ManagedGrid {
  id: number;
  path: string;
  level: number;
  name: string;
}

/**
 * Locks a live grid the actor manages, so concurrent edits of its personnel queue up behind each other.
 * Out of scope → 404 (no existence leak); in scope but not below the actor's own level → 403.
 */
export async function lockManagedGrid(tx: Db, actor: Actor | null, gridId: number): Promise<ManagedGrid> {
  const within = actor ? gridWithinScope(sql`path`, actor.scope) : sql`true`;
  const [grid] = await rows<ManagedGrid>(
    tx,
    sql`select id, path, level, name from grids
         where id = ${gridId} and retired_at is null and ${within} for update`,
  );
  if (!grid) throw notFound();
  if (actor && !canManageGridWuding(actor, grid.path)) throw forbidden();
  return grid;
}

export function assertMayManageWuding(actor: Actor | null): void {
  if (actor && !allow(actor, "wuding.manage")) throw forbidden();
}

export interface LineTarget {
  gridLevel: number | null;
  gridId: number | null;
}

/** Where a new line goes: a level (district office only) or one managed grid; exactly one of the two. */
export async function checkNewLineTarget(
  tx: Db,
  actor: Actor | null,
  target: LineTarget,
): Promise<LineTarget> {
  assertMayManageWuding(actor);
  const hasLevel = target.gridLevel !== null && target.gridLevel !== undefined;
  const hasGrid = target.gridId !== null && target.gridId !== undefined;
  if (hasLevel === hasGrid) {
    throw badRequest(
      "line_target_required",
      "请指定适用的网格层级或具体网格（二者选一）",
      "Give either a grid level or one grid, not both",
    );
  }
  if (hasLevel) {
    if (actor && !canManageLevelLines(actor)) throw forbidden();
    return { gridLevel: target.gridLevel, gridId: null };
  }
  const grid = await lockManagedGrid(tx, actor, target.gridId as number);
  return { gridLevel: null, gridId: grid.id };
}

/** An existing live line the actor may change: level lines need the district office, grid lines the grid's manager. */
export async function checkExistingLine(tx: Db, actor: Actor | null, table: LineTable, id: number) {
  assertMayManageWuding(actor);
  const everything = { allGrids: true, gridPaths: [], gridIds: [], departmentIds: [] };
  const line = await lineInScope(tx, table, actor?.scope ?? everything, id);
  if (actor) {
    const allowed =
      line.gridPath === null ? canManageLevelLines(actor) : canManageGridWuding(actor, line.gridPath);
    if (!allowed) throw forbidden();
  }
  return line;
}
