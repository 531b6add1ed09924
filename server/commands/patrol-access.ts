import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { conflict, notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { allow } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";

export interface OwnPatrol {
  id: number;
  memberId: number;
  gridId: number;
  startedAt: string;
  finishedAt: string | null;
  status: "active" | "finished";
}

/**
 * The caller's own patrol, locked for the write. Someone else's patrol is "not found" (404): only the member
 * who walks it records it. `inScope` also requires its grid to be among the caller's grids now — for what
 * needs the post (a check-in); finishing and the track do not: a member taken off the grid (term ended, grid
 * retired) still closes the patrol they walked while on it, and the phone's offline batches still arrive.
 */
export async function lockOwnPatrol(
  tx: Db,
  actor: Actor,
  id: number,
  options: { inScope: boolean },
): Promise<OwnPatrol> {
  const [patrol] = await rows<OwnPatrol>(
    tx,
    sql`select p.id, p.member_id as "memberId", p.grid_id as "gridId", p.started_at as "startedAt",
               p.finished_at as "finishedAt", p.status
          from patrols p join grids g on g.id = p.grid_id
         where p.id = ${id} and p.member_id = ${actor.userId}
           and ${options.inScope ? gridWithinScope(sql`g.path`, actor.scope) : sql`true`}
           for update of p`,
  );
  if (!patrol) throw notFound();
  return patrol;
}

/**
 * May the caller finish this patrol or upload its track: anyone who patrols (their own patrols only, checked
 * by the command), or the member who started it though they no longer patrol (see lockOwnPatrol). Anyone
 * else is refused before the body is read, as the route's permission would.
 */
export async function mayRecordPatrol(db: Db, actor: Actor, id: number): Promise<boolean> {
  if (allow(actor, "patrol.perform")) return true;
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return false; // the raw path parameter
  const [own] = await rows<{ id: number }>(
    db,
    sql`select id from patrols where id = ${id} and member_id = ${actor.userId}`,
  );
  return own !== undefined;
}

export const patrolFinished = () => conflict("该巡查已结束", "The patrol is finished");
