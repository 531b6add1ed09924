import { and, eq } from "drizzle-orm";
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
    await recordAudit(tx, ctx, {
      action: "settings.update",
      entityType: "settings",
      entityId: 1,
      before,
      after: row,
    });
    return row;
  });
  forgetCachedSettings();
  return updated;
}
