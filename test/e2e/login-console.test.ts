import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import { describeInBrowser, explainSkippedBrowserTests, logInAs } from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";

// Asking "who is signed in?" must not cost a 401, which Chromium logs as "Failed to load resource".
describeInBrowser("signing in without errors in the console", (e2e) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeEach(async () => {
    context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    errors = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
  });
  afterEach(() => context.close());

  const onLoginPage = async () => {
    await page.waitForURL((url) => url.pathname === "/login");
    await page.locator('input[name="username"]').waitFor();
    await page.waitForLoadState("networkidle");
  };

  it("opens the login page, and a page behind it, with nothing logged", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await onLoginPage();
    expect(errors).toEqual([]);
    await page.goto(`${e2e.server.url}/cases`);
    await onLoginPage();
    expect(errors).toEqual([]);
  });

  it("still sends a visitor whose session ended to the login page, and back after signing in", async () => {
    await logInAs(page, e2e.server.url, "supervisor");
    await rows(
      e2e.server.testDb.database.db,
      sql`update sessions set last_seen_at = now() - interval '1 day'
          where revoked_at is null and user_id = (select id from users where username = 'supervisor')`,
    );
    await page.goto(`${e2e.server.url}/cases`);
    await onLoginPage();
    expect(errors).toEqual([]);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "envgrid_session")).toBeUndefined();
    // signing in on the page the expiry led to goes back where the visitor was
    await page.fill('input[name="username"]', "supervisor");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname === "/cases");
  });
});

explainSkippedBrowserTests("signing in without errors in the console");
