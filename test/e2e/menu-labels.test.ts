import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, explainSkippedBrowserTests, logInAs, screenshot } from "../support/browser.ts";

// The side menu is 208 px wide; English and Uyghur labels are longer than the Chinese ones it was drawn for.
describeInBrowser("the side menu's labels in every language", (e2e) => {
  let page: Page;

  beforeAll(async () => {
    page = await (await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    // the district office sees the longest menu
    await logInAs(page, e2e.server.url, "office");
  });
  afterAll(() => page.context().close());

  /** The labels whose text does not fit their box (cut off with an ellipsis). */
  const cutOff = () =>
    page
      .locator(".app-sider .ant-menu-title-content")
      .evaluateAll((labels) =>
        labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
      );

  for (const language of ["zh-CN", "en", "ug"]) {
    it(`shows every label whole in ${language}`, async () => {
      await page.evaluate((l) => localStorage.setItem("envgrid.language", l), language);
      await page.goto(`${e2e.server.url}/`);
      await page.locator(".app-sider .ant-menu-item").first().waitFor();
      expect(await page.locator(".app-sider .ant-menu-item").count()).toBeGreaterThan(8);
      expect(await cutOff()).toEqual([]);
      if (language !== "zh-CN") {
        // a Chinese term left in an English or Uyghur label (the 五定 was) reads as untranslated
        const labels = await page.locator(".app-sider .ant-menu-title-content").allTextContents();
        expect(labels.filter((label) => /\p{Script=Han}/u.test(label))).toEqual([]);
      }
      await screenshot(page, `menu-labels-${language}`);
    });
  }
});

explainSkippedBrowserTests("the side menu's labels in every language");
