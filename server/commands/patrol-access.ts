import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { conflict, notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
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
 * The caller's own patrol, locked for the write. Someone else's patrol or one outside the caller's grids is
 * "not found" (404): only the member who walks it records it.
 */
export async function lockOwnPatrol(tx: Db, actor: Actor, id: number): Promise<OwnPatrol> {
  const [patrol] = await rows<OwnPatrol>(
    tx,
    sql`select p.id, p.member_id as "memberId", p.grid_id as "gridId", p.started_at as "startedAt",
               p.finished_at as "finishedAt", p.status
          from patrols p join grids g on g.id = p.grid_id
         where p.id = ${id} and p.member_id = ${actor.userId} and ${gridWithinScope(sql`g.path`, actor.scope)}
           for update of p`,
  );
  if (!patrol) throw notFound();
  return patrol;
}

export const patrolFinished = () => conflict("该巡查已结束", "The patrol is finished");
