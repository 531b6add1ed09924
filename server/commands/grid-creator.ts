import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import type { GridKind } from "../db/schema/grids.ts";
import type { PolygonalGeometry } from "../domain/grid-geojson.ts";
import { gridRetired, notFound } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { canPlaceUnder } from "../policies/grid-admin-scope.ts";
import { checkedBoundary } from "../queries/grid-boundary-check.ts";
import type { CommandContext } from "./context.ts";
import { assertCodeFree, insertGrid } from "./grid-rows.ts";

export interface NewGrid {
  parentId: number | null;
  code: string;
  name: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind: GridKind;
  /** Trusted from the system (seed); from a person it is checked (structure, ranges, ST_IsValidDetail). */
  boundary: unknown;
}

/**
 * Creates a grid under its parent. A null actor is the system itself (seeding); a person needs `grid.manage`
 * and a parent in their scope, and their boundary must be a valid polygon (422 with where and why otherwise).
 */
export async function createGrid(ctx: CommandContext, grid: NewGrid) {
  const actor = ctx.actor;
  if (actor) assertAllowed(actor, "grid.manage");
  const boundary =
    grid.boundary === null || grid.boundary === undefined
      ? null
      : actor
        ? await checkedBoundary(ctx.db, grid.boundary)
        : (grid.boundary as PolygonalGeometry);
  return ctx.db.transaction(async (tx) => {
    let parent: { id: number; path: string; level: number; retiredAt: string | null } | null = null;
    if (grid.parentId !== null) {
      [parent] = await rows<{ id: number; path: string; level: number; retiredAt: string | null }>(
        tx,
        sql`select id, path, level, retired_at as "retiredAt" from grids where id = ${grid.parentId} for update`,
      );
      if (!parent) {
        if (actor) throw notFound();
        throw new Error(`parent grid ${grid.parentId} does not exist`);
      }
      if (actor && !canPlaceUnder(actor.scope, parent.path)) throw notFound();
      if (parent.retiredAt) throw gridRetired();
    } else if (actor && !actor.scope.allGrids) {
      // A new root (a district) is the district-wide office's decision only.
      throw notFound();
    }
    await assertCodeFree(tx, grid.code);
    return insertGrid(
      tx,
      ctx,
      {
        code: grid.code,
        name: grid.name,
        nameUg: grid.nameUg ?? null,
        nameEn: grid.nameEn ?? null,
        kind: grid.kind,
        boundary,
      },
      parent,
      actor ? "api" : "seed",
    );
  });
}
