import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser, explainSkippedBrowserTests, screenshot } from "../support/browser.ts";

// English and Uyghur strings are fetched when chosen (web/src/i18n/index.ts), not bundled with the entry.
describeInBrowser("interface languages loaded on demand", (e2e) => {
  let page: Page;
  beforeAll(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  it("switches to English and Uyghur, and opens in the stored language after a reload", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByRole("button", { name: /^登\s?录$/ }).waitFor();
    await page.locator(".language-links").getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();

    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await screenshot(page, "login-english");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.locator(".language-links").getByRole("button", { name: "ئۇيغۇرچە" }).click();
    await page.getByRole("button", { name: "كىرىش" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.evaluate(() => localStorage.removeItem("envgrid.language"));
  });
});

explainSkippedBrowserTests("interface languages");
