import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationPage } from "../../api-types/notifications.ts";
import { shanghaiDate } from "../../server/domain/calendar/work-calendar.ts";
import { formatShanghai } from "../../server/domain/shanghai-time.ts";
import { runDeadlineSweep } from "../../server/jobs/deadline-sweep.ts";
import { caseApi, idOf, type Point, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const sh = (local: string) => new Date(`${local}+08:00`);
let clock = sh("2025-11-03T09:00:00"); // a Monday
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => clock });
  for (const u of ["office", "leader", "township", "member", "dept", "depthead", "supervisor"])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
});
afterAll(() => t?.close());

async function notes(user: string, caseId: number | null) {
  const r = await api.get(user, "/api/notifications?pageSize=200");
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as NotificationPage).items.filter((n) => n.caseId === caseId);
}

describe("supervision levels (督查督办)", () => {
  it("alerts the district office at once about urgent matters (迅速督办) and at every stage of important ones (全程督办)", async () => {
    const urgent = await api.fileAndRead(
      "member",
      report({ title: "水源地油污", category: "drinking_water_source" }, yaer),
    );
    expect(urgent).toMatchObject({
      priority: "urgent",
      supervisionLevel: "rapid",
      supervisionLevelName: "迅速督办",
    });
    expect((await notes("office", urgent.id)).map((n) => n.kind)).toEqual(["urgent_alert"]);
    // an urgent report must be accepted within 2 hours, holidays or not
    expect(urgent.deadline).toMatchObject({ phase: "acceptance", limitKind: "hours", limit: 2 });

    const important = await api.fileAndRead(
      "member",
      report({ title: "危废桶露天堆放", category: "hazardous_waste" }, yaer),
    );
    expect(important.supervisionLevel).toBe("full_course");
    await api.step("township", important.id, { action: "accept" });
    await api.step("township", important.id, { action: "register" });
    const kinds = (await notes("office", important.id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === "stage_update")).toHaveLength(3); // reported, accepted, registered

    const normal = await api.fileAndRead("member", report({ title: "一般事项" }, yaer));
    expect(normal.supervisionLevel).toBe("periodic");
    await api.step("township", normal.id, { action: "accept" });
    expect(await notes("office", normal.id)).toEqual([]); // 定期督办: the daily digest covers it
  });
});

describe("the deadline sweep", () => {
  it("escalates an overdue case one level up once, then to the leaders after five more working days", async () => {
    clock = sh("2025-11-03T09:00:00");
    const c = await api.fileAndRead("member", report({ title: "逾期未受理" }, yaer));
    const dueAt = new Date(c.deadline.dueAt);

    await runDeadlineSweep(t.database.db, new Date(dueAt.getTime() - 1000));
    expect((await api.get("office", `/api/cases/${c.id}`)).json().escalationLevel).toBe(0);
    const late = new Date(dueAt.getTime() + 60_000);
    clock = late;
    const first = await runDeadlineSweep(t.database.db, late);
    expect(first?.escalated).toBeGreaterThanOrEqual(1);
    let detail = (await api.get("office", `/api/cases/${c.id}`)).json();
    expect(detail).toMatchObject({ overdue: true, escalationLevel: 1, version: 1 }); // no state change, no new version
    const escalation = detail.timeline.find((e: { kind: string }) => e.kind === "escalated");
    expect(escalation).toMatchObject({
      actorId: null,
      actorName: "督查督办（系统）",
      actorKind: "system",
      data: { level: 1, unit: "grid" },
    });
    // an escalation stored before events carried their actor's kind is the system's too
    const [stored] = await t.query<{ data: Record<string, unknown> }>(
      sql`select data from case_events where case_id = ${c.id} and kind = 'escalated'`,
    );
    const { actorKind: _kind, ...older } = stored.data;
    await t.query(
      sql`insert into case_events (case_id, kind, actor_id, at, version, data)
          values (${c.id}, 'escalated', null, ${late.toISOString()}::timestamptz, 1, ${JSON.stringify(older)}::jsonb)`,
    );
    const again = (await api.get("office", `/api/cases/${c.id}`)).json().timeline;
    expect(
      again
        .filter((e: { kind: string }) => e.kind === "escalated")
        .map((e: { actorKind: string }) => e.actorKind),
    ).toEqual(["system", "system"]);
    await t.query(
      sql`delete from case_events where case_id = ${c.id} and kind = 'escalated' and not data ? 'actorKind'`,
    );
    expect((await notes("township", c.id)).map((n) => n.kind)).toContain("overdue");
    expect((await notes("office", c.id)).map((n) => n.kind)).toContain("escalation");
    expect(await notes("leader", c.id)).toEqual([]);

    // the same deadline is not escalated twice, even by two sweeps at once
    await Promise.all([runDeadlineSweep(t.database.db, late), runDeadlineSweep(t.database.db, late)]);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from case_events where case_id = ${c.id} and kind = 'escalated'`,
    );
    expect(n).toBe(1);

    const muchLater = new Date(dueAt.getTime() + 9 * 86_400_000);
    clock = muchLater;
    const second = await runDeadlineSweep(t.database.db, muchLater);
    expect(second?.escalatedToLeaders).toBeGreaterThanOrEqual(1);
    detail = (await api.get("office", `/api/cases/${c.id}`)).json();
    expect(detail.escalationLevel).toBe(2);
    expect((await notes("leader", c.id)).map((n) => n.title)[0]).toContain("【二次升级】");

    // acting on it starts a fresh deadline with no escalation
    detail = await api.step("township", c.id, { action: "accept" });
    expect(detail).toMatchObject({ escalationLevel: 0, overdue: false });
  });

  it("escalates a department's overdue handling to that department's head and the district office", async () => {
    clock = sh("2025-11-10T09:00:00");
    const c = (await api.file("member", report({ title: "部门逾期" }, yaer))).json();
    await api.step("township", c.id, { action: "accept" });
    await api.step("township", c.id, { action: "register" });
    await api.step("township", c.id, {
      action: "transfer",
      departmentId: await idOf(t, "departments", "eco"),
      handlingDays: 2,
    });
    const d = await api.step("dept", c.id, { action: "accept_transfer" });
    clock = new Date(new Date(d.deadline.dueAt).getTime() + 3_600_000);
    await runDeadlineSweep(t.database.db, clock);
    expect((await notes("depthead", c.id)).map((n) => n.kind)).toContain("escalation");
    expect((await notes("dept", c.id)).map((n) => n.kind)).toContain("overdue");
  });

  it("sends the district office one 定期督办 digest a day", async () => {
    clock = sh("2025-11-20T08:00:00");
    await runDeadlineSweep(t.database.db, clock);
    await runDeadlineSweep(t.database.db, new Date(clock.getTime() + 3_600_000));
    const digests = (await notes("office", null)).filter((n) => n.kind === "digest");
    expect(digests.filter((n) => n.title.includes("2025-11-20"))).toHaveLength(1);
    expect(digests[0].title).toBe("【定期督办】2025-11-20 一般事项汇总");
  });

  it("knows today's digest by its message code and day, not by the wording of its stored title", async () => {
    const office = await idOf(t, "users", "office");
    const digestsOf = async (day: string) =>
      (await notes("office", null)).filter(
        (n) => n.kind === "digest" && (n.params.day === day || n.title.includes(day)),
      );
    for (const day of ["2025-12-16", "2025-12-17", "2025-12-18"])
      expect(await digestsOf(day), day).toEqual([]);
    // today's digest, its stored title worded without the day (as a reworded template would store it)
    clock = sh("2025-12-16T08:00:00");
    await t.query(
      sql`insert into notifications (user_id, case_id, kind, title, body, message, params)
          values (${office}, null, 'digest', '【定期督办】今日一般事项汇总', '在办一般事项 0 件。', 'daily_digest',
                  ${JSON.stringify({ day: "2025-12-16", open: 0, overdue: 0, soon: 0 })}::jsonb)`,
    );
    await runDeadlineSweep(t.database.db, clock);
    expect((await digestsOf("2025-12-16")).map((n) => n.title)).toEqual(["【定期督办】今日一般事项汇总"]);
    // a digest stored before messages had codes still counts for its day
    clock = sh("2025-12-17T08:00:00");
    await t.query(
      sql`insert into notifications (user_id, case_id, kind, title, body)
          values (${office}, null, 'digest', '【定期督办】2025-12-17 一般事项汇总', '旧正文')`,
    );
    await runDeadlineSweep(t.database.db, clock);
    expect((await digestsOf("2025-12-17")).map((n) => n.message)).toEqual([null]);
    // and the next day's is sent as usual
    clock = sh("2025-12-18T08:00:00");
    await runDeadlineSweep(t.database.db, clock);
    expect(await digestsOf("2025-12-18")).toMatchObject([
      {
        message: "daily_digest",
        params: { day: "2025-12-18" },
        title: "【定期督办】2025-12-18 一般事项汇总",
      },
    ]);
  });

  it("keeps a field record's key for a phone's time offline, a desk key for a week", async () => {
    clock = sh("2025-12-01T10:00:00");
    const key = randomUUID();
    const body = report({ title: "离线一月后重发的上报" }, yaer);
    const first = await api.file("member", body, key);
    expect(first.statusCode, first.body).toBe(201);
    // a month out of coverage, the answer lost: the resend finds the first answer, not a second case
    clock = sh("2025-12-31T10:00:00");
    const [member] = await t.query<{ id: number }>(sql`select id from users where username = 'member'`);
    const at = (days: number) => new Date(clock.getTime() - days * 86_400_000).toISOString();
    await t.query(sql`insert into idempotency_keys (user_id, scope, key, request_hash, created_at) values
      (${member.id}, 'POST /api/cases/1/transitions', 'desk-8-days', 'h', ${at(8)}::timestamptz),
      (${member.id}, 'POST /api/cases/1/transitions', 'desk-6-days', 'h', ${at(6)}::timestamptz),
      (${member.id}, 'POST /api/cases/1/evidence', 'photo-60-days', 'h', ${at(60)}::timestamptz),
      (${member.id}, 'POST /api/cases', 'report-91-days', 'h', ${at(91)}::timestamptz),
      (${member.id}, 'POST /api/patrols', 'start-60-days', 'h', ${at(60)}::timestamptz),
      (${member.id}, 'POST /api/patrols/7/checkins', 'checkin-60-days', 'h', ${at(60)}::timestamptz),
      (${member.id}, 'POST /api/patrols/7/finish', 'finish-91-days', 'h', ${at(91)}::timestamptz),
      (${member.id}, 'POST /api/duty-lines', 'create-8-days', 'h', ${at(8)}::timestamptz)`);
    // keys are stamped by the database's clock, not the app's: date the report's back to when it was filed
    await t.query(sql`update idempotency_keys set created_at = ${at(30)}::timestamptz where key = ${key}`);
    await runDeadlineSweep(t.database.db, clock);
    const again = await api.file("member", body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const [filed] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where title = '离线一月后重发的上报'`,
    );
    expect(filed.n).toBe(1);
    const kept = await t.query<{ key: string }>(
      sql`select key from idempotency_keys where user_id = ${member.id} and key in
            ('desk-8-days', 'desk-6-days', 'photo-60-days', 'report-91-days', 'start-60-days',
             'checkin-60-days', 'finish-91-days', 'create-8-days', ${key}) order by key`,
    );
    expect(kept.map((k) => k.key).sort()).toEqual(
      [key, "desk-6-days", "photo-60-days", "start-60-days", "checkin-60-days"].sort(),
    );
  });
});

describe("the supervision board and notifications", () => {
  it("shows the district office due-soon, overdue and per-unit counts; departments may not open it", async () => {
    clock = sh("2025-11-20T09:00:00");
    const board = await api.get("office", "/api/supervision/board");
    expect(board.statusCode).toBe(200);
    const b = board.json();
    expect(b.totals.overdue).toBeGreaterThanOrEqual(2);
    expect(b.overdueCases.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const yaerTown = b.byTownship.find((u: { name: string }) => u.name === "亚尔镇");
    expect(yaerTown.overdue).toBeGreaterThanOrEqual(1);
    expect(b.byDepartment.find((u: { name: string }) => u.name === "市生态环境局高昌区分局")?.overdue).toBe(
      1,
    );
    expect((await api.get("supervisor", "/api/supervision/board")).statusCode).toBe(200);
    expect((await api.get("dept", "/api/supervision/board")).statusCode).toBe(403);
    expect((await api.get("township", "/api/supervision/board")).statusCode).toBe(403);
  });

  it("marks the caller's own notifications read, never someone else's", async () => {
    const mine = (await api.get("township", "/api/notifications?unread=true")).json();
    expect(mine.unread).toBeGreaterThan(0);
    const first = mine.items[0];
    expect((await api.post("office", `/api/notifications/${first.id}/read`, {})).statusCode).toBe(404);
    expect((await api.post("township", `/api/notifications/${first.id}/read`, {})).statusCode).toBe(200);
    const after = (await api.get("township", "/api/notifications")).json();
    expect(after.unread).toBe(mine.unread - 1);
    const all = (await api.post("township", "/api/notifications/read-all", {})).json();
    expect(all.marked).toBe(mine.unread - 1);
    expect((await api.get("township", "/api/notifications?unread=true")).json().total).toBe(0);
  });
});

/** The caller's one notification with this message about this case (or, with a day, that day's digest). */
async function inbox(user: string, caseId: number | null, message: string, day?: string) {
  const found = (await notes(user, caseId)).filter(
    (n) => n.message === message && (day === undefined || n.params.day === day),
  );
  expect(found, `${user}: ${message} about case ${caseId}`).toHaveLength(1);
  return found[0];
}

const time = (utc: string) => formatShanghai(new Date(utc));

// Each notification carries its message code and parameters (migration 0021) with the Chinese title and body
// it always had: the stored record, and what the web shows when it does not know the code.
describe("notification messages", () => {
  it("gives intake's notifications their code and parameters, with the same Chinese as before", async () => {
    clock = sh("2026-01-05T09:00:00"); // a Monday
    const c = await api.fileAndRead("member", report({ title: "企业烟囱冒黑烟" }, yaer));
    const label = `${c.trackingNo}「企业烟囱冒黑烟」`;
    expect(await inbox("township", c.id, "case_reported")).toMatchObject({
      kind: "action_required",
      params: {
        trackingNo: c.trackingNo,
        title: "企业烟囱冒黑烟",
        source: "patrol_finding",
        category: "industrial_air",
        gridId: await idOf(t, "grids", "亚尔村"),
        gridName: "亚尔村",
        dueAt: c.deadline.dueAt,
      },
      title: `新上报待受理：${label}`,
      body: `网格巡查发现，工业废气污染，亚尔村，请于 ${time(c.deadline.dueAt)} 前处理`,
    });

    const urgent = await api.fileAndRead(
      "member",
      report({ title: "水源地油污", category: "drinking_water_source" }, yaer),
    );
    expect(await inbox("office", urgent.id, "case_reported_supervised")).toMatchObject({
      kind: "urgent_alert",
      params: { trackingNo: urgent.trackingNo, priority: "urgent", category: "drinking_water_source" },
      title: `【迅速督办】紧急案件上报：${urgent.trackingNo}「水源地油污」`,
      body: `饮用水水源地污染，亚尔村，请于 ${time(urgent.deadline.dueAt)} 前处理`,
    });
  });

  it("gives a transition's notifications their code and parameters, with the same Chinese as before", async () => {
    const c = await api.fileAndRead("member", report({ title: "砖厂夜间偷排废气" }, yaer));
    const label = `${c.trackingNo}「砖厂夜间偷排废气」`;
    await api.step("township", c.id, { action: "accept" });
    const registered = await api.step("township", c.id, { action: "register" });
    expect(await inbox("office", c.id, "case_registered")).toMatchObject({
      kind: "stage_update",
      params: {
        action: "register",
        fromStage: "accepted",
        toStage: "registered",
        dueAt: registered.deadline.dueAt,
      },
      title: `【立案上报】${label}`,
      body: `立案并上报：已受理待立案 → 已立案待研判，期限 ${time(registered.deadline.dueAt)}`,
    });

    const transferred = await api.step("township", c.id, {
      action: "transfer",
      departmentId: await idOf(t, "departments", "eco"),
      handlingDays: 10,
    });
    expect(await inbox("dept", c.id, "case_action_required")).toMatchObject({
      kind: "action_required",
      params: {
        trackingNo: c.trackingNo,
        title: "砖厂夜间偷排废气",
        stage: "transferred",
        actions: ["accept_transfer", "return_transfer"],
        dueAt: transferred.deadline.dueAt,
      },
      title: `待办：${label} 已移交待接收`,
      body: `可执行：接收移交、退回移交，期限 ${time(transferred.deadline.dueAt)}`,
    });
  });

  it("gives the deadline sweep's notifications their code and parameters, with the same Chinese as before", async () => {
    clock = sh("2026-01-12T09:00:00");
    const c = await api.fileAndRead("member", report({ title: "逾期未受理" }, yaer));
    const label = `${c.trackingNo}「逾期未受理」`;
    const due = time(c.deadline.dueAt);
    clock = new Date(new Date(c.deadline.dueAt).getTime() + 60_000);
    await runDeadlineSweep(t.database.db, clock);

    const overdue = { stage: "reported", phase: "acceptance", dueAt: c.deadline.dueAt };
    expect(await inbox("township", c.id, "case_overdue")).toMatchObject({
      kind: "overdue",
      params: { trackingNo: c.trackingNo, ...overdue, actions: ["accept", "reject", "merge_into"] },
      title: `已逾期：${label}`,
      body: `已上报待受理，受理时限已于 ${due} 届满，请立即处理（可执行：受理、不予受理、合并重复件）`,
    });
    expect(await inbox("office", c.id, "case_escalated")).toMatchObject({
      kind: "escalation",
      params: { trackingNo: c.trackingNo, title: "逾期未受理", ...overdue },
      title: `【逾期升级】${label}`,
      body: `已上报待受理，受理时限已于 ${due} 届满，请督办`,
    });

    const day = shanghaiDate(clock);
    const digest = await inbox("office", null, "daily_digest", day);
    const { open, overdue: late, soon } = digest.params as Record<string, number>;
    expect(digest).toMatchObject({
      kind: "digest",
      params: { day },
      title: `【定期督办】${day} 一般事项汇总`,
    });
    expect([open, late, soon].every(Number.isInteger)).toBe(true);
    expect(digest.body).toBe(`在办一般事项 ${open} 件，其中已逾期 ${late} 件、3日内到期 ${soon} 件。`);
  });

  it("answers a notification stored before messages had codes with no code and its stored text", async () => {
    const township = await idOf(t, "users", "township");
    await t.query(
      sql`insert into notifications (user_id, case_id, kind, title, body)
          values (${township}, null, 'digest', '旧通知：迁移前的消息', '正文')`,
    );
    expect((await notes("township", null)).find((n) => n.title === "旧通知：迁移前的消息")).toMatchObject({
      message: null,
      params: {},
      body: "正文",
    });
    expect((await api.get("township", "/api/notifications?pageSize=abc")).statusCode).toBe(400);
  });
});

describe("a deadline past the loaded work calendar", () => {
  it("files the case with its calendar_exhausted event and the administrators' notice, once per key", async () => {
    clock = sh("2026-12-28T09:00:00"); // 15 working days from here end in 2027, which is not loaded
    const body = report({ title: "日历外期限" }, yaer);
    const first = await api.file("member", body, "calendar-edge-0001");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().deadlineDueAt.startsWith("2027-")).toBe(true);
    const again = await api.file("member", body, "calendar-edge-0001");
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());

    const detail = (await api.get("office", `/api/cases/${first.json().id}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "calendar_exhausted"]);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from notifications n join user_roles ur on ur.user_id = n.user_id
           where n.kind = 'calendar_exhausted' and ur.role = 'sys_admin'`,
    );
    expect(n).toBeGreaterThan(0);
    const [notice] = await t.query<{ message: string; params: object; title: string }>(
      sql`select message, params, title from notifications where kind = 'calendar_exhausted' order by id desc limit 1`,
    );
    expect(notice).toEqual({
      message: "calendar_exhausted",
      params: { year: 2027, dueAt: first.json().deadlineDueAt, lastLoadedYear: 2026 },
      title: "请录入2027年节假日安排",
    });
  });
});
