import fs from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { buildApp } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { DEMO_PASSWORD } from "./test-app.ts";
import { openTestDatabase, type TestDatabase } from "./test-db.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.resolve("test-results");

/** Debian's Chromium, flags from ARCHITECTURE.md: no sandbox as root, nothing reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * On CI Chromium is installed by .ci/run and a missing one is a failure; on a bare developer machine the
 * browser tests say why they did not run (see `explainSkippedBrowserTests`).
 */
export const RUN_BROWSER_TESTS = chromiumAvailable() || process.env.CI === "true";

/** Leaves one visibly skipped test naming what is missing, instead of silently running nothing. */
export function explainSkippedBrowserTests(what: string): void {
  describe.skipIf(RUN_BROWSER_TESTS)(`${what} (skipped)`, () => {
    it.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH", () => {});
  });
}

export interface RunningServer {
  url: string;
  testDb: TestDatabase;
  stop(): Promise<void>;
}

/** The real app, production web build included, on a free port over a fresh copy of the demo database. */
export async function startServer(): Promise<RunningServer> {
  const testDb = await openTestDatabase();
  const config = {
    ...loadConfig({}),
    loginRateLimitPerMinute: 10_000,
    apiRateLimitPerMinute: 10_000_000,
    port: 0,
    host: "127.0.0.1",
  };
  const app = await buildApp({ config, database: testDb.database });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    testDb,
    async stop() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface BrowserServer {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the app and Chromium once for the calling describe block and stops both after it. Call it before
 * the block's own beforeAll/afterAll: beforeAll hooks run in order and afterAll hooks in reverse, so a file's
 * extra set-up finds both running and its clean-up runs before they stop. Reading either before the hooks
 * have run throws, rather than handing a test `undefined`.
 */
export function useBrowserServer(): BrowserServer {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const notYet = (what: string) =>
    new Error(`useBrowserServer: ${what} is only there once beforeAll has run`);
  return {
    get server() {
      if (!server) throw notYet("the server");
      return server;
    },
    get browser() {
      if (!browser) throw notYet("the browser");
      return browser;
    },
  };
}

/**
 * A describe block that runs only where Chromium is, with the app and the browser started for it
 * (`useBrowserServer`) before anything the block sets up itself. Pair it with `explainSkippedBrowserTests`
 * at the end of the file, so a machine without Chromium says why nothing ran.
 */
export function describeInBrowser(name: string, body: (e2e: BrowserServer) => void): void {
  describe.runIf(RUN_BROWSER_TESTS)(name, () => body(useBrowserServer()));
}

export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
}

type UrlMatch = Parameters<Page["waitForURL"]>[0];

/**
 * Logs a demo user in and waits for the page they land on (by default: anywhere but the login page), so
 * the test starts on a signed-in page rather than racing the redirect.
 */
export async function logInAs(
  page: Page,
  baseUrl: string,
  username: string,
  landsOn: UrlMatch = (url) => !url.pathname.startsWith("/login"),
): Promise<void> {
  await logIn(page, baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL(landsOn);
}

export interface SignedInPageOptions extends BrowserContextOptions {
  /** The interface language, stored before the first page loads (as a user who chose it earlier). */
  language?: string;
  /** Where the user is expected to land; see `logInAs`. */
  landsOn?: UrlMatch;
}

/**
 * A page of its own context (closing the page closes the context) with a demo user logged in: each user a
 * separate session, as on separate devices.
 */
export async function signedInPage(
  e2e: BrowserServer,
  username: string,
  options: SignedInPageOptions = {},
): Promise<Page> {
  const { language, landsOn, ...contextOptions } = options;
  const page = await e2e.browser.newPage(contextOptions);
  if (language)
    await page.context().addInitScript((l) => localStorage.setItem("envgrid.language", l), language);
  await logInAs(page, e2e.server.url, username, landsOn);
  return page;
}

/** The viewport, or with `fullPage` the whole page (a phone's list runs far below the first screen). */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
