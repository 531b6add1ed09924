import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { DEPARTMENTS } from "../../server/db/seed/departments.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  logInAs,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("the KPI page (考核指标) in the browser", (e2e) => {
  let page: Page;
  beforeAll(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1366, height: 860 } });
  });

  it("shows the district office every township, patrol completion and every department; a township officer only their own township", async () => {
    await logInAs(page, e2e.server.url, "office", /\/grids/);
    await page.getByRole("menuitem", { name: "考核指标" }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.locator(".dashboard-kpis .ant-statistic").first().waitFor();
    await page.getByText("按期结案率").first().waitFor();
    const rows = page.locator(".dashboard-townships tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(14);
    // 巡查完成率: one row per township and the district total
    const patrolRows = page.locator(".dashboard-patrols tbody tr.ant-table-row");
    await patrolRows.first().waitFor();
    expect(await patrolRows.count()).toBe(14);
    expect(await page.locator(".dashboard-patrols .ant-table-summary").textContent()).toContain("合计");
    // 各部门: every department, sortable (overdue descending puts the largest first)
    const departments = page.locator(".dashboard-departments tbody tr.ant-table-row");
    await departments.first().waitFor();
    expect(await departments.count()).toBe(19);
    await page.getByText("返工率").first().waitFor();
    const overdueHeader = page.locator(".dashboard-departments th", { hasText: "逾期" });
    await overdueHeader.click();
    await overdueHeader.click();
    const overdue = (
      await page.locator(".dashboard-departments tbody tr.ant-table-row td:nth-child(8)").allTextContents()
    ).map(Number);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    await screenshot(page, "dashboard-office");

    const own = await signedInPage(e2e, "township", { viewport: { width: 1366, height: 860 } });
    await own.goto(`${e2e.server.url}/dashboard`);
    const ownRows = own.locator(".dashboard-townships tbody tr");
    await ownRows.first().waitFor();
    expect(await ownRows.count()).toBe(1);
    expect(await ownRows.first().textContent()).toContain("亚尔镇");
    await own.close();
  });

  it("shows a department's staff their own department's figures only", async () => {
    const dept = await signedInPage(e2e, "dept", { viewport: { width: 1366, height: 860 } });
    await dept.getByRole("menuitem", { name: "考核指标" }).click();
    await dept.waitForURL(/\/dashboard$/);
    const rows = dept.locator(".dashboard-departments tbody tr.ant-table-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("市生态环境局高昌区分局");
    expect(await dept.locator(".dashboard-townships, .dashboard-patrols").count()).toBe(0);
    await screenshot(dept, "dashboard-department");
    // in Uyghur the department is named by its Uyghur name
    await dept.evaluate(() => localStorage.setItem("envgrid.language", "ug"));
    await dept.reload();
    const eco = DEPARTMENTS.find((d) => d.code === "eco");
    await rows
      .first()
      .getByText(eco?.nameUg ?? "?")
      .waitFor();
    await dept.evaluate(() => localStorage.removeItem("envgrid.language"));
    await dept.close();
  });
});

explainSkippedBrowserTests("the KPI page");
