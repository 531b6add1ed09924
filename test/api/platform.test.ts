import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/db/migrate.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("platform conventions", () => {
  it("answers /healthz and /readyz without a login", async () => {
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready" });
  });

  it("publishes OpenAPI at /api/docs with a schema on every API route", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ["/api/auth/login", "/api/me", "/api/grids", "/api/grids/{id}", "/api/audit"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths["/api/auth/login"].post.requestBody).toBeDefined();
    const ui = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it("answers unknown API routes with a Chinese 404", async () => {
    const cookie = await t.login("office");
    const r = await t.app.inject({ method: "GET", url: "/api/nothing-here", headers: { cookie } });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: "route_not_found", message: "请求的接口不存在" });
  });

  it("sends security headers", async () => {
    const r = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("re-running migrations changes nothing", async () => {
    expect(await migrate(t.database)).toEqual([]);
    const [row] = await t.query<{ n: number }>(sql`select count(*)::int as n from schema_migrations`);
    expect(row.n).toBeGreaterThan(0);
  });

  it("exposes the public map configuration without a login, with no tiles by default", async () => {
    const config = (await t.app.inject({ method: "GET", url: "/api/config/public" })).json();
    expect(config.tileUrl).toBe("");
    expect(config.appName).toBe("环境监管网格化管理平台");
  });

  it("lists the 19 departments and the 4 supervisory bodies", async () => {
    const cookie = await t.login("dept");
    const items = (await t.app.inject({ method: "GET", url: "/api/departments", headers: { cookie } })).json()
      .items;
    expect(items.filter((d: { kind: string }) => d.kind === "department")).toHaveLength(19);
    expect(items.filter((d: { kind: string }) => d.kind === "supervisory")).toHaveLength(4);
  });

  it("serves the web app: hashed assets cached for good, client routes fall back to index.html", async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>envgrid</title>");
    fs.writeFileSync(path.join(dist, "assets", "app-1234.js"), "console.log(1)");
    const web = await startTestApp({ webDistDir: dist });
    try {
      const asset = await web.app.inject({ method: "GET", url: "/assets/app-1234.js" });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers["cache-control"]).toContain("immutable");
      // A file added after start (a rebuild) is served too.
      fs.writeFileSync(path.join(dist, "assets", "app-5678.js"), "console.log(2)");
      expect((await web.app.inject({ method: "GET", url: "/assets/app-5678.js" })).statusCode).toBe(200);
      const missing = await web.app.inject({
        method: "GET",
        url: "/assets/gone.js",
        headers: { accept: "*/*" },
      });
      expect(missing.statusCode).toBe(404);
      const home = await web.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain("<title>envgrid</title>");
      const page = await web.app.inject({ method: "GET", url: "/grids", headers: { accept: "text/html" } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>envgrid</title>");
      expect(page.headers["cache-control"]).toBe("no-cache");
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("time on the wire", () => {
  it("sends timestamps from raw queries as ISO 8601 UTC on either engine", async () => {
    const cookie = await t.login("auditor");
    const audit = (
      await t.app.inject({ method: "GET", url: "/api/audit?pageSize=3", headers: { cookie } })
    ).json();
    for (const item of audit.items) expect(item.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
