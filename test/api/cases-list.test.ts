import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { caseApi, idOf, pointIn, report } from "../support/cases.ts";
import { testEngine } from "../support/engine.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { allText } from "../support/workbook.ts";

/** Small enough that the whole district's list is over it, large enough for a township's month. */
const EXPORT_CAP = 300;
const MARK = "列表筛选测试";
const REPORTER = "木拉提·列表测试人";
const CONTACT = "13955556666";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
/** The four cases filed here, by the Beijing time they are said to be reported at. */
const filed: Record<string, { id: number; trackingNo: string }> = {};

const get = (user: string, url: string) => api.get(user, url);

async function sheetOf(payload: Buffer, name = "案件列表") {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))),
    );
  });
  return { wb, header: rows[0], body: rows.slice(1) };
}

beforeAll(async () => {
  t = await startTestApp({ caseExportMaxRows: EXPORT_CAP });
  for (const u of ["office", "township", "member", "dept"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  // Around the Beijing day 2026-11-29 (UTC+8): its first and last second, and one second either side.
  const times: [string, string, string][] = [
    ["before", "亚尔村", "2026-11-28T15:59:59Z"],
    ["first", "亚尔村", "2026-11-28T16:00:00Z"],
    ["last", "亚尔村", "2026-11-29T15:59:59Z"],
    ["after", "胜金村", "2026-11-29T16:00:00Z"],
  ];
  for (const [key, village, at] of times) {
    const r = await api.file(
      "office",
      report(
        {
          source: "public_report",
          priority: "urgent",
          title: `${MARK}${key}`,
          reporter: { name: REPORTER, contact: CONTACT },
        },
        await pointIn(t, village),
      ),
    );
    expect(r.statusCode, r.body).toBe(201);
    filed[key] = { id: r.json().id, trackingNo: r.json().trackingNo };
    await t.query(sql`update cases set reported_at = ${at}::timestamptz where id = ${r.json().id}`);
  }
});
afterAll(() => t?.close());

describe(`impossible dates (${testEngine()})`, () => {
  const impossible = ["2026-13-45", "2026-02-30", "2026-11-30T25:00", "0000-01-01", "2026-11-30T10:00+15:00"];

  it("answers 400 validation_failed in Chinese on the case list and its export, never a 500", async () => {
    for (const base of ["/api/cases", "/api/cases/export.xlsx"])
      for (const field of ["from", "to"])
        for (const value of impossible) {
          const r = await get("office", `${base}?${field}=${encodeURIComponent(value)}`);
          expect(r.statusCode, `${base} ${field}=${value}: ${r.body}`).toBe(400);
          expect(r.json()).toMatchObject({
            error: "validation_failed",
            message: expect.stringContaining(`日期不正确：${field}`),
          });
        }
  });

  it("answers 400 on the patrol ledger, its export and activity, with the same check", async () => {
    for (const base of ["/api/patrols", "/api/patrols/export.xlsx", "/api/patrols/activity"])
      for (const value of ["0000-01-01", "2026-02-30", "2026-13-45"]) {
        const r = await get("township", `${base}?from=${value}`);
        expect(r.statusCode, `${base} from=${value}: ${r.body}`).toBe(400);
        expect(r.json().error).toBe("validation_failed");
        expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it("accepts the first and last representable days and times", async () => {
    for (const q of [
      "from=0001-01-01",
      "to=9999-12-31",
      "from=0001-01-01T00:00",
      "to=9999-12-31T23:59:59.999999",
      "from=2024-02-29&to=2024-02-29",
      "from=2026-11-29T00:00:00%2B14:00",
    ]) {
      expect((await get("office", `/api/cases?${q}`)).statusCode, q).toBe(200);
    }
    expect((await get("township", "/api/patrols?from=0001-01-01&to=9999-12-31")).statusCode).toBe(200);
  });

  it("refuses a range that ends before it starts with 400, and takes one day or one moment as a range", async () => {
    const days = "from=2026-11-30&to=2026-11-29";
    const times = "from=2026-11-29T12:00&to=2026-11-29T11:59"; // the patrol filters take days only
    for (const [user, base, queries] of [
      ["office", "/api/cases", [days, times]],
      ["office", "/api/cases/export.xlsx", [days, times]],
      ["township", "/api/patrols", [days]],
      ["township", "/api/patrols/export.xlsx", [days]],
    ] as const)
      for (const q of queries) {
        const r = await get(user, `${base}?${q}`);
        expect(r.statusCode, `${base}?${q}`).toBe(400);
        expect(r.json()).toMatchObject({ error: "date_range_reversed", message: "开始时间不能晚于结束时间" });
      }
    for (const q of [
      "from=2026-11-29&to=2026-11-29",
      "from=2026-11-29T12:00&to=2026-11-29T12:00",
      // 20:00 in Beijing is noon UTC: the same moment, however each end is written
      "from=2026-11-29T20:00&to=2026-11-29T12:00:00Z",
      "from=2026-11-29T23:59&to=2026-11-29",
    ])
      expect((await get("office", `/api/cases?${q}`)).statusCode, q).toBe(200);
  });
});

describe(`the report date range, in Beijing time and inclusive (${testEngine()})`, () => {
  const titles = async (query: string) => {
    const r = await get("office", `/api/cases?q=${encodeURIComponent(MARK)}&pageSize=50&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r
      .json()
      .items.map((c: { title: string }) => c.title.slice(MARK.length))
      .sort();
  };

  it("takes from=to=a day as that whole Beijing day, its first and last second included", async () => {
    expect(await titles("from=2026-11-29&to=2026-11-29")).toEqual(["first", "last"]);
    expect(await titles("from=2026-11-29")).toEqual(["after", "first", "last"]);
    expect(await titles("to=2026-11-29")).toEqual(["before", "first", "last"]);
    expect(await titles("from=2026-11-30&to=2026-11-30")).toEqual(["after"]);
  });

  it("reads a time without an offset as Beijing time, one with an offset as that instant; both ends included", async () => {
    expect(await titles("from=2026-11-29T00:00&to=2026-11-29T23:59:59")).toEqual(["first", "last"]);
    expect(await titles("from=2026-11-28T16:00:00Z&to=2026-11-29T15:59:59Z")).toEqual(["first", "last"]);
    expect(await titles("from=2026-11-29T00:00:01%2B08:00&to=2026-11-29T23:59:59%2B08:00")).toEqual(["last"]);
  });

  it("agrees with the patrol ledger: the same day holds the same patrols as a count by Beijing date", async () => {
    const [day] = await t.query<{ day: string; n: number }>(
      sql`select to_char((started_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day, count(*)::int as n
            from patrols group by 1 order by 2 desc, 1 desc limit 1`,
    );
    const patrols = await get("office", `/api/patrols?from=${day.day}&to=${day.day}`);
    expect(patrols.json().total).toBe(day.n);
    const [cases] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases
           where (reported_at at time zone 'Asia/Shanghai')::date = ${day.day}::date`,
    );
    const list = await get("office", `/api/cases?from=${day.day}&to=${day.day}`);
    expect(list.json().total).toBe(cases.n);
    expect(cases.n).toBeGreaterThan(0);
  });
});

describe(`list filters (${testEngine()})`, () => {
  /** The list's total for a query, next to the number of cases the same condition finds in SQL. */
  async function agrees(query: string, where: ReturnType<typeof sql>) {
    const r = await get("office", `/api/cases?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    const [{ n }] = await t.query<{ n: number }>(sql`select count(*)::int as n from cases c where ${where}`);
    expect(r.json().total, query).toBe(n);
    expect(n, query).toBeGreaterThan(0);
  }

  it("filters by source, priority, grid subtree, department, category and stage, alone and together", async () => {
    const township = await idOf(t, "grids", "亚尔镇");
    const eco = await idOf(t, "departments", "eco");
    await agrees("source=public_report", sql`c.source = 'public_report'`);
    await agrees("priority=urgent", sql`c.priority = 'urgent'`);
    await agrees(
      `gridId=${township}`,
      sql`c.grid_path like (select path from grids where id = ${township}) || '%'`,
    );
    await agrees(
      `departmentId=${eco}`,
      sql`(c.assigned_department_id = ${eco} or ${eco}::int = any(c.involved_department_ids))`,
    );
    await agrees(
      `gridId=${township}&source=public_report&priority=urgent&from=2026-11-29&to=2026-11-29`,
      sql`c.grid_path like (select path from grids where id = ${township}) || '%' and c.source = 'public_report'
          and c.priority = 'urgent' and (c.reported_at at time zone 'Asia/Shanghai')::date = '2026-11-29'`,
    );
  });

  it("keeps a grid filter inside the caller's scope: another township's grid gives a member nothing", async () => {
    const other = await idOf(t, "grids", "胜金乡");
    const r = await get("member", `/api/cases?gridId=${other}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().total).toBe(0);
  });
});

describe(`the Excel export (${testEngine()})`, () => {
  it("holds, for a township officer, exactly the list's cases: the township's only, in the list's order", async () => {
    const query = "from=2026-11-01&to=2026-11-30";
    const list = await get("township", `/api/cases?${query}&pageSize=200`);
    expect(list.json().total).toBeGreaterThan(0);
    expect(list.json().total).toBeLessThanOrEqual(200);
    const r = await get("township", `/api/cases/export.xlsx?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    expect(r.headers["cache-control"]).toBe("no-store");
    const disposition = String(r.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="cases-\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1])).toMatch(/^案件列表_\d{8}\.xlsx$/);

    const { header, body } = await sheetOf(r.rawPayload);
    expect(header).toEqual([
      "查询编号",
      "标题",
      "来源",
      "事项类别",
      "优先级",
      "督办方式",
      "环节",
      "乡镇（街道）",
      "网格",
      "承办部门",
      "上报时间（北京时间）",
      "当前时限节点",
      "办理时限（北京时间）",
      "是否逾期",
      "结案时间（北京时间）",
    ]);
    expect(body.map((row) => row[0])).toEqual(
      list.json().items.map((c: { trackingNo: string }) => c.trackingNo),
    );
    expect(new Set(body.map((row) => row[7]))).toEqual(new Set(["亚尔镇"]));
    // the office's cases in 胜金村 are not the township's
    expect(body.map((row) => row[0])).not.toContain(filed.after.trackingNo);
    expect(body.map((row) => row[0])).toContain(filed.first.trackingNo);
  });

  it("applies the filters and says which on its own sheet, in Beijing time", async () => {
    const township = await idOf(t, "grids", "亚尔镇");
    const q = `gridId=${township}&source=public_report&priority=urgent&from=2026-11-29&to=2026-11-29`;
    const r = await get("office", `/api/cases/export.xlsx?${q}`);
    expect(r.statusCode, r.body).toBe(200);
    const { wb, body } = await sheetOf(r.rawPayload);
    const list = await get("office", `/api/cases?${q}&pageSize=200`);
    expect(body.map((row) => row[0])).toEqual(
      list.json().items.map((c: { trackingNo: string }) => c.trackingNo),
    );
    expect(body.map((row) => row[0])).toEqual(
      expect.arrayContaining([filed.first.trackingNo, filed.last.trackingNo]),
    );
    const first = body.find((row) => row[0] === filed.first.trackingNo) as string[];
    expect(first.slice(2, 5)).toEqual(["群众举报", expect.any(String), "紧急"]);
    expect(first[10]).toBe("2026/11/29 00:00");
    const about = await sheetOf(r.rawPayload, "导出说明");
    const notes = [about.header, ...about.body].map((row) => row.join(" ")).join("\n");
    expect(notes).toContain("网格：亚尔镇（含下级）");
    expect(notes).toContain("上报时间：2026-11-29 至 2026-11-29");
    expect(notes).toContain("不含举报人信息");
    expect(allText(wb)).not.toContain(REPORTER);
  });

  it("never carries the reporter: no column for them, not their name or contact, not even masked", async () => {
    const r = await get("office", `/api/cases/export.xlsx?q=${encodeURIComponent(MARK)}`);
    expect(r.statusCode, r.body).toBe(200);
    const { wb, header, body } = await sheetOf(r.rawPayload);
    expect(body).toHaveLength(4);
    for (const h of header) expect(h).not.toMatch(/举报人|联系|电话|姓名|上报人/);
    const text = allText(wb);
    for (const secret of [REPORTER, CONTACT, "木**", "139****6666", "木拉提"])
      expect(text).not.toContain(secret);
    // nor the filer's account (the office filed them)
    expect(text).not.toContain("王敏");
  });

  it("refuses more cases than the cap with 422 and a Chinese message to narrow the filters; the list still pages", async () => {
    const list = await get("office", "/api/cases?pageSize=1");
    const total = list.json().total;
    expect(total).toBeGreaterThan(EXPORT_CAP);
    const r = await get("office", "/api/cases/export.xlsx");
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: "export_too_large",
      message: expect.stringContaining("请缩小筛选范围"),
      details: { records: "cases", total, limit: EXPORT_CAP },
    });
    expect(r.json().message).toContain(`${EXPORT_CAP}`);
    // the limit is what the web reads to disable the button
    expect((await get("office", "/api/case-meta")).json().exportMaxRows).toBe(EXPORT_CAP);
    expect(loadConfig({}).caseExportMaxRows).toBe(10_000);
  });

  it("is refused to accounts that read no cases, like the list", async () => {
    const auditor = await t.login("auditor");
    const r = await t.app.inject({
      method: "GET",
      url: "/api/cases/export.xlsx",
      headers: { cookie: auditor },
    });
    expect(r.statusCode).toBe(403);
  });
});
