import { and, eq, sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { systemSettings } from "../db/schema/index.ts";
import { staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { forgetCachedSettings, getSettings } from "../queries/settings.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export interface SettingsChange {
  tileUrl: string;
  tileAttribution: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  version: number;
}

/** System configuration (system administrator only), guarded by the version the editor saw. */
export async function updateSettings(ctx: CommandContext & { actor: Actor }, change: SettingsChange) {
  assertAllowed(ctx.actor, "settings.manage");
  const { version, ...values } = change;
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await getSettings(tx, true);
    const [row] = await tx
      .update(systemSettings)
      .set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(and(eq(systemSettings.id, 1), eq(systemSettings.version, version)))
      .returning();
    if (!row) throw staleVersion();
    // The absolute limit binds sessions already open too: each ends at the earlier of its own expiry and its
    // start plus the limit now set (the auth hook compares absolute_expires_at only). A longer limit extends none.
    const [{ sessionsShortened }] = await rows<{ sessionsShortened: number }>(
      tx,
      sql`with cut as (
            update sessions set absolute_expires_at = created_at + make_interval(hours => ${row.sessionAbsoluteHours}::int)
             where revoked_at is null
               and absolute_expires_at > created_at + make_interval(hours => ${row.sessionAbsoluteHours}::int)
            returning 1)
          select count(*)::int as "sessionsShortened" from cut`,
    );
    await recordAudit(tx, ctx, {
      action: "settings.update",
      entityType: "settings",
      entityId: 1,
      before,
      after: { ...row, sessionsShortened },
    });
    return row;
  });
  forgetCachedSettings();
  return updated;
}
