import { sql } from "drizzle-orm";
import { type Database, type Db, rows } from "../../../server/db/client.ts";
import { DEPARTMENTS } from "../../../server/db/seed/departments.ts";
import { syntheticLattice } from "../synthetic-grid.ts";
import { generateCases } from "./generate-cases.ts";
import { progress } from "./progress.ts";
import type { DataScale } from "./scales.ts";
import { bulk, hashUniform } from "./sql-random.ts";

/** Every synthetic grid code starts with this; it is how a synthetic database is told from a real one. */
export const SYNTHETIC_PREFIX = "SYN-";
/** Points per synthetic patrol (a 50-minute walk at one fix every 30 s). */
const POINTS_PER_PATROL = 100;

export interface TargetState {
  /** Grids or cases that the generator did not write. */
  realData: boolean;
  /** The generator has already written here. */
  synthetic: boolean;
}

export async function inspectTarget(db: Db): Promise<TargetState> {
  const [row] = await rows<{ real: boolean; synthetic: boolean }>(
    db,
    sql`select exists (select 1 from grids where code not like ${`${SYNTHETIC_PREFIX}%`})
               or exists (select 1 from cases where tracking_no not like 'SYN%') as real,
               exists (select 1 from grids where code like ${`${SYNTHETIC_PREFIX}%`}) as synthetic`,
  );
  return { realData: row.real, synthetic: row.synthetic };
}

/**
 * A three-level tree tiling the lattice (root, level-2 blocks, level-3 cells), inserted set-based; the
 * boundary trigger places objects (none yet). Then `bench_cells`, a scratch table of the cells with their
 * centre and corners, from which every later row picks its place.
 */
export async function generateGrids(db: Db, scale: DataScale, seed: number): Promise<void> {
  const bar = progress("grids", scale.side * scale.side);
  const { cells, blocks } = syntheticLattice({
    side: scale.side,
    blockSide: scale.blockSide,
    origin: scale.origin,
    cell: scale.cell,
    seed,
  });
  const root = `${SYNTHETIC_PREFIX}R`;
  await db.execute(sql`insert into grids (parent_id, level, code, name, kind, path)
                       values (null, 1, ${root}, ${`合成区域 ${scale.name}`}, 'district', ${`/pending/${root}`})`);
  await db.execute(sql`update grids set path = '/' || id || '/' where code = ${root}`);
  await db.execute(sql`
    insert into grids (parent_id, level, code, name, kind, path)
    select r.id, 2, ${SYNTHETIC_PREFIX} || b, '合成乡镇 ' || b, 'township', '/pending/' || b
      from json_array_elements_text(${JSON.stringify(blocks)}::json) b, grids r where r.code = ${root}`);
  await db.execute(sql`update grids g set path = p.path || g.id || '/' from grids p
                        where p.id = g.parent_id and g.level = 2 and g.code like ${`${SYNTHETIC_PREFIX}B%`}`);
  for (let start = 0; start < cells.length; start += 2000) {
    const records = cells.slice(start, start + 2000).map((c) => ({
      code: c.code,
      parent: `${SYNTHETIC_PREFIX}${c.parentCode}`,
      wkt: `MULTIPOLYGON(((${c.ring.map(([x, y]) => `${x} ${y}`).join(",")})))`,
    }));
    await db.execute(sql`
      insert into grids (parent_id, level, code, name, kind, path, boundary)
      select p.id, 3, ${SYNTHETIC_PREFIX} || c.code, '合成村 ' || c.code, 'village', '/pending/' || c.code,
             ST_GeomFromText(c.wkt, 4326)
        from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as c(code text, parent text, wkt text)
        join grids p on p.code = c.parent`);
    bar.step(Math.min(cells.length, start + 2000));
  }
  await db.execute(sql`update grids g set path = p.path || g.id || '/' from grids p
                        where p.id = g.parent_id and g.level = 3 and g.code like ${`${SYNTHETIC_PREFIX}C%`}`);
  await db.execute(sql`analyze grids`);
  await db.execute(sql`drop table if exists bench_cells`);
  await db.execute(sql`
    create unlogged table bench_cells as
    select (row_number() over (order by g.id) - 1)::int as n, g.id as grid_id, g.path,
           ST_X(ST_Centroid(g.boundary)) as cx, ST_Y(ST_Centroid(g.boundary)) as cy,
           array[ST_X(ST_PointN(x.r, 1)), ST_X(ST_PointN(x.r, 2)), ST_X(ST_PointN(x.r, 3)), ST_X(ST_PointN(x.r, 4))] as vx,
           array[ST_Y(ST_PointN(x.r, 1)), ST_Y(ST_PointN(x.r, 2)), ST_Y(ST_PointN(x.r, 3)), ST_Y(ST_PointN(x.r, 4))] as vy,
           null::int as member_id
      from grids g cross join lateral (select ST_ExteriorRing(ST_GeometryN(g.boundary, 1)) as r) x
     where g.level = 3 and g.code like ${`${SYNTHETIC_PREFIX}C%`}`);
  await db.execute(sql`alter table bench_cells add primary key (n)`);
  await db.execute(sql`create index on bench_cells (grid_id)`);
  bar.end();
}

/**
 * The departments (if the database has none), a district office account, a leader, one township officer per
 * level-2 unit (syn_t_<grid id>) and one grid member per cell (syn_m_<n>). They share `passwordHash`; the
 * command line gives an unusable one, benchmarks a real one to log in with.
 */
export async function generatePeople(db: Db, passwordHash: string): Promise<void> {
  await db.execute(sql`
    insert into departments (code, name, name_ug, name_en, kind, sort_order)
    select d.code, d.name, d."nameUg", d."nameEn", d.kind, d.ord::int
      from jsonb_to_recordset(${JSON.stringify(DEPARTMENTS.map((d, ord) => ({ ...d, ord })))}::jsonb)
           as d(code text, name text, "nameUg" text, "nameEn" text, kind text, ord int)
     where not exists (select 1 from departments)`);
  await db.execute(sql`
    insert into users (username, display_name, password_hash)
    values ('syn_office', '合成区办公室', ${passwordHash}), ('syn_leader', '合成区领导', ${passwordHash})`);
  await db.execute(sql`
    insert into users (username, display_name, password_hash)
    select 'syn_t_' || g.id, '合成乡镇干部 ' || g.code, ${passwordHash}
      from grids g where g.level = 2 and g.code like ${`${SYNTHETIC_PREFIX}%`}`);
  await db.execute(sql`
    insert into users (username, display_name, password_hash)
    select 'syn_m_' || bc.n, '合成网格员 ' || bc.n, ${passwordHash} from bench_cells bc`);
  await db.execute(sql`
    insert into user_roles (user_id, role, grid_id)
    select u.id, case u.username when 'syn_office' then 'district_office' else 'district_leader' end, null
      from users u where u.username in ('syn_office', 'syn_leader')
    union all
    select u.id, 'township_officer', g.id
      from grids g join users u on u.username = 'syn_t_' || g.id
     where g.level = 2 and g.code like ${`${SYNTHETIC_PREFIX}%`}`);
  await db.execute(
    sql`update bench_cells bc set member_id = u.id from users u where u.username = 'syn_m_' || bc.n`,
  );
  await db.execute(sql`
    insert into user_roles (user_id, role, grid_id) select bc.member_id, 'grid_member', bc.grid_id from bench_cells bc`);
}

/**
 * Supervised objects number `first`…`count` of every type, spread over the cells; the placement trigger puts
 * each in its grid (the number seeds each row, so growing a set adds objects without changing the first).
 */
export async function generateObjects(db: Db, count: number, seed: number, first = 1): Promise<void> {
  const u = (k: number) => hashUniform("i", seed + 1, k);
  const bar = progress("objects", count);
  const chunk = 20_000;
  for (let from = first; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await bulk(
      db,
      sql`
      with a as (
        select i,
               case when ${u(1)} < 0.40 then 'enterprise' when ${u(1)} < 0.43 then 'water_source'
                    when ${u(1)} < 0.58 then 'hazard' when ${u(1)} < 0.75 then 'construction_project'
                    when ${u(1)} < 0.80 then 'ecological_area' else 'rural_site' end as ty,
               least(n.cells - 1, floor(n.cells * ${u(2)})::int) as celln,
               1 + floor(4 * ${u(3)})::int as corner, 0.7 * ${u(4)} as t, ${u(5)} as v
          from generate_series(${from}::int, ${to}::int) i
         cross join (select count(*)::int as cells from bench_cells) n),
      p as (
        select a.*, bc.cx + a.t * (bc.vx[a.corner] - bc.cx) as x, bc.cy + a.t * (bc.vy[a.corner] - bc.cy) as y,
               abs(bc.vx[2] - bc.vx[1]) * 0.04 as d
          from a join bench_cells bc on bc.n = a.celln)
      insert into supervised_objects (type, name, category, location, uscc, key_unit, water_zone_level,
                                      risk_level, eia_status, remediation_status)
      select p.ty, '合成' || case p.ty when 'enterprise' then '企业' when 'water_source' then '水源地'
                                 when 'hazard' then '隐患点' when 'construction_project' then '建设项目'
                                 when 'ecological_area' then '生态区' else '整治点' end || ' ' || p.i,
             (array['化工','建材','食品','冶金','印染','其他'])[1 + floor(6 * p.v)::int],
             case when p.ty in ('water_source', 'ecological_area')
                  then ST_MakeEnvelope(p.x - p.d, p.y - p.d, p.x + p.d, p.y + p.d, 4326)
                  else ST_SetSRID(ST_MakePoint(p.x, p.y), 4326) end,
             case when p.ty = 'enterprise' then '916100' || lpad(p.i::text, 12, '0') end,
             p.ty = 'enterprise' and p.v < 0.1,
             case when p.ty = 'water_source' then 1 + floor(2 * p.v)::int end,
             case when p.ty = 'hazard' then (array['major','large','general'])[1 + floor(3 * p.v)::int] end,
             case when p.ty = 'construction_project'
                  then (array['approved','pending','not_submitted','built_before_approval'])[1 + floor(4 * p.v)::int] end,
             case when p.ty = 'rural_site' then (array['planned','in_progress','completed'])[1 + floor(3 * p.v)::int] end
        from p`,
    );
    bar.step(to);
  }
  bar.end();
}

/**
 * Finished patrols over the two years before `now`, one member per cell walking a loop around the cell's
 * centre, with their track points (one every 30 s) in the month partitions, which are created first.
 */
export async function generatePatrols(db: Db, points: number, now: Date, seed: number): Promise<void> {
  const u = (k: number) => hashUniform("i", seed + 2, k);
  const patrols = Math.ceil(points / POINTS_PER_PATROL);
  const nowP = sql`${now.toISOString()}::timestamptz`;
  await db.execute(sql`
    select patrol_track_ensure_partition(m)
      from generate_series(${nowP} - interval '25 months', ${nowP} + interval '1 month', interval '1 month') m`);
  const bar = progress("track points", patrols * POINTS_PER_PATROL);
  const chunk = 5_000;
  for (let from = 1; from <= patrols; from += chunk) {
    const to = Math.min(patrols, from + chunk - 1);
    await bulk(
      db,
      sql`
      with a as (
        select i, ${nowP} - make_interval(secs => round(730 * 86400 * ${u(1)})) as started,
               least(n.cells - 1, floor(n.cells * ${u(2)})::int) as celln, 6.283 * ${u(3)} as phase
          from generate_series(${from}::int, ${to}::int) i
         cross join (select count(*)::int as cells from bench_cells) n),
      p as (
        insert into patrols (member_id, grid_id, started_at, finished_at, status, distance_m, point_count, created_at)
        select bc.member_id, bc.grid_id, a.started, a.started + interval '50 minutes', 'finished',
               round(6.3 * abs(bc.vx[2] - bc.vx[1]) * 0.25 * 111000 * 0.8)::int, ${POINTS_PER_PATROL}, a.started
          from a join bench_cells bc on bc.n = a.celln
        returning id, grid_id, started_at)
      insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags, received_at)
      select p.id, p.started_at + make_interval(secs => j * 30),
             bc.cx + abs(bc.vx[2] - bc.vx[1]) * 0.25 * cos(j * 0.063 + (p.id % 7)),
             bc.cy + abs(bc.vx[2] - bc.vx[1]) * 0.25 * sin(j * 0.063 + (p.id % 7)),
             5 + (j % 7) * 2, 0, p.started_at + interval '1 hour'
        from p join bench_cells bc on bc.grid_id = p.grid_id
       cross join generate_series(0, ${POINTS_PER_PATROL - 1}) j`,
    );
    bar.step(to * POINTS_PER_PATROL);
  }
  bar.end();
}

/** KPI deltas folded and statistics fresh: what a benchmark needs before it measures. */
export async function settleData(database: Database): Promise<void> {
  await database.db.execute(sql`select case_kpi_fold(), department_kpi_fold()`);
  // In service the rollup grows a day at a time, so a period's rows sit together; a bulk fold scatters them.
  await database.execScript("CLUSTER case_kpi_daily USING case_kpi_daily_day");
  // VACUUM (not only ANALYZE) sets the visibility map, so the dashboard's overdue count is index-only, and
  // empties the folded deltas (autovacuum's job in service).
  for (const table of [
    "cases",
    "case_events",
    "case_kpi_deltas",
    "case_kpi_daily",
    "case_kpi_stages",
    "department_kpi_deltas",
    "department_kpi_daily",
    "department_kpi_open_by_day",
    "supervised_objects",
    "patrols",
    "patrol_checkins",
  ])
    await database.execScript(`VACUUM ANALYZE ${table}`);
  await database.execScript("ANALYZE patrol_track_points");
}

/** Settled, the scratch table dropped, and one audit row for the whole run. */
export async function finishGeneration(database: Database, summary: Record<string, unknown>): Promise<void> {
  await settleData(database);
  await database.db.execute(sql`drop table if exists bench_cells`);
  await database.db.execute(sql`
    insert into audit_log (actor_name, action, entity_type, entity_id, after)
    values ('system', 'bench.generate', 'dataset', 'synthetic', ${JSON.stringify(summary)}::jsonb)`);
}

export { generateCases };
