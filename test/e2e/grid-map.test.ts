import { expect, it } from "vitest";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  logIn,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("grid map in the browser", (e2e) => {
  it("shows the district office all 92 village polygons, and a village member only their own", async () => {
    const office = await signedInPage(e2e, "office", {
      viewport: { width: 1366, height: 800 },
      landsOn: /\/grids/,
    });
    await office.waitForFunction(() => document.querySelectorAll("path.grid-level-3").length === 92, null, {
      timeout: 30_000,
    });
    expect(await office.locator("path.grid-level-3").count()).toBe(92);
    // Clicking a village polygon opens its details.
    await office.locator("path.grid-level-3").first().click({ force: true });
    await office.getByText("650402", { exact: false }).first().waitFor();
    await screenshot(office, "grid-map-office");
    await office.close();

    const member = await signedInPage(e2e, "member", {
      viewport: { width: 1366, height: 800 },
      landsOn: /\/grids/,
    });
    await member.waitForSelector("path.grid-level-3");
    // Give any further layers time to arrive before counting: there must still be only one.
    await member.waitForLoadState("networkidle");
    expect(await member.locator("path.grid-level-3").count()).toBe(1);
    await member.getByText("亚尔村").first().waitFor();
    await screenshot(member, "grid-map-member");
    await member.close();
  });

  it("shows the wrong-password message in Chinese on the login page", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, "office", "Wrong-pass-1");
    await page.getByText("用户名或密码错误").waitFor();
    await page.close();
  });
});

explainSkippedBrowserTests("grid map in the browser");
