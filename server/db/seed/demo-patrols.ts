import { sql } from "drizzle-orm";
import { recordAudit } from "../../commands/audit-recorder.ts";
import type { CommandContext } from "../../commands/context.ts";
import { CHECKLISTS } from "../../domain/patrol/checklist.ts";
import { rows } from "../client.ts";

/**
 * Patrol history for the demo (issue 5 §6): the last four weeks of patrols in every village that has a
 * member on duty, with GPS tracks (one point a minute along the way between the objects visited) and
 * check-ins. Objects whose id is a multiple of 7 are never visited — the blind spots (盲区) to show — and
 * nothing is visited today, so every member has patrols due on first start. Written with batched inserts
 * (hundreds of patrols, tens of thousands of points) and one audit row for the whole history.
 */
export async function seedDemoPatrols(ctx: CommandContext, photos: readonly Buffer[], now = Date.now()) {
  const villages = await rows<{ gridId: number; memberId: number }>(
    ctx.db,
    sql`select distinct on (g.id) g.id as "gridId", p.user_id as "memberId"
          from grids g join grid_personnel p on p.grid_id = g.id and p.removed_at is null
          join users u on u.id = p.user_id
         where g.level = 3 and g.retired_at is null
         order by g.id, (p.duty_role = 'member') desc, (u.username = 'member') desc, p.id`,
  );
  const objects = await rows<{ id: number; type: string; gridId: number; lon: number; lat: number }>(
    ctx.db,
    sql`select o.id, o.type, o.grid_id as "gridId", ST_X(ST_PointOnSurface(o.location)) as lon,
               ST_Y(ST_PointOnSurface(o.location)) as lat
          from supervised_objects o where o.status = 'active' and o.grid_id is not null order by o.id`,
  );
  const byGrid = new Map<number, typeof objects>();
  for (const o of objects) byGrid.set(o.gridId, [...(byGrid.get(o.gridId) ?? []), o]);
  const DAY = 86_400_000;
  const todayBj = Math.floor((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000; // Beijing midnight
  let seed = 20260501;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  await ctx.db.execute(
    sql`select patrol_track_ensure_partition(${new Date(todayBj - 40 * DAY).toISOString()}::timestamptz)`,
  );
  await ctx.db.execute(
    sql`select patrol_track_ensure_partition(${new Date(todayBj).toISOString()}::timestamptz)`,
  );
  let patrolCount = 0;
  let checkinCount = 0;
  let pointCount = 0;
  for (const village of villages) {
    const visitable = (byGrid.get(village.gridId) ?? []).filter((o) => o.id % 7 !== 0);
    if (visitable.length === 0) continue;
    // Every second or third day over the last 4 weeks, never today.
    for (let daysAgo = 27; daysAgo >= 1; daysAgo -= 2 + Math.floor(random() * 2)) {
      const startedAt = todayBj - daysAgo * DAY + (9 + random() * 3) * 3_600_000;
      const visits = visitable.filter(() => random() < 0.6).slice(0, 5);
      if (visits.length === 0) visits.push(visitable[Math.floor(random() * visitable.length)]);
      const minutesPerLeg = 20;
      const durationMin = visits.length * minutesPerLeg + 10;
      const [patrol] = await rows<{ id: number }>(
        ctx.db,
        sql`insert into patrols (member_id, grid_id, started_at, finished_at, status)
            values (${village.memberId}, ${village.gridId}, ${new Date(startedAt).toISOString()},
                    ${new Date(startedAt + durationMin * 60_000).toISOString()}, 'finished') returning id`,
      );
      patrolCount++;
      // Walk from near the first object through every visited one, a point a minute.
      const path = [{ lon: visits[0].lon + 0.004, lat: visits[0].lat + 0.003 }, ...visits];
      const points = [];
      const checkins = [];
      for (let leg = 0; leg < path.length - 1; leg++) {
        for (let m = 0; m < minutesPerLeg; m++) {
          const f = m / minutesPerLeg;
          points.push(
            sql`(${patrol.id}, ${new Date(startedAt + (leg * minutesPerLeg + m) * 60_000).toISOString()}::timestamptz,
                 ${path[leg].lon + (path[leg + 1].lon - path[leg].lon) * f + (random() - 0.5) * 0.0002}::float8,
                 ${path[leg].lat + (path[leg + 1].lat - path[leg].lat) * f + (random() - 0.5) * 0.0002}::float8,
                 ${Math.round(5 + random() * 20)}::real, 0::smallint)`,
          );
        }
        const object = visits[leg];
        const answers = Object.fromEntries((CHECKLISTS[object.type] ?? []).map((i) => [i.key, "ok"]));
        const finding = random() < 0.08 ? "发现异常，已拍照记录并向村网格长报告" : null;
        if (finding) answers[Object.keys(answers)[0]] = "problem";
        checkins.push(
          sql`(${patrol.id}, ${object.id}, ${new Date(startedAt + (leg + 1) * minutesPerLeg * 60_000).toISOString()}::timestamptz,
               ${object.lon}::float8, ${object.lat}::float8, 8::real, ${Math.round(random() * 40)},
               ${JSON.stringify(answers)}::jsonb, ${finding})`,
        );
      }
      pointCount += points.length;
      checkinCount += checkins.length;
      await ctx.db.execute(
        sql`insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags) values ${sql.join(points, sql`, `)}`,
      );
      await ctx.db.execute(
        sql`insert into patrol_checkins (patrol_id, object_id, at, lon, lat, accuracy, distance_m, answers, finding)
            values ${sql.join(checkins, sql`, `)}`,
      );
    }
  }
  // Legs, distances and point counts for the whole history in two statements (the seeded points carry no flags).
  await ctx.db.execute(sql`
    update patrol_track_points p set leg_m = l.leg
      from (select patrol_id, t,
                   ST_Distance(geography(ST_SetSRID(ST_MakePoint(lon, lat), 4326)),
                               geography(ST_SetSRID(ST_MakePoint(lag(lon) over w, lag(lat) over w), 4326))) as leg
              from patrol_track_points
            window w as (partition by patrol_id order by t)) l
     where p.patrol_id = l.patrol_id and p.t = l.t`);
  await ctx.db.execute(sql`
    update patrols p set distance_m = d.distance, point_count = d.points
      from (select patrol_id, count(*)::int as points, coalesce(round(sum(leg_m)), 0)::int as distance
              from patrol_track_points group by patrol_id) d
     where p.id = d.patrol_id`);
  // Photos where a member would take one: every finding, and the latest check-in of each village.
  const photographed = await rows<{ id: number }>(
    ctx.db,
    sql`
    update patrol_checkins c set photo = (array[${sql.join(
      photos.map((p) => sql`${p}::bytea`),
      sql`, `,
    )}])[1 + c.id % ${photos.length}], photo_type = 'image/jpeg'
     where c.finding is not null
        or c.id in (select distinct on (p.grid_id) l.id from patrol_checkins l join patrols p on p.id = l.patrol_id
                     order by p.grid_id, l.at desc)
    returning c.id`,
  );
  await recordAudit(ctx.db, ctx, {
    action: "patrol.seed",
    entityType: "patrol",
    after: { patrols: patrolCount, checkins: checkinCount, points: pointCount, photos: photographed.length },
  });
  return { patrols: patrolCount, checkins: checkinCount, points: pointCount };
}
