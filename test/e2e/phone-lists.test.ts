import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

/** A cheap field phone. */
const PHONE = { width: 360, height: 740 };

/** Every staff page with a list table, by a demo user who may open it. */
const LIST_PAGES: Record<string, { path: string; name: string }[]> = {
  office: [
    { path: "/cases/inbox", name: "inbox" },
    { path: "/cases", name: "cases" },
    { path: "/supervision", name: "supervision" },
    { path: "/dashboard", name: "dashboard" },
    { path: "/wuding", name: "wuding" },
    { path: "/contracts", name: "contracts" },
    { path: "/patrols", name: "patrols" },
    { path: "/objects", name: "objects" },
  ],
  secadmin: [{ path: "/admin/users", name: "users" }],
  sysadmin: [{ path: "/admin/settings?tab=calendar", name: "settings" }],
  auditor: [{ path: "/audit", name: "audit" }],
};

/** What the page measures: everything a phone user would see as broken. */
interface PhoneLayout {
  /** The document's width beyond the screen's (the page scrolls sideways when above 0). */
  overflow: number;
  /** Elements past the screen's edge outside any box that clips or scrolls them (a table's own scroller). */
  stickingOut: string[];
  /** Header cells on more than two lines, or broken inside a word (a Chinese header one character a line). */
  brokenHeaders: string[];
  /** Tables whose first column (case number, name) is not wholly on screen. */
  primaryOffScreen: string[];
}

function measure(page: Page): Promise<PhoneLayout> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const visible = (e: Element) => e.getBoundingClientRect().width > 0;
    const describe = (e: Element) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`;

    const stickingOut: string[] = [];
    const visit = (e: Element) => {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 1 || r.left < -1))
        stickingOut.push(`${describe(e)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      if (getComputedStyle(e).overflowX === "visible") for (const child of e.children) visit(child);
    };
    for (const child of document.querySelector(".app-content")?.children ?? []) visit(child);

    // each character's line, from its own box: a line break between two non-spaces is inside a word
    const brokenHeaders: string[] = [];
    const headerCells = [...document.querySelectorAll(".ant-table-thead th")].filter(
      (th) => visible(th) && !th.matches(".ant-table-selection-column, .ant-table-row-expand-icon-cell"),
    );
    for (const th of headerCells) {
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          if (box && box.width > 0) chars.push({ ch: text[i], top: box.top });
        }
      }
      let lines = chars.length > 0 ? 1 : 0;
      let midWord = false;
      for (let i = 1; i < chars.length; i++) {
        if (Math.abs(chars[i].top - chars[i - 1].top) < 4) continue;
        lines++;
        if (!/\s/.test(chars[i - 1].ch) && !/\s/.test(chars[i].ch)) midWord = true;
      }
      if (lines > 2 || midWord) brokenHeaders.push(`${th.textContent} (${lines} lines)`);
    }

    const primaryOffScreen: string[] = [];
    for (const table of document.querySelectorAll(".ant-table-wrapper")) {
      const first = [...table.querySelectorAll(".ant-table-thead th")].find(
        (th) => visible(th) && !th.matches(".ant-table-selection-column, .ant-table-row-expand-icon-cell"),
      );
      const r = first?.getBoundingClientRect();
      if (first && r && (r.left < -1 || r.right > width + 1)) primaryOffScreen.push(first.textContent ?? "");
    }

    return {
      overflow: document.documentElement.scrollWidth - width,
      stickingOut,
      brokenHeaders,
      primaryOffScreen,
    };
  });
}

describeInBrowser("the list pages on a 360 px phone", (e2e) => {
  for (const language of ["zh-CN", "en", "ug"]) {
    for (const [user, pages] of Object.entries(LIST_PAGES)) {
      describe(`${user} in ${language}`, () => {
        let page: Page;
        beforeAll(async () => {
          page = await signedInPage(e2e, user, { viewport: PHONE, locale: "zh-CN", language });
        });
        afterAll(() => page.context().close());

        for (const { path, name } of pages) {
          it(`shows ${name} whole, its tables scrolling in their own box`, async () => {
            await page.goto(`${e2e.server.url}${path}`);
            await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
            await page.waitForLoadState("networkidle");
            await screenshot(page, `phone-${name}-${language}`, { fullPage: true });
            expect(await measure(page)).toEqual({
              overflow: 0,
              stickingOut: [],
              brokenHeaders: [],
              primaryOffScreen: [],
            });
          });
        }
      });
    }
  }
});

explainSkippedBrowserTests("the list pages on a 360 px phone");
