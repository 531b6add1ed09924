import { sql } from "drizzle-orm";
import type { PatrolCompletion, PatrolCompletionReport } from "../../api-types/dashboard.ts";
import { type Db, rows } from "../db/client.ts";
import type { KpiPeriod } from "../domain/kpi/period.ts";
import { rate } from "../domain/kpi/rate.ts";
import { patrolCompletion, type VisitCount } from "../domain/patrol/completion.ts";
import { type Frequency, periodOf } from "../domain/patrol/plan.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { patrolRules, plannedObjectsIn, toPlanObject } from "./patrols.ts";

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // Asia/Shanghai
const FREQUENCIES: Frequency[] = ["daily", "weekly", "monthly", "quarterly"];
const completion = (due: number, done: number): PatrolCompletion => ({ due, done, rate: rate(done, due) });

/**
 * 巡查完成率 per township over the period: the visits the 定任务 rules made due and how many were made
 * (domain/patrol/completion.ts), for the objects in the caller's grids. Rules and objects are those in force
 * now: the plan keeps no history of them.
 */
export async function patrolCompletionReport(
  db: Db,
  scope: Scope,
  period: KpiPeriod,
  now: Date,
): Promise<PatrolCompletionReport> {
  const window = {
    start: Date.parse(`${period.from}T00:00:00+08:00`),
    end: Date.parse(`${period.to}T00:00:00+08:00`) + DAY,
  };
  // the check-ins of every rule period whose deadlines can fall in the window (one may start before it)
  const since = Math.min(...FREQUENCIES.map((f) => periodOf(f, window.start).start));
  const until = Math.min(window.end, now.getTime());
  const objects = await rows<{
    id: number;
    type: string;
    keyUnit: boolean;
    gridId: number;
    gridLevel: number;
    townshipId: number;
  }>(
    db,
    sql`select o.id, o.type, o.key_unit as "keyUnit", g.id as "gridId", g.level as "gridLevel",
               case_kpi_township(g.path) as "townshipId"
          from supervised_objects o join grids g on g.id = o.grid_id
         where ${plannedObjectsIn(scope)}`,
  );
  // each check-in's Beijing day (days since 1970-01-01): periods begin at Beijing midnight, so that is enough;
  // one array per object (grouping by object and day spilled to disk and took 2.7x as long at 260k check-ins)
  const checkins = await rows<{ objectId: number; days: number[] }>(
    db,
    sql`select c.object_id as "objectId", array_agg(case_kpi_day(c.at) - date '1970-01-01') as days
          from patrol_checkins c join supervised_objects o on o.id = c.object_id join grids g on g.id = o.grid_id
         where c.at >= ${new Date(since).toISOString()}::timestamptz
           and c.at < ${new Date(until).toISOString()}::timestamptz and ${plannedObjectsIn(scope)}
         group by 1`,
  );
  const townships = await rows<{ id: number; name: string }>(
    db,
    sql`select g.id, g.name from grids g
         where g.level = 2 and g.retired_at is null and ${gridWithinScope(sql`g.path`, scope)} order by g.id`,
  );
  const visits = new Map<number, VisitCount[]>();
  for (const c of checkins)
    visits.set(
      c.objectId,
      c.days.map((day) => ({ at: day * DAY - OFFSET, n: 1 })),
    );
  const townshipOf = new Map(objects.map((o) => [o.id, o.townshipId]));
  const sums = new Map(townships.map((t) => [t.id, { due: 0, done: 0 }]));
  const total = { due: 0, done: 0 };
  const rules = await patrolRules(db);
  for (const item of patrolCompletion(rules, objects.map(toPlanObject), visits, window, now.getTime())) {
    // an object on the root grid has no township row of its own; the total still counts it
    for (const sum of [sums.get(townshipOf.get(item.objectId) ?? 0), total])
      if (sum) {
        sum.due += item.due;
        sum.done += item.done;
      }
  }
  const list = townships.map((t) => {
    const s = sums.get(t.id) as { due: number; done: number };
    return { id: t.id, name: t.name, ...completion(s.due, s.done) };
  });
  return {
    period,
    generatedAt: now.toISOString(),
    totals: completion(total.due, total.done),
    townships: list,
  };
}
