import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_ACTION_NAMES } from "../../server/domain/cases/case-actions.ts";
import { caseApi, createAccount, idOf, type Point, pointIn, report, uploadPhoto } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/** Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const endOfShanghaiDay = (date: string) => sh(`${date}T23:59:59.999`).toISOString();

let clock = sh("2025-09-22T10:00:00"); // a Monday, a week before the National Day holiday
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let eco: number;
let water: number;
let memberId: number;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-transitions-"));

beforeAll(async () => {
  t = await startTestApp({ uploadDir }, { clock: () => clock });
  for (const u of [
    "office",
    "leader",
    "township",
    "gridhead",
    "member",
    "dept",
    "depthead",
    "supervisor",
    "secadmin",
  ])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  eco = await idOf(t, "departments", "eco");
  water = await idOf(t, "departments", "water");
  memberId = await idOf(t, "users", "member");
  await createAccount(t, cookies.secadmin, {
    username: "waterofficer",
    role: "department_officer",
    departmentId: water,
  });
  await createAccount(t, cookies.secadmin, {
    username: "member3",
    role: "grid_member",
    gridId: await idOf(t, "grids", "亚尔村"),
  });
  await createAccount(t, cookies.secadmin, {
    username: "member2",
    role: "grid_member",
    gridId: await idOf(t, "grids", "胜金村"),
  });
  for (const u of ["waterofficer", "member3", "member2"]) cookies[u] = await t.login(u, "Test@12345x");
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const at = (local: string) => {
  clock = sh(local);
};

async function fileReport(over: Record<string, unknown> = {}) {
  const r = await api.file("member", report(over, yaer));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: number; version: number; trackingNo: string };
}

async function registeredCase(over: Record<string, unknown> = {}) {
  const c = await fileReport(over);
  await api.step("township", c.id, { action: "accept" });
  await api.step("township", c.id, { action: "register" });
  return c;
}

async function unread(user: string, caseId: number): Promise<string[]> {
  const items = (await api.get(user, "/api/notifications?unread=true&pageSize=200")).json().items;
  return items.filter((n: { caseId: number }) => n.caseId === caseId).map((n: { kind: string }) => n.kind);
}

describe("the whole loop, transferred to a department", () => {
  it("goes report → accept → register → transfer → accept transfer → handle → feedback → re-check → close → disclose", async () => {
    at("2025-09-22T10:00:00");
    const c = await fileReport({
      source: "public_report",
      title: "砖厂夜间偷排废气",
      reporter: { name: "张三", contact: "13912345678" },
    });
    let d = (await api.get("township", `/api/cases/${c.id}`)).json();
    // 15 working days to accept, counted past the National Day holiday (Oct 1–8) with two worked weekend days
    expect(d.deadline).toMatchObject({ phase: "acceptance", dueAt: endOfShanghaiDay("2025-10-17") });

    at("2025-09-22T11:00:00");
    d = await api.step("township", c.id, { action: "accept" });
    expect(d).toMatchObject({ stage: "accepted", version: 2, allowedActions: ["register"] });
    at("2025-09-22T12:00:00");
    d = await api.step("township", c.id, { action: "register" });
    expect(d.allowedActions).toEqual(["handle_locally", "transfer"]);
    expect(await unread("office", c.id)).toContain("stage_update"); // 立案 is reported to level 1

    at("2025-09-22T15:00:00");
    d = await api.step("township", c.id, { action: "transfer", departmentId: eco, handlingDays: 10 });
    expect(d).toMatchObject({
      stage: "transferred",
      assignedDepartmentId: eco,
      assignedDepartmentName: "市生态环境局高昌区分局",
    });
    expect(await unread("dept", c.id)).toEqual(["action_required"]);
    expect((await api.get("dept", `/api/cases/${c.id}`)).json().allowedActions).toEqual([
      "accept_transfer",
      "return_transfer",
    ]);

    at("2025-09-23T09:00:00");
    d = await api.step("dept", c.id, { action: "accept_transfer" });
    // the transferring unit's 10 days, across the holiday: Sep 28 (Sun) and Oct 11 (Sat) are worked
    expect(d.deadline).toMatchObject({ phase: "handling", limit: 10, dueAt: endOfShanghaiDay("2025-10-13") });
    expect(d.handlerKind).toBe("department");

    at("2025-09-24T09:00:00");
    const handlingPhoto = await uploadPhoto(t, cookies.dept, c.id);
    d = await api.step("dept", c.id, {
      action: "record_handling",
      result: "rectification_order",
      summary: "已下达责令改正违法行为决定书",
      evidenceIds: [handlingPhoto],
    });
    expect(d).toMatchObject({
      stage: "handled",
      handlingResult: "rectification_order",
      handlingResultName: "责令整改",
    });
    const linked = d.evidence.find((e: { id: number }) => e.id === handlingPhoto);
    expect(linked.eventId).toBe(d.timeline.at(-1).id);

    d = await api.step("township", c.id, { action: "reply_to_reporter", summary: "已责令企业整改" });
    d = await api.step("township", c.id, { action: "inform_lower_grid" });
    expect(d.stage).toBe("handled"); // the transferring unit still waits for the department's feedback
    d = await api.step("dept", c.id, { action: "give_feedback", summary: "企业已停产整改" });
    expect(d.stage).toBe("feedback_given");

    d = await api.step("township", c.id, { action: "request_verification", assigneeId: memberId });
    expect(d).toMatchObject({ stage: "verifying", verifier: { id: memberId } });
    expect(await unread("member", c.id)).toContain("action_required");

    at("2025-09-26T10:00:00");
    const recheck = await uploadPhoto(t, cookies.member, c.id);
    d = await api.step("member", c.id, {
      action: "record_verification",
      passed: true,
      note: "现场已整改",
      evidenceIds: [recheck],
    });
    expect(d.stage).toBe("verified");
    d = await api.step("township", c.id, { action: "close" });
    expect(d).toMatchObject({
      stage: "closed",
      stageName: "已销号",
      deadline: null,
      overdue: false,
      allowedActions: [],
    });
    d = await api.step("office", c.id, {
      action: "disclose",
      summary: "某砖厂废气超标排放，已责令整改并复查合格。",
    });
    expect(d.disclosedAt).not.toBeNull();

    expect(
      d.timeline
        .filter((e: { kind: string }) => e.kind === "transition")
        .map((e: { action: string }) => e.action),
    ).toEqual([
      "accept",
      "register",
      "transfer",
      "accept_transfer",
      "record_handling",
      "reply_to_reporter",
      "inform_lower_grid",
      "give_feedback",
      "request_verification",
      "record_verification",
      "close",
      "disclose",
    ]);
    const progress = (await t.app.inject({ method: "GET", url: `/api/public/cases/${c.trackingNo}` })).json();
    expect(progress).toMatchObject({
      progress: "已办结",
      result: "某砖厂废气超标排放，已责令整改并复查合格。",
    });
    const audits = await t.query<{ action: string }>(
      sql`select action from audit_log where entity_type = 'case' and entity_id = ${String(c.id)} order by id`,
    );
    expect(audits.map((a) => a.action)).toContain("case.disclose");
    expect(audits.filter((a) => a.action.startsWith("case.")).length).toBe(1 + 12 + 2); // create, 12 moves, 2 files
  });
});

describe("the version comes first", () => {
  it("answers a stale version with 409 whatever the action and whoever asks, and changes nothing", async () => {
    const c = await fileReport();
    for (const action of CASE_ACTION_NAMES) {
      for (const user of ["township", "supervisor", "office"]) {
        const r = await t.app.inject({
          method: "POST",
          url: `/api/cases/${c.id}/transitions`,
          headers: { cookie: cookies[user] },
          payload: { action, version: 7 },
        });
        expect(r.statusCode, `${action} by ${user}`).toBe(409);
        expect(r.json().error).toBe("stale_version");
      }
    }
    const [row] = await t.query<{ version: number; n: number }>(
      sql`select version, (select count(*)::int from case_events where case_id = ${c.id}) as n from cases where id = ${c.id}`,
    );
    expect(row).toEqual({ version: 1, n: 1 });
  });

  it("refuses unknown actions and malformed fields as validation errors", async () => {
    const c = await fileReport();
    const r = await api.post("township", `/api/cases/${c.id}/transitions`, { action: "fly", version: 1 });
    expect(r.statusCode).toBe(400);
    const extra = await api.post("township", `/api/cases/${c.id}/transitions`, {
      action: "accept",
      version: 1,
      hack: 1,
    });
    expect(extra.statusCode).toBe(400);
  });
});

describe("refusals", () => {
  it("refuses roles outside the action (403), wrong stages (409) and missing reasons (422)", async () => {
    const c = await fileReport();
    const sup = await api.act("supervisor", c.id, { action: "accept" });
    expect(sup.statusCode).toBe(403);
    expect(sup.json().error).toBe("forbidden_role");
    const early = await api.act("township", c.id, { action: "register" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe("invalid_stage");
    const member = await api.act("member", c.id, { action: "accept" });
    expect(member.json().error).toBe("forbidden_role");
    const noReason = await api.act("township", c.id, { action: "reject", reason: "  " });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ error: "reason_required", message: "请填写理由" });
    const rejected = await api.step("township", c.id, { action: "reject", reason: "不属于环境问题" });
    expect(rejected).toMatchObject({ stage: "rejected", rejectionReason: "不属于环境问题", deadline: null });
    expect(await unread("member", c.id)).toContain("stage_update"); // the filer hears why
    expect((await api.act("township", c.id, { action: "accept" })).statusCode).toBe(409);
  });

  it("lets only the receiving department accept or return a transfer, with a reason, and only to real departments", async () => {
    const c = await registeredCase();
    expect((await api.act("township", c.id, { action: "transfer", departmentId: 999999 })).json().error).toBe(
      "invalid_target",
    );
    const npc = await idOf(t, "departments", "npc");
    expect((await api.act("township", c.id, { action: "transfer", departmentId: npc })).statusCode).toBe(422);
    expect(
      (await api.act("township", c.id, { action: "transfer", departmentId: eco, handlingDays: 0 })).json()
        .error,
    ).toBe("invalid_days");
    await api.step("township", c.id, { action: "transfer", departmentId: eco });
    const other = await api.act("waterofficer", c.id, { action: "accept_transfer" });
    expect(other.statusCode).toBe(404); // never involved: the water bureau cannot even see it
    expect((await api.act("dept", c.id, { action: "return_transfer" })).json().error).toBe("reason_required");
    const back = await api.step("dept", c.id, {
      action: "return_transfer",
      reason: "不属本部门职责，应由水利局办理",
    });
    expect(back).toMatchObject({ stage: "registered", assignedDepartmentId: null, transferReturnCount: 1 });
    // the department that returned it keeps read access to its history, but may do nothing more
    expect((await api.get("dept", `/api/cases/${c.id}`)).json().allowedActions).toEqual([]);
  });

  it("organizes a joint investigation at the district level, with the lead handling and participants watching", async () => {
    const c = await registeredCase({
      category: "drinking_water_source",
      title: "水源地旁倾倒废油",
      priority: "important",
    });
    expect(
      (
        await api.act("township", c.id, {
          action: "organize_joint",
          leadDepartmentId: eco,
          participantDepartmentIds: [water],
        })
      ).json().error,
    ).toBe("forbidden_role");
    expect(
      (
        await api.act("office", c.id, {
          action: "organize_joint",
          leadDepartmentId: eco,
          participantDepartmentIds: [eco],
        })
      ).json().error,
    ).toBe("invalid_departments");
    expect(
      (
        await api.act("office", c.id, {
          action: "organize_joint",
          leadDepartmentId: eco,
          participantDepartmentIds: [999999],
        })
      ).json().error,
    ).toBe("invalid_departments");
    const joint = await api.step("office", c.id, {
      action: "organize_joint",
      leadDepartmentId: eco,
      participantDepartmentIds: [water],
    });
    expect(joint).toMatchObject({
      stage: "joint_investigation",
      handlerKind: "joint",
      participantDepartments: [{ id: water }],
    });
    // a drinking-water source needs someone on site within 2 hours
    expect(joint.deadline).toMatchObject({ phase: "site_arrival", limitKind: "hours", limit: 2 });
    const participant = (await api.get("waterofficer", `/api/cases/${c.id}`)).json();
    expect(participant.allowedActions).toEqual([]);
    const byParticipant = await api.act("waterofficer", c.id, {
      action: "record_handling",
      result: "penalty",
      summary: "x",
    });
    expect(byParticipant.json().error).toBe("out_of_jurisdiction");
    const arrived = await api.step("dept", c.id, { action: "arrive_on_site" });
    expect(arrived.deadline.phase).toBe("handling");
    expect((await api.act("dept", c.id, { action: "arrive_on_site" })).json().error).toBe("already_on_site");
    expect(
      (await api.act("dept", c.id, { action: "record_handling", result: "maybe", summary: "x" })).json()
        .error,
    ).toBe("invalid_result");
    const handled = await api.step("dept", c.id, {
      action: "record_handling",
      result: "penalty",
      summary: "联合查处，罚款5万元",
    });
    expect(handled.stage).toBe("handled");
  });

  it("allows one extension of at most 30 working days, approved above the handler, never by themselves", async () => {
    const c = await registeredCase();
    const handling = await api.step("township", c.id, { action: "handle_locally" });
    const due = handling.deadline.dueAt;
    expect(
      (await api.act("township", c.id, { action: "request_extension", days: 31, reason: "需检测" })).json()
        .error,
    ).toBe("extension_too_long");
    expect((await api.act("office", c.id, { action: "approve_extension" })).json().error).toBe(
      "no_extension_requested",
    );
    await api.step("township", c.id, { action: "request_extension", days: 20, reason: "需委托第三方检测" });
    expect(await unread("office", c.id)).toContain("action_required"); // the district decides
    expect((await api.act("township", c.id, { action: "approve_extension" })).json().error).toBe(
      "forbidden_role",
    );
    const approved = await api.step("leader", c.id, { action: "approve_extension" });
    expect(approved).toMatchObject({ extensionsGranted: 1, pendingExtension: null });
    expect(new Date(approved.deadline.dueAt).getTime()).toBeGreaterThan(new Date(due).getTime());
    expect(
      (await api.act("township", c.id, { action: "request_extension", days: 5, reason: "x" })).json().error,
    ).toBe("extension_limit_reached");
  });

  it("guards feedback, replies, verification and closing", async () => {
    const c = await registeredCase(); // a patrol finding: nobody waits for a reply
    await api.step("township", c.id, { action: "handle_locally" });
    const wrongFile = await uploadPhoto(t, cookies.township, (await fileReport()).id);
    expect(
      (
        await api.act("township", c.id, {
          action: "record_handling",
          result: "penalty",
          summary: "罚款",
          evidenceIds: [wrongFile],
        })
      ).json().error,
    ).toBe("invalid_evidence");
    await api.step("township", c.id, { action: "record_handling", result: "penalty", summary: "罚款" });
    expect((await api.act("township", c.id, { action: "give_feedback", summary: "x" })).json().error).toBe(
      "forbidden_role",
    );
    expect(
      (await api.act("township", c.id, { action: "reply_to_reporter", summary: "x" })).json().error,
    ).toBe("no_reporter");
    const informed = await api.step("township", c.id, { action: "inform_lower_grid" });
    expect(informed.stage).toBe("feedback_given");
    expect((await api.act("township", c.id, { action: "close" })).json().error).toBe("invalid_stage");
    const member2 = await idOf(t, "users", "member2");
    // who may be sent to re-check: the staff of the case's grid and its ancestors, not another village's
    const candidates = informed.verifierCandidates.map((v: { id: number }) => v.id);
    expect(candidates).toContain(memberId);
    expect(candidates).not.toContain(member2);
    expect(
      (await api.act("township", c.id, { action: "request_verification", assigneeId: member2 })).json().error,
    ).toBe("invalid_assignee");
    const verifying = await api.step("township", c.id, {
      action: "request_verification",
      assigneeId: memberId,
    });
    // the township handled it, so it may not re-check its own handling and is not offered to; the member is
    expect(verifying.allowedActions).toEqual([]);
    expect((await api.get("member", `/api/cases/${c.id}`)).json().allowedActions).toEqual([
      "record_verification",
    ]);
    const p = await uploadPhoto(t, cookies.member, c.id);
    const notAssignee = await api.act("member3", c.id, {
      action: "record_verification",
      passed: true,
      note: "x",
      evidenceIds: [p],
    });
    expect(notAssignee.statusCode).toBe(403);
    expect(notAssignee.json().error).toBe("not_assignee");
    expect(
      (await api.act("member", c.id, { action: "record_verification", passed: true, note: "x" })).json()
        .error,
    ).toBe("evidence_required");
    // 返工: the re-check fails, the case goes back to handling with a rework deadline
    const rework = await api.step("member", c.id, {
      action: "record_verification",
      passed: false,
      note: "仍在排放",
      evidenceIds: [p],
    });
    expect(rework).toMatchObject({ stage: "handling", reworkCount: 1, handlingResult: null });
    expect(rework.deadline.phase).toBe("rework");
    // the township that handled it may not verify its own handling
    await api.step("township", c.id, {
      action: "record_handling",
      result: "rectification_order",
      summary: "再次整改",
    });
    await api.step("township", c.id, { action: "inform_lower_grid" });
    await api.step("township", c.id, { action: "request_verification", assigneeId: memberId });
    const p2 = await uploadPhoto(t, cookies.township, c.id);
    const self = await api.act("township", c.id, {
      action: "record_verification",
      passed: true,
      note: "x",
      evidenceIds: [p2],
    });
    expect(self.json().error).toBe("self_verification");
    const p3 = await uploadPhoto(t, cookies.member, c.id);
    await api.step("member", c.id, {
      action: "record_verification",
      passed: true,
      note: "已整改",
      evidenceIds: [p3],
    });
    await api.step("township", c.id, { action: "close" });
    expect((await api.act("office", c.id, { action: "disclose", summary: "" })).json().error).toBe(
      "summary_required",
    );
    await api.step("office", c.id, { action: "disclose", summary: "已整改" });
    expect((await api.act("office", c.id, { action: "disclose", summary: "again" })).json().error).toBe(
      "already_done",
    );
  });
});

describe("deadlines on the working-day calendar", () => {
  it("counts an adjusted working Saturday (2025-10-11) as a working day", async () => {
    at("2025-10-09T10:00:00");
    const c = await fileReport();
    await api.step("township", c.id, { action: "accept" });
    at("2025-10-10T16:00:00"); // Friday; registered: 3 working days to dispatch — Sat 11th, Mon 13th, Tue 14th
    const d = await api.step("township", c.id, { action: "register" });
    expect(d.deadline).toMatchObject({ phase: "dispatch", limit: 3, dueAt: endOfShanghaiDay("2025-10-14") });
  });

  it("starts counting after a holiday: a report on National Day is due 15 working days later", async () => {
    at("2025-10-02T10:00:00");
    const c = (await api.get("office", `/api/cases/${(await fileReport()).id}`)).json();
    // Oct 9 is day 1 (Oct 1–8 holiday), Oct 11 (Saturday, worked) day 3 → day 15 is Oct 28
    expect(c.deadline.dueAt).toBe(endOfShanghaiDay("2025-10-28"));
  });

  it("uses a calendar row changed behind the app's back on the very next intake (the cache follows the calendar's revision)", async () => {
    at("2025-11-03T09:00:00"); // Monday; the calendar is cached after the first intake
    const dueOf = async () =>
      (await api.get("office", `/api/cases/${(await fileReport()).id}`)).json().deadline.dueAt as string;
    const plain = await dueOf();
    // another instance (or an administrator's SQL) declares a Wednesday inside the period a holiday
    await t.query(
      sql`insert into work_calendar_days (day, kind, name) values ('2025-11-05', 'holiday', '测试假日')`,
    );
    try {
      expect(new Date(await dueOf()).getTime()).toBeGreaterThan(new Date(plain).getTime());
    } finally {
      await t.query(sql`delete from work_calendar_days where day = '2025-11-05'`);
    }
    expect(await dueOf()).toBe(plain);
  });

  it("lists overdue cases in scope once the deadline has passed", async () => {
    at("2025-11-03T09:00:00");
    const c = await fileReport({ title: "逾期测试" });
    const dueAt = (await api.get("office", `/api/cases/${c.id}`)).json().deadline.dueAt;
    let list = (await api.get("township", "/api/cases?overdue=true&pageSize=200")).json();
    expect(list.items.some((i: { id: number }) => i.id === c.id)).toBe(false);
    clock = new Date(new Date(dueAt).getTime() + 1000);
    list = (await api.get("township", "/api/cases?overdue=true&pageSize=200")).json();
    const item = list.items.find((i: { id: number }) => i.id === c.id);
    expect(item).toMatchObject({
      overdue: true,
      stage: "reported",
      gridId: await idOf(t, "grids", "亚尔村"),
      version: 1,
    });
    expect(list.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const elsewhere = (await api.get("member2", "/api/cases?overdue=true&pageSize=200")).json();
    expect(elsewhere.items.some((i: { id: number }) => i.id === c.id)).toBe(false);
    const todo = (await api.get("township", "/api/cases?todo=true&pageSize=200")).json();
    expect(todo.items.find((i: { id: number }) => i.id === c.id)?.allowedActions).toEqual([
      "accept",
      "reject",
      "merge_into",
    ]);
  });

  it("lets the system administrator load a year's holiday notice, and refuses invalid data", async () => {
    const sysadmin = await t.login("sysadmin");
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/work-calendar/2027",
      headers: { cookie: sysadmin },
      payload: { source: "测试", holidays: { 元旦: ["2027-01-01"] }, workdays: ["2027-01-04"] },
    });
    expect(bad.statusCode).toBe(422); // 2027-01-04 is a Monday, not a worked weekend day
    // a day that does not exist is refused by the schema in Chinese, before anything is read or written
    for (const day of ["2027-02-30", "2027-13-01", "0000-01-01"]) {
      const impossible = await t.app.inject({
        method: "PUT",
        url: "/api/work-calendar/2027",
        headers: { cookie: sysadmin },
        payload: { source: "测试", holidays: { 春节: [day] }, workdays: [] },
      });
      expect(impossible.statusCode, day).toBe(400);
      expect(impossible.json().message, day).toMatch(/日期不正确/);
    }
    expect((await api.post("office", "/api/work-calendar/2027", {})).statusCode).toBe(404);
    const byOffice = await t.app.inject({
      method: "PUT",
      url: "/api/work-calendar/2027",
      headers: { cookie: cookies.office },
      payload: { source: "办公室", holidays: {}, workdays: [] },
    });
    expect(byOffice.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: "PUT",
      url: "/api/work-calendar/2027",
      headers: { cookie: sysadmin },
      payload: {
        source: "国务院办公厅关于2027年部分节假日安排的通知（测试）",
        holidays: { 元旦: ["2027-01-01"] },
        workdays: [],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const cal = (await api.get("office", "/api/work-calendar")).json();
    expect(cal.lastLoadedYear).toBe(2027);
    expect(cal.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    // each year carries the version a correction must send, for the administrators' screen
    expect(cal.years.at(-1)).toMatchObject({ year: 2027, version: 1, holidays: { 元旦: ["2027-01-01"] } });
    expect(cal.warnDaysBeforeEnd).toBe(90);
  });
});
