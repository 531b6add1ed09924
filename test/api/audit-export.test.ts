import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/audit/verify-chain.ts";
import { shanghaiDate } from "../../server/domain/calendar/work-calendar.ts";
import { ROLES } from "../../server/domain/roles.ts";
import { WORKBOOK_ROW_LIMIT as AUDIT_EXPORT_LIMIT } from "../../server/spreadsheets/export-cap.ts";
import { DEMO_ACCOUNT } from "../support/authz-expectations.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let auditor: string;
beforeAll(async () => {
  t = await startTestApp();
  auditor = await t.login("auditor");
});
afterAll(() => t?.close());

const exportUrl = (query: Record<string, string> = {}) =>
  `/api/audit/export.xlsx${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;

async function download(query: Record<string, string> = {}) {
  const response = await t.app.inject({ method: "GET", url: exportUrl(query), headers: { cookie: auditor } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("审计日志");
  if (!sheet) throw new Error("no 审计日志 sheet");
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const body: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    body.push(
      Object.fromEntries(header.map((h, i) => [h, values[i] === undefined ? "" : String(values[i])])),
    );
  });
  return { response, header, body };
}

const lastExportEvent = async () =>
  (
    await t.query<{ actor_name: string; entity_type: string; ip: string; after: Record<string, unknown> }>(
      sql`select actor_name, entity_type, ip, after from audit_log where action = 'audit.export'
           order by id desc limit 1`,
    )
  )[0];

describe("GET /api/audit/export.xlsx", () => {
  it("is the audit administrator's alone (三员): every other role gets 403 and nothing is recorded", async () => {
    const before = await t.query<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'audit.export'`,
    );
    for (const role of ROLES.filter((r) => r !== "audit_admin")) {
      const cookie = await t.login(DEMO_ACCOUNT[role]);
      const r = await t.app.inject({ method: "GET", url: exportUrl(), headers: { cookie } });
      expect(r.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: "GET", url: exportUrl() })).statusCode).toBe(401);
    const after = await t.query<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'audit.export'`,
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it("exports the filtered rows as a workbook with actions in words, and records the export itself", async () => {
    const [expected] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'auth.login'`,
    );
    const { response, header, body } = await download({ action: "auth.login" });
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("审计日志_"));
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(header).toEqual([
      "编号",
      "时间（北京时间）",
      "操作人",
      "操作",
      "操作代码",
      "对象类型",
      "对象编号",
      "IP 地址",
      "变更前",
      "变更后",
      "哈希",
    ]);
    expect(body).toHaveLength(expected.n);
    // exact: auth.login_failed and auth.login_refused_locked are not logins
    expect(new Set(body.map((r) => r.操作代码))).toEqual(new Set(["auth.login"]));
    expect(body[0]).toMatchObject({ 操作: "登录", 对象类型: "会话", 操作人: expect.any(String) });
    expect(body[0]["时间（北京时间）"]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);

    const event = await lastExportEvent();
    expect(event).toMatchObject({
      actor_name: "auditor",
      entity_type: "audit_log",
      after: { filter: { action: "auth.login" }, rows: expected.n },
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("filters by action group, actor and time like the list, and names each action in words", async () => {
    const list = (query: string) =>
      t.app.inject({ method: "GET", url: `/api/audit?pageSize=200&${query}`, headers: { cookie: auditor } });
    const group = await download({ action: "auth." });
    const codes = new Set(group.body.map((r) => r.操作代码));
    expect([...codes].every((c) => c.startsWith("auth."))).toBe(true);
    expect(codes.has("auth.login")).toBe(true);
    expect((await list("action=auth.")).json().total).toBe(group.body.length);
    // a code's `_` is not a LIKE wildcard: `user_` matches no group
    expect((await list("action=user_")).json().total).toBe(0);

    const byActor = await download({ actor: "sysadmin" });
    expect(byActor.body.length).toBeGreaterThan(0);
    expect(byActor.body.every((r) => r.操作人.includes("sysadmin"))).toBe(true);

    // a window around one known row (both ends included; the row's time has microseconds, the bounds not)
    const [row] = await t.query<{ id: number; at: Date }>(
      sql`select id::int as id, at from audit_log where action = 'user.create' order by id limit 1`,
    );
    const at = new Date(row.at);
    const windowed = await download({
      from: at.toISOString(),
      to: new Date(at.getTime() + 1).toISOString(),
      action: "user.create",
    });
    expect(windowed.body.map((r) => Number(r.编号))).toContain(row.id);
    expect(windowed.body.every((r) => r.操作 === "创建用户" && r.对象类型 === "用户")).toBe(true);
    const after = await download({ from: new Date(at.getTime() + 1).toISOString(), action: "user.create" });
    expect(after.body.map((r) => Number(r.编号))).not.toContain(row.id);
    expect((await lastExportEvent()).after.filter).toMatchObject({ action: "user.create" });

    // a bare date is the whole Beijing day, at both ends, as on the case list
    const day = shanghaiDate(at);
    const sameDay = await download({ from: day, to: day, action: "user.create" });
    expect(sameDay.body.map((r) => Number(r.编号))).toContain(row.id);
    const nextDay = shanghaiDate(new Date(at.getTime() + 86_400_000));
    const later = await download({ from: nextDay, action: "user.create" });
    expect(later.body.map((r) => Number(r.编号))).not.toContain(row.id);
    const reversed = await t.app.inject({
      method: "GET",
      url: exportUrl({ from: nextDay, to: day }),
      headers: { cookie: auditor },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: "date_range_reversed" });
  });

  it("refuses bad filters with 400 and writes nothing", async () => {
    const [before] = await t.query<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    for (const query of [{ from: "昨天" }, { page: "2" }, { action: "x".repeat(65) }] as Record<
      string,
      string
    >[]) {
      const r = await t.app.inject({ method: "GET", url: exportUrl(query), headers: { cookie: auditor } });
      expect(r.statusCode, JSON.stringify(query)).toBe(400);
    }
    const [after] = await t.query<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(after.n).toBe(before.n);
  });

  it(`refuses more than ${AUDIT_EXPORT_LIMIT} rows with a Chinese 422 and records no export`, async () => {
    await t.query(
      sql`insert into audit_log (actor_name, action, entity_type, entity_id)
          select 'bulk', 'test.bulk', 'test', g::text from generate_series(1, ${AUDIT_EXPORT_LIMIT + 1}) g`,
    );
    const [before] = await t.query<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    for (const query of [{}, { action: "test." }] as Record<string, string>[]) {
      const r = await t.app.inject({ method: "GET", url: exportUrl(query), headers: { cookie: auditor } });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ error: "export_too_large", details: { records: "audit" } });
      expect(r.json().message).toMatch(/超过单次导出上限 50,000 条.*缩小筛选范围（如时间范围/);
    }
    const [after] = await t.query<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(after.n).toBe(before.n);
    // narrowed below the cap, the same filter exports
    const narrowed = await download({ action: "auth.login" });
    expect(narrowed.body.length).toBeGreaterThan(0);
  });
});
