import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  explainSkippedBrowserTests,
  logIn,
  RUN_BROWSER_TESTS,
  screenshot,
  useBrowserServer,
} from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";

describe.runIf(RUN_BROWSER_TESTS)("the KPI page (考核指标) in the browser", () => {
  const e2e = useBrowserServer();
  let page: Page;
  beforeAll(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1366, height: 860 } });
  });

  it("shows the district office every township and a township officer only their own", async () => {
    await logIn(page, e2e.server.url, "office", DEMO_PASSWORD);
    await page.waitForURL(/\/grids/);
    await page.getByRole("menuitem", { name: "考核指标" }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.locator(".dashboard-kpis .ant-statistic").first().waitFor();
    await page.getByText("按期结案率").first().waitFor();
    const rows = page.locator(".dashboard-kpis .ant-card").last().locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(14);
    await screenshot(page, "dashboard-office");

    const own = await e2e.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await logIn(own, e2e.server.url, "township", DEMO_PASSWORD);
    await own.waitForURL((url) => !url.pathname.startsWith("/login"));
    await own.goto(`${e2e.server.url}/dashboard`);
    const ownRows = own.locator(".dashboard-kpis .ant-card").last().locator("tbody tr");
    await ownRows.first().waitFor();
    expect(await ownRows.count()).toBe(1);
    expect(await ownRows.first().textContent()).toContain("亚尔镇");
    await own.close();
  });
});

explainSkippedBrowserTests("the KPI page");
