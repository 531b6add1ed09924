import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridIdsByName, userIdsByName } from "../support/demo-ids.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let grid: Record<string, number>;
let user: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "member", "gridhead", "leader", "dept", "secadmin", "villagehead"])
    cookies[u] = await t.login(u);
  grid = await gridIdsByName(t, [
    "高昌区",
    "亚尔镇",
    "亚尔村",
    "上湖村",
    "恰章村",
    "胜金乡",
    "胜金村",
    "新城社区",
  ]);
  user = await userIdsByName(t);
});
afterAll(() => t?.close());

type Method = "GET" | "POST" | "PUT" | "DELETE";
const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who] } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const visibleGridNames = async (who: string) =>
  ((await call(who, "GET", "/api/grids")).json().items as { name: string }[]).map((g) => g.name);

describe("the demo 五定", () => {
  it("gives every grid one head in force and one to three members", async () => {
    const counts = await t.query<{ heads: number; members: number }>(
      sql`select count(*) filter (where p.duty_role = 'head')::int as heads,
                 count(*) filter (where p.duty_role = 'member')::int as members
            from grids g left join grid_personnel p on p.grid_id = g.id and p.removed_at is null
           group by g.id`,
    );
    expect(counts).toHaveLength(107);
    expect(counts.every((c) => c.heads === 1)).toBe(true);
    expect(counts.every((c) => c.members >= 1 && c.members <= 3)).toBe(true);
    const several = await t.query<{ n: number }>(
      sql`select count(*)::int as n from (select user_id from grid_personnel where removed_at is null
            group by user_id having count(distinct grid_id) > 1) x`,
    );
    expect(several[0].n).toBeGreaterThan(0);
  });

  it("shows a village its card: area, people, duties, tasks, rules — read-only for its own member", async () => {
    const response = await call("member", "GET", `/api/grids/${grid.亚尔村}/wuding`);
    expect(response.statusCode, response.body).toBe(200);
    const wuding = response.json();
    expect(wuding.grid).toMatchObject({ name: "亚尔村", level: 3, parentName: "亚尔镇" });
    expect(wuding.grid.areaKm2).toBeGreaterThan(0);
    expect(wuding.grid.path).toBeUndefined();
    const head = wuding.personnel.find((p: { dutyRole: string }) => p.dutyRole === "head");
    expect(head).toMatchObject({ username: "villagehead", inForce: true });
    expect(head.phone).toMatch(/^1389951/);
    expect(wuding.personnel.some((p: { username: string }) => p.username === "member")).toBe(true);
    expect(wuding.duties.length).toBeGreaterThanOrEqual(3);
    expect(wuding.tasks.some((r: { objectFlag: string }) => r.objectFlag === "key_unit")).toBe(true);
    expect(wuding.rules.some((r: { veto: boolean }) => r.veto)).toBe(true);
    expect(wuding.policies).toEqual({
      managePersonnel: false,
      manageGridLines: false,
      manageLevelLines: false,
      manageDisclosure: false,
    });
    expect((await call("member", "GET", `/api/grids/${grid.胜金村}/wuding`)).statusCode).toBe(404);
  });

  it("seeds the district duty list from the routing defaults, keyed on the matter categories", async () => {
    const lines = (await call("office", "GET", "/api/duty-lines?level=1&category=vehicle_emissions")).json()
      .items as { departmentName: string; responsibility: string }[];
    expect(lines.map((l) => [l.departmentName, l.responsibility])).toEqual([
      ["市生态环境局高昌区分局", "lead"],
      ["区公安分局", "assist"],
      ["区交通运输局", "assist"],
    ]);
    const rural = (await call("office", "GET", "/api/duty-lines?category=rural_sewage_garbage")).json().items;
    expect(rural.find((l: { gridLevel: number }) => l.gridLevel === 2)).toMatchObject({
      departmentId: null,
      responsibility: "lead",
    });
  });
});

describe("a member's scope follows their assignments", () => {
  it("shows a second village once assigned there, and hides it again once removed", async () => {
    expect(await visibleGridNames("member")).toEqual(["亚尔村"]);
    expect((await call("member", "GET", `/api/grids/${grid.上湖村}`)).statusCode).toBe(404);

    const assigned = await call("office", "POST", `/api/grids/${grid.上湖村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(await visibleGridNames("member")).toEqual(["亚尔村", "上湖村"]);
    expect((await call("member", "GET", `/api/grids/${grid.上湖村}`)).statusCode).toBe(200);
    const me = (await call("member", "GET", "/api/me")).json();
    expect(me.scope.gridIds).toEqual([grid.亚尔村, grid.上湖村]);
    expect(me.roles).toContainEqual(expect.objectContaining({ role: "grid_member", gridName: "上湖村" }));

    const removed = await call(
      "office",
      "DELETE",
      `/api/personnel/${assigned.json().id}?version=${assigned.json().version}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await visibleGridNames("member")).toEqual(["亚尔村"]);
    expect((await call("member", "GET", `/api/grids/${grid.上湖村}`)).statusCode).toBe(404);
    // Removal keeps the row as history.
    const [row] = await t.query<{ removed: boolean }>(
      sql`select removed_at is not null as removed from grid_personnel where id = ${assigned.json().id}`,
    );
    expect(row.removed).toBe(true);
  });

  it("does not widen the scope before the term starts or after it ends", async () => {
    const future = await call("office", "POST", `/api/grids/${grid.恰章村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
      startsOn: "2099-01-01",
    });
    expect(future.statusCode, future.body).toBe(201);
    const past = await call("office", "POST", `/api/grids/${grid.胜金村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
      startsOn: "2020-01-01",
      endsOn: "2020-12-31",
    });
    expect(past.statusCode, past.body).toBe(201);
    expect(await visibleGridNames("member")).toEqual(["亚尔村"]);
  });

  it("makes the head of a grid its grid_head, with the right to sign contracts", async () => {
    const me = (await call("villagehead", "GET", "/api/me")).json();
    expect(me.permissions).toContain("contract.sign");
    expect(me.roles.filter((r: { role: string }) => r.role === "grid_head")).toHaveLength(1);
  });
});

describe("who manages the 五定", () => {
  it("lets a township officer manage its villages, not its own township nor another township", async () => {
    const village = await call("township", "POST", `/api/grids/${grid.上湖村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
      startsOn: "2030-01-01",
      endsOn: "2030-12-31",
    });
    expect(village.statusCode, village.body).toBe(201);
    const own = await call("township", "POST", `/api/grids/${grid.亚尔镇}/personnel`, {
      userId: user.member,
      dutyRole: "member",
    });
    expect(own.statusCode).toBe(403);
    const other = await call("township", "POST", `/api/grids/${grid.胜金村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe("记录不存在或无权访问");
    const wuding = (await call("township", "GET", `/api/grids/${grid.上湖村}/wuding`)).json();
    expect(wuding.policies).toMatchObject({ managePersonnel: true, manageLevelLines: false });
  });

  it("refuses members, department staff and the security administrator", async () => {
    for (const who of ["member", "dept", "gridhead"]) {
      const response = await call(who, "POST", `/api/grids/${grid.上湖村}/personnel`, {
        userId: user.member,
        dutyRole: "member",
      });
      expect(response.statusCode, who).toBe(403);
    }
    expect((await call("secadmin", "GET", `/api/grids/${grid.上湖村}/wuding`)).statusCode).toBe(403);
  });

  it("keeps one head per grid at a time and one post per person and grid", async () => {
    const secondHead = await call("office", "POST", `/api/grids/${grid.上湖村}/personnel`, {
      userId: user.gridhead,
      dutyRole: "head",
    });
    expect(secondHead.statusCode).toBe(409);
    expect(secondHead.json().message).toContain("已有网格长");
    const twice = await call("office", "POST", `/api/grids/${grid.亚尔村}/personnel`, {
      userId: user.member,
      dutyRole: "member",
    });
    expect(twice.statusCode).toBe(409);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const before = await t.query<{ n: number }>(sql`select count(*)::int as n from grid_personnel`);
    const bad: [unknown, string][] = [
      [{ userId: user.member, dutyRole: "member", startsOn: "2026-02-30" }, "invalid_date"],
      [
        { userId: user.member, dutyRole: "member", startsOn: "2026-05-01", endsOn: "2026-04-01" },
        "term_ends_before_start",
      ],
      [{ userId: user.member, dutyRole: "boss" }, "validation_failed"],
      [{ userId: user.member, dutyRole: "member", phone: "call me" }, "validation_failed"],
      [{ userId: 999999, dutyRole: "member" }, "person_not_assignable"],
      [{ userId: user.auditor, dutyRole: "member" }, "person_not_assignable"],
      [{ userId: user.resident, dutyRole: "member" }, "person_not_assignable"],
      [{ userId: "x", dutyRole: "member" }, "validation_failed"],
    ];
    for (const [payload, code] of bad) {
      const response = await call("office", "POST", `/api/grids/${grid.上湖村}/personnel`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toBe(code);
    }
    expect(
      (await call("office", "POST", "/api/grids/0/personnel", { userId: 1, dutyRole: "member" })).statusCode,
    ).toBe(400);
    const after = await t.query<{ n: number }>(sql`select count(*)::int as n from grid_personnel`);
    expect(after).toEqual(before);
  });

  it("answers 409 to an edit of a version someone else changed", async () => {
    const [row] = await t.query<{ id: number; version: number }>(
      sql`select p.id, p.version from grid_personnel p join users u on u.id = p.user_id
           where u.username = 'villagehead' and p.removed_at is null`,
    );
    const first = await call("office", "PUT", `/api/personnel/${row.id}`, {
      dutyRole: "head",
      phone: "0995-8512345",
      startsOn: "2024-01-01",
      version: row.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call("office", "PUT", `/api/personnel/${row.id}`, {
      dutyRole: "head",
      phone: "0995-8500000",
      startsOn: "2024-01-01",
      version: row.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe("stale_version");
    const staleRemove = await call("office", "DELETE", `/api/personnel/${row.id}?version=${row.version}`);
    expect(staleRemove.statusCode).toBe(409);
    const wuding = (await call("member", "GET", `/api/grids/${grid.亚尔村}/wuding`)).json();
    expect(wuding.personnel[0]).toMatchObject({ username: "villagehead", phone: "0995-8512345" });
  });
});

describe("duty list, tasks and rules", () => {
  it("leaves the district's level lines to the district office; a township adds lines for its villages", async () => {
    const levelLine = {
      gridLevel: 3,
      matterCategory: "straw_burning",
      departmentId: null,
      responsibility: "lead",
      dutyText: "秸秆焚烧高发季节每日巡查农田",
    };
    expect((await call("township", "POST", "/api/duty-lines", levelLine)).statusCode).toBe(403);
    const created = await call("office", "POST", "/api/duty-lines", levelLine);
    expect(created.statusCode, created.body).toBe(201);
    const villageLine = { ...levelLine, gridLevel: undefined, gridId: grid.上湖村 };
    const mine = await call("township", "POST", "/api/duty-lines", villageLine);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(
      (await call("township", "POST", "/api/duty-lines", { ...villageLine, gridId: grid.胜金村 })).statusCode,
    ).toBe(404);
    // Where a line applies is fixed at creation; and the township cannot edit the district's level line.
    const moved = await call("office", "PUT", `/api/duty-lines/${created.json().id}`, {
      ...levelLine,
      version: 1,
    });
    expect(moved.statusCode).toBe(400);
    const edit2 = await call("township", "PUT", `/api/duty-lines/${created.json().id}`, {
      matterCategory: "straw_burning",
      departmentId: null,
      responsibility: "lead",
      dutyText: "x",
      version: 1,
    });
    expect(edit2.statusCode).toBe(403);
    const card = (await call("township", "GET", `/api/grids/${grid.上湖村}/wuding`)).json();
    expect(card.duties.filter((d: { dutyText: string }) => d.dutyText.includes("秸秆焚烧高发"))).toHaveLength(
      2,
    );
  });

  it("edits with the version seen, refuses a stale one, and retires without deleting", async () => {
    const created = (
      await call("office", "POST", "/api/patrol-rules", {
        gridLevel: 3,
        objectType: "ecological_area",
        objectFlag: null,
        frequency: "quarterly",
        timesPerPeriod: 1,
        description: "",
      })
    ).json();
    const body = {
      objectType: "ecological_area",
      objectFlag: null,
      frequency: "monthly",
      timesPerPeriod: 1,
      description: "生态红线区",
    };
    const updated = await call("office", "PUT", `/api/patrol-rules/${created.id}`, {
      ...body,
      version: created.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().version).toBe(created.version + 1);
    const stale = await call("office", "PUT", `/api/patrol-rules/${created.id}`, {
      ...body,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call("office", "DELETE", `/api/patrol-rules/${created.id}?version=${created.version}`))
        .statusCode,
    ).toBe(409);
    const retired = await call(
      "office",
      "DELETE",
      `/api/patrol-rules/${created.id}?version=${updated.json().version}`,
    );
    expect(retired.statusCode, retired.body).toBe(200);
    const [row] = await t.query<{ retired: boolean }>(
      sql`select retired_at is not null as retired from patrol_rules where id = ${created.id}`,
    );
    expect(row.retired).toBe(true);
    expect((await call("office", "DELETE", `/api/patrol-rules/${created.id}?version=99`)).statusCode).toBe(
      404,
    );
  });

  it("refuses unknown categories and departments, and rules whose points contradict their kind", async () => {
    const duty = { gridLevel: 1, departmentId: null, responsibility: "lead", dutyText: "x" };
    const cases: [string, unknown, string][] = [
      ["/api/duty-lines", { ...duty, matterCategory: "no_such_thing" }, "unknown_category"],
      ["/api/duty-lines", { ...duty, matterCategory: null, departmentId: 999 }, "unknown_department"],
      ["/api/duty-lines", { ...duty, matterCategory: null, gridId: grid.上湖村 }, "line_target_required"],
      ["/api/duty-lines", { ...duty, matterCategory: null, gridLevel: undefined }, "line_target_required"],
      ["/api/duty-lines", { ...duty, matterCategory: null, dutyText: "   " }, "duty_text_required"],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "reward", ruleText: "x", points: -2, veto: false },
        "invalid_points",
      ],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "penalty", ruleText: "x", points: 2, veto: false },
        "invalid_points",
      ],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "penalty", ruleText: "x", points: 0.25, veto: false },
        "invalid_points",
      ],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "penalty", ruleText: "x", points: -5, veto: true },
        "invalid_veto",
      ],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "reward", ruleText: "x", points: null, veto: true },
        "invalid_veto",
      ],
      [
        "/api/reward-penalty-rules",
        { gridLevel: 3, kind: "reward", ruleText: "x", points: 0, veto: false },
        "invalid_points",
      ],
      ["/api/duty-lines", { ...duty, matterCategory: null, departmentId: 0 }, "validation_failed"],
      [
        "/api/patrol-rules",
        {
          gridLevel: 3,
          objectType: "factory",
          objectFlag: null,
          frequency: "weekly",
          timesPerPeriod: 1,
          description: "",
        },
        "validation_failed",
      ],
      [
        "/api/patrol-rules",
        {
          gridLevel: 3,
          objectType: null,
          objectFlag: null,
          frequency: "weekly",
          timesPerPeriod: 0,
          description: "",
        },
        "validation_failed",
      ],
    ];
    for (const [url, payload, code] of cases) {
      const response = await call("office", "POST", url, payload);
      expect(response.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(response.json().error).toBe(code);
    }
    const veto = await call("office", "POST", "/api/reward-penalty-rules", {
      gridLevel: 2,
      kind: "penalty",
      ruleText: "伪造巡查记录",
      points: null,
      veto: true,
    });
    expect(veto.statusCode, veto.body).toBe(201);
  });
});

describe("disclosure (公开公示)", () => {
  it("shows the public only the fields the grid discloses, without a login", async () => {
    const open = await call(null, "GET", `/api/public/grids/${grid.恰章村}/wuding`);
    expect(open.statusCode, open.body).toBe(200);
    const card = open.json();
    expect(card.head.name).toBeTruthy();
    expect(card.head.phone).toMatch(/^1389951/);
    expect(card.members.length).toBeGreaterThan(0);
    expect(card.members.every((m: { name: string; phone: null }) => m.name && m.phone === null)).toBe(true);
    expect(card.tasks.length).toBeGreaterThan(0);

    const current = (await call("office", "GET", `/api/grids/${grid.恰章村}/wuding`)).json().disclosure;
    expect(current.version).toBe(0);
    const flags = { ...current, headPhone: false, rules: false, memberPhones: true };
    const saved = await call("township", "PUT", `/api/grids/${grid.恰章村}/disclosure`, flags);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    expect((await call("office", "PUT", `/api/grids/${grid.恰章村}/disclosure`, flags)).statusCode).toBe(409);

    const after = (await call(null, "GET", `/api/public/grids/${grid.恰章村}/wuding`)).json();
    expect(after.head.phone).toBeNull();
    expect(after.rules).toBeNull();
    expect(after.members.every((m: { phone: string }) => /^1389951/.test(m.phone))).toBe(true);
    expect((await call(null, "GET", "/api/public/grids/999999/wuding")).statusCode).toBe(404);
    // Staff in scope still see every field.
    const staff = (await call("township", "GET", `/api/grids/${grid.恰章村}/wuding`)).json();
    expect(staff.personnel.find((p: { dutyRole: string }) => p.dutyRole === "head").phone).toMatch(
      /^1389951/,
    );
    expect(staff.rules.length).toBeGreaterThan(0);
  });

  it("records every 五定 change in the audit log", async () => {
    const actions = await t.query<{ action: string }>(
      sql`select distinct action from audit_log where actor_name = 'office' or actor_name = 'township' order by action`,
    );
    const names = actions.map((a) => a.action);
    for (const action of [
      "personnel.assign",
      "personnel.remove",
      "personnel.update",
      "duty_line.create",
      "patrol_rule.update",
      "patrol_rule.retire",
      "reward_penalty_rule.create",
      "disclosure.update",
    ])
      expect(names).toContain(action);
  });
});
