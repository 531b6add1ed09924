import { type SQL, sql } from "drizzle-orm";
import type { DepartmentKpiReport, DepartmentKpis } from "../../api-types/dashboard.ts";
import { type Db, rows } from "../db/client.ts";
import { type KpiPeriod, shanghaiToday } from "../domain/kpi/period.ts";
import { rate } from "../domain/kpi/rate.ts";
import type { DepartmentKpiReach } from "../policies/department-kpi-reach.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { intArrayParam } from "./case-row.ts";
import { shanghaiDayEnd, shanghaiDayStart } from "./sql-time.ts";

/** Whether a (case `c`, department) pair counts for the caller (policies/department-kpi-reach.ts). */
function pairInReach(reach: DepartmentKpiReach, department: SQL): SQL {
  if (reach.everything) return sql`true`;
  const own = sql`${department} = any(${intArrayParam(reach.ownDepartmentIds)})`;
  return reach.grids ? sql`(${own} or ${gridWithinScope(sql`c.grid_path`, reach.grids)})` : own;
}

/** The departments a case is with: the assigned one (receiving, handling or leading) and joint participants. */
const caseDepartments = sql`unnest(array[c.assigned_department_id] || c.participant_department_ids)`;

/**
 * The one statement behind GET /api/dashboard/departments. Every part reads a bounded slice through a partial
 * index (migration 0017): the period's hand-over, re-check and extension events, the department cases whose
 * close limit or closure falls in the period, and the open department cases.
 */
export function departmentKpiStatement(reach: DepartmentKpiReach, period: KpiPeriod, now: Date): SQL {
  const from = shanghaiDayStart(period.from);
  const toEnd = shanghaiDayEnd(period.to);
  const today = shanghaiToday(now);
  // 应结案数 counts only close limits that have already come, as the township KPIs do
  const dueToEnd = shanghaiDayEnd(period.to.localeCompare(today) < 0 ? period.to : today);
  const at = sql`e.at >= ${from} and e.at < ${toEnd}`;
  const withDepartment = sql`c.assigned_department_id is not null`;
  // a township officer sees every department's row (their work on the township's cases), staff only their own
  const listed =
    reach.everything || reach.grids ? sql`true` : sql`d.id = any(${intArrayParam(reach.ownDepartmentIds)})`;
  return sql`
    with handed as (
      select h.dept, count(*)::int as n
        from case_events e join cases c on c.id = e.case_id
        cross join lateral (
          select (e.data ->> 'departmentId')::int where e.action = 'transfer'
          union all select (e.data ->> 'leadDepartmentId')::int where e.action = 'organize_joint'
          union all select jsonb_array_elements_text(e.data -> 'participantDepartmentIds')::int
                     where e.action = 'organize_joint') h(dept)
       where e.action in ('transfer', 'organize_joint') and ${at} and ${pairInReach(reach, sql`h.dept`)}
       group by 1),
    work as (
      select w.dept,
             count(*) filter (where e.action = 'record_verification')::int as rechecks,
             count(*) filter (where e.action = 'record_verification' and e.to_stage <> 'verified')::int as reworks,
             count(*) filter (where e.action = 'approve_extension')::int as extensions
        from case_events e join cases c on c.id = e.case_id cross join lateral ${caseDepartments} w(dept)
       where e.action in ('record_verification', 'approve_extension') and ${at} and ${withDepartment}
         and ${pairInReach(reach, sql`w.dept`)}
       group by 1),
    due as (
      select w.dept, count(*)::int as due,
             count(*) filter (where c.closed_at is not null)::int as closed_of_due,
             count(*) filter (where c.closed_at <= c.close_due_at)::int as closed_on_time,
             count(*) filter (where c.extensions_granted > 0)::int as extended
        from cases c cross join lateral ${caseDepartments} w(dept)
       where ${withDepartment} and c.close_due_at >= ${from} and c.close_due_at < ${dueToEnd}
         and ${pairInReach(reach, sql`w.dept`)}
       group by 1),
    closed as (
      select w.dept, count(*)::int as n
        from cases c cross join lateral ${caseDepartments} w(dept)
       where ${withDepartment} and c.closed_at >= ${from} and c.closed_at < ${toEnd}
         and ${pairInReach(reach, sql`w.dept`)}
       group by 1),
    open as (
      select w.dept, count(*)::int as n,
             count(*) filter (where c.deadline_due_at < ${now.toISOString()}::timestamptz)::int as overdue
        from cases c cross join lateral ${caseDepartments} w(dept)
       where ${withDepartment} and c.deadline_due_at is not null and ${pairInReach(reach, sql`w.dept`)}
       group by 1)
    select d.id, d.name, coalesce(h.n, 0) as handed, coalesce(cl.n, 0) as closed,
           coalesce(du.due, 0) as "dueToClose", coalesce(du.closed_of_due, 0) as "closedOfDue",
           coalesce(du.closed_on_time, 0) as "closedOnTime", coalesce(du.extended, 0) as "extendedOfDue",
           coalesce(o.n, 0) as open, coalesce(o.overdue, 0) as overdue,
           coalesce(w.rechecks, 0) as rechecks, coalesce(w.reworks, 0) as reworks,
           coalesce(w.extensions, 0) as extensions
      from departments d
      left join handed h on h.dept = d.id left join work w on w.dept = d.id left join due du on du.dept = d.id
      left join closed cl on cl.dept = d.id left join open o on o.dept = d.id
     where d.kind = 'department' and ${listed}
     order by d.sort_order, d.id`;
}

type Counts = Omit<
  DepartmentKpis,
  "closureRate" | "onTimeClosureRate" | "overdueRate" | "reworkRate" | "extensionRate"
>;

/** Per-department KPIs (DOMAIN.md §5) over the period, as far as the caller's scope reaches. */
export async function departmentKpis(
  db: Db,
  reach: DepartmentKpiReach,
  period: KpiPeriod,
  now: Date,
): Promise<DepartmentKpiReport> {
  const counted = await rows<Counts>(db, departmentKpiStatement(reach, period, now));
  return {
    period,
    generatedAt: now.toISOString(),
    departments: counted.map((c) => ({
      ...c,
      closureRate: rate(c.closedOfDue, c.dueToClose),
      onTimeClosureRate: rate(c.closedOnTime, c.dueToClose),
      overdueRate: rate(c.overdue, c.open),
      reworkRate: rate(c.reworks, c.rechecks),
      extensionRate: rate(c.extendedOfDue, c.dueToClose),
    })),
  };
}
