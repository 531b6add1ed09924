import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { CaseSource } from "../domain/cases/case-sources.ts";
import { unprocessable } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";

export interface PatrolLink {
  patrolId?: number;
  objectId?: number;
}

/**
 * Checks the patrol and object a report names before the case points at them: a patrol only on a patrol
 * finding and only the caller's own (a member cannot attach a finding to a colleague's walk); an object only
 * a live one within the caller's grids. Refusals are 422 with the reason, never a silent drop of the link.
 */
export async function checkPatrolLink(
  tx: Db,
  actor: Actor,
  source: CaseSource,
  link: PatrolLink,
): Promise<{ patrolId: number | null; objectId: number | null }> {
  if (link.patrolId !== undefined) {
    if (source !== "patrol_finding")
      throw unprocessable(
        "patrol_source_required",
        "只有“网格巡查发现”的案件可以关联巡查记录",
        "Only a patrol finding can name a patrol",
      );
    const [own] = await rows<{ id: number }>(
      tx,
      sql`select p.id from patrols p join grids g on g.id = p.grid_id
           where p.id = ${link.patrolId} and p.member_id = ${actor.userId}
             and ${gridWithinScope(sql`g.path`, actor.scope)}`,
    );
    if (!own)
      throw unprocessable(
        "patrol_not_own",
        "关联的巡查记录不存在或不是您本人的巡查",
        "The patrol does not exist or is not the caller's own",
      );
  }
  if (link.objectId !== undefined) {
    const [object] = await rows<{ id: number }>(
      tx,
      sql`select o.id from supervised_objects o left join grids g on g.id = o.grid_id
           where o.id = ${link.objectId} and o.status <> 'retired'
             and ${gridWithinScope(sql`g.path`, actor.scope)}`,
    );
    if (!object)
      throw unprocessable(
        "object_out_of_scope",
        "关联的监管对象不存在、已注销或不在您的网格范围内",
        "The supervised object does not exist, is retired or is outside the caller's grids",
      );
  }
  return { patrolId: link.patrolId ?? null, objectId: link.objectId ?? null };
}
