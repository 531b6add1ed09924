import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const REPORTER = "艾合买提·测试举报人"; // a name no demo record uses
const CONTACT = "13811112222";
const MASKED = "138****2222";

describeInBrowser("the case loop across four users in the browser", (e2e) => {
  const contexts: BrowserContext[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-e2e-"));
  const photoFile = path.join(dir, "现场照片.jpg");
  const recheckFile = path.join(dir, "复查照片.jpg");
  /** Every body the department's browser received from the API, to search for the reporter afterwards. */
  const deptResponses: string[] = [];

  beforeAll(async () => {
    await sharp({ create: { width: 320, height: 240, channels: 3, background: "#7a6" } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "42/1 57/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "89/1 11/1 0/1",
        },
      })
      .toFile(photoFile);
    await sharp({ create: { width: 320, height: 240, channels: 3, background: "#69c" } })
      .jpeg()
      .toFile(recheckFile);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function as(username: string): Promise<Page> {
    const page = await signedInPage(e2e, username, {
      viewport: { width: 1366, height: 900 },
      locale: "zh-CN",
    });
    contexts.push(page.context());
    return page;
  }

  async function stage(page: Page, name: string) {
    await page.locator("[data-testid=case-stage]", { hasText: name }).waitFor({ timeout: 20_000 });
  }

  async function choose(page: Page, label: string, option: string) {
    await page.locator(".ant-form-item", { hasText: label }).locator(".ant-select").first().click();
    await page.locator(".ant-select-item-option", { hasText: option }).first().click();
  }

  /** Clicks an action button; fills its form if one opens; confirms. */
  async function act(
    page: Page,
    action: string,
    fill?: (modal: ReturnType<Page["locator"]>) => Promise<void>,
  ) {
    await page.locator(`button[data-action=${action}]`).click();
    if (fill) {
      const modal = page.locator(".ant-modal").filter({ has: page.locator("[data-testid=action-submit]") });
      await modal.waitFor();
      await fill(modal);
      await modal.locator("[data-testid=action-submit]").click();
    }
    // click only once the dialog has finished zooming in; a click during the animation can be lost
    await page.locator(".ant-modal-confirm:not([class*=ant-zoom]) .ant-btn-primary").click();
    try {
      await page.locator(".ant-modal-confirm").waitFor({ state: "detached" });
    } catch (error) {
      await screenshot(page, `case-loop-failed-${action}`);
      throw error;
    }
  }

  it("member reports with a photo → township transfers → department handles → member re-checks → closed", async () => {
    // 1. the member files a resident's report from the field, with a photo, choosing the place on the map
    const member = await as("member");
    await member.goto(`${e2e.server.url}/cases/new`);
    await member.locator("[data-testid=location-picker] path.grid-level-3").waitFor();
    await choose(member, "来源", "群众举报");
    await choose(member, "事项类别", "工业废气污染");
    await member.fill("input[name=title]", "砖厂夜间冒黑烟");
    await member.fill("textarea[name=description]", "村民电话反映：砖厂夜间烟囱冒黑烟，气味刺鼻。");
    const map = member.locator("[data-testid=location-picker]");
    const box = await map.boundingBox();
    if (!box) throw new Error("no map");
    await member.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await member.locator("path.picked-location").waitFor();
    expect(await member.inputValue("input[name=lng]")).not.toBe("");
    // the click filled the coordinates; use a point that is surely inside 亚尔村 (the map centre may be a gap)
    const [inside] = await rows<{ lng: number; lat: number }>(
      e2e.server.testDb.database.db,
      sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat from grids where name = '亚尔村'`,
    );
    await member.fill("input[name=lng]", inside.lng.toFixed(6));
    await member.fill("input[name=lat]", inside.lat.toFixed(6));
    await member.fill("input[name=reporterName]", REPORTER);
    await member.fill("input[name=reporterContact]", CONTACT);
    await member.locator(".report-form input[type=file]").setInputFiles(photoFile);
    await screenshot(member, "case-loop-1-member-report");
    await member.click("[data-testid=report-submit]");
    await member.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(new URL(member.url()).pathname.split("/").at(-1));
    await stage(member, "已上报待受理");
    await member.locator("[data-evidence-id]").first().waitFor();
    await screenshot(member, "case-loop-2-member-filed");

    // 2. the township finds it in its inbox, accepts, registers and transfers it to 生态环境
    const township = await as("township");
    await township.goto(`${e2e.server.url}/cases/inbox`);
    await township.locator(".case-table a", { hasText: /^GC/ }).first().waitFor();
    await screenshot(township, "case-loop-township-inbox");
    await township.goto(`${e2e.server.url}/cases/${caseId}`);
    await stage(township, "已上报待受理");
    await township.locator(".reporter-masked", { hasText: MASKED }).waitFor();
    expect(await township.content()).not.toContain(CONTACT);
    await act(township, "accept");
    await stage(township, "已受理待立案");
    await act(township, "register");
    await stage(township, "已立案待研判");
    await act(township, "transfer", async (modal) => {
      // the routing's competent department is proposed
      await modal.getByText("市生态环境局高昌区分局").first().waitFor();
    });
    await stage(township, "已移交待接收");
    await screenshot(township, "case-loop-3-township-transferred");

    // 3. the department accepts, records its handling with a photo, and feeds back
    const dept = await as("dept");
    dept.on("response", async (r) => {
      if (r.url().includes("/api/")) deptResponses.push(await r.text().catch(() => ""));
    });
    await dept.goto(`${e2e.server.url}/cases/inbox`);
    await dept.locator(".case-table a", { hasText: /^GC/ }).first().waitFor();
    await dept.goto(`${e2e.server.url}/cases/${caseId}`);
    await stage(dept, "已移交待接收");
    await dept.getByText("举报人信息保密").waitFor();
    await act(dept, "accept_transfer");
    await stage(dept, "办理中");
    await act(dept, "record_handling", async (modal) => {
      await modal.locator("label", { hasText: "责令整改" }).click();
      await modal.locator("textarea[name=summary]").fill("已下达责令改正违法行为决定书，企业停产整改。");
      await modal.locator("input[type=file]").setInputFiles(photoFile);
    });
    await stage(dept, "已办理待反馈");
    await act(dept, "give_feedback", async (modal) => {
      await modal.locator("textarea[name=summary]").fill("企业已完成脱硫除尘设施整改。");
    });
    await dept.locator(".case-timeline [data-action=give_feedback]").waitFor();
    await screenshot(dept, "case-loop-4-department");
    for (const html of [await dept.content()]) {
      expect(html).not.toContain(CONTACT);
      expect(html).not.toContain(MASKED);
      expect(html).not.toContain(REPORTER);
    }

    // 4. the township replies to the reporter, informs the village and sends the member to re-check
    await township.reload();
    await act(township, "reply_to_reporter", async (modal) => {
      await modal.locator("textarea[name=summary]").fill("已电话告知举报人：企业已责令整改。");
    });
    await act(township, "inform_lower_grid");
    await stage(township, "已反馈待核查");
    await act(township, "request_verification", async (modal) => {
      await modal.locator(".ant-select").click();
      await township.locator(".ant-select-item-option", { hasText: "热依拉" }).click();
    });
    await stage(township, "核查中");

    // 5. the member re-checks on site with a photo
    await member.goto(`${e2e.server.url}/cases/inbox`);
    await member.locator(".case-table a", { hasText: /^GC/ }).first().waitFor();
    await member.goto(`${e2e.server.url}/cases/${caseId}`);
    await stage(member, "核查中");
    await act(member, "record_verification", async (modal) => {
      await modal.locator("textarea[name=note]").fill("现场复查：烟囱已无黑烟，除尘设施运行正常。");
      await modal.locator("input[type=file]").setInputFiles(recheckFile);
    });
    await stage(member, "核查通过待销号");
    await screenshot(member, "case-loop-5-member-verified");

    // 6. the township closes it (销号)
    await township.reload();
    await act(township, "close");
    await stage(township, "已销号");
    await township.locator(".case-timeline [data-action=close]").waitFor();
    await screenshot(township, "case-loop-6-township-closed");

    // the department's view, start to end, never carried the reporter — not in pages, not in API answers
    await dept.goto(`${e2e.server.url}/cases/${caseId}`);
    await stage(dept, "已销号");
    await dept.goto(`${e2e.server.url}/cases`);
    await dept.locator(".case-table a", { hasText: /^GC/ }).first().waitFor();
    expect(deptResponses.length).toBeGreaterThan(10);
    for (const body of [...deptResponses, await dept.content()]) {
      expect(body).not.toContain(CONTACT);
      expect(body).not.toContain(MASKED);
      expect(body).not.toContain(REPORTER);
    }
    const [c] = await rows<{ stage: string; n: number }>(
      e2e.server.testDb.database.db,
      sql`select stage, (select count(*)::int from case_evidence where case_id = ${caseId}) as n from cases where id = ${caseId}`,
    );
    expect(c).toEqual({ stage: "closed", n: 3 });
  });

  it("lets the township transfer several registered cases at once, and shows cases on a map", async () => {
    const township = await as("township");
    const api = township.context().request;
    const [inside] = await rows<{ lng: number; lat: number }>(
      e2e.server.testDb.database.db,
      sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat from grids where name = '英买里村'`,
    );
    const ids: number[] = [];
    for (const title of ["批量移交测试一", "批量移交测试二"]) {
      const created = await api.post(`${e2e.server.url}/api/cases`, {
        headers: { "idempotency-key": `bulk-${ids.length}-${Date.now()}` },
        data: {
          source: "patrol_finding",
          title,
          description: "巡查发现工地扬尘",
          category: "construction_dust",
          location: inside,
        },
      });
      expect(created.status()).toBe(201);
      const c = await created.json();
      for (const [action, version] of [
        ["accept", 1],
        ["register", 2],
      ] as const)
        expect(
          (
            await api.post(`${e2e.server.url}/api/cases/${c.id}/transitions`, { data: { action, version } })
          ).status(),
        ).toBe(200);
      ids.push(c.id);
    }
    await township.goto(`${e2e.server.url}/cases/inbox`);
    await township.fill(".ant-input-search input", "批量移交测试");
    await township.keyboard.press("Enter");
    const rowsOf = township.locator(".case-table .ant-table-row", { hasText: "批量移交测试" });
    await expect.poll(() => rowsOf.count(), { timeout: 20_000 }).toBe(2);
    for (const row of await rowsOf.all()) await row.locator(".ant-checkbox-input").check();
    await township.click("[data-testid=bulk-transfer]");
    await choose(township, "移交部门", "区住房和城乡建设局");
    await township.locator(".ant-modal .ant-btn-primary").click();
    await township.getByText("已移交 2/2 件").waitFor();
    const moved = await rows<{ stage: string }>(
      e2e.server.testDb.database.db,
      sql`select stage from cases where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect(moved.map((m) => m.stage)).toEqual(["transferred", "transferred"]);

    await township.goto(`${e2e.server.url}/cases`);
    await township.locator(".ant-segmented-item", { hasText: "地图" }).click();
    await township.locator("path.case-marker").first().waitFor();
    expect(await township.locator("path.case-marker").count()).toBeGreaterThan(10);
    await screenshot(township, "case-map-township");
  });

  it("shows the district office its supervision board", async () => {
    const office = await as("office");
    await office.goto(`${e2e.server.url}/supervision`);
    await office.locator(".supervision-board .ant-statistic").first().waitFor();
    await office.locator(".supervision-board .ant-table-row").first().waitFor();
    await screenshot(office, "case-supervision-board");
  });
});

explainSkippedBrowserTests("the case loop in the browser");
