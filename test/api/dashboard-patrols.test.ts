import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PatrolCompletionReport } from "../../api-types/dashboard.ts";
import type { PatrolPlanEntry } from "../../api-types/patrols.ts";
import { caseApi } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const clock = new Date("2026-11-20T10:00:00+08:00");
// 2020 Q1, long before the demo's patrols: Wed 1 Jan to Tue 31 Mar
const PERIOD = "?from=2020-01-01&to=2020-03-31";
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => clock });
  for (const u of ["office", "township", "member", "dept"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
});
afterAll(() => t?.close());

const completion = async (user: string): Promise<PatrolCompletionReport> => {
  const r = await api.get(user, `/api/dashboard/patrols${PERIOD}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const plan = async (user: string): Promise<PatrolPlanEntry[]> =>
  (await api.get(user, "/api/patrols/plan")).json().items;

/**
 * The visits due in 2020 Q1 for plan entries, counted by hand: a weekly visit is due by each Monday from
 * 6 Jan to 30 Mar (13), a monthly rule's n visits by the end of each of three months (3n). The demo's rules
 * are all weekly once or monthly.
 */
function dueInQ1(items: PatrolPlanEntry[]): number {
  return items.reduce((sum, i) => {
    if (i.frequency === "weekly" && i.required === 1) return sum + 13;
    if (i.frequency === "monthly") return sum + 3 * i.required;
    throw new Error(`no hand count for ${i.frequency} × ${i.required}`);
  }, 0);
}

async function checkIn(objectId: number, at: string, times = 1) {
  const [p] = await t.query<{ id: number }>(sql`select id from patrols order by id limit 1`);
  for (let i = 0; i < times; i++)
    await t.query(sql`insert into patrol_checkins (patrol_id, object_id, at, lon, lat, distance_m)
                      values (${p.id}, ${objectId}, ${`${at}+08:00`}::timestamptz, 89.1, 42.9, 10)`);
}

describe("patrol completion (GET /api/dashboard/patrols)", () => {
  it("counts the visits the rules made due in the period, and those made, per township", async () => {
    const ownPlan = await plan("township");
    const officePlan = await plan("office");
    const before = await completion("office");
    expect(before.totals).toEqual({ due: dueInQ1(officePlan), done: 0, rate: 0 });
    const yaerzhen = before.townships.find((r) => r.name === "亚尔镇");
    expect(yaerzhen).toMatchObject({ due: dueInQ1(ownPlan), done: 0 });

    const weekly = ownPlan.find((i) => i.frequency === "weekly") as PatrolPlanEntry;
    const monthly = ownPlan.find((i) => i.frequency === "monthly") as PatrolPlanEntry;
    const [elsewhere] = await t.query<{ id: number; township: string }>(
      sql`select o.id, t.name as township from supervised_objects o join grids g on g.id = o.grid_id
            join grids t on t.level = 2 and g.path like t.path || '%'
           where t.name = '胜金乡' and o.id = any(${`{${officePlan.map((i) => i.objectId).join(",")}}`}::int[])
           order by o.id limit 1`,
    );
    // weekly: the week of 30 Dec (due 6 Jan), twice in the week of 6 Jan, once in February; April is outside
    await checkIn(weekly.objectId, "2019-12-31T10:00:00");
    await checkIn(weekly.objectId, "2020-01-07T10:00:00");
    await checkIn(weekly.objectId, "2020-01-08T10:00:00");
    await checkIn(weekly.objectId, "2020-02-20T10:00:00");
    await checkIn(weekly.objectId, "2020-04-02T10:00:00");
    // monthly: one more than required in February counts as the month's visits, no more
    await checkIn(monthly.objectId, "2020-02-03T10:00:00", monthly.required + 1);
    await checkIn(elsewhere.id, "2020-02-20T10:00:00");
    const done = 3 + monthly.required;

    const own = await completion("township");
    expect(own.townships.map((r) => r.name)).toEqual(["亚尔镇"]);
    const due = dueInQ1(ownPlan);
    expect(own.townships[0]).toMatchObject({ due, done, rate: Math.round((done / due) * 10_000) / 10_000 });
    expect(own.totals).toMatchObject({ due, done });
    expect(own.period).toEqual({ from: "2020-01-01", to: "2020-03-31" });

    const office = await completion("office");
    expect(office.townships.find((r) => r.name === "亚尔镇")).toEqual(own.townships[0]);
    expect(office.townships.find((r) => r.name === elsewhere.township)?.done).toBe(1);
    expect(office.totals).toMatchObject({ due: dueInQ1(officePlan), done: done + 1 });
  });

  it("counts nothing due before the period has begun", async () => {
    const r = await api.get("office", "/api/dashboard/patrols?from=2027-01-01&to=2027-03-31");
    expect(r.json().totals).toEqual({ due: 0, done: 0, rate: null });
  });

  it("is for the township officers and the overseers, not department staff", async () => {
    expect((await api.get("dept", "/api/dashboard/patrols")).statusCode).toBe(403);
    expect((await api.get("member", "/api/dashboard/patrols")).statusCode).toBe(403);
  });
});
