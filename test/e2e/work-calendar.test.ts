import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const DESK = { viewport: { width: 1366, height: 768 }, locale: "zh-CN" };

describeInBrowser("the work calendar on screen", (e2e) => {
  const as = (username: string) => signedInPage(e2e, username, DESK);

  /** Picks days in the open multiple date picker (its cells are titled YYYY-MM-DD), then closes it. */
  async function pickDays(page: Page, picker: string, days: string[]) {
    await page.locator(picker).click();
    const dropdown = page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
    for (const day of days) await dropdown.locator(`td[title="${day}"]`).click();
    await page.keyboard.press("Escape");
    await dropdown.waitFor({ state: "hidden" });
  }

  async function saveConfirmed(page: Page) {
    await page.locator(".work-calendar-save").click();
    const confirm = page.locator(".ant-modal-confirm");
    await confirm.waitFor();
    // the confirmation says what saving changes: every deadline computed afterwards
    expect(await confirm.textContent()).toContain("此后新计算的所有办理期限");
    await confirm.getByRole("button", { name: "确认保存" }).click();
    await confirm.waitFor({ state: "hidden" });
  }

  const versionOf = (page: Page, year: number) =>
    page
      .locator(".work-calendar-years tr.ant-table-row", { hasText: String(year) })
      .locator(".work-calendar-version");

  async function storedDays(year: number) {
    return rows<{ day: string; kind: string; name: string | null }>(
      e2e.server.testDb.database.db,
      sql`select to_char(day, 'YYYY-MM-DD') as day, kind, name from work_calendar_days
          where day >= make_date(${year}, 1, 1) and day < make_date(${year} + 1, 1, 1) order by day`,
    );
  }

  it("lets the system administrator add the next year, correct it, and see a concurrent edit refused", async () => {
    const page = await as("sysadmin");
    await page.locator(".app-sider .ant-menu-item", { hasText: "系统设置" }).click();
    await page.waitForURL(/\/admin\/settings/);
    await page.getByRole("tab", { name: "工作日历" }).click();
    await page.waitForURL(/tab=calendar/);
    const table = page.locator(".work-calendar-years");
    await table.locator("tr.ant-table-row").first().waitFor();
    const answer = await page.request.get(`${e2e.server.url}/api/work-calendar`);
    expect(answer.status()).toBe(200);
    const api = (await answer.json()) as {
      years: { year: number; version: number }[];
      lastLoadedYear: number;
      warning: string | null;
    };
    const loaded: number[] = api.years.map((y: { year: number }) => y.year);
    const listed = await table.locator("tr.ant-table-row td:first-child").allTextContents();
    expect(listed.map(Number)).toEqual(loaded);
    // the warning is shown exactly when the server asks for the next year's notice
    expect(await page.locator(".work-calendar-warning").count()).toBe(api.warning === null ? 0 : 1);
    if (api.warning !== null)
      expect(await page.locator(".work-calendar-warning").textContent()).toContain(
        `请尽快录入${api.lastLoadedYear + 1}年`,
      );
    await screenshot(page, "work-calendar-list");

    // the next year, from an empty form: one holiday, one weekend workday
    const year = api.lastLoadedYear + 1;
    await page.locator(".work-calendar-add").click();
    const form = page.locator(".work-calendar-form");
    await form.waitFor();
    expect(await form.locator(".ant-card-head-title").textContent()).toBe(`录入${year}年节假日安排`);
    await form.locator('input[name="source"]').fill(`国务院办公厅关于${year}年部分节假日安排的通知（测试）`);
    await form.locator(".holiday-name").fill("元旦");
    const jan1 = `${year}-01-01`;
    // the first Saturday or Sunday of the year, a day the workday picker allows
    const weekend = [...Array(7).keys()]
      .map((i) => new Date(Date.UTC(year, 0, 2 + i)))
      .find((d) => d.getUTCDay() === 0 || d.getUTCDay() === 6)
      ?.toISOString()
      .slice(0, 10) as string;
    await pickDays(page, ".holiday-dates", [jan1]);
    await pickDays(page, ".workday-dates", [weekend]);
    await screenshot(page, "work-calendar-new-year");
    await saveConfirmed(page);
    await versionOf(page, year).waitFor();
    expect(await versionOf(page, year).textContent()).toBe("1");
    expect(await storedDays(year)).toEqual([
      { day: jan1, kind: "holiday", name: "元旦" },
      { day: weekend, kind: "workday", name: null },
    ]);

    // opened again from the list, corrected: version 2
    await page
      .locator(".work-calendar-years tr.ant-table-row", { hasText: String(year) })
      .locator(".work-calendar-edit")
      .click();
    expect(await form.locator(".ant-card-head-title").textContent()).toBe(`${year}年节假日安排（第 1 版）`);
    expect(await form.locator(".holiday-name").inputValue()).toBe("元旦");
    const jan3 = `${year}-01-03`;
    const extra = jan3 === weekend ? `${year}-01-04` : jan3;
    await pickDays(page, ".holiday-dates", [extra]);
    await saveConfirmed(page);
    await page.waitForFunction(
      (y) =>
        [...document.querySelectorAll(".work-calendar-years tr.ant-table-row")]
          .find((tr) => tr.querySelector("td")?.textContent === String(y))
          ?.querySelector(".work-calendar-version")?.textContent === "2",
      year,
    );
    const after = (await (await page.request.get(`${e2e.server.url}/api/work-calendar`)).json()) as {
      years: { year: number; version: number; holidays: Record<string, string[]>; workdays: string[] }[];
    };
    const saved = after.years.find((y) => y.year === year);
    expect(saved?.version).toBe(2);
    expect(saved?.holidays).toEqual({ 元旦: [jan1, extra].sort() });
    expect(saved?.workdays).toEqual([weekend]);
    await screenshot(page, "work-calendar-saved");

    // another administrator saves version 3 meanwhile: this screen's save (from version 2) is refused, kept, explained
    await page
      .locator(".work-calendar-years tr.ant-table-row", { hasText: String(year) })
      .locator(".work-calendar-edit")
      .click();
    const other = await page.request.put(`${e2e.server.url}/api/work-calendar/${year}`, {
      data: { source: "另一位管理员修改", holidays: { 元旦: [jan1] }, workdays: [], version: 2 },
    });
    expect(other.status()).toBe(200);
    await form.locator('input[name="source"]').fill("本屏幕上的修改");
    await saveConfirmed(page);
    const error = page.locator(".work-calendar-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("已被他人修改");
    expect(await form.locator('input[name="source"]').inputValue()).toBe("本屏幕上的修改");
    await screenshot(page, "work-calendar-conflict");
    await error.locator(".work-calendar-reload").click();
    await page.waitForFunction(() =>
      document.querySelector(".work-calendar-form .ant-card-head-title")?.textContent?.includes("第 3 版"),
    );
    expect(await form.locator('input[name="source"]').inputValue()).toBe("另一位管理员修改");
    expect(await error.count()).toBe(0);
    await page.context().close();
  });

  it("offers the district office neither the settings nor the calendar", async () => {
    const page = await as("office");
    await page.locator(".app-sider .ant-menu-item").first().waitFor();
    const menu = await page.locator(".app-sider .ant-menu-item").allTextContents();
    expect(menu.some((item) => item.includes("系统设置"))).toBe(false);
    await page.goto(`${e2e.server.url}/admin/settings?tab=calendar`);
    await page.locator(".app-content").waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator(".work-calendar").count()).toBe(0);
    expect(await page.locator(".work-calendar-save").count()).toBe(0);
    expect(await page.getByRole("tab", { name: "工作日历" }).count()).toBe(0);
    await screenshot(page, "work-calendar-office");
    await page.context().close();
  });
});

explainSkippedBrowserTests("the work calendar on screen");
