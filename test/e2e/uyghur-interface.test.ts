import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, explainSkippedBrowserTests, logInAs, screenshot } from "../support/browser.ts";

const HAN = /[\u4e00-\u9fff]/;

// What a Uyghur reader meets outside ug.ts: the server's error messages (Chinese and English only), antd's
// built-in texts (no Uyghur locale of its own) and names the server sends.
describeInBrowser("the interface in Uyghur beyond ug.ts", (e2e) => {
  let page: Page;

  beforeAll(async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
    await context.addInitScript(() => localStorage.setItem("envgrid.language", "ug"));
    page = await context.newPage();
  });
  afterAll(() => page.context().close());

  it("says a wrong password in Uyghur on the login page", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await page.fill('input[name="username"]', "member");
    await page.fill('input[name="password"]', "not-the-password");
    await page.click('button[type="submit"]');
    const alert = page.locator(".login-alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("ئىشلەتكۈچى نامى ياكى پارول خاتا");
    expect(await alert.textContent()).not.toMatch(HAN);
    await screenshot(page, "ug-login-wrong-password");
  });

  it("names the grids above a village member's own in Uyghur on the grid map", async () => {
    await logInAs(page, e2e.server.url, "member");
    await page.goto(`${e2e.server.url}/grids`);
    const crumbs = page.locator(".grid-ancestors");
    await crumbs.waitFor();
    // 高昌区 / 亚尔镇 in the demo's Uyghur names
    await expect.poll(() => crumbs.textContent()).toContain("يار بازىرى");
    expect(await crumbs.textContent()).toContain("قاراھوجا رايونى");
    expect(await crumbs.textContent()).not.toMatch(HAN);
    await screenshot(page, "ug-grid-ancestors");
  });

  it("words the lists' pagination, empty table and date range in Uyghur, not antd's Chinese", async () => {
    await page.goto(`${e2e.server.url}/cases`);
    const table = page.locator(".case-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    const sizeChanger = page.locator(".ant-pagination-options");
    await sizeChanger.waitFor();
    expect(await sizeChanger.textContent()).toContain("/ بەت");
    expect(await sizeChanger.textContent()).not.toMatch(HAN);
    const search = page.locator(".ant-input-search input").first();
    await search.fill("zzqqxx-nothing-matches");
    await search.press("Enter");
    const empty = table.locator(".ant-empty-description");
    await empty.waitFor();
    expect(await empty.textContent()).toBe("سانلىق مەلۇمات يوق");
    await screenshot(page, "ug-case-list-empty");

    // the patrol ledger's period has no placeholders of its own: antd's
    await page.goto(`${e2e.server.url}/patrols`);
    const range = page.locator(".ant-picker-range input");
    await range.first().waitFor();
    const placeholders = await range.evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).placeholder),
    );
    expect(placeholders).toEqual(["باشلىنىش چېسلاسى", "ئاخىرلىشىش چېسلاسى"]);
  });
});

explainSkippedBrowserTests("the interface in Uyghur beyond ug.ts");
