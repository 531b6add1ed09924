import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { unprocessable } from "../errors.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { lockOwnPatrol } from "./patrol-access.ts";
import { checkClientTime } from "./patrol-starter.ts";
import { refreshPatrolDistance } from "./patrol-track-ingester.ts";

export interface FinishedPatrol {
  id: number;
  status: "finished";
  finishedAt: string;
  distanceM: number;
  pointCount: number;
}

/** Ends a patrol (结束巡查). Finishing it again returns the first answer (a replayed offline record). */
export async function finishPatrol(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  id: number,
  input: { finishedAt?: string },
): Promise<FinishedPatrol> {
  // No patrol.perform here: the patrol's own member may finish it after losing the post (lockOwnPatrol).
  const finishedAt = input.finishedAt ? new Date(input.finishedAt) : new Date();
  checkClientTime(finishedAt);
  return ctx.db.transaction(async (tx) => {
    const patrol = await lockOwnPatrol(tx, ctx.actor, id, { inScope: false });
    if (patrol.status === "finished") {
      const [done] = await rows<FinishedPatrol>(
        tx,
        sql`select id, status, finished_at as "finishedAt", distance_m as "distanceM", point_count as "pointCount"
              from patrols where id = ${id}`,
      );
      return { ...done, finishedAt: new Date(done.finishedAt).toISOString() };
    }
    if (finishedAt < new Date(patrol.startedAt))
      throw unprocessable("finish_before_start", "结束时间早于开始时间", "Finish is before the start");
    const totals = await refreshPatrolDistance(tx, id);
    await tx.execute(
      sql`update patrols set status = 'finished', finished_at = ${finishedAt.toISOString()}, version = version + 1
           where id = ${id}`,
    );
    const result: FinishedPatrol = {
      id,
      status: "finished",
      finishedAt: finishedAt.toISOString(),
      distanceM: totals.distanceM,
      pointCount: totals.pointCount,
    };
    await recordAudit(tx, ctx, {
      action: "patrol.finish",
      entityType: "patrol",
      entityId: id,
      before: { status: patrol.status },
      after: result,
    });
    return result;
  });
}
