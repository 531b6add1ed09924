import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import { describeInBrowser, explainSkippedBrowserTests, logInAs, screenshot } from "../support/browser.ts";

// The resident's account name and phone become the report's reporter (server/commands/case-opener.ts): made
// distinctive here so that any trace of them on the public page is found.
const NAME = "古丽娜尔·进度查询测试";
const PHONE = "13911118888";
const TITLE = "渠边每晚焚烧垃圾";
const DESCRIPTION = "亚尔村三组渠边每晚焚烧塑料垃圾，浓烟刺鼻。";
const PHONE_VIEW = { width: 390, height: 844 };
const TRACKING_NO = /^GC\d{8}[2-9A-Z]{6}$/;

describeInBrowser("a member of the public follows a report on /track", (e2e) => {
  const contexts: BrowserContext[] = [];
  let trackingNo = "";

  beforeAll(async () => {
    await rows(
      e2e.server.testDb.database.db,
      sql`update users set display_name = ${NAME}, phone = ${PHONE} where username = 'resident'`,
    );
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** A phone-sized page; `seen` collects every API answer it receives. */
  async function phone(seen: string[] = []): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: PHONE_VIEW, locale: "zh-CN", hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on("response", async (r) => {
      if (r.url().includes("/api/")) seen.push(await r.text().catch(() => ""));
    });
    return page;
  }

  /** Nothing of the reporter, or of what they wrote, on the page or in what it was sent. */
  async function expectNothingPersonal(page: Page, seen: string[]) {
    const html = await page.content();
    for (const secret of [NAME, PHONE, "139****8888", TITLE, DESCRIPTION, "亚尔村"]) {
      expect(html, secret).not.toContain(secret);
      for (const body of seen) expect(body, secret).not.toContain(secret);
    }
  }

  async function fitsTheScreen(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE_VIEW.width);
  }

  it("resident files a report, copies the number and follows the link to its progress", async () => {
    const page = await phone();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.server.url });
    await logInAs(page, e2e.server.url, "resident");
    await page.goto(`${e2e.server.url}/cases/new`);
    await page.locator("[data-testid=location-picker]").waitFor();
    await page.locator(".ant-form-item", { hasText: "事项类别" }).locator(".ant-select").first().click();
    await page.locator(".ant-select-item-option", { hasText: "城区露天焚烧" }).first().click();
    await page.fill("input[name=title]", TITLE);
    await page.fill("textarea[name=description]", DESCRIPTION);
    const [inside] = await rows<{ lng: number; lat: number }>(
      e2e.server.testDb.database.db,
      sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat
            from grids where name = '亚尔村'`,
    );
    await page.fill("input[name=lng]", inside.lng.toFixed(6));
    await page.fill("input[name=lat]", inside.lat.toFixed(6));
    await page.click("[data-testid=report-submit]");

    const number = page.locator("[data-testid=receipt-tracking-no]");
    await number.waitFor();
    trackingNo = (await number.textContent()) ?? "";
    expect(trackingNo).toMatch(TRACKING_NO);
    await page.getByText("举报已提交").waitFor();
    await screenshot(page, "public-tracking-1-receipt-zh");

    // the same receipt in Uyghur (the header's language menu keeps the page as it is)
    const switchTo = async (endonym: string) => {
      await page.locator(".language-switcher").click();
      await page.locator(".ant-dropdown-menu-item", { hasText: endonym }).click();
      await page.locator(".ant-dropdown").waitFor({ state: "hidden" });
    };
    await switchTo("ئۇيغۇرچە");
    await page.getByText("مەلۇماتىڭىز يوللاندى").waitFor();
    expect(await page.locator("[data-testid=receipt-tracking-no]").textContent()).toBe(trackingNo);
    await screenshot(page, "public-tracking-1-receipt-ug");
    await switchTo("中文");
    await page.getByText("举报已提交").waitFor();
    await page.locator("[data-testid=receipt-copy]").click();
    await page.getByText("已复制受理编号").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingNo);

    const link = page.getByRole("link", { name: "查询办理进度" });
    expect(await link.getAttribute("href")).toBe(`/track/${trackingNo}`);
    await link.click();
    await page.waitForURL((url) => url.pathname === `/track/${trackingNo}`);
    expect(await page.locator("[data-testid=track-number]").textContent()).toBe(trackingNo);
    expect(await page.locator("[data-testid=track-stage]").textContent()).toBe("已收到，待受理");
    await expectNothingPersonal(page, []);
  });

  it("a visitor with no login finds it from the login page; malformed and unknown numbers are explained", async () => {
    expect(trackingNo).toMatch(TRACKING_NO);
    const seen: string[] = [];
    const page = await phone(seen);
    const lookups: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/public/cases/")) lookups.push(r.url());
    });
    await page.goto(`${e2e.server.url}/login`);
    await page.getByRole("link", { name: "查询举报办理进度" }).waitFor();
    await screenshot(page, "public-tracking-0-login-zh");
    await page.getByRole("link", { name: "查询举报办理进度" }).click();
    await page.waitForURL((url) => url.pathname === "/track");
    await page.getByRole("heading", { name: "举报办理进度查询" }).waitFor();
    await fitsTheScreen(page);
    await screenshot(page, "public-tracking-2-empty-zh");

    // typed as a person might: lower case, with spaces
    await page.fill("#track-no", ` ${trackingNo.toLowerCase().replace(/^(gc\d{8})/, "$1 ")} `);
    await page.click("[data-testid=track-submit]");
    await page.waitForURL((url) => url.pathname === `/track/${trackingNo}`);
    await page.locator("[data-testid=track-stage]", { hasText: "已收到，待受理" }).waitFor();
    expect(await page.locator("[data-testid=track-number]").textContent()).toBe(trackingNo);
    expect(await page.locator("[data-testid=track-timeline]").textContent()).toContain("收到举报");
    expect(await page.locator("[data-testid=track-disclosure]").count()).toBe(0);
    await page.getByText("时间均为北京时间。").waitFor();
    await fitsTheScreen(page);
    await screenshot(page, "public-tracking-3-progress-zh");
    await expectNothingPersonal(page, seen);

    // malformed: a hint, and nothing sent
    const asked = lookups.length;
    await page.fill("#track-no", "GC2026113");
    await page.click("[data-testid=track-submit]");
    await page.locator("[data-testid=track-invalid]").waitFor();
    expect(await page.locator("[data-testid=track-invalid]").textContent()).toContain("受理编号格式不对");
    expect(await page.locator("[data-testid=track-result]").count()).toBe(0);
    await page.goto(`${e2e.server.url}/track/NOT-A-NUMBER`);
    await page.locator("[data-testid=track-invalid]").waitFor();
    expect(lookups.length).toBe(asked);

    // well-formed but unknown
    await page.fill("#track-no", "GC20200101AAAAAA");
    await page.click("[data-testid=track-submit]");
    await page.getByText("查无此受理编号，请核对后重新输入。").waitFor();
    await screenshot(page, "public-tracking-4-unknown-zh");
  });

  it("reads in Uyghur, right to left, on the same phone", async () => {
    const seen: string[] = [];
    const page = await phone(seen);
    await page.goto(`${e2e.server.url}/track/${trackingNo}`);
    await page.locator("[data-testid=track-stage]", { hasText: "已收到，待受理" }).waitFor();
    await page.locator(".language-links").getByRole("button", { name: "ئۇيغۇرچە" }).click();
    await page
      .locator("[data-testid=track-stage]", { hasText: "تاپشۇرۇۋېلىندى، قوبۇل قىلىنىشنى كۈتۈۋاتىدۇ" })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { name: "مەلۇم قىلغان مەسىلىنىڭ ئەھۋالىنى سۈرۈشتۈرۈش" }).waitFor();
    // the number stays left to right inside the right-to-left page
    expect(await page.locator("[data-testid=track-number]").getAttribute("dir")).toBe("ltr");
    await fitsTheScreen(page);
    await screenshot(page, "public-tracking-5-progress-ug");
    await page.fill("#track-no", "GC20200101AAAAAA");
    await page.click("[data-testid=track-submit]");
    await page.getByText("بۇ قوبۇل قىلىش نومۇرى تېپىلمىدى").waitFor();
    await screenshot(page, "public-tracking-6-unknown-ug");
    await expectNothingPersonal(page, seen);
    await page.evaluate(() => localStorage.removeItem("envgrid.language"));
  });

  it("shows the reply, the close and the disclosed result of a finished case", async () => {
    // a case the demo history drove through the whole loop, answered to its reporter and disclosed
    const [done] = await rows<{ trackingNo: string; summary: string }>(
      e2e.server.testDb.database.db,
      sql`select tracking_no as "trackingNo", disclosure_summary as summary from cases
           where stage = 'closed' and disclosed_at is not null and reporter_replied_at is not null
           order by closed_at desc limit 1`,
    );
    expect(done).toBeDefined();
    const seen: string[] = [];
    const page = await phone(seen);
    await page.goto(`${e2e.server.url}/track/${done.trackingNo}`);
    await page.locator("[data-testid=track-stage]", { hasText: "已办结" }).waitFor();
    const timeline = (await page.locator("[data-testid=track-timeline] li").allTextContents()).join("|");
    expect(timeline).toMatch(/^收到举报\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\|已答复举报人.+\|办结.+$/);
    expect(await page.locator("[data-testid=track-disclosure]").textContent()).toContain(done.summary);
    await fitsTheScreen(page);
    await screenshot(page, "public-tracking-7-closed-zh");
    await page.locator(".language-links").getByRole("button", { name: "ئۇيغۇرچە" }).click();
    await page.locator("[data-testid=track-stage]", { hasText: "ئاخىرلاشتۇرۇلدى" }).waitFor();
    await fitsTheScreen(page);
    await screenshot(page, "public-tracking-8-closed-ug");
    await page.evaluate(() => localStorage.removeItem("envgrid.language"));
  });

  it("asks a visitor who looks up too often to wait, politely", async () => {
    const page = await phone();
    await page.route("**/api/public/cases/**", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        body: JSON.stringify({ error: "rate_limited", message: "请求过于频繁，请稍后再试" }),
      }),
    );
    await page.goto(`${e2e.server.url}/track/${trackingNo}`);
    await page.getByText("查询太频繁了，请稍等一分钟再试。").waitFor();
    await page.locator("[data-testid=track-error]").getByRole("button").waitFor();
  });
});

explainSkippedBrowserTests("public tracking page");
