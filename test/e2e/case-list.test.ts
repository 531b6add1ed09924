import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import { DEPARTMENTS } from "../../server/db/seed/departments.ts";
import { ugDomain } from "../../web/src/i18n/domain/ug.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("the case list's filters and export in the browser", (e2e) => {
  let page: Page;
  /** The month of the newest demo case, as the date range to pick. */
  let month: { from: string; to: string };

  beforeAll(async () => {
    [month] = await rows<{ from: string; to: string }>(
      e2e.server.testDb.database.db,
      sql`select to_char(date_trunc('month', max(reported_at) at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as "from",
                 to_char((max(reported_at) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as "to"
            from cases`,
    );
    page = await signedInPage(e2e, "township", { viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  });

  const total = async () =>
    Number(((await page.getByText(/共 \d+ 条/).textContent()) ?? "").match(/\d+/)?.[0]);
  const exportHref = async () =>
    (await page.locator("button.case-export").getAttribute("data-export-url")) ?? "";
  /** The filters the export link carries, once it carries `expected`. */
  async function linkFilters(expected: string): Promise<URLSearchParams> {
    await expect.poll(exportHref).toContain(expected);
    return new URL(await exportHref(), e2e.server.url).searchParams;
  }
  /** Waits until the list shows as many cases as the API finds for the link's filters; returns that number. */
  async function listAgreesWith(filters: URLSearchParams): Promise<number> {
    const r = await page.request.get(`${e2e.server.url}/api/cases?${filters}&pageSize=1`);
    const expected: number = (await r.json()).total;
    // the demo data moves with the day: some days no case matches every filter, and an empty table shows no total
    if (expected === 0) await page.locator(".case-table .ant-empty").waitFor();
    else await expect.poll(total, { timeout: 15_000 }).toBe(expected);
    return expected;
  }

  it("narrows the list by grid, source and report dates, and the export carries the same filters", async () => {
    await page.goto(`${e2e.server.url}/cases`);
    await page.locator(".case-table tbody tr.ant-table-row").first().waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
    const all = await total();
    expect(await exportHref()).toBe("/api/cases/export.xlsx");

    // 网格/乡镇: the township officer's tree holds their township; pick one village in it
    await page.locator(".case-filter-grid").click();
    await page.locator(".case-filter-grid input").fill("亚尔村");
    await page.locator(".ant-select-tree-node-content-wrapper", { hasText: /^亚尔村$/ }).click();
    const [{ gridId }] = await rows<{ gridId: number }>(
      e2e.server.testDb.database.db,
      sql`select id as "gridId" from grids where name = '亚尔村' and retired_at is null`,
    );
    const village = await listAgreesWith(await linkFilters(`gridId=${gridId}`));
    expect(village).toBeGreaterThan(0);
    expect(village).toBeLessThan(all);
    const grids = await page.locator(".case-table tbody tr.ant-table-row").allTextContents();
    for (const row of grids) expect(row).toContain("亚尔村");

    await page.locator(".case-filter-source").click();
    await page.locator(".ant-select-item-option", { hasText: "网格巡查发现" }).click();
    const bySource = await listAgreesWith(await linkFilters("source=patrol_finding"));
    expect(bySource).toBeLessThan(village);

    await page.locator(".case-filter-range input").first().click();
    await page.locator(".case-filter-range input").first().fill(month.from);
    await page.locator(".case-filter-range input").nth(1).click();
    await page.locator(".case-filter-range input").nth(1).fill(month.to);
    await page.keyboard.press("Enter");
    const query = await linkFilters(`to=${month.to}`);
    const narrowed = await listAgreesWith(query);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(bySource);
    await page.keyboard.press("Escape");
    await page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
    await screenshot(page, "case-list-filters");

    expect(Object.fromEntries(query)).toEqual({
      gridId: String(gridId),
      source: "patrol_finding",
      from: month.from,
      to: month.to,
    });

    // the button downloads exactly the cases listed
    const download = page.waitForEvent("download");
    await page.locator("button.case-export").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^案件列表_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path()) as string);
    const sheet = wb.getWorksheet("案件列表");
    expect((sheet?.rowCount ?? 0) - 1).toBe(narrowed);
    expect(sheet?.getRow(2).getCell(9).value).toBe("亚尔村");
  });

  it("filters by responsible department and priority too", async () => {
    const before = await total();
    await page.locator(".case-filter-priority").click();
    await page.locator(".ant-select-item-option", { hasText: "一般" }).click();
    await page.locator(".case-filter-department").click();
    await page.locator(".case-filter-department input").fill("生态环境");
    await page.locator(".ant-select-item-option", { hasText: "生态环境" }).first().click();
    const [{ eco }] = await rows<{ eco: number }>(
      e2e.server.testDb.database.db,
      sql`select id as eco from departments where code = 'eco'`,
    );
    await linkFilters("priority=normal");
    const narrowed = await listAgreesWith(await linkFilters(`departmentId=${eco}`));
    expect(narrowed).toBeLessThanOrEqual(before);
  });

  it("lays the filter bar out right to left in Uyghur, and names categories, stages and departments in Uyghur", async () => {
    await page.evaluate(() => localStorage.setItem("envgrid.language", "ug"));
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/cases" && r.request().method() === "GET",
    );
    await page.reload();
    const listed: { category: string; categoryName: string; stage: string; stageName: string }[] = (
      await (await answer).json()
    ).items;
    expect(listed.length).toBeGreaterThan(0);
    await page.locator("button.case-export", { hasText: "Excel ھۆججىتىگە چىقىرىش" }).waitFor();
    await page.locator(".case-table tbody tr.ant-table-row").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");

    // the server sends Chinese names with the codes; the list names each code in Uyghur instead
    const cells = (column: string) =>
      page.locator(`.case-table tbody tr.ant-table-row td.${column}`).allTextContents();
    const names = ugDomain as Record<string, Record<string, string>>;
    await expect
      .poll(() => cells("case-col-category"))
      .toEqual(listed.map((c) => names.categories[c.category]));
    expect(await cells("case-col-stage")).toEqual(listed.map((c) => names.stages[c.stage]));
    const [first] = listed;
    expect(first.categoryName).not.toBe(names.categories[first.category]);
    expect((await cells("case-col-category"))[0]).not.toContain(first.categoryName);
    expect((await cells("case-col-stage"))[0]).not.toContain(first.stageName);

    // departments are records, not codes: their Uyghur names come from the department list
    const ugName = new Map(
      (
        await rows<{ id: number; code: string }>(
          e2e.server.testDb.database.db,
          sql`select id, code from departments`,
        )
      ).map((d) => [d.id, DEPARTMENTS.find((s) => s.code === d.code)?.nameUg]),
    );
    const visible: { assignedDepartmentId: number | null }[] = (
      await (await page.request.get(`${e2e.server.url}/api/cases?pageSize=100`)).json()
    ).items;
    const held = visible.find((c) => c.assignedDepartmentId !== null)?.assignedDepartmentId;
    const heldName = ugName.get(held ?? 0);
    if (held === undefined || !heldName) throw new Error("no case of the township is held by a department");
    const filtered = page.waitForResponse(
      (r) =>
        new URL(r.url()).searchParams.get("departmentId") === String(held) && r.request().method() === "GET",
    );
    await page.locator(".case-filter-department").click();
    await page.locator(".case-filter-department input").fill(heldName);
    await page.locator(".ant-select-item-option", { hasText: heldName }).click();
    const inDepartment: { assignedDepartmentId: number | null }[] = (await (await filtered).json()).items;
    await expect
      .poll(() => page.locator(".case-filter-department .ant-select-content").textContent())
      .toBe(heldName);
    await expect
      .poll(() => cells("case-col-department"))
      .toEqual(inDepartment.map((c) => (c.assignedDepartmentId ? ugName.get(c.assignedDepartmentId) : "")));
    expect(inDepartment.some((c) => c.assignedDepartmentId === held)).toBe(true);
    await screenshot(page, "case-list-filters-ug");
    await page.evaluate(() => localStorage.removeItem("envgrid.language"));
  });
});

explainSkippedBrowserTests("the case list in the browser");
