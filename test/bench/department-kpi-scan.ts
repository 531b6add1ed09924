import { type SQL, sql } from "drizzle-orm";
import { type KpiPeriod, shanghaiToday } from "../../server/domain/kpi/period.ts";
import { shanghaiDayEnd, shanghaiDayStart } from "../../server/queries/sql-time.ts";

/** Each department a case (alias `c`, of the slice `slice`) is with: the assigned one and joint participants. */
function perDepartment(slice: string): SQL {
  const name = sql.raw(slice);
  return sql`select c.*, c.assigned_department_id as dept from ${name} c
             union all
             select c.*, p.dept from ${name} c cross join unnest(c.participant_department_ids) p(dept)`;
}

/**
 * The department KPIs of every department counted straight from `case_events` and `cases`, without the rollups
 * of migration 0020: what GET /api/dashboard/departments would cost without them (the benchmark's reference),
 * and an independent count for the tests to hold the rollups to. Columns as departmentKpiStatement's. A re-check
 * or an extension counts for the departments its event was credited to (migration 0026; the case's current
 * ones for an event without them). With `townshipId`, only that township's cases (as its officer reads them).
 */
export function departmentKpiScan(period: KpiPeriod, now: Date, townshipId?: number): SQL {
  const from = shanghaiDayStart(period.from);
  const toEnd = shanghaiDayEnd(period.to);
  const today = shanghaiToday(now);
  const dueToEnd = shanghaiDayEnd(period.to.localeCompare(today) < 0 ? period.to : today);
  const inPeriod = sql`e.at >= ${from} and e.at < ${toEnd}`;
  const inTownship =
    townshipId === undefined ? sql`true` : sql`case_kpi_township(c.grid_path) = ${townshipId}::int`;
  const handedCases =
    townshipId === undefined ? sql`` : sql`join cases c on c.id = e.case_id and ${inTownship}`;
  return sql`
    with handed as (
      select j.dept::int as dept, count(*)::int as n
        from case_events e ${handedCases}
        cross join jsonb_array_elements_text(case e.action
                     when 'transfer' then jsonb_build_array(e.data -> 'departmentId')
                     else jsonb_build_array(e.data -> 'leadDepartmentId')
                          || coalesce(e.data -> 'participantDepartmentIds', '[]') end) j(dept)
       where e.action in ('transfer', 'organize_joint') and ${inPeriod}
       group by 1),
    work_slice as (
      select e.action, e.to_stage,
             coalesce(e.kpi_department_ids, case when c.assigned_department_id is null then '{}'::int[]
                        else array[c.assigned_department_id] || c.participant_department_ids end) as credited
        from case_events e join cases c on c.id = e.case_id
       where ${inPeriod} and e.action in ('record_verification', 'approve_extension') and ${inTownship}),
    work as (
      select dept,
             count(*) filter (where action = 'record_verification')::int as rechecks,
             count(*) filter (where action = 'record_verification' and to_stage <> 'verified')::int as reworks,
             count(*) filter (where action = 'approve_extension')::int as extensions
        from work_slice w cross join unnest(w.credited) d(dept) group by 1),
    due_slice as (
      select c.closed_at, c.close_due_at, c.extensions_granted, c.assigned_department_id, c.participant_department_ids
        from cases c
       where c.assigned_department_id is not null and c.close_due_at >= ${from} and c.close_due_at < ${dueToEnd}
         and ${inTownship}),
    due as (
      select dept, count(*)::int as due,
             count(*) filter (where closed_at is not null)::int as closed_of_due,
             count(*) filter (where closed_at <= close_due_at)::int as closed_on_time,
             count(*) filter (where extensions_granted > 0)::int as extended
        from (${perDepartment("due_slice")}) w group by 1),
    closed_slice as (
      select c.assigned_department_id, c.participant_department_ids from cases c
       where c.assigned_department_id is not null and c.closed_at >= ${from} and c.closed_at < ${toEnd}
         and ${inTownship}),
    closed as (select dept, count(*)::int as n from (${perDepartment("closed_slice")}) w group by 1),
    open_slice as (
      select c.deadline_due_at, c.assigned_department_id, c.participant_department_ids from cases c
       where c.assigned_department_id is not null and c.deadline_due_at is not null and ${inTownship}),
    open as (
      select dept, count(*)::int as n,
             count(*) filter (where deadline_due_at < ${now.toISOString()}::timestamptz)::int as overdue
        from (${perDepartment("open_slice")}) w group by 1)
    select d.id, d.name, coalesce(h.n, 0) as handed, coalesce(cl.n, 0) as closed,
           coalesce(du.due, 0) as "dueToClose", coalesce(du.closed_of_due, 0) as "closedOfDue",
           coalesce(du.closed_on_time, 0) as "closedOnTime", coalesce(du.extended, 0) as "extendedOfDue",
           coalesce(o.n, 0) as open, coalesce(o.overdue, 0) as overdue,
           coalesce(w.rechecks, 0) as rechecks, coalesce(w.reworks, 0) as reworks,
           coalesce(w.extensions, 0) as extensions
      from departments d
      left join handed h on h.dept = d.id left join work w on w.dept = d.id left join due du on du.dept = d.id
      left join closed cl on cl.dept = d.id left join open o on o.dept = d.id
     where d.kind = 'department'
     order by d.sort_order, d.id`;
}
