import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("a dispute's complainant on the case page", (e2e) => {
  const as = (username: string) =>
    signedInPage(e2e, username, { locale: "zh-CN", viewport: { width: 1366, height: 860 } });

  it("is （保密） to a leader, masked to the office, and revealed to the office with a reason", async () => {
    // a demo dispute of 亚尔镇 (the demo's complainant is 周边村民)
    const [dispute] = await rows<{ id: number }>(
      e2e.server.testDb.database.db,
      sql`select id from cases where source = 'dispute' and grid_path like '/1/7/%' order by id limit 1`,
    );
    const parties = (page: Page) =>
      page.locator(".case-detail .ant-descriptions-item", { hasText: "投诉方" }).first();

    const leader = await as("leader");
    await leader.goto(`${e2e.server.url}/cases/${dispute.id}`);
    await parties(leader).getByText("（保密）（投诉方）", { exact: false }).waitFor();
    expect(await leader.content()).not.toContain("周边村民");
    expect(await leader.locator("[data-testid=reveal-reporter]").count()).toBe(0);
    await leader.context().close();

    const office = await as("office");
    await office.goto(`${e2e.server.url}/cases/${dispute.id}`);
    await parties(office).getByText("周***（投诉方）", { exact: false }).waitFor();
    expect(await office.content()).not.toContain("周边村民");
    await office.click("[data-testid=reveal-reporter]");
    await office.fill("input[name=revealReason]", "组织双方调解");
    await office.locator(".ant-modal .ant-btn-primary").click();
    await office.locator(".ant-modal", { hasText: "周边村民（投诉方）" }).waitFor();
    await screenshot(office, "dispute-complainant-revealed");
    await office.context().close();
  });
});

explainSkippedBrowserTests("dispute complainant");
