import { type SQL, sql } from "drizzle-orm";
import type { DepartmentKpiReport, DepartmentKpis } from "../../api-types/dashboard.ts";
import { type Db, rows } from "../db/client.ts";
import { type KpiPeriod, shanghaiToday } from "../domain/kpi/period.ts";
import { rate } from "../domain/kpi/rate.ts";
import type { Scope } from "../policies/actor.ts";
import type { DepartmentKpiReach } from "../policies/department-kpi-reach.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { intArrayParam } from "./case-row.ts";
import { townshipWithinScope } from "./kpi-townships.ts";
import { shanghaiDayStart } from "./sql-time.ts";

/** The day-keyed measures of `department_kpi_daily` and `department_kpi_deltas` (migration 0020). */
const MEASURES = [
  "handed",
  "rechecks",
  "reworks",
  "extensions",
  "due",
  "due_closed",
  "due_closed_on_time",
  "due_extended",
  "closed",
] as const;
/** Counted by close-limit day: only limits that have already come, as the township KPIs do. */
const DUE_MEASURES = new Set<string>(["due", "due_closed", "due_closed_on_time", "due_extended"]);

/**
 * Whether a row counts for the caller (policies/department-kpi-reach.ts): its department is the caller's own,
 * or its township (`byGrid`, for rollup rows) or grid (for a case) is in the caller's grids. A part the
 * caller does not have is left out rather than written as an empty array, so the planner can push the grid
 * test down into the scan.
 */
function inReach(reach: DepartmentKpiReach, department: SQL, byGrid: (grids: Scope) => SQL): SQL {
  if (reach.everything) return sql`true`;
  const parts: SQL[] = [];
  if (reach.ownDepartmentIds.length > 0)
    parts.push(sql`${department} = any(${intArrayParam(reach.ownDepartmentIds)})`);
  if (reach.grids) parts.push(byGrid(reach.grids));
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * The one statement behind GET /api/dashboard/departments: the period's rows of the daily rollup plus the
 * deltas not folded yet, the open-case snapshot by deadline day (overdue: the days before today), and the
 * cases whose deadline fell earlier today counted live. A caller without a township scope reads the
 * all-townships rows (-1): departments × days, whatever the number of townships.
 */
export function departmentKpiStatement(reach: DepartmentKpiReach, period: KpiPeriod, now: Date): SQL {
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  const today = shanghaiToday(now);
  const dueTo = sql`${period.to.localeCompare(today) < 0 ? period.to : today}::date`;
  const rollupRowInReach = inReach(reach, sql`department_id`, (grids) =>
    townshipWithinScope(grids, "township_id"),
  );
  const townships = reach.grids ? sql`township_id >= 0` : sql`township_id = -1`;
  const columns = sql.raw(MEASURES.join(", "));
  const deltaSums = sql.raw(MEASURES.map((m) => `sum(n) filter (where measure = '${m}') as ${m}`).join(", "));
  const periodSums = sql.join(
    MEASURES.map((m) =>
      DUE_MEASURES.has(m)
        ? sql`coalesce(sum(${sql.raw(m)}) filter (where day <= ${dueTo}), 0)::int as ${sql.raw(m)}`
        : sql`coalesce(sum(${sql.raw(m)}), 0)::int as ${sql.raw(m)}`,
    ),
    sql`, `,
  );
  // overdue: every open case whose deadline day is before today; of today's deadlines, those already past
  const beforeToday = sql`day < ${today}::date`;
  const dueToday = sql`c.deadline_due_at >= ${shanghaiDayStart(today)} and c.deadline_due_at < ${now.toISOString()}::timestamptz
    and c.assigned_department_id is not null`;
  const listed =
    reach.everything || reach.grids ? sql`true` : sql`d.id = any(${intArrayParam(reach.ownDepartmentIds)})`;
  return sql`
    with flows as (
      select department_id as dept, ${periodSums}
        from (select department_id, day, ${columns} from department_kpi_daily
               where ${townships} and day between ${from} and ${to} and ${rollupRowInReach}
              union all
              select department_id, day, ${deltaSums} from department_kpi_deltas
               where day between ${from} and ${to} and ${rollupRowInReach}
               group by department_id, day) f
       group by 1),
    open as (
      select department_id as dept, sum(n)::int as n, coalesce(sum(n) filter (where ${beforeToday}), 0)::int as overdue
        from (select department_id, day, n from department_kpi_open_by_day where ${townships} and ${rollupRowInReach}
              union all
              select department_id, day, n from department_kpi_deltas where measure = 'open' and ${rollupRowInReach}) o
       group by 1),
    -- two branches, not one unnest of assigned || participants: the unnest's estimate of ten rows a case got a
    -- parallel plan that took 37 ms inside the data-scale run at 1M cases against 8 ms for this one
    overdue_today as (
      select dept, count(*)::int as n
        from (select c.assigned_department_id as dept, c.grid_path from cases c where ${dueToday}
              union all
              select p.dept, c.grid_path from cases c cross join unnest(c.participant_department_ids) p(dept)
               where ${dueToday} and c.participant_department_ids <> '{}') c
       where ${inReach(reach, sql`c.dept`, (grids) => gridWithinScope(sql`c.grid_path`, grids))}
       group by 1)
    select d.id, d.name, coalesce(f.handed, 0) as handed, coalesce(f.closed, 0) as closed,
           coalesce(f.due, 0) as "dueToClose", coalesce(f.due_closed, 0) as "closedOfDue",
           coalesce(f.due_closed_on_time, 0) as "closedOnTime", coalesce(f.due_extended, 0) as "extendedOfDue",
           coalesce(o.n, 0) as open, coalesce(o.overdue, 0) + coalesce(od.n, 0) as overdue,
           coalesce(f.rechecks, 0) as rechecks, coalesce(f.reworks, 0) as reworks,
           coalesce(f.extensions, 0) as extensions
      from departments d
      left join flows f on f.dept = d.id left join open o on o.dept = d.id left join overdue_today od on od.dept = d.id
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
