import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("signing a responsibility contract in the browser", (e2e) => {
  it("lets the village head open their contract, confirm, and see it signed with its SHA-256", async () => {
    const page = await signedInPage(e2e, "villagehead", {
      viewport: { width: 1366, height: 900 },
      landsOn: /\/grids/,
    });
    await page.getByRole("menuitem", { name: "责任状" }).click();
    await page.waitForURL(/\/contracts/);
    // The "for me to sign" tab opens first and lists the village's own contract.
    const row = page.locator(".contract-table tbody tr", { hasText: "亚尔村" });
    await row.getByRole("button", { name: "查看" }).click();
    await page.waitForURL(/\/contracts\/\d+$/);
    await page.getByText("甲方：亚尔镇（二级网格）").first().waitFor();
    await page.getByRole("button", { name: "签署" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("签署后文本即行固定", { exact: false }).waitFor();
    // antd spaces out a two-character Chinese label ("签 署").
    await dialog.getByRole("button", { name: /^签\s*署$/ }).click();

    await page.locator('[data-status="signed"]').waitFor();
    await dialog.waitFor({ state: "hidden" });
    const hash = ((await page.getByTestId("contract-sha256").textContent()) ?? "").trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText("文本与摘要一致").waitFor();
    expect(await page.getByRole("button", { name: /^签\s*署$/ }).count()).toBe(0);

    // What the page shows is what the database froze: the hash of the stored text.
    const id = Number(page.url().split("/").at(-1));
    const [stored] = await rows<{ body: string; status: string; signedBy: string }>(
      e2e.server.testDb.database.db,
      sql`select c.body, c.status, u.username as "signedBy" from responsibility_contracts c
            join users u on u.id = c.signed_by where c.id = ${id}`,
    );
    expect(stored).toMatchObject({ status: "signed", signedBy: "villagehead" });
    expect(createHash("sha256").update(stored.body, "utf8").digest("hex")).toBe(hash);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "contract-signed-top");
    await page.getByTestId("contract-sha256").scrollIntoViewIfNeeded();
    await screenshot(page, "contract-signed");
    await page.close();
  });
});

explainSkippedBrowserTests("signing a responsibility contract in the browser");
