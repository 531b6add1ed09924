import { sql } from "drizzle-orm";
import type { DepartmentKpiReport, PatrolCompletionReport } from "../../api-types/dashboard.ts";
import { type Database, rows } from "../../server/db/client.ts";
import { currentQuarter } from "../../server/domain/kpi/period.ts";
import { kpiStatement } from "../../server/queries/dashboard-kpis.ts";
import { departmentKpiStatement } from "../../server/queries/department-kpis.ts";
import { shanghaiDayEnd, shanghaiDayStart } from "../../server/queries/sql-time.ts";
import type { App } from "../../server/routes/types.ts";
import { departmentKpiScan } from "./department-kpi-scan.ts";
import { type Latency, measure } from "./latency.ts";

const ALL_GRIDS = { allGrids: true, gridPaths: [], gridIds: [], departmentIds: [] };

/**
 * GET `url` through the app as the holder of `cookie`: the first answer is handed to `check` (which throws
 * when the data would flatter the figure) and returned, then `runs` requests are timed.
 */
async function timedGet<T>(
  app: App,
  url: string,
  cookie: string,
  runs: number,
  check: (body: T) => void = () => {},
): Promise<{ first: T; latency: Latency }> {
  const get = async () => {
    const r = await app.inject({ method: "GET", url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}: ${r.body}`);
    return r;
  };
  const first = (await get()).json() as T;
  check(first);
  return { first, latency: await measure(get, runs) };
}

/**
 * The district KPI endpoint for the whole district (the heaviest scope), three ways: through the app
 * (inject: auth, validation, serialization), its own SQL statement run directly on the same pool, and the
 * same figures aggregated straight from `cases` without the rollups (what it would cost without them).
 */
export async function dashboardLatencies(
  app: App,
  database: Database,
  cookie: string,
  runs: number,
): Promise<{ endpoint: Latency; statements: Latency; scan: Latency }> {
  const now = new Date();
  const period = currentQuarter(now);
  const endpoint = (await timedGet(app, "/api/dashboard/kpis", cookie, runs)).latency;
  const statements = await measure(() => rows(database.db, kpiStatement(ALL_GRIDS, period, now)), runs);
  const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);
  const scan = await measure(
    () =>
      rows(
        database.db,
        sql`select case_kpi_township(c.grid_path) as t,
                   count(*) filter (where ${day("c.reported_at")} between ${period.from}::date and ${period.to}::date),
                   count(*) filter (where c.stage not in ('rejected','merged','closed')),
                   count(*) filter (where c.deadline_due_at < ${now.toISOString()}::timestamptz),
                   count(*) filter (where ${day("c.close_due_at")} between ${period.from}::date and ${period.to}::date),
                   count(*) filter (where ${day("c.closed_at")} between ${period.from}::date and ${period.to}::date)
              from cases c group by 1`,
      ),
    Math.max(3, Math.floor(runs / 5)),
    1,
  );
  return { endpoint, statements, scan };
}

/**
 * The department KPI endpoint for every department district-wide (the district office, the current quarter)
 * three ways: through the app, its own statement run directly, and the same figures counted straight from
 * the quarter's events and department cases without the rollups (department-kpi-scan.ts; JIT off, as that
 * statement ran when it was the endpoint's); and through the app as one township's officer. Refuses data without hand-overs or re-checks in the quarter: the
 * figure would flatter the endpoint.
 */
export async function departmentLatencies(
  app: App,
  database: Database,
  cookies: { office: string; township: string },
  runs: number,
): Promise<{ endpoint: Latency; township: Latency; statement: Latency; scan: Latency }> {
  const now = new Date();
  const period = currentQuarter(now);
  const endpoint = (
    await timedGet<DepartmentKpiReport>(
      app,
      "/api/dashboard/departments",
      cookies.office,
      runs,
      ({ departments }) => {
        if (!departments.some((d) => d.handed > 0) || !departments.some((d) => d.rechecks > 0))
          throw new Error(
            "no hand-overs or re-checks in the quarter: the data has no department work to count",
          );
      },
    )
  ).latency;
  const township = (await timedGet(app, "/api/dashboard/departments", cookies.township, runs)).latency;
  const everything = { everything: true, ownDepartmentIds: [], grids: null };
  const statement = await measure(
    () => rows(database.db, departmentKpiStatement(everything, period, now)),
    runs,
  );
  const scan = await measure(
    () =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        return rows(tx, departmentKpiScan(period, now));
      }),
    Math.max(3, Math.floor(runs / 5)),
    1,
  );
  return { endpoint, township, statement, scan };
}

/**
 * 巡查完成率 for the whole district (the district office, the current quarter) through the app, against one
 * pass over the same check-ins in SQL (the quarter's check-ins counted per township: the rows the endpoint
 * must read at the least, without the plan's rule). Refuses data where nothing was due or nothing done.
 */
export async function patrolLatencies(
  app: App,
  database: Database,
  cookie: string,
  runs: number,
): Promise<{ endpoint: Latency; checkins: Latency; due: number; done: number }> {
  const period = currentQuarter(new Date());
  const { first, latency: endpoint } = await timedGet<PatrolCompletionReport>(
    app,
    "/api/dashboard/patrols",
    cookie,
    runs,
    ({ totals }) => {
      if (totals.due === 0 || totals.done === 0)
        throw new Error("no patrol visits due or made in the quarter");
    },
  );
  const { totals } = first;
  const checkins = await measure(
    () =>
      rows(
        database.db,
        sql`select case_kpi_township(g.path) as township, count(*)::int as n
              from patrol_checkins c join supervised_objects o on o.id = c.object_id join grids g on g.id = o.grid_id
             where c.at >= ${shanghaiDayStart(period.from)} and c.at < ${shanghaiDayEnd(period.to)}
             group by 1`,
      ),
    runs,
  );
  return { endpoint, checkins, due: totals.due, done: totals.done };
}
