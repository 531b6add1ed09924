import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import { describeInBrowser, explainSkippedBrowserTests, logInAs, screenshot } from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";

const TITLE = "化工厂排污口夜间偷排";
const DESCRIPTION = "信访人反映：化工厂排污口每晚十点后排放黄色污水，已持续一周。";
const REPORTER = "阿依古丽·草稿测试";
const CONTACT = "13922223333";

describeInBrowser("the report form's draft across an expired session", (e2e) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  const signIn = () => logInAs(page, e2e.server.url, "office");

  async function openReportForm() {
    await page.goto(`${e2e.server.url}/cases/new`);
    await page
      .locator("[data-testid=location-picker] path.grid-level-3")
      .first()
      .waitFor({ state: "attached" });
  }

  async function choose(label: string, option: string) {
    await page.locator(".ant-form-item", { hasText: label }).locator(".ant-select").first().click();
    await page.locator(".ant-select-item-option", { hasText: option }).first().click();
  }

  const storedDrafts = () =>
    page.evaluate(() =>
      Object.entries(sessionStorage).filter(([key]) => key.startsWith("envgrid.reportDraft.")),
    );

  it("offers back what was typed, without the reporter, after the session expired on submit", async () => {
    await signIn();
    await openReportForm();
    await choose("来源", "群众举报");
    await choose("事项类别", "工业废水污染");
    await page.fill("input[name=title]", TITLE);
    await page.fill("textarea[name=description]", DESCRIPTION);
    await page.fill("input[name=lng]", "89.19");
    await page.fill("input[name=lat]", "42.95");
    await page.fill("input[name=reporterName]", REPORTER);
    await page.fill("input[name=reporterContact]", CONTACT);

    // the session times out on the server (idle for a day) while the form is being written
    await rows(
      e2e.server.testDb.database.db,
      sql`update sessions set last_seen_at = now() - interval '1 day'
          where revoked_at is null and user_id = (select id from users where username = 'office')`,
    );
    await page.click("[data-testid=report-submit]");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText("会话已过期，请重新登录").waitFor();
    const stored = JSON.stringify(await storedDrafts());
    expect(stored).toContain(TITLE);
    expect(stored).not.toContain(REPORTER);
    expect(stored).not.toContain(CONTACT);

    // signing in again on the page the expiry led to brings the user back to the form
    await page.fill('input[name="username"]', "office");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname === "/cases/new");
    const prompt = page.locator(".report-draft");
    await prompt.getByText(/^有一份未提交的上报草稿（保存于 \d\d:\d\d），是否恢复？$/).waitFor();
    await prompt.getByText("照片和举报人姓名、联系方式不会保存在草稿中，恢复后请重新填写。").waitFor();
    expect(await page.inputValue("input[name=title]")).toBe("");
    await screenshot(page, "report-draft-prompt");

    await prompt.getByRole("button", { name: "恢 复" }).click();
    await prompt.waitFor({ state: "detached" });
    expect(await page.inputValue("input[name=title]")).toBe(TITLE);
    expect(await page.inputValue("textarea[name=description]")).toBe(DESCRIPTION);
    expect(Number(await page.inputValue("input[name=lng]"))).toBe(89.19);
    await page.locator("path.picked-location").waitFor();
    await page.locator(".ant-form-item", { hasText: "事项类别" }).getByText("工业废水污染").waitFor();
    expect(await page.inputValue("input[name=reporterName]")).toBe("");
    expect(await page.inputValue("input[name=reporterContact]")).toBe("");
    await screenshot(page, "report-draft-restored");
  });

  it("replaces the offered draft once the user types, and an explicit sign-out clears it", async () => {
    await openReportForm();
    await page.locator(".report-draft").waitFor();
    await page.fill("input[name=title]", "另起一份");
    await page.locator(".report-draft").waitFor({ state: "detached" });
    await page.waitForFunction(() =>
      Object.values(sessionStorage).some((value) => value.includes("另起一份")),
    );

    await page.locator(".user-menu").getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(await storedDrafts()).toEqual([]);
    // after an explicit sign-out the next person starts at home, not on the page the last one left
    await page.fill('input[name="username"]', "office");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).pathname).not.toBe("/cases/new");
    await page.locator(".user-menu").getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");

    await signIn();
    await openReportForm();
    expect(await page.locator(".report-draft").count()).toBe(0);
  });
});

explainSkippedBrowserTests("report drafts");
