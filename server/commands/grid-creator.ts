import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import type { GeoJsonMultiPolygon } from "../db/schema/geometry.ts";
import type { GridKind } from "../db/schema/grids.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export interface NewGrid {
  parentId: number | null;
  code: string;
  name: string;
  nameUg?: string | null;
  kind: GridKind;
  boundary: GeoJsonMultiPolygon | null;
}

/**
 * Inserts a grid under its parent: level and materialized path follow from the parent, so the tree can be
 * any depth. The caller's transaction (or a new one) carries the audit event.
 */
export async function createGrid(ctx: CommandContext, grid: NewGrid) {
  return ctx.db.transaction(async (tx) => {
    const [parent] =
      grid.parentId === null
        ? [null]
        : await rows<{ path: string; level: number }>(
            tx,
            sql`select path, level from grids where id = ${grid.parentId}`,
          );
    if (parent === undefined) throw new Error(`parent grid ${grid.parentId} does not exist`);
    const boundary = grid.boundary
      ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(grid.boundary)}), 4326))`
      : sql`null`;
    const [created] = await rows<{ id: number; path: string; level: number }>(
      tx,
      sql`with next as (select nextval(pg_get_serial_sequence('grids', 'id'))::int as id)
          insert into grids (id, parent_id, level, code, name, name_ug, kind, path, boundary)
          select next.id, ${grid.parentId}, ${parent ? parent.level + 1 : 1}, ${grid.code}, ${grid.name},
                 ${grid.nameUg ?? null}, ${grid.kind}, ${parent?.path ?? "/"} || next.id || '/', ${boundary}
            from next
          returning id, path, level`,
    );
    await recordAudit(tx, ctx, {
      action: "grid.create",
      entityType: "grid",
      entityId: created.id,
      actorName: ctx.actor ? undefined : "system",
      after: {
        ...grid,
        boundary: grid.boundary ? "(geometry)" : null,
        level: created.level,
        path: created.path,
      },
    });
    return created;
  });
}
