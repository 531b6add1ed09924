import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  type SignedInPageOptions,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

const DESK = { viewport: { width: 1366, height: 860 }, locale: "zh-CN", acceptDownloads: true };
const todayInBeijing = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());

describeInBrowser("the audit log on screen", (e2e) => {
  async function openAuditLog(options: SignedInPageOptions = DESK) {
    const page = await signedInPage(e2e, "auditor", { ...options, landsOn: /\/audit/ });
    await page.locator(".ant-table-tbody .audit-action").first().waitFor();
    return page;
  }

  it("names actions and objects in words, filters by action and Beijing days, and exports (audited)", async () => {
    const page = await openAuditLog();
    // the newest row is the auditor's own login
    const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
    expect(await first.locator(".audit-action").textContent()).toBe("登录");
    expect(await first.locator(".audit-entity").textContent()).toMatch(/^会话 #\d+$/);
    const shown = await page.locator(".ant-table-tbody .audit-action").allTextContents();
    expect(shown.filter((text) => /^[a-z_]+\.[a-z_]+$/.test(text))).toEqual([]);
    await screenshot(page, "audit-log");

    // the action filter offers words, found by typing them
    await page.locator(".audit-action-filter").click();
    await page.keyboard.type("登记监管对象");
    await page.locator(".ant-select-item-option", { hasText: /^登记监管对象$/ }).click();
    // whole Beijing days, typed as the picker shows them (Enter in the last one may already submit the form)
    const listed = page.waitForRequest(
      (r) =>
        r.url().includes("/api/audit?") && r.url().includes("object.create") && r.url().includes("from="),
    );
    const ends = page.locator(".audit-range input");
    await ends.nth(0).click();
    await ends.nth(0).fill("2020-01-01");
    await ends.nth(0).press("Enter");
    await ends.nth(1).fill(todayInBeijing());
    await ends.nth(1).press("Enter");
    await page.getByRole("button", { name: /^查\s?询$/ }).click();
    const query = new URL((await listed).url()).searchParams;
    expect(query.get("action")).toBe("object.create");
    // whole Beijing days, both included, as the case list reads them
    expect(query.get("from")).toBe("2020-01-01");
    expect(query.get("to")).toBe(todayInBeijing());
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll(".ant-table-tbody .audit-action")].map((e) =>
        e.getAttribute("data-code"),
      );
      return codes.length > 0 && codes.every((c) => c === "object.create");
    });
    expect(await page.locator(".ant-table-tbody .audit-entity").first().textContent()).toMatch(
      /^监管对象 #\d+$/,
    );
    await screenshot(page, "audit-log-filtered");

    // the export takes the filters on screen, and is itself in the log
    const download = page.waitForEvent("download");
    await page.locator(".audit-export").click();
    expect((await download).suggestedFilename()).toMatch(/^审计日志_\d{8}\.xlsx$/);
    const [event] = await rows<{
      actor_name: string;
      after: { filter: Record<string, string>; rows: number };
    }>(
      e2e.server.testDb.database.db,
      sql`select actor_name, after from audit_log where action = 'audit.export' order by id desc limit 1`,
    );
    expect(event.actor_name).toBe("auditor");
    expect(event.after.filter).toEqual({
      action: "object.create",
      from: "2020-01-01",
      to: todayInBeijing(),
    });
    expect(event.after.rows).toBeGreaterThan(0);
    await page.context().close();
  });

  it("says in words why an export is refused, on the page", async () => {
    const page = await openAuditLog();
    // the real cap (50,000 rows) is proven by the API test; here only what the page makes of the refusal
    await page.route("**/api/audit/export.xlsx*", (route) =>
      route.fulfill({
        status: 422,
        contentType: "application/json",
        body: JSON.stringify({
          error: "export_too_large",
          message:
            "符合条件的审计记录共 60,000 条，超过单次导出上限 50,000 条，请缩小筛选范围（如时间范围或操作类型）后再导出",
        }),
      }),
    );
    await page.locator(".audit-export").click();
    await page
      .locator(".audit-export-error")
      .getByText(/超过单次导出上限 50,000 条/)
      .waitFor();
    expect(page.url()).toMatch(/\/audit$/);
    await screenshot(page, "audit-log-export-refused");
    await page.context().close();
  });

  it("reads right to left in Uyghur, actions and objects in Uyghur words", async () => {
    const page = await openAuditLog({ ...DESK, language: "ug" });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
    await first.locator(".audit-action", { hasText: "كىرىش" }).waitFor();
    expect(await first.locator(".audit-entity").textContent()).toMatch(/^كىرىش ھالىتى #\d+$/);
    await screenshot(page, "audit-log-ug");
    await page.context().close();
  });
});

explainSkippedBrowserTests("the audit log on screen");
