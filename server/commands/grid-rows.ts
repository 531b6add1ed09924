import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { isUniqueViolation } from "../db/pg-errors.ts";
import type { GridKind } from "../db/schema/grids.ts";
import type { PolygonalGeometry } from "../domain/grid-geojson.ts";
import { gridCodeTaken, gridManagedAbove, notFound } from "../errors.ts";
import type { Actor, Scope } from "../policies/actor.ts";
import { canManageGridAt } from "../policies/grid-admin-scope.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { boundarySql } from "../queries/grid-boundary-check.ts";
import { isoUtc } from "../queries/sql-time.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

/**
 * The row-level steps the grid commands share (create, edit, move, retire, import): each runs inside the
 * caller's transaction and writes its own audit event there.
 */

export interface GridRow {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  nameUg: string | null;
  nameEn: string | null;
  kind: GridKind;
  path: string;
  version: number;
  retiredAt: string | null;
  areaKm2: number | null;
}

const ROW_COLUMNS = sql`g.id, g.parent_id as "parentId", g.level, g.code, g.name, g.name_ug as "nameUg",
  g.name_en as "nameEn", g.kind, g.path, g.version, ${isoUtc(sql`g.retired_at`)} as "retiredAt",
  round((ST_Area(g.boundary::geography) / 1e6)::numeric, 6)::float8 as "areaKm2"`;

/** A grid the scope reaches, locked for the rest of the transaction; 404 otherwise (no existence leak). */
export async function lockGrid(tx: Db, scope: Scope, id: number): Promise<GridRow> {
  const [row] = await rows<GridRow>(
    tx,
    sql`select ${ROW_COLUMNS} from grids g where g.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}
        for update`,
  );
  if (!row) throw notFound();
  return row;
}

/** A grid the actor administers (policies/grid-admin-scope.ts), locked; 404 out of scope, 403 their own root. */
export async function lockManagedGrid(tx: Db, actor: Actor, id: number): Promise<GridRow> {
  const row = await lockGrid(tx, actor.scope, id);
  if (!canManageGridAt(actor.scope, row.path)) throw gridManagedAbove();
  return row;
}

/**
 * Runs a write that may collide on the unique grid code: two people creating the same code at once both pass
 * assertCodeFree, and the loser's unique violation (23505) becomes the same 409, not a 500.
 */
async function codeChecked<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Only the code's own index: any other clash stays an error to see, not a misleading 409.
    if (isUniqueViolation(error, "grids_code_key")) throw gridCodeTaken(code);
    throw error;
  }
}

export async function assertCodeFree(tx: Db, code: string, exceptId: number | null = null): Promise<void> {
  const [taken] = await rows<{ id: number }>(
    tx,
    sql`select id from grids where code = ${code} and id is distinct from ${exceptId}`,
  );
  if (taken) throw gridCodeTaken(code);
}

/** What the audit log keeps of a grid: its attributes and area; the geometry itself lives in grid_versions. */
export function auditView(row: GridRow) {
  return {
    code: row.code,
    name: row.name,
    nameUg: row.nameUg,
    nameEn: row.nameEn,
    kind: row.kind,
    parentId: row.parentId,
    level: row.level,
    path: row.path,
    version: row.version,
    retiredAt: row.retiredAt,
    areaKm2: row.areaKm2,
  };
}

export interface GridInsert {
  code: string;
  name: string;
  nameUg: string | null;
  nameEn: string | null;
  kind: GridKind;
  boundary: PolygonalGeometry | null;
}

/**
 * Inserts a grid under `parent` (null: a new root): level and materialized path follow from the parent, so the
 * tree can be any depth.
 */
export async function insertGrid(
  tx: Db,
  ctx: CommandContext,
  grid: GridInsert,
  parent: { id: number; path: string; level: number } | null,
  source: "api" | "import" | "seed",
): Promise<GridRow> {
  const boundary = grid.boundary ? boundarySql(grid.boundary) : sql`null`;
  const [created] = await codeChecked(grid.code, () =>
    rows<GridRow>(
      tx,
      sql`with next as (select nextval(pg_get_serial_sequence('grids', 'id'))::int as id),
        g as (
          insert into grids (id, parent_id, level, code, name, name_ug, name_en, kind, path, boundary)
          select next.id, ${parent?.id ?? null}, ${parent ? parent.level + 1 : 1}, ${grid.code}, ${grid.name},
                 ${grid.nameUg}, ${grid.nameEn}, ${grid.kind}, ${parent?.path ?? "/"} || next.id || '/', ${boundary}
            from next
          returning *)
        select ${ROW_COLUMNS} from g`,
    ),
  );
  await recordAudit(tx, ctx, {
    action: "grid.create",
    entityType: "grid",
    entityId: created.id,
    actorName: ctx.actor ? undefined : "system",
    after: { ...auditView(created), source },
  });
  return created;
}

export interface GridChange {
  code?: string;
  name?: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind?: GridKind;
  boundary?: PolygonalGeometry;
}

/** Applies an edit to a locked row, bumping its version (the trigger keeps the old state in grid_versions). */
export async function applyGridChange(
  tx: Db,
  ctx: CommandContext,
  row: GridRow,
  change: GridChange,
  source: "api" | "import",
): Promise<GridRow> {
  const sets: SQL[] = [];
  if (change.code !== undefined && change.code !== row.code) {
    await assertCodeFree(tx, change.code, row.id);
    sets.push(sql`code = ${change.code}`);
  }
  if (change.name !== undefined) sets.push(sql`name = ${change.name}`);
  if (change.nameUg !== undefined) sets.push(sql`name_ug = ${change.nameUg}`);
  if (change.nameEn !== undefined) sets.push(sql`name_en = ${change.nameEn}`);
  if (change.kind !== undefined) sets.push(sql`kind = ${change.kind}`);
  if (change.boundary !== undefined) sets.push(sql`boundary = ${boundarySql(change.boundary)}`);
  const [updated] = await codeChecked(change.code ?? row.code, () =>
    rows<GridRow>(
      tx,
      sql`with g as (
            update grids set ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
             where id = ${row.id} and version = ${row.version}
            returning *)
          select ${ROW_COLUMNS} from g`,
    ),
  );
  await recordAudit(tx, ctx, {
    action: "grid.update",
    entityType: "grid",
    entityId: row.id,
    actorName: ctx.actor ? undefined : "system",
    before: auditView(row),
    after: { ...auditView(updated), boundaryChanged: change.boundary !== undefined, source },
  });
  return updated;
}
