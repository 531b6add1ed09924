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

/**
 * The rows of the slice `slice` (a CTE holding `assigned_department_id`, `participant_department_ids` and
 * `grid_path` of department cases), once for each department the case is with: the assigned one (receiving,
 * handling or leading) and any joint participants, as `dept`. Each slice is read once, through its partial
 * index, and materialized; two branches rather than one unnest keep the estimates near the real row counts
 * (an unnest is guessed at ten rows a case, which pushes the statement into PostgreSQL's JIT for nothing).
 */
function perDepartment(reach: DepartmentKpiReach, slice: string): SQL {
  const name = sql.raw(slice);
  return sql`
    select c.*, c.assigned_department_id as dept from ${name} c
     where ${pairInReach(reach, sql`c.assigned_department_id`)}
    union all
    select c.*, p.dept from ${name} c cross join unnest(c.participant_department_ids) p(dept)
     where c.participant_department_ids <> '{}' and ${pairInReach(reach, sql`p.dept`)}`;
}

const SLICE_COLUMNS = sql`c.assigned_department_id, c.participant_department_ids, c.grid_path`;

/**
 * The one statement behind GET /api/dashboard/departments. Every part reads a bounded slice through a partial
 * index (migration 0018): the period's hand-over, re-check and extension events, the department cases whose
 * close limit or closure falls in the period, and the open department cases.
 */
export function departmentKpiStatement(reach: DepartmentKpiReach, period: KpiPeriod, now: Date): SQL {
  const from = shanghaiDayStart(period.from);
  const toEnd = shanghaiDayEnd(period.to);
  const today = shanghaiToday(now);
  // 应结案数 counts only close limits that have already come, as the township KPIs do
  const dueToEnd = shanghaiDayEnd(period.to.localeCompare(today) < 0 ? period.to : today);
  const at = sql`e.at >= ${from} and e.at < ${toEnd}`;
  const events = sql`case_events e join cases c on c.id = e.case_id`;
  // a township officer sees every department's row (their work on the township's cases), staff only their own
  const listed =
    reach.everything || reach.grids ? sql`true` : sql`d.id = any(${intArrayParam(reach.ownDepartmentIds)})`;
  return sql`
    with handed as (
      select dept, count(distinct case_id)::int as n
        from (select e.case_id, (e.data ->> 'departmentId')::int as dept, c.grid_path from ${events}
               where e.action = 'transfer' and ${at}
              union all
              select e.case_id, j.dept::int, c.grid_path
                from ${events}
                cross join jsonb_array_elements_text(jsonb_build_array(e.data -> 'leadDepartmentId')
                                                     || coalesce(e.data -> 'participantDepartmentIds', '[]')) j(dept)
               where e.action = 'organize_joint' and ${at}) c
       where ${pairInReach(reach, sql`c.dept`)}
       group by 1),
    work_slice as materialized (
      select e.action, e.to_stage, ${SLICE_COLUMNS} from ${events}
       where e.action in ('record_verification', 'approve_extension') and ${at} and c.assigned_department_id is not null),
    work as (
      select dept,
             count(*) filter (where action = 'record_verification')::int as rechecks,
             count(*) filter (where action = 'record_verification' and to_stage <> 'verified')::int as reworks,
             count(*) filter (where action = 'approve_extension')::int as extensions
        from (${perDepartment(reach, "work_slice")}) w
       group by 1),
    due_slice as materialized (
      select c.closed_at, c.close_due_at, c.extensions_granted, ${SLICE_COLUMNS} from cases c
       where c.assigned_department_id is not null and c.close_due_at >= ${from} and c.close_due_at < ${dueToEnd}),
    due as (
      select dept, count(*)::int as due,
             count(*) filter (where closed_at is not null)::int as closed_of_due,
             count(*) filter (where closed_at <= close_due_at)::int as closed_on_time,
             count(*) filter (where extensions_granted > 0)::int as extended
        from (${perDepartment(reach, "due_slice")}) w
       group by 1),
    closed_slice as materialized (
      select ${SLICE_COLUMNS} from cases c
       where c.assigned_department_id is not null and c.closed_at >= ${from} and c.closed_at < ${toEnd}),
    closed as (select dept, count(*)::int as n from (${perDepartment(reach, "closed_slice")}) w group by 1),
    open_slice as materialized (
      select c.deadline_due_at, ${SLICE_COLUMNS} from cases c
       where c.assigned_department_id is not null and c.deadline_due_at is not null),
    open as (
      select dept, count(*)::int as n,
             count(*) filter (where deadline_due_at < ${now.toISOString()}::timestamptz)::int as overdue
        from (${perDepartment(reach, "open_slice")}) w
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
  // Its estimated cost crosses PostgreSQL's JIT threshold, but compiling it took longer than running it
  // (measured on 300k cases: 0.5–8 s of JIT against 0.6 s of work), as for placePoints.
  const counted = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rows<Counts>(tx, departmentKpiStatement(reach, period, now));
  });
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
