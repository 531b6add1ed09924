import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { rows } from "../../server/db/client.ts";
import { ensureSettings } from "../../server/db/settings-init.ts";
import type { App } from "../../server/routes/types.ts";
import { hashPassword } from "../../server/security/passwords.ts";
import { pointsInGrids } from "./bench-app.ts";
import { emit, openBenchDatabase } from "./bench-db.ts";
import { caseListLatencies } from "./case-list.bench.ts";
import { dashboardLatencies, departmentLatencies, patrolLatencies } from "./dashboard.bench.ts";
import {
  generateCases,
  generateGrids,
  generateObjects,
  generatePeople,
  settleData,
} from "./data/generate.ts";
import { ensurePatrolRules, generateCheckins } from "./data/generate-checkins.ts";
import { PROVINCE } from "./data/scales.ts";
import { bareInsert } from "./intake.bench.ts";
import { intakeLatencies } from "./intake-latency.ts";
import { round2 } from "./latency.ts";

const PASSWORD = "bench-only-password-1";

async function login(app: App, username: string): Promise<string> {
  const r = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: PASSWORD },
  });
  const cookie = r.cookies.find((c) => c.name === "envgrid_session");
  if (r.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  return `envgrid_session=${cookie.value}`;
}

/**
 * Dashboard and case list as the data grows: one province-sized grid tree (10,000 level-3 grids), cases
 * added in steps (10k → 100k → 1M; --quick: 2k → 5k → 20k on 400 grids), each step measured through the
 * app and against its baseline in the same run.
 */
export async function dataScaleBench(quick: boolean): Promise<void> {
  const scale = quick ? { ...PROVINCE, side: 20, blockSide: 5 } : PROVINCE;
  const steps = quick ? [2_000, 5_000, 20_000] : [10_000, 100_000, 1_000_000];
  const runs = quick ? 10 : 40;
  const now = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const { database, drop } = await openBenchDatabase("data");
  let app: App | null = null;
  try {
    await generateGrids(database.db, scale, 42);
    await generatePeople(database.db, await hashPassword(PASSWORD));
    const config = {
      ...loadConfig({}),
      webDistDir: "/nonexistent",
      loginRateLimitPerMinute: 1_000_000,
      apiRateLimitPerMinute: 1_000_000_000,
    };
    await ensureSettings(database.db, config);
    app = await buildApp({ config, database });
    await app.ready();
    const [township] = await rows<{ id: number }>(
      database.db,
      sql`select id from grids where level = 2 and code like 'SYN-%' order by id limit 1`,
    );
    const cookies = {
      office: await login(app, "syn_office"),
      township: await login(app, `syn_t_${township.id}`),
      member: await login(app, "syn_m_1"),
    };
    const [member] = await rows<{ id: number }>(
      database.db,
      sql`select id from users where username = 'syn_m_1'`,
    );
    const memberPoints = await pointsInGrids(database, 20, "syn_m_1");
    const insert = await bareInsert(database, member.id);
    const engine = database.engine;
    /** One latency figure in ms against its baseline in the same run. */
    const msFigure = (
      name: string,
      value: number,
      baseline: number,
      about: { target?: string; note: string },
    ) =>
      emit({
        name,
        value,
        unit: "ms",
        baseline,
        ratio: round2(value / baseline),
        ...(about.target ? { target: about.target } : {}),
        engine,
        note: about.note,
      });
    // 巡查完成率 as the supervised objects (and their check-ins) grow, before any case exists
    await ensurePatrolRules(database.db);
    const patrolSteps: { objects: number; p50: number }[] = [];
    for (const objects of quick ? [500, 2_000] : [10_000, 100_000]) {
      const done = patrolSteps.at(-1)?.objects ?? 0;
      const [{ lastId }] = await rows<{ lastId: number }>(
        database.db,
        sql`select coalesce(max(id), 0)::int as "lastId" from supervised_objects`,
      );
      await generateObjects(database.db, objects, 42, done + 1);
      await generateCheckins(database.db, lastId, now, 42);
      await settleData(database);
      const p = await patrolLatencies(app, database, cookies.office, runs);
      patrolSteps.push({ objects, p50: p.endpoint.p50 });
      for (const q of ["p50", "p95"] as const)
        msFigure(`dashboard.patrols_${q}_ms@${objects}objects`, p.endpoint[q], p.checkins[q], {
          note: `${objects} objects, check-ins every 3–14 days, default rules; GET /api/dashboard/patrols as the district office, the current quarter (${p.done} of ${p.due} visits made); baseline: the quarter's check-ins counted per township in SQL`,
        });
    }
    const [fewer, more] = patrolSteps;
    msFigure("dashboard.patrols_growth_p50", more.p50, fewer.p50, {
      note: `${more.objects} vs ${fewer.objects} objects`,
    });

    const byStep: { cases: number; dashboard: number; departments: number; list: number; intake: number }[] =
      [];
    let done = 0;
    for (const cases of steps) {
      await generateCases(database.db, { first: done + 1, last: cases }, now, 42);
      done = cases;
      await settleData(database);
      const d = await dashboardLatencies(app, database, cookies.office, runs);
      const dep = await departmentLatencies(app, database, cookies, runs);
      const [snapshot] = await rows<{ rows: number; overdue: number }>(
        database.db,
        sql`select count(*)::int as rows,
                   (select count(*)::int from cases where assigned_department_id is not null and deadline_due_at < now()) as overdue
              from department_kpi_open_by_day`,
      );
      const l = await caseListLatencies(app, cookies, runs);
      const i = await intakeLatencies(app, cookies.member, memberPoints, insert, runs);
      byStep.push({
        cases,
        dashboard: d.endpoint.p50,
        departments: dep.endpoint.p50,
        list: l.scoped.p50,
        intake: i.intake.p50,
      });
      const note = `${cases} cases, ${scale.side ** 2} level-3 grids`;
      msFigure(`dashboard.endpoint_p50_ms@${cases}`, d.endpoint.p50, d.statements.p50, {
        target: "ratio <= 1.5",
        note: `${note}; baseline: the endpoint's own SQL statement run directly`,
      });
      msFigure(`dashboard.rollup_vs_scan_p50_ms@${cases}`, d.endpoint.p50, d.scan.p50, {
        note: `${note}; baseline: the same figures aggregated straight from cases (no rollups)`,
      });
      for (const q of ["p50", "p95"] as const)
        msFigure(`dashboard.departments_${q}_ms@${cases}`, dep.endpoint[q], dep.statement[q], {
          ...(q === "p50" ? { target: "ratio <= 1.5" } : {}),
          note: `${note}; GET /api/dashboard/departments as the district office, the current quarter (${snapshot.overdue} overdue department cases; open snapshot ${snapshot.rows} rows by township, department and deadline day); baseline: its own SQL statement run directly`,
        });
      msFigure(`dashboard.departments_township_p50_ms@${cases}`, dep.township.p50, dep.endpoint.p50, {
        note: `${note}; the same endpoint as one township's officer (their township's rows, overdue cases of their grids); baseline: as the district office`,
      });
      msFigure(`dashboard.departments_rollup_vs_scan_p50_ms@${cases}`, dep.endpoint.p50, dep.scan.p50, {
        note: `${note}; baseline: the same figures counted straight from the quarter's events and department cases (no rollups)`,
      });
      for (const q of ["p50", "p95"] as const)
        msFigure(`case_list.scoped_${q}_ms@${cases}`, l.scoped[q], l.unscoped[q], {
          note: `${note}; township officer vs district office, same filters and page`,
        });
      msFigure(`intake.latency_p50_ms@${cases}`, i.intake.p50, i.bare.p50, {
        note: `${note}; one POST /api/cases at a time by a grid member in their grid (p95 ${i.intake.p95} ms); baseline: the bare one-row INSERT into cases (p95 ${i.bare.p95} ms)`,
      });
    }
    const last = byStep[byStep.length - 1];
    const tenth = byStep.find((s) => s.cases * 10 === last.cases) ?? byStep[byStep.length - 2];
    const growth = `${last.cases} vs ${tenth.cases} cases`;
    msFigure("dashboard.growth_p50", last.dashboard, tenth.dashboard, { target: "ratio <= 2", note: growth });
    msFigure("dashboard.departments_growth_p50", last.departments, tenth.departments, {
      target: "ratio <= 2",
      note: `${growth}: read from the department rollups (migrations 0020, 0022) and the cases whose deadline fell earlier today`,
    });
    msFigure("case_list.growth_scoped_p50", last.list, tenth.list, { note: growth });
    msFigure("intake.growth_p50", last.intake, tenth.intake, {
      target: "ratio <= 2",
      note: `${growth}: filing must not slow down as the cases and accounts pile up`,
    });
  } finally {
    await app?.close();
    await drop();
  }
}
