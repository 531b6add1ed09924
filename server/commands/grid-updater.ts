import type { GridKind } from "../db/schema/grids.ts";
import type { PolygonalGeometry } from "../domain/grid-geojson.ts";
import { gridRetired, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { checkedBoundary } from "../queries/grid-boundary-check.ts";
import type { CommandContext } from "./context.ts";
import { applyGridChange, type GridChange, lockManagedGrid } from "./grid-rows.ts";

export interface GridEdit {
  /** The version the editor saw; another change since then → 409, nothing overwritten. */
  version: number;
  code?: string;
  name?: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind?: GridKind;
  /** A GeoJSON Polygon or MultiPolygon; checked before anything is written. */
  boundary?: unknown;
}

/** Edits a grid's name, code, kind or boundary; the previous state goes to grid_versions (trigger). */
export async function updateGrid(ctx: CommandContext & { actor: Actor }, id: number, edit: GridEdit) {
  assertAllowed(ctx.actor, "grid.manage");
  // Validity is checked before the transaction: on PostgreSQL a failing check must not abort the write.
  const boundary: PolygonalGeometry | undefined =
    edit.boundary === undefined ? undefined : await checkedBoundary(ctx.db, edit.boundary);
  return ctx.db.transaction(async (tx) => {
    const row = await lockManagedGrid(tx, ctx.actor, id);
    if (row.retiredAt) throw gridRetired();
    if (row.version !== edit.version) throw staleVersion();
    const change: GridChange = {
      code: edit.code,
      name: edit.name,
      nameUg: edit.nameUg,
      nameEn: edit.nameEn,
      kind: edit.kind,
      boundary,
    };
    return applyGridChange(tx, ctx, row, change, "api");
  });
}
