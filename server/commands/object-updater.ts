import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { changedFields, type ObjectInput, type ObjectRecord } from "../domain/supervised-object.ts";
import { notFound, staleVersion } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import {
  auditView,
  checkObjectBatch,
  duplicateSite,
  invalidObject,
  isDuplicateSite,
  objectRetired,
} from "./object-register.ts";

interface StoredObject extends ObjectRecord {
  version: number;
  gridId: number | null;
}

/** Reads the stored record in the form `checkObjectInput` produces, for the before/after of the audit event. */
async function loadRecord(
  ctx: CommandContext,
  tx: CommandContext["db"],
  id: number,
): Promise<StoredObject | null> {
  const scope = ctx.actor ? gridWithinScope(sql`g.path`, ctx.actor.scope) : sql`true`;
  const [row] = await rows<StoredObject & { status: string }>(
    tx,
    sql`select o.type, o.name, o.address, o.contact_name as "contactName", o.contact_phone as "contactPhone",
               o.category, o.status, ST_AsGeoJSON(o.location, 6)::json as location, o.uscc,
               o.permit_number as "permitNumber", o.pollutants, o.key_unit as "keyUnit", o.emissions,
               o.water_zone_level as "waterZoneLevel", o.risk_level as "riskLevel", o.eia_status as "eiaStatus",
               o.remediation_status as "remediationStatus", o.version, o.grid_id as "gridId"
          from supervised_objects o left join grids g on g.id = o.grid_id
         where o.id = ${id} and ${scope}
         for update of o`,
  );
  return row ?? null;
}

/**
 * Changes an object the caller can see, guarded by the version they saw (stale → 409). The type is fixed
 * at registration; a new location is placed again by the database and must stay within the caller's scope.
 */
export async function updateObject(
  ctx: CommandContext,
  id: number,
  input: Omit<ObjectInput, "type"> & { version: number },
) {
  if (ctx.actor) assertAllowed(ctx.actor, "object.manage");
  try {
    return await ctx.db.transaction(async (tx) => {
      const stored = await loadRecord(ctx, tx, id);
      if (!stored) throw notFound();
      if ((stored.status as string) === "retired") throw objectRetired();
      if (stored.version !== input.version) throw staleVersion();
      const { version: _v, ...fields } = input;
      const { checked, errors } = await checkObjectBatch(
        tx,
        ctx.actor,
        [{ row: 1, input: { ...fields, type: stored.type } }],
        { excludeId: id },
      );
      if (errors.length > 0) throw invalidObject(errors.map(({ row: _row, ...e }) => e));
      const r = checked[0].record;
      const [updated] = await rows<{ version: number; gridId: number | null }>(
        tx,
        sql`update supervised_objects set
              name = ${r.name}, address = ${r.address}, contact_name = ${r.contactName},
              contact_phone = ${r.contactPhone}, category = ${r.category}, status = ${r.status},
              location = ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(r.location)}), 4326)),
              uscc = ${r.uscc}, permit_number = ${r.permitNumber},
              pollutants = array(select jsonb_array_elements_text(${JSON.stringify(r.pollutants)}::jsonb)),
              key_unit = ${r.keyUnit}, emissions = ${JSON.stringify(r.emissions)}::jsonb,
              water_zone_level = ${r.waterZoneLevel}, risk_level = ${r.riskLevel}, eia_status = ${r.eiaStatus},
              remediation_status = ${r.remediationStatus},
              version = version + 1, updated_at = now()
            where id = ${id} and version = ${input.version}
            returning version, grid_id as "gridId"`,
      );
      if (!updated) throw staleVersion();
      const { version: _sv, gridId: storedGrid, ...storedRecord } = stored;
      const before = auditView(storedRecord, storedGrid) as Record<string, unknown>;
      const after = auditView(r, updated.gridId) as Record<string, unknown>;
      const changed = changedFields(before, after);
      await recordAudit(tx, ctx, {
        action: "object.update",
        entityType: "object",
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      return { id, version: updated.version, gridId: updated.gridId, changed };
    });
  } catch (error) {
    if (isDuplicateSite(error)) throw duplicateSite();
    throw error;
  }
}
