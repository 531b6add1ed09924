import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  type SignedInPageOptions,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1366, height: 860 } };

describeInBrowser("error states in the member's and officer's words", (e2e) => {
  const query = <T>(text: ReturnType<typeof sql>) => rows<T>(e2e.server.testDb.database.db, text);
  const session = (username: string, options: SignedInPageOptions) =>
    signedInPage(e2e, username, { locale: "zh-CN", ...options });

  it("field page: a refused location says how to allow it, not the browser's English", async () => {
    // no geolocation permission granted: Chromium refuses (PERMISSION_DENIED, code 1)
    const page = await session("member", PHONE);
    await page.goto(`${e2e.server.url}/field`);
    const alert = page.locator(".field-gps-error");
    await alert.waitFor();
    expect(await alert.getAttribute("data-problem")).toBe("denied");
    expect(await alert.textContent()).toMatch(/定位权限已被关闭.*浏览器设置.*允许.*刷新本页/);
    expect(await page.content()).not.toMatch(/User denied|Geolocation/);
    await screenshot(page, "field-gps-denied");
    await page.context().close();

    const ug = await session("member", { ...PHONE, language: "ug" });
    await ug.goto(`${e2e.server.url}/field`);
    await ug.locator(".field-gps-error", { hasText: "توركۆرگۈچ تەڭشىكىدە" }).waitFor();
    await screenshot(ug, "field-gps-denied-ug");
    await ug.context().close();
  });

  it("field page: no network and no saved list says so in words, and a retry loads the list", async () => {
    const page = await session("member", {
      ...PHONE,
      permissions: ["geolocation"],
      geolocation: { longitude: 89.19, latitude: 42.95, accuracy: 10 },
    });
    await page.route("**/api/patrols/plan*", (route) => route.abort("internetdisconnected"));
    await page.goto(`${e2e.server.url}/field`);
    const alert = page.locator(".field-plan-error");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("无法加载巡查清单：连不上服务器");
    expect(await alert.textContent()).not.toContain("network error");
    await screenshot(page, "field-plan-offline");
    await page.unroute("**/api/patrols/plan*");
    await alert.getByRole("button", { name: /重\s?试/ }).click();
    await alert.waitFor({ state: "detached" });
    await page.locator(".field-due-list").waitFor();
    await page.context().close();
  });

  it("a case out of reach offers a way back instead of a retry; a server failure still offers the retry", async () => {
    // a case of another township: the 亚尔村 member may not see it, so it is "not found"
    const [elsewhere] = await query<{ id: number }>(
      sql`select c.id from cases c join grids g on g.id = c.grid_id
           where g.path not like (select path from grids where name = '亚尔村') || '%' order by c.id limit 1`,
    );
    const page = await session("member", DESK);
    await page.goto(`${e2e.server.url}/cases/${elsewhere.id}`);
    const error = page.locator(".query-error-final");
    await error.getByText("记录不存在或无权访问").waitFor();
    expect(await error.getByRole("button", { name: /重\s?试/ }).count()).toBe(0);
    await error.getByRole("button", { name: /^返\s?回$/ }).waitFor();
    await error.getByRole("button", { name: "返回首页" }).waitFor();
    await screenshot(page, "case-not-found");
    // opened directly, "back" goes up to the case list
    await error.getByRole("button", { name: /^返\s?回$/ }).click();
    await page.waitForURL(/\/cases$/);
    // from inside the app, back is the page before; home is the start page
    await page.goto(`${e2e.server.url}/cases/999999`);
    await page.locator(".query-error-final").getByRole("button", { name: "返回首页" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/cases/999999"));

    await page.route("**/api/cases/*", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: '{"error":"internal","message":"服务器内部错误"}',
      }),
    );
    await page.goto(`${e2e.server.url}/cases/${elsewhere.id}`);
    await page
      .locator(".query-error")
      .getByRole("button", { name: /重\s?试/ })
      .waitFor();
    expect(await page.locator(".query-error-final").count()).toBe(0);
    await page.context().close();
  });

  it("an official report names its filer when known and has no empty 举报人 row otherwise", async () => {
    const [unknownFiler] = await query<{ id: number }>(
      sql`select id from cases where reporter_official and reporter_user_id is null order by id limit 1`,
    );
    const [knownFiler] = await query<{ id: number; name: string }>(
      sql`select c.id, u.display_name as name from cases c join users u on u.id = c.reporter_user_id
           where c.reporter_official order by c.id limit 1`,
    );
    const [resident] = await query<{ id: number }>(
      sql`select id from cases where not reporter_official and reporter_name_enc is not null order by id limit 1`,
    );
    const page = await session("office", DESK);
    const labels = () => page.locator(".case-detail .ant-descriptions-item-label").allTextContents();

    await page.goto(`${e2e.server.url}/cases/${unknownFiler.id}`);
    await page.locator(".case-detail").waitFor();
    expect(await labels()).not.toContain("举报人");
    expect(await labels()).not.toContain("报送人");
    await screenshot(page, "case-official-unknown-filer");

    await page.goto(`${e2e.server.url}/cases/${knownFiler.id}`);
    await page.locator(".case-filed-by", { hasText: knownFiler.name }).waitFor();
    expect(await labels()).toContain("报送人");
    expect(await labels()).not.toContain("举报人");
    await screenshot(page, "case-official-filed-by");

    // a resident's report keeps its confidential 举报人 row, masked for the office
    await page.goto(`${e2e.server.url}/cases/${resident.id}`);
    await page.locator(".reporter-masked").waitFor();
    expect(await labels()).toContain("举报人");
    await page.context().close();
  });
});

explainSkippedBrowserTests("error states");
