import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1366, height: 800 } };

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return box;
}

/** The area two boxes share, in px² (0: they do not overlap). */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

describeInBrowser("maps in Uyghur (right to left)", (e2e) => {
  async function open(username: string, language: string, options: object, path: string): Promise<Page> {
    const page = await signedInPage(e2e, username, { locale: "zh-CN", ...options, language });
    await page.goto(`${e2e.server.url}${path}`);
    return page;
  }

  it("/grids: the hint box and the grid details keep clear of the zoom control, in both directions", async () => {
    for (const language of ["ug", "zh-CN"]) {
      const page = await open("office", language, DESK, "/grids");
      const zoom = page.locator(".grid-map .leaflet-control-zoom");
      const slot = page.locator(".grid-details-slot");
      await page.locator("path.grid-level-3").first().waitFor({ timeout: 30_000 });
      await slot.locator(".ant-alert").waitFor();
      expect(overlap(await boxOf(zoom), await boxOf(slot)), `${language}: hint over zoom`).toBe(0);
      if (language === "ug") {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
        await screenshot(page, "grids-ug-hint");
      }
      // a village's details (a taller card) stay clear too
      await page.locator("path.grid-level-3").first().click({ force: true });
      await slot.locator(".grid-details").waitFor();
      expect(overlap(await boxOf(zoom), await boxOf(slot)), `${language}: details over zoom`).toBe(0);
      if (language === "ug") await screenshot(page, "grids-ug-details");
      await page.context().close();
    }
  });

  it("/patrols on a phone: the legend starts folded, small, clear of the zoom control, and opens on a tap", async () => {
    const page = await open("township", "ug", PHONE, "/patrols");
    const map = page.locator(".patrol-coverage-map");
    const legend = page.locator(".patrol-map-legend");
    const zoom = map.locator(".leaflet-control-zoom");
    await page.locator("path.patrol-blind-spot").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300); // the map settles on its bounds
    expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const mapBox = await boxOf(map);
    const folded = await boxOf(legend);
    expect(folded.width * folded.height).toBeLessThan(0.1 * mapBox.width * mapBox.height);
    expect(overlap(folded, await boxOf(zoom))).toBe(0);
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, "patrols-phone-ug-legend-folded");

    await legend.locator("summary").tap();
    await legend.locator(".patrol-map-legend-entry").first().waitFor();
    const opened = await boxOf(legend);
    expect(overlap(opened, await boxOf(zoom))).toBe(0);
    expect(opened.width * opened.height).toBeLessThan(0.5 * mapBox.width * mapBox.height);
    await screenshot(page, "patrols-phone-ug-legend-open");
    await page.context().close();
  });
});

explainSkippedBrowserTests("maps in Uyghur");
