import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistrictKpis, KpiCounts } from "../../api-types/dashboard.ts";
import { caseApi, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const sh = (local: string) => new Date(`${local}+08:00`);
const clock = sh("2026-11-20T10:00:00");
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => clock });
  for (const u of ["office", "leader", "township", "member", "supervisor"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
});
afterAll(() => t?.close());

const kpis = async (user: string, query = ""): Promise<DistrictKpis> => {
  const r = await api.get(user, `/api/dashboard/kpis${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/** The same figures counted straight from `cases`, per township (the rollups are what is under test). */
async function countedFromCases(from: string, to: string) {
  const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);
  const dueTo = to < "2026-11-20" ? to : "2026-11-20";
  return t.query<
    { id: number } & Omit<KpiCounts, "avgHandlingDays" | "onTimeClosureRate"> & { hours: number }
  >(sql`
    select nullif(split_part(c.grid_path, '/', 3), '')::int as id,
           count(*) filter (where ${day("c.reported_at")} between ${from}::date and ${to}::date)::int as reported,
           count(*) filter (where c.stage not in ('rejected','merged','closed'))::int as open,
           count(*) filter (where c.deadline_due_at < ${clock.toISOString()}::timestamptz)::int as overdue,
           count(*) filter (where ${day("c.close_due_at")} between ${from}::date and ${dueTo}::date)::int as "dueToClose",
           count(*) filter (where ${day("c.close_due_at")} between ${from}::date and ${dueTo}::date
                              and c.closed_at is not null)::int as "closedOfDue",
           count(*) filter (where ${day("c.close_due_at")} between ${from}::date and ${dueTo}::date
                              and c.closed_at <= c.close_due_at)::int as "closedOnTime",
           count(*) filter (where ${day("c.closed_at")} between ${from}::date and ${to}::date)::int as closed,
           coalesce(sum(round(extract(epoch from c.closed_at - c.reported_at) / 3600))
                    filter (where ${day("c.closed_at")} between ${from}::date and ${to}::date), 0)::float8 as hours
      from cases c group by 1 order by 1`);
}

describe("district KPIs (GET /api/dashboard/kpis)", () => {
  it("defaults to the current quarter and agrees with counting the cases directly, township by township", async () => {
    const result = await kpis("office");
    expect(result.period).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    for (const [from, to] of [
      ["2026-10-01", "2026-12-31"],
      ["2025-01-01", "2026-12-31"],
    ]) {
      const body = await kpis("office", `?from=${from}&to=${to}`);
      const counted = await countedFromCases(from, to);
      expect(counted.length).toBeGreaterThan(5);
      for (const c of counted) {
        const row = body.townships.find((r) => r.id === c.id);
        expect(row, `township ${c.id}`).toMatchObject({
          reported: c.reported,
          open: c.open,
          overdue: c.overdue,
          dueToClose: c.dueToClose,
          closedOfDue: c.closedOfDue,
          closedOnTime: c.closedOnTime,
          closed: c.closed,
          avgHandlingDays: c.closed > 0 ? Math.round((c.hours / 24 / c.closed) * 10) / 10 : null,
        });
      }
      const total = (k: keyof (typeof counted)[number]) => counted.reduce((s, c) => s + (c[k] as number), 0);
      expect(body.totals).toMatchObject({
        reported: total("reported"),
        open: total("open"),
        closed: total("closed"),
      });
      expect(Object.values(body.totals.bySource).reduce((a, b) => a + b, 0)).toBe(total("reported"));
    }
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where stage = 'closed'`,
    );
    expect(result.totals.byStage.closed).toBe(n);
  });

  it("counts hand-made cases exactly, before and after the rollup fold", async () => {
    // Four cases in a quiet period of 2020 in 亚尔镇: two closed (one late), one still open and overdue, one rejected.
    const [yaer] = await t.query<{ id: number; path: string }>(
      sql`select g.id, g.path from grids g where g.name = '亚尔村' limit 1`,
    );
    const insert = (
      n: number,
      source: string,
      stage: string,
      reported: string,
      closeDue: string | null,
      closed: string | null,
      dueAt: string | null,
    ) =>
      t.query(sql`
        insert into cases (tracking_no, source, petition_channel, title, description, category, priority, supervision_level,
                           location, grid_id, grid_path, routing, reporter_reply_required, stage, reported_at,
                           stage_entered_at, close_due_at, closed_at, deadline_stage, deadline_phase, deadline_due_at,
                           deadline_limit_kind, deadline_limit)
        values (${`KPI-TEST-${n}`}, ${source}, ${source === "petition" ? "12369" : null}, '测试', '测试', 'industrial_air',
                'normal', 'periodic', ST_SetSRID(ST_MakePoint(89.1, 42.9), 4326), ${yaer.id}, ${yaer.path}, '{}'::jsonb,
                false, ${stage}, ${reported}::timestamptz, ${reported}::timestamptz, ${closeDue}::timestamptz,
                ${closed}::timestamptz, ${dueAt ? stage : null}, ${dueAt ? "handling" : null}, ${dueAt}::timestamptz,
                ${dueAt ? "working_days" : null}, ${dueAt ? 30 : null})`);
    const before = await kpis("office", "?from=2020-01-01&to=2020-03-31");
    expect(before.totals).toMatchObject({ reported: 0, closed: 0, dueToClose: 0 });
    await insert(
      1,
      "patrol_finding",
      "closed",
      "2020-01-06T10:00:00+08",
      "2020-03-01T10:00:00+08",
      "2020-01-16T10:00:00+08",
      null,
    );
    await insert(
      2,
      "petition",
      "closed",
      "2020-01-10T10:00:00+08",
      "2020-03-05T10:00:00+08",
      "2020-03-10T10:00:00+08",
      null,
    );
    await insert(
      3,
      "public_report",
      "handling",
      "2020-02-01T10:00:00+08",
      "2020-03-20T10:00:00+08",
      null,
      "2020-03-15T10:00:00+08",
    );
    await insert(4, "public_report", "rejected", "2020-03-31T23:30:00+08", null, null, null);
    const expected = {
      reported: 4,
      closed: 2,
      // 10 days and 60 days from report to close
      avgHandlingDays: 35,
      dueToClose: 3,
      closedOfDue: 2,
      closedOnTime: 1,
      onTimeClosureRate: 0.3333,
    };
    const after = await kpis("office", "?from=2020-01-01&to=2020-03-31");
    expect(after.totals).toMatchObject({
      ...expected,
      open: before.totals.open + 1,
      overdue: before.totals.overdue + 1,
    });
    expect(after.totals.bySource).toMatchObject({ patrol_finding: 1, petition: 1, public_report: 2 });
    const township = after.townships.find((r) => r.name === "亚尔镇");
    expect(township).toMatchObject(expected);
    // The deltas above were not folded yet; folding moves them into the rollups without changing a figure.
    const [{ pending }] = await t.query<{ pending: number }>(
      sql`select count(*)::int as pending from case_kpi_deltas`,
    );
    expect(pending).toBeGreaterThan(0);
    await t.query(sql`select case_kpi_fold()`);
    expect(await kpis("office", "?from=2020-01-01&to=2020-03-31")).toEqual(after);
    // A stage change moves the stage counts and the open count.
    await t.query(
      sql`update cases set stage = 'handled', deadline_phase = 'feedback' where tracking_no = 'KPI-TEST-3'`,
    );
    const moved = await kpis("office", "?from=2020-01-01&to=2020-03-31");
    expect(moved.totals.byStage.handled).toBe(after.totals.byStage.handled + 1);
    expect(moved.totals.byStage.handling).toBe(after.totals.byStage.handling - 1);
    expect(moved.totals.open).toBe(after.totals.open);
  });

  it("follows new reports through the API", async () => {
    const before = await kpis("office");
    const filed = await api.file("member", report({}, await pointIn(t, "亚尔村")));
    expect(filed.statusCode, filed.body).toBe(201);
    const after = await kpis("office");
    expect(after.totals.reported).toBe(before.totals.reported + 1);
    expect(after.totals.bySource.patrol_finding).toBe(before.totals.bySource.patrol_finding + 1);
    expect(after.totals.byStage.reported).toBe(before.totals.byStage.reported + 1);
  });

  it("shows a township officer only their township, with the same figures the office sees for it", async () => {
    const office = await kpis("office", "?from=2025-01-01&to=2026-12-31");
    const own = await kpis("township", "?from=2025-01-01&to=2026-12-31");
    expect(own.townships.map((r) => r.name)).toEqual(["亚尔镇"]);
    const {
      id: _id,
      name: _name,
      ...officeRow
    } = office.townships.find((r) => r.name === "亚尔镇") as DistrictKpis["townships"][number];
    expect(own.totals).toMatchObject(officeRow);
    expect(own.totals.reported).toBeLessThan(office.totals.reported);
    const stageSum = Object.values(own.totals.byStage).reduce((a, b) => a + b, 0);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases c join grids g on g.name = '亚尔镇' and g.level = 2
           where c.grid_path like g.path || '%'`,
    );
    expect(stageSum).toBe(n);
  });

  it("lets leaders and supervisors read it, not grid members; refuses a backwards period in Chinese", async () => {
    expect((await api.get("leader", "/api/dashboard/kpis")).statusCode).toBe(200);
    expect((await api.get("supervisor", "/api/dashboard/kpis")).statusCode).toBe(200);
    expect((await api.get("member", "/api/dashboard/kpis")).statusCode).toBe(403);
    const bad = await api.get("office", "/api/dashboard/kpis?from=2026-05-01&to=2026-04-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: "invalid_period", message: "开始日期不能晚于结束日期" });
    expect((await api.get("office", "/api/dashboard/kpis?from=2026-13-01")).statusCode).toBe(400);
  });
});
