import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkRewardPenalty, type RewardPenaltyContent } from "./reward-penalty-rule-creator.ts";
import { checkExistingLine } from "./wuding-targets.ts";

export async function updateRewardPenaltyRule(
  ctx: CommandContext & { actor: Actor },
  id: number,
  change: RewardPenaltyContent & { version: number },
) {
  checkRewardPenalty(change);
  return ctx.db.transaction(async (tx) => {
    await checkExistingLine(tx, ctx.actor, "reward_penalty_rules", id);
    const [before] = await rows<Record<string, unknown>>(
      tx,
      sql`select kind, rule_text as "ruleText", points::float8 as points, veto, sort_order as "sortOrder", version
            from reward_penalty_rules where id = ${id}`,
    );
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`update reward_penalty_rules
             set kind = ${change.kind}, rule_text = ${change.ruleText.trim()}, points = ${change.points},
                 veto = ${change.veto}, sort_order = ${change.sortOrder ?? before.sortOrder},
                 version = version + 1, updated_at = now()
           where id = ${id} and version = ${change.version} and retired_at is null
          returning id, version`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "reward_penalty_rule.update",
      entityType: "reward_penalty_rule",
      entityId: id,
      before,
      after: { ...change, ruleText: change.ruleText.trim(), version: row.version },
    });
    return row;
  });
}
