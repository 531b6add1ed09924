import { sql } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { NotificationPage } from "../../api-types/notifications.ts";
import { rows } from "../../server/db/client.ts";
import { enDomain } from "../../web/src/i18n/domain/en.ts";
import { ugDomain } from "../../web/src/i18n/domain/ug.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";

const TITLE = "夜间异味扰民";
const OLD_TITLE = "迁移前的旧通知";

// Notifications are stored in Chinese with a message code and parameters; the web words them in the reader's
// language, and shows the stored Chinese of a notification without a code.
describeInBrowser("notifications in the reader's language", (e2e) => {
  let page: Page;
  let trackingNo: string;
  let village: { lng: number; lat: number; nameUg: string | null };

  beforeAll(async () => {
    const db = e2e.server.testDb.database.db;
    [village] = await rows<{ lng: number; lat: number; nameUg: string | null }>(
      db,
      sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat,
                 name_ug as "nameUg"
            from grids where name = '亚尔村' order by level desc limit 1`,
    );
    // a grid member reports; the township is told it has a new report to accept
    const member = await e2e.browser.newContext();
    const login = await member.request.post(`${e2e.server.url}/api/auth/login`, {
      data: { username: "member", password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const filed = await member.request.post(`${e2e.server.url}/api/cases`, {
      headers: { "idempotency-key": `notification-language-${Date.now()}` },
      data: {
        source: "patrol_finding",
        title: TITLE,
        description: "夜间巡查闻到刺鼻气味",
        category: "industrial_air",
        location: { lng: village.lng, lat: village.lat },
      },
    });
    expect(filed.status()).toBe(201);
    trackingNo = (await filed.json()).trackingNo;
    await member.close();
    await rows(
      db,
      sql`insert into notifications (user_id, case_id, kind, title, body)
          select id, null, 'digest', ${OLD_TITLE}, '旧正文' from users where username = 'township'`,
    );

    page = await signedInPage(e2e, "township", { viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  });

  const entry = (text: string): Locator => page.locator(".ant-list-item", { hasText: text });
  const titleOf = (item: Locator) => item.locator(".notification-title");
  const bodyOf = (item: Locator) => item.locator(".notification-body");

  async function switchTo(endonym: string) {
    await page.locator(".language-switcher").click();
    await page.locator(".ant-dropdown-menu-item", { hasText: endonym }).click();
    await page.locator(".ant-dropdown").waitFor({ state: "hidden" });
  }

  it("shows a new report's notification in Chinese, English and Uyghur", async () => {
    await page.goto(`${e2e.server.url}/notifications`);
    const reported = entry(trackingNo);
    await expect
      .poll(() => titleOf(reported).textContent(), { timeout: 15_000 })
      .toBe(`新上报待受理：${trackingNo}「${TITLE}」`);
    // the Chinese on screen is the stored Chinese: its deadline to the minute, as the server wrote it
    const stored = await page.request.get(`${e2e.server.url}/api/notifications?pageSize=200`);
    const { items } = (await stored.json()) as NotificationPage;
    const body = items.find((n) => n.title.includes(trackingNo))?.body;
    expect(body).toMatch(/^网格巡查发现，工业废气污染，亚尔村，请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 前处理$/);
    expect(await bodyOf(reported).textContent()).toBe(body);

    await switchTo("English");
    await expect
      .poll(() => titleOf(reported).textContent())
      .toBe(`New report to accept: ${trackingNo} “${TITLE}”`);
    const english = (await bodyOf(reported).textContent()) ?? "";
    expect(english).toContain(`${enDomain.sources.patrol_finding}, ${enDomain.categories.industrial_air}, `);
    expect(english).toMatch(/; to be dealt with by \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
    await screenshot(page, "notifications-en");

    await switchTo("ئۇيغۇرچە");
    await expect
      .poll(() => titleOf(reported).textContent())
      .toBe(`يېڭى مەلۇمات قوبۇل قىلىنىشنى كۈتۈۋاتىدۇ: ${trackingNo} «${TITLE}»`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const uyghur = (await bodyOf(reported).textContent()) ?? "";
    expect(uyghur).toContain(`${ugDomain.sources.patrol_finding}، ${ugDomain.categories.industrial_air}، `);
    // the grid is named from the grid tree, in Uyghur where the tree has its Uyghur name
    if (village.nameUg) await expect.poll(() => bodyOf(reported).textContent()).toContain(village.nameUg);
    expect(uyghur).not.toMatch(/网格巡查发现|工业废气污染|请于/);
    await screenshot(page, "notifications-ug");
  });

  it("shows a notification stored without a message code as it was stored, in any language", async () => {
    const old = entry(OLD_TITLE);
    expect(await titleOf(old).textContent()).toBe(OLD_TITLE);
    expect(await bodyOf(old).textContent()).toBe("旧正文");
    await switchTo("中文");
    await expect
      .poll(() => titleOf(entry(trackingNo)).textContent())
      .toBe(`新上报待受理：${trackingNo}「${TITLE}」`);
    expect(await titleOf(old).textContent()).toBe(OLD_TITLE);
  });
});

explainSkippedBrowserTests("notifications in the reader's language");
