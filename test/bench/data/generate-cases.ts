import { sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client.ts";
import { MATTER_CATEGORIES } from "../../../server/domain/cases/matter-categories.ts";
import { progress } from "./progress.ts";
import { bulk, hashUniform } from "./sql-random.ts";

const CHUNK = 50_000;

/**
 * Appends synthetic cases number `first`…`last` (1-based; the number seeds each row, so growing a data set
 * from 100k to 1M adds rows without changing the first 100k). Reported over the two years before `now`
 * (denser lately); most closed within 4–54 days, 7 % late, 2 % stalled mid-way (overdue), 7 % rejected and
 * 3 % merged at acceptance; the open ones sit in the stage their age reaches, with the current deadline
 * the machine would set (working days ≈ 1.4 calendar days) capped by the 60-working-day close limit.
 * Rows go in through the normal triggers (KPI deltas included), each with its timeline events as the
 * machine writes them for what the department KPIs count (the steps in between are left out, so versions
 * jump): "created"; the hand-over ("transfer", or "organize_joint" with the category's other departments);
 * the approved extension; the re-check, failed first in 7 % of cases (rework).
 */
export async function generateCases(
  db: Db,
  range: { first: number; last: number },
  now: Date,
  seed: number,
): Promise<void> {
  const u = (k: number) => hashUniform("i", seed, k);
  const categories = sql.raw(
    MATTER_CATEGORIES.map(
      (c, k) =>
        `(${k}, '${c.code}', '${c.name}', ${c.departments.length > 0 ? `'${c.departments[0]}'` : "null"}, ` +
        `array[${c.departments
          .slice(1)
          .map((d) => `'${d}'`)
          .join(",")}]::text[])`,
    ).join(", "),
  );
  const total = range.last - range.first + 1;
  const bar = progress("cases", total);
  for (let from = range.first; from <= range.last; from += CHUNK) {
    const to = Math.min(range.last, from + CHUNK - 1);
    await bulk(
      db,
      sql`
      with cat (k, code, name, dept_code, part_codes) as (values ${categories}),
      catd as (
        select c.k, c.code, c.name, d.id as dept_id, d.name as dept_name,
               coalesce((select array_agg(p.id order by array_position(c.part_codes, p.code))
                           from departments p where p.code = any(c.part_codes)), '{}') as part_ids,
               coalesce((select array_agg(p.name order by array_position(c.part_codes, p.code))
                           from departments p where p.code = any(c.part_codes)), '{}') as part_names
          from cat c left join departments d on d.code = c.dept_code),
      params as (
        select ${now.toISOString()}::timestamptz as now, (select count(*) from bench_cells)::int as ncells,
               (select count(*) from cat)::int as ncat),
      a as (
        select i, p.now, p.ncells, p.ncat,
               730 * power(${u(1)}, 1.25) as age,
               case when ${u(2)} < 0.07 then 'rejected' when ${u(2)} < 0.10 then 'merged' else 'normal' end as kind,
               case when ${u(4)} < 0.07 then 86 + 30 * ${u(5)} else 4 + 50 * power(${u(3)}, 1.6) end as life,
               ${u(6)} < 0.02 as stalled,
               0.2 + 2.5 * ${u(7)} as accept_lag,
               ${u(8)} < 0.05 as extend_draw,
               0.15 + 0.8 * ${u(9)} as stall_f,
               case when ${u(10)} < 0.35 then 'grid' when ${u(10)} < 0.9 then 'department' else 'joint' end as hk,
               case when ${u(11)} < 0.04 then 'urgent' when ${u(11)} < 0.2 then 'important' else 'normal' end as prio,
               case when ${u(12)} < 0.45 then 'patrol_finding' when ${u(12)} < 0.70 then 'public_report'
                    when ${u(12)} < 0.82 then 'petition' when ${u(12)} < 0.87 then 'dispute'
                    when ${u(12)} < 0.95 then 'monitoring_alert' else 'superior_task' end as src,
               (array['12345','12369','letter','visit'])[1 + floor(4 * ${u(13)})::int] as chan,
               least(p.ncat - 1, floor(p.ncat * power(${u(14)}, 1.4))::int) as catk,
               least(p.ncells - 1, floor(p.ncells * ${u(15)})::int) as celln,
               1 + floor(4 * ${u(16)})::int as corner,
               0.85 * ${u(17)} as t,
               (array['rectification_order','rectification_order','penalty','no_violation','other'])[1 + floor(5 * ${u(18)})::int] as result,
               ${u(20)} < 0.07 as rework
          from generate_series(${from}::int, ${to}::int) i cross join params p),
      b as (
        select a.*, a.now - make_interval(secs => round(a.age * 86400)) as reported_at,
               case when a.kind <> 'normal' then null when a.stalled then least(a.age / a.life, a.stall_f)
                    else a.age / a.life end as f,
               a.age >= a.accept_lag as accepted,
               c.name as cat_name, c.code as cat_code, c.dept_id, c.dept_name, c.part_ids, c.part_names,
               -- a joint investigation needs a second department
               case when c.dept_id is null then 'grid' when a.hk = 'joint' and cardinality(c.part_ids) = 0
                    then 'department' else a.hk end as hk_eff
          from a join catd c on c.k = a.catk),
      s as (
        select b.*,
               case when not b.accepted then 'reported'
                    when b.kind <> 'normal' then b.kind
                    when not b.stalled and b.age >= b.life then 'closed'
                    when b.f < 0.15 then 'accepted'
                    when b.f < 0.22 then 'registered'
                    when b.f < 0.30 then case b.hk_eff when 'department' then 'transferred'
                                                       when 'joint' then 'joint_investigation' else 'handling' end
                    when b.f < 0.75 then case b.hk_eff when 'joint' then 'joint_investigation' else 'handling' end
                    when b.f < 0.82 then 'handled'
                    when b.f < 0.90 then 'feedback_given'
                    when b.f < 0.97 then 'verifying'
                    else 'verified' end as stage,
               -- granted while handling (from 0.45 of its life), so only cases that got that far have it
               b.extend_draw and b.accepted and coalesce(b.f >= 0.45, false) as extended
          from b),
      e as (
        select s.*,
               s.reported_at + make_interval(secs => round(86400 * case
                 when s.stage = 'reported' then 0
                 when s.stage in ('rejected','merged','accepted') then s.accept_lag
                 when s.stage = 'closed' then s.life
                 else greatest(s.accept_lag, s.life * case s.stage
                   when 'registered' then 0.15 when 'transferred' then 0.22 when 'joint_investigation' then 0.22
                   when 'handling' then case s.hk_eff when 'department' then 0.30 else 0.22 end
                   when 'handled' then 0.75 when 'feedback_given' then 0.82 when 'verifying' then 0.90
                   else 0.97 end) end)) as stage_entered_at,
               case when s.accepted and s.kind = 'normal' then
                 s.reported_at + make_interval(secs => round(86400 * (s.accept_lag + 84 + case when s.extended then 42 else 0 end)))
               end as close_due_at,
               case s.stage when 'reported' then 'acceptance' when 'accepted' then 'registration'
                 when 'registered' then 'dispatch' when 'transferred' then 'transfer_acceptance'
                 when 'handling' then 'handling' when 'joint_investigation' then 'handling'
                 when 'handled' then 'feedback' when 'feedback_given' then 'verification_request'
                 when 'verifying' then 'verification' when 'verified' then 'closing' end as phase,
               s.stage in ('reported','accepted','registered') as unassigned
          from s),
      l as (
        select e.*,
               case e.phase
                 when 'acceptance' then case e.prio when 'urgent' then 1 when 'important' then 5 else 15 end
                 when 'handling' then case e.prio when 'urgent' then 10 when 'important' then 20 else 30 end
                 when 'feedback' then case e.prio when 'urgent' then 1 when 'important' then 3 else 5 end
                 when 'verification' then case e.prio when 'urgent' then 2 when 'important' then 3 else 5 end
                 else case e.prio when 'urgent' then 1 when 'important' then 2 else 3 end end as limit_days
          from e),
      m as (
        select l.*,
               l.stage_entered_at + make_interval(secs => round(l.limit_days * 1.4 * 86400)) as stage_due
          from l),
      r as (
        select m.*,
               case when m.phase is null then null else least(m.stage_due, coalesce(m.close_due_at, m.stage_due)) end as due_at,
               case when m.stage = 'closed' then m.reported_at + make_interval(secs => round(m.life * 86400)) end as closed_at,
               'SYN' || lpad(m.i::text, 9, '0') as tno,
               case when m.unassigned or m.stage in ('rejected','merged') or m.hk_eff = 'grid' then null
                    else m.dept_id end as adept,
               case m.hk_eff when 'joint' then 'joint_investigation' else 'handling' end as hstage,
               m.reported_at + make_interval(secs => round(86400 * greatest(m.accept_lag, 0.22 * m.life))) as handed_at,
               m.reported_at + make_interval(secs => round(86400 * greatest(m.accept_lag, 0.45 * m.life))) as extended_at,
               m.reported_at + make_interval(secs => round(86400 * greatest(m.accept_lag, 0.80 * m.life))) as failed_at,
               case m.stage when 'closed' then m.reported_at + make_interval(secs => round(m.life * 86400 - 8 * 3600))
                            when 'verified' then m.stage_entered_at end as passed_at
          from m),
      ins as (
        insert into cases (tracking_no, source, petition_channel, title, description, category, priority,
          supervision_level, location, grid_id, grid_path, routing, reporter_official, reporter_anonymous,
          stage, reported_at, stage_entered_at, close_due_at, deadline_stage, deadline_phase, deadline_due_at,
          deadline_limit_kind, deadline_limit, deadline_capped_by_close, deadline_beyond_calendar, handler_kind,
          assigned_department_id, handling_result, reporter_reply_required, verification_passed_at,
          extensions_granted, closed_at, participant_department_ids, involved_department_ids, rework_count,
          escalation_level, escalated_due_at, created_at, updated_at, version)
        select r.tno, r.src, case when r.src = 'petition' then r.chan end,
               r.cat_name || '（合成）', '合成数据：' || r.cat_name || '问题，第 ' || r.i || ' 号。', r.cat_code, r.prio,
               case r.prio when 'urgent' then 'rapid' when 'important' then 'full_course' else 'periodic' end,
               ST_SetSRID(ST_MakePoint(bc.cx + r.t * (bc.vx[r.corner] - bc.cx), bc.cy + r.t * (bc.vy[r.corner] - bc.cy)), 4326),
               bc.grid_id, bc.path,
               jsonb_build_object('gridId', bc.grid_id,
                 'departmentIds', case when r.dept_id is null then '[]'::jsonb else jsonb_build_array(r.dept_id) end,
                 'townshipLeads', false, 'explanation', '合成数据：按位置与类别路由'),
               r.src in ('patrol_finding','monitoring_alert','superior_task'), r.src = 'public_report' and r.u_anon,
               r.stage, r.reported_at, r.stage_entered_at, r.close_due_at,
               case when r.phase is not null then r.stage end, r.phase, r.due_at,
               case when r.phase is not null then 'working_days' end, case when r.phase is not null then r.limit_days end,
               case when r.phase is not null then r.close_due_at is not null and r.close_due_at < r.stage_due end,
               case when r.phase is not null then false end,
               case when r.unassigned or r.stage in ('rejected','merged') then null else r.hk_eff end,
               r.adept,
               case when r.stage in ('handled','feedback_given','verifying','verified','closed') then r.result end,
               r.src in ('public_report','petition'),
               r.passed_at,
               case when r.extended then 1 else 0 end,
               r.closed_at,
               case when r.adept is not null and r.hk_eff = 'joint' then r.part_ids else '{}'::int[] end,
               case when r.adept is null then '{}'::int[]
                    when r.hk_eff = 'joint' then array[r.adept] || r.part_ids else array[r.adept] end,
               case when r.passed_at is not null and r.rework then 1 else 0 end,
               case when r.due_at < r.now - interval '3 days' then 1 else 0 end,
               case when r.due_at < r.now - interval '3 days' then r.due_at end,
               r.reported_at, greatest(r.stage_entered_at, r.reported_at),
               -- the version its last event below leaves it at
               case when r.passed_at is not null then case when r.rework then 18 else 12 end
                    when r.extended then 7 when r.adept is not null then 4 else 1 end
          from (select r.*, ${u(19)} < 0.3 as u_anon from r) r join bench_cells bc on bc.n = r.celln
        returning id, tracking_no),
      ev as (select ins.id, r.*,
                    case when r.adept is null then '{}'::int[]
                         when r.hk_eff = 'joint' then array[r.adept] || r.part_ids else array[r.adept] end as credited
               from ins join r on r.tno = ins.tracking_no)
      -- in the order they happened, so a case's events are in id order as the timeline reads them
      -- re-checks and extensions name the departments credited (migration 0026): the case's, as on its row; the
      -- database's before-trigger cannot see a case inserted by the same statement
      insert into case_events (case_id, kind, action, from_stage, to_stage, at, version, data, kpi_department_ids)
      select id, 'created', null, null, null, reported_at, 1, '{"synthetic": true}'::jsonb, null::int[] from ev
      union all
      select id, 'transition', 'transfer', 'registered', 'transferred', handed_at, 4,
             jsonb_build_object('departmentId', adept, 'departmentName', dept_name, 'synthetic', true), null
        from ev where adept is not null and hk_eff = 'department'
      union all
      select id, 'transition', 'organize_joint', 'registered', 'joint_investigation', handed_at, 4,
             jsonb_build_object('leadDepartmentId', adept, 'participantDepartmentIds', to_jsonb(part_ids),
                                'leadDepartmentName', dept_name, 'participantDepartmentNames', to_jsonb(part_names),
                                'synthetic', true), null
        from ev where adept is not null and hk_eff = 'joint'
      union all
      select id, 'transition', 'approve_extension', hstage, hstage, extended_at, 7, '{"synthetic": true}'::jsonb,
             credited
        from ev where extended
      union all
      select id, 'transition', 'record_verification', 'verifying', hstage, failed_at, 12,
             '{"passed": false, "note": "现场核查，问题仍然存在", "evidenceIds": [], "synthetic": true}'::jsonb, credited
        from ev where passed_at is not null and rework
      union all
      select id, 'transition', 'record_verification', 'verifying', 'verified', passed_at,
             case when rework then 18 else 12 end,
             '{"passed": true, "note": "现场核查，问题已整改到位", "evidenceIds": [], "synthetic": true}'::jsonb, credited
        from ev where passed_at is not null`,
    );
    bar.step(to - range.first + 1);
  }
  bar.end();
}
