import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { notFound, staleVersion } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { objectRetired } from "./object-register.ts";

/**
 * Takes an object off the live register (注销: closed down, demolished, zone revoked). The record and its
 * archive stay; it leaves the default lists and the map. Guarded by the version the caller saw.
 */
export async function retireObject(
  ctx: CommandContext,
  id: number,
  input: { version: number; reason: string },
) {
  if (ctx.actor) assertAllowed(ctx.actor, "object.manage");
  const scope = ctx.actor ? gridWithinScope(sql`g.path`, ctx.actor.scope) : sql`true`;
  return ctx.db.transaction(async (tx) => {
    const [stored] = await rows<{ status: string; version: number }>(
      tx,
      sql`select o.status, o.version from supervised_objects o left join grids g on g.id = o.grid_id
           where o.id = ${id} and ${scope} for update of o`,
    );
    if (!stored) throw notFound();
    if (stored.status === "retired") throw objectRetired();
    if (stored.version !== input.version) throw staleVersion();
    const reason = input.reason.trim();
    const [updated] = await rows<{ version: number; retiredAt: string }>(
      tx,
      sql`update supervised_objects
             set status = 'retired', retired_at = now(), retired_reason = ${reason},
                 version = version + 1, updated_at = now()
           where id = ${id} and version = ${input.version}
           returning version, retired_at as "retiredAt"`,
    );
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "object.retire",
      entityType: "object",
      entityId: id,
      before: { status: stored.status },
      after: { status: "retired", retiredReason: reason },
    });
    return { id, version: updated.version, retiredAt: updated.retiredAt };
  });
}
