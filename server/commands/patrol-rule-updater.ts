import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import type { PatrolRuleContent } from "./patrol-rule-creator.ts";
import { checkExistingLine } from "./wuding-targets.ts";

export async function updatePatrolRule(
  ctx: CommandContext & { actor: Actor },
  id: number,
  change: PatrolRuleContent & { version: number },
) {
  return ctx.db.transaction(async (tx) => {
    await checkExistingLine(tx, ctx.actor, "patrol_rules", id);
    const [before] = await rows<Record<string, unknown>>(
      tx,
      sql`select object_type as "objectType", object_flag as "objectFlag", frequency,
                 times_per_period as "timesPerPeriod", description, sort_order as "sortOrder", version
            from patrol_rules where id = ${id}`,
    );
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`update patrol_rules
             set object_type = ${change.objectType}, object_flag = ${change.objectFlag},
                 frequency = ${change.frequency}, times_per_period = ${change.timesPerPeriod},
                 description = ${change.description.trim()}, sort_order = ${change.sortOrder ?? before.sortOrder},
                 version = version + 1, updated_at = now()
           where id = ${id} and version = ${change.version} and retired_at is null
          returning id, version`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "patrol_rule.update",
      entityType: "patrol_rule",
      entityId: id,
      before,
      after: { ...change, description: change.description.trim(), version: row.version },
    });
    return row;
  });
}
