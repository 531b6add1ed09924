import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import type { PatrolFrequency, PatrolObjectFlag, PatrolObjectType } from "../domain/wuding/terms.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkNewLineTarget, type LineTarget } from "./wuding-targets.ts";

export interface PatrolRuleContent {
  objectType: PatrolObjectType | null;
  objectFlag: PatrolObjectFlag | null;
  frequency: PatrolFrequency;
  timesPerPeriod: number;
  description: string;
  sortOrder?: number;
}

/** 定任务: a patrol rule — what the grids of a level (or one grid) patrol, how often. */
export async function createPatrolRule(ctx: CommandContext, input: LineTarget & PatrolRuleContent) {
  return ctx.db.transaction(async (tx) => {
    const target = await checkNewLineTarget(tx, ctx.actor, input);
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`insert into patrol_rules (grid_level, grid_id, object_type, object_flag, frequency, times_per_period,
                                    description, sort_order)
          values (${target.gridLevel}, ${target.gridId}, ${input.objectType}, ${input.objectFlag}, ${input.frequency},
                  ${input.timesPerPeriod}, ${input.description.trim()}, ${input.sortOrder ?? 0})
          returning id, version`,
    );
    await recordAudit(tx, ctx, {
      action: "patrol_rule.create",
      entityType: "patrol_rule",
      entityId: row.id,
      actorName: ctx.actor ? undefined : "system",
      after: { ...target, ...input, description: input.description.trim() },
    });
    return row;
  });
}
