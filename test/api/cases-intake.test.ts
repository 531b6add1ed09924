import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/db/migrate.ts";
import {
  chineseRoutingExplanation,
  readRoutingExplanation,
} from "../../server/domain/cases/routing-explanation.ts";
import { caseApi, createAccount, east, idOf, type Point, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let shengjin: Point;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of [
    "office",
    "township",
    "gridhead",
    "member",
    "dept",
    "supervisor",
    "resident",
    "secadmin",
    "auditor",
  ])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  shengjin = await pointIn(t, "胜金村");
  await createAccount(t, cookies.secadmin, {
    username: "member2",
    role: "grid_member",
    gridId: await idOf(t, "grids", "胜金村"),
  });
  cookies.member2 = await t.login("member2", "Test@12345x");
});
afterAll(() => t?.close());

describe("intake with routing", () => {
  it("routes by the editable duty list (定职责): a changed line changes where the next case goes", async () => {
    const urban = await idOf(t, "departments", "urban");
    const eco = await idOf(t, "departments", "eco");
    // The district moves 工业废气 to 城管 as lead, keeping 生态环境 to assist.
    await t.query(sql`update duty_lines set responsibility = 'assist' where matter_category = 'industrial_air'
                        and department_id = ${eco} and retired_at is null`);
    await t.query(sql`insert into duty_lines (grid_level, matter_category, department_id, responsibility, duty_text)
                      values (1, 'industrial_air', ${urban}, 'lead', '负责工业废气的监督管理（测试）')`);
    try {
      const c = await api.fileAndRead("member", report({}, yaer));
      expect(c.routing.departmentIds).toEqual([urban, eco]);
      expect(c.routing.explanation).toContain("由区城市管理局主办，市生态环境局高昌区分局协办");
    } finally {
      await t.query(sql`delete from duty_lines where duty_text = '负责工业废气的监督管理（测试）'`);
      await t.query(sql`update duty_lines set responsibility = 'lead' where matter_category = 'industrial_air'
                          and department_id = ${eco}`);
    }
  });

  it("applies a village's own duty line only to cases in that village", async () => {
    const urban = await idOf(t, "departments", "urban");
    const eco = await idOf(t, "departments", "eco");
    // 胜金村 alone hands 工业废气 to 城管 as lead; 亚尔村 keeps the district-wide line.
    await t.query(sql`insert into duty_lines (grid_id, matter_category, department_id, responsibility, duty_text)
                      values (${await idOf(t, "grids", "胜金村")}, 'industrial_air', ${urban}, 'lead', '村级工业废气专责（测试）')`);
    try {
      const elsewhere = await api.fileAndRead("member", report({}, yaer));
      expect(elsewhere.routing.departmentIds).toEqual([eco]);
      const here = await api.fileAndRead("member2", report({}, shengjin));
      expect(here.routing.departmentIds).toEqual([urban, eco]);
    } finally {
      await t.query(sql`delete from duty_lines where duty_text = '村级工业废气专责（测试）'`);
    }
  });

  it("routes a member's patrol finding to the village grid and the competent department, and says why", async () => {
    const r = await api.file("member", report({}, yaer));
    expect(r.statusCode, r.body).toBe(201);
    const gridId = await idOf(t, "grids", "亚尔村");
    const eco = await idOf(t, "departments", "eco");
    // the answer is a receipt: where it went and by when; the detail is one GET away
    expect(r.json()).toMatchObject({
      stage: "reported",
      gridName: "亚尔村",
      source: "patrol_finding",
      priority: "normal",
      departments: [{ id: eco, name: "市生态环境局高昌区分局" }],
    });
    expect(r.json().deadlineDueAt).toEqual(expect.any(String));
    const c = (await api.get("member", `/api/cases/${r.json().id}`)).json();
    expect(r.json()).toMatchObject({ trackingNo: c.trackingNo, deadlineDueAt: c.deadline.dueAt });
    expect(c).toMatchObject({
      stage: "reported",
      version: 1,
      gridId,
      gridName: "亚尔村",
      townshipName: "亚尔镇",
      source: "patrol_finding",
      priority: "normal",
      supervisionLevel: "periodic",
      allowedActions: [],
      reporter: { kind: "official" },
    });
    expect(c.trackingNo).toMatch(/^GC\d{8}[2-9A-Z]{6}$/);
    expect(c.routing).toMatchObject({ gridId, departmentIds: [eco], townshipLeads: false });
    expect(c.routing.explanation).toContain("位于高昌区亚尔镇亚尔村网格（第3级网格）内，由亚尔镇受理");
    expect(c.routing.explanation).toContain("按责任清单第1项“工业废气污染”由市生态环境局高昌区分局主办");
    expect(c.deadline).toMatchObject({ phase: "acceptance", limitKind: "working_days", limit: 15 });
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created"]);

    // the township can accept it now and has been told so
    const seen = (await api.get("township", `/api/cases/${c.id}`)).json();
    expect(seen.allowedActions).toEqual(["accept", "reject", "merge_into"]);
    const inbox = (await api.get("township", "/api/notifications?unread=true")).json();
    expect(
      inbox.items.some(
        (n: { caseId: number; kind: string }) => n.caseId === c.id && n.kind === "action_required",
      ),
    ).toBe(true);
    const [audit] = await t.query<{ after: { trackingNo: string; reporter: string } }>(
      sql`select after from audit_log where action = 'case.create' and entity_id = ${String(c.id)}`,
    );
    expect(audit.after).toMatchObject({ trackingNo: c.trackingNo, reporter: "official" });
  });

  it("tells each of the township's staff once, and no disabled account", async () => {
    const yaerTown = await idOf(t, "grids", "亚尔镇");
    for (const username of ["yaer_officer_a", "yaer_officer_b"])
      await createAccount(t, cookies.secadmin, { username, role: "township_officer", gridId: yaerTown });
    const [b] = await t.query<{ id: number }>(sql`select id from users where username = 'yaer_officer_b'`);
    const off = await t.app.inject({
      method: "POST",
      url: `/api/users/${b.id}/disable`,
      headers: { cookie: cookies.secadmin },
    });
    expect(off.statusCode, off.body).toBe(200);

    const r = await api.file("member", report({}, yaer));
    expect(r.statusCode, r.body).toBe(201);
    const told = await t.query<{ username: string; n: number }>(
      sql`select u.username, count(*)::int as n from notifications n join users u on u.id = n.user_id
           where n.case_id = ${r.json().id} group by u.username order by u.username`,
    );
    expect(told.map((x) => x.username)).toContain("yaer_officer_a");
    expect(told.map((x) => x.username)).toContain("township");
    expect(told.map((x) => x.username)).not.toContain("yaer_officer_b");
    expect(told.map((x) => x.username)).not.toContain("member");
    expect(told.every((x) => x.n === 1)).toBe(true);
  });

  it("names co-operating departments for a multi-department matter and leaves 'other' to the district office", async () => {
    const vehicle = await api.fileAndRead(
      "member",
      report({ category: "vehicle_emissions", title: "柴油货车冒黑烟" }, yaer),
    );
    const ids = await Promise.all(["eco", "police", "transport"].map((c) => idOf(t, "departments", c)));
    expect(vehicle.routing.departmentIds).toEqual(ids);
    expect(vehicle.routing.explanation).toContain("协办");
    const other = await api.fileAndRead("member", report({ category: "other", title: "其他问题" }, yaer));
    expect(other.routing.departmentIds).toEqual([]);
    expect(other.routing.explanation).toContain("由区网格办研判分派");
  });

  it("refuses a location outside every grid with a Chinese message, and creates nothing", async () => {
    const before = await t.query<{ n: number }>(sql`select count(*)::int as n from cases`);
    const r = await api.file("member", report({}, { lng: 80.1, lat: 40.2 }));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: "location_outside_grids" });
    expect(r.json().message).toContain("不在高昌区任何网格范围内");
    const after = await t.query<{ n: number }>(sql`select count(*)::int as n from cases`);
    expect(after[0].n).toBe(before[0].n);
  });

  it("validates input: schema errors 400, missing key 400, domain rules 422, sources by role 403", async () => {
    expect((await api.file("member", report({ category: "nonsense" }, yaer))).statusCode).toBe(400);
    expect((await api.file("member", report({ title: "" }, yaer))).json().error).toBe("validation_failed");
    const noKey = await t.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: cookies.member },
      payload: report({}, yaer),
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error).toBe("idempotency_key_required");
    const petition = await api.file("township", report({ source: "petition" }, yaer));
    expect(petition.statusCode).toBe(422);
    expect(petition.json().error).toBe("petition_channel_required");
    const dispute = await api.file(
      "township",
      report({ source: "dispute", disputeParties: [{ name: "甲" }] }, yaer),
    );
    expect(dispute.json().error).toBe("dispute_parties_required");
    expect((await api.file("member", report({ source: "superior_task" }, yaer))).statusCode).toBe(403);
    expect((await api.file("supervisor", report({}, yaer))).statusCode).toBe(403);
    expect((await api.file("auditor", report({}, yaer))).statusCode).toBe(403);
    const ok = await api.fileAndRead(
      "township",
      report({ source: "petition", petitionChannel: "12369" }, yaer),
    );
    expect(ok).toMatchObject({
      petitionChannel: "12369",
      petitionChannelName: "12369环保举报热线",
      reporterReplyRequired: true,
    });
  });
});

describe("idempotency", () => {
  it("answers the same key twice with one case and the same response", async () => {
    const body = report({ title: "重复提交测试" }, east(yaer, 30));
    const first = await api.file("member", body, "same-key-0001");
    const second = await api.file("member", body, "same-key-0001");
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
    const rows = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where title = '重复提交测试'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it("draws another tracking number when the drawn one is taken, and files the case once", async () => {
    const [held] = await t.query<{ trackingNo: string }>(
      sql`select tracking_no as "trackingNo" from cases order by id limit 1`,
    );
    // The first insert of the test takes that case's number: a real clash on the unique index. A sequence,
    // because the failed statement rolls back everything else it did.
    await t.query(sql`create sequence test_tracking_clash`);
    await t.query(
      sql.raw(`create function test_tracking_clash() returns trigger language plpgsql as $$
        begin
          if nextval('test_tracking_clash') = 1 then new.tracking_no := '${held.trackingNo}'; end if;
          return new;
        end $$`),
    );
    await t.query(sql`create trigger test_tracking_clash before insert on cases
                        for each row execute function test_tracking_clash()`);
    try {
      const r = await api.file("member", report({ title: "编号冲突测试" }, east(yaer, 60)), "clash-key-0001");
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().trackingNo).not.toBe(held.trackingNo);
      const filed = await t.query<{ trackingNo: string }>(
        sql`select tracking_no as "trackingNo" from cases where title = '编号冲突测试'`,
      );
      expect(filed).toEqual([{ trackingNo: r.json().trackingNo }]);
      const [clashes] = await t.query<{ n: number }>(
        sql`select last_value::int as n from test_tracking_clash`,
      );
      expect(clashes.n).toBe(2);
      const [audited] = await t.query<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'case.create'
              and after->>'trackingNo' = ${r.json().trackingNo}`,
      );
      expect(audited.n).toBe(1);
    } finally {
      await t.query(sql`drop trigger test_tracking_clash on cases`);
      await t.query(sql`drop function test_tracking_clash()`);
      await t.query(sql`drop sequence test_tracking_clash`);
    }
  });

  it("replays an answer stored before intake answered receipts as a receipt (migration 0015)", async () => {
    const body = report({ title: "旧版应答重放" }, east(yaer, 60));
    const first = await api.file("member", body, "old-answer-0001");
    expect(first.statusCode, first.body).toBe(201);
    // what the server stored before decision 0005: the full detail with the duplicate hint
    const detail = (await api.get("member", `/api/cases/${first.json().id}`)).json();
    await t.query(sql`update idempotency_keys set response = ${JSON.stringify({ ...detail, possibleDuplicates: first.json().possibleDuplicates })}::jsonb
                       where key = 'old-answer-0001'`);
    await t.query(sql`delete from schema_migrations where name = '0015_intake_receipts.sql'`);
    await migrate(t.database);
    const again = await api.file("member", body, "old-answer-0001");
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual({ ...first.json(), message: `已上报，案件编号 ${detail.trackingNo}。` });
  });

  it("refuses the same key with a different body, and scopes keys per user", async () => {
    await api.file("member", report({ title: "键复用一" }, yaer), "reuse-key-0001");
    const other = await api.file("member", report({ title: "键复用二" }, yaer), "reuse-key-0001");
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toBe("idempotency_key_reused");
    const byAnother = await api.file("gridhead", report({ title: "键复用二" }, yaer), "reuse-key-0001");
    expect(byAnother.statusCode).toBe(201);
  });

  it("stores a keyed hash of the body, not the body", async () => {
    const [row] = await t.query<{ requestHash: string }>(
      sql`select request_hash as "requestHash" from idempotency_keys where key = 'same-key-0001'`,
    );
    expect(row.requestHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("possible duplicates", () => {
  it("shows same-category reports within 200 m and 7 days at intake and on the case, and merges one", async () => {
    const here = east(shengjin, 10);
    const first = (
      await api.file("member2", report({ title: "露天焚烧垃圾", category: "open_burning" }, here))
    ).json();
    const near = (
      await api.file("member2", report({ title: "焚烧垃圾冒烟", category: "open_burning" }, east(here, 150)))
    ).json();
    const far = (
      await api.file("member2", report({ title: "远处焚烧", category: "open_burning" }, east(here, 900)))
    ).json();
    const otherKind = (
      await api.file("member2", report({ title: "油烟", category: "restaurant_fumes" }, east(here, 20)))
    ).json();
    expect(near.possibleDuplicates.map((d: { id: number }) => d.id)).toEqual([first.id]);
    expect(near.possibleDuplicates[0].distanceMeters).toBeGreaterThan(100);
    expect(near.possibleDuplicates[0].distanceMeters).toBeLessThan(200);
    expect(far.possibleDuplicates).toEqual([]);
    expect(otherKind.possibleDuplicates).toEqual([]);
    const dup = (await api.get("office", `/api/cases/${first.id}/duplicates`)).json();
    expect(dup.items.map((d: { id: number }) => d.id)).toEqual([near.id]);

    // a 胜金乡 case: the 亚尔镇 township may not merge it, but the office sees it
    const township = await api.act("township", near.id, { action: "merge_into", targetCaseId: first.id });
    expect(township.statusCode).toBe(404);
    const officeMerge = await api.act("office", near.id, { action: "merge_into", targetCaseId: first.id });
    expect(officeMerge.statusCode).toBe(403); // the office does not accept reports; the township does
  });

  it("merges a duplicate into the original through the merge_into transition", async () => {
    const here = east(yaer, 60);
    const first = (
      await api.file("member", report({ title: "河道倾倒垃圾", category: "sand_mining_rivers" }, here))
    ).json();
    const again = (
      await api.file("member", report({ title: "河道垃圾", category: "sand_mining_rivers" }, east(here, 50)))
    ).json();
    expect(again.possibleDuplicates.map((d: { id: number }) => d.id)).toContain(first.id);
    const merged = await api.step("township", again.id, { action: "merge_into", targetCaseId: first.id });
    expect(merged).toMatchObject({
      stage: "merged",
      mergedInto: { id: first.id, trackingNo: first.trackingNo },
      deadline: null,
    });
    const self = await api.act("township", first.id, { action: "merge_into", targetCaseId: again.id });
    expect(self.statusCode).toBe(422); // a merged case is no target
  });
});

describe("routing override", () => {
  it("lets the district office reroute with a reason, audited and explained", async () => {
    const c = await api.fileAndRead("member", report({ title: "工地扬尘", category: "road_dust" }, yaer));
    const housing = await idOf(t, "departments", "housing");
    const urban = await idOf(t, "departments", "urban");
    const stale = await api.post("office", `/api/cases/${c.id}/routing`, {
      version: 0,
      reason: "x",
      departmentIds: [housing],
    });
    expect(stale.statusCode).toBe(409);
    const r = await api.post("office", `/api/cases/${c.id}/routing`, {
      version: c.version,
      reason: "实为建筑工地出口扬尘",
      departmentIds: [housing, urban],
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json();
    expect(after.version).toBe(c.version + 1);
    expect(after.routing.departmentIds).toEqual([housing, urban]);
    expect(after.routing.explanation).toMatch(/^区网格办 王敏人工调整（理由：实为建筑工地出口扬尘）：/);
    expect(after.routing.explanation).toContain(`原分派：${c.routing.explanation}`);
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "routing_override"]);
    const [audit] = await t.query<{ after: { reason: string } }>(
      sql`select after from audit_log where action = 'case.routing_override' and entity_id = ${String(c.id)}`,
    );
    expect(audit.after.reason).toBe("实为建筑工地出口扬尘");
  });

  it("stores the explanation as a code with parameters beside the same Chinese, on intake and override", async () => {
    const c = await api.fileAndRead("member", report({ title: "路面扬尘", category: "road_dust" }, yaer));
    const urban = await idOf(t, "departments", "urban");
    const housing = await idOf(t, "departments", "housing");
    const names = await t.query<{ id: number; name: string }>(
      sql`select id, name from departments where id in (${urban}, ${housing})`,
    );
    const nameOf = (id: number) => names.find((d) => d.id === id)?.name;
    expect(c.routing).toMatchObject({
      explanationCode: "routed",
      explanationParams: {
        lng: yaer.lng,
        lat: yaer.lat,
        grid: {
          id: await idOf(t, "grids", "亚尔村"),
          name: "亚尔村",
          level: 3,
          ancestorNames: ["高昌区", "亚尔镇"],
        },
        category: "road_dust",
        dutyItem: 7,
        townshipLeads: false,
        departments: [{ id: urban, name: nameOf(urban) }],
      },
    });
    const wordedInChinese = (r: { explanationCode?: unknown; explanationParams?: unknown }) => {
      const read = readRoutingExplanation(r.explanationCode, r.explanationParams);
      return read && chineseRoutingExplanation(read);
    };
    expect(wordedInChinese(c.routing)).toBe(c.routing.explanation);

    const after = (
      await api.post("office", `/api/cases/${c.id}/routing`, {
        version: c.version,
        reason: "实为工地出口",
        departmentIds: [housing],
      })
    ).json();
    expect(after.routing).toMatchObject({
      explanationCode: "overridden",
      explanationParams: {
        by: "区网格办 王敏",
        reason: "实为工地出口",
        departments: [{ id: housing, name: nameOf(housing) }],
        original: { code: "routed", params: c.routing.explanationParams },
      },
    });
    expect(after.routing.explanation).toBe(
      `区网格办 王敏人工调整（理由：实为工地出口）：由高昌区亚尔镇亚尔村网格（第3级网格）所属亚尔镇受理，${nameOf(housing)}主办。原分派：${c.routing.explanation}`,
    );
    expect(wordedInChinese(after.routing)).toBe(after.routing.explanation);
    // the timeline's entry carries the same, for the reader's language there too
    const event = after.timeline.find((e: { kind: string }) => e.kind === "routing_override");
    expect(event.data).toMatchObject({
      explanation: after.routing.explanation,
      explanationCode: "overridden",
      explanationParams: after.routing.explanationParams,
    });
  });

  it("overrides a routing stored before explanations had codes with the same Chinese as before", async () => {
    const c = await api.fileAndRead("member", report({ title: "旧分派", category: "road_dust" }, yaer));
    await t.query(
      sql`update cases set routing = routing - 'explanationCode' - 'explanationParams' where id = ${c.id}`,
    );
    const old = (await api.get("office", `/api/cases/${c.id}`)).json();
    expect(old.routing.explanationCode).toBeUndefined();
    expect(old.routing.explanation).toBe(c.routing.explanation);
    const after = (
      await api.post("office", `/api/cases/${c.id}/routing`, {
        version: c.version,
        reason: "改",
        departmentIds: [],
      })
    ).json();
    expect(after.routing.explanation).toBe(
      "区网格办 王敏人工调整（理由：改）：由高昌区亚尔镇亚尔村网格（第3级网格）所属亚尔镇受理，" +
        `事项类别“道路扬尘”未列入责任清单的部门职责，由区网格办研判分派。原分派：${c.routing.explanation}`,
    );
    expect(after.routing.explanationParams.original).toEqual({ text: c.routing.explanation });
  });

  it("keeps a township within its own grids, and members out", async () => {
    const c = (await api.file("member", report({ title: "改派测试", category: "road_dust" }, yaer))).json();
    const shengjinId = await idOf(t, "grids", "胜金村");
    const elsewhere = await api.post("township", `/api/cases/${c.id}/routing`, {
      version: 1,
      reason: "错",
      gridId: shengjinId,
    });
    expect(elsewhere.statusCode).toBe(403);
    const member = await api.post("member", `/api/cases/${c.id}/routing`, {
      version: 1,
      reason: "错",
      gridId: shengjinId,
    });
    expect(member.statusCode).toBe(403);
    const office = await api.post("office", `/api/cases/${c.id}/routing`, {
      version: 1,
      reason: "实际位于胜金村",
      gridId: shengjinId,
    });
    expect(office.statusCode).toBe(200);
    expect(office.json()).toMatchObject({ gridId: shengjinId, gridName: "胜金村", townshipName: "胜金乡" });
    // now out of the 亚尔镇 township's reach entirely
    expect((await api.get("township", `/api/cases/${c.id}`)).statusCode).toBe(404);
  });
});

describe("scope", () => {
  it("answers 404 to a member of another village, exactly as for a case that does not exist", async () => {
    const c = (await api.file("member", report({ title: "范围测试" }, yaer))).json();
    const outside = await api.get("member2", `/api/cases/${c.id}`);
    const missing = await api.get("member2", "/api/cases/999999");
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    expect((await api.get("member2", `/api/cases/${c.id}/duplicates`)).statusCode).toBe(404);
    const act = await api.act("member2", c.id, { action: "accept" });
    expect(act.statusCode).toBe(404);
    const list = (await api.get("member2", "/api/cases?pageSize=200")).json();
    expect(list.items.some((i: { id: number }) => i.id === c.id)).toBe(false);
    const mine = (await api.get("member", "/api/cases?pageSize=200")).json();
    expect(mine.items.some((i: { id: number }) => i.id === c.id)).toBe(true);
  });

  it("gives residents a receipt, never the internal view, and keeps them out of the case API", async () => {
    const r = await api.file(
      "resident",
      report(
        {
          source: "public_report",
          title: "小区旁有人焚烧垃圾",
          category: "open_burning",
          priority: "urgent",
        },
        yaer,
      ),
    );
    expect(r.statusCode, r.body).toBe(201);
    const receipt = r.json();
    expect(Object.keys(receipt).sort()).toEqual([
      "categoryName",
      "gridName",
      "id",
      "message",
      "reportedAt",
      "sourceName",
      "stage",
      "stageName",
      "trackingNo",
    ]);
    const [row] = await t.query<{ priority: string }>(
      sql`select priority from cases where id = ${receipt.id}`,
    );
    expect(row.priority).toBe("normal"); // residents do not triage
    expect((await api.get("resident", `/api/cases/${receipt.id}`)).statusCode).toBe(403);
    expect((await api.get("resident", "/api/cases")).statusCode).toBe(403);
    // staff see the resident's own step as the reporter's, a kind the web words in the reader's language
    const [created] = (await api.get("township", `/api/cases/${receipt.id}`)).json().timeline;
    expect(created).toMatchObject({
      kind: "created",
      actorId: null,
      actorName: "举报人",
      actorKind: "reporter",
    });
    const progress = await t.app.inject({ method: "GET", url: `/api/public/cases/${receipt.trackingNo}` });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({
      trackingNo: receipt.trackingNo,
      progress: "已收到，待受理",
      result: null,
    });
  });
});
