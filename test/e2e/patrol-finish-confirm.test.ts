import { expect, it } from "vitest";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
  permissions: ["geolocation"],
  geolocation: { longitude: 89.19, latitude: 42.95, accuracy: 10 },
};

// "结束巡查" sits right above "上报问题", both big and red: a slip of the thumb must not end the patrol.
describeInBrowser("finishing a patrol on the phone", (e2e) => {
  it("asks before it finishes the patrol, and keeping on patrolling leaves it running", async () => {
    const page = await signedInPage(e2e, "member", PHONE);
    await page.goto(`${e2e.server.url}/field`);
    await page.getByRole("button", { name: "开始巡查" }).click();
    await page.getByRole("button", { name: "结束巡查" }).click();

    const confirm = page.locator(".field-stop-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("结束本次巡查？");
    await screenshot(page, "patrol-finish-confirm");
    await confirm.getByRole("button", { name: "继续巡查" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("envgrid-field-active"))).not.toBeNull();

    await page.getByRole("button", { name: "结束巡查" }).click();
    await page.locator(".field-stop-confirm").getByRole("button", { name: "确认结束" }).click();
    await page.getByRole("button", { name: "开始巡查" }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("envgrid-field-active"))).toBeNull();
    await page.context().close();
  });
});

explainSkippedBrowserTests("finishing a patrol on the phone");
