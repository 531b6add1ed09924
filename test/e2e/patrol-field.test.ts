import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { BrowserContext, Page, Route } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";
import { recordFigure } from "../support/figures.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describeInBrowser("the field app on a phone, offline first", (e2e) => {
  let context: BrowserContext;
  let page: Page;
  let target: { id: number; name: string; lon: number; lat: number };
  const count = async (query: ReturnType<typeof sql>) =>
    (await rows<{ n: number }>(e2e.server.testDb.database.db, query))[0].n;

  beforeAll(async () => {
    // An object of 亚尔村 with a point location: where the member will stand.
    [target] = await rows<{ id: number; name: string; lon: number; lat: number }>(
      e2e.server.testDb.database.db,
      sql`select o.id, o.name, ST_X(o.location) as lon, ST_Y(o.location) as lat
            from supervised_objects o join grids g on g.id = o.grid_id
           where g.name = '亚尔村' and o.status = 'active' and GeometryType(o.location) = 'POINT'
             and o.type = 'enterprise' order by o.id limit 1`,
    );
    page = await signedInPage(e2e, "member", {
      ...PHONE,
      permissions: ["geolocation"],
      geolocation: { longitude: target.lon + 0.0003, latitude: target.lat, accuracy: 8 },
      locale: "zh-CN",
      landsOn: /\/grids/,
    });
    context = page.context();
  });

  it("shows the due list and works offline: start, check in, report a problem, sync once when back online", async () => {
    await page.goto(`${e2e.server.url}/field`);
    await page.locator(".field-due-item").first().waitFor();
    // Let the service worker install and take over, so the shell is cached.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await screenshot(page, "patrol-field-due-list");
    const patrolsBefore = await count(sql`select count(*)::int as n from patrols`);
    const checkinsBefore = await count(sql`select count(*)::int as n from patrol_checkins`);
    const casesBefore = await count(sql`select count(*)::int as n from cases`);

    await context.setOffline(true);
    await page.getByText("离线", { exact: true }).waitFor();
    await page.getByRole("button", { name: "开始巡查" }).click();
    await page.getByText(/巡查中/).waitFor();
    await context.setGeolocation({
      longitude: target.lon + 0.0002,
      latitude: target.lat + 0.0001,
      accuracy: 6,
    });

    const item = page.locator(`.field-due-item[data-object-id="${target.id}"]`);
    await item.scrollIntoViewIfNeeded();
    await item.getByRole("button", { name: "签到", exact: true }).click();
    await page.locator(".field-checkin").waitFor();
    await page.getByPlaceholder("发现的问题").fill("排放口附近有积水，已拍照");
    await page.setInputFiles(".field-checkin input[type=file]", {
      name: "finding.png",
      mimeType: "image/png",
      // A 1×1 PNG.
      buffer: Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ),
    });
    await page.waitForTimeout(300); // the photo is shrunk asynchronously
    await page.locator(".field-checkin").getByRole("button", { name: /^签到/ }).click();
    await page.getByText("已签到，将自动同步").waitFor();
    await page
      .locator(".field-sync")
      .getByText(/待同步 \d+ 条/)
      .waitFor();

    // Report what was found, with a photo, still offline: it waits in the outbox as its own record.
    await page.locator(".field-checkin").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "上报问题" }).click();
    await page.locator(".field-report").waitFor();
    await page.selectOption(".field-report-object", String(target.id));
    await page.selectOption(".field-report-category", "industrial_air");
    await page.getByPlaceholder("问题描述（必填）").fill("排放口有黑色污水外溢，气味刺鼻");
    await page.setInputFiles(".field-report input[type=file]", {
      name: "problem.png",
      mimeType: "image/png",
      buffer: Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ),
    });
    await page.getByText("已拍 1 张").waitFor();
    await page.locator(".field-report").getByRole("button", { name: "上报问题" }).click();
    await page.getByText("已保存，联网后自动上报").waitFor();
    await page.locator(".field-waiting").getByText(`上报问题·${target.name}`).waitFor();
    await screenshot(page, "patrol-field-offline-waiting");
    // Nothing reached the server while offline.
    expect(await count(sql`select count(*)::int as n from patrols`)).toBe(patrolsBefore);
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(casesBefore);

    // The shell opens with no network (service worker), and the outbox survives the reload.
    await page.reload();
    await page
      .locator(".field-sync")
      .getByText(/待同步 \d+ 条/)
      .waitFor();

    // The network is flaky: the server opens the case but its answer is lost, and then the same happens to the
    // photo's upload. The phone retries by itself, with the same keys.
    const lost = { case: false, photo: false };
    const loseAnswer = (which: keyof typeof lost) => async (route: Route) => {
      if (route.request().method() !== "POST" || lost[which]) return route.fallback();
      lost[which] = true;
      await route.fetch(); // the server does the work...
      return route.abort("connectionreset"); // ...and the phone never hears back
    };
    await context.route("**/api/cases", loseAnswer("case"));
    await context.route("**/api/cases/*/evidence", loseAnswer("photo"));
    await context.setOffline(false);
    await page.locator(".field-sync").getByText("已全部同步").waitFor({ timeout: 40_000 });
    expect(lost).toEqual({ case: true, photo: true });
    await context.unrouteAll();
    await screenshot(page, "patrol-field-synced");
    expect(await count(sql`select count(*)::int as n from patrols`)).toBe(patrolsBefore + 1);
    expect(await count(sql`select count(*)::int as n from patrol_checkins`)).toBe(checkinsBefore + 1);
    const [checkin] = await rows<{ objectId: number; finding: string; hasPhoto: boolean }>(
      e2e.server.testDb.database.db,
      sql`select object_id as "objectId", finding, photo is not null as "hasPhoto"
            from patrol_checkins order by id desc limit 1`,
    );
    expect(checkin).toEqual({ objectId: target.id, finding: "排放口附近有积水，已拍照", hasPhoto: true });
    const onServer = async () => ({
      patrols: await count(sql`select count(*)::int as n from patrols`),
      checkins: await count(sql`select count(*)::int as n from patrol_checkins`),
      cases: await count(sql`select count(*)::int as n from cases`),
      photos: await count(
        sql`select count(*)::int as n from case_evidence e join cases c on c.id = e.case_id
             where c.object_id = ${target.id} and c.patrol_id is not null`,
      ),
    });
    const once = {
      patrols: patrolsBefore + 1,
      checkins: checkinsBefore + 1,
      cases: casesBefore + 1,
      photos: 1,
    };
    expect(await onServer()).toEqual(once);
    // The one case names this patrol (the member's newest) and the object, and came from a patrol finding.
    const [report] = await rows<{ source: string; objectId: number; ownPatrol: boolean }>(
      e2e.server.testDb.database.db,
      sql`select c.source, c.object_id as "objectId",
                 c.patrol_id = (select max(id) from patrols p where p.member_id = c.created_by) as "ownPatrol"
            from cases c order by c.id desc limit 1`,
    );
    expect(report).toEqual({ source: "patrol_finding", objectId: target.id, ownPatrol: true });

    // Syncing again (another online event) and reloading send nothing twice.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator(".field-sync").getByText("已全部同步").waitFor();
    expect(await onServer()).toEqual(once);
  });

  it("refuses a check-in too far from the object and says how far", async () => {
    await context.setGeolocation({ longitude: target.lon, latitude: target.lat + 0.006, accuracy: 6 });
    const item = page.locator(`.field-due-item[data-object-id="${target.id}"]`);
    await page.waitForTimeout(500);
    await item.getByRole("button", { name: "签到", exact: true }).click();
    await page.locator(".field-checkin").getByRole("button", { name: /^签到/ }).click();
    const message = page.locator(".field-checkin-message");
    await message.getByText(/距离该监管对象 6\d\d 米，超出 200 米的签到范围/).waitFor();
    await message.scrollIntoViewIfNeeded();
    await screenshot(page, "patrol-field-too-far");
  });

  it("says in the member's language which record the phone could not send, and why", async () => {
    // A finish whose patrol never started on the server (its start was refused): the phone refuses it itself.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("envgrid-field", 1);
          open.onsuccess = () => {
            const tx = open.result.transaction("outbox", "readwrite");
            tx.objectStore("outbox").add({
              kind: "finish",
              patrolLocalId: "never-started",
              key: "e2e-finish-never-started",
              body: { finishedAt: new Date().toISOString() },
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.evaluate(() => localStorage.setItem("envgrid.language", "ug"));
    try {
      await page.reload();
      const refused = page.locator(".field-refused");
      await refused.getByText("مۇلازىمېتىر قوبۇل قىلمىغان خاتىرىلەر").waitFor();
      await expect
        .poll(() => refused.textContent())
        .toContain(
          "چارلاشنى ئاخىرلاشتۇرۇش：چارلاش باشلانمىغان (باشلاش خاتىرىسىنى مۇلازىمېتىر قوبۇل قىلمىدى)",
        );
      await screenshot(page, "patrol-field-refused-ug");
      await refused.getByRole("button", { name: "تازىلاش" }).click();
      await refused.waitFor({ state: "detached" });
    } finally {
      await page.evaluate(() => localStorage.setItem("envgrid.language", "zh-CN"));
      await page.reload();
    }
  });

  it("measures the JavaScript a phone downloads and the time to the due list (CPU ×4)", async () => {
    // Three cold loads (no service worker, fresh cache); the median, as this machine is shared and noisy.
    const runs: { jsRaw: number; jsGzip: number; ms: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const fresh = await e2e.browser.newContext({ ...PHONE, serviceWorkers: "block" });
      await fresh.addCookies(await context.cookies());
      const phone = await fresh.newPage();
      const cdp = await fresh.newCDPSession(phone);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      let jsRaw = 0;
      let jsGzip = 0;
      const pending: Promise<void>[] = [];
      phone.on("response", (response) => {
        if (!response.url().endsWith(".js")) return;
        pending.push(
          response.body().then((body) => {
            jsRaw += body.length;
            jsGzip += gzipSync(body, { level: 9 }).length;
          }),
        );
      });
      const started = Date.now();
      await phone.goto(`${e2e.server.url}/field`);
      await phone.locator(".field-due-item").first().waitFor();
      const ms = Date.now() - started;
      await Promise.all(pending);
      runs.push({ jsRaw, jsGzip, ms });
      await fresh.close();
    }
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const { jsRaw, jsGzip } = runs[0];
    recordFigure("patrol.field.firstLoad", {
      jsKbRaw: Math.round(jsRaw / 1024),
      jsKbGzip: Math.round(jsGzip / 1024),
      dueListVisibleMsCpu4x: times[1],
      dueListVisibleMsCpu4xRuns: times.join(" "),
    });
    console.log(
      `field app first load: JS ${Math.round(jsGzip / 1024)} KiB gzip (${Math.round(jsRaw / 1024)} KiB raw), due list visible after ${times[1]} ms at CPU ×4 (median of ${times.join(", ")} ms)`,
    );
    expect(jsGzip).toBeGreaterThan(0);
  });

  it("shows the township the coverage map with blind spots, the ledger and a patrol's track playback", async () => {
    const office = await signedInPage(e2e, "township", {
      viewport: { width: 1366, height: 860 },
      locale: "zh-CN",
      landsOn: /\/grids|\/wuding|\/objects/,
    });
    await office.goto(`${e2e.server.url}/patrols`);
    await office.locator(".patrol-ledger tbody tr").first().waitFor();
    // The coverage map draws the demo's blind spots as their own markers, counted in the legend.
    await office.locator("path.patrol-blind-spot").first().waitFor();
    const markers = await office.locator("path.patrol-blind-spot").count();
    expect(markers).toBeGreaterThanOrEqual(1);
    await office.locator(".patrol-map-legend").getByText(`盲区 ${markers} 处`).waitFor();
    await office.waitForTimeout(300); // the map settles on its bounds
    await screenshot(office, "patrol-coverage-map");
    await screenshot(office, "patrol-ledger");
    // The last row of the page: a seeded patrol with a whole track (the first is this test's one-point patrol).
    await office.locator(".patrol-ledger tbody tr").last().click();
    await office.locator(".patrol-playback polyline").waitFor();
    await office.waitForTimeout(500); // the drawer slides in
    await screenshot(office, "patrol-playback");
    await office.keyboard.press("Escape");
    // This test's patrol (the first row): the check-in photo taken offline on the phone shows in its drawer.
    await office.locator(".patrol-ledger tbody tr").first().click();
    const photo = office.locator(".patrol-checkin img");
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await office.waitForTimeout(500); // the drawer slides in
    await screenshot(office, "patrol-checkin-photo");
    await office.keyboard.press("Escape");
    await office.getByRole("tab", { name: /盲区/ }).click();
    await office.locator(".patrol-blind-spots tbody tr").first().waitFor();
    await screenshot(office, "patrol-blind-spots");

    // The finding reported from the phone: its case names the patrol and the object, whose archive lists it.
    const [found] = await rows<{ id: number }>(
      e2e.server.testDb.database.db,
      sql`select id from cases where object_id = ${target.id} and patrol_id is not null order by id desc limit 1`,
    );
    await office.goto(`${e2e.server.url}/cases/${found.id}`);
    await office.locator(".case-patrol").waitFor();
    await office.locator(".case-object").getByText(target.name).waitFor();
    await screenshot(office, "patrol-finding-case");
    await office.locator(".case-object").click();
    await office.locator(".archive-case").first().waitFor();
    await screenshot(office, "patrol-finding-archive");
    await office.context().close();
  });
});

explainSkippedBrowserTests("the field app on a phone");
