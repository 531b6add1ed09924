import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DepartmentKpiReport, DistrictKpis } from "../../api-types/dashboard.ts";
import { migrate } from "../../server/db/migrate.ts";
import { runDeadlineSweep } from "../../server/jobs/deadline-sweep.ts";
import { departmentKpiStatement } from "../../server/queries/department-kpis.ts";
import { departmentKpiScan } from "../bench/department-kpi-scan.ts";
import { caseApi, createAccount, idOf, pointIn, report } from "../support/cases.ts";
import { DEPARTMENT_COUNTS, type DepartmentCounts } from "../support/department-kpis.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A village moved to another township (区划调整) takes its cases along: who may read them, the case's township
// and the township KPIs follow the grid tree, not where the village used to be.
/** One reading time for the app and the independent counts (overdue depends on it). */
const NOW = new Date();
/** Every demo case's work (the period may not exceed ten years). */
const PERIOD = { from: `${NOW.getUTCFullYear() - 5}-01-01`, to: `${NOW.getUTCFullYear() + 4}-12-31` };
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: number;
let shengjin: number;
let village: { id: number; name: string; version: number; cases: number; open: number };
let caseId: number;
let townships: { id: number; path: string }[];

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => NOW });
  for (const u of ["office", "township", "dept", "secadmin"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await idOf(t, "grids", "亚尔镇");
  shengjin = await idOf(t, "grids", "胜金乡");
  await createAccount(t, cookies.secadmin, {
    username: "shengjin",
    role: "township_officer",
    gridId: shengjin,
  });
  cookies.shengjin = await t.login("shengjin", "Test@12345x");
  // the 亚尔镇 village with the most cases, other than 亚尔村 (the demo accounts' own)
  [village] = await t.query<typeof village>(
    sql`select g.id, g.name, g.version, count(*)::int as cases,
               (count(*) filter (where c.deadline_due_at is not null))::int as open
          from grids g join cases c on c.grid_id = g.id
         where g.parent_id = ${yaer} and g.name <> '亚尔村'
         group by g.id order by count(*) desc, g.id limit 1`,
  );
  [{ id: caseId }] = await t.query<{ id: number }>(
    sql`select id from cases where grid_id = ${village.id} order by id limit 1`,
  );
  townships = await t.query(sql`select id, path from grids where level = 2 order by id`);
});
afterAll(() => t?.close());

const townshipRow = async (id: number) => {
  const r = await api.get("office", "/api/dashboard/kpis?from=2024-01-01&to=2030-12-31");
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as DistrictKpis).townships.find((x) => x.id === id);
};
const listed = async (user: string) => {
  const r = await api.get(user, `/api/cases?gridId=${village.id}&pageSize=100`);
  return r.statusCode === 200 ? (r.json().total as number) : r.statusCode;
};

const departmentsRead = async (user: string) => {
  const r = await api.get(user, `/api/dashboard/departments?from=${PERIOD.from}&to=${PERIOD.to}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as DepartmentKpiReport).departments;
};
const scan = (townshipId?: number) => t.query<DepartmentCounts>(departmentKpiScan(PERIOD, NOW, townshipId));

/**
 * The department figures (GET /api/dashboard/departments) against counts taken straight from the cases and
 * their timelines: the office's, each township's as its officer reads it (the two officers through the API,
 * every township through the statement their request runs), and the townships add up to the district.
 */
async function departmentFiguresHold() {
  const office = await departmentsRead("office");
  expect(office).toMatchObject(await scan());
  expect(await departmentsRead("township")).toMatchObject(await scan(yaer));
  expect(await departmentsRead("shengjin")).toMatchObject(await scan(shengjin));
  const sum = new Map<number, DepartmentCounts>();
  const add = (rows: DepartmentCounts[]) => {
    for (const r of rows) {
      const s = sum.get(r.id);
      sum.set(r.id, s ? { ...r, ...Object.fromEntries(DEPARTMENT_COUNTS.map((k) => [k, s[k] + r[k]])) } : r);
    }
  };
  for (const { id, path } of townships) {
    const grids = { allGrids: false, gridPaths: [path], gridIds: [id], departmentIds: [] };
    const read = await t.query<DepartmentCounts>(
      departmentKpiStatement({ everything: false, ownDepartmentIds: [], grids }, PERIOD, NOW),
    );
    expect(read, `township ${id}`).toEqual(await scan(id));
    add(read);
  }
  add(await scan(0)); // cases on the root grid: district-wide readers only
  expect(office).toMatchObject([...sum.values()]);
}

/** Folds the pending deltas and checks the rollup: no negative cell, the townships' rows sum to the -1 rows. */
async function foldedRollupHolds() {
  await t.query(sql`select department_kpi_fold()`);
  const [{ negative }] = await t.query<{ negative: number }>(
    sql`select count(*)::int as negative from department_kpi_daily
         where least(handed, rechecks, reworks, extensions, due, due_closed, due_closed_on_time, due_extended,
                     closed) < 0`,
  );
  expect(negative).toBe(0);
  const [{ unbalanced }] = await t.query<{ unbalanced: number }>(
    sql`select count(*)::int as unbalanced
          from (select department_id, day,
                       array[sum(s * handed), sum(s * rechecks), sum(s * reworks), sum(s * extensions), sum(s * due),
                             sum(s * due_closed), sum(s * due_closed_on_time), sum(s * due_extended), sum(s * closed)]
                         as diff
                  from (select d.*, case when township_id = -1 then -1 else 1 end as s from department_kpi_daily d) d
                 group by 1, 2) x
         where diff <> array[0, 0, 0, 0, 0, 0, 0, 0, 0]::numeric[]`,
  );
  expect(unbalanced).toBe(0);
}

describe("moving a village to another township", () => {
  it("moves its cases with it", async () => {
    expect(village.cases).toBeGreaterThan(0);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(404);
    const before = { yaer: await townshipRow(yaer), shengjin: await townshipRow(shengjin) };
    // a case of the village whose departments change after its work was credited (re-assigned by hand, say):
    // the work stays with the departments that did it, and must leave the old township under those
    const [work] = await t.query<{ caseId: number; dept: number }>(
      sql`select e.case_id as "caseId", c.assigned_department_id as dept
            from case_events e join cases c on c.id = e.case_id
           where c.grid_id = ${village.id} and c.assigned_department_id is not null
             and e.action in ('approve_extension', 'record_verification')
           order by e.action = 'approve_extension' desc, e.id limit 1`,
    );
    expect(work).toBeDefined();
    await t.query(
      sql`update cases set assigned_department_id = (select min(id) from departments
                                                      where kind = 'department' and id <> ${work.dept})
           where id = ${work.caseId}`,
    );
    const [{ work: villageWork }] = await t.query<{ work: number }>(
      sql`select count(*)::int as work from case_events e join cases c on c.id = e.case_id
           where c.grid_id = ${village.id}
             and e.action in ('transfer', 'organize_joint', 'record_verification', 'approve_extension')`,
    );
    expect(villageWork).toBeGreaterThan(0);
    await departmentFiguresHold();

    const moved = await api.post("office", `/api/grids/${village.id}/move`, {
      parentId: shengjin,
      version: village.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ moved: 1, casesMoved: village.cases });

    // reach follows the tree: the new township's officer reads the village's cases, the old one's no longer
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(404);
    const detail = await api.get("shengjin", `/api/cases/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().townshipName).toBe("胜金乡");
    expect(await listed("shengjin")).toBe(village.cases);

    // no case is left with a path its grid no longer has
    const [{ stale }] = await t.query<{ stale: number }>(
      sql`select count(*)::int as stale from cases c join grids g on g.id = c.grid_id where c.grid_path <> g.path`,
    );
    expect(stale).toBe(0);

    // the township figures of the district dashboard move by the village's cases
    const after = { yaer: await townshipRow(yaer), shengjin: await townshipRow(shengjin) };
    expect(after.yaer?.open).toBe((before.yaer?.open ?? 0) - village.open);
    expect(after.shengjin?.open).toBe((before.shengjin?.open ?? 0) + village.open);
    expect((after.yaer?.reported ?? 0) + (after.shengjin?.reported ?? 0)).toBe(
      (before.yaer?.reported ?? 0) + (before.shengjin?.reported ?? 0),
    );
    expect(after.shengjin?.reported).toBeGreaterThan(before.shengjin?.reported ?? 0);

    const [audit] = await t.query<{ after: { casesMoved: number } }>(
      sql`select after from audit_log where action = 'grid.move' and entity_id = ${String(village.id)}`,
    );
    expect(audit.after.casesMoved).toBe(village.cases);

    // the department work done on the village's cases (hand-overs, re-checks, reworks, extensions) went along
    await departmentFiguresHold();
    await foldedRollupHolds();
    await departmentFiguresHold();
  });

  it("repairs cases left behind by a move made before the fix (migration 0025)", async () => {
    // as an earlier release left them: the village's cases still under 亚尔镇's path
    const [{ path }] = await t.query<{ path: string }>(sql`select path from grids where id = ${village.id}`);
    await t.query(sql`update cases set grid_path = ${`/${path.split("/")[1]}/${yaer}/${village.id}/`}
                       where grid_id = ${village.id}`);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(200);
    const migration = "0025_case_paths_follow_grid_moves.sql";
    await t.query(sql`delete from schema_migrations where name = ${migration}`);
    await t.query(sql`drop index grid_versions_valid_to`);
    expect(await migrate(t.database)).toEqual([migration]);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect(await listed("shengjin")).toBe(village.cases);
    await departmentFiguresHold();
  });

  it("repairs department work left in the old township by a move made before the fix (migration 0026)", async () => {
    // as an earlier release left them: the village's cases in 胜金乡, the facts of their timelines in 亚尔镇
    await t.query(
      sql`insert into department_kpi_deltas (department_id, township_id, day, measure, n)
          select f.department_id, m.township, f.day, f.measure, m.sign * f.n
            from case_events e join cases c on c.id = e.case_id
           cross join lateral department_kpi_event_facts(e, c) f
           cross join lateral (values (f.township_id, -1), (${yaer}::int, 1)) m(township, sign)
           where c.grid_id = ${village.id}
             and e.action in ('transfer', 'organize_joint', 'record_verification', 'approve_extension')`,
    );
    await t.query(sql`select department_kpi_fold()`);
    expect(await departmentsRead("township")).not.toMatchObject(await scan(yaer));
    // and the events written before it: no credited departments recorded
    await t.query(sql`drop function department_kpi_event_credit(), department_kpi_case_moved() cascade`);
    await t.query(sql`drop function department_kpi_credited(cases)`);
    await t.query(sql`alter table case_events drop column kpi_department_ids`);
    const migration = "0026_department_work_follows_case.sql";
    await t.query(sql`delete from schema_migrations where name = ${migration}`);
    expect(await migrate(t.database)).toEqual([migration]);
    await departmentFiguresHold();
    await foldedRollupHolds();
    await departmentFiguresHold();
  });

  it("takes a hand-over along when a returned case is routed to another township", async () => {
    const eco = await idOf(t, "departments", "eco");
    const filed = await api.file("office", report({}, await pointIn(t, "亚尔村")));
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as number;
    await api.step("township", id, { action: "accept" });
    await api.step("township", id, { action: "register" });
    await api.step("township", id, { action: "transfer", departmentId: eco });
    const returned = await api.step("dept", id, { action: "return_transfer", reason: "不属本部门职责" });
    expect(returned.stage).toBe("registered");
    const handed = async (user: string) =>
      (await departmentsRead(user)).find((d) => d.id === eco)?.handed ?? 0;
    const before = { yaer: await handed("township"), shengjin: await handed("shengjin") };
    await departmentFiguresHold();

    const rerouted = await api.post("office", `/api/cases/${id}/routing`, {
      version: returned.version,
      reason: "属胜金乡辖区",
      gridId: await idOf(t, "grids", "胜金村"),
    });
    expect(rerouted.statusCode, rerouted.body).toBe(200);
    expect(await handed("township")).toBe(before.yaer - 1);
    expect(await handed("shengjin")).toBe(before.shengjin + 1);
    await departmentFiguresHold();
    await foldedRollupHolds();
    await departmentFiguresHold();
  });

  it("brings a case filed while the village moved under its new path at the next sweep", async () => {
    // the race: intake read the old path, the move committed first and could not see the new case
    const [{ path }] = await t.query<{ path: string }>(sql`select path from grids where id = ${village.id}`);
    const [old] = await t.query<{ path: string }>(
      sql`select path from grid_versions where grid_id = ${village.id} and path <> ${path}
           order by version desc limit 1`,
    );
    await t.query(sql`update cases set grid_path = ${old.path} where id = ${caseId}`);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(404);

    const swept = await runDeadlineSweep(t.database.db, new Date());
    expect(swept?.casesReattached).toBe(1);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await runDeadlineSweep(t.database.db, new Date()))?.casesReattached).toBe(0);
  });
});
