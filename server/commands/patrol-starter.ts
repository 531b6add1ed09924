import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { notFound, unprocessable } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export interface StartedPatrol {
  id: number;
  gridId: number;
  startedAt: string;
  status: string;
}

/** Accepted clock skew of a phone, and how late an offline record may arrive. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const OFFLINE_MAX_AGE_MS = 14 * 24 * 3_600_000;

export function checkClientTime(at: Date, now = Date.now()) {
  if (at.getTime() > now + FUTURE_TOLERANCE_MS)
    throw unprocessable("time_in_future", "时间晚于当前时间，请校准手机时间", "Time is in the future");
  if (at.getTime() < now - OFFLINE_MAX_AGE_MS)
    throw unprocessable("time_too_old", "记录时间超过 14 天，无法补传", "Record older than 14 days");
}

/**
 * Starts a patrol (开始巡查) in one of the caller's grids — the one given, or the first grid they serve in.
 * The phone may start it offline: startedAt is the phone's time, and the route's Idempotency-Key makes the replay
 * return the same patrol.
 */
export async function startPatrol(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  input: { gridId?: number; startedAt?: string; note?: string },
): Promise<StartedPatrol> {
  assertAllowed(ctx.actor, "patrol.perform");
  const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
  checkClientTime(startedAt);
  const own = ctx.actor.roles
    .filter((r) => (r.role === "grid_member" || r.role === "grid_head") && r.gridId !== null)
    .map((r) => r.gridId as number);
  const gridId = input.gridId ?? own[0];
  if (gridId === undefined) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [grid] = await rows<{ id: number }>(
      tx,
      sql`select g.id from grids g where g.id = ${gridId} and g.retired_at is null
             and ${gridWithinScope(sql`g.path`, ctx.actor.scope)}`,
    );
    if (!grid) throw notFound();
    const [row] = await rows<{ id: number; startedAt: string }>(
      tx,
      // A new patrol's track is known to be empty (length 0, no last point): its first batch takes the
      // plain-insert path of track ingest instead of measuring the whole patrol again.
      sql`insert into patrols (member_id, grid_id, started_at, note, track_length_m)
          values (${ctx.actor.userId}, ${gridId}, ${startedAt.toISOString()}, ${input.note ?? null}, 0)
          returning id, started_at as "startedAt"`,
    );
    const result: StartedPatrol = {
      id: row.id,
      gridId,
      startedAt: new Date(row.startedAt).toISOString(),
      status: "active",
    };
    await recordAudit(tx, ctx, {
      action: "patrol.start",
      entityType: "patrol",
      entityId: row.id,
      after: result,
    });
    return result;
  });
}
