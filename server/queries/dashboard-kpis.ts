import { type SQL, sql } from "drizzle-orm";
import type { DistrictKpis, KpiCounts, TownshipKpis } from "../../api-types/dashboard.ts";
import { type Db, rows } from "../db/client.ts";
import { CASE_SOURCES, type CaseSource } from "../domain/cases/case-sources.ts";
import { CASE_STAGES, type CaseStage, isTerminal } from "../domain/cases/case-state.ts";
import { type KpiPeriod, shanghaiToday } from "../domain/kpi/period.ts";
import { rate } from "../domain/kpi/rate.ts";

export type { KpiPeriod };

import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { townshipWithinScope } from "./kpi-townships.ts";

const SOURCE_COLUMNS = CASE_SOURCES.map((s) => `src_${s}`);

/**
 * The one statement the KPI endpoint runs, apart so the benchmark can run exactly it without the app. Its
 * parts read the folded rollups plus the deltas not folded yet, so figures are exact between folds.
 */
export function kpiStatement(scope: Scope, period: KpiPeriod, now: Date): SQL {
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  const today = shanghaiToday(now);
  // due-to-close counts only limits that have already come (ISO dates compare as text)
  const dueTo = sql`${period.to.localeCompare(today) < 0 ? period.to : today}::date`;
  const srcSums = sql.raw(SOURCE_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(", "));
  const srcDeltas = sql.raw(
    CASE_SOURCES.map((s) => `sum(n) filter (where measure = 'source:${s}') as src_${s}`).join(", "),
  );
  const srcCols = sql.raw(SOURCE_COLUMNS.join(", "));
  const flows = sql`
    select township_id, sum(reported)::int as reported, ${srcSums},
           coalesce(sum(due) filter (where day <= ${dueTo}), 0)::int as due,
           coalesce(sum(due_closed) filter (where day <= ${dueTo}), 0)::int as due_closed,
           coalesce(sum(due_closed_on_time) filter (where day <= ${dueTo}), 0)::int as due_closed_on_time,
           sum(closed)::int as closed, sum(closed_hours)::float8 as closed_hours
      from (select township_id, day, reported, ${srcCols}, due, due_closed, due_closed_on_time, closed, closed_hours
              from case_kpi_daily
             where day between ${from} and ${to} and ${townshipWithinScope(scope, "township_id")}
            union all
            select township_id, day, sum(n) filter (where measure = 'reported'), ${srcDeltas},
                   sum(n) filter (where measure = 'due'), sum(n) filter (where measure = 'due_closed'),
                   sum(n) filter (where measure = 'due_closed_on_time'), sum(n) filter (where measure = 'closed'),
                   sum(n) filter (where measure = 'closed_hours')
              from case_kpi_deltas
             where day between ${from} and ${to} and ${townshipWithinScope(scope, "township_id")}
             group by township_id, day) f
     group by township_id`;
  const stages = sql`
    select township_id, stage, sum(n)::int as n
      from (select township_id, stage, n from case_kpi_stages
            union all
            select township_id, substr(measure, 7), n from case_kpi_deltas where measure like 'stage:%') s
     where ${townshipWithinScope(scope, "township_id")}
     group by township_id, stage having sum(n) <> 0`;
  const overdue = sql`
    select case_kpi_township(c.grid_path) as township_id, count(*)::int as n
      from cases c
     where c.deadline_due_at < ${now.toISOString()}::timestamptz and ${gridWithinScope(sql`c.grid_path`, scope)}
     group by 1`;
  const townships = sql`
    select g.id, g.name from grids g
     where g.level = 2 and ${scope.allGrids ? sql`true` : gridWithinScope(sql`g.path`, scope)}
     order by g.id`;
  return sql`
    select (select coalesce(json_agg(f), '[]') from (${flows}) f) as flows,
           (select coalesce(json_agg(s), '[]') from (${stages}) s) as stages,
           (select coalesce(json_agg(o), '[]') from (${overdue}) o) as overdue,
           (select coalesce(json_agg(t), '[]') from (${townships}) t) as townships`;
}

interface FlowRow {
  township_id: number;
  reported: number;
  due: number;
  due_closed: number;
  due_closed_on_time: number;
  closed: number;
  closed_hours: number;
  [source: `src_${string}`]: number;
}

function finish(
  c: Omit<KpiCounts, "closureRate" | "onTimeClosureRate" | "overdueRate" | "avgHandlingDays">,
  hours: number,
): KpiCounts {
  return {
    ...c,
    avgHandlingDays: c.closed > 0 ? Math.round((hours / 24 / c.closed) * 10) / 10 : null,
    closureRate: rate(c.closedOfDue, c.dueToClose),
    onTimeClosureRate: rate(c.closedOnTime, c.dueToClose),
    overdueRate: rate(c.overdue, c.open),
  };
}

/** District KPIs (DOMAIN.md §5) for the caller's townships over the period. */
export async function districtKpis(
  db: Db,
  scope: Scope,
  period: KpiPeriod,
  now: Date,
): Promise<DistrictKpis<CaseSource, CaseStage>> {
  const [{ flows, stages, overdue, townships }] = await rows<{
    flows: FlowRow[];
    stages: { township_id: number; stage: CaseStage; n: number }[];
    overdue: { township_id: number; n: number }[];
    townships: { id: number; name: string }[];
  }>(db, kpiStatement(scope, period, now));
  const names = new Map(townships.map((t) => [t.id, t.name]));
  const ids = new Set<number>(townships.map((t) => t.id));
  for (const r of [...flows, ...stages, ...overdue]) if (r.township_id === 0) ids.add(0);
  const bySource = Object.fromEntries(CASE_SOURCES.map((s) => [s, 0])) as Record<CaseSource, number>;
  const byStage = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
  let hoursTotal = 0;
  const list: TownshipKpis[] = [...ids].map((id) => {
    const f = flows.find((r) => r.township_id === id);
    const open = stages
      .filter((s) => s.township_id === id && !isTerminal(s.stage))
      .reduce((sum, s) => sum + s.n, 0);
    if (f) for (const s of CASE_SOURCES) bySource[s] += f[`src_${s}`] ?? 0;
    hoursTotal += f?.closed_hours ?? 0;
    return {
      id,
      name: names.get(id) ?? "区级",
      ...finish(
        {
          reported: f?.reported ?? 0,
          open,
          overdue: overdue.find((o) => o.township_id === id)?.n ?? 0,
          dueToClose: f?.due ?? 0,
          closedOfDue: f?.due_closed ?? 0,
          closedOnTime: f?.due_closed_on_time ?? 0,
          closed: f?.closed ?? 0,
        },
        f?.closed_hours ?? 0,
      ),
    };
  });
  for (const s of stages) byStage[s.stage] = (byStage[s.stage] ?? 0) + s.n;
  const sum = (k: keyof KpiCounts) => list.reduce((acc, t) => acc + ((t[k] as number | null) ?? 0), 0);
  return {
    period,
    generatedAt: now.toISOString(),
    totals: {
      ...finish(
        {
          reported: sum("reported"),
          open: sum("open"),
          overdue: sum("overdue"),
          dueToClose: sum("dueToClose"),
          closedOfDue: sum("closedOfDue"),
          closedOnTime: sum("closedOnTime"),
          closed: sum("closed"),
        },
        hoursTotal,
      ),
      bySource,
      byStage,
    },
    townships: list,
  };
}
