import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../server/domain/uscc.ts";
import { gridIdsByName, userIdsByName } from "../support/demo-ids.ts";
import { testEngine } from "../support/engine.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A user double-taps "保存/创建": the same request arrives twice at once. Whatever the order, the answer is a
// success and a clear 4xx in Chinese (or two successes where the write is idempotent), never a 500, and the
// data holds exactly one copy. On PGlite (one connection) the two requests run one after the other; on
// PostgreSQL they race — both may pass a "is it taken?" check before either inserts.

let t: TestApp;
const cookies: Record<string, string> = {};
let grid: Record<string, number>;
let user: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "secadmin", "sysadmin", "member", "villagehead"]) cookies[u] = await t.login(u);
  grid = await gridIdsByName(t, ["高昌区", "亚尔镇", "亚尔村", "上湖村", "恰章村", "胜金乡"]);
  user = await userIdsByName(t);
});
afterAll(() => t?.close());

type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/** The same request twice at once, as a double tap sends it; the answers sorted by status, none a 5xx. */
async function doubleTap(
  who: string,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse[]> {
  const request = {
    method,
    url,
    headers: { cookie: cookies[who], ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  };
  const answers = await Promise.all([t.app.inject(request), t.app.inject(request)]);
  for (const answer of answers) expect(answer.statusCode, answer.body).toBeLessThan(500);
  return answers.sort((a, b) => a.statusCode - b.statusCode);
}

/** One tap wins with `status`; the other is refused with `refusal`/`error` and a message in Chinese first. */
function expectOneWins(answers: LightMyRequestResponse[], status: number, refusal: number, error: string) {
  expect(
    answers.map((a) => a.statusCode),
    answers.map((a) => a.body).join("\n"),
  ).toEqual([status, refusal]);
  expect(answers[1].json()).toMatchObject({
    error,
    message: expect.stringMatching(/\p{Script=Han}/u),
    messageEn: expect.stringMatching(/\w/),
  });
}

const count = async (query: ReturnType<typeof sql>) => (await t.query<{ n: number }>(query))[0].n;
const auditCount = (action: string, entityId: number | string) =>
  count(
    sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${String(entityId)}`,
  );

/** A small square inside the district, for a new grid's boundary. */
const SQUARE = {
  type: "Polygon",
  coordinates: [
    [
      [89.2, 42.8],
      [89.21, 42.8],
      [89.21, 42.81],
      [89.2, 42.81],
      [89.2, 42.8],
    ],
  ],
};

describe(`a double-tapped submit (${testEngine()})`, () => {
  describe("accounts", () => {
    it("creates one account: the second tap gets 409 用户名已存在", async () => {
      // The race window is a few milliseconds after the password hashing: several rounds make it show.
      for (const username of ["double.tap1", "double.tap2", "double.tap3", "double.tap4", "double.tap5"]) {
        const answers = await doubleTap("secadmin", "POST", "/api/users", {
          username,
          displayName: "双击测试",
          password: "Test@12345x",
          role: "district_leader",
        });
        expectOneWins(answers, 201, 409, "conflict");
        expect(answers[1].json().message).toBe("用户名已存在");
        const id = answers[0].json().id;
        expect(
          await count(sql`select count(*)::int as n from users where lower(username) = ${username}`),
        ).toBe(1);
        expect(await count(sql`select count(*)::int as n from user_roles where user_id = ${id}`)).toBe(1);
        expect(await auditCount("user.create", id)).toBe(1);
      }
    });

    it("disables an account once; the second tap finds it already disabled", async () => {
      const answers = await doubleTap("secadmin", "POST", `/api/users/${user.leader}/disable`);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(answers.map((a) => a.json().alreadyInState).sort()).toEqual([false, true]);
      expect(await auditCount("user.disable", user.leader)).toBe(1);
    });
  });

  describe("grids", () => {
    it("creates one grid: the second tap gets 409 for the code", async () => {
      const answers = await doubleTap("office", "POST", "/api/grids", {
        parentId: grid.亚尔镇,
        code: "DT-NEW-1",
        name: "双击新村",
        kind: "village",
        boundary: SQUARE,
      });
      expectOneWins(answers, 201, 409, "grid_code_taken");
      expect(await count(sql`select count(*)::int as n from grids where code = 'DT-NEW-1'`)).toBe(1);
    });

    it("applies an edit once: the second tap of the same version gets 409", async () => {
      const answers = await doubleTap("office", "PATCH", `/api/grids/${grid.上湖村}`, {
        version: 1,
        name: "上湖村（改）",
      });
      expectOneWins(answers, 200, 409, "stale_version");
      expect(
        await count(sql`select count(*)::int as n from grid_versions where grid_id = ${grid.上湖村}`),
      ).toBe(1);
    });

    it("gives two grids renamed to the same code at once one 200 and one 409", async () => {
      const villages = await t.query<{ id: number }>(
        sql`select id from grids where level = 3 and version = 1
               and name not in ('亚尔村', '上湖村', '恰章村') order by id limit 10`,
      );
      const rename = (id: number, code: string) =>
        t.app.inject({
          method: "PATCH",
          url: `/api/grids/${id}`,
          headers: { cookie: cookies.office },
          payload: { version: 1, code },
        });
      // Two managers, not a double tap, but the same check-then-write; several rounds make the race show.
      for (let i = 0; i < villages.length; i += 2) {
        const code = `DT-SAME-${i}`;
        const answers = await Promise.all([rename(villages[i].id, code), rename(villages[i + 1].id, code)]);
        answers.sort((a, b) => a.statusCode - b.statusCode);
        expectOneWins(answers, 200, 409, "grid_code_taken");
        expect(await count(sql`select count(*)::int as n from grids where code = ${code}`)).toBe(1);
      }
    });

    it("imports a new grid once: the second tap finds it unchanged", async () => {
      const geojson = {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: "DT-IMP-1", name: "双击导入村", kind: "village" },
            geometry: SQUARE,
          },
        ],
      };
      const answers = await doubleTap("office", "POST", "/api/grids/import", {
        parentId: grid.亚尔镇,
        geojson,
      });
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(answers.map((a) => a.json().created).sort()).toEqual([0, 1]);
      expect(await count(sql`select count(*)::int as n from grids where code = 'DT-IMP-1'`)).toBe(1);
    });

    it("moves and retires once: the second tap gets 409", async () => {
      const [{ id }] = await t.query<{ id: number }>(sql`select id from grids where code = 'DT-IMP-1'`);
      const moved = await doubleTap("office", "POST", `/api/grids/${id}/move`, {
        parentId: grid.胜金乡,
        version: 1,
      });
      expectOneWins(moved, 200, 409, "stale_version");
      const retired = await doubleTap("office", "POST", `/api/grids/${id}/retire`, { version: 2 });
      expectOneWins(retired, 200, 409, "grid_retired");
      expect(await auditCount("grid.move", id)).toBe(1);
      expect(await auditCount("grid.retire", id)).toBe(1);
    });
  });

  describe("五定", () => {
    it("assigns a person once: the second tap gets 409 for the overlapping term", async () => {
      const answers = await doubleTap("office", "POST", `/api/grids/${grid.恰章村}/personnel`, {
        userId: user.member,
        dutyRole: "member",
      });
      expectOneWins(answers, 201, 409, "conflict");
      expect(
        await count(
          sql`select count(*)::int as n from grid_personnel
               where grid_id = ${grid.恰章村} and user_id = ${user.member} and removed_at is null`,
        ),
      ).toBe(1);
      const { id, version } = answers[0].json();

      const edited = await doubleTap("office", "PUT", `/api/personnel/${id}`, {
        dutyRole: "member",
        phone: "13800000000",
        version,
      });
      expectOneWins(edited, 200, 409, "stale_version");

      const removed = await doubleTap("office", "DELETE", `/api/personnel/${id}?version=${version + 1}`);
      expect(removed[0].statusCode, removed[0].body).toBe(200);
      expect([404, 409]).toContain(removed[1].statusCode);
      expect(removed[1].json().message).toMatch(/\p{Script=Han}/u);
      expect(await auditCount("personnel.remove", id)).toBe(1);
    });

    it("saves a grid's first disclosure settings once: the second tap gets 409", async () => {
      const answers = await doubleTap("office", "PUT", `/api/grids/${grid.恰章村}/disclosure`, {
        headName: true,
        headPhone: false,
        memberNames: true,
        memberPhones: false,
        duties: true,
        tasks: true,
        rules: false,
        version: 0,
      });
      expectOneWins(answers, 200, 409, "stale_version");
      expect(
        await count(sql`select count(*)::int as n from grid_disclosure where grid_id = ${grid.恰章村}`),
      ).toBe(1);
    });

    it("applies a duty-line edit once: the second tap of the same version gets 409", async () => {
      const [line] = await t.query<{ id: number; version: number }>(
        sql`select id, version from duty_lines where grid_level = 1 and retired_at is null order by id limit 1`,
      );
      const answers = await doubleTap("office", "PUT", `/api/duty-lines/${line.id}`, {
        matterCategory: null,
        departmentId: null,
        responsibility: "lead",
        dutyText: "双击测试职责",
        version: line.version,
      });
      expectOneWins(answers, 200, 409, "stale_version");
    });
  });

  describe("responsibility contracts", () => {
    it("drafts a new year once: the second run finds every draft done", async () => {
      const answers = await doubleTap("office", "POST", "/api/contracts/generate", { year: 2031 });
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      const created = answers.map((a) => a.json().created.length).sort((a, b) => a - b);
      expect(created[0]).toBe(0);
      expect(created[1]).toBeGreaterThan(0);
      expect(
        await count(sql`select count(*)::int as n from responsibility_contracts where year = 2031`),
      ).toBe(created[1]);
    });

    it("signs once: the second tap gets 409 已签署", async () => {
      const [contract] = await t.query<{ id: number; version: number }>(
        sql`select c.id, c.version from responsibility_contracts c join grids g on g.id = c.lower_grid_id
             where g.name = '亚尔村' and c.status = 'draft' and c.signer_user_id = ${user.villagehead}
             order by c.year desc limit 1`,
      );
      const answers = await doubleTap("villagehead", "POST", `/api/contracts/${contract.id}/sign`, {
        version: contract.version,
        confirm: true,
      });
      expectOneWins(answers, 200, 409, "conflict");
      expect(await auditCount("contract.sign", contract.id)).toBe(1);
    });
  });

  describe("supervised objects", () => {
    it("registers an enterprise once: the second tap gets 422 该企业已登记", async () => {
      const [p] = await t.query<{ lon: number; lat: number }>(
        sql`select ST_X(ST_PointOnSurface(boundary)) as lon, ST_Y(ST_PointOnSurface(boundary)) as lat
              from grids where name = '亚尔村'`,
      );
      const first17 = "91650402MA7DT0001";
      const uscc = first17 + usccCheckCharacter(first17);
      const answers = await doubleTap("office", "POST", "/api/objects", {
        type: "enterprise",
        name: "双击登记厂",
        location: { type: "Point", coordinates: [p.lon, p.lat] },
        uscc,
        category: "农副食品加工",
        pollutants: ["颗粒物"],
        keyUnit: false,
      });
      expectOneWins(answers, 201, 422, "invalid_object");
      expect(answers[1].json().message).toMatch(/^该企业已登记/);
      expect(await count(sql`select count(*)::int as n from supervised_objects where uscc = ${uscc}`)).toBe(
        1,
      );
    });
  });

  describe("creating with an Idempotency-Key (the web client resends an unanswered write with its key)", () => {
    interface Creation {
      what: string;
      url: () => string;
      body: () => Record<string, unknown>;
      /** The same request with something else in it. */
      other: Record<string, unknown>;
      rowsMade: ReturnType<typeof sql>;
    }
    const creations: Creation[] = [
      {
        what: "a duty-list line",
        url: () => "/api/duty-lines",
        body: () => ({
          gridLevel: 2,
          matterCategory: null,
          departmentId: null,
          responsibility: "lead",
          dutyText: "双击职责",
        }),
        other: { gridLevel: 1 },
        rowsMade: sql`select count(*)::int as n from duty_lines where duty_text = '双击职责'`,
      },
      {
        what: "a patrol task",
        url: () => "/api/patrol-rules",
        body: () => ({
          gridLevel: 3,
          objectType: "hazard",
          objectFlag: null,
          frequency: "weekly",
          timesPerPeriod: 3,
          description: "双击巡查任务",
        }),
        other: { gridLevel: 1 },
        rowsMade: sql`select count(*)::int as n from patrol_rules where description = '双击巡查任务'`,
      },
      {
        what: "a reward rule",
        url: () => "/api/reward-penalty-rules",
        body: () => ({ gridLevel: 3, kind: "reward", ruleText: "双击奖励", points: 2, veto: false }),
        other: { gridLevel: 1 },
        rowsMade: sql`select count(*)::int as n from reward_penalty_rules where rule_text = '双击奖励'`,
      },
      {
        what: "a hazard",
        url: () => "/api/objects",
        body: () => ({
          type: "hazard",
          name: "双击隐患点",
          riskLevel: "major",
          location: { type: "Point", coordinates: [89.2, 42.85] },
        }),
        other: { name: "另一隐患点" },
        rowsMade: sql`select count(*)::int as n from supervised_objects where name = '双击隐患点'`,
      },
      {
        what: "a grid",
        url: () => "/api/grids",
        body: () => ({
          parentId: grid.亚尔镇,
          code: "DT-KEY-1",
          name: "带键新村",
          kind: "village",
          boundary: SQUARE,
        }),
        other: { name: "带键另一村" },
        rowsMade: sql`select count(*)::int as n from grids where code = 'DT-KEY-1'`,
      },
      {
        what: "a grid member's post",
        url: () => `/api/grids/${grid.上湖村}/personnel`,
        body: () => ({ userId: user.member, dutyRole: "member" }),
        other: { dutyRole: "head" },
        // an earlier test renames 上湖村 to 上湖村（改）
        rowsMade: sql`select count(*)::int as n from grid_personnel p join users u on u.id = p.user_id
                       where p.grid_id in (select id from grids where name like '上湖村%')
                         and u.username = 'member' and p.removed_at is null`,
      },
    ];

    for (const { what, url, body, other, rowsMade } of creations)
      it(`creates ${what} once: both taps get the same 201, a resend is replayed, another body is refused`, async () => {
        const key = { "idempotency-key": `dt-key-${what}`.replace(/\s/g, "-") };
        const answers = await doubleTap("office", "POST", url(), body(), key);
        expect(
          answers.map((a) => a.statusCode),
          answers[0].body,
        ).toEqual([201, 201]);
        expect(answers[1].json()).toEqual(answers[0].json());
        expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(1);
        expect(await count(rowsMade)).toBe(1);

        const resent = await t.app.inject({
          method: "POST",
          url: url(),
          headers: { cookie: cookies.office, ...key },
          payload: body(),
        });
        expect(resent.statusCode).toBe(201);
        expect(resent.headers["idempotent-replayed"]).toBe("true");
        expect(resent.json()).toEqual(answers[0].json());

        const refused = await t.app.inject({
          method: "POST",
          url: url(),
          headers: { cookie: cookies.office, ...key },
          payload: { ...body(), ...other },
        });
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({
          error: "idempotency_key_reused",
          message: expect.stringMatching(/\p{Script=Han}/u),
        });
        expect(await count(rowsMade)).toBe(1);
      });

    it("refuses a malformed key with 400 in Chinese, writing nothing", async () => {
      for (const key of ["short", "k".repeat(201), "has a space", "tab\there1"]) {
        const r = await t.app.inject({
          method: "POST",
          url: "/api/reward-penalty-rules",
          headers: { cookie: cookies.office, "idempotency-key": key },
          payload: { gridLevel: 3, kind: "penalty", ruleText: "坏键扣分", points: -1, veto: false },
        });
        expect(r.statusCode, `${key}: ${r.body}`).toBe(400);
        expect(r.json().message).toMatch(/\p{Script=Han}/u);
      }
      expect(
        await count(sql`select count(*)::int as n from reward_penalty_rules where rule_text = '坏键扣分'`),
      ).toBe(0);
    });

    it("without a key, each tap is its own submission", async () => {
      const answers = await doubleTap("office", "POST", "/api/duty-lines", {
        gridLevel: 2,
        matterCategory: null,
        departmentId: null,
        responsibility: "lead",
        dutyText: "无键双击职责",
      });
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
      expect(
        await count(sql`select count(*)::int as n from duty_lines where duty_text = '无键双击职责'`),
      ).toBe(2);
    });
  });

  describe("patrols", () => {
    it("starts one patrol for one Idempotency-Key: both taps get it", async () => {
      const answers = await doubleTap(
        "member",
        "POST",
        "/api/patrols",
        {},
        { "idempotency-key": "dt-start" },
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(answers[1].json()).toEqual(answers[0].json());
      expect(
        await count(sql`select count(*)::int as n from patrols where member_id = ${user.member}
                          and id = ${answers[0].json().id}`),
      ).toBe(1);
      expect(await auditCount("patrol.start", answers[0].json().id)).toBe(1);

      // Finishing needs no key: the second tap finds the patrol finished and gets the same answer.
      const id = answers[0].json().id;
      const finished = await doubleTap("member", "POST", `/api/patrols/${id}/finish`, {});
      expect(finished.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(finished[1].json()).toEqual(finished[0].json());
      expect(await auditCount("patrol.finish", id)).toBe(1);
    });
  });

  describe("work calendar", () => {
    const calendar = {
      source: "国务院办公厅关于2032年部分节假日安排的通知（测试）",
      holidays: { 元旦: ["2032-01-01"], 春节: ["2032-02-11", "2032-02-12"] },
      workdays: ["2032-02-07"],
    };

    it("loads a new year once, whichever tap lands last", async () => {
      const answers = await doubleTap("sysadmin", "PUT", "/api/work-calendar/2032", calendar);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(await count(sql`select count(*)::int as n from work_calendar_years where year = 2032`)).toBe(1);
      expect(
        await count(
          sql`select count(*)::int as n from work_calendar_days where day between '2032-01-01' and '2032-12-31'`,
        ),
      ).toBe(4);
    });

    it("keeps the first of two different notices loaded at once; the second gets 409 with the version", async () => {
      const other = { ...calendar, workdays: ["2033-02-06"], holidays: { 元旦: ["2033-01-01"] } };
      const first = { ...calendar, workdays: [], holidays: { 元旦: ["2033-01-01"], 春节: ["2033-01-31"] } };
      const [a, b] = await Promise.all(
        [first, other].map((payload) =>
          t.app.inject({
            method: "PUT",
            url: "/api/work-calendar/2033",
            headers: { cookie: cookies.sysadmin },
            payload,
          }),
        ),
      );
      const answers = [a, b].sort((x, y) => x.statusCode - y.statusCode);
      expectOneWins(answers, 200, 409, "calendar_year_loaded");
      expect(answers[1].json().details).toEqual({ version: 1 });
      const won = answers[0] === a ? first : other;
      expect(
        await count(
          sql`select count(*)::int as n from work_calendar_days where day between '2033-01-01' and '2033-12-31'`,
        ),
      ).toBe(won.workdays.length + Object.values(won.holidays).flat().length);
      expect(
        await count(sql`select count(*)::int as n from audit_log where action = 'work_calendar.update'
                               and entity_id = '2033'`),
      ).toBe(1);

      // the loser edits the version it now sees
      const edited = await t.app.inject({
        method: "PUT",
        url: "/api/work-calendar/2033",
        headers: { cookie: cookies.sysadmin },
        payload: { ...(answers[0] === a ? other : first), version: 1 },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().version).toBe(2);
    });

    it("refuses a day listed twice with 422, changing nothing", async () => {
      const repeated = await doubleTap("sysadmin", "PUT", "/api/work-calendar/2032", {
        ...calendar,
        holidays: { 元旦: ["2032-01-01", "2032-01-01"], 春节: ["2032-01-01", "2032-02-11"] },
        workdays: ["2032-02-07", "2032-02-07"],
      });
      for (const answer of repeated) {
        expect(answer.statusCode, answer.body).toBe(422);
        expect(answer.json()).toMatchObject({
          error: "invalid_calendar",
          message: "节假日安排有误，请检查后重试",
          details: {
            errors: [
              "2032年 元旦：2032-01-01 已列在“元旦”中",
              "2032年 春节：2032-01-01 已列在“元旦”中",
              "2032年 调休上班日：2032-02-07 重复列出",
            ],
          },
        });
      }
      expect(
        await count(
          sql`select count(*)::int as n from work_calendar_days where day between '2032-01-01' and '2032-12-31'`,
        ),
      ).toBe(4);
    });
  });
});
