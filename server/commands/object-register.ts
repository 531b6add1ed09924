/**
 * What creating, importing and seeding supervised objects share: checking a batch (rules, geometry,
 * placement, scope, duplicates) before anything is written, and writing a batch with one audit event per
 * object. The callers own the transaction.
 */
import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { isUniqueViolation } from "../db/pg-errors.ts";
import { auditLog } from "../db/schema/index.ts";
import type { AuditAction } from "../domain/audit-actions.ts";
import { isWithin } from "../domain/grid-path.ts";
import {
  checkObjectInput,
  type FieldError,
  type ObjectInput,
  type ObjectRecord,
} from "../domain/supervised-object.ts";
import { AppError, unprocessable } from "../errors.ts";
import type { Actor, Scope } from "../policies/actor.ts";
import { type Placement, placeLocations } from "../queries/object-placement.ts";
import type { CommandContext } from "./context.ts";

/** A record that passed every check, with the grid it will land in. */
export interface CheckedObject {
  row: number;
  record: ObjectRecord;
  gridId: number;
  gridName: string;
}

export interface RowFieldError extends FieldError {
  row: number;
}

/** 422: the object breaks a rule; `details.errors` says which field and why. */
export const invalidObject = (errors: FieldError[]) =>
  unprocessable(
    "invalid_object",
    errors[0]?.message ?? "对象信息不完整或不正确",
    "The object is incomplete or invalid",
    { errors },
  );

export const objectRetired = () =>
  new AppError(
    "object_retired",
    409,
    "该对象已注销，不能修改",
    "The object is retired and cannot be changed",
  );

export function pathWithinScope(path: string, scope: Scope): boolean {
  return scope.allGrids || scope.gridPaths.some((p) => isWithin(path, p));
}

/** Problems of a placement, as field errors on the location. */
export function placementErrors(placement: Placement, actor: Actor | null): FieldError[] {
  if (!placement.valid) {
    return [
      { field: "location", message: `范围多边形无效（如自相交），请检查：${placement.reason ?? ""}`.trim() },
    ];
  }
  if (placement.gridId === null || placement.gridPath === null) {
    return [{ field: "location", message: "该位置不在任何网格范围内，请核对经纬度" }];
  }
  if (actor && !pathWithinScope(placement.gridPath, actor.scope)) {
    return [{ field: "location", message: `该位置位于“${placement.gridName}”，不在您负责的网格范围内` }];
  }
  return [];
}

const siteKey = (r: { uscc: string | null; permitNumber: string | null }) =>
  `${r.uscc}|${r.permitNumber ?? ""}`;
const DUPLICATE_SITE =
  "该企业已登记（统一社会信用代码与排污许可证编号均相同）；同一企业的另一厂址请填写其排污许可证编号";

/**
 * Checks a batch: each input against the domain rules, then all locations in one placement query, then
 * enterprise sites against each other and against the live register. Returns the good records and every
 * problem found (so an import can list them all at once).
 */
export async function checkObjectBatch(
  db: Db,
  actor: Actor | null,
  inputs: readonly { row: number; input: ObjectInput }[],
  options: { excludeId?: number } = {},
): Promise<{ checked: CheckedObject[]; errors: RowFieldError[] }> {
  const errors: RowFieldError[] = [];
  const passed: { row: number; record: ObjectRecord }[] = [];
  for (const { row, input } of inputs) {
    const result = checkObjectInput(input);
    if (result.ok) passed.push({ row, record: result.record });
    else errors.push(...result.errors.map((e) => ({ row, ...e })));
  }

  const placements = await placeLocations(
    db,
    passed.map((p) => p.record.location),
  );
  const placed: CheckedObject[] = [];
  passed.forEach((p, i) => {
    const problems = placementErrors(placements[i], actor);
    if (problems.length > 0) errors.push(...problems.map((e) => ({ row: p.row, ...e })));
    else
      placed.push({
        ...p,
        gridId: placements[i].gridId as number,
        gridName: placements[i].gridName as string,
      });
  });

  const enterprises = placed.filter((p) => p.record.uscc !== null);
  const firstRowOfSite = new Map<string, number>();
  for (const p of enterprises) {
    const key = siteKey(p.record);
    const first = firstRowOfSite.get(key);
    if (first === undefined) firstRowOfSite.set(key, p.row);
    else
      errors.push({
        row: p.row,
        field: "uscc",
        message: `与第${first}行是同一企业厂址（统一社会信用代码与排污许可证编号均相同）`,
      });
  }
  if (enterprises.length > 0) {
    const keys = enterprises.map((p) => ({ uscc: p.record.uscc, permit: p.record.permitNumber ?? "" }));
    const taken = await rows<{ uscc: string; permit: string }>(
      db,
      sql`select o.uscc, coalesce(o.permit_number, '') as permit
            from supervised_objects o
            join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(uscc text, permit text)
              on k.uscc = o.uscc and k.permit = coalesce(o.permit_number, '')
           where o.status <> 'retired' and o.id <> ${options.excludeId ?? 0}`,
    );
    const takenKeys = new Set(taken.map((t) => `${t.uscc}|${t.permit}`));
    for (const p of enterprises) {
      if (takenKeys.has(siteKey(p.record)))
        errors.push({ row: p.row, field: "uscc", message: DUPLICATE_SITE });
    }
  }
  const badRows = new Set(errors.map((e) => e.row));
  return { checked: placed.filter((p) => !badRows.has(p.row)), errors };
}

/** The record as the audit log and the archive history show it: every field, the grid it landed in. */
export function auditView(record: ObjectRecord, gridId: number | null) {
  return { ...record, gridId };
}

/** Maps a unique-index violation (two writers registering the same site at once) to the same 422. */
export function isDuplicateSite(error: unknown): boolean {
  return (
    isUniqueViolation(error) || /supervised_objects_site/.test(String((error as Error | null)?.message ?? ""))
  );
}

export const duplicateSite = () => invalidObject([{ field: "uscc", message: DUPLICATE_SITE }]);

/**
 * Inserts checked records in one statement (ids allocated first, so each record keeps its own id and the
 * audit events can be written in one more statement). Must run inside the caller's transaction.
 */
export async function insertObjects(
  tx: Db,
  ctx: CommandContext,
  items: readonly CheckedObject[],
  audit: { action: Extract<AuditAction, `object.${string}`>; extra?: Record<string, unknown> },
): Promise<{ id: number; gridId: number | null }[]> {
  if (items.length === 0) return [];
  const ids = await rows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('supervised_objects', 'id'))::int as id
          from generate_series(1, ${items.length})`,
  );
  const payload = items.map((item, i) => ({ id: ids[i].id, ...item.record }));
  const inserted = await rows<{ id: number; gridId: number | null }>(
    tx,
    sql`insert into supervised_objects (id, type, name, address, contact_name, contact_phone, category, status,
               location, uscc, permit_number, pollutants, key_unit, emissions, water_zone_level, risk_level,
               eia_status, remediation_status)
        select r.id, r.type, r.name, r."address", r."contactName", r."contactPhone", r.category, r.status,
               ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(r.location::text), 4326)), r.uscc, r."permitNumber",
               array(select jsonb_array_elements_text(r.pollutants)), r."keyUnit", r.emissions,
               r."waterZoneLevel", r."riskLevel", r."eiaStatus", r."remediationStatus"
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(id int, type text, name text,
               "address" text, "contactName" text, "contactPhone" text, category text, status text,
               location jsonb, uscc text, "permitNumber" text, pollutants jsonb, "keyUnit" boolean,
               emissions jsonb, "waterZoneLevel" smallint, "riskLevel" text, "eiaStatus" text,
               "remediationStatus" text)
        returning id, grid_id as "gridId"`,
  );
  const gridOf = new Map(inserted.map((r) => [r.id, r.gridId]));
  await tx.insert(auditLog).values(
    payload.map(({ id, ...record }) => ({
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? "system",
      action: audit.action,
      entityType: "object",
      entityId: String(id),
      ip: ctx.ip,
      before: null,
      after: { ...auditView(record, gridOf.get(id) ?? null), ...audit.extra },
    })),
  );
  return payload.map(({ id }) => ({ id, gridId: gridOf.get(id) ?? null }));
}
