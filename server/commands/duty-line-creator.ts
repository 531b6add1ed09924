import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { dutyCategory } from "../domain/wuding/duty-categories.ts";
import type { Responsibility } from "../domain/wuding/terms.ts";
import { badRequest } from "../errors.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkNewLineTarget, type LineTarget } from "./wuding-targets.ts";

export interface DutyLineContent {
  matterCategory: string | null;
  departmentId: number | null;
  responsibility: Responsibility;
  dutyText: string;
  sortOrder?: number;
}

/** A category from the shared list (or none: a general duty) and a competent department (or none: 属地). */
export async function checkDutyContent(tx: Db, content: DutyLineContent): Promise<void> {
  if (content.matterCategory !== null && !dutyCategory(content.matterCategory)) {
    throw badRequest("unknown_category", "事项类别不存在", "Unknown matter category");
  }
  if (content.departmentId !== null) {
    const [department] = await rows<{ id: number }>(
      tx,
      sql`select id from departments where id = ${content.departmentId} and kind = 'department'`,
    );
    if (!department) throw badRequest("unknown_department", "部门不存在", "Unknown department");
  }
  if (content.dutyText.trim() === "") {
    throw badRequest("duty_text_required", "请填写职责内容", "The duty needs a text");
  }
}

/** 定职责: adds a duty-list line for every grid of a level (district office) or for one grid. */
export async function createDutyLine(ctx: CommandContext, input: LineTarget & DutyLineContent) {
  return ctx.db.transaction(async (tx) => {
    const target = await checkNewLineTarget(tx, ctx.actor, input);
    await checkDutyContent(tx, input);
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`insert into duty_lines (grid_level, grid_id, matter_category, department_id, responsibility, duty_text, sort_order)
          values (${target.gridLevel}, ${target.gridId}, ${input.matterCategory}, ${input.departmentId},
                  ${input.responsibility}, ${input.dutyText.trim()}, ${input.sortOrder ?? 0})
          returning id, version`,
    );
    await recordAudit(tx, ctx, {
      action: "duty_line.create",
      entityType: "duty_line",
      entityId: row.id,
      actorName: ctx.actor ? undefined : "system",
      after: { ...target, ...input, dutyText: input.dutyText.trim() },
    });
    return row;
  });
}
