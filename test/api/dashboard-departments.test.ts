import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DepartmentKpiReport, DepartmentKpis } from "../../api-types/dashboard.ts";
import { migrate } from "../../server/db/migrate.ts";
import { departmentKpiScan } from "../bench/department-kpi-scan.ts";
import { caseApi, createAccount, idOf, pointIn, report, uploadPhoto } from "../support/cases.ts";
import { DEPARTMENT_COUNTS } from "../support/department-kpis.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const sh = (local: string) => new Date(`${local}+08:00`);
/** Reading time: after the period, so every close limit of the July cases has come. */
const READ_AT = "2027-01-15T10:00:00";
const PERIOD = "?from=2026-07-01&to=2026-12-31";
let clock = sh(READ_AT);
let t: TestApp;
let api: ReturnType<typeof caseApi>;
let eco: number;
let water: number;
let memberId: number;
const cookies: Record<string, string> = {};
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-dept-kpis-"));

beforeAll(async () => {
  t = await startTestApp({ uploadDir }, { clock: () => clock });
  for (const u of ["office", "leader", "township", "member", "dept", "secadmin"])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  eco = await idOf(t, "departments", "eco");
  water = await idOf(t, "departments", "water");
  memberId = await idOf(t, "users", "member");
  // a township officer of 胜金乡, to register a case outside the demo township officer's reach
  await createAccount(t, cookies.secadmin, {
    username: "shengjin",
    role: "township_officer",
    gridId: await idOf(t, "grids", "胜金乡"),
  });
  cookies.shengjin = await t.login("shengjin", "Test@12345x");
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const report$ = async (user: string) => {
  const r = await api.get(user, `/api/dashboard/departments${PERIOD}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as DepartmentKpiReport;
};
const row = (r: DepartmentKpiReport, id: number) => r.departments.find((d) => d.id === id) as DepartmentKpis;

const delta = (after: DepartmentKpis, before: DepartmentKpis) =>
  Object.fromEntries(DEPARTMENT_COUNTS.map((k) => [k, after[k] - before[k]]));

/** A report filed in the village, accepted and registered by its township officer (at the current clock). */
async function registered(village: string, officer: string, filer: string) {
  const filed = await api.file(filer, report({}, await pointIn(t, village)));
  expect(filed.statusCode, filed.body).toBe(201);
  const id = filed.json().id as number;
  await api.step(officer, id, { action: "accept" });
  await api.step(officer, id, { action: "register" });
  return id;
}

/** The handling recorded by the department, then every feedback the case asks for, then a re-check. */
async function handleAndRecheck(id: number, passed: boolean) {
  await api.handledWithFeedback(id);
  await api.step("township", id, { action: "request_verification", assigneeId: memberId });
  return api.step("member", id, {
    action: "record_verification",
    passed,
    note: passed ? "现场已整改" : "仍在排放",
    evidenceIds: [await uploadPhoto(t, cookies.member, id)],
  });
}

describe("department KPIs (GET /api/dashboard/departments)", () => {
  let before: Record<string, DepartmentKpiReport>;
  let after: Record<string, DepartmentKpiReport>;

  beforeAll(async () => {
    clock = sh(READ_AT);
    before = {
      office: await report$("office"),
      township: await report$("township"),
      dept: await report$("dept"),
    };

    clock = sh("2026-07-06T10:00:00");
    // A: to 生态环境, extended, reworked once, then closed
    const a = await registered("亚尔村", "township", "member");
    await api.step("township", a, { action: "transfer", departmentId: eco });
    await api.step("dept", a, { action: "accept_transfer" });
    await api.step("dept", a, { action: "request_extension", days: 10, reason: "需委托第三方检测" });
    await api.step("leader", a, { action: "approve_extension" });
    expect((await handleAndRecheck(a, false)).stage).toBe("handling");
    expect((await handleAndRecheck(a, true)).stage).toBe("verified");
    expect((await api.step("township", a, { action: "close" })).stage).toBe("closed");
    // B: to 生态环境, accepted and left open (overdue by the reading time)
    const b = await registered("亚尔村", "township", "member");
    await api.step("township", b, { action: "transfer", departmentId: eco });
    await api.step("dept", b, { action: "accept_transfer" });
    // C: to 水利, open
    const c = await registered("亚尔村", "township", "member");
    await api.step("township", c, { action: "transfer", departmentId: water });
    // D: a joint investigation led by 水利 with 生态环境
    const d = await registered("亚尔村", "township", "member");
    await api.step("office", d, {
      action: "organize_joint",
      leadDepartmentId: water,
      participantDepartmentIds: [eco],
    });
    // E: in 胜金乡, outside the demo township officer's grids, to 生态环境
    const e = await registered("胜金村", "shengjin", "office");
    await api.step("shengjin", e, { action: "transfer", departmentId: eco });

    clock = sh(READ_AT);
    after = {
      office: await report$("office"),
      township: await report$("township"),
      dept: await report$("dept"),
    };
  });

  it("counts hand-overs, closures, 应结案数, open and overdue, re-checks, reworks and extensions exactly", () => {
    expect(delta(row(after.office, eco), row(before.office, eco))).toEqual({
      handed: 4, // A, B, E transferred; D named it in a joint investigation
      closed: 1,
      dueToClose: 4, // A, B, D, E: close limits in October, all past by the reading time
      closedOfDue: 1,
      closedOnTime: 1,
      extendedOfDue: 1,
      open: 3, // B, D, E (E still waiting to be accepted)
      overdue: 3,
      rechecks: 2,
      reworks: 1,
      extensions: 1,
    });
    expect(delta(row(after.office, water), row(before.office, water))).toEqual({
      handed: 2,
      closed: 0,
      dueToClose: 2,
      closedOfDue: 0,
      closedOnTime: 0,
      extendedOfDue: 0,
      open: 2,
      overdue: 2,
      rechecks: 0,
      reworks: 0,
      extensions: 0,
    });
    const ecoRow = row(after.office, eco);
    expect(ecoRow.name).toBe("市生态环境局高昌区分局");
    expect(ecoRow.reworkRate).toBe(Math.round((ecoRow.reworks / ecoRow.rechecks) * 10_000) / 10_000);
    expect(ecoRow.onTimeClosureRate).toBe(
      Math.round((ecoRow.closedOnTime / ecoRow.dueToClose) * 10_000) / 10_000,
    );
    expect(after.office.period).toEqual({ from: "2026-07-01", to: "2026-12-31" });
  });

  it("reads what a scan of the cases and their timelines counts, and the same once the deltas are folded", async () => {
    const scanned = await t.query(departmentKpiScan(after.office.period, clock));
    expect(after.office.departments).toMatchObject(scanned);
    const [{ pending }] = await t.query<{ pending: number }>(
      sql`select count(*)::int as pending from department_kpi_deltas`,
    );
    expect(pending).toBeGreaterThan(0);
    await t.query(sql`select department_kpi_fold()`);
    for (const user of ["office", "township", "dept"]) expect(await report$(user)).toEqual(after[user]);
    // a deadline day whose cases have all moved on or closed leaves no row behind
    const [{ empty }] = await t.query<{ empty: number }>(
      sql`select count(*)::int as empty from department_kpi_open_by_day where n = 0`,
    );
    expect(empty).toBe(0);
  });

  it("counts a case overdue from the minute its deadline passes, on its day and after it (migration 0022)", async () => {
    // an open eco case given a deadline in the middle of a day: until the day ends it is counted live, then
    // through its deadline day's row of the rollup
    const [open] = await t.query<{ id: number; dueAt: string }>(
      sql`select id, deadline_due_at::text as "dueAt" from cases
           where assigned_department_id = ${eco} and deadline_due_at is not null order by id limit 1`,
    );
    const due = sh("2026-07-09T15:00:00");
    await t.query(
      sql`update cases set deadline_due_at = ${due.toISOString()}::timestamptz where id = ${open.id}`,
    );
    await t.query(sql`select department_kpi_fold()`);
    const overdueAt = async (local: string) => {
      clock = sh(local);
      const scanned = await t.query<DepartmentKpis>(departmentKpiScan(after.office.period, clock));
      const read = await report$("office");
      expect(read.departments).toMatchObject(scanned);
      return row(read, eco).overdue;
    };
    try {
      const justBefore = await overdueAt("2026-07-09T14:59:00");
      expect(await overdueAt("2026-07-09T15:01:00")).toBe(justBefore + 1);
      expect(await overdueAt("2026-07-10T00:00:30")).toBeGreaterThanOrEqual(justBefore + 1);
    } finally {
      clock = sh(READ_AT);
      await t.query(sql`update cases set deadline_due_at = ${open.dueAt}::timestamptz where id = ${open.id}`);
    }
  });

  it("shows a department's staff their own department only, with the figures the office sees", () => {
    expect(after.dept.departments.map((d) => d.id)).toEqual([eco]);
    expect(after.dept.departments[0]).toEqual(row(after.office, eco));
  });

  it("shows a township officer every department's work on the township's cases only", () => {
    expect(after.township.departments.map((d) => d.id)).toEqual(after.office.departments.map((d) => d.id));
    // E lies in 胜金乡: it counts for the office and the department, not for 亚尔镇's officer
    expect(delta(row(after.township, eco), row(before.township, eco))).toMatchObject({
      handed: 3,
      dueToClose: 3,
      open: 2,
    });
    expect(delta(row(after.township, water), row(before.township, water))).toMatchObject({ handed: 2 });
    expect(row(after.township, eco).handed).toBeLessThan(row(after.office, eco).handed);
  });

  it("counts the cases and timelines already there when the rollup arrives (migrations 0020, 0022, 0026)", async () => {
    for (const fn of [
      "department_kpi_case_inserted()",
      "department_kpi_case_changed()",
      "department_kpi_event_inserted()",
      "department_kpi_event_credit()",
      "department_kpi_case_moved()",
    ])
      await t.query(sql.raw(`drop function ${fn} cascade`));
    for (const fn of [
      "department_kpi_fold()",
      "department_kpi_case_facts(cases)",
      "department_kpi_event_facts(case_events, cases)",
      "department_kpi_credited(cases)",
    ])
      await t.query(sql.raw(`drop function ${fn}`));
    await t.query(sql`alter table case_events drop column kpi_department_ids`);
    await t.query(sql`drop table department_kpi_deltas, department_kpi_daily, department_kpi_open_by_day`);
    await t.query(sql`drop index cases_department_deadline`);
    const rollups = [
      "0020_department_kpi_rollup.sql",
      "0022_department_overdue_by_deadline_day.sql",
      "0026_department_work_follows_case.sql",
    ];
    for (const name of rollups) await t.query(sql`delete from schema_migrations where name = ${name}`);
    expect(await migrate(t.database)).toEqual(rollups);
    for (const user of ["office", "township", "dept"]) expect(await report$(user)).toEqual(after[user]);
  });

  it("refuses a reversed period and roles without the dashboard", async () => {
    const reversed = await api.get("office", "/api/dashboard/departments?from=2026-12-31&to=2026-07-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toBe("invalid_period");
    expect((await api.get("member", "/api/dashboard/departments")).statusCode).toBe(403);
  });
});
