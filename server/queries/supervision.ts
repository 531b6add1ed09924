import { sql } from "drizzle-orm";
import type { SupervisionBoard as SharedSupervisionBoard, UnitCounts } from "../../api-types/cases.ts";
import { type Db, rows } from "../db/client.ts";
import type { CaseAction } from "../domain/cases/case-actions.ts";
import type { CaseStage } from "../domain/cases/case-state.ts";
import type { Actor } from "../policies/actor.ts";
import { caseVisibleTo } from "../policies/case-access.ts";
import { listCases } from "./cases.ts";

/** "Due soon" on the board: the current deadline falls within the next two days. */
export const DUE_SOON_HOURS = 48;

export type SupervisionBoard = SharedSupervisionBoard<CaseStage, CaseAction>;

/**
 * The district office's supervision board (督查督办): open, overdue and due-soon cases in total, per level-2
 * unit (where the case sits) and per department (who holds it now), and the most pressing cases themselves.
 */
export async function supervisionBoard(db: Db, actor: Actor, now: Date): Promise<SupervisionBoard> {
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
  const nowP = sql`${now.toISOString()}::timestamptz`;
  const soonP = sql`${soon.toISOString()}::timestamptz`;
  const counts = sql`count(*)::int as open,
    count(*) filter (where c.deadline_due_at < ${nowP})::int as overdue,
    count(*) filter (where c.deadline_due_at >= ${nowP} and c.deadline_due_at < ${soonP})::int as "dueSoon",
    count(*) filter (where c.escalation_level > 0 and c.deadline_due_at < ${nowP})::int as escalated`;
  const scope = sql`c.deadline_due_at is not null and ${caseVisibleTo(actor)}`;
  const [totals] = await rows<SupervisionBoard["totals"]>(
    db,
    sql`select ${counts}, count(*) filter (where c.priority = 'urgent')::int as urgent,
               count(*) filter (where c.pending_extension is not null)::int as "pendingExtensions"
          from cases c where ${scope}`,
  );
  const byTownship = await rows<UnitCounts>(
    db,
    sql`select t.id, t.name, ${counts}
          from cases c join grids t on t.id = nullif(split_part(c.grid_path, '/', 3), '')::int
         where ${scope} group by t.id, t.name order by overdue desc, open desc, t.id`,
  );
  const byDepartment = await rows<UnitCounts>(
    db,
    sql`select d.id, d.name, ${counts}
          from cases c join departments d on d.id = c.assigned_department_id
         where ${scope} and c.handler_kind is distinct from 'grid'
         group by d.id, d.name order by overdue desc, open desc, d.id`,
  );
  const overdue = await listCases(db, actor, { page: 1, pageSize: 50, overdue: true }, now);
  const dueSoon = await listCases(db, actor, { page: 1, pageSize: 50, dueBefore: soon }, now);
  return {
    generatedAt: now.toISOString(),
    dueSoonHours: DUE_SOON_HOURS,
    totals,
    byTownship,
    byDepartment,
    overdueCases: overdue.items,
    dueSoonCases: dueSoon.items,
  };
}
