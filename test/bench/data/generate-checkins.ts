import { sql } from "drizzle-orm";
import { type Db, rows } from "../../../server/db/client.ts";
import { DEFAULT_PATROL_RULES } from "../../../server/db/seed/wuding-defaults.ts";
import { progress } from "./progress.ts";
import { bulk, hashUniform } from "./sql-random.ts";

/** The default 定任务 rules (wuding-defaults.ts), unless the database has rules of its own. */
export async function ensurePatrolRules(db: Db): Promise<void> {
  const values = DEFAULT_PATROL_RULES.map(
    (r, i) =>
      sql`(${r.gridLevel}::smallint, ${r.objectType}::text, ${r.objectFlag}::text, ${r.frequency}::text,
          ${r.timesPerPeriod}::smallint, ${r.description}::text, ${i}::int)`,
  );
  await db.execute(sql`
    insert into patrol_rules (grid_level, object_type, object_flag, frequency, times_per_period, description, sort_order)
    select * from (values ${sql.join(values, sql`, `)}) v
     where not exists (select 1 from patrol_rules)`);
}

/**
 * Check-ins at the supervised objects numbered above `afterObjectId`, over the `days` days before `now`:
 * each object visited every 3–14 days (its own rhythm, from a random first day), so some meet a weekly rule
 * and some fall behind it. They hang on one standing patrol per grid cell (the completion rate does not look
 * at patrols). Needs the scratch table bench_cells of generateGrids.
 */
export async function generateCheckins(
  db: Db,
  afterObjectId: number,
  now: Date,
  seed: number,
  days = 120,
): Promise<void> {
  const u = (k: number) => hashUniform("o.id", seed + 3, k);
  const nowP = sql`${now.toISOString()}::timestamptz`;
  await db.execute(sql`
    insert into patrols (member_id, grid_id, started_at, finished_at, status, distance_m, point_count, created_at)
    select bc.member_id, bc.grid_id, ${nowP} - ${`${days} days`}::interval, ${nowP}, 'finished', 0, 0, ${nowP}
      from bench_cells bc
     where not exists (select 1 from patrols p where p.grid_id = bc.grid_id and p.point_count = 0)`);
  const [{ last }] = await rows<{ last: number }>(
    db,
    sql`select coalesce(max(id), 0)::int as last from supervised_objects`,
  );
  const bar = progress("check-ins (objects)", Math.max(0, last - afterObjectId));
  const chunk = 20_000;
  for (let from = afterObjectId + 1; from <= last; from += chunk) {
    const to = Math.min(last, from + chunk - 1);
    await bulk(
      db,
      sql`
      with o as (
        select o.id, o.grid_id, ST_PointOnSurface(o.location) as here,
               3 + floor(12 * ${u(1)})::int as gap, ${u(2)} as first, ${u(3)} as minute
          from supervised_objects o
         where o.id between ${from} and ${to} and o.grid_id is not null)
      insert into patrol_checkins (patrol_id, object_id, at, lon, lat, accuracy, distance_m)
      select p.id, o.id,
             ${nowP} - make_interval(days => d) + make_interval(mins => (480 + round(o.minute * 600))::int),
             ST_X(o.here), ST_Y(o.here), 8, 12
        from o
        join patrols p on p.grid_id = o.grid_id and p.point_count = 0
       cross join generate_series(1 + floor(o.first * o.gap)::int, ${days}, o.gap) d`,
    );
    bar.step(to - afterObjectId);
  }
  bar.end();
}
