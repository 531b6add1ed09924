import type { Response } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, explainSkippedBrowserTests, logInAs } from "../support/browser.ts";

// What a phone on a slow link downloads: the web build's scripts and the API's larger answers arrive
// compressed (server/app.ts), so the weight benchmark's figures are what is really sent.
describeInBrowser("compressed downloads in a real browser", (e2e) => {
  it("receives the app's scripts and the grid tree compressed", async () => {
    const page = await e2e.browser.newPage();
    const seen: { path: string; encoding: string; length: number }[] = [];
    const record = (response: Response) => {
      const headers = response.headers();
      seen.push({
        path: new URL(response.url()).pathname,
        encoding: headers["content-encoding"] ?? "identity",
        length: Number(headers["content-length"] ?? Number.POSITIVE_INFINITY),
      });
    };
    page.on("response", record);
    const gridTree = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/grids");
    await logInAs(page, e2e.server.url, "office", /\/grids/);
    record(await gridTree);
    await page.close();

    // the build leaves files under 1 KiB plain; everything larger must arrive compressed
    const scripts = seen.filter((r) => r.path.endsWith(".js") && r.length >= 1024);
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((r) => !["br", "gzip"].includes(r.encoding))).toEqual([]);
    expect(seen.find((r) => r.path === "/api/grids")?.encoding).toMatch(/^(br|gzip)$/);
  });
});

explainSkippedBrowserTests("compressed downloads");
