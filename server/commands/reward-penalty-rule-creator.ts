import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { badRequest } from "../errors.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkNewLineTarget, type LineTarget } from "./wuding-targets.ts";

export interface RewardPenaltyContent {
  kind: "reward" | "penalty";
  ruleText: string;
  /** Added (reward, > 0) or deducted (penalty, < 0); null for a veto item. */
  points: number | null;
  veto: boolean;
  sortOrder?: number;
}

/** A reward adds points, a penalty deducts them, a veto item (一票否决) is a penalty without points. */
export function checkRewardPenalty(content: RewardPenaltyContent): void {
  if (content.ruleText.trim() === "") {
    throw badRequest("rule_text_required", "请填写奖惩内容", "The rule needs a text");
  }
  if (content.veto) {
    if (content.kind !== "penalty" || content.points !== null) {
      throw badRequest(
        "invalid_veto",
        "一票否决项只能是惩罚项，且不设分值",
        "A veto item is a penalty without points",
      );
    }
    return;
  }
  const p = content.points;
  const valid =
    p !== null &&
    Number.isFinite(p) &&
    Math.round(p * 10) === p * 10 &&
    (content.kind === "reward" ? p > 0 : p < 0);
  if (!valid) {
    throw badRequest(
      "invalid_points",
      "分值须为最多一位小数的数：奖励为正数，扣分为负数",
      "Points need at most one decimal: positive for a reward, negative for a penalty",
    );
  }
}

/** 定奖惩: a reward or penalty rule that the evaluation module scores with. */
export async function createRewardPenaltyRule(ctx: CommandContext, input: LineTarget & RewardPenaltyContent) {
  checkRewardPenalty(input);
  return ctx.db.transaction(async (tx) => {
    const target = await checkNewLineTarget(tx, ctx.actor, input);
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`insert into reward_penalty_rules (grid_level, grid_id, kind, rule_text, points, veto, sort_order)
          values (${target.gridLevel}, ${target.gridId}, ${input.kind}, ${input.ruleText.trim()}, ${input.points},
                  ${input.veto}, ${input.sortOrder ?? 0})
          returning id, version`,
    );
    await recordAudit(tx, ctx, {
      action: "reward_penalty_rule.create",
      entityType: "reward_penalty_rule",
      entityId: row.id,
      actorName: ctx.actor ? undefined : "system",
      after: { ...target, ...input, ruleText: input.ruleText.trim() },
    });
    return row;
  });
}
